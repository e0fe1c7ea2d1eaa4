"""Requests/s of ``POST /api/analyze`` on a local ``newstrace serve``, bounded and on loopback.

Starts the server (SQLite store in a temporary folder) on a free loopback port, warms it up,
then has ``--clients`` threads post a fictional news-length article for ``--seconds`` seconds
and prints one JSON line: requests/s, latency percentiles, errors. With ``--beside CHARS`` a
fictional article of that many characters is posted first (the news article repeated), so
the requests are timed while it is analysed (as a job, beyond the inline limit); the line
then says how that job stood at the end.

    .venv/bin/python bench/serve_load.py [--clients 4] [--seconds 30] [--beside 1000000]
"""

from __future__ import annotations

import argparse
import json
import statistics
import tempfile
import threading
import time
import urllib.request

from local_server import local_server

ARTICLE = {
    "outlet": "Pellin Gazette",
    "title": "Swing bridge to stay shut until March",
    "text": (
        "Harbour officials said on Monday that the Pellin Quay swing bridge may stay shut until "
        "March while engineers replace its rusted gears.\n\nThe harbour board said the bridge "
        "carried about 4,000 vehicles a day and that buses would be diverted through Marlow "
        "Street for at least six weeks. A trader, who asked not to be named, said the closure "
        'was reportedly costing stalls half their takings.\n\n"We had no warning at all," said '
        "Ada Penrose, who runs a fish stall beside the bridge. Councillors could vote next week "
        "on a support fund for businesses on the quay, according to a draft agenda seen by the "
        "Gazette. If the repairs overrun, the spring market may have to move, a council "
        "spokesperson said.\n\nEngineers found the corrosion during a routine inspection, the "
        "board said in a statement. It is not yet known how much the work will cost."
    ),
}


def _post(base: str, article: dict = ARTICLE) -> float:
    return _timed(base, article)[0]


def _timed(base: str, article: dict) -> tuple[float, dict]:
    request = urllib.request.Request(
        base + "/api/analyze",
        data=json.dumps(article).encode(),
        method="POST",
        headers={"Content-Type": "application/json"},
    )
    start = time.perf_counter()
    with urllib.request.urlopen(request, timeout=600) as response:
        body = json.loads(response.read())
    return time.perf_counter() - start, body


def _long_article(chars: int) -> dict:
    text = ARTICLE["text"]
    repeated = "\n\n".join([text] * (chars // (len(text) + 2) + 1))
    return {**ARTICLE, "id": "long", "text": repeated[:chars]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--beside", type=int, default=0, help="characters of a long article")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as data, local_server(data) as (base, _):
        _post(base)  # load the models before timing
        long: dict = {}
        if args.beside:
            long["posted_s"], job = _timed(base, _long_article(args.beside))
            long["job"] = job["id"]
        latencies: list[float] = []
        errors = [0]
        stop = time.monotonic() + args.seconds

        def client() -> None:
            while time.monotonic() < stop:
                try:
                    latencies.append(_post(base))
                except OSError:
                    errors[0] += 1

        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        started = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - started
        if long:
            with urllib.request.urlopen(f"{base}/api/jobs/{long['job']}") as response:
                job = json.loads(response.read())
            long = {
                "chars": args.beside,
                "posted_in_ms": round(1000 * long["posted_s"], 1),
                "job_at_end": job["progress"],
                "truncated": job["truncated"],
            }
    latencies.sort()
    print(
        json.dumps(
            {
                "clients": args.clients,
                "seconds": round(elapsed, 1),
                "requests": len(latencies),
                "errors": errors[0],
                "requests_per_s": round(len(latencies) / elapsed, 2),
                "latency_p50_ms": round(1000 * statistics.median(latencies), 1)
                if latencies
                else None,
                "latency_p95_ms": round(1000 * latencies[int(0.95 * (len(latencies) - 1))], 1)
                if latencies
                else None,
                "words": len(ARTICLE["text"].split()),
                "beside": long or None,
            }
        )
    )


if __name__ == "__main__":
    main()
