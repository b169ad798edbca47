"""Terrain: quick contact entry at a pied-d'immeuble, a forum, a door.

The outing (event, QPV, place, channel) stays from one person to the next; the event, QPV and
channel are also remembered in the profile's preferences. For each person: toggle buttons
(genre, tranche d'âge, suite donnée), theme chips for the freins, a short note, and optionally
"Identifier la personne". Ctrl+Entrée saves and clears for the next person, with the focus back on
Genre: an anonymous contact takes a handful of keys. Today's contacts are listed below, with the
counter; selecting one loads it back into the form to correct it (managers' "à corriger" comments
show there too). "À corriger" switches the list to every contact, any day, that a manager's review
sent back to correct.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import QHeaderView, QStyle, QWidget

from mediateur.domain.reference import reference_data
from mediateur.domain.values import now_utc
from mediateur.services.clock import PARIS, format_moment
from mediateur.services.contacts import ContactInput, input_from
from mediateur.services.context import current_context
from mediateur.services.errors import ProbableDuplicate, ValidationFailed
from mediateur.services.events import Event
from mediateur.services.field_entry import (
    FieldContact,
    contact_defaults,
    contacts_to_correct,
    field_contacts,
    field_events,
    save_field_contact,
)
from mediateur.ui.context import AppContext
from mediateur.ui.dialogs.identify_person import Identification, IdentifyPersonDialog
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import (
    FieldMessages,
    FieldSlot,
    combo_value,
    fill_codes,
    privacy_hint,
    set_combo_value,
    style_hint,
)
from mediateur.ui.forms.ui_terrain_page import Ui_TerrainForm
from mediateur.ui.models.base import ROW_ROLE, SORT_ROLE
from mediateur.ui.models.field_contacts import Col, FieldContactsModel
from mediateur.ui.pages.base import Page
from mediateur.ui.preferences import TERRAIN_CHANNEL, TERRAIN_EVENT, TERRAIN_QPV
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork

ENROLLED = "inscription_cohorte"
TO_CORRECT = "a_corriger"


@dataclass(frozen=True, slots=True)
class TerrainData:
    events: list[Event]
    contacts: list[FieldContact]
    user_id: str | None
    to_correct: list[FieldContact] = dataclasses.field(default_factory=list)


def read_terrain(session: Session, *, install_id: str, keep_event: str | None) -> TerrainData:
    """What the page shows: the events to pick from, today's contacts of this user, and their
    contacts a manager asked to correct."""
    user_id = current_context(session, install_id).user_id
    return TerrainData(
        events=field_events(session, keep_id=keep_event),
        contacts=field_contacts(session, user_id=user_id),
        user_id=user_id,
        to_correct=contacts_to_correct(session, user_id=user_id),
    )


@dataclass(frozen=True, slots=True)
class Outing:
    """Where and how the mediator is working: kept from one person to the next."""

    event_id: str | None
    qpv: str | None
    place: str
    channel: str | None


@dataclass(frozen=True, slots=True)
class Typed:
    """What the form held when Ctrl+Entrée was pressed, put back if the save is refused."""

    editing: FieldContact | None
    identification: Identification | None
    gender: str | None
    age_band: str | None
    outcome: str | None
    themes: tuple[str, ...]
    note: str


class TerrainPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.form = Ui_TerrainForm()
        self.form.setupUi(self)
        form = self.form
        self.editing: FieldContact | None = None
        self.identification: Identification | None = None
        self.identify_dialog: IdentifyPersonDialog | None = None
        self._outing_before_edit: Outing | None = None
        self._events: dict[str, Event] = {}
        self._in_flight = 0
        self._stale = False
        # The list shows today's contacts, or those to correct: the other set is kept here.
        self._today: list[FieldContact] = []
        self._to_correct: list[FieldContact] = []
        style_title(form.title_label)
        style_title(form.counter_label, scale=1.3)
        form.channel_group.set_options(_options("channels"))
        form.gender_group.set_options(_options("genders"))
        form.age_group.set_options(_options("age_bands"))
        form.outcome_group.set_options(_options("outcomes"))
        form.themes_group.set_options(_options("freins"), multiple=True)
        fill_codes(form.qpv_combo, "qpv", empty=self.tr("Non précisé"))
        form.event_combo.addItem(self.tr("Aucun événement"), None)
        form.note_hint_label.setText(privacy_hint())
        style_hint(form.note_hint_label)
        self.messages = FieldMessages(
            {
                "place": FieldSlot(form.place_message_label, form.place_edit),
                "channel": FieldSlot(form.channel_message_label, form.channel_group),
                "outcome": FieldSlot(form.outcome_message_label, form.outcome_group),
                "note": FieldSlot(form.note_message_label, form.note_edit),
            },
            fallback=form.message_label,
        )
        self.model = FieldContactsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view = form.contacts_view
        view.setModel(self.proxy)
        view.sortByColumn(Col.TIME, Qt.SortOrder.DescendingOrder)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        for column, width in self._column_widths().items():
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            view.setColumnWidth(column, width)
        for column in _STRETCHED:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(self.save)
        form.save_button.clicked.connect(self.save)
        form.clear_button.clicked.connect(self._on_clear_clicked)
        form.cancel_edit_button.clicked.connect(self.cancel_edit)
        form.identify_button.clicked.connect(self.identify)
        form.forget_person_button.clicked.connect(self._forget_person)
        form.event_combo.activated.connect(self._on_event_chosen)
        form.qpv_combo.activated.connect(self._on_qpv_chosen)
        form.channel_group.changed.connect(self._on_channel_changed)
        form.edit_button.clicked.connect(self.edit_selected)
        form.refer_button.clicked.connect(self._on_refer_clicked)
        form.open_file_button.clicked.connect(self._on_open_file_clicked)
        form.to_correct_button.toggled.connect(self._on_to_correct_toggled)
        view.activated.connect(lambda _index: self.edit_selected())
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        context.changes_saved.connect(self._on_changes_saved)
        self._show_mode()
        self._show_person()
        self._show_to_correct_button()
        self._show_counter()
        self._on_selection_changed()

    # Life cycle

    def load(self) -> None:
        self._stale = False
        keep = self.context.preferences.get(TERRAIN_EVENT) or None
        install_id = self.context.vault.install_id
        QueryOp(
            self,
            op=lambda session: read_terrain(session, install_id=install_id, keep_event=keep),
            success=self._show,
        ).run()

    def drop_data(self) -> None:
        self._stale = False
        self._in_flight = 0
        self._today, self._to_correct = [], []
        self.form.to_correct_button.setChecked(False)
        self.model.set_rows([])
        self._show_to_correct_button()
        self._events = {}
        combo = self.form.event_combo
        while combo.count() > 1:
            combo.removeItem(1)
        self.editing = None
        self._outing_before_edit = None
        self._restore_outing(Outing(None, None, "", None))
        self._clear_person()
        show_message(self.form.message_label, "")
        self._show_mode()
        self._show_counter()

    def focus_first_field(self) -> bool:
        self.form.gender_group.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self.load()

    def _on_changes_saved(self) -> None:
        # This page's own saves update the list themselves; others (events, cohort) are read
        # again when the page shows.
        if not self.isVisible():
            self._stale = True

    def _show(self, data: TerrainData) -> None:
        self._events = {event.id: event for event in data.events}
        combo = self.form.event_combo
        combo.blockSignals(True)
        while combo.count() > 1:
            combo.removeItem(1)
        for event in data.events:
            combo.addItem(_event_label(event), event.id)
            combo.setItemData(combo.count() - 1, _event_label(event), Qt.ItemDataRole.ToolTipRole)
        combo.blockSignals(False)
        if self.editing is None:
            preferences = self.context.preferences
            set_combo_value(combo, preferences.get(TERRAIN_EVENT) or None)
            set_combo_value(self.form.qpv_combo, preferences.get(TERRAIN_QPV) or None)
            self.form.channel_group.blockSignals(True)
            self.form.channel_group.set_value(_known("channels", preferences.get(TERRAIN_CHANNEL)))
            self.form.channel_group.blockSignals(False)
        self._today, self._to_correct = data.contacts, data.to_correct
        self.model.set_rows(self._to_correct if self.showing_to_correct else self._today)
        self._show_to_correct_button()
        self._show_counter()

    # The outing

    def outing(self) -> Outing:
        form = self.form
        return Outing(
            event_id=combo_value(form.event_combo),
            qpv=combo_value(form.qpv_combo),
            place=form.place_edit.text(),
            channel=form.channel_group.value(),
        )

    def _restore_outing(self, outing: Outing) -> None:
        form = self.form
        set_combo_value(form.event_combo, outing.event_id)
        set_combo_value(form.qpv_combo, outing.qpv)
        form.place_edit.setText(outing.place)
        form.channel_group.blockSignals(True)
        form.channel_group.set_value(outing.channel)
        form.channel_group.blockSignals(False)

    def _on_event_chosen(self, _index: int) -> None:
        event_id = combo_value(self.form.event_combo)
        event = self._events.get(event_id or "")
        if event is not None:
            defaults = contact_defaults(event)
            if defaults.qpv:
                set_combo_value(self.form.qpv_combo, defaults.qpv)
            if defaults.place:
                self.form.place_edit.setText(defaults.place)
            self.form.channel_group.set_value(defaults.channel)
        self._remember()

    def _on_qpv_chosen(self, _index: int) -> None:
        self._remember()

    def _on_channel_changed(self) -> None:
        self._remember()

    def _remember(self) -> None:
        """Keep the outing for the next session (ids and codes only: the place may be an
        address, it stays in memory)."""
        if self.editing is not None or not self.context.is_unlocked:
            return
        outing = self.outing()
        preferences = self.context.preferences
        preferences.set(TERRAIN_EVENT, outing.event_id or "")
        preferences.set(TERRAIN_QPV, outing.qpv or "")
        preferences.set(TERRAIN_CHANNEL, outing.channel or "")

    # The person

    def contact_input(self) -> ContactInput:
        """What the form says, as the services take it."""
        form = self.form
        identification = self.identification
        linked = identification.beneficiary_id if identification else None
        if linked is None and self.editing is not None:
            linked = self.editing.contact.beneficiary_id
        values = {
            "channel": form.channel_group.value(),
            "outcome": form.outcome_group.value(),
            "event_id": combo_value(form.event_combo),
            "qpv": combo_value(form.qpv_combo),
            "place": form.place_edit.text() or None,
            "gender": form.gender_group.value(),
            "age_band": form.age_group.value(),
            "themes": form.themes_group.values(),
            "note": form.note_edit.text() or None,
            "beneficiary_id": linked,
            "anonymous": linked is None and not (identification and identification.is_new),
        }
        if self.editing is not None:
            return dataclasses.replace(input_from(self.editing.contact), **values)
        return ContactInput(occurred_at=now_utc(), **values)

    def identify(self) -> None:
        if self.identify_dialog is not None:
            return
        previous = self.identification.person if self.identification else None
        dialog = IdentifyPersonDialog(
            self.window(), contact=self.contact_input(), previous=previous
        )
        dialog.identified.connect(self._on_identified)
        dialog.finished.connect(self._on_identify_finished)
        self.identify_dialog = dialog
        dialog.open()

    def _on_identify_finished(self, _result: int) -> None:
        self.identify_dialog = None
        if self.isVisible():
            # Back to the form, ready for Ctrl+Entrée.
            self.window().activateWindow()
            self.form.outcome_group.setFocus()

    def _on_identified(self, identification: Identification) -> None:
        self.identification = identification
        if identification.is_new:
            self.form.outcome_group.set_value(ENROLLED)
        self._show_person()

    def _forget_person(self) -> None:
        self.identification = None
        self._show_person()

    def _show_person(self) -> None:
        form = self.form
        identification = self.identification
        if identification is not None:
            if identification.is_new:
                text = self.tr("{name} — nouvelle fiche dans la cohorte").format(
                    name=identification.name
                )
            else:
                text = self.tr("{name} — fiche existante").format(name=identification.name)
        elif self.editing is not None and self.editing.person_name:
            text = self.tr("{name} — fiche existante").format(name=self.editing.person_name)
        else:
            text = self.tr("Contact anonyme")
        form.person_label.setText(text)
        linked = self.editing is not None and self.editing.contact.beneficiary_id is not None
        form.identify_button.setEnabled(not linked)
        form.forget_person_button.setVisible(identification is not None)

    def _clear_person(self) -> None:
        form = self.form
        for group in (form.gender_group, form.age_group, form.outcome_group, form.themes_group):
            group.clear()
        form.note_edit.clear()
        self.identification = None
        self.messages.clear()
        self._show_person()

    def _on_clear_clicked(self) -> None:
        if self.editing is not None:
            self.cancel_edit()
            return
        self._clear_person()
        self.focus_first_field()

    # Saving

    @property
    def busy(self) -> bool:
        """Whether a save has not come back yet."""
        return self._in_flight > 0

    def save(self) -> None:
        """Ctrl+Entrée: save the contact and clear the form for the next person at once (the
        person's answers come back if the save is refused)."""
        if not self.context.is_unlocked:
            return
        data = self.contact_input()
        typed = self._typed()
        contact_id = self.editing.contact.id if self.editing else None
        identification = self.identification
        person = identification.person if identification else None
        allow_duplicate = bool(identification and identification.allow_duplicate)

        def write(uow: UnitOfWork) -> FieldContact:
            return save_field_contact(
                uow=uow,
                data=data,
                contact_id=contact_id,
                person=person,
                context=current_context(uow.session, uow.install_id),
                allow_duplicate=allow_duplicate,
            )

        self._in_flight += 1
        if self.editing is not None:
            self._end_edit()
        self._clear_person()
        self.focus_first_field()
        WriteOp(
            self,
            op=write,
            success=lambda saved: self._on_saved(saved, edited=contact_id is not None),
        ).failure(lambda error: self._on_save_failed(error, typed)).run()

    def _typed(self) -> Typed:
        form = self.form
        return Typed(
            editing=self.editing,
            identification=self.identification,
            gender=form.gender_group.value(),
            age_band=form.age_group.value(),
            outcome=form.outcome_group.value(),
            themes=form.themes_group.values(),
            note=form.note_edit.text(),
        )

    def _put_back(self, typed: Typed) -> None:
        """The person's answers as they were typed, after a refused save."""
        form = self.form
        if typed.editing is not None:
            self.begin_edit(typed.editing)
        form.gender_group.set_value(typed.gender)
        form.age_group.set_value(typed.age_band)
        form.outcome_group.set_value(typed.outcome)
        form.themes_group.set_values(typed.themes)
        form.note_edit.setText(typed.note)
        self.identification = typed.identification
        self._show_person()

    def _on_saved(self, saved: FieldContact, *, edited: bool) -> None:
        self._in_flight -= 1
        if self.showing_to_correct:
            # A correction or a new contact: both lists are read again.
            self.load()
        else:
            self.model.upsert(saved)
        self._show_counter()
        moment = saved.contact.occurred_at.astimezone(PARIS).strftime("%H:%M")
        message = (
            self.tr("Contact de {time} modifié.")
            if edited
            else self.tr("Contact enregistré à {time}.")
        )
        show_message(self.form.message_label, message.format(time=moment), Tone.SUCCESS)

    def _on_save_failed(self, error: Exception, typed: Typed) -> None:
        self._in_flight -= 1
        self._put_back(typed)
        if isinstance(error, ValidationFailed):
            messages = error.messages()
            self.messages.show(messages)
            self.messages.focus_first(messages)
            return
        if isinstance(error, ProbableDuplicate):
            self.identification = None
            self._show_person()
            show_message(
                self.form.message_label,
                self.tr(
                    "Une fiche proche vient d'apparaître dans la cohorte : identifiez de nouveau "
                    "la personne pour choisir la bonne fiche."
                ),
                Tone.ERROR,
            )
            return
        show_failure(self, error)

    def _column_widths(self) -> dict[Col, int]:
        """Coded columns as wide as their longest label, measured once: a save never has to
        measure the list again. The free-text columns share the rest."""
        view = self.form.contacts_view
        metrics = view.fontMetrics()
        header = view.horizontalHeader().fontMetrics()
        padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        ref = reference_data()
        widths = {}
        for column, texts in (
            (Col.TIME, ["00:00"]),
            (Col.GENDER, [item.label for item in ref["genders"].items]),
            (Col.AGE, [item.label for item in ref["age_bands"].items]),
            (Col.CHANNEL, [item.label for item in ref["channels"].items]),
            (Col.OUTCOME, [item.label for item in ref["outcomes"].items]),
            (Col.PERSON, ["ABCDEFGHIJ Abcdefg"]),
        ):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            needed = max(metrics.horizontalAdvance(text) for text in texts)
            widths[column] = max(needed, header.horizontalAdvance(str(title)) + 16) + padding
        return widths

    def _show_counter(self) -> None:
        count = len(self._today) if self.showing_to_correct else self.model.rowCount()
        if count == 0:
            text = self.tr("Aucun contact aujourd'hui")
        elif count == 1:
            text = self.tr("1 contact aujourd'hui")
        else:
            text = self.tr("{count} contacts aujourd'hui").format(count=count)
        self.form.counter_label.setText(text)

    # Contacts to correct

    @property
    def showing_to_correct(self) -> bool:
        return self.form.to_correct_button.isChecked()

    def _on_to_correct_toggled(self, checked: bool) -> None:
        if checked:
            self._today = list(self.model.rows())
        self.model.with_day = checked
        self.model.set_rows(self._to_correct if checked else self._today)
        self.form.contacts_view.setColumnWidth(Col.TIME, self._time_width(with_day=checked))
        self._show_to_correct_button()
        self._show_counter()
        self._on_selection_changed()

    def _show_to_correct_button(self) -> None:
        form = self.form
        count = len(self._to_correct)
        form.to_correct_button.setText(self.tr("À corriger ({count})").format(count=count))
        form.to_correct_button.setEnabled(bool(count) or form.to_correct_button.isChecked())
        form.list_label.setText(
            self.tr("Con&tacts à corriger")
            if form.to_correct_button.isChecked()
            else self.tr("Con&tacts du jour")
        )

    def _time_width(self, *, with_day: bool) -> int:
        view = self.form.contacts_view
        padding = 2 * view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin) + 12
        sample = "00/00 00:00" if with_day else "00:00"
        title = self.model.headerData(Col.TIME, Qt.Orientation.Horizontal)
        header = view.horizontalHeader().fontMetrics().horizontalAdvance(str(title)) + 16
        return max(view.fontMetrics().horizontalAdvance(sample), header) + padding

    # Editing a contact of the list

    def selected(self) -> FieldContact | None:
        rows = self.form.contacts_view.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(ROW_ROLE)
        return found if isinstance(found, FieldContact) else None

    def select_contact(self, contact_id: str) -> None:
        """Select the row of `contact_id` in the list (keyboard users move with the arrows)."""
        position = self.model.position(contact_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        view = self.form.contacts_view
        view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        view.setCurrentIndex(index)

    def _on_selection_changed(self, *_args: object) -> None:
        chosen = self.selected()
        form = self.form
        form.edit_button.setEnabled(chosen is not None)
        form.refer_button.setEnabled(chosen is not None)
        form.open_file_button.setEnabled(
            chosen is not None and chosen.contact.beneficiary_id is not None
        )

    def edit_selected(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.begin_edit(chosen)

    def begin_edit(self, row: FieldContact) -> None:
        form = self.form
        if self.editing is None:
            self._outing_before_edit = self.outing()
        self.editing = row
        self.identification = None
        self.messages.clear()
        found = row.contact
        combo = form.event_combo
        if found.event_id and combo.findData(found.event_id) < 0:
            combo.addItem(self.tr("Événement du contact"), found.event_id)
        self._restore_outing(Outing(found.event_id, found.qpv, found.place or "", found.channel))
        form.gender_group.set_value(found.gender)
        form.age_group.set_value(found.age_band)
        form.outcome_group.set_value(found.outcome)
        form.themes_group.set_values(found.themes)
        form.note_edit.setText(found.note or "")
        self._show_person()
        self._show_mode()
        if found.review_status == TO_CORRECT:
            show_message(
                form.message_label,
                self.tr("À corriger : {comment}").format(
                    comment=found.review_comment or self.tr("voir avec votre responsable")
                ),
                Tone.ERROR,
            )
        else:
            show_message(form.message_label, "")
        self.focus_first_field()

    def cancel_edit(self) -> None:
        self._end_edit()
        self._clear_person()
        show_message(self.form.message_label, "")
        self.focus_first_field()

    def _end_edit(self) -> None:
        self.editing = None
        if self._outing_before_edit is not None:
            self._restore_outing(self._outing_before_edit)
            self._outing_before_edit = None
        self._show_mode()

    def _show_mode(self) -> None:
        form = self.form
        editing = self.editing
        if editing is None:
            form.person_group.setTitle(self.tr("Personne rencontrée"))
            form.save_button.setText(self.tr("En&registrer (Ctrl+Entrée)"))
        else:
            form.person_group.setTitle(
                self.tr("Modification du contact du {moment}").format(
                    moment=format_moment(editing.contact.occurred_at)
                )
            )
            form.save_button.setText(self.tr("En&registrer la modification (Ctrl+Entrée)"))
        form.cancel_edit_button.setVisible(editing is not None)

    def _on_refer_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None:
            self.context.request_new_referral(
                beneficiary_id=chosen.contact.beneficiary_id, contact_id=chosen.contact.id
            )

    def _on_open_file_clicked(self) -> None:
        chosen = self.selected()
        if chosen is not None and chosen.contact.beneficiary_id:
            self.context.request_beneficiary(chosen.contact.beneficiary_id)


# Free-text columns share the room left by the coded ones.
_STRETCHED = frozenset({Col.THEMES, Col.NOTE, Col.REVIEW})


def _options(list_name: str) -> list[tuple[str, str]]:
    return [(item.slug, item.label) for item in reference_data()[list_name].items]


def _known(list_name: str, slug: str) -> str | None:
    return slug if slug and slug in reference_data()[list_name] else None


def _event_label(event: Event) -> str:
    return f"{event.starts_at.astimezone(PARIS):%d/%m} — {event.title}"
