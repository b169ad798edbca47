"""The desktop app's responsiveness (DESIGN.md §10), offscreen, on the `demo` profile:

- process start to the unlock screen, against a bare PySide6 window started the same way in the
  same run (budget ≤ 3×); each is a fresh process, the two alternate, the median of several runs
  is compared;
- unlock without the key derivation (the vault opened with its raw key, as after Argon2id) to a
  usable main window: the Terrain page showing its events and today's contacts, and the status
  bar its counts (< 300 ms), each in a fresh process that first did what the app does while the
  passphrase is typed (importing the database stack);
- Ctrl+Entrée to the new contact in Terrain's list, over 200 contacts typed with the keyboard
  (p95 < 50 ms), with the real threaded task runner;
- the keystrokes an anonymous contact takes (≤ 10).
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import ROOT, percentile, publish, verdict

PASSPHRASE = "une phrase de passe pour le banc"
START_RUNS = 7
UNLOCK_RUNS = 5
CONTACTS = 200
START_RATIO_BUDGET = 3.0
UNLOCK_BUDGET_S = 0.300
SAVE_P95_BUDGET_S = 0.050
KEYSTROKES_BUDGET = 10

# Each child prints the seconds since its own start at which its first screen was on screen.
BARE_WINDOW = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow
app = QApplication(sys.argv)
window = QMainWindow()
window.setCentralWidget(QLabel("mediateur"))
window.resize(1280, 800)
window.show()
def shown():
    app.processEvents()
    print(time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
app.exec()
"""

APP_START = """
import sys, time
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
def shown():
    app.processEvents()
    from mediateur.ui.main_window import MainWindow
    [window] = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow)]
    assert window.screens.currentWidget() is window.unlock_screen, "not the unlock screen"
    print(time.time(), flush=True)
    app.quit()
QTimer.singleShot(0, shown)
from mediateur.ui.app import run_gui
run_gui()
"""

UNLOCK = """
import os, sys, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from PySide6.QtWidgets import QApplication
app = QApplication(sys.argv)
from mediateur.ui.app import setup_application, warm_up
from mediateur.ui.context import AppContext
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.tasks import TaskRunner, install_runner
setup_application(app)
runner = TaskRunner()
install_runner(runner)
home = Path(os.environ["MEDIATEUR_HOME"])
window = MainWindow(AppContext(home=home, runner=runner))
window.resize(1280, 800)
window.show()
app.processEvents()
warm_up()
from mediateur.store.vault import Vault
profile = home / "profiles" / "demo"
key = Vault.unlock(profile, os.environ["MEDIATEUR_PASSPHRASE"])._dek()
ticker = QTimer()
ticker.start(5)
start = time.perf_counter()
window.unlock_screen.unlocked.emit(Vault.open_with_key(profile, key))
terrain = window.workspace.page(PageKey.TERRAIN)
status = window.status_indicators
while not (terrain.form.event_combo.count() > 1 and terrain.model.rowCount() > 0
           and status.pending_label.text()):
    app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
app.processEvents()
print(time.perf_counter() - start, flush=True)
window.context.lock()
runner.shutdown()
"""


def _child_env(home: Path) -> dict[str, str]:
    return {
        **os.environ,
        "MEDIATEUR_HOME": str(home),
        "MEDIATEUR_PASSPHRASE": PASSPHRASE,
        "QT_QPA_PLATFORM": "offscreen",
        "PYTHONPATH": str(ROOT),
    }


def _first_screen_s(code: str, env: dict[str, str]) -> float:
    """Seconds from spawning a process to its first screen being on screen."""
    start = time.time()
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1]) - start


def _unlock_s(env: dict[str, str]) -> float:
    done = subprocess.run(
        [sys.executable, "-c", UNLOCK], env=env, capture_output=True, text=True, check=True
    )
    return float(done.stdout.strip().splitlines()[-1])


def _make_demo(home: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "mediateur", "demo"],
        env=_child_env(home),
        check=True,
        capture_output=True,
    )
    return home / "profiles" / "demo"


def _field_saves(home: Path) -> tuple[list[float], list[int]]:
    """Ctrl+Entrée to the new row, and the keystrokes, for CONTACTS anonymous contacts."""
    os.environ["MEDIATEUR_HOME"] = str(home)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEventLoop, Qt, QTimer
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mediateur.store.vault import Vault
    from mediateur.ui.app import setup_application
    from mediateur.ui.context import AppContext
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.pages.terrain import TerrainPage
    from mediateur.ui.tasks import TaskRunner, install_runner

    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    setup_application(app)
    runner = TaskRunner()
    previous = install_runner(runner)
    ticker = QTimer()
    ticker.start(5)

    def wait(condition: Any) -> None:
        deadline = time.monotonic() + 10
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError("the page did not answer")
            app.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)

    window = MainWindow(AppContext(home=home, runner=runner))
    window.resize(1280, 800)
    window.show()
    window.activateWindow()
    wait(lambda: app.activeWindow() is window)
    profile = home / "profiles" / "demo"
    key = Vault.unlock(profile, PASSPHRASE)._dek()
    window.unlock_screen.unlocked.emit(Vault.open_with_key(profile, key))
    assert window.workspace is not None
    terrain = window.workspace.page(PageKey.TERRAIN)
    assert isinstance(terrain, TerrainPage)
    wait(lambda: terrain.form.channel_group.value() is not None)
    keys_per_contact: list[int] = []
    latencies: list[float] = []
    tab, enter, ctrl = Qt.Key.Key_Tab, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    for n in range(CONTACTS):
        terrain.focus_first_field()
        strokes: list[tuple[Any, ...]] = [
            (str(1 + n % 4),),
            (tab,),
            (str(1 + n % 6),),
            (tab,),
            ("1245"[n % 4],),  # any outcome but the cohort intake
        ]
        for stroke in strokes:
            QTest.keyClick(app.focusWidget(), *stroke)
        rows = terrain.model.rowCount()
        start = time.perf_counter()
        QTest.keyClick(app.focusWidget(), enter, ctrl)
        wait(lambda rows=rows: terrain.model.rowCount() == rows + 1 and not terrain.busy)
        app.processEvents()  # the new line painted
        latencies.append(time.perf_counter() - start)
        keys_per_contact.append(len(strokes) + 1)
        assert terrain.model.row_at(0).contact.anonymous, "an anonymous contact"
    window.context.lock()
    runner.shutdown()
    install_runner(previous)
    window.close()
    return latencies, keys_per_contact


def main() -> None:
    load_before = os.getloadavg()[0]
    with tempfile.TemporaryDirectory(prefix="mediateur-bench-ui-") as scratch:
        home = Path(scratch)
        _make_demo(home)
        env = _child_env(home)
        bare, app_start = [], []
        for _ in range(START_RUNS):
            bare.append(_first_screen_s(BARE_WINDOW, env))
            app_start.append(_first_screen_s(APP_START, env))
        unlocks = [_unlock_s(env) for _ in range(UNLOCK_RUNS)]
        latencies, keystrokes = _field_saves(home)
    load_after = os.getloadavg()[0]

    bare_s, app_s = statistics.median(bare), statistics.median(app_start)
    ratio = app_s / bare_s
    unlock_s = statistics.median(unlocks)
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    worst = max(latencies)
    fewest_keys, most_keys = min(keystrokes), max(keystrokes)
    results: dict[str, Any] = {
        "start_bare_window_median_s": round(bare_s, 3),
        "start_unlock_screen_median_s": round(app_s, 3),
        "start_ratio": round(ratio, 2),
        "start_runs": START_RUNS,
        "unlock_to_usable_median_s": round(unlock_s, 3),
        "unlock_to_usable_runs_s": [round(u, 3) for u in unlocks],
        "save_to_list_p50_s": round(p50, 4),
        "save_to_list_p95_s": round(p95, 4),
        "save_to_list_max_s": round(worst, 4),
        "contacts": CONTACTS,
        "keystrokes_anonymous_contact": most_keys,
        "load_average_1min": [round(load_before, 2), round(load_after, 2)],
        "budgets": {
            "start_ratio": START_RATIO_BUDGET,
            "unlock_to_usable_s": UNLOCK_BUDGET_S,
            "save_to_list_p95_s": SAVE_P95_BUDGET_S,
            "keystrokes": KEYSTROKES_BUDGET,
        },
    }
    table = f"""
The machine is shared: its load average (1 min) was {load_before:.1f} before the run and
{load_after:.1f} after, on 2 cores.

| measure | result | budget | |
|---|---|---|---|
| process start to the unlock screen, median of {START_RUNS} (offscreen) | {app_s * 1000:.0f} ms | | |
| process start to a bare PySide6 window, same run | {bare_s * 1000:.0f} ms | | |
| ratio | {ratio:.2f} × | ≤ {START_RATIO_BUDGET:.0f} × | {verdict(ratio <= START_RATIO_BUDGET)} |
| unlock (raw key, no KDF) to a usable main window on `demo`, median of {UNLOCK_RUNS} | {unlock_s * 1000:.0f} ms | < {UNLOCK_BUDGET_S * 1000:.0f} ms | {verdict(unlock_s < UNLOCK_BUDGET_S)} |
| Ctrl+Entrée to the new contact in Terrain's list, p50 / p95 / max over {CONTACTS} | {p50 * 1000:.1f} / {p95 * 1000:.1f} / {worst * 1000:.1f} ms | p95 < {SAVE_P95_BUDGET_S * 1000:.0f} ms | {verdict(p95 < SAVE_P95_BUDGET_S)} |
| keystrokes for an anonymous contact (genre, âge, suite donnée, Ctrl+Entrée) | {fewest_keys}–{most_keys} | ≤ {KEYSTROKES_BUDGET} | {verdict(most_keys <= KEYSTROKES_BUDGET)} |
"""
    publish("ui", results, table)
    print(table)


if __name__ == "__main__":
    main()
