#!/usr/bin/env bash
# Brings NearMiss up on this machine: installs what is missing, starts Azurite (data kept in
# .nearmiss/azurite) and `nearmiss serve` on http://127.0.0.1:7071, seeds demo data on the first run,
# and prints the URLs. Ctrl-C (or `kill PID` when started in the background) stops both.
set -uo pipefail
cd "$(dirname "$0")"
url="http://127.0.0.1:7071"

say() { echo "run.sh: $*" >&2; }

command -v dotnet >/dev/null || { say "the .NET SDK is required (dotnet on PATH)"; exit 1; }
command -v node >/dev/null || { say "Node.js is required (for Azurite)"; exit 1; }
node_major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$node_major" -lt 20 ]; then
  say "Node.js $(node --version) is too old: Azurite 3.37 needs Node.js 22 (20 works, with npm warnings). Install a newer Node.js."
  exit 1
fi

# Every long step runs in the background and is waited for, so Ctrl-C or a TERM stops it at once; stop()
# then ends whatever was started, in reverse order, and waits for it.
pids=()
stop() {
  trap - INT TERM HUP
  local status=${1:-0}
  if [ "${#pids[@]}" -gt 0 ]; then
    say "stopping"
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do kill -TERM "${pids[i]}" 2>/dev/null; done
    wait 2>/dev/null
  fi
  exit "$status"
}
trap 'stop 130' INT
trap 'stop 143' TERM
trap 'stop 129' HUP
run() { "$@" & local pid=$!; pids+=("$pid"); wait "$pid"; local status=$?; pids=("${pids[@]/$pid/}"); return "$status"; }

mkdir -p .nearmiss/azurite
if [ ! -x node_modules/.bin/azurite ]; then
  say "installing Azurite from package-lock.json (npm ci; under a minute)"
  run npm ci --no-audit --no-fund || stop 1
fi

if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --loose \
    --location .nearmiss/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  pids+=($!)
fi

cli=NearMiss.Cli/bin/Release/net10.0/nearmiss.dll
if [ -f "$cli" ]; then
  say "building NearMiss (a few seconds when little has changed; log in .nearmiss/build.log)"
else
  say "building NearMiss for the first time: restore and build take about 2 minutes on 2 cores (log in .nearmiss/build.log)"
fi
started=$SECONDS
dotnet build NearMiss.Cli -c Release -nologo > .nearmiss/build.log 2>&1 &
build=$!
pids+=("$build")
while kill -0 "$build" 2>/dev/null; do
  sleep 1 & wait $!
  if (( (SECONDS - started) % 15 == 0 )) && kill -0 "$build" 2>/dev/null; then say "still building ($((SECONDS - started)) s)"; fi
done
wait "$build"
build_status=$?
pids=("${pids[@]/$build/}")
if [ "$build_status" -ne 0 ]; then cat .nearmiss/build.log >&2; say "the build failed"; stop 1; fi
say "built in $((SECONDS - started)) s; starting nearmiss serve"

export NearMissStorage="${NearMissStorage:-UseDevelopmentStorage=true}"
export NearMiss__Privacy__BatchInterval="${NearMiss__Privacy__BatchInterval:-00:00:10}"
say "the batch window is shortened to $NearMiss__Privacy__BatchInterval for the demo (production: 6 hours)"
dotnet "$cli" serve --urls "$url" &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  sleep 0.5 & wait $!
done

if [ ! -f .nearmiss/seeded ]; then
  say "seeding 30 demo reports through the API (first run only; a minute or two)"
  run dotnet "$cli" seed --url "$url" --reports 30 --leave-some-in-review && touch .nearmiss/seeded
fi

cat <<INFO

NearMiss is running.
  Report form        $url/
  Receipt status     $url/status.html
  API                $url/api/form, $url/api/health
  Storage            Azurite on 127.0.0.1:10000-10002 (data in .nearmiss/azurite)
  Outgoing e-mail    .nearmiss/mail (one .eml per message)
  Batch window       $NearMiss__Privacy__BatchInterval, shortened for the demo (production: 6 hours; reports reach review after it)
Press Ctrl-C to stop (or kill $$ when it runs in the background).
INFO
wait
stop 0
