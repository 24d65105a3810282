#!/usr/bin/env python3
"""Generates a watchlist of N made-up companies as EDGAR companyfacts documents, in the shape of
samples/companyfacts (and of the real documents: us-gaap and dei facts, each period reported again as a
comparative by later filings, many concepts capex-watch does not read). Deterministic: the same N gives
the same files. The companies and figures are invented (CIKs from 9,000,000 up, tickers Z...).

Per company:
- fiscal years ending in December, June, September, March, January or May (by index), FY2023 to the
  quarter ending in or before 2026-09; year-to-date 10-Q facts (3, 6, 9 months) and a 10-K for the year,
  each filing also restating the prior year's same period as a comparative;
- operating cash flow, capex, revenue, D&A and net income, with capex/OCF drifting per company so the
  verdicts spread over ON_SCHEDULE, WATCH and SLIPPING;
- every 4th company migrates its capex tag: PaymentsToAcquirePropertyPlantAndEquipment in filings before
  2025, PaymentsToAcquireProductiveAssets from 2025 on (comparatives included);
- every 10th company (index 3, 13, ...) files a 10-Q/A restating its latest quarter's capex (+1%);
- --filler N concepts capex-watch skips (default 120, about 0.5 MB a document; real ones are 1-3 MB).

Usage: companyfacts_generator.py N OUT_DIR [--filler N]
Writes OUT_DIR/CIK##########.json and OUT_DIR/watchlist.tsv (ticker, CIK, fiscal year end month)."""
import calendar, datetime, json, os, sys

FYE_MONTHS = [12, 6, 9, 3, 1, 5]
LAST_END = datetime.date(2026, 9, 30)


def month_end(year, month):
    while month > 12:
        year, month = year + 1, month - 12
    while month < 1:
        year, month = year - 1, month + 12
    return datetime.date(year, month, calendar.monthrange(year, month)[1])


def ticker(i):
    letters = ""
    n = i
    for _ in range(3):
        letters = chr(ord("A") + n % 26) + letters
        n //= 26
    return "Z" + letters


class Filings:
    """Accession numbers in filing order, one per (form, period end)."""

    def __init__(self, cik):
        self.cik, self.seq, self.by_key = cik, 0, {}

    def accession(self, form, end, filed):
        key = (form, end)
        if key not in self.by_key:
            self.seq += 1
            self.by_key[key] = f"{self.cik:010d}-{filed.year % 100:02d}-{self.seq:06d}"
        return self.by_key[key]


def company(i, filler):
    cik = 9_000_000 + i
    fye = FYE_MONTHS[i % len(FYE_MONTHS)]
    scale = 200_000_000 * (1 + (i * 37) % 60)           # quarterly OCF, USD
    intensity = 0.30 + ((i * 53) % 70) / 100             # capex / OCF in the first quarter
    drift = ((i * 17) % 9 - 3) / 100                     # per quarter
    migrates, amends = i % 4 == 0, i % 10 == 3
    quarters = []                                        # (fy, q, start of FY, end, ocf, capex, revenue, da, ni)
    for fy in range(2023, 2027):
        fy_start = month_end(fy - 1, fye) + datetime.timedelta(days=1)
        for q in range(1, 5):
            end = month_end(fy - 1, fye + 3 * q)
            if end > LAST_END:
                break
            t = len(quarters)
            ocf = int(scale * (1 + 0.03 * t) * (1 + 0.05 * ((t * 7 + i) % 3 - 1))) // 1_000_000 * 1_000_000
            capex = int(ocf * max(0.05, intensity + drift * t)) // 1_000_000 * 1_000_000
            revenue = ocf * 3 + (i % 7) * 10_000_000
            quarters.append((fy, q, fy_start, end, ocf, capex, revenue, capex // 3, ocf // 2))
    filings = Filings(cik)
    facts = {}

    by_year = {}
    for row in quarters:
        by_year.setdefault(row[0], []).append(row)
    for idx, (fy, q, fy_start, end, *_rest) in enumerate(quarters):
        form = "10-K" if q == 4 else "10-Q"
        filed = end + datetime.timedelta(days=60 if q == 4 else 35)
        accn_key_end = end
        year = by_year[fy][:q]
        prior = by_year.get(fy - 1, [])[:q] if len(by_year.get(fy - 1, [])) >= q else None
        capex_concept = "PaymentsToAcquireProductiveAssets" if migrates and filed.year >= 2025 else "PaymentsToAcquirePropertyPlantAndEquipment"
        for rows, is_prior in ((year, False), (prior, True)):
            if not rows:
                continue
            start, period_end = rows[0][2], rows[-1][3]
            sums = [sum(r[k] for r in rows) for k in range(4, 9)]
            for concept, val in zip([
                    "NetCashProvidedByUsedInOperatingActivities", capex_concept, "Revenues",
                    "DepreciationDepletionAndAmortization", "NetIncomeLoss"], sums):
                accn = filings.accession(form, accn_key_end, filed)
                facts.setdefault("us-gaap", {}).setdefault(concept, {"label": concept, "description": "generated", "units": {}})[
                    "units"].setdefault("USD", []).append({"start": start.isoformat(), "end": period_end.isoformat(), "val": val,
                                                           "accn": accn, "fy": fy, "fp": "FY" if q == 4 else f"Q{q}",
                                                           "form": form, "filed": filed.isoformat()})
        if amends and idx == len(quarters) - 1:
            restated = filed + datetime.timedelta(days=20)
            accn = filings.accession("10-Q/A" if q < 4 else "10-K/A", end, restated)
            val = sum(r[5] for r in year) + quarters[-1][5] // 100
            facts["us-gaap"][capex_concept]["units"]["USD"].append({
                "start": year[0][2].isoformat(), "end": end.isoformat(), "val": val, "accn": accn, "fy": fy,
                "fp": "FY" if q == 4 else f"Q{q}", "form": "10-Q/A" if q < 4 else "10-K/A", "filed": restated.isoformat()})
        shares = {"end": end.isoformat(), "val": 1_000_000_000 + i * 1000, "accn": filings.accession(form, end, filed),
                  "fy": fy, "fp": "FY" if q == 4 else f"Q{q}", "form": form, "filed": filed.isoformat()}
        facts.setdefault("dei", {}).setdefault("EntityCommonStockSharesOutstanding",
                                               {"label": "Entity Common Stock, Shares Outstanding", "description": "generated",
                                                "units": {"shares": []}})["units"]["shares"].append(shares)
        for k in range(filler):
            facts["us-gaap"].setdefault(f"GeneratedFillerConcept{k:03d}", {"label": f"Filler {k}", "description": "not read by capex-watch",
                                                                          "units": {"USD": []}})["units"]["USD"].append({
                "start": fy_start.isoformat(), "end": end.isoformat(), "val": (k + 1) * 1_000_000 + idx,
                "accn": filings.accession(form, end, filed), "fy": fy, "fp": "FY" if q == 4 else f"Q{q}", "form": form,
                "filed": filed.isoformat()})
    return cik, ticker(i), fye, {"cik": cik, "entityName": f"GENERATED COMPANY {ticker(i)} INC.", "facts": facts}


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    n, out = int(sys.argv[1]), sys.argv[2]
    filler = int(sys.argv[sys.argv.index("--filler") + 1]) if "--filler" in sys.argv else 120
    os.makedirs(out, exist_ok=True)
    with open(os.path.join(out, "watchlist.tsv"), "w") as watchlist:
        for i in range(n):
            cik, tick, fye, doc = company(i, filler)
            with open(os.path.join(out, f"CIK{cik:010d}.json"), "w") as f:
                json.dump(doc, f, separators=(",", ":"))
            watchlist.write(f"{tick}\t{cik}\t{fye}\n")


if __name__ == "__main__":
    main()
