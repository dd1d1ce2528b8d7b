#!/usr/bin/env bash
# Measure skyd-fast against Redis and Garnet with the same load (bench/SkydFast.Load), and check with a minimal C
# client (perf-scripts/referee.c) that the load generator is not the bottleneck. Loopback only; every step is
# bounded in time; every server started here is stopped on exit, failure or Ctrl+C included.
#
#   perf-scripts/compare.sh [--quick] [--pin] [options]
#
#   --quick            3 s runs, 1 round, the referee against Redis only (2 rounds): under 3 minutes
#   --pin              servers on core 0 (taskset -c 0), load generator and referee on core 1
#   --connections N    50          --value-size N   64          --keys N        100000
#   --pipelines "P.."  "1 16"      --duration S     10          --rounds N      3 (runs of each load, interleaved)
#   --no-garnet        skip Garnet
#
# Writes bench/results/<UTC date-time>.json and .md. Needs root for apt-get when redis-server or gcc is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

connections=50 value_size=64 keys=100000 pipelines="1 16" duration=10 rounds=3 referee_rounds=3
pin=0 garnet=1 quick=0
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 duration=3 rounds=1 ;;
    --pin) pin=1 ;;
    --connections) connections=$2; shift ;;
    --value-size) value_size=$2; shift ;;
    --keys) keys=$2; shift ;;
    --pipelines) pipelines=$2; shift ;;
    --duration) duration=$2; shift ;;
    --rounds) rounds=$2; referee_rounds=$2; shift ;;
    --no-garnet) garnet=0 ;;
    -h|--help) sed -n '2,15p' "$0"; exit 0 ;;
    *) echo "compare.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
garnet_version=2.2.12
work=$(mktemp -d /tmp/skyd-compare.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${pids[@]}"; do
    # Give each server 10 s to exit, then insist.
    for _ in $(seq 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

log_tag=compare
. perf-scripts/common.sh
server_cpu=() load_cpu=()
if [ "$pin" = 1 ]; then
  server_cpu=(taskset -c 0)
  load_cpu=(taskset -c 1)
fi

# --- what it needs -------------------------------------------------------------------------------------------
apt_updated=0
need_package() {
  if ! command -v "$1" >/dev/null 2>&1; then
    if [ "$apt_updated" = 0 ]; then
      log "apt-get update"
      timeout 300 apt-get update -qq
      apt_updated=1
    fi
    log "apt-get install $2"
    DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq "$2" >/dev/null
  fi
}
need_package redis-server redis-server
need_package gcc gcc
need_package taskset util-linux

garnet_bin=perf-scripts/.tools/garnet-server
if [ "$garnet" = 1 ] && [ ! -x "$garnet_bin" ]; then
  log "dotnet tool install garnet-server $garnet_version"
  if ! timeout 300 dotnet tool install garnet-server --version "$garnet_version" --tool-path perf-scripts/.tools >"$work/garnet-install.log" 2>&1; then
    log "Garnet is NOT available from the NuGet source ($(tail -1 "$work/garnet-install.log")); continuing without it"
    garnet=0
  fi
fi

build_skyd_and_load
gcc -O2 -Wall -o "$work/referee" perf-scripts/referee.c
load_dll=$load

# --- servers ---------------------------------------------------------------------------------------------------
wait_port() {
  for _ in $(seq 300); do
    port_free "$1" || return 0
    kill -0 "$2" 2>/dev/null || { log "$3 exited at start:"; tail -20 "$work/$3.log" >&2; exit 1; }
    sleep 0.1
  done
  log "$3 did not listen on $1 within 30 s"; exit 1
}

names=() ports=() protocols=()
start_server() { # name protocol port command...
  local name=$1 protocol=$2 port=$3
  shift 3
  "${server_cpu[@]}" "$@" >"$work/$name.log" 2>&1 &
  pids+=("$!")
  wait_port "$port" "$!" "$name"
  names+=("$name") ports+=("$port") protocols+=("$protocol")
  log "$name listening on 127.0.0.1:$port"
}

mkdir -p "$work/skyd" "$work/redis"
skyd_port=$(pick_port 23003)
start_server skyd-fast skyhash "$skyd_port" dotnet skyd-fast/bin/Release/net10.0/skyd-fast.dll \
  --host 127.0.0.1 --port "$skyd_port" --nosave --noart --data-dir "$work/skyd"
redis_port=$(pick_port 26379)
start_server redis resp "$redis_port" redis-server --bind 127.0.0.1 --port "$redis_port" --save '' \
  --appendonly no --dir "$work/redis"
if [ "$garnet" = 1 ]; then
  garnet_port=$(pick_port $((redis_port + 1)))
  start_server garnet resp "$garnet_port" "$garnet_bin" --bind 127.0.0.1 --port "$garnet_port"
fi

# --- load ------------------------------------------------------------------------------------------------------
run_load() { # out-file args...
  local out=$1
  shift
  "${load_cpu[@]}" timeout $((duration + 120)) dotnet "$load_dll" --quiet --json "$out" \
    -c "$connections" -d "$value_size" -k "$keys" --warmup 1 "$@" 2>>"$work/load.log" || {
    local status=$?
    log "load run failed (exit $status): $*"; tail -3 "$work/load.log" >&2
    [ "$status" = 1 ] && load_errors=1
    return 0
  }
}
load_errors=0

for i in "${!names[@]}"; do
  log "prefill ${names[$i]}: $keys keys of $value_size bytes"
  run_load "$work/prefill-${names[$i]}.json" --protocol "${protocols[$i]}" --port "${ports[$i]}" --requests 1 \
    --label "${names[$i]}"
done

for round in $(seq "$rounds"); do
  for pipeline in $pipelines; do
    for mix in get update; do
      for i in "${!names[@]}"; do
        log "round $round: ${names[$i]} $mix P=$pipeline"
        run_load "$work/run-${names[$i]}-$mix-$pipeline-$round.json" --protocol "${protocols[$i]}" \
          --port "${ports[$i]}" --label "${names[$i]}" --no-prefill --mix "$mix" -P "$pipeline" --duration "$duration"
      done
    done
  done
done

# The referee and the load generator alternate on the same server and load (GET only, one thread each).
referee_targets=("redis resp $redis_port")
[ "$quick" = 1 ] || referee_targets+=("skyd-fast skyhash $skyd_port")
for round in $(seq "$referee_rounds"); do
  for target in "${referee_targets[@]}"; do
    read -r name protocol port <<<"$target"
    for pipeline in $pipelines; do
      log "referee round $round: $name P=$pipeline"
      "${load_cpu[@]}" timeout $((duration + 60)) "$work/referee" -r "$protocol" -p "$port" -c "$connections" \
        -P "$pipeline" -d "$duration" -w 1 -k "$keys" -v "$value_size" >"$work/referee-$name-$pipeline-$round.json" \
        2>>"$work/load.log" || log "referee failed on $name P=$pipeline"
      run_load "$work/ours-$name-$pipeline-$round.json" --protocol "$protocol" --port "$port" --label "$name" \
        --no-prefill --mix get -P "$pipeline" --duration "$duration" --threads 1
    done
  done
done

# --- report ----------------------------------------------------------------------------------------------------
stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
machine="$(nproc) cores ($(lscpu | sed -nE 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GiB, Linux $(uname -r)"
versions="skyd-fast $(git describe --always --dirty --abbrev=7), .NET $(dotnet --version), $(redis-server --version | cut -d' ' -f1-3)"
[ "$garnet" = 1 ] && versions="$versions, Garnet $garnet_version"
python3 - "$work" "bench/results/$stamp" "$machine" "$versions" "$(cat /proc/loadavg)" "$pin" "$quick" \
  "$connections" "$value_size" "$keys" "$duration" "$rounds" "$pipelines" <<'PY'
import glob, json, os, statistics, sys

work, out, machine, versions, loadavg, pin, quick, conns, value, keys, duration, rounds, pipelines = sys.argv[1:]
pipelines = [int(p) for p in pipelines.split()]

def load(path):
    try:
        with open(path) as f:
            return json.load(f)
    except (OSError, ValueError):
        return None

def runs(pattern):
    return [r for r in (load(p) for p in sorted(glob.glob(os.path.join(work, pattern)))) if r]

servers = [s for s in ("skyd-fast", "redis", "garnet") if glob.glob(os.path.join(work, f"run-{s}-*"))]
table = {}
for s in servers:
    for mix in ("get", "update"):
        for p in pipelines:
            rs = runs(f"run-{s}-{mix}-{p}-*.json")
            if not rs:
                continue
            ops = [r["ops_per_sec"] for r in rs]
            med = sorted(rs, key=lambda r: r["ops_per_sec"])[len(rs) // 2]
            table[(s, mix, p)] = {
                "ops_per_sec": statistics.median(ops), "ops_per_sec_runs": ops,
                "p50_us": med["p50_us"], "p99_us": med["p99_us"], "p999_us": med["p999_us"],
                "errors": sum(r["errors"] for r in rs), "failures": sum((r["failures"] for r in rs), []),
            }

def ratio(a, b):
    return round(a / b, 3) if a and b else None

ratios = {}
for mix in ("get", "update"):
    for p in pipelines:
        ours = table.get(("skyd-fast", mix, p), {}).get("ops_per_sec")
        for peer in ("redis", "garnet"):
            theirs = table.get((peer, mix, p), {}).get("ops_per_sec")
            if ours and theirs:
                ratios[f"skyd-fast/{peer} {mix} P={p}"] = ratio(ours, theirs)

referee = {}
for target in ("redis", "skyd-fast"):
    for p in pipelines:
        ref = [r["ops_per_sec"] for r in runs(f"referee-{target}-{p}-*.json")]
        ours = [r["ops_per_sec"] for r in runs(f"ours-{target}-{p}-*.json")]
        if ref and ours:
            referee[f"{target} P={p}"] = {
                "referee_ops_per_sec": statistics.median(ref), "load_ops_per_sec": statistics.median(ours),
                "ratio": ratio(statistics.median(ours), statistics.median(ref)),
                "referee_runs": ref, "load_runs": ours,
            }

errors = sum(v["errors"] for v in table.values()) + sum(r["errors"] for r in runs("ours-*.json"))
result = {
    "date": os.path.basename(out), "machine": machine, "versions": versions, "load_average_at_end": loadavg,
    "pinned": pin == "1", "quick": quick == "1",
    "load": {"connections": int(conns), "value_size": int(value), "keys": int(keys), "duration_s": float(duration),
             "warmup_s": 1, "rounds": int(rounds), "pipelines": pipelines, "distribution": "uniform",
             "write": "skyhash UPDATE / resp SET of prefilled keys"},
    "results": [{"server": s, "mix": m, "pipeline": p, **v} for (s, m, p), v in table.items()],
    "ratios": ratios, "referee": referee, "errors": errors,
}
with open(out + ".json", "w") as f:
    json.dump(result, f, indent=2)
    f.write("\n")

fmt = lambda x: f"{x:,.0f}" if x is not None else "-"
lines = [f"# skyd-fast vs Redis and Garnet, {os.path.basename(out)}", "",
         f"- Machine: {machine}; load average at the end {loadavg.split()[0]}"
         + (" (shared with other work)" if float(loadavg.split()[0]) > 1.5 else ""),
         f"- Versions: {versions}",
         f"- Load: {conns} connections, {value}-byte values, {keys} keys (uniform), {duration} s per run after 1 s "
         f"warm-up, median of {rounds} interleaved round(s); {'servers on core 0, load on core 1' if pin == '1' else 'unpinned'}",
         "- `update` is Skyhash UPDATE against RESP SET, both overwriting prefilled keys", "",
         "| server | mix | pipeline | ops/s | p50 us | p99 us | p99.9 us | errors |", "|---|---|---:|---:|---:|---:|---:|---:|"]
for (s, m, p), v in table.items():
    lines.append(f"| {s} | {m} | {p} | {fmt(v['ops_per_sec'])} | {v['p50_us']} | {v['p99_us']} | {v['p999_us']} | {v['errors']} |")
lines += ["", "| ratio | value |", "|---|---:|"] + [f"| {k} | {v:.2f} |" for k, v in ratios.items()]
lines += ["", "Referee (perf-scripts/referee.c, one thread, epoll) against SkydFast.Load `--threads 1`, GET, same server:", "",
          "| server | referee ops/s | SkydFast.Load ops/s | load / referee |", "|---|---:|---:|---:|"]
for k, v in referee.items():
    lines.append(f"| {k} | {fmt(v['referee_ops_per_sec'])} | {fmt(v['load_ops_per_sec'])} | {v['ratio'] * 100:.0f} % |")
lines += ["", f"Wrong replies in all runs: {errors}"]
with open(out + ".md", "w") as f:
    f.write("\n".join(lines) + "\n")
print("\n".join(lines))
PY
log "wrote bench/results/$stamp.json and .md"
[ "$load_errors" = 0 ] || { log "the load generator saw wrong replies"; exit 1; }
