"""Start-up probes: the app's window built as a user starts it, looked at once its first screen
shows, then closed.

- `run_probe(profile)` is `mediateur --startup-probe [--profile DIR]`: exactly `run_gui`, plus a
  check queued before the event loop starts. When the check runs the first screen is on screen:
  it prints the wall-clock time and the screen's name and quits (exit 0 for the unlock or
  first-run screen). `bench/package.py` times process start to the unlock screen with it, from
  the bundle and from the sources.
- `first_screen(home=…, profile=…)` builds the same window inside the calling process, without
  the log file `run_gui` opens, for `mediateur self-test`: which screen shows, whether Qt's own
  strings are French and whether the SVG icon loads (the Qt plugins and translations a bundle
  must carry).
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mediateur.ui.app import run_gui, setup_application
from mediateur.ui.context import AppContext
from mediateur.ui.main_window import MainWindow
from mediateur.ui.tasks import TaskRunner, install_runner

UNLOCK = "unlock"
FIRST_RUN = "first_run"
ICON_SIZE = 32


@dataclass(frozen=True, slots=True)
class FirstScreen:
    name: str  # UNLOCK, FIRST_RUN, or the class name of whatever else shows
    french: bool  # Qt's standard buttons say « Annuler »: qtbase_fr is loaded
    icon: bool  # the SVG window icon renders: Qt's SVG plugins are there


def screen_name(window: MainWindow) -> str:
    current = window.screens.currentWidget()
    if current is window.unlock_screen:
        return UNLOCK
    if current is not None and current is window.first_run_screen:
        return FIRST_RUN
    return type(current).__name__


def _standard_cancel_text() -> str:
    """What Qt itself writes on a Cancel button (its own translation, not ours)."""
    cancel = QDialogButtonBox.StandardButton.Cancel
    box = QDialogButtonBox(cancel)
    try:
        return box.button(cancel).text().replace("&", "")
    finally:
        box.deleteLater()


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    return app


def run_probe(profile: str | None = None) -> int:
    app = _application()

    def report() -> None:
        app.processEvents()
        windows = [w for w in app.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        name = screen_name(windows[0]) if windows else "none"
        # The probe's one output, read by bench/package.py.
        sys.stdout.write(f"{time.time():.6f} {name}\n")
        sys.stdout.flush()
        app.exit(0 if name in (UNLOCK, FIRST_RUN) else 1)

    QTimer.singleShot(0, report)
    return run_gui(profile)


def first_screen(*, home: Path, profile: Path) -> FirstScreen:
    app = _application()
    setup_application(app)
    runner = TaskRunner(app)
    install_runner(runner)
    window = MainWindow(AppContext(home=home, runner=runner), profile=profile)
    try:
        window.show()
        app.processEvents()
        return FirstScreen(
            name=screen_name(window),
            french=_standard_cancel_text() == "Annuler",
            icon=not app.windowIcon().pixmap(ICON_SIZE, ICON_SIZE).isNull(),
        )
    finally:
        window.close()
        window.deleteLater()
        runner.shutdown()
        install_runner(None)
        app.processEvents()
