#!/usr/bin/env python3
"""A loopback stand-in for data.sec.gov for the scale benchmark: serves each generated company's
companyfacts document and a submissions document listing the filings in it (newest first), both with a
strong ETag, answering If-None-Match with 304. Until the file ARMED exists in the folder it answers 404
to everything (so the poller stays out of the way while the benchmark imports). Every request after
arming is recorded; GET /stats returns them as JSON [seconds since arming, path, status, conditional].
Usage: edgar_stub.py PORT GENERATED_DIR"""
import hashlib, json, os, re, sys, threading, time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

port, folder = int(sys.argv[1]), sys.argv[2]
documents, lock, log = {}, threading.Lock(), []
armed_at = None


def submissions(doc):
    filings = {}
    for namespace in doc["facts"].values():
        for concept in namespace.values():
            for unit in concept["units"].values():
                for fact in unit:
                    filings[fact["accn"]] = (fact["form"], fact["filed"])
    recent = sorted(filings.items(), key=lambda f: f[1][1], reverse=True)
    return {"cik": str(doc["cik"]), "name": doc["entityName"], "filings": {"recent": {
        "accessionNumber": [a for a, _ in recent], "form": [f for _, (f, _) in recent],
        "filingDate": [d for _, (_, d) in recent], "acceptanceDateTime": [d + "T16:05:00.000Z" for _, (_, d) in recent],
        "items": ["" for _ in recent], "isXBRL": [1 for _ in recent]}}}


def load(cik):
    if cik not in documents:
        path = os.path.join(folder, f"CIK{cik}.json")
        if not os.path.exists(path):
            return None
        raw = open(path, "rb").read()
        sub = json.dumps(submissions(json.loads(raw))).encode()
        documents[cik] = {kind: (body, '"' + hashlib.sha256(body).hexdigest()[:32] + '"')
                          for kind, body in (("facts", raw), ("submissions", sub))}
    return documents[cik]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def answer(self, status, body=b"", etag=None):
        self.send_response(status)
        if etag:
            self.send_header("ETag", etag)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self):
        global armed_at
        if self.path == "/stats":
            with lock:
                return self.answer(200, json.dumps(log).encode())
        if armed_at is None and os.path.exists(os.path.join(folder, "ARMED")):
            armed_at = time.monotonic()
        match = re.fullmatch(r"/(submissions|api/xbrl/companyfacts)/CIK(\d{10})\.json", self.path)
        document = load(match.group(2)) if match and armed_at is not None else None
        if document is None:
            return self.answer(404)
        body, etag = document["submissions" if match.group(1) == "submissions" else "facts"]
        conditional = self.headers.get("If-None-Match")
        status = 304 if conditional == etag else 200
        with lock:
            log.append([round(time.monotonic() - armed_at, 3), self.path, status, conditional is not None])
        self.answer(status, b"" if status == 304 else body, etag)


ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()
