#!/usr/bin/env bash
# Runs the runner's `failback` of STACK to its end, for every fail-back job of dr-drill.yml: before a drill (a fail-back
# an earlier run left unfinished, which would make the drill refuse), after a drill that may have promoted, and its
# resumption. The runner's `failback` resumes whatever is left; its exit 6 ("nothing to fail back": not failed over,
# nothing unfinished) is no failure, so it exits 0 as a finished fail-back does. Any other failure is the job's failure;
# the report (REPORT, and the JSON beside it) says where it stopped. It waits up to 30 minutes (--lease-wait 30m) for a
# release holding the stack's lease rather than refusing.
#
# usage: finish-failback.sh STACK REPORT   (REPORT: the Markdown report's file name, e.g. dr-failback-report.md)
set -uo pipefail

usage="usage: finish-failback.sh STACK REPORT"
stack=${1-}
report=${2-}
if [[ ! "$stack" =~ ^[a-z0-9-]+$ ]]; then
  echo "finish-failback: expected a stack name (lower-case letters, digits, hyphens), got '$stack' ($usage)" >&2
  exit 2
fi
if [[ ! "$report" =~ ^[a-z0-9-]+\.md$ ]]; then
  echo "finish-failback: expected the report's file name (lower-case letters, digits, hyphens, ending .md), got '$report' ($usage)" >&2
  exit 2
fi

status=0
dotnet run --project runner/cli -c Release -- failback --stack "$stack" --yes --lease-wait 30m --report "$report" --log-json || status=$?
case "$status" in
  0) echo "finish-failback: the fail-back of $stack finished (see $report)" >&2 ;;
  6) echo "finish-failback: nothing to fail back on $stack" >&2; status=0 ;;
  *) echo "finish-failback: failback of $stack exited $status; it is not finished (see $report)" >&2 ;;
esac
exit "$status"
