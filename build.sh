#!/usr/bin/env bash
# Builds, tests and plans the infra solution in the flavor this machine can restore:
# the real Pulumi/AWS packages when the package source has them, otherwise the in-repo offline SDK.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
cache="$root/.cache"

usage() {
  cat <<USAGE
usage: ./build.sh build
       ./build.sh test
       ./build.sh plan <stack> [--json FILE]
       ./build.sh diff BASE.json HEAD.json [--markdown]
       ./build.sh bench [--rollouts N] [--seed N]
Set OFFLINE_SDK=true or false to skip the probe and force a flavor.
USAGE
}

# Decides OfflineSdk: the real packages first; the offline SDK only when the source lacks them.
choose_flavor() {
  if [ -n "${OFFLINE_SDK:-}" ]; then
    offline=$OFFLINE_SDK
  else
    local log
    log=$(mktemp)
    if dotnet restore Infra.sln -p:OfflineSdk=false >"$log" 2>&1; then
      offline=false
    elif grep -Eq "NU1101.*(Pulumi|AWSSDK)|NU1102.*(Pulumi|AWSSDK)|There are no versions available for the package '(Pulumi|AWSSDK)" "$log"; then
      echo "build: the package source does not serve the Pulumi/AWSSDK packages; using the offline SDK (OfflineSdk=true)." >&2
      offline=true
    else
      cat "$log" >&2
      rm -f "$log"
      echo "build: restore failed for a reason other than missing Pulumi/AWSSDK packages." >&2
      exit 1
    fi
    rm -f "$log"
  fi
  if [ "$offline" = true ]; then flavor=offline; else flavor=real; fi
  export INFRA_SDK_FLAVOR=$flavor
}

build() {
  choose_flavor
  dotnet build Infra.sln -c Release -p:OfflineSdk="$offline" -nologo -v:q -clp:ErrorsOnly >&2
  echo "build: built the $flavor flavor (OfflineSdk=$offline)." >&2
}

# Pinned version of a package in Directory.Packages.props.
pinned_version() { sed -nE "s/.*PackageVersion Include=\"$1\" Version=\"([^\"]+)\".*/\1/p" Directory.Packages.props; }

# The npm typings of a Pulumi provider the fidelity tests compare against, fetched once into the ignored cache.
fetch_typings() { # <provider> <version> <env var>
  local dir="$cache/npm/pulumi-$1-$2"
  if [ ! -f "$dir/package/package.json" ]; then
    mkdir -p "$dir"
    (cd "$dir" && npm pack "@pulumi/$1@$2" --silent >/dev/null && tar -xzf "pulumi-$1-$2.tgz" && rm -f ./*.tgz)
  fi
  export "$3=$dir/package"
}

# The DynamoDB-compatible server the ledger tests start (tools/dynalite), installed from its lock file when it is
# missing or the lock changed. --ignore-scripts: it runs in memory, so no native LevelDB build is needed.
install_dynalite() {
  local dir="$root/tools/dynalite" lock
  lock=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$dir/node_modules/.lock-sha256" 2>/dev/null)" != "$lock" ]; then
    npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --silent >&2
    echo "$lock" >"$dir/node_modules/.lock-sha256"
  fi
}

run_tests() {
  build
  fetch_typings aws "$(pinned_version Pulumi.Aws)" PULUMI_AWS_TYPINGS
  fetch_typings random "$(pinned_version Pulumi.Random)" PULUMI_RANDOM_TYPINGS
  install_dynalite
  local log passed=0 failed=0 skipped=0 status=0
  log=$(mktemp)
  dotnet test Infra.sln -c Release --no-build -p:OfflineSdk="$offline" -nologo 2>&1 | tee "$log" || status=$?
  while read -r f p s; do
    failed=$((failed + f)); passed=$((passed + p)); skipped=$((skipped + s))
  done < <(sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\2 \3 \4/p' "$log")
  rm -f "$log"
  for suite in $(find components -name '*.test.mjs' -not -path '*/node_modules/*' 2>/dev/null | sort); do
    log=$(mktemp)
    node --test "$suite" 2>&1 | tee "$log" || status=1
    # A suite that dies before its summary counts as one failure, not as nothing.
    local suite_passed suite_failed suite_skipped
    suite_passed=$(sed -nE 's/^# pass ([0-9]+)/\1/p' "$log" | tail -1)
    suite_failed=$(sed -nE 's/^# fail ([0-9]+)/\1/p' "$log" | tail -1)
    suite_skipped=$(sed -nE 's/^# skipped ([0-9]+)/\1/p' "$log" | tail -1)
    passed=$((passed + ${suite_passed:-0}))
    failed=$((failed + ${suite_failed:-1}))
    skipped=$((skipped + ${suite_skipped:-0}))
    rm -f "$log"
  done
  echo "$passed passed, $failed failed, $skipped skipped"
  if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ]; then exit 1; fi
}

run_runner() {
  choose_flavor
  dotnet build runner/cli/Infra.Runner.csproj -c Release -p:OfflineSdk="$offline" -nologo -v:q -clp:ErrorsOnly >&2
  echo "build: built the $flavor flavor (OfflineSdk=$offline)." >&2
  dotnet "runner/cli/bin/Release/net10.0/infra-runner.dll" "$@"
}

case "${1:-}" in
  build) build ;;
  test) run_tests ;;
  plan) shift; [ $# -ge 1 ] || { usage >&2; exit 2; }; run_runner plan "$@" ;;
  diff) shift; run_runner diff "$@" ;;
  bench) shift; dotnet run --project bench/Rollout.Bench -c Release -- "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
