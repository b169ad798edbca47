"""Referral slip PDFs: one slip, and the 100 slips of an event's batch print (DESIGN.md §10:
< 100 ms and < 5 s). The first render of a process also registers the fonts; it is reported apart.
Rendering only: the PDF bytes are built in memory and never written."""

from __future__ import annotations

import statistics
import time
from typing import Any

from bench.common import percentile, publish, verdict
from mediateur.slips import load_branding, render_slip, render_slips
from tests.slips.samples import batch, long_slip, realistic_slip

ONE_BUDGET_S = 0.100
BATCH_BUDGET_S = 5.0
RUNS_ONE = 30
RUNS_BATCH = 3


def _time(fn: Any) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def main() -> None:
    branding = load_branding()
    slip, long_one, hundred = realistic_slip(), long_slip(), batch(100)

    first_s, pdf = _time(lambda: render_slip(slip, branding))
    one = [_time(lambda: render_slip(slip, branding))[0] for _ in range(RUNS_ONE)]
    long_runs = [_time(lambda: render_slip(long_one, branding))[0] for _ in range(RUNS_ONE)]
    batch_runs = []
    for _ in range(RUNS_BATCH):
        elapsed, batch_pdf = _time(lambda: render_slips(hundred, branding))
        batch_runs.append(elapsed)

    results = {
        "first_render_s": first_s,
        "one_slip_median_s": statistics.median(one),
        "one_slip_p95_s": percentile(one, 95),
        "long_slip_median_s": statistics.median(long_runs),
        "hundred_slips_median_s": statistics.median(batch_runs),
        "one_slip_bytes": len(pdf),
        "hundred_slips_bytes": len(batch_pdf),
        "budgets_s": {"one": ONE_BUDGET_S, "hundred": BATCH_BUDGET_S},
    }
    ok_one = results["one_slip_p95_s"] < ONE_BUDGET_S
    ok_batch = results["hundred_slips_median_s"] < BATCH_BUDGET_S
    table = f"""
| what | measured | budget | |
|---|---|---|---|
| one slip (realistic), median / p95 of {RUNS_ONE} | {results["one_slip_median_s"] * 1000:.0f} ms / {results["one_slip_p95_s"] * 1000:.0f} ms | < 100 ms | {verdict(ok_one)} |
| one slip with 60-character fields and long conditions, median | {results["long_slip_median_s"] * 1000:.0f} ms | < 100 ms | {verdict(results["long_slip_median_s"] < ONE_BUDGET_S)} |
| 100 slips in one PDF (batch print), median of {RUNS_BATCH} | {results["hundred_slips_median_s"]:.2f} s | < 5 s | {verdict(ok_batch)} |
| first slip of a process (font registration included) | {first_s * 1000:.0f} ms | — | |

PDF size: {len(pdf) / 1024:.0f} KiB for one slip, {len(batch_pdf) / 1024:.0f} KiB for 100 (fonts embedded once, subset).
"""
    publish("slips", results, table)
    print(table)


if __name__ == "__main__":
    main()
