#!/usr/bin/env python3
"""Filing-to-push latency: time from an import being accepted (HTTP 200 from earnings-ingest) to the
verdict change arriving on the SSE stream of every verdict-api replica. Every import adds a new 10-Q/A for
Alphabet's 2026 Q1 capex (a later filing, a different figure), so every import changes the verdict's JSON;
an import's event is the first GOOGL verdict event carrying its accession number. The amendments are made
up for the benchmark and exist only in its throw-away data directory. Imports are writes: the admin API key
is read from the file named by the fifth argument (./capex-watch up writes it to DATA_DIR/admin-api-key).
Prints p50/p95/max per replica and of the slowest replica per import ("on every replica"), then that
series in import order. The target is steady state: PUSH_WARMUP (default 0) imports go first, timed and printed on their own row (the first
imports after start run the import and consume paths before the JIT has compiled them), not in the p95.
Exits non-zero
if an import is refused, or any replica has not pushed an import's event within 30 s.
With LOG_DIR (./capex-watch up's log directory) it also says where the time went, from the services' log
lines (millisecond timestamps, each written before its service commits): earnings-ingest's "import GOOGL",
capex-tracker's "metrics of GOOGL", verdict-api's "verdict GOOGL" (whichever replica consumed the change).
Usage: push_latency.py INGEST_URL VERDICT_URL[,VERDICT_URL...] SAMPLE ROUNDS ADMIN_KEY_FILE [LOG_DIR]"""
import datetime, glob, http.client, json, os, re, statistics, sys, threading, time, urllib.request

ingest, replicas, sample, rounds = sys.argv[1], sys.argv[2].split(","), sys.argv[3], int(sys.argv[4])
api_key = open(sys.argv[5]).read().strip()
log_dir = sys.argv[6] if len(sys.argv) > 6 else None
warmup = int(os.environ.get("PUSH_WARMUP", "0"))
EVENT_TIMEOUT = 30


class Stream:
    """One replica's /api/verdicts/stream: its GOOGL verdict events, each with the time it arrived."""

    def __init__(self, url):
        self.url = url
        self.events = []  # (monotonic time, data)
        self.changed = threading.Condition()
        self.subscribed = threading.Event()
        self.failure = None
        threading.Thread(target=self.listen, daemon=True).start()

    def listen(self):
        try:
            host, port = self.url.replace("http://", "").split(":")
            conn = http.client.HTTPConnection(host, int(port))
            conn.request("GET", "/api/verdicts/stream", headers={"Accept": "text/event-stream"})
            response = conn.getresponse()
            if response.status != 200:
                raise RuntimeError(f"stream answered {response.status}")
            self.subscribed.set()  # the response has started: the stream is subscribed to live changes
            name = None
            for raw in response:
                line = raw.decode().rstrip("\n")
                if line.startswith("event:"):
                    name = line[6:].strip()
                elif line.startswith("data:") and name == "verdict":
                    arrived, data = time.time(), line[5:]
                    if json.loads(data)["ticker"] == "GOOGL":
                        with self.changed:
                            self.events.append((arrived, data))
                            self.changed.notify_all()
            raise RuntimeError("stream ended")
        except Exception as e:  # reported by the waiting main thread
            self.failure = f"{type(e).__name__}: {e}"
            with self.changed:
                self.changed.notify_all()

    def arrival(self, marker, since):
        """The arrival time of the first event at or after index `since` whose data contains marker."""
        deadline = time.time() + EVENT_TIMEOUT
        with self.changed:
            while True:
                for arrived, data in self.events[since:]:
                    if marker in data:
                        return arrived
                if self.failure:
                    sys.exit(f"{self.url}: {self.failure}")
                if time.time() >= deadline:
                    sys.exit(f"{self.url}: no verdict event with {marker} within {EVENT_TIMEOUT} s of its import")
                self.changed.wait(max(0.0, deadline - time.time()))


streams = [Stream(url) for url in replicas]
for stream in streams:
    if not stream.subscribed.wait(30):
        sys.exit(f"{stream.url}: the verdict stream did not answer within 30 s: {stream.failure}")
base = json.load(open(sample))


def amendment(i):
    doc = json.loads(json.dumps(base))
    facts = doc["facts"]["us-gaap"]["PaymentsToAcquirePropertyPlantAndEquipment"]["units"]["USD"]
    accession = f"0001652044-26-9{i:05d}"
    facts.append({"start": "2026-01-01", "end": "2026-03-31", "val": 35_674_000_000 + (i + 1) * 1_000_000,
                  "accn": accession, "fy": 2026, "fp": "Q1", "form": "10-Q/A",
                  "filed": f"2026-{5 + i // 28:02d}-{1 + i % 28:02d}"})
    return accession, json.dumps(doc).encode()


def timed_import(i):
    """Imports amendment i; returns (sent, accepted, arrival per replica) in wall-clock seconds."""
    accession, body = amendment(i)
    seen = [len(stream.events) for stream in streams]  # only events after this import started count
    request = urllib.request.Request(ingest + "/api/imports", data=body,
                                     headers={"Content-Type": "application/json", "X-API-Key": api_key})
    sent = time.time()
    with urllib.request.urlopen(request) as response:
        if response.status != 200:
            sys.exit(f"import {i} answered {response.status}")
        accepted = time.time()
    arrived = [stream.arrival(accession, seen[replica]) for replica, stream in enumerate(streams)]
    time.sleep(0.2)
    return sent, accepted, arrived


warmup_latencies = []  # ms, of the slower replica, per warm-up import
for i in range(warmup):
    _, accepted, arrived = timed_import(i)
    warmup_latencies.append((max(arrived) - accepted) * 1000)

latencies = [[] for _ in streams]  # ms, per replica, in import order
sent_at, accepted_at, arrivals = [], [], []  # wall-clock seconds per timed import (the services log wall-clock time)
for i in range(warmup, warmup + rounds):
    sent, accepted, arrived = timed_import(i)
    sent_at.append(sent)
    accepted_at.append(accepted)
    arrivals.append(arrived)
    for replica in range(len(streams)):
        latencies[replica].append((arrived[replica] - accepted) * 1000)


def p95(values):
    ordered = sorted(values)
    return ordered[max(0, int(round(0.95 * len(ordered))) - 1)]


def row(label, values):
    return f"| {label} | {len(values)} | {statistics.median(values):.0f} ms | {p95(values):.0f} ms | {max(values):.0f} ms |"


print(f"filing-to-push: {rounds} imports after {warmup} warm-up imports, each pushed by all {len(streams)} verdict-api replica(s)")
print("| verdict-api | imports | p50 | p95 | max |")
print("|---|---:|---:|---:|---:|")
if warmup_latencies:
    print(row("warm-up, the first imports after start (the slower replica; not in the target)", warmup_latencies))
for replica, stream in enumerate(streams):
    print(row(f"replica {replica + 1} ({stream.url})", latencies[replica]))
if len(streams) > 1:
    print(row("every replica (the slower one per import)", [max(per_import) for per_import in zip(*latencies)]))
# The whole series, so the first imports after a start (the JIT still compiling) can be told from the rest.
slower = warmup_latencies + [max(per_import) for per_import in zip(*latencies)]
print("in import order, the slower replica, ms: " + " ".join(f"{value:.0f}" for value in slower))


def logged(pattern):
    """Wall-clock times of the log lines matching pattern in LOG_DIR's service logs (replicas included)."""
    times = []
    for path in glob.glob(os.path.join(log_dir, "**", "*.log"), recursive=True):
        for line in open(path, errors="replace"):
            if re.search(pattern, line):
                stamp = datetime.datetime.strptime(line[:23], "%Y-%m-%d %H:%M:%S,%f")
                times.append(stamp.timestamp())
    return sorted(times)


def first_in(times, start, end):
    return next((t for t in times if start <= t < end), None)


if log_dir:
    # Each import's lines are the first of their kind between its request and the next import's.
    marks = {name: logged(pattern) for name, pattern in
             [("import", r"\] \(.*\) import GOOGL "), ("metrics", r"\] \(.*\) metrics of GOOGL "),
              ("verdict", r"\] \(.*\) verdict GOOGL: ")]}
    stages = {"request sent → earnings-ingest logs the import (parsing, deriving)": [],
              "→ HTTP 200 (earnings-ingest stores and commits)": [],
              "HTTP 200 → capex-tracker logs the metrics (Kafka hop, tracker reads and computes)": [],
              "→ verdict-api logs the verdict (tracker commits and sends, Kafka hop, evaluation)": [],
              "→ the event on the slower replica's stream (commit, Redis, snapshot, SSE)": []}
    for i in range(rounds):
        end = sent_at[i + 1] if i + 1 < rounds else accepted_at[i] + EVENT_TIMEOUT
        imported = first_in(marks["import"], sent_at[i] - 0.001, end)
        metrics = first_in(marks["metrics"], sent_at[i] - 0.001, end)
        verdict = first_in(marks["verdict"], sent_at[i] - 0.001, end)
        if None in (imported, metrics, verdict):  # log lines are not an API: say so, do not fail
            print(f"no breakdown: import {i} has no import/metrics/verdict log line in {log_dir}", file=sys.stderr)
            sys.exit(0)
        points = [sent_at[i], imported, accepted_at[i], metrics, verdict, max(arrivals[i])]
        for values, (a, b) in zip(stages.values(), zip(points, points[1:])):
            values.append((b - a) * 1000)
    print()
    # The first imports after a start, stage by stage: which hop the JIT (or a first use) slows down.
    print("| timed import | " + " | ".join(f"stage {n}" for n in range(1, len(stages) + 1)) + " |")
    print("|---:|" + "---:|" * len(stages))
    for i in range(min(rounds, 10)):
        print(f"| {i + 1} | " + " | ".join(f"{values[i]:.0f}" for values in stages.values()) + " |")
    print()
    print("| stage (log timestamps, ms resolution) | p50 | p95 |")
    print("|---|---:|---:|")
    for stage, values in stages.items():
        print(f"| {stage} | {statistics.median(values):.0f} ms | {p95(values):.0f} ms |")
