"""Événements: create and edit an event in its form, then choose it in Terrain so that the
contacts made there point to it (with its QPV, place and channel preset)."""

from __future__ import annotations

from PySide6.QtCore import Qt

from mediateur.services.events import list_events
from mediateur.services.field_entry import field_contacts
from mediateur.ui.main_window import MainWindow
from mediateur.ui.models.events import Col
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.events import EventsPage
from mediateur.ui.pages.terrain import TerrainPage
from mediateur.ui.preferences import TERRAIN_EVENT, profile_preferences
from mediateur.ui.tasks import TaskRunner
from tests.ui.drive import Keyboard


def page_of(window: MainWindow, key: PageKey) -> object:
    assert window.workspace is not None
    return window.workspace.show_page(key, focus=True)


def test_an_event_is_created_then_chosen_in_terrain(qtbot, runner: TaskRunner, open_window) -> None:
    window = open_window()
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        partner = uow.create("partner", {"nom": "France Travail Cenon", "commune": "Cenon"})
    events = page_of(window, PageKey.EVENTS)
    assert isinstance(events, EventsPage)
    form = events.form
    assert form.partners_list.count() == 1
    form.save_button.click()
    assert events.messages.shown() == {"title": "Champ obligatoire."}
    assert events.model.rowCount() == 0
    form.kind_combo.setCurrentIndex(form.kind_combo.findData("food_and_job"))
    form.title_edit.setText("Food & Job — Palmer")
    form.qpv_combo.setCurrentIndex(form.qpv_combo.findData("palmer_saraillere_8mai45_dravemont"))
    form.place_edit.setText("Parvis du centre social")
    form.headcount_spin.setValue(42)
    form.partners_list.item(0).setCheckState(Qt.CheckState.Checked)
    form.has_end_check.setChecked(True)
    form.ends_at_edit.setDateTime(form.starts_at_edit.dateTime().addSecs(-3600))
    form.save_button.click()
    assert events.messages.shown() == {"ends_at": "La fin précède le début."}
    form.ends_at_edit.setDateTime(form.starts_at_edit.dateTime().addSecs(2 * 3600))
    form.save_button.click()
    assert events.messages.shown() == {}
    assert events.model.rowCount() == 1
    assert events.proxy.index(0, Col.TITLE).data() == "Food & Job — Palmer"
    assert events.proxy.index(0, Col.HEADCOUNT).data() == "42"
    with vault.session() as session:
        [stored] = list_events(session)
    assert stored.partner_ids == (partner,)
    assert stored.ends_at is not None

    # Editing it: selecting the row loads the form.
    events.view.selectRow(0)
    assert form.form_title_label.text() == "Modifier l'événement"
    form.headcount_spin.setValue(45)
    form.save_button.click()
    assert events.model.rowCount() == 1
    assert events.proxy.index(0, Col.HEADCOUNT).data() == "45"

    # Terrain offers it; choosing it presets the contact and links it.
    terrain = page_of(window, PageKey.TERRAIN)
    assert isinstance(terrain, TerrainPage)
    combo = terrain.form.event_combo
    index = combo.findData(stored.id)
    assert index > 0, "the new event is offered"
    assert combo.itemText(index).endswith("— Food & Job — Palmer")
    combo.setCurrentIndex(index)
    combo.activated.emit(index)
    assert terrain.form.qpv_combo.currentData() == "palmer_saraillere_8mai45_dravemont"
    assert terrain.form.place_edit.text() == "Parvis du centre social"
    assert terrain.form.channel_group.value() == "evenement"
    profile = window.context.profile_dir
    assert profile is not None
    assert profile_preferences(profile).get(TERRAIN_EVENT) == stored.id
    keys = Keyboard(qtbot)
    terrain.focus_first_field()
    keys.type("1")
    keys.press(Qt.Key.Key_Tab)
    keys.type("3")
    keys.press(Qt.Key.Key_Tab)
    keys.type("2")
    keys.press(Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    with vault.session() as session:
        [saved] = field_contacts(session, user_id=None)
    assert saved.contact.event_id == stored.id
    assert saved.contact.place == "Parvis du centre social"
    assert saved.contact.qpv == "palmer_saraillere_8mai45_dravemont"
    # The outing stays for the next person.
    assert combo.currentData() == stored.id
    assert terrain.form.place_edit.text() == "Parvis du centre social"
