#!/usr/bin/env python3
"""Fallback load client for the short benchmark mode where wrk is not installed: a few keep-alive
connections in threads, each request's status checked (200, or 304 when If-None-Match is sent). Prints
"| requests/s | p50 | p99 |" as the wrk rows do; exits non-zero on any other status or error.
Usage: http_load.py URL "Header: value" (or "") DURATION (e.g. 2s) CONNECTIONS"""
import http.client, sys, threading, time, urllib.parse

url, header, duration, connections = sys.argv[1], sys.argv[2], float(sys.argv[3].rstrip("s")), int(sys.argv[4])
parts = urllib.parse.urlsplit(url)
headers = dict([tuple(h.strip() for h in header.split(":", 1))]) if header else {}
expected = 304 if "If-None-Match" in headers else 200
latencies, errors = [], []

def client():
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
    end = time.monotonic() + duration
    while time.monotonic() < end:
        start = time.monotonic()
        conn.request("GET", parts.path, headers=headers)
        response = conn.getresponse()
        response.read()
        if response.status != expected:
            errors.append(response.status)
            return
        latencies.append(time.monotonic() - start)

threads = [threading.Thread(target=client) for _ in range(connections)]
[t.start() for t in threads]
[t.join() for t in threads]
if errors or not latencies:
    sys.exit(f"unexpected answers: {errors[:5]}")
latencies.sort()
print(f"| {len(latencies) / duration:.0f} | {latencies[len(latencies) // 2] * 1000:.2f}ms | {latencies[int(len(latencies) * 0.99)] * 1000:.2f}ms |")
