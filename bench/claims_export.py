"""``GET /api/claims?format=csv`` on a local ``newstrace serve`` after one long article: time,
peak SQLite temp-file size and peak memory of the server while the export streams.

For each ``--sizes`` (bytes of article text) the bench builds one fictional article of
attributed sentences, stores it in a fresh SQLite store, starts the server over it on a free
loopback port and downloads the whole CSV export, then a page of JSON (``source_kind=...``,
``limit=100``) 20 times. The articles are not analysed whole (1.9 MB takes minutes, and the
analysis is not what is measured): a seed paragraph is analysed for real and its ledger
tiled, spans shifted, to the article's length, then stored through ``Store.add_ledger``.

The server's ``TMPDIR`` and ``SQLITE_TMPDIR`` are a folder of the bench's own; SQLite unlinks
its temp files as soon as it opens them, so the bench samples the sizes of the server's open
files in that folder through ``/proc/PID/fd`` (Linux), with its resident memory, every 10 ms.
A run whose temp files pass ``--max-temp-mb`` is stopped (the pre-0.3 store filled a disk).

    .venv/bin/python bench/claims_export.py [--sizes 60000 1900000]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from typing import Any

from local_server import local_server
from newstrace import analyze
from newstrace.serialize import dumps, loads
from newstrace.store import Store

# fictional sentences: short ones give about one claim per 30 bytes, long ones one per 75
SHORT = (
    "Officials said fares rose. The mayor said rents fell. Police said two men fled. "
    "A trader said stalls shut. Ada Penrose said prices rose. The board said buses stopped. "
)
LONG = (
    "The mayor said the bridge would reopen in May, according to the council. "
    "Harbour officials said the ferry would run twice a day, the port authority said. "
    "A trader, who asked not to be named, said the market had lost half its stalls. "
)
SAMPLE_S = 0.01


def article(size: int) -> tuple[str, dict[str, Any]]:
    """A ``size``-byte article (short sentences below 200 KB, long ones above) and its
    ledger as a ``newstrace.claims/1`` document, tiled from one analysed seed."""
    sentence = SHORT if size < 200_000 else LONG
    seed = (sentence * (3_000 // len(sentence) + 1)).strip()
    seeded = json.loads(dumps(analyze(seed), indent=None))
    copies = max(1, size // (len(seed) + 1))
    text = " ".join([seed] * copies)
    claims = []
    for copy in range(copies):
        for claim in seeded["claims"]:
            tiled = _shifted(claim, copy * (len(seed) + 1))
            tiled["id"] = f"c{len(claims) + 1}"
            claims.append(tiled)
    seeded["article"]["text"] = text
    seeded["article"]["id"] = f"long-{size}"
    seeded["claims"] = claims
    return text, seeded


def _shifted(value: Any, offset: int) -> Any:
    """``value`` with every span in it (a mapping with ``start`` and ``end``) moved on."""
    if isinstance(value, list):
        return [_shifted(item, offset) for item in value]
    if not isinstance(value, dict):
        return value
    moved = {key: _shifted(item, offset) for key, item in value.items()}
    if isinstance(moved.get("start"), int) and isinstance(moved.get("end"), int):
        moved["start"] += offset
        moved["end"] += offset
    return moved


class Sampler(threading.Thread):
    """The peak size of a process's open files under a folder, and its peak resident memory."""

    def __init__(self, pid: int, folder: str) -> None:
        super().__init__(daemon=True)
        self.pid, self.folder = pid, folder
        self.peak_temp = self.peak_rss = 0
        self.running = True

    def run(self) -> None:
        while self.running:
            self.peak_temp = max(self.peak_temp, self.temp_bytes())
            self.peak_rss = max(self.peak_rss, rss(self.pid))
            time.sleep(SAMPLE_S)

    def temp_bytes(self) -> int:
        total, fds = 0, f"/proc/{self.pid}/fd"
        for fd in os.listdir(fds):
            try:
                if os.readlink(f"{fds}/{fd}").startswith(self.folder):
                    total += os.stat(f"{fds}/{fd}").st_size
            except OSError:  # closed while we looked
                continue
        return total


def rss(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) * 1024
    return 0


def measure(size: int, max_temp: int) -> dict[str, Any]:
    text, document = article(size)
    with tempfile.TemporaryDirectory() as data, tempfile.TemporaryDirectory() as scratch:
        store = Store(f"sqlite:///{Path(data) / 'newstrace.db'}")
        store.add_ledger(loads(json.dumps(document)))
        store.engine.dispose()
        env = os.environ | {"TMPDIR": scratch, "SQLITE_TMPDIR": scratch}
        with local_server(data, env) as (base, server):
            rss_before = rss(server.pid)
            sampler = Sampler(server.pid, os.path.realpath(scratch))
            sampler.start()
            result = _export(base + "/api/claims?format=csv", sampler, max_temp)
            sampler.running = False
            sampler.join()
            page = base + "/api/claims?source_kind=named_person&limit=100"
            latencies = sorted(_get(page)[0] for _ in range(20))
    return {
        "article_bytes": len(text.encode()),
        "claims": len(document["claims"]),
        "ledger_mb": round(len(json.dumps(document)) / 1e6, 1),
        **result,
        "peak_temp_mb": round(sampler.peak_temp / 1e6, 1),
        "rss_before_mb": round(rss_before / 1e6, 1),
        "rss_peak_mb": round(sampler.peak_rss / 1e6, 1),
        "json_page_p50_ms": round(1000 * statistics.median(latencies), 1),
    }


def _export(url: str, sampler: Sampler, max_temp: int) -> dict[str, Any]:
    start = time.perf_counter()
    first, received = None, 0
    try:
        with urllib.request.urlopen(url, timeout=600) as response:
            while chunk := response.read(1 << 16):
                first = first or time.perf_counter() - start
                received += len(chunk)
                if sampler.peak_temp > max_temp:
                    return {"stopped": f"temp files passed {max_temp / 1e6:.0f} MB"}
    except OSError as error:
        return {"failed": str(error)}
    return {
        "seconds": round(time.perf_counter() - start, 2),
        "first_byte_s": round(first or 0, 3),
        "csv_mb": round(received / 1e6, 1),
    }


def _get(url: str) -> tuple[float, bytes]:
    start = time.perf_counter()
    with urllib.request.urlopen(url, timeout=600) as response:
        body = response.read()
    return time.perf_counter() - start, body


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[60_000, 1_900_000])
    parser.add_argument("--max-temp-mb", type=int, default=2_000)
    args = parser.parse_args()
    for size in args.sizes:
        print(json.dumps(measure(size, args.max_temp_mb * 1_000_000)), flush=True)


if __name__ == "__main__":
    main()
