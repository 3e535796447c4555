#!/usr/bin/env bash
# Releases SERVICES (one `service=<repository>@sha256:<digest>` a line, from resolve-images.sh) to STACK through the
# runner's deploy: the idle color gets the images, is smoke-tested, then takes traffic in alarm-gated steps. Only
# digests are released, so every stack runs exactly the images staging tested.
#
# usage: release.sh STACK   (SERVICES and AWS_CREDENTIAL_EXPIRATION in the environment)
set -euo pipefail

stack=${1:?usage: release.sh STACK}
# Without the session's expiry the runner only warns, so a session too short for the release would go unnoticed.
if [ -z "${AWS_CREDENTIAL_EXPIRATION:-}" ]; then
  echo "release: AWS_CREDENTIAL_EXPIRATION is empty; pass the credentials step's aws-expiration output so the runner can refuse a session that ends mid-release" >&2
  exit 2
fi
args=()
while IFS= read -r service; do
  [ -z "$service" ] && continue
  if [[ ! "$service" =~ ^[a-z0-9-]+=[^[:space:]@]+@sha256:[0-9a-f]{64}$ ]]; then
    echo "release: '$service' is not service=<repository>@sha256:<digest>; only digests are released" >&2
    exit 2
  fi
  args+=(--service "$service")
done <<<"${SERVICES:-}"
if [ "${#args[@]}" -eq 0 ]; then
  echo "release: SERVICES names no image to release" >&2
  exit 2
fi

# Built first and exec'd: a CI cancel's SIGINT then reaches the runner itself, not a `dotnet run` in front of it.
dotnet build runner/cli -c Release -nologo -v:q
exec dotnet runner/cli/bin/Release/net10.0/infra-runner.dll deploy --stack "$stack" "${args[@]}" --log-json
