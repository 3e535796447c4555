#!/usr/bin/env bash
# Before a drill: finishes a fail-back an earlier run left unfinished (the ledger still says drPromoted, or the DR
# replica's rebuild or the state repair is incomplete), which would make the drill refuse or start from the wrong
# topology. The runner's `failback` resumes whatever is left; exit 6 means nothing to fail back. Any other failure
# stops the job before the drill; the report (dr-failback-earlier-report.md/.json) says where it stopped. Like the
# workflow's own failback step, it waits up to an hour for a release holding the stack's lease rather than refusing.
#
# usage: finish-failback.sh STACK
set -uo pipefail

stack=${1-}
if [[ ! "$stack" =~ ^[a-z0-9-]+$ ]]; then
  echo "finish-failback: expected a stack name (lower-case letters, digits, hyphens), got '$stack' (usage: finish-failback.sh STACK)" >&2
  exit 2
fi

status=0
dotnet run --project runner/cli -c Release -- failback --stack "$stack" --yes --lease-wait 30m --report dr-failback-earlier-report.md --log-json || status=$?
case "$status" in
  0) echo "finish-failback: an unfinished fail-back of $stack was finished; the drill starts from the original topology" >&2 ;;
  6) echo "finish-failback: nothing to fail back on $stack" >&2; status=0 ;;
  *) echo "finish-failback: failback of $stack exited $status; no drill until it is finished (see dr-failback-earlier-report.md)" >&2 ;;
esac
exit "$status"
