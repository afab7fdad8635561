#!/usr/bin/env bash
# Brings NearMiss up on this machine: installs what is missing, starts Azurite (data kept in
# .nearmiss/azurite) and `nearmiss serve` on http://127.0.0.1:7071, seeds demo data on the first run,
# and prints the URLs. Ctrl-C stops both.
set -euo pipefail
cd "$(dirname "$0")"
url="http://127.0.0.1:7071"

command -v dotnet >/dev/null || { echo "run.sh: the .NET SDK is required (dotnet on PATH)" >&2; exit 1; }
command -v node >/dev/null || { echo "run.sh: Node.js is required (for Azurite)" >&2; exit 1; }
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund

mkdir -p .nearmiss/azurite
pids=()
cleanup() { for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT INT TERM

if ! (exec 3<>/dev/tcp/127.0.0.1/10002) 2>/dev/null; then
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --loose \
    --location .nearmiss/azurite --blobHost 127.0.0.1 --queueHost 127.0.0.1 --tableHost 127.0.0.1 &
  pids+=($!)
fi

if ! build_log=$(dotnet build NearMiss.Cli -c Release -nologo 2>&1); then echo "$build_log" >&2; exit 1; fi
export NearMissStorage="${NearMissStorage:-UseDevelopmentStorage=true}"
export NearMiss__Privacy__BatchInterval="${NearMiss__Privacy__BatchInterval:-00:00:10}"
dotnet NearMiss.Cli/bin/Release/net10.0/nearmiss.dll serve --urls "$url" &
pids+=($!)

for _ in $(seq 1 120); do
  curl -fsS "$url/api/health" >/dev/null 2>&1 && break
  sleep 0.5
done

if [ ! -f .nearmiss/seeded ]; then
  echo "Seeding demo reports..."
  dotnet NearMiss.Cli/bin/Release/net10.0/nearmiss.dll seed --url "$url" --reports 12 --leave-some-in-review && touch .nearmiss/seeded
fi

cat <<INFO

NearMiss is running.
  Report form        $url/
  Receipt status     $url/status.html
  API                $url/api/form, $url/api/health
  Storage            Azurite on 127.0.0.1:10000-10002 (data in .nearmiss/azurite)
  Outgoing e-mail    .nearmiss/mail (one .eml per message)
  Batch window       $NearMiss__Privacy__BatchInterval, shortened for the demo (production: 6 hours; reports reach review after it)
Press Ctrl-C to stop.
INFO
wait
