#!/usr/bin/env bash
# Memory and cold start of skyd-fast beside Redis (issue 7): both servers take the same N keys (16-byte keys,
# 64-byte values, written by bench/SkydFast.Load), their RSS is read from /proc, both save, and each is started
# three times on its saved data, timed from exec until it answers a query (HEYA, PING) with everything loaded.
#
#   perf-scripts/footprint.sh [--keys N] [--value-size N]
#
# Writes bench/results/<UTC date-time>-footprint.md. Loopback only; every server started here is stopped on exit.
set -euo pipefail
cd "$(dirname "$0")/.."

keys=1000000 value_size=64
while [ $# -gt 0 ]; do
  case "$1" in
    --keys) keys=$2; shift ;;
    --value-size) value_size=$2; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) echo "footprint.sh: unknown argument $1 (--help)" >&2; exit 2 ;;
  esac
  shift
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
command -v redis-server >/dev/null || { timeout 300 apt-get update -qq; DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq redis-server >/dev/null; }
work=$(mktemp -d /tmp/skyd-footprint.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill -9 "$pid" 2>/dev/null || true; done
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
log_tag=footprint
. perf-scripts/common.sh
build_skyd_and_load

sky_port=$(pick_port 23103)
redis_port=$(pick_port 26479)
mkdir -p "$work/skyd" "$work/redis"
start_skyd() { dotnet skyd-fast/bin/Release/net10.0/skyd-fast.dll --host 127.0.0.1 --port "$sky_port" --noart --data-dir "$work/skyd" >>"$work/skyd.log" 2>&1 & pids+=("$!"); sky_pid=$!; }
start_redis() { redis-server --bind 127.0.0.1 --port "$redis_port" --save '' --appendonly no --dir "$work/redis" >>"$work/redis.log" 2>&1 & pids+=("$!"); redis_pid=$!; }

rss_mib() { awk '/VmRSS/ {printf "%.1f", $2 / 1024}' "/proc/$1/status"; }

start_skyd; start_redis
answered skyhash "$sky_port"; answered resp "$redis_port"
empty_skyd=$(rss_mib "$sky_pid"); empty_redis=$(rss_mib "$redis_pid")
log "writing $keys keys of $value_size bytes into each"
timeout 600 dotnet "$load" --quiet -c 50 -k "$keys" -d "$value_size" --port "$sky_port" --requests 1 >/dev/null
timeout 600 dotnet "$load" --quiet -c 50 -k "$keys" -d "$value_size" --protocol resp --port "$redis_port" --requests 1 >/dev/null
sleep 3
full_skyd=$(rss_mib "$sky_pid"); full_redis=$(rss_mib "$redis_pid")
redis-cli -p "$redis_port" save >/dev/null
kill -TERM "$sky_pid"; wait "$sky_pid" || true
redis-cli -p "$redis_port" shutdown nosave >/dev/null 2>&1 || true; wait "$redis_pid" 2>/dev/null || true
disk_skyd=$(du -sm "$work/skyd/data" | cut -f1); disk_redis=$(du -sm "$work/redis/dump.rdb" | cut -f1)

starts_skyd=() starts_redis=()
for round in 1 2 3; do
  log "cold start round $round"
  t0=$(date +%s.%N); start_skyd; answered skyhash "$sky_port"; t1=$(date +%s.%N)
  starts_skyd+=("$(printf '%.3f' "$(echo "$t1 - $t0" | bc)")"); loaded_skyd=$(rss_mib "$sky_pid")
  kill -9 "$sky_pid"; wait "$sky_pid" 2>/dev/null || true
  t0=$(date +%s.%N); start_redis; answered resp "$redis_port"; t1=$(date +%s.%N)
  starts_redis+=("$(printf '%.3f' "$(echo "$t1 - $t0" | bc)")"); loaded_redis=$(rss_mib "$redis_pid")
  kill -9 "$redis_pid"; wait "$redis_pid" 2>/dev/null || true
done
median() { printf '%s\n' "$@" | sort -n | sed -n 2p; }
ratio() { printf '%.2f' "$(echo "scale=4; $1 / $2" | bc)"; }
cs_skyd=$(median "${starts_skyd[@]}"); cs_redis=$(median "${starts_redis[@]}")

stamp=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p bench/results
out=bench/results/$stamp-footprint.md
{
  echo "# skyd-fast vs Redis: memory and cold start, $stamp"
  echo
  echo "- Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, Linux $(uname -r); load average at the end $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- Versions: skyd-fast $(git describe --always --dirty --abbrev=7), .NET $(dotnet --version), $(redis-server --version | cut -d' ' -f1-3)"
  echo "- Data: $keys keys of 16 bytes, $value_size-byte values; cold start is the median of 3, from exec until a query is answered"
  echo
  echo "| | skyd-fast | Redis | skyd-fast / Redis |"
  echo "|---|---:|---:|---:|"
  echo "| RSS empty (MiB) | $empty_skyd | $empty_redis | |"
  echo "| RSS with the keys (MiB) | $full_skyd | $full_redis | $(ratio "$full_skyd" "$full_redis") |"
  echo "| RSS after a cold start (MiB) | $loaded_skyd | $loaded_redis | $(ratio "$loaded_skyd" "$loaded_redis") |"
  echo "| on disk (MiB) | $disk_skyd | $disk_redis | |"
  echo "| cold start (s) | $cs_skyd (${starts_skyd[*]}) | $cs_redis (${starts_redis[*]}) | $(ratio "$cs_skyd" "$cs_redis") |"
} >"$out"
cat "$out"
log "wrote $out"
