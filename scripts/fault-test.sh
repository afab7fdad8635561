#!/usr/bin/env bash
# Fault test of the intake path. Builds once, starts Azurite (persisted with --location in a temporary directory)
# and `nearmiss serve` on free ports, and runs `nearmiss load`. While it submits, Azurite is stopped and started
# again on the same ports and location, and `nearmiss serve` is killed (SIGKILL) and started again. Once every
# queue has drained it prints the counts and exits non-zero unless no report that got a 202 is lost and none is in
# review more than once.
#
#   scripts/fault-test.sh [--reports N] [--concurrency C] [--azurite-signal TERM|KILL] [--lease SECONDS] [--keep]
#
#   --reports N             reports to submit (default 5000)
#   --concurrency C         submitters at once (default 32)
#   --azurite-signal SIG    how Azurite is stopped: TERM (default; it saves its data files and exits) or KILL
#                           (no save: Azurite keeps its data in memory and writes it to disk every 5 s, so a
#                           SIGKILL loses what it acknowledged since the last save)
#   --lease SECONDS         how long serve keeps a fetched message invisible (default 30; the Functions host's
#                           10 minutes would make the run wait that long for the messages the killed serve held)
#   --keep                  keep the temporary directory (logs, receipts, Azurite's files)
#
# Nothing of the repository's .nearmiss/ is used: keys are generated for the run and passed in the environment.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

reports=5000
concurrency=32
signal=TERM
lease=30
keep=0
while [ $# -gt 0 ]; do
  case "$1" in
    --reports) reports=$2; shift 2 ;;
    --concurrency) concurrency=$2; shift 2 ;;
    --azurite-signal) signal=$2; shift 2 ;;
    --lease) lease=$2; shift 2 ;;
    --keep) keep=1; shift ;;
    *) echo "fault-test.sh: unknown argument $1" >&2; exit 2 ;;
  esac
done
case "$signal" in TERM|KILL) ;; *) echo "fault-test.sh: --azurite-signal is TERM or KILL" >&2; exit 2 ;; esac

log() { echo "[$(date +%H:%M:%S)] $*" >&2; }

command -v dotnet >/dev/null || { log "the .NET SDK is required"; exit 1; }
command -v node >/dev/null || { log "Node.js is required (for Azurite)"; exit 1; }
[ -x node_modules/.bin/azurite ] || npm ci --no-audit --no-fund >&2 || exit 1

log "building"
if ! build_log=$(dotnet build NearMiss.Cli -c Release -nologo 2>&1); then echo "$build_log" >&2; exit 1; fi
nearmiss=(dotnet "$root/NearMiss.Cli/bin/Release/net10.0/nearmiss.dll")

work=$(mktemp -d -t nearmiss-faults.XXXXXX)
azurite_pid=""; serve_pid=""; load_pid=""
cleanup() {
  for pid in $load_pid $serve_pid $azurite_pid; do kill "$pid" 2>/dev/null; done
  for pid in $load_pid $serve_pid $azurite_pid; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  done
  if [ "$keep" = 1 ]; then log "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT

free_port() { node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})'; }
ports=()
while [ ${#ports[@]} -lt 4 ]; do
  p=$(free_port)
  [[ " ${ports[*]} " == *" $p "* ]] || ports+=("$p")
done
blob=${ports[0]}; queue=${ports[1]}; table=${ports[2]}; url="http://127.0.0.1:${ports[3]}"

key="Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=="
export NearMissStorage="DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=$key;BlobEndpoint=http://127.0.0.1:$blob/devstoreaccount1;QueueEndpoint=http://127.0.0.1:$queue/devstoreaccount1;TableEndpoint=http://127.0.0.1:$table/devstoreaccount1;"
export NearMiss__Keys__Sealing=$(head -c 32 /dev/urandom | base64)
export NearMiss__Keys__Receipt=$(head -c 32 /dev/urandom | base64)
export NearMiss__Keys__Signing=$(head -c 32 /dev/urandom | base64)
export NearMiss__RateLimits__Enabled=false
export NearMiss__ResponseFloor__LookupMilliseconds=0   # the load follows every receipt into review, one lookup at a time
export NearMiss__Email__PickupDirectory="$work/mail"
export NearMiss__Serve__ProcessingLease=$(printf '%02d:%02d:%02d' $((lease / 3600)) $((lease % 3600 / 60)) $((lease % 60)))
export Logging__LogLevel__Default=Warning

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

start_azurite() {
  node_modules/.bin/azurite --silent --skipApiVersionCheck --disableTelemetry --loose --location "$work/azurite" \
    --blobHost 127.0.0.1 --blobPort "$blob" --queueHost 127.0.0.1 --queuePort "$queue" \
    --tableHost 127.0.0.1 --tablePort "$table" >>"$work/azurite.log" 2>&1 &
  azurite_pid=$!
  disown "$azurite_pid"   # no "Killed" notice from the shell when it is stopped with SIGKILL
  for _ in $(seq 1 150); do port_open "$table" && port_open "$queue" && return 0; sleep 0.1; done
  log "Azurite did not start"; exit 1
}

stop_azurite() {
  local started=$SECONDS
  kill -"$signal" "$azurite_pid"
  for _ in $(seq 1 150); do kill -0 "$azurite_pid" 2>/dev/null || break; sleep 0.1; done
  if kill -0 "$azurite_pid" 2>/dev/null; then
    log "Azurite still running 15 s after SIG$signal: SIGKILL"
    kill -KILL "$azurite_pid"
    while kill -0 "$azurite_pid" 2>/dev/null; do sleep 0.1; done
  fi
  log "Azurite stopped with SIG$signal (exited after $((SECONDS - started)) s)"
}

serve_runs=0
start_serve() {
  serve_runs=$((serve_runs + 1))
  (cd "$work" && exec "${nearmiss[@]}" serve --urls "$url") >>"$work/serve-$serve_runs.log" 2>&1 &
  serve_pid=$!
  disown "$serve_pid"
  for _ in $(seq 1 300); do curl -fsS "$url/api/health" >/dev/null 2>&1 && return 0; sleep 0.1; done
  log "nearmiss serve did not become healthy"; exit 1
}

accepted() { [ -f "$work/receipts" ] && wc -l <"$work/receipts" || echo 0; }

# Waits until the load has this many receipts, or has ended.
wait_for_receipts() {
  while [ "$(accepted)" -lt "$1" ] && kill -0 "$load_pid" 2>/dev/null; do sleep 0.2; done
}

mkdir -p "$work/mail"
start_azurite
start_serve
"${nearmiss[@]}" reviewers add faults@example.org --stages 1 >/dev/null || exit 1
log "Azurite on 127.0.0.1:$blob-$table (data in $work/azurite), serve on $url"
# Azurite writes its data files at most every 5 s: let it save the tables and queues serve created, so that a
# SIGKILL takes the reports of its last seconds and not the tables themselves.
sleep 6

log "load: $reports reports at concurrency $concurrency"
"${nearmiss[@]}" load --url "$url" --reports "$reports" --concurrency "$concurrency" --receipts "$work/receipts" --timeout 600 \
  >"$work/load.out" 2>&1 &
load_pid=$!

wait_for_receipts $((reports / 5))
log "$(accepted) accepted; stopping Azurite"
stop_azurite
sleep 3
start_azurite
log "Azurite started again; $(accepted) accepted"

wait_for_receipts $((reports / 2))
log "$(accepted) accepted; killing serve (SIGKILL)"
kill -KILL "$serve_pid"
while kill -0 "$serve_pid" 2>/dev/null; do sleep 0.1; done
sleep 2
start_serve
log "serve started again; $(accepted) accepted"

wait "$load_pid"; load_pid=""
log "load finished"
cat "$work/load.out" >&2

check() { "${nearmiss[@]}" intake check --receipts "$work/receipts" --mail "$work/mail" >"$work/check.out" 2>&1; }
field() { grep "^$1 " "$work/check.out" | sed "s/^$1 *//; s/ .*//"; }
drained() { grep '^queues' "$work/check.out" | grep -qE '^queues +pii-scan 0, pii-scan-poison [0-9]+, notifications 0,'; }

log "waiting for the queues to drain"
for _ in $(seq 1 180); do check; drained && break; sleep 5; done
orphans_before=$(field orphans)
log "orphans (originals without a case): $orphans_before; running the orphan sweep"
NearMiss__Intake__OrphanAge=00:00:10 "${nearmiss[@]}" intake sweep-orphans >"$work/sweep.out" 2>&1
cat "$work/sweep.out" >&2
for _ in $(seq 1 60); do check; drained && break; sleep 5; done
check

summary=$(grep '^reports ' "$work/load.out")
submitted=$reports
got202=$(echo "$summary" | sed -n 's/.*: \([0-9]*\) accepted.*/\1/p')
others=$(echo "$summary" | sed -n 's/.* failed (\(.*\))$/\1/p')

echo
echo "fault test: $reports reports at concurrency $concurrency; Azurite stopped with SIG$signal and restarted; serve killed with SIGKILL and restarted"
echo "submitted                $submitted"
echo "got 202                  $got202"
echo "other outcomes           ${others:-none}"
cat "$work/check.out"
echo "orphans before the sweep $orphans_before   ($(cat "$work/sweep.out"))"

lost=$(field lost); duplicates=$(field duplicates)
[ "$lost" = 0 ] && [ "$duplicates" = 0 ] && [ "$got202" = "$(field 'reports checked')" ]
