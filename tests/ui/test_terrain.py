"""Terrain: contacts recorded with the keyboard only (keystrokes counted), the counter and today's
list, a person identified on the spot, editing a contact of the list, managers' review comments,
the remembered outing, and the status bar's pending count after each save."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediateur.domain.values import now_utc
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    list_beneficiaries,
)
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.field_entry import field_contacts
from mediateur.store.vault import Vault
from mediateur.ui.dialogs.identify_person import IdentifyPersonDialog
from mediateur.ui.main_window import MainWindow
from mediateur.ui.models.base import WARNING_COLOUR
from mediateur.ui.models.field_contacts import Col
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.terrain import TerrainPage
from mediateur.ui.preferences import TERRAIN_CHANNEL, TERRAIN_QPV, profile_preferences
from mediateur.ui.tasks import TaskRunner
from tests.support.vaults import VaultFactory
from tests.ui.drive import Keyboard

CTRL = Qt.KeyboardModifier.ControlModifier
ALT = Qt.KeyboardModifier.AltModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
TAB = Qt.Key.Key_Tab
SAVE = Qt.Key.Key_Return
ANONYMOUS_BUDGET = 10


def terrain(window: MainWindow) -> TerrainPage:
    assert window.workspace is not None
    page = window.workspace.page(PageKey.TERRAIN)
    assert isinstance(page, TerrainPage), "Terrain is the first page after unlocking"
    return page


def vault_of(window: MainWindow) -> Vault:
    return window.context.vault


def top_row(page: TerrainPage) -> dict[Col, str]:
    """What the first line of the list shows, column by column."""
    proxy = page.proxy
    return {column: proxy.index(0, column).data() for column in Col}


def test_five_contacts_by_keyboard_only(qtbot, runner: TaskRunner, open_window, capsys) -> None:
    window = open_window()
    page = terrain(window)
    form = page.form
    keys = Keyboard(qtbot)
    assert QApplication.focusWidget() is form.gender_group, "ready for the first person"
    assert form.counter_label.text() == "Aucun contact aujourd'hui"
    assert form.channel_group.value() == "pied_immeuble", "the default channel"
    assert form.person_label.text() == "Contact anonyme"
    assert not form.forget_person_button.isVisible()
    strokes: list[int] = []

    # 1. The quickest anonymous contact: Femme, 16-24 ans, Information.
    keys.type("1")
    keys.press(TAB)
    keys.type("2")
    keys.press(TAB)
    keys.type("1")
    keys.press(SAVE, CTRL)
    strokes.append(keys.take())
    assert form.counter_label.text() == "1 contact aujourd'hui"
    assert top_row(page)[Col.GENDER] == "Femme"
    assert top_row(page)[Col.AGE] == "16 à 24 ans"
    assert top_row(page)[Col.OUTCOME] == "Information"
    assert top_row(page)[Col.PERSON] == "Anonyme"
    assert form.gender_group.value() is None, "cleared for the next person"
    assert QApplication.focusWidget() is form.gender_group
    assert window.status_indicators.pending_label.text() == "1 modification en attente d'envoi"

    # 2. With two freins (chips 3 and 2: Mobilité, Numérique) and a rendez-vous.
    keys.type("2")
    keys.press(TAB)
    keys.type("3")
    keys.press(TAB)
    keys.type("4")
    keys.press(TAB)
    keys.type("32")
    keys.press(SAVE, CTRL)
    strokes.append(keys.take())
    assert form.counter_label.text() == "2 contacts aujourd'hui"
    assert top_row(page)[Col.THEMES] == "Numérique, Mobilité"
    assert top_row(page)[Col.OUTCOME] == "Rendez-vous pris"

    # 3. The channel changes (Maj+Tab back to it), and is kept for the next people.
    keys.press(TAB, SHIFT)
    keys.type("4")
    keys.press(TAB)
    keys.type("4")
    keys.press(TAB)
    keys.type("6")
    keys.press(TAB)
    keys.type("5")
    keys.press(SAVE, CTRL)
    strokes.append(keys.take())
    assert top_row(page)[Col.CHANNEL] == "Permanence"
    assert form.channel_group.value() == "permanence"

    # 4. A short note.
    keys.type("1")
    keys.press(TAB)
    keys.type("3")
    keys.press(TAB)
    keys.type("2")
    keys.press(TAB)
    keys.press(TAB)
    assert QApplication.focusWidget() is form.note_edit
    keys.type("Cherche un stage")
    keys.press(SAVE, CTRL)
    strokes.append(keys.take())
    assert top_row(page)[Col.NOTE] == "Cherche un stage"

    # 5. A person identified on the spot: Alt+I, names and phone, Entrée, Ctrl+Entrée.
    keys.type("2")
    keys.press(TAB)
    keys.type("3")
    keys.press(Qt.Key.Key_I, ALT)
    # A button's mnemonic animates a click: the dialog opens once the button is released.
    qtbot.waitUntil(lambda: page.identify_dialog is not None, timeout=2000)
    dialog = page.identify_dialog
    assert isinstance(dialog, IdentifyPersonDialog)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.form.last_name_edit, timeout=2000)
    keys.type("Diallo")
    keys.press(TAB)
    keys.type("Moussa")
    keys.press(TAB)
    keys.type("0612345678")
    keys.press(Qt.Key.Key_Return)
    assert page.identify_dialog is None, "no probable duplicate: the dialog closed"
    assert form.person_label.text() == "DIALLO Moussa — nouvelle fiche dans la cohorte"
    assert form.outcome_group.value() == "inscription_cohorte"
    # The window becomes active again, with the focus back in the form.
    qtbot.waitUntil(lambda: QApplication.focusWidget() is form.outcome_group, timeout=2000)
    keys.press(SAVE, CTRL)
    strokes.append(keys.take())
    assert top_row(page)[Col.PERSON] == "DIALLO Moussa"
    assert top_row(page)[Col.OUTCOME] == "Inscription dans la cohorte"

    assert form.counter_label.text() == "5 contacts aujourd'hui"
    assert page.model.rowCount() == 5
    pending = window.status_indicators.pending_label.text()
    # 5 contacts, 1 new file, and the enrolled contact then pointed to it.
    assert pending == "7 modifications en attente d'envoi"
    with vault_of(window).session() as session:
        saved = field_contacts(session, user_id=None)
    assert [row.contact.channel for row in saved][:3] == ["permanence"] * 3
    assert (saved[0].contact.anonymous, saved[0].person_name) == (False, "DIALLO Moussa")
    assert all(row.contact.anonymous for row in saved[1:])
    assert strokes == [6, 9, 9, 24, 30]
    assert max(strokes[:3]) <= ANONYMOUS_BUDGET
    with capsys.disabled():
        print(f"\nkeystrokes per contact: {strokes}")


def test_a_contact_of_the_list_is_edited(qtbot, runner: TaskRunner, open_window) -> None:
    window = open_window()
    page = terrain(window)
    form = page.form
    keys = Keyboard(qtbot)
    for gender in ("1", "2"):
        keys.type(gender)
        keys.press(TAB)
        keys.press(TAB)
        keys.type("1")
        keys.press(SAVE, CTRL)
    older = page.model.row_at(1).contact.id
    # Alt+T to the list, Down to the second (older) contact, Entrée to edit it.
    keys.press(Qt.Key.Key_T, ALT)
    assert QApplication.focusWidget() is form.contacts_view
    keys.press(Qt.Key.Key_Home)
    keys.press(Qt.Key.Key_Down)
    keys.press(Qt.Key.Key_Return)
    assert page.editing is not None
    assert page.editing.contact.id == older
    assert form.gender_group.value() == "f"
    assert form.cancel_edit_button.isVisible()
    assert QApplication.focusWidget() is form.gender_group
    keys.press(TAB)
    keys.press(TAB)
    keys.type("2")
    keys.press(SAVE, CTRL)
    assert page.editing is None
    assert form.counter_label.text() == "2 contacts aujourd'hui", "edited, not added"
    position = page.model.position(older)
    assert position is not None
    assert page.model.row_at(position).contact.outcome == "orientation"
    assert form.message_label.text().startswith("Contact de ")
    assert not form.cancel_edit_button.isVisible()


def test_review_comments_show_in_the_list_and_the_form(
    qtbot, runner: TaskRunner, open_window
) -> None:
    window = open_window()
    vault = vault_of(window)
    with vault.unit_of_work() as uow:
        contact_id = record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=now_utc() - timedelta(minutes=1),
                channel="pied_immeuble",
                outcome="information",
            ),
        )
        uow.set_locally(
            "contact",
            contact_id,
            {"review_status": "a_corriger", "review_comment": "Préciser la tranche d'âge"},
        )
    page = terrain(window)
    page.load()
    review = page.proxy.index(0, Col.REVIEW)
    assert review.data() == "À corriger : Préciser la tranche d'âge"
    assert review.data(Qt.ItemDataRole.ForegroundRole) == WARNING_COLOUR
    page.select_contact(contact_id)
    page.edit_selected()
    assert page.form.message_label.text() == "À corriger : Préciser la tranche d'âge"


def test_the_outing_is_remembered_and_an_empty_outcome_is_refused(
    qtbot, runner: TaskRunner, open_window, vault_factory: VaultFactory
) -> None:
    window = open_window()
    page = terrain(window)
    form = page.form
    keys = Keyboard(qtbot)
    keys.press(TAB, SHIFT)
    keys.type("2")  # Porte-à-porte
    form.qpv_combo.setCurrentIndex(form.qpv_combo.findData("carriet"))
    form.qpv_combo.activated.emit(form.qpv_combo.currentIndex())
    keys.press(TAB)
    keys.type("1")
    keys.press(SAVE, CTRL)
    assert form.outcome_message_label.text() == "Champ obligatoire."
    assert form.outcome_message_label.isVisible()
    assert page.model.rowCount() == 0, "nothing saved"
    assert form.gender_group.value() == "f", "the answers come back after a refused save"
    assert QApplication.focusWidget() is form.outcome_group
    profile = window.context.profile_dir
    assert profile is not None
    preferences = profile_preferences(profile)
    assert preferences.get(TERRAIN_CHANNEL) == "porte_a_porte"
    assert preferences.get(TERRAIN_QPV) == "carriet"
    # The next session starts from the same outing.
    window.lock()
    assert form.channel_group.value() is None, "a lock drops what the page shows"
    window.unlock_screen.unlocked.emit(vault_factory.open(profile))
    assert form.channel_group.value() == "porte_a_porte"
    assert form.qpv_combo.currentData() == "carriet"


def test_typing_goes_on_while_the_save_runs(
    qtbot, threaded_runner: TaskRunner, open_window
) -> None:
    window = open_window()
    page = terrain(window)
    form = page.form
    # Loaded: the remembered channel is back.
    qtbot.waitUntil(lambda: form.channel_group.value() is not None, timeout=5000)
    keys = Keyboard(qtbot)
    page.focus_first_field()
    keys.type("1")
    keys.press(TAB)
    keys.type("2")
    keys.press(TAB)
    keys.type("1")
    keys.press(SAVE, CTRL)
    # The next person, typed at once: the form was cleared when Ctrl+Entrée was pressed.
    keys.type("2")
    qtbot.waitUntil(lambda: page.model.rowCount() == 1 and not page.busy, timeout=5000)
    assert form.gender_group.value() == "m", "nothing typed meanwhile is lost"
    assert page.model.row_at(0).contact.gender == "f"


def test_identifying_someone_who_has_a_file_links_the_contact_to_it(
    qtbot, runner: TaskRunner, open_window
) -> None:
    window = open_window()
    vault = vault_of(window)
    with vault.unit_of_work() as uow:
        existing = create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name="Diallo",
                first_name="Awa",
                intake_date=date(2026, 1, 5),
                birth_date=date(1990, 4, 2),
            ),
        )
    page = terrain(window)
    form = page.form
    form.gender_group.set_value("f")
    form.outcome_group.set_value("rdv_pris")
    page.identify()
    dialog = page.identify_dialog
    assert isinstance(dialog, IdentifyPersonDialog)
    dialog.form.last_name_edit.setText("DIALLO")
    dialog.form.first_name_edit.setText("awa")
    dialog.form.birth_date_edit.setText("02/04/1990")
    dialog.form.check_button.click()
    assert dialog.form.duplicates_group.isVisible(), "the file that may be hers is shown"
    item = dialog.form.duplicates_list.item(0)
    assert item.text() == "DIALLO Awa — naissance 02/04/1990, entrée 05/01/2026"
    dialog.form.link_button.click()
    assert page.identify_dialog is None
    assert form.person_label.text() == "DIALLO Awa — fiche existante"
    assert form.outcome_group.value() == "rdv_pris", "an existing file keeps the outcome"
    page.save()
    saved = page.model.row_at(0)
    assert (saved.contact.beneficiary_id, saved.contact.anonymous) == (existing, False)
    assert saved.person_name == "DIALLO Awa"
    assert page.model.rowCount() == 1
    with vault.session() as session:
        assert len(list_beneficiaries(session)) == 1, "no second file"
