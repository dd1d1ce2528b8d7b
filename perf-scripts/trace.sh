#!/usr/bin/env bash
# Capture a dotnet-trace of the skyd-fast server under load and print where its time goes. Loopback only; bounded
# (the load runs warm-up + duration + 5 s, the trace the duration); the server is stopped on exit.
#
#   perf-scripts/trace.sh [--duration S] [--mix SPEC] [--pipeline P] [--connections N] [--top N]
#
#   --duration S     seconds traced (default 10; the load runs 3 s longer on each side)
#   --mix SPEC       SkydFast.Load's --mix (default get=90,update=10)
#   --pipeline P     1        --connections N   50        --top N   15
#
# dotnet-trace is the repository's local tool (.config/dotnet-tools.json, `dotnet tool restore`). It samples the
# stacks of every managed thread about 100 times a second, waiting or not. The report prints dotnet-trace's own
# topN (exclusive and inclusive, all samples, so idle threads' waits lead it), then a summary of the samples taken
# in managed code only (a thread that was running .NET code: CPU time), and of native calls that are not waits
# (send/recv system calls and the like), by the managed method that made them.
# The .nettrace and .speedscope.json files stay in perf-scripts/.traces/ for PerfView or speedscope.app.
set -euo pipefail
cd "$(dirname "$0")/.."

duration=10 mix=get=90,update=10 pipeline=1 connections=50 top=15
while [ $# -gt 0 ]; do
  case "$1" in
    --duration) duration=$2; shift ;;
    --mix) mix=$2; shift ;;
    --pipeline) pipeline=$2; shift ;;
    --connections) connections=$2; shift ;;
    --top) top=$2; shift ;;
    -h|--help) sed -n '2,18p' "$0"; exit 0 ;;
    *) echo "trace.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done
case "$duration" in ''|*[!0-9]*) echo "trace.sh: --duration takes whole seconds" >&2; exit 2 ;; esac
[ "$duration" -ge 1 ] && [ "$duration" -le 300 ] || { echo "trace.sh: --duration must be 1 to 300" >&2; exit 2; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
work=$(mktemp -d /tmp/skyd-trace.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log() { printf '[trace %s] %s\n' "$(date -u +%H:%M:%S)" "$*" >&2; }

timeout 300 dotnet tool restore >/dev/null
log "building skyd-fast and SkydFast.Load (Release)"
timeout 900 dotnet build skyd-fast/SkydFast.Server.csproj -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
timeout 900 dotnet build bench/SkydFast.Load/SkydFast.Load.csproj -c Release -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }

port=24003
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$((port + 1)); done
mkdir -p "$work/data"
dotnet skyd-fast/bin/Release/net10.0/skyd-fast.dll --host 127.0.0.1 --port "$port" --nosave --noart \
  --data-dir "$work/data" >"$work/server.log" 2>&1 &
server=$!
pids+=("$server")
for _ in $(seq 300); do
  (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  kill -0 "$server" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.1
done
log "skyd-fast (pid $server) on 127.0.0.1:$port; load: $mix, $connections connections, pipeline $pipeline"

timeout $((duration + 120)) dotnet bench/SkydFast.Load/bin/Release/net10.0/SkydFast.Load.dll --port "$port" --quiet \
  --json "$work/load.json" -c "$connections" -P "$pipeline" --mix "$mix" --warmup 3 --duration $((duration + 5)) \
  2>"$work/load.log" &
load=$!
pids+=("$load")
# The load's prefill and warm-up (JIT tiers) come first, then the trace.
sleep 4

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p perf-scripts/.traces
trace=perf-scripts/.traces/skyd-fast-$stamp.nettrace
log "tracing $duration s into $trace"
timeout $((duration + 120)) dotnet dotnet-trace collect -p "$server" --duration "00:00:00:$duration" -o "$trace" \
  >"$work/collect.log" 2>&1 || { cat "$work/collect.log" >&2; exit 1; }
wait "$load" || true
tail -1 "$work/load.log" >&2

echo "== dotnet-trace report topN (exclusive, all samples) =="
dotnet dotnet-trace report "$trace" topN -n "$top"
echo
echo "== dotnet-trace report topN --inclusive (all samples) =="
dotnet dotnet-trace report "$trace" topN -n "$top" --inclusive
dotnet dotnet-trace convert --format Speedscope "$trace" -o "${trace%.nettrace}" >/dev/null
echo
python3 - "${trace%.nettrace}.speedscope.json" "$top" <<'PY'
import collections, json, re, sys

path, top = sys.argv[1], int(sys.argv[2])
with open(path) as f:
    data = json.load(f)
frames = [frame["name"] for frame in data["shared"]["frames"]]
# A native call under one of these is a thread waiting for work, not using a core.
waits = re.compile(r"Monitor\.Wait|WaitHandle\.Wait|LowLevelLifoSemaphore|LowLevelMonitor|Thread\.Sleep|Thread\.Join|"
                   r"SocketAsyncEngine\.EventLoop|WaitForSocketEvents|Interop\+Sys\.Poll|Task\.SpinThenBlockingWait|"
                   r"ManualResetEventSlim\.Wait|SemaphoreSlim\.Wait|Console|Signal")

# A thread-pool worker calling native code directly is parked on its semaphore (the wait is inlined).
idle_caller = re.compile(r"WorkerThread\.WorkerThreadStart\(\)$")

def short(name):
    name = name.split("!", 1)[-1]
    return name if len(name) <= 110 else name[:107] + "..."

cpu_exclusive, cpu_inclusive, native = collections.Counter(), collections.Counter(), collections.Counter()
cpu_total = native_total = 0.0
for profile in data["profiles"]:
    stack, last = [], None
    for event in profile.get("events", []):
        if last is not None and len(stack) >= 2:
            spent = event["at"] - last
            leaf, caller = frames[stack[-1]], frames[stack[-2]]
            if leaf == "CPU_TIME":
                cpu_total += spent
                cpu_exclusive[caller] += spent
                for name in {frames[i] for i in stack[:-1]}:
                    cpu_inclusive[name] += spent
            elif (leaf == "UNMANAGED_CODE_TIME" and not any(waits.search(frames[i]) for i in stack)
                  and not idle_caller.search(caller)):
                native_total += spent
                native[caller] += spent
        last = event["at"]
        if event["type"] == "O":
            stack.append(event["frame"])
        elif stack:
            stack.pop()

def show(title, counter, total):
    print(f"== {title} ({total / 1000:.2f} thread-seconds) ==")
    for i, (name, spent) in enumerate(counter.most_common(top), 1):
        print(f"{i:3}. {spent / total * 100 if total else 0:6.2f}%  {short(name)}")
    print()

skip = re.compile(r"^\(|^Process|^Threads$|^Thread \(")
show("managed CPU, exclusive", cpu_exclusive, cpu_total)
show("managed CPU, inclusive", collections.Counter({k: v for k, v in cpu_inclusive.items() if not skip.search(k)}), cpu_total)
show("native calls that are not waits, by managed caller", native, native_total)
PY
log "trace kept in $trace (open the .speedscope.json at speedscope.app, or the .nettrace in PerfView)"
