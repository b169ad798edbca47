"""Referral slip PDFs: one slip, and the 100 slips of an event's batch print (DESIGN.md §10:
< 100 ms and < 5 s). The first render of a process also registers the fonts; it is reported apart.
Rendering only: the PDF bytes are built in memory and never written.

The machine is shared, so each figure is given as wall time (what the budget is about) and as
this process's CPU time (what the code costs, whatever else runs); the verdict is on the median
wall time."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable
from typing import Any

from bench.common import percentile, publish, verdict
from mediateur.slips import load_branding, render_slip, render_slips
from tests.slips.samples import batch, long_slip, realistic_slip

ONE_BUDGET_S = 0.100
BATCH_BUDGET_S = 5.0
RUNS_ONE = 30
RUNS_BATCH = 3


def _measure(fn: Callable[[], bytes], runs: int) -> tuple[list[float], list[float], bytes]:
    walls, cpus = [], []
    pdf = b""
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        pdf = fn()
        cpus.append(time.process_time() - cpu)
        walls.append(time.perf_counter() - wall)
    return walls, cpus, pdf


def main() -> None:
    branding = load_branding()
    slip, long_one, hundred = realistic_slip(), long_slip(), batch(100)

    start = time.perf_counter()
    render_slip(slip, branding)
    first_s = time.perf_counter() - start
    one, one_cpu, pdf = _measure(lambda: render_slip(slip, branding), RUNS_ONE)
    long_runs, long_cpu, _ = _measure(lambda: render_slip(long_one, branding), RUNS_ONE)
    batch_runs, batch_cpu, batch_pdf = _measure(lambda: render_slips(hundred, branding), RUNS_BATCH)

    results: dict[str, Any] = {
        "first_render_s": first_s,
        "one_slip_median_s": statistics.median(one),
        "one_slip_p95_s": percentile(one, 95),
        "one_slip_cpu_median_s": statistics.median(one_cpu),
        "long_slip_median_s": statistics.median(long_runs),
        "long_slip_cpu_median_s": statistics.median(long_cpu),
        "hundred_slips_median_s": statistics.median(batch_runs),
        "hundred_slips_cpu_median_s": statistics.median(batch_cpu),
        "one_slip_bytes": len(pdf),
        "hundred_slips_bytes": len(batch_pdf),
        "budgets_s": {"one": ONE_BUDGET_S, "hundred": BATCH_BUDGET_S},
    }
    ms = 1000
    one_ok = results["one_slip_median_s"] < ONE_BUDGET_S
    long_ok = results["long_slip_median_s"] < ONE_BUDGET_S
    batch_ok = results["hundred_slips_median_s"] < BATCH_BUDGET_S
    table = f"""
| what | wall median | wall p95 | CPU median | budget | |
|---|---|---|---|---|---|
| one slip (realistic), {RUNS_ONE} runs | {results["one_slip_median_s"] * ms:.0f} ms | {results["one_slip_p95_s"] * ms:.0f} ms | {results["one_slip_cpu_median_s"] * ms:.0f} ms | < 100 ms | {verdict(one_ok)} |
| one slip, 60-character fields and long conditions, {RUNS_ONE} runs | {results["long_slip_median_s"] * ms:.0f} ms | {percentile(long_runs, 95) * ms:.0f} ms | {results["long_slip_cpu_median_s"] * ms:.0f} ms | < 100 ms | {verdict(long_ok)} |
| 100 slips in one PDF (batch print), {RUNS_BATCH} runs | {results["hundred_slips_median_s"]:.2f} s | — | {results["hundred_slips_cpu_median_s"]:.2f} s | < 5 s | {verdict(batch_ok)} |
| first slip of a process (font registration included) | {first_s * ms:.0f} ms | — | — | — | |

PDF size: {len(pdf) / 1024:.0f} KiB for one slip, {len(batch_pdf) / 1024:.0f} KiB for 100 (fonts embedded once, subset).
"""
    publish("slips", results, table)
    print(table)


if __name__ == "__main__":
    main()
