#!/usr/bin/env python3
"""Filing-to-push latency: time from an import being accepted (HTTP 200 from earnings-ingest) to the
verdict change arriving on verdict-api's SSE stream. Every import adds a new 10-Q/A for Alphabet's 2026 Q1
capex (a later filing, a different figure), so every import changes the verdict's JSON. The amendments are
made up for the benchmark and exist only in its throw-away data directory. Imports are writes: the admin API
key is read from the file named by the fifth argument (./capex-watch up writes it to DATA_DIR/admin-api-key).
Exits non-zero if an import is refused or an event does not arrive within 30 s.
Usage: push_latency.py INGEST_URL VERDICT_URL SAMPLE ROUNDS ADMIN_KEY_FILE"""
import http.client, json, statistics, sys, threading, time, queue, urllib.request

ingest, verdict, sample, rounds = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
api_key = open(sys.argv[5]).read().strip()
events = queue.Queue()
subscribed = threading.Event()

def listen():
    host, port = verdict.replace("http://", "").split(":")
    conn = http.client.HTTPConnection(host, int(port))
    conn.request("GET", "/api/verdicts/stream", headers={"Accept": "text/event-stream"})
    response = conn.getresponse()
    assert response.status == 200, response.status
    subscribed.set()  # the response has started: the stream is subscribed to live changes
    name = None
    for raw in response:
        line = raw.decode().rstrip("\n")
        if line.startswith("event:"):
            name = line[6:].strip()
        elif line.startswith("data:") and name == "verdict":
            events.put((time.monotonic(), json.loads(line[5:])["ticker"]))

threading.Thread(target=listen, daemon=True).start()
if not subscribed.wait(30):
    sys.exit("the verdict stream did not answer within 30 s")
base = json.load(open(sample))

def amendment(i):
    doc = json.loads(json.dumps(base))
    facts = doc["facts"]["us-gaap"]["PaymentsToAcquirePropertyPlantAndEquipment"]["units"]["USD"]
    facts.append({"start": "2026-01-01", "end": "2026-03-31", "val": 35_674_000_000 + (i + 1) * 1_000_000,
                  "accn": f"0001652044-26-9{i:05d}", "fy": 2026, "fp": "Q1", "form": "10-Q/A",
                  "filed": f"2026-{5 + i // 28:02d}-{1 + i % 28:02d}"})
    return json.dumps(doc).encode()

latencies = []
for i in range(rounds):
    request = urllib.request.Request(ingest + "/api/imports", data=amendment(i), headers={"Content-Type": "application/json", "X-API-Key": api_key})
    with urllib.request.urlopen(request) as response:
        assert response.status == 200, response.status
        accepted = time.monotonic()
    arrived, ticker = events.get(timeout=30)
    assert ticker == "GOOGL", ticker
    latencies.append((arrived - accepted) * 1000)
    while not events.empty():
        events.get()
    time.sleep(0.2)
latencies.sort()
p95 = latencies[max(0, int(round(0.95 * len(latencies))) - 1)]
print(f"| filing-to-push, {rounds} imports | p50 {statistics.median(latencies):.0f} ms | p95 {p95:.0f} ms | max {max(latencies):.0f} ms |")
