"""The laptop bundle (DESIGN.md §12), offscreen, on a home with one profile:

- its size on disk, in all and by part (Qt, Python, SQLCipher, cryptography, the rest);
- process start to the unlock screen (`mediateur --startup-probe`, which is the normal start
  plus a check that quits once the first screen shows), from the bundle and from the sources
  (`python -m mediateur`), with a bare PySide6 window started the same way as the reference of
  DESIGN.md §10 (≤ 3×); the three alternate, each a fresh process, the median is compared;
- what the GUI no longer waits for: building the parser of every subcommand, which imports the
  database stack (the entry point now starts the GUI before that).

The bundle is built first when missing or stale; the build time is then reported too.
"""

from __future__ import annotations

import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from types import ModuleType
from typing import Any

from bench.common import ROOT, publish, verdict
from bench.ui import BARE_WINDOW

START_RUNS = 7
PARSER_RUNS = 3
START_RATIO_BUDGET = 3.0
PASSPHRASE = "une phrase de passe pour le banc"
MIB = 2**20


def _build_script() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "installer_build", ROOT / "installer" / "build.py"
    )
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _size(paths: list[Path]) -> int:
    total = 0
    for path in paths:
        files = [path] if path.is_file() else [p for p in path.rglob("*") if p.is_file()]
        total += sum(p.stat().st_size for p in files if not p.is_symlink())
    return total


def _parts(bundle: Path) -> dict[str, int]:
    internal = bundle / "_internal"
    qt = internal / "PySide6"
    parts = {
        "Qt (PySide6, ICU included)": _size([qt]),
        "of which ICU data": _size(list(qt.rglob("libicudata*"))),
        "Python (libpython, stdlib)": _size(
            [*internal.glob("libpython*"), internal / "python3.11", internal / "base_library.zip"]
        ),
        "SQLCipher (sqlcipher3)": _size([internal / "sqlcipher3"]),
        "cryptography": _size([internal / "cryptography"]),
        "Pillow": _size([internal / "PIL", internal / "pillow.libs"]),
    }
    everything = _size([bundle])
    parts["the rest (system libraries, SQLAlchemy, pydantic, resources…)"] = everything - sum(
        size for name, size in parts.items() if not name.startswith("of which")
    )
    return parts


def _shown_after_s(command: list[str], env: dict[str, str]) -> float:
    """Seconds from spawning `command` to its first screen being on screen."""
    start = time.time()
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
    shown_at, *screen = done.stdout.split()
    assert screen in ([], ["unlock"]), f"first screen: {screen}"
    return float(shown_at) - start


def _parser_s(env: dict[str, str]) -> float:
    code = (
        "import time\nimport mediateur.cli as cli\nstart = time.perf_counter()\n"
        "cli.build_parser()\nprint(time.perf_counter() - start)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout)


def main() -> None:
    build = _build_script()
    load_before = os.getloadavg()[0]
    with build.exclusive_build(), tempfile.TemporaryDirectory(prefix="mediateur-bench-") as tmp:
        started = time.monotonic()
        built = build.build_bundle(force=False)
        build_s = time.monotonic() - started if built else None
        bundle = build.BUNDLE
        size, files = build.directory_size(bundle)
        parts = _parts(bundle)

        from mediateur.store.vault import Vault

        home = Path(tmp) / "home"
        Vault.create(home / "profiles" / "principal", PASSPHRASE)[0].lock()
        env = {**os.environ, "MEDIATEUR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
        bare_window = [sys.executable, "-c", BARE_WINDOW]
        from_sources = [sys.executable, "-m", "mediateur", "--startup-probe"]
        from_bundle = [str(build.executable(bundle)), "--startup-probe"]
        runs: dict[str, list[float]] = {"bare": [], "sources": [], "bundle": []}
        for _ in range(START_RUNS):
            runs["bare"].append(_shown_after_s(bare_window, env))
            runs["sources"].append(_shown_after_s(from_sources, env))
            runs["bundle"].append(_shown_after_s(from_bundle, env))
        parser_s = statistics.median(_parser_s(env) for _ in range(PARSER_RUNS))
    load_after = os.getloadavg()[0]

    bare_s, source_s, bundle_s = (statistics.median(runs[k]) for k in ("bare", "sources", "bundle"))
    ratio = bundle_s / bare_s
    results: dict[str, Any] = {
        "bundle_bytes": size,
        "bundle_files": files,
        "bundle_parts_bytes": parts,
        "build_s": round(build_s, 1) if build_s is not None else None,
        "start_to_unlock_bundle_median_s": round(bundle_s, 3),
        "start_to_unlock_sources_median_s": round(source_s, 3),
        "start_bare_window_median_s": round(bare_s, 3),
        "start_ratio_bundle_to_bare": round(ratio, 2),
        "start_runs_s": {k: [round(v, 3) for v in values] for k, values in runs.items()},
        "subcommand_parser_median_s": round(parser_s, 3),
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "budgets": {"start_ratio": START_RATIO_BUDGET},
    }
    part_rows = "\n".join(f"| {name} | {value / MIB:.1f} MiB |" for name, value in parts.items())
    build_row = (
        f"| PyInstaller build (`make package`), this run | {build_s:.0f} s | | |\n"
        if build_s is not None
        else ""
    )
    table = f"""
Linux one-folder bundle (`installer/dist/mediateur/`, stripped); no Windows machine measures the
Windows one here. The machine is shared: its load average (1 min) was {load_before:.1f} before the
run and {load_after:.1f} after, on 2 cores.

| measure | result | budget | |
|---|---|---|---|
| bundle on disk | {size / MIB:.0f} MiB, {files} files | | |
{build_row}| process start to the unlock screen from the bundle, median of {START_RUNS} (offscreen) | {bundle_s * 1000:.0f} ms | | |
| same from the sources (`python -m mediateur`) | {source_s * 1000:.0f} ms | | |
| a bare PySide6 window from the sources, same run | {bare_s * 1000:.0f} ms | | |
| ratio bundle / bare window | {ratio:.2f} × | ≤ {START_RATIO_BUDGET:.0f} × | {verdict(ratio <= START_RATIO_BUDGET)} |
| building the parser of every subcommand (the GUI starts before it), median of {PARSER_RUNS} | {parser_s * 1000:.0f} ms | | |

| part of the bundle | size |
|---|---|
{part_rows}
"""
    publish("package", results, table)
    print(table)


if __name__ == "__main__":
    main()
