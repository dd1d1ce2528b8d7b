# Shared by the perf scripts, sourced from the repository root once $work (the run's temp folder) exists and
# $log_tag names the script in its log lines.

log() { printf '[%s %s] %s\n' "$log_tag" "$(date -u +%H:%M:%S)" "$*" >&2; }

# Builds the server and the load generator (Release); the build's output goes to $work/build.log, shown on failure.
# Sets $load to the load generator's dll.
build_skyd_and_load() {
  log "building skyd-fast and SkydFast.Load (Release)"
  timeout 900 dotnet build skyd-fast/SkydFast.Server.csproj -c Release -v q -nologo >"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  timeout 900 dotnet build bench/SkydFast.Load/SkydFast.Load.csproj -c Release -v q -nologo >>"$work/build.log" 2>&1 || { cat "$work/build.log"; exit 1; }
  load=bench/SkydFast.Load/bin/Release/net10.0/SkydFast.Load.dll
}

port_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# The first free loopback port from $1 up.
pick_port() { local p=$1; while ! port_free "$p"; do p=$((p + 1)); done; echo "$p"; }

# Returns once the server answers its query with its data loaded (Redis answers -LOADING until then); at most 120 s.
answered() { # protocol port
  timeout 120 python3 - "$1" "$2" <<'PY'
import socket, sys, time
protocol, port = sys.argv[1], int(sys.argv[2])
query, good = (b"*1\n~1\n4\nHEYA\n", b"*1\n+4\nHEY!\n") if protocol == "skyhash" else (b"PING\r\n", b"+PONG\r\n")
while True:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(query)
            if s.recv(64) == good:
                break
    except OSError:
        pass
    time.sleep(0.005)
PY
}
