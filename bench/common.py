"""What every benchmark shares: machine description, timing helpers, and publication of results
(JSON in bench/results/, a table in docs/performance.md between this benchmark's markers)."""

from __future__ import annotations

import json
import os
import platform
import re
import statistics
import time
from collections.abc import Callable, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
PERFORMANCE_DOC = ROOT / "docs" / "performance.md"


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "python": platform.python_version(),
        "system": f"{platform.system()} {platform.release()}",
        "date": datetime.now().astimezone().isoformat(timespec="seconds"),
    }


def percentile(values: Sequence[float], pct: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * pct / 100
    low, high = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[low] + (ordered[high] - ordered[low]) * (k - low)


def timed(fn: Callable[[], Any]) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def median_of(fn: Callable[[], Any], runs: int = 5) -> float:
    return statistics.median(timed(fn) for _ in range(runs))


def verdict(ok: bool) -> str:
    return "✅" if ok else "❌"


def publish(name: str, results: dict[str, Any], table: str) -> None:
    """Write `results` to bench/results/<name>.json and `table` into docs/performance.md."""
    RESULTS.mkdir(parents=True, exist_ok=True)
    info = machine()
    payload = {"benchmark": name, "machine": info, "results": results}
    (RESULTS / f"{name}.json").write_text(json.dumps(payload, indent=2, ensure_ascii=False) + "\n")
    section = (
        f"<!-- bench:{name} -->\n## {name}\n\n"
        f"Measured {info['date']} on {info['cpu']} ({info['cores']} cores), "
        f"Python {info['python']}, {info['system']}.\n\n{table.strip()}\n<!-- /bench:{name} -->"
    )
    doc = PERFORMANCE_DOC.read_text(encoding="utf-8")
    pattern = re.compile(
        rf"<!-- bench:{re.escape(name)} -->.*?<!-- /bench:{re.escape(name)} -->", re.S
    )
    if pattern.search(doc):
        doc = pattern.sub(lambda _m: section, doc)
    else:
        doc = doc.rstrip() + "\n\n" + section + "\n"
    PERFORMANCE_DOC.write_text(doc, encoding="utf-8")
