#!/usr/bin/env python3
"""Drives the scale benchmark against running services: adds every generated company to the watchlist
(POST /api/companies), imports every document (POST /api/imports, WORKERS at a time: one company's
imports serialize on its row, different companies' run side by side), then waits until verdict-api's
summary lists a verdict for every company. Exits non-zero if a request is refused or a verdict does not
arrive within the timeout.
Usage: scale_import.py INGEST_URL VERDICT_URL GENERATED_DIR ADMIN_KEY_FILE WORKERS [TIMEOUT_SECONDS]"""
import concurrent.futures, json, os, statistics, sys, time, urllib.error, urllib.request

ingest, verdict, folder, key_file, workers = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4], int(sys.argv[5])
timeout = float(sys.argv[6]) if len(sys.argv) > 6 else 300
key = open(key_file).read().strip()
companies = [line.split("\t")[:2] for line in open(os.path.join(folder, "watchlist.tsv")).read().splitlines()]


def post(url, body):
    request = urllib.request.Request(url, data=body, method="POST",
                                     headers={"Content-Type": "application/json", "X-API-Key": key})
    start = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=120) as response:
            response.read()
            return response.status, time.monotonic() - start
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode()[:300]


for ticker, cik in companies:
    status, detail = post(ingest + "/api/companies", json.dumps({"ticker": ticker, "cik": int(cik)}).encode())
    if status not in (200, 201, 409):
        sys.exit(f"adding {ticker}: HTTP {status} {detail}")

documents = [(ticker, open(os.path.join(folder, f"CIK{int(cik):010d}.json"), "rb").read()) for ticker, cik in companies]
total_bytes = sum(len(d) for _, d in documents)
start = time.monotonic()
with concurrent.futures.ThreadPoolExecutor(workers) as pool:
    results = list(pool.map(lambda doc: (doc[0],) + post(ingest + "/api/imports", doc[1]), documents))
imported = time.monotonic() - start
refused = [r for r in results if r[1] != 200]
if refused:
    sys.exit(f"{len(refused)} imports refused, e.g. {refused[:3]}")
latencies = sorted(r[2] for r in results)

wanted = {ticker for ticker, _ in companies}
while True:
    with urllib.request.urlopen(verdict + "/api/verdicts?view=summary", timeout=30) as response:
        lines = json.loads(response.read())
    judged = {line["ticker"] for line in lines if line["ticker"] in wanted and line["state"]}
    if judged == wanted:
        break
    if time.monotonic() - start > timeout:
        sys.exit(f"only {len(judged)} of {len(wanted)} verdicts after {timeout:.0f} s")
    time.sleep(0.2)
all_verdicts = time.monotonic() - start
states = {}
for line in lines:
    if line["ticker"] in wanted:
        states[line["state"]] = states.get(line["state"], 0) + 1
print(f"| companies | {len(companies)} ({total_bytes / len(companies) / 1e6:.2f} MB a document, {workers} imports at a time) |")
print(f"| all imports answered | {imported:.1f} s ({len(companies) / imported:.1f} imports/s; an import's median {statistics.median(latencies) * 1000:.0f} ms, "
      f"p95 {latencies[int(0.95 * (len(latencies) - 1))] * 1000:.0f} ms) |")
print(f"| every company imported, derived, tracked and judged | {all_verdicts:.1f} s after the first import |")
print(f"| verdict states | {', '.join(f'{k} {v}' for k, v in sorted(states.items()))} |")
