#!/usr/bin/env bash
# Prints the role session length, in seconds, to request for a release that may take NEEDED seconds (the runner's
# `deploy --print-max-duration`): NEEDED plus a margin for the steps between requesting the credentials and the
# runner's start, at least STS's minimum of 900, and at most ROLE_MAX, the role's maximum session duration (a longer
# request fails outright). When the role allows less than needed it says so; the runner then refuses to start.
#
# usage: role-session-seconds.sh NEEDED ROLE_MAX
set -euo pipefail

margin=300
needed=${1-} role_max=${2-}
for value in "$needed" "$role_max"; do
  if [[ ! "$value" =~ ^[0-9]{1,6}$ ]]; then
    echo "role-session-seconds: expected whole seconds, got '$value' (usage: role-session-seconds.sh NEEDED ROLE_MAX)" >&2
    exit 2
  fi
done
if [ "$role_max" -lt 900 ] || [ "$role_max" -gt 43200 ]; then
  echo "role-session-seconds: the role's maximum session duration must be 900-43200 seconds, got $role_max" >&2
  exit 2
fi

seconds=$((10#$needed + margin))
[ "$seconds" -lt 900 ] && seconds=900
if [ "$seconds" -gt "$role_max" ]; then
  echo "role-session-seconds: the release may take ${needed}s (+${margin}s margin) but the role allows ${role_max}s; raise its maximum session duration" >&2
  seconds=$role_max
fi
echo "$seconds"
