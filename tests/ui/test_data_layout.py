"""The data screens fit at 1280×800 and 1024×700 once they show data and messages: Terrain with
contacts, the Cohorte list, the intake form with its errors and the duplicate warning, a file,
À faire, Événements and the dialogs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from mediateur.services import clock
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.cohort import CohortPage
from mediateur.ui.pages.events import EventsPage
from mediateur.ui.pages.terrain import TerrainPage
from mediateur.ui.tasks import TaskRunner
from tests.ui.drive import Keyboard
from tests.ui.test_layout import SIZES, cut_off

LONG_QPV = "benauge_sellier_lagrange_beausite"
TAB = Qt.Key.Key_Tab
SAVE = (Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def fits(qtbot, widget: object) -> None:
    qtbot.wait(10)
    assert cut_off(widget) == []  # type: ignore[arg-type]


@pytest.mark.parametrize("size", SIZES)
def test_data_screens_fit(qtbot, runner: TaskRunner, open_window, size: tuple[int, int]) -> None:
    window: MainWindow = open_window(size=size)
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        person = create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name="Nguyen-Delacroix-Fontaine",
                first_name="Marie-Bernadette",
                intake_date=clock.today() - timedelta(days=40),
                birth_date=date(1999, 2, 3),
                qpv=LONG_QPV,
                commune="Bordeaux",
                statuses=("rsa", "neet", "detld"),
                barriers={"administratif_juridique": "fort", "contraintes_familiales": "moyen"},
                project="Se former aux métiers de l'aide à la personne, puis passer le permis.",
                referent_name="Julie Marchand",
            ),
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person,
                occurred_at=clock.now() - timedelta(days=10),
                kind="entretien",
                summary="Point sur les démarches ; dossier de formation à compléter.",
                next_step="Relancer l'organisme de formation",
                next_date=clock.today(),
            ),
        )
    assert window.workspace is not None
    terrain = window.workspace.page(PageKey.TERRAIN)
    assert isinstance(terrain, TerrainPage)
    keys = Keyboard(qtbot)
    for _ in range(3):
        terrain.focus_first_field()
        keys.type("1")
        keys.press(TAB)
        keys.type("2")
        keys.press(TAB)
        keys.type("1")
        keys.press(TAB)
        keys.type("0")
        keys.press(*SAVE)
    fits(qtbot, window)

    cohort = window.workspace.show_page(PageKey.COHORT)
    assert isinstance(cohort, CohortPage)
    fits(qtbot, window)
    cohort.tabs.setCurrentWidget(cohort.todo_view)
    fits(qtbot, window)
    cohort.new_intake()
    cohort.intake_view.form.phone_edit.setText("12")
    cohort.intake_view.form.birth_date_edit.setText("31/02/2001")
    cohort.intake_view.form.save_button.click()
    assert cohort.intake_view.messages.shown()
    fits(qtbot, window)
    cohort.show_home()
    cohort.new_intake()
    cohort.intake_view.form.last_name_edit.setText("Nguyen-Delacroix-Fontaine")
    cohort.intake_view.form.first_name_edit.setText("Marie-Bernadette")
    cohort.intake_view.form.birth_date_edit.setText("03/02/1999")
    cohort.intake_view.form.save_button.click()
    assert cohort.intake_view.duplicates_shown() == [person]
    fits(qtbot, window)
    cohort.open_file(person)
    fits(qtbot, window)
    cohort.file_view.new_follow_up()
    assert cohort.file_view.follow_up_dialog is not None
    cohort.file_view.follow_up_dialog.form.next_date_edit.setText("99/99/2026")
    cohort.file_view.follow_up_dialog.form.save_button.click()
    assert cohort.file_view.follow_up_dialog.messages.shown()
    fits(qtbot, cohort.file_view.follow_up_dialog)
    cohort.file_view.follow_up_dialog.reject()
    cohort.file_view.exit_cohort()
    assert cohort.file_view.exit_dialog is not None
    cohort.file_view.exit_dialog.form.save_button.click()
    assert cohort.file_view.exit_dialog.messages.shown()
    fits(qtbot, cohort.file_view.exit_dialog)
    cohort.file_view.exit_dialog.reject()

    events = window.workspace.show_page(PageKey.EVENTS)
    assert isinstance(events, EventsPage)
    events.form.save_button.click()
    assert events.messages.shown()
    fits(qtbot, window)
