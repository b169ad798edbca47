"""Événements: the collective actions (pieds d'immeuble, Food & Job, forums…), listed most recent
first, and the form to create or edit one (kind, title, start and end, QPV, place, partners,
headcount). Mediators create the events they run, offline; the Terrain page offers the recent and
coming ones so that the contacts made there point to them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidgetItem,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.domain.values import now_utc
from mediateur.services.errors import ValidationFailed
from mediateur.services.events import (
    Event,
    EventInput,
    PartnerChoice,
    create_event,
    get_event,
    list_events,
    partner_choices,
    update_event,
)
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import (
    FieldMessages,
    FieldSlot,
    combo_value,
    fill_codes,
    from_qdatetime,
    set_combo_value,
    to_qdatetime,
)
from mediateur.ui.forms.ui_event_form import Ui_EventForm
from mediateur.ui.models.base import ROW_ROLE, SORT_ROLE
from mediateur.ui.models.events import Col, EventsModel
from mediateur.ui.pages.base import Page
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork

DEFAULT_KIND = "pied_immeuble"
DEFAULT_LENGTH = timedelta(hours=3)
PARTNER_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class EventsData:
    events: list[Event]
    partners: list[PartnerChoice]


def read_events(session: Session) -> EventsData:
    return EventsData(events=list_events(session), partners=partner_choices(session))


class EventsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.editing: Event | None = None
        self._saving = False
        self._stale = False
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Événements"), self)
        title.setObjectName("events_title_label")
        style_title(title)
        layout.addWidget(title)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        top = QWidget(splitter)
        top_layout = QVBoxLayout(top)
        top_layout.setContentsMargins(0, 0, 0, 0)
        list_label = QLabel(self.tr("Li&ste des événements"), top)
        self.count_label = QLabel(top)
        self.count_label.setObjectName("events_count_label")
        header_row = QHBoxLayout()
        header_row.addWidget(list_label)
        header_row.addStretch(1)
        header_row.addWidget(self.count_label)
        top_layout.addLayout(header_row)
        self.model = EventsModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view = QTableView(top)
        view.setObjectName("events_view")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Col.STARTS, Qt.SortOrder.DescendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.STARTS, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Col.TITLE, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Col.KIND, 190), (Col.QPV, 200), (Col.PLACE, 170)):
            view.setColumnWidth(column, width)
        header.setSectionResizeMode(Col.HEADCOUNT, QHeaderView.ResizeMode.ResizeToContents)
        list_label.setBuddy(view)
        self.view = view
        top_layout.addWidget(view, 1)

        bottom = QWidget(splitter)
        self.form = Ui_EventForm()
        self.form.setupUi(bottom)
        form = self.form
        style_title(form.form_title_label, scale=1.2)
        fill_codes(form.kind_combo, "event_kinds")
        fill_codes(form.qpv_combo, "qpv", empty=self.tr("Non précisé"))
        form.ends_at_edit.setEnabled(False)
        self.messages = FieldMessages(
            {
                "kind": FieldSlot(form.kind_message_label, form.kind_combo),
                "title": FieldSlot(form.title_message_label, form.title_edit),
                "starts_at": FieldSlot(form.starts_at_message_label, form.starts_at_edit),
                "ends_at": FieldSlot(form.ends_at_message_label, form.ends_at_edit),
                "qpv": FieldSlot(form.qpv_message_label, form.qpv_combo),
                "place": FieldSlot(form.place_message_label, form.place_edit),
                "headcount": FieldSlot(form.headcount_message_label, form.headcount_spin),
                "partner_ids": FieldSlot(form.partner_ids_message_label, form.partners_list),
            },
            fallback=form.message_label,
        )
        splitter.addWidget(top)
        splitter.addWidget(bottom)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)

        form.has_end_check.toggled.connect(form.ends_at_edit.setEnabled)
        form.starts_at_edit.dateTimeChanged.connect(self._on_start_changed)
        form.save_button.clicked.connect(self.save)
        form.new_button.clicked.connect(self.new_event)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        for keys, slot in (("Ctrl+N", self.new_event), ("Ctrl+S", self.save)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        context.changes_saved.connect(self._on_changes_saved)
        self.new_event()
        self._show_count()

    # Life cycle

    def load(self) -> None:
        self._stale = False
        QueryOp(self, op=read_events, success=self._show).run()

    def drop_data(self) -> None:
        self._stale = False
        self._saving = False
        self.model.set_rows([])
        self.form.partners_list.clear()
        self.new_event()
        self._show_count()

    def focus_first_field(self) -> bool:
        self.form.kind_combo.setFocus()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self.load()

    def _on_changes_saved(self) -> None:
        # This page's own saves update the list themselves.
        if not self.isVisible():
            self._stale = True

    def _show(self, data: EventsData) -> None:
        self.model.set_rows(data.events)
        chosen = set(self._checked_partners())
        listing = self.form.partners_list
        listing.clear()
        for partner in data.partners:
            text = f"{partner.name} ({partner.commune})" if partner.commune else partner.name
            item = QListWidgetItem(text, listing)
            item.setData(PARTNER_ROLE, partner.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if partner.id in chosen else Qt.CheckState.Unchecked
            )
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            text = self.tr("Aucun événement")
        elif count == 1:
            text = self.tr("1 événement")
        else:
            text = self.tr("{count} événements").format(count=count)
        self.count_label.setText(text)

    # The form

    def new_event(self) -> None:
        form = self.form
        self.editing = None
        self.view.clearSelection()
        form.form_title_label.setText(self.tr("Nouvel événement"))
        set_combo_value(form.kind_combo, DEFAULT_KIND)
        form.title_edit.clear()
        start = now_utc().replace(minute=0, second=0, microsecond=0)
        form.starts_at_edit.setDateTime(to_qdatetime(start))
        form.has_end_check.setChecked(False)
        form.ends_at_edit.setDateTime(to_qdatetime(start + DEFAULT_LENGTH))
        set_combo_value(form.qpv_combo, None)
        form.place_edit.clear()
        form.headcount_spin.setValue(0)
        self._set_partners(())
        self.messages.clear()
        form.save_button.setText(self.tr("En&registrer l'événement"))

    def edit(self, event: Event) -> None:
        form = self.form
        self.editing = event
        form.form_title_label.setText(self.tr("Modifier l'événement"))
        set_combo_value(form.kind_combo, event.kind)
        form.title_edit.setText(event.title)
        form.title_edit.setCursorPosition(0)
        form.starts_at_edit.setDateTime(to_qdatetime(event.starts_at))
        form.has_end_check.setChecked(event.ends_at is not None)
        form.ends_at_edit.setDateTime(to_qdatetime(event.ends_at or event.starts_at))
        set_combo_value(form.qpv_combo, event.qpv)
        form.place_edit.setText(event.place or "")
        form.headcount_spin.setValue(event.headcount or 0)
        self._set_partners(event.partner_ids)
        self.messages.clear()
        form.save_button.setText(self.tr("En&registrer les modifications"))

    def _on_start_changed(self) -> None:
        form = self.form
        if not form.has_end_check.isChecked():
            form.ends_at_edit.setDateTime(
                form.starts_at_edit.dateTime().addSecs(int(DEFAULT_LENGTH.total_seconds()))
            )

    def _set_partners(self, ids: tuple[str, ...]) -> None:
        listing = self.form.partners_list
        for row in range(listing.count()):
            item = listing.item(row)
            checked = item.data(PARTNER_ROLE) in ids
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    def _checked_partners(self) -> tuple[str, ...]:
        listing = self.form.partners_list
        return tuple(
            listing.item(row).data(PARTNER_ROLE)
            for row in range(listing.count())
            if listing.item(row).checkState() == Qt.CheckState.Checked
        )

    def event_input(self) -> EventInput:
        form = self.form
        headcount = form.headcount_spin.value()
        return EventInput(
            kind=combo_value(form.kind_combo),
            title=form.title_edit.text(),
            starts_at=from_qdatetime(form.starts_at_edit.dateTime()),
            ends_at=(
                from_qdatetime(form.ends_at_edit.dateTime())
                if form.has_end_check.isChecked()
                else None
            ),
            qpv=combo_value(form.qpv_combo),
            place=form.place_edit.text() or None,
            partner_ids=self._checked_partners(),
            headcount=headcount or None,
        )

    def _on_selection_changed(self, *_args: object) -> None:
        rows = self.view.selectionModel().selectedRows()
        if rows:
            event = rows[0].data(ROW_ROLE)
            if isinstance(event, Event):
                self.edit(event)

    def save(self) -> None:
        if self._saving or not self.context.is_unlocked:
            return
        data = self.event_input()
        event_id = self.editing.id if self.editing else None

        def write(uow: UnitOfWork) -> Event:
            saved_id = event_id
            if saved_id is None:
                saved_id = create_event(uow=uow, data=data)
            else:
                update_event(uow=uow, event_id=saved_id, data=data)
            return get_event(uow.session, saved_id)

        self._saving = True
        self.messages.clear()
        WriteOp(self, op=write, success=self._on_saved).failure(self._on_save_failed).run()

    def _on_saved(self, event: Event) -> None:
        self._saving = False
        created = self.editing is None
        self.model.upsert(event)
        self._show_count()
        self.select(event.id)
        show_message(
            self.form.message_label,
            self.tr("Événement créé : choisissez-le dans Terrain pour y rattacher les contacts.")
            if created
            else self.tr("Événement modifié."),
            Tone.SUCCESS,
        )

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        if isinstance(error, ValidationFailed):
            messages = error.messages()
            self.messages.show(messages)
            self.messages.focus_first(messages)
            return
        show_failure(self, error)

    def select(self, event_id: str) -> None:
        position = self.model.position(event_id)
        if position is None:
            return
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        self.view.selectionModel().select(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.view.scrollTo(index)
