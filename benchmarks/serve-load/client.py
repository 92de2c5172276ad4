#!/usr/bin/env python3
"""A plain external load client for `digits serve`: N threads, each with one kept-alive HTTP connection, POST
FSDD's official test clips (index 0-4) to /v1/recognize for a number of seconds, and check every answer's digit.
Prints the latency percentiles, the throughput and the answers by status. Standard library only.

    python3 benchmarks/serve-load/client.py --url http://127.0.0.1:8080 --fsdd ../shared/datasets/fsdd/recordings \
        --clients 16 --seconds 30 --warm-up 10
"""
import argparse
import http.client
import json
import os
import threading
import time
import urllib.parse


def main():
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--url", default="http://127.0.0.1:8080")
    p.add_argument("--fsdd", required=True, help="FSDD's recordings folder")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--seconds", type=float, default=30)
    p.add_argument("--warm-up", type=float, default=10)
    a = p.parse_args()
    clips = []
    for name in sorted(os.listdir(a.fsdd)):
        parts = name[:-4].split("_")
        if name.endswith(".wav") and len(parts) == 3 and int(parts[2]) < 5:
            with open(os.path.join(a.fsdd, name), "rb") as f:
                clips.append((parts[0], f.read()))
    url = urllib.parse.urlparse(a.url)
    lock = threading.Lock()
    latencies, statuses, wrong = [], {}, [0]
    start = time.monotonic()
    measure_from = start + a.warm_up
    end = measure_from + a.seconds

    def client(k):
        conn = http.client.HTTPConnection(url.hostname, url.port or 80, timeout=30)
        i = k
        while True:
            digit, body = clips[i % len(clips)]
            i += a.clients
            t0 = time.monotonic()
            if t0 >= end:
                break
            conn.request("POST", "/v1/recognize", body, {"Content-Type": "audio/wav"})
            r = conn.getresponse()
            answer = r.read()
            t1 = time.monotonic()
            if t0 >= measure_from:
                with lock:
                    latencies.append(t1 - t0)
                    statuses[r.status] = statuses.get(r.status, 0) + 1
                    if r.status == 200 and json.loads(answer).get("digit") != digit:
                        wrong[0] += 1
        conn.close()

    threads = [threading.Thread(target=client, args=(k,)) for k in range(a.clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    latencies.sort()

    def pct(q):
        return 1000 * latencies[min(len(latencies) - 1, int(q * len(latencies)))]

    print("%d clients, %.0f s measured after %.0f s of warm-up: %d answers %s, %d wrong digits"
          % (a.clients, a.seconds, a.warm_up, len(latencies), dict(sorted(statuses.items())), wrong[0]))
    print("p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms; %.1f answers/s"
          % (pct(0.5), pct(0.9), pct(0.99), 1000 * latencies[-1], len(latencies) / a.seconds))


if __name__ == "__main__":
    main()
