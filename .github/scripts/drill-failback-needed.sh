#!/usr/bin/env bash
# After dr-drill.yml's drill step: whether the fail-back job runs (prints needed=true or needed=false for
# $GITHUB_OUTPUT). A readable JSON report decides by its mayBePromoted. Without one, a runner that ended before the
# drill began changed nothing: exit 2 refused (for example a stack failed over on purpose, which must not be failed
# back), 4 stack busy, 5 the lease held elsewhere. Any other drill step that ran (killed or interrupted before it wrote a
# report, or whose report files could not be written, even one that succeeded) may have promoted, so it fails back: a
# fail-back that finds nothing to do counts as done (finish-failback.sh).
#
# usage: drill-failback-needed.sh REPORT_JSON STEP_OUTCOME [RUNNER_EXIT]
#   STEP_OUTCOME: the drill step's outcome (success, failure, cancelled, skipped); RUNNER_EXIT: the runner's exit
#   code, empty when the step recorded none (killed, cancelled or never run).
set -uo pipefail

report=${1-}
outcome=${2-}
exit_code=${3-}
usage="usage: drill-failback-needed.sh REPORT_JSON STEP_OUTCOME [RUNNER_EXIT]"
if [[ ! "$outcome" =~ ^(success|failure|cancelled|skipped)$ ]]; then
  echo "drill-failback-needed: expected the drill step's outcome (success, failure, cancelled or skipped), got '$outcome' ($usage)" >&2
  exit 2
fi
if [[ ! "$exit_code" =~ ^[0-9]*$ ]]; then
  echo "drill-failback-needed: expected the runner's exit code (digits, or empty when none was recorded), got '$exit_code' ($usage)" >&2
  exit 2
fi

if [ -f "$report" ] && promoted=$(jq -r '.mayBePromoted | booleans' "$report" 2>/dev/null) && [ -n "$promoted" ]; then
  echo "drill-failback-needed: the drill's report says mayBePromoted: $promoted" >&2
  echo "needed=$promoted"
elif [[ "$exit_code" =~ ^(2|4|5)$ ]]; then
  echo "drill-failback-needed: the runner ended before the drill began (exit $exit_code) and wrote no report; nothing was promoted" >&2
  echo "needed=false"
elif [ "$outcome" != skipped ]; then
  echo "drill-failback-needed: the drill step ended $outcome (exit ${exit_code:-not recorded}) without a readable report; it may have promoted, so fail back" >&2
  echo "needed=true"
else
  echo "drill-failback-needed: the drill step was skipped; nothing was promoted" >&2
  echo "needed=false"
fi
