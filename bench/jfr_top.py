#!/usr/bin/env python3
"""Summarises a JFR recording's execution samples (jdk.ExecutionSample): the share of samples whose top
frame is in each method, and the share whose stack contains each of a few frameworks' packages.
Usage: jfr_top.py recording.jfr [how many top frames, default 15]"""
import collections, re, subprocess, sys

recording, top = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 15
text = subprocess.run(["jfr", "print", "--events", "jdk.ExecutionSample", "--stack-depth", "64", recording],
                      capture_output=True, text=True, check=True).stdout
stacks = [re.findall(r"^\s+([\w$.<>/]+)\(", block, re.M) for block in text.split("jdk.ExecutionSample")[1:]]
stacks = [s for s in stacks if s]
tops = collections.Counter(s[0] for s in stacks)
areas = {"Netty / Vert.x HTTP": ("io.netty.", "io.vertx.core.http"), "Vert.x Web router": ("io.vertx.ext.web",),
         "Quarkus REST (RESTEasy Reactive)": ("org.jboss.resteasy.reactive", "io.quarkus.resteasy.reactive"),
         "Micrometer": ("io.micrometer", "io.quarkus.micrometer"), "compression (zlib)": ("java.util.zip", "io.netty.handler.codec.compression"),
         "Jackson": ("com.fasterxml.jackson",), "capex-watch": ("io.capexwatch",), "Kafka clients": ("org.apache.kafka",),
         "Hibernate (ORM, Reactive)": ("org.hibernate",), "PostgreSQL / SQL client": ("io.vertx.pgclient", "io.vertx.sqlclient"),
         "Redis client": ("io.vertx.redis", "io.quarkus.redis")}
print(f"{len(stacks)} execution samples in {recording}")
print("\n| share of samples | top frame |\n|---:|---|")
for frame, n in tops.most_common(top):
    print(f"| {100 * n / len(stacks):.1f}% | `{frame}` |")
print("\n| share of samples whose stack contains | area |\n|---:|---|")
for area, prefixes in areas.items():
    if prefixes:
        n = sum(1 for s in stacks if any(f.startswith(prefixes) for f in s))
        print(f"| {100 * n / len(stacks):.1f}% | {area} |")
