#!/usr/bin/env bash
# The load run CI makes (report only): skyd-fast (the Release build CI just made) on a free loopback port, then
# SkydFast.Load with GET 90 % / UPDATE 10 %, 50 connections, at pipeline 1 and 16, 4 s each after 1 s of warm-up.
# Prints one summary line. Times are not judged (a shared 2-core machine); the exit code is 1 only when the load
# generator saw wrong replies, which would mean the server answered wrongly. Anything else (no server, no dotnet
# build) is reported and exits 0. About 15 s.
set -uo pipefail
cd "$(dirname "$0")/.."

server_dll=skyd-fast/bin/Release/net10.0/skyd-fast.dll
load_dll=bench/SkydFast.Load/bin/Release/net10.0/SkydFast.Load.dll
if [ ! -f "$server_dll" ] || [ ! -f "$load_dll" ]; then
  echo "load: skipped (build skyd-fast and bench/SkydFast.Load in Release first)"
  exit 0
fi

work=$(mktemp -d /tmp/skyd-ci-load.XXXXXX)
server=
cleanup() {
  if [ -n "$server" ]; then
    kill "$server" 2>/dev/null
    for _ in $(seq 100); do kill -0 "$server" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$server" 2>/dev/null
  fi
  rm -rf "$work"
}
trap cleanup EXIT

port=25003
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
dotnet "$server_dll" --host 127.0.0.1 --port "$port" --nosave --noart --data-dir "$work" >"$work/server.log" 2>&1 &
server=$!
for _ in $(seq 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  sleep 0.1
done

field() { sed -nE "s/^ *\"$1\": ([0-9.]+),?$/\1/p" "$2"; }
summary="load (report only): skyd-fast get=90,update=10 c=50 64 B 100k keys:"
status=0 wrong=0
prefill=()
for pipeline in 1 16; do
  timeout 120 dotnet "$load_dll" --port "$port" --quiet --json "$work/p$pipeline.json" -c 50 -P "$pipeline" -k 100000 \
    --mix get=90,update=10 --warmup 1 --duration 4 "${prefill[@]}" 2>"$work/load.log"
  code=$?
  prefill=(--no-prefill)
  if [ -f "$work/p$pipeline.json" ]; then
    ops=$(field ops_per_sec "$work/p$pipeline.json")
    p99=$(field p99_us "$work/p$pipeline.json")
    errors=$(field errors "$work/p$pipeline.json")
    summary="$summary P=$pipeline ${ops%.*} ops/s p99 ${p99} us;"
    wrong=$((wrong + ${errors:-0}))
  else
    summary="$summary P=$pipeline failed (exit $code: $(tail -1 "$work/load.log"));"
  fi
  [ "$code" = 1 ] && status=1
done
echo "$summary $wrong wrong replies"
exit "$status"
