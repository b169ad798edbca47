"""Screenshots of the desktop app for the documentation, from the real widgets (not a test).

Run under Xvfb so Qt renders with the xcb platform, as on a desktop:

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.screenshots docs/screenshots

It uses a throw-away home: a first run (profile, passphrase, recovery code), then the `demo`
profile made by `mediateur demo`, unlocked for the main window and Paramètres.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

PASSPHRASE = "une phrase de passe pour la demo"
SIZE = (1280, 800)


def wait_until(app: object, condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not reach the expected state")
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def settle(app: object, seconds: float = 0.3) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        app.processEvents()  # type: ignore[attr-defined]
        time.sleep(0.02)


def main(target: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="mediateur-captures-"))
    os.environ["MEDIATEUR_HOME"] = str(home)
    target.mkdir(parents=True, exist_ok=True)

    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from mediateur.ui.app import setup_application
    from mediateur.ui.context import AppContext
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.tasks import TaskRunner, install_runner

    app = QApplication(sys.argv)
    setup_application(app)
    runner = TaskRunner()
    install_runner(runner)

    def window() -> MainWindow:
        shown = MainWindow(AppContext(home=home, runner=runner))
        shown.resize(*SIZE)
        shown.show()
        settle(app)
        return shown

    first = window()
    screen = first.first_run_screen
    assert screen is not None
    QTest.keyClicks(screen.form.passphrase_edit, PASSPHRASE)
    QTest.keyClicks(screen.form.confirmation_edit, PASSPHRASE)
    settle(app)
    first.grab().save(str(target / "premier-lancement.png"))
    screen.form.create_button.click()
    wait_until(app, lambda: screen.recovery_dialog is not None)
    dialog = screen.recovery_dialog
    assert dialog is not None
    settle(app)
    dialog.grab().save(str(target / "code-de-recuperation.png"))
    dialog.form.noted_button.click()
    wait_until(app, lambda: first.context.is_unlocked)
    first.context.lock()
    first.close()

    subprocess.run(
        [sys.executable, "-m", "mediateur", "demo"],
        check=True,
        env={**os.environ, "MEDIATEUR_PASSPHRASE": PASSPHRASE},
        stdout=subprocess.DEVNULL,
    )
    main_window = window()
    unlock = main_window.unlock_screen
    unlock.form.profile_combo.setCurrentText("demo")
    settle(app)
    main_window.grab().save(str(target / "deverrouillage.png"))
    unlock.form.passphrase_edit.setText(PASSPHRASE)
    unlock.form.unlock_button.click()
    wait_until(app, lambda: main_window.context.is_unlocked)
    wait_until(app, lambda: main_window.context.last_integrity is not None)
    settle(app, 1.0)
    main_window.grab().save(str(target / "fenetre-principale.png"))
    assert main_window.workspace is not None
    main_window.workspace.show_page(PageKey.SETTINGS)
    settle(app, 1.0)
    main_window.grab().save(str(target / "parametres.png"))
    main_window.context.lock()
    runner.shutdown()
    print(f"Captures enregistrées dans {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
