"""Cohorte on real vaults: the intake form's inline validation, the duplicate warning, the
beneficiary file and its actions (follow-up, exit, referral request, access export, erasure),
the searchable list and the À faire list."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mediateur.services import clock
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    list_beneficiaries,
)
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import current_context
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.services.referrals import ReferralInput, change_referral_status, create_referral
from mediateur.store.vault import Vault
from mediateur.ui.dialogs.exit_cohort import ExitCohortDialog
from mediateur.ui.dialogs.folders import FolderChooser
from mediateur.ui.dialogs.follow_up import FollowUpDialog
from mediateur.ui.main_window import MainWindow
from mediateur.ui.models.cohort import Col
from mediateur.ui.models.todo import Col as TodoCol
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.cohort import CohortPage
from mediateur.ui.tasks import TaskRunner
from tests.ui.drive import Keyboard, type_into

CTRL = Qt.KeyboardModifier.ControlModifier


def cohort(window: MainWindow) -> CohortPage:
    assert window.workspace is not None
    page = window.workspace.show_page(PageKey.COHORT, focus=True)
    assert isinstance(page, CohortPage)
    return page


def enrol(vault: Vault, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "last_name": "Benali",
        "first_name": "Inès",
        "intake_date": clock.today() - timedelta(days=30),
        "birth_date": date(2001, 5, 14),
        "gender": "f",
        "qpv": "genicart_est",
        "commune": "Lormont",
    }
    values.update(overrides)
    with vault.unit_of_work() as uow:
        return create_beneficiary(uow=uow, data=BeneficiaryInput(**values))


def people(vault: Vault) -> list[str]:
    with vault.session() as session:
        return [p.display_name for p in list_beneficiaries(session)]


@pytest.fixture
def window(qtbot, runner: TaskRunner, open_window: Callable[..., MainWindow]) -> MainWindow:
    return open_window()


def test_intake_with_three_invalid_fields_saves_nothing_then_saves(
    qtbot, window: MainWindow
) -> None:
    page = cohort(window)
    vault = window.context.vault
    keys = Keyboard(qtbot)
    keys.press(Qt.Key.Key_N, CTRL)
    intake = page.intake_view
    form = intake.form
    assert page.stack.currentWidget() is intake
    assert QApplication.focusWidget() is form.last_name_edit
    type_into(qtbot, form.last_name_edit, "Martin")
    type_into(qtbot, form.phone_edit, "12 34")
    type_into(qtbot, form.email_edit, "julie.martin@")
    assert form.first_name_edit.text() == ""
    keys.press(Qt.Key.Key_S, CTRL)

    shown = intake.messages.shown()
    assert shown == {
        "first_name": "Champ obligatoire.",
        "phone": (
            "Numéro de téléphone français attendu (fixe ou mobile), par exemple "
            "06 12 34 56 78 ou +33 6 12 34 56 78."
        ),
        "email": "Adresse de courriel invalide (exemple : prenom.nom@exemple.fr).",
    }
    for field in shown:
        label = getattr(form, f"{field}_message_label")
        assert label.isVisible(), f"the message of {field} is beside it"
    assert form.message_label.text() == "3 champs à corriger : rien n'a été enregistré."
    assert QApplication.focusWidget() is form.first_name_edit, "the first invalid field"
    assert people(vault) == []

    # The messages follow the typing once a save was refused.
    form.first_name_edit.insert("Julie")
    form.first_name_edit.textEdited.emit("Julie")
    qtbot.waitUntil(lambda: "first_name" not in intake.messages.shown(), timeout=3000)
    assert set(intake.messages.shown()) == {"phone", "email"}

    form.phone_edit.setText("06 12 34 56 78")
    form.email_edit.setText("julie.martin@exemple.fr")
    keys.press(Qt.Key.Key_S, CTRL)
    assert intake.messages.shown() == {}
    assert people(vault) == ["MARTIN Julie"]
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.title_label.text() == "MARTIN Julie"
    assert page.file_view.values["phone"].text() == "06 12 34 56 78"


def test_every_invalid_field_has_its_message_beside_it(qtbot, window: MainWindow) -> None:
    page = cohort(window)
    page.new_intake()
    form = page.intake_view.form
    form.first_name_edit.setText("Julie")
    form.birth_date_edit.setText("14/05/2015")  # under 16 at intake
    form.postcode_edit.setText("3331")
    form.restricted_check.setChecked(True)
    form.sharing_agreed_check.setChecked(True)
    form.notice_given_at_edit.setText("31/02/2026")  # read by the form, not the services
    form.save_button.click()
    shown = page.intake_view.messages.shown()
    assert set(shown) == {
        "last_name",
        "birth_date",
        "postcode",
        "sharing_agreed",
        "notice_given_at",
    }
    assert shown["birth_date"] == "La personne doit avoir 16 ans au moins à la date d'entrée."
    assert shown["notice_given_at"] == "Cette date n'existe pas dans le calendrier."
    for field in shown:
        label = getattr(form, f"{field}_message_label")
        assert label.isVisible(), f"the message of {field} is beside it"
    assert people(window.context.vault) == []


def test_the_duplicate_warning_opens_the_existing_file_or_confirms(
    qtbot, window: MainWindow
) -> None:
    vault = window.context.vault
    existing = enrol(vault)
    page = cohort(window)
    intake = page.intake_view

    def fill() -> None:
        page.new_intake()
        intake.form.last_name_edit.setText("BENALI")
        intake.form.first_name_edit.setText("ines")
        intake.form.birth_date_edit.setText("14/05/2001")
        intake.form.save_button.click()

    fill()
    assert intake.duplicates_shown() == [existing]
    assert intake.form.duplicates_group.isVisible()
    first = intake.form.duplicates_list.item(0)
    assert first.text().startswith("BENALI Inès — naissance 14/05/2001, entrée ")
    assert first.toolTip() == "même nom, prénom et date de naissance"
    assert people(vault) == ["BENALI Inès"], "nothing saved"
    intake.form.open_duplicate_button.click()
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.beneficiary_id == existing

    fill()
    intake.form.save_anyway_button.click()
    assert people(vault) == ["BENALI Inès", "BENALI ines"]
    assert page.file_view.beneficiary_id not in (None, existing)


def test_search_sort_and_open_from_the_list(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    enrol(vault, last_name="Zidane", first_name="Karim", qpv="carriet", commune=None)
    martin = enrol(vault, last_name="Martin", first_name="Léa", phone="06 39 98 01 02")
    enrol(vault, last_name="Abadie", first_name="Paul", birth_date=date(1980, 1, 2))
    page = cohort(window)
    listing = page.list_view
    view = listing.view

    def names() -> list[str]:
        return [listing.proxy.index(r, Col.NAME).data() for r in range(listing.proxy.rowCount())]

    assert names() == ["ABADIE Paul", "MARTIN Léa", "ZIDANE Karim"]
    assert listing.count_label.text() == "3 personnes"
    view.sortByColumn(Col.QPV, Qt.SortOrder.AscendingOrder)
    assert names()[0] == "ZIDANE Karim", "Carriet before Génicart Est"
    listing.search_edit.setText("9801")
    listing.load()
    assert names() == ["MARTIN Léa"], "phone digits match"
    qtbot.keyClick(listing.search_edit, Qt.Key.Key_Return)
    assert QApplication.focusWidget() is view
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.beneficiary_id == martin


def test_a_follow_up_is_added_and_comes_back_in_the_todo_list(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    person = enrol(vault)
    page = cohort(window)
    page.open_file(person)
    file = page.file_view
    assert [e.kind for e in file.timeline.rows()] == ["intake"]
    file.follow_up_button.click()
    dialog = file.follow_up_dialog
    assert isinstance(dialog, FollowUpDialog)
    form = dialog.form
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("appel"))
    form.summary_edit.setPlainText("Point sur les candidatures envoyées.")
    form.next_step_edit.setText("Relancer pour le CV")
    form.next_date_edit.setText("32/13/2026")
    form.save_button.click()
    assert dialog.messages.shown() == {"next_date": "Cette date n'existe pas dans le calendrier."}
    form.next_date_edit.set_day(clock.today())
    form.save_button.click()
    assert file.follow_up_dialog is None, "saved and closed"
    titles = [e.title for e in file.timeline.rows()]
    assert titles == ["Entrée dans la cohorte", "Suivi : Appel"]
    assert file.message_label.text() == "Suivi enregistré."

    file.back_button.click()
    assert page.tabs.tabText(page.tabs.indexOf(page.todo_view)) == "À &faire (1)"
    page.tabs.setCurrentWidget(page.todo_view)
    todo = page.todo_view
    assert todo.proxy.index(0, TodoCol.WHAT).data() == "Suivi prévu : Relancer pour le CV"
    assert todo.proxy.index(0, TodoCol.PERSON).data() == "BENALI Inès"
    todo.view.selectRow(0)
    todo.open_button.click()
    assert page.stack.currentWidget() is file
    assert file.beneficiary_id == person


def test_exit_from_the_cohort(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    person = enrol(vault)
    page = cohort(window)
    page.open_file(person)
    file = page.file_view
    assert file.status_label.text() == "Actif dans la cohorte"
    file.exit_button.click()
    dialog = file.exit_dialog
    assert isinstance(dialog, ExitCohortDialog)
    dialog.form.save_button.click()
    assert dialog.messages.shown() == {"exit_reason": "Champ obligatoire."}
    combo = dialog.form.exit_reason_combo
    combo.setCurrentIndex(combo.findData("emploi_durable"))
    dialog.form.save_button.click()
    assert file.exit_dialog is None
    today = clock.format_day(clock.today())
    assert file.status_label.text() == (
        f"Sorti le {today} : Emploi durable (CDI ou CDD de 6 mois et plus)"
    )
    assert not file.exit_button.isEnabled()
    assert not file.follow_up_button.isEnabled()
    assert file.timeline.rows()[-1].kind == "exit"
    file.back_button.click()
    listing = page.list_view
    assert listing.proxy.index(0, Col.STATUS).data() == f"Sorti le {today}"


def test_the_todo_list_holds_follow_ups_due_and_referrals_to_chase(
    qtbot, window: MainWindow
) -> None:
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        partner = uow.create("partner", {"nom": "Mission Locale des Hauts de Garonne"})
    person = enrol(vault)
    later = enrol(vault, last_name="Martin", first_name="Léa")
    weeks_ago = clock.now() - timedelta(days=15)
    with vault.unit_of_work() as uow:
        device = current_context(uow.session, uow.install_id)
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=person,
                occurred_at=weeks_ago,
                kind="entretien",
                next_step="Préparer l'entretien",
                next_date=clock.today() - timedelta(days=2),
            ),
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=later,
                occurred_at=weeks_ago,
                kind="appel",
                next_date=clock.today() + timedelta(days=3),
            ),
        )
        anonymous = record_contact(
            uow=uow,
            data=ContactInput(occurred_at=weeks_ago, channel="evenement", outcome="orientation"),
        )
        sent = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner, contact_id=anonymous),
            context=device,
            now=weeks_ago,
        )
        change_referral_status(
            uow=uow, referral_id=sent.id, to_status="emise", context=device, at=weeks_ago
        )
    page = cohort(window)
    page.tabs.setCurrentWidget(page.todo_view)
    todo = page.todo_view
    rows = [
        [todo.proxy.index(r, c).data() for c in (TodoCol.KIND, TodoCol.PERSON, TodoCol.WHAT)]
        for r in range(todo.proxy.rowCount())
    ]
    # Oldest first: the referral was due 4 days ago (sent 15 days ago), the follow-up 2 days
    # ago; the follow-up planned in 3 days is not due yet.
    assert rows == [
        ["Orientation", "Contact sans fiche", "Relancer Mission Locale des Hauts de Garonne"],
        ["Suivi", "BENALI Inès", "Suivi prévu : Préparer l'entretien"],
    ]
    late = todo.proxy.index(0, TodoCol.DUE).data(Qt.ItemDataRole.ForegroundRole)
    assert late is not None, "an overdue date is drawn in the warning colour"
    todo.view.selectRow(1)
    todo.open_button.click()
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.beneficiary_id == person
    page.file_view.back_button.click()
    page.tabs.setCurrentWidget(page.todo_view)
    todo.view.selectRow(0)
    with qtbot.waitSignal(window.context.referral_requested) as asked:
        todo.open_button.click()
    assert asked.args == [sent.id]


def test_new_referral_is_asked_of_the_orientations_side(qtbot, window: MainWindow) -> None:
    person = enrol(window.context.vault)
    page = cohort(window)
    page.open_file(person)
    with qtbot.waitSignal(window.context.new_referral_requested) as asked:
        page.file_view.referral_button.click()
    assert asked.args == [person, None]


def test_right_of_access_export_to_a_chosen_folder(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    person = enrol(window.context.vault)
    page = cohort(window)
    page.open_file(person)
    target = tmp_path / "droit-acces"
    monkeypatch.setattr(FolderChooser, "ask", staticmethod(lambda parent, title=None: None))
    page.file_view.export_button.click()
    assert not target.exists(), "cancelled: nothing written"
    monkeypatch.setattr(FolderChooser, "ask", staticmethod(lambda parent, title=None: target))
    page.file_view.export_button.click()
    document = json.loads((target / f"droit-acces-{person}.json").read_text(encoding="utf-8"))
    assert document["personne"]["first_name"] == "Inès"
    assert (target / f"droit-acces-{person}.pdf").read_bytes().startswith(b"%PDF")
    assert page.file_view.message_label.text().startswith(
        f"Export du droit d'accès écrit dans {target}"
    )


def _question(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def test_erase_asks_a_confirmation_naming_what_goes(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    person = enrol(vault)
    moment: datetime = clock.now() - timedelta(hours=1)
    with vault.unit_of_work() as uow:
        for kind in ("entretien", "appel"):
            record_follow_up(
                uow=uow,
                data=FollowUpInput(beneficiary_id=person, occurred_at=moment, kind=kind),
            )
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=moment,
                channel="permanence",
                outcome="information",
                beneficiary_id=person,
            ),
        )
    page = cohort(window)
    page.open_file(person)
    page.file_view.erase_button.click()
    box = _question(window)
    assert box.text() == (
        "Effacer définitivement BENALI Inès ? Seront effacés : sa fiche et 2 suivis. 1 contact "
        "est conservé, sans lien avec la personne.\n\nL'effacement est définitif : il ne peut "
        "pas être annulé, et à la prochaine synchronisation le serveur refusera cette fiche "
        "pour toujours."
    )
    assert box.defaultButton() is box.button(QMessageBox.StandardButton.Cancel)
    box.button(QMessageBox.StandardButton.Cancel).click()
    assert people(vault) == ["BENALI Inès"], "cancelled: nothing erased"

    page.file_view.erase_button.click()
    box = _question(window)
    confirm = next(b for b in box.buttons() if b.text() == "Effacer définitivement")
    confirm.click()
    assert people(vault) == []
    assert page.stack.currentWidget() is page.home
    assert page.list_view.message_label.text() == (
        "La fiche de BENALI Inès a été effacée définitivement."
    )
    assert page.list_view.count_label.text() == "Aucune personne"


def test_editing_a_file(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    person = enrol(vault, barriers={"mobilite": "fort"}, statuses=("rsa",))
    page = cohort(window)
    page.open_file(person)
    page.file_view.edit_button.click()
    form = page.intake_view.form
    assert form.title_label.text() == "Modifier la fiche de BENALI Inès"
    assert page.intake_view.barrier_combos["mobilite"].currentData() == "fort"
    assert page.intake_view.status_checks["rsa"].isChecked()
    form.commune_edit.setText("Cenon")
    form.save_button.click()
    assert page.intake_view.messages.shown() == {
        "qpv": (
            "Ce QPV se trouve à Lormont, pas dans la commune indiquée : vérifiez le QPV ou la "
            "commune."
        )
    }
    form.commune_edit.setText("Lormont")
    form.phone_edit.setText("0639980102")
    form.save_button.click()
    assert page.stack.currentWidget() is page.file_view
    assert page.file_view.values["phone"].text() == "06 39 98 01 02"
    assert "Mobilité (fort)" in page.file_view.values["barriers"].text()


def test_a_lock_drops_the_file_and_the_half_typed_intake(
    qtbot, window: MainWindow, vault_factory
) -> None:
    person = enrol(window.context.vault)
    page = cohort(window)
    page.open_file(person)
    page.file_view.follow_up_button.click()
    assert page.file_view.follow_up_dialog is not None
    window.lock()
    assert page.file_view.follow_up_dialog is None, "dialogs close with the lock"
    assert page.file_view.title_label.text() == ""
    assert page.file_view.timeline.rowCount() == 0
    assert page.list_view.model.rowCount() == 0
    assert page.stack.currentWidget() is page.home
    profile = window.context.profile_dir
    assert profile is not None
    window.unlock_screen.unlocked.emit(vault_factory.open(profile))
    page.new_intake()
    page.intake_view.form.last_name_edit.setText("Martin")
    window.lock()
    assert page.intake_view.form.last_name_edit.text() == ""
    window.unlock_screen.unlocked.emit(vault_factory.open(profile))
    assert page.list_view.model.rowCount() == 1, "the list comes back after unlocking"
