"""Screenshots of the desktop app for the documentation, from the real widgets (not a test).

Run under Xvfb so Qt renders with the xcb platform, as on a desktop:

    xvfb-run -s "-screen 0 1280x800x24" .venv/bin/python -m tests.ui.screenshots docs/screenshots

It uses a throw-away home: a first run (profile, passphrase, recovery code), then the `demo`
profile made by `mediateur demo`, unlocked for the main window, Paramètres, and the data screens
driven as a user would: Terrain (an event chosen, contacts typed, a person identified), Cohorte
(the list, the intake form with errors and with the duplicate warning, a beneficiary file, a new
follow-up, À faire) and Événements.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
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
    capture_data_screens(app, main_window, target)
    main_window.context.lock()
    runner.shutdown()
    print(f"Captures enregistrées dans {target}")
    return 0


def capture_data_screens(app: object, window: object, target: Path) -> None:
    """Terrain, Cohorte and Événements on the demo profile (the window is unlocked)."""
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    from mediateur.services.contacts import ContactFilter, list_contacts
    from mediateur.services.timeline import beneficiary_timeline
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.pages.cohort import CohortPage
    from mediateur.ui.pages.events import EventsPage
    from mediateur.ui.pages.terrain import TerrainPage

    assert isinstance(window, MainWindow)
    workspace = window.workspace
    assert workspace is not None
    vault = window.context.vault

    # A manager's review comment, as the sync brings it, on one of today's contacts.
    with vault.session() as session:
        today = list_contacts(session, ContactFilter(date_from=_today(), date_to=_today()))
    if today:
        with vault.unit_of_work() as uow:
            uow.set_locally(
                "contact",
                today[-1].id,
                {"review_status": "a_corriger", "review_comment": "Préciser la tranche d'âge"},
            )

    window.activateWindow()
    wait_until(app, lambda: app.activeWindow() is window)  # type: ignore[attr-defined]
    terrain = workspace.show_page(PageKey.TERRAIN, focus=True)
    assert isinstance(terrain, TerrainPage)
    terrain.load()
    wait_until(app, lambda: terrain.form.event_combo.count() > 1)
    combo = terrain.form.event_combo
    combo.setCurrentIndex(1)
    combo.activated.emit(1)
    terrain.focus_first_field()

    def keys(*strokes: object) -> None:
        for stroke in strokes:
            focused = app.focusWidget()  # type: ignore[attr-defined]
            assert focused is not None, "typing needs a focused field"
            if isinstance(stroke, tuple):
                QTest.keyClick(focused, *stroke)
            else:
                QTest.keyClick(focused, stroke)  # type: ignore[call-overload]
            settle(app, 0.05)

    tab = Qt.Key.Key_Tab
    save = (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    keys("1", tab, "2", tab, "1", tab, "3", "2", save)
    keys("2", tab, "3", tab, "4", tab, "5", save)
    wait_until(app, lambda: not terrain.busy)
    keys("1", tab, "4", tab, "2", tab, "1")
    terrain.form.note_edit.setText("Cherche une formation d'aide-soignante")
    settle(app, 0.5)
    window.grab().save(str(target / "terrain.png"))

    terrain.identify()
    dialog = terrain.identify_dialog
    assert dialog is not None
    dialog.form.last_name_edit.setText("Traoré")
    dialog.form.first_name_edit.setText("Aminata")
    dialog.form.phone_edit.setText("06 39 98 12 34")
    dialog.form.birth_date_edit.setText("03/07/1996")
    settle(app, 0.3)
    dialog.grab().save(str(target / "identifier-la-personne.png"))
    dialog.reject()
    terrain.cancel_edit()

    cohort = workspace.show_page(PageKey.COHORT, focus=True)
    assert isinstance(cohort, CohortPage)
    wait_until(app, lambda: cohort.list_view.model.rowCount() > 0)
    settle(app, 0.5)
    window.grab().save(str(target / "cohorte.png"))

    cohort.tabs.setCurrentWidget(cohort.todo_view)
    wait_until(app, lambda: cohort.todo_view.model.rowCount() > 0)
    settle(app, 0.5)
    window.grab().save(str(target / "a-faire.png"))
    cohort.tabs.setCurrentWidget(cohort.list_view)

    first = next(p for p in cohort.list_view.model.rows() if p.birth_date is not None)
    intake = cohort.intake_view
    cohort.new_intake()
    intake.form.last_name_edit.setText("Martin")
    intake.form.phone_edit.setText("06 12")
    intake.form.email_edit.setText("julie.martin@")
    intake.form.birth_date_edit.setText("14/05/2015")
    intake.form.save_button.click()
    wait_until(app, lambda: bool(intake.messages.shown()))
    settle(app, 0.5)
    window.grab().save(str(target / "inscription-erreurs.png"))

    cohort.show_home()
    cohort.new_intake()
    intake.form.last_name_edit.setText(first.last_name or "")
    intake.form.first_name_edit.setText(first.first_name or "")
    intake.form.birth_date_edit.set_day(first.birth_date)
    intake.form.save_button.click()
    wait_until(app, lambda: bool(intake.duplicates_shown()))
    settle(app, 0.5)
    window.grab().save(str(target / "inscription-doublon.png"))

    # The active person whose file tells the most (contacts, follow-ups, referrals).
    with vault.session() as session:
        richest = max(
            (p for p in cohort.list_view.model.rows() if p.status == "actif"),
            key=lambda p: len(beneficiary_timeline(session, p.id)),
        )
    cohort.open_file(richest.id)
    file = cohort.file_view
    wait_until(app, lambda: file.file is not None)
    settle(app, 0.5)
    window.grab().save(str(target / "fiche-beneficiaire.png"))

    file.new_follow_up()
    follow_up = file.follow_up_dialog
    assert follow_up is not None
    combo = follow_up.form.kind_combo
    combo.setCurrentIndex(combo.findData("entretien"))
    follow_up.form.summary_edit.setPlainText(
        "CV mis à jour ensemble ; deux offres repérées en logistique."
    )
    follow_up.form.next_step_edit.setText("Point sur les candidatures")
    follow_up.form.next_date_edit.set_day(_today())
    settle(app, 0.3)
    follow_up.grab().save(str(target / "nouveau-suivi.png"))
    follow_up.reject()
    cohort.show_home()

    events = workspace.show_page(PageKey.EVENTS, focus=True)
    assert isinstance(events, EventsPage)
    wait_until(app, lambda: events.model.rowCount() > 0)
    events.view.selectRow(0)
    settle(app, 0.5)
    window.grab().save(str(target / "evenements.png"))


def _today() -> date:
    from mediateur.services.clock import today

    return today()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
