#!/usr/bin/env python3
"""Round-trip latency of a query written the way real Skytable clients write it: header, each argument and the
rest as separate small writes, with Nagle on (no TCP_NODELAY). Without an immediate ACK from the server, each
write after the first waits for the delayed-ACK timer (about 40 ms on Linux).

Usage: perf-scripts/small-writes.py PORT [QUERIES]   (loopback only)
"""
import socket
import sys
import time

port = int(sys.argv[1])
n = int(sys.argv[2]) if len(sys.argv) > 2 else 2000
s = socket.create_connection(("127.0.0.1", port))
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 0)
pieces = [b"*1\n~3\n", b"3\n", b"SET\n", b"1\n", b"k\n", b"1\n", b"v\n"]
latencies = []
for _ in range(n):
    start = time.perf_counter()
    for piece in pieces:
        s.send(piece)
    reply = b""
    # Any reply to SET is one line-terminated element after the metaframe: "*1\n!1\n0\n" or "*1\n!1\n2\n".
    while reply.count(b"\n") < 3:
        chunk = s.recv(100)
        if not chunk:
            sys.exit("server closed the connection")
        reply += chunk
    latencies.append(time.perf_counter() - start)
latencies.sort()
print("queries %d  p50 %.2f ms  p99 %.2f ms  max %.2f ms  total %.2f s" % (
    n, latencies[n // 2] * 1e3, latencies[int(n * 0.99)] * 1e3, latencies[-1] * 1e3, sum(latencies)))
