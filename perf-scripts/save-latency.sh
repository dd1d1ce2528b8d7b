#!/usr/bin/env bash
# GET latency while the server saves N keys, skyd-fast beside Redis (issue 7), both measured the same way: a real
# server process holding N keys (16-byte keys, 64-byte values), one SkydFast.Load process with 8 GET connections and
# one with 2 UPDATE connections (pipeline 1) running side by side, first with no save, then while snapshots of the
# whole data run back to back: `MKSNAP <name>` for skyd-fast (a remote snapshot: the same copy-on-write view and
# encoder as BGSAVE, into data/rsnap; each is removed once the next one is done), `BGSAVE` for Redis (a forked child
# writing dump.rdb). Reports the GET p99 during the saves over the p99 without them, for each server.
#
#   perf-scripts/save-latency.sh [--keys N] [--seconds S per phase] [--rounds R]
#
# Writes bench/results/<UTC date-time>-save-latency.md. Loopback only; every process started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000 seconds=10 rounds=2
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=$2; shift ;;
    --seconds) seconds=$2; shift ;;
    --rounds) rounds=$2; shift ;;
    -h|--help) sed -n '2,11p' "$0"; exit 0 ;;
    *) echo "save-latency.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v redis-server >/dev/null || { timeout 300 apt-get update -qq; DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq redis-server redis-tools >/dev/null; }
work=$(mktemp -d /tmp/skyd-save-latency.XXXXXX)
pids=()
cleanup() {
  touch "$work/stop" 2>/dev/null || true
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log_tag=save-latency
. perf-scripts/common.sh
build_skyd_and_load

# Back-to-back snapshots until $work/stop exists; one line per completed snapshot in $work/saves.
save_loop_skyd() { # port datadir
  timeout $((seconds * 3 + 120)) python3 - "$1" "$2" "$work" <<'PY'
import os, shutil, socket, sys
port, data, work = int(sys.argv[1]), sys.argv[2], sys.argv[3]
previous, n = None, 0
with socket.create_connection(("127.0.0.1", port), timeout=110) as s:
    while not os.path.exists(os.path.join(work, "stop")):
        name = f"lat{n}".encode()
        s.sendall(b"*1\n~2\n6\nMKSNAP\n%d\n%s\n" % (len(name), name))
        reply = b""
        while reply.count(b"\n") < 3:
            chunk = s.recv(64)
            if not chunk:
                sys.exit("the server closed the connection")
            reply += chunk
        if reply != b"*1\n!1\n0\n":
            sys.exit(f"MKSNAP answered {reply!r}")
        with open(os.path.join(work, "saves"), "a") as f:
            f.write("skyd\n")
        if previous is not None:
            shutil.rmtree(os.path.join(data, "data", "rsnap", previous))
        previous, n = name.decode(), n + 1
PY
}

save_loop_redis() { # port
  while [ ! -e "$work/stop" ]; do
    redis-cli -p "$1" BGSAVE >/dev/null
    sleep 0.02
    while redis-cli -p "$1" INFO persistence | grep -q '^rdb_bgsave_in_progress:1'; do sleep 0.02; done
    echo redis >>"$work/saves"
  done
}

# One phase: 8 GET and 2 UPDATE connections in two load processes at once; JSON into $work/<tag>-get|update.json.
phase() { # protocol port tag
  "dotnet" "$load" --protocol "$1" --port "$2" -c 8 --mix get -k "$keys" --duration "$seconds" --warmup 1 --no-prefill --quiet --json "$work/$3-get.json" >>"$work/load.log" 2>&1 &
  local g=$!
  "dotnet" "$load" --protocol "$1" --port "$2" -c 2 --mix update -k "$keys" --duration "$seconds" --warmup 1 --no-prefill --quiet --seed 2 --json "$work/$3-update.json" >>"$work/load.log" 2>&1 &
  local u=$!
  wait "$g" && wait "$u" || { cat "$work/load.log" >&2; return 1; }
}

field() { python3 -c "import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])" "$1" "$2"; }

run_server() { # name round
  local name=$1 round=$2 protocol port pid
  if [ "$name" = skyd-fast ]; then
    protocol=skyhash; port=$(pick_port 23203)
    mkdir -p "$work/skyd-$round"
    dotnet skyd-fast/bin/Release/net10.0/skyd-fast.dll --host 127.0.0.1 --port "$port" --noart --nosave --data-dir "$work/skyd-$round" >>"$work/skyd.log" 2>&1 &
  else
    protocol=resp; port=$(pick_port 26579)
    mkdir -p "$work/redis-$round"
    redis-server --bind 127.0.0.1 --port "$port" --save '' --appendonly no --dir "$work/redis-$round" >>"$work/redis.log" 2>&1 &
  fi
  pid=$!; pids+=("$pid")
  answered "$protocol" "$port"
  log "$name round $round: prefilling $keys keys"
  dotnet "$load" --protocol "$protocol" --port "$port" -k "$keys" --requests 1 --warmup 0 --quiet --json "$work/prefill.json" >>"$work/load.log" 2>&1
  log "$name round $round: $seconds s without saves"
  phase "$protocol" "$port" "$name-$round-without"
  rm -f "$work/stop" "$work/saves"
  if [ "$name" = skyd-fast ]; then save_loop_skyd "$port" "$work/skyd-$round" & else save_loop_redis "$port" & fi
  local saver=$!
  sleep 1
  log "$name round $round: $seconds s with saves back to back"
  phase "$protocol" "$port" "$name-$round-during"
  touch "$work/stop"
  wait "$saver"
  echo "$(wc -l <"$work/saves")" >"$work/$name-$round-saves"
  kill "$pid"; wait "$pid" 2>/dev/null || true
}

for round in $(seq 1 "$rounds"); do
  run_server skyd-fast "$round"
  run_server redis "$round"
done

date_tag=$(date -u +%Y%m%dT%H%M%SZ)
out=bench/results/$date_tag-save-latency.md
{
  echo "# GET latency while saving $keys keys: skyd-fast and Redis, $date_tag"
  echo
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB, Linux $(uname -r); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Versions: skyd-fast $(git rev-parse --short HEAD), .NET $(dotnet --version), $(redis-server --version | cut -d' ' -f1-3)"
  echo "- Load: SkydFast.Load, 8 GET and 2 UPDATE connections (two processes), pipeline 1, uniform keys, $seconds s per phase;"
  echo "  saves back to back during the second phase: skyd-fast \`MKSNAP <name>\`, Redis \`BGSAVE\`"
  echo
  echo "| server | round | phase | saves | GET ops/s | GET p50 us | GET p99 us | GET p99.9 us | UPDATE ops/s | UPDATE p99 us | GET p99 during / without |"
  echo "|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|"
  for round in $(seq 1 "$rounds"); do
    for name in skyd-fast redis; do
      without=$(field "$work/$name-$round-without-get.json" p99_us)
      for ph in without during; do
        f=$work/$name-$round-$ph
        saves=-; ratio=""
        if [ $ph = during ]; then
          saves=$(cat "$work/$name-$round-saves")
          ratio=$(python3 -c "print(f'{$(field "$f-get.json" p99_us) / $without:.2f}x')")
        fi
        echo "| $name | $round | $ph | $saves | $(field "$f-get.json" ops_per_sec) | $(field "$f-get.json" p50_us) | $(field "$f-get.json" p99_us) | $(field "$f-get.json" p999_us) | $(field "$f-update.json" ops_per_sec) | $(field "$f-update.json" p99_us) | $ratio |"
      done
    done
  done
} >"$out"
cat "$out"
log "wrote $out"
