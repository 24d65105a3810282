#!/usr/bin/env python3
"""Reads the EDGAR stub's request log (bench/edgar_stub.py /stats) for the generated companies.
check: exits 0 once every company's submissions has been asked for at least twice (two poll cycles).
report: prints the second cycle: its length, requests per company, and that each was one conditional
submissions request answered 304; exits 1 if any company cost more than that.
Usage: edgar_cycles.py STATS_URL WATCHLIST_TSV check|report [RATE]"""
import json, sys, urllib.request

stats_url, watchlist, mode = sys.argv[1], sys.argv[2], sys.argv[3]
ciks = [f"{int(line.split(chr(9))[1]):010d}" for line in open(watchlist).read().splitlines()]
log = json.loads(urllib.request.urlopen(stats_url, timeout=10).read())
per_company = {cik: [r for r in log if f"CIK{cik}" in r[1]] for cik in ciks}
second = {}
for cik, requests in per_company.items():
    subs = [i for i, r in enumerate(requests) if r[1].startswith("/submissions/")]
    if len(subs) < 2:
        sys.exit(1 if mode == "check" else f"{cik}: fewer than two submissions requests")
    # Cycle 2 of a company: from its second submissions request up to (not including) its third.
    end = subs[2] if len(subs) > 2 else len(requests)
    second[cik] = requests[subs[1]:end]
if mode == "check":
    sys.exit(0)
rate = float(sys.argv[4])
times = [r[0] for rs in second.values() for r in rs]
costly = {cik: rs for cik, rs in second.items() if len(rs) != 1 or rs[0][2] != 304 or not rs[0][3]}
first = [r for rs in per_company.values() for r in rs if r[0] < min(times)]
print(f"| EDGAR poll cycle 1 (loopback stub, {rate:.0f} requests/s) | {len(first)} requests for {len(ciks)} companies "
      f"({sum(1 for r in first if 'companyfacts' in r[1])} companyfacts) |")
print(f"| EDGAR poll cycle 2, nothing changed | {len(times)} requests for {len(ciks)} companies in {max(times) - min(times):.1f} s "
      f"({(len(times) - 1) / max(max(times) - min(times), 0.001):.1f} requests/s); "
      f"{len(ciks) - len(costly)} of {len(ciks)} cost one conditional submissions request answered 304 |")
if costly:
    print(f"companies that cost more: {list(costly.items())[:3]}", file=sys.stderr)
    sys.exit(1)
