#!/usr/bin/env bash
# Runs every test: installs what is missing, starts Azurite on free ports, runs the .NET suite and the
# JavaScript tests, stops what it started, and ends with a line "N passed, N failed".
#
#   ./test.sh            everything (what CI runs)
#   ./test.sh --unit     unit tests only (.NET tests without a Kind trait, and the JavaScript tests): no Azurite,
#                        no Chromium, no Bicep; seconds, not minutes
#   ./test.sh ARGS...    further arguments go to `dotnet test` (e.g. --filter "FullyQualifiedName~Pii")
set -uo pipefail
cd "$(dirname "$0")"
root=$(pwd)

log() { echo "test.sh: $*" >&2; }

unit=false
if [ "${1:-}" = "--unit" ]; then unit=true; shift; fi

command -v dotnet >/dev/null || { log "the .NET SDK is required (dotnet on PATH)"; exit 1; }
command -v node >/dev/null || { log "Node.js is required (for Azurite and the JavaScript tests)"; exit 1; }
if [ "$(node -p 'process.versions.node.split(".")[0]')" -lt 20 ]; then
  log "Node.js $(node --version) is too old: Azurite 3.37 needs Node.js 22 (20 works, with npm warnings)"; exit 1
fi

results="$root/TestResults"
rm -rf "$results"
mkdir -p "$results"

if $unit; then
  export NEARMISS_TEST_KIND=unit
  set -- --filter "Kind!=Azurite&Kind!=Browser&Kind!=Infra" "$@"
else
  if [ ! -x node_modules/.bin/azurite ]; then
    log "installing Azurite from package-lock.json"
    npm ci --no-audit --no-fund >&2 || exit 1
  fi

  if [ ! -x /usr/bin/chromium ]; then
    log "installing Debian's Chromium for the browser tests"
    if [ "$(id -u)" = 0 ]; then
      (apt-get install -y chromium >&2 || { apt-get update >&2 && apt-get install -y chromium >&2; }) || log "Chromium could not be installed"
    else
      (sudo apt-get install -y chromium >&2) || log "Chromium could not be installed"
    fi
  fi

  free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
  blob=$(free_port); queue=$(free_port); table=$(free_port)
  while [ "$queue" = "$blob" ] || [ "$table" = "$blob" ] || [ "$table" = "$queue" ]; do queue=$(free_port); table=$(free_port); done

  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --loose --inMemoryPersistence \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >/dev/null 2>&1 &
  azurite_pid=$!
  cleanup() { kill "$azurite_pid" 2>/dev/null; wait "$azurite_pid" 2>/dev/null; }
  trap cleanup EXIT

  for _ in $(seq 1 100); do
    (exec 3<>"/dev/tcp/127.0.0.1/$table") 2>/dev/null && break
    sleep 0.1
  done

  key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
  export NEARMISS_TEST_STORAGE="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"

  # The Bicep CLI for the infrastructure tests (NearMiss.Tests/Infra build and lint infra/bicep): restored from
  # NuGet once here, so a restore failure shows up as such and not as a failing test.
  if bicep=$("$root/scripts/bicep.sh" --path); then
    export NEARMISS_BICEP="$bicep"
  else
    log "the Bicep CLI could not be restored; the infrastructure tests will try again and report it"
  fi
fi

# The pure JavaScript of the pages (what the review console redacts, what the form highlights), with Node's own
# test runner; its TAP summary is counted with the .NET results.
node --test --test-reporter=tap NearMiss.Tests/Web/ > "$results/web.tap" 2>&1
js_status=$?
if [ "$js_status" -ne 0 ]; then cat "$results/web.tap" >&2; fi
js_passed=$(sed -n 's/^# pass \([0-9]*\)$/\1/p' "$results/web.tap" | tail -1)
js_failed=$(sed -n 's/^# fail \([0-9]*\)$/\1/p' "$results/web.tap" | tail -1)
log "JavaScript: ${js_passed:-0} passed, ${js_failed:-0} failed"

dotnet test NearMiss.slnx -c Release --logger "trx" --results-directory "$results" "$@" >&2
status=$?

passed=${js_passed:-0}; failed=${js_failed:-0}
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(echo "$counters" | sed -n 's/.* passed="\([0-9]*\)".*/\1/p'); f=$(echo "$counters" | sed -n 's/.* failed="\([0-9]*\)".*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
done

echo "$passed passed, $failed failed"
if [ "$passed" -eq 0 ] || [ "$failed" -ne 0 ] || [ "$status" -ne 0 ] || [ "$js_status" -ne 0 ]; then exit 1; fi
