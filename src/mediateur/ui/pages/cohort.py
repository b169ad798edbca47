"""Cohorte: the people the programme follows.

The page shows, one at a time: the list (searchable, sortable by name, QPV, intake date, referent
and status) beside the À faire tab; the intake form (a new person, or an edited file); and a
person's file with its timeline and actions. Ctrl+N starts an intake, Ctrl+F searches, the file's
"Retour à la liste" (or Échap in the form) comes back.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from mediateur.services.beneficiaries import Beneficiary, BeneficiarySummary, list_beneficiaries
from mediateur.services.context import current_context, user_names
from mediateur.ui.context import AppContext
from mediateur.ui.models.base import ID_ROLE, SORT_ROLE
from mediateur.ui.models.cohort import CohortModel, Col
from mediateur.ui.pages.base import Page
from mediateur.ui.pages.beneficiary_file import BeneficiaryFileView
from mediateur.ui.pages.intake import IntakeView
from mediateur.ui.pages.todo import TodoView
from mediateur.ui.tasks import QueryOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SEARCH_DELAY_MS = 250


@dataclass(frozen=True, slots=True)
class CohortList:
    people: list[BeneficiarySummary]
    users: dict[str, str]


def read_cohort(
    session: Session, *, search: str, status: str | None, install_id: str
) -> CohortList:
    context = current_context(session, install_id)
    return CohortList(
        people=list_beneficiaries(session, search=search, status=status),
        users=user_names(session, context),
    )


class CohortListView(QWidget):
    open_requested = Signal(str)
    new_requested = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        search_label = QLabel(self.tr("&Rechercher"), self)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Nom, prénom, téléphone ou courriel"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        status_label = QLabel(self.tr("S&tatut"), self)
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.addItem(self.tr("Tous"), None)
        self.status_combo.addItem(self.tr("Actifs"), "actif")
        self.status_combo.addItem(self.tr("Sortis"), "sorti")
        status_label.setBuddy(self.status_combo)
        self.new_button = QPushButton(self.tr("&Nouvelle inscription… (Ctrl+N)"), self)
        bar.addWidget(search_label)
        bar.addWidget(self.search_edit, 1)
        bar.addSpacing(12)
        bar.addWidget(status_label)
        bar.addWidget(self.status_combo)
        bar.addSpacing(12)
        bar.addWidget(self.new_button)
        layout.addLayout(bar)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.message_label = QLabel(self)
        self.message_label.setObjectName("list_message_label")
        self.message_label.setWordWrap(True)
        counts = QHBoxLayout()
        counts.addWidget(self.count_label)
        counts.addWidget(self.message_label, 1)
        layout.addLayout(counts)
        self.model = CohortModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setObjectName("cohort_view")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Col.NAME, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.QPV, QHeaderView.ResizeMode.Stretch)
        for column, width in ((Col.NAME, 240), (Col.INTAKE, 110), (Col.REFERENT, 170)):
            view.setColumnWidth(column, width)
        view.setColumnWidth(Col.STATUS, 150)
        self.view = view
        layout.addWidget(view, 1)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.load)
        self.search_edit.textChanged.connect(lambda _text: self._search_timer.start())
        self.search_edit.returnPressed.connect(self._on_search_return)
        self.status_combo.activated.connect(lambda _index: self.load())
        self.new_button.clicked.connect(self.new_requested)
        view.activated.connect(self._on_activated)
        self._show_count()

    def load(self) -> None:
        self._search_timer.stop()
        if not self.context.is_unlocked:
            return
        search = self.search_edit.text()
        status = self.status_combo.currentData()
        install_id = self.context.vault.install_id
        QueryOp(
            self,
            op=lambda session: read_cohort(
                session, search=search, status=status, install_id=install_id
            ),
            success=self._show,
        ).run()

    def clear(self) -> None:
        self._search_timer.stop()
        self.search_edit.blockSignals(True)
        self.search_edit.clear()
        self.search_edit.blockSignals(False)
        self.model.set_people([], {})
        show_message(self.message_label, "")
        self._show_count()

    def say(self, text: str) -> None:
        show_message(self.message_label, text, Tone.SUCCESS)

    def _show(self, listing: CohortList) -> None:
        self.model.set_people(listing.people, listing.users)
        self._show_count()

    def _show_count(self) -> None:
        count = self.model.rowCount()
        if count == 0:
            text = self.tr("Aucune personne")
        elif count == 1:
            text = self.tr("1 personne")
        else:
            text = self.tr("{count} personnes").format(count=count)
        self.count_label.setText(text)

    def _on_search_return(self) -> None:
        self.load()
        if self.proxy.rowCount() > 0:
            self.view.setFocus()
            self.view.selectRow(0)

    def _on_activated(self, index: QModelIndex) -> None:
        beneficiary_id = index.data(ID_ROLE)
        if isinstance(beneficiary_id, str):
            self.open_requested.emit(beneficiary_id)


class CohortPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self._stale = False
        layout = QVBoxLayout(self)
        self.stack = QStackedWidget(self)
        layout.addWidget(self.stack)

        self.home = QWidget(self.stack)
        home_layout = QVBoxLayout(self.home)
        home_layout.setContentsMargins(0, 0, 0, 0)
        title = QLabel(self.tr("Cohorte"), self.home)
        title.setObjectName("cohort_title_label")
        style_title(title)
        home_layout.addWidget(title)
        self.tabs = QTabWidget(self.home)
        self.list_view = CohortListView(context, self.tabs)
        self.todo_view = TodoView(context, self.tabs)
        self.tabs.addTab(self.list_view, self.tr("&Bénéficiaires"))
        self.tabs.addTab(self.todo_view, self.tr("À &faire"))
        home_layout.addWidget(self.tabs, 1)
        self.intake_view = IntakeView(self.stack)
        self.file_view = BeneficiaryFileView(context, self.stack)
        for view in (self.home, self.intake_view, self.file_view):
            self.stack.addWidget(view)

        self.list_view.open_requested.connect(self.open_file)
        self.list_view.new_requested.connect(self.new_intake)
        self.todo_view.open_requested.connect(self.open_file)
        self.todo_view.counted.connect(self._on_todo_counted)
        self.intake_view.saved.connect(self._on_intake_saved)
        self.intake_view.cancelled.connect(self._on_intake_cancelled)
        self.intake_view.open_requested.connect(self.open_file)
        self.file_view.back_requested.connect(self.show_home)
        self.file_view.edit_requested.connect(self.edit_file)
        self.file_view.erased.connect(self._on_erased)
        for keys, slot in (("Ctrl+N", self.new_intake), ("Ctrl+F", self.focus_search)):
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)
        context.changes_saved.connect(self._on_changes_saved)
        self._on_todo_counted(0)

    # Life cycle

    def load(self) -> None:
        self._stale = False
        self.list_view.load()
        self.todo_view.load()
        if self.stack.currentWidget() is self.file_view:
            self.file_view.reload()

    def drop_data(self) -> None:
        self._stale = False
        self.list_view.clear()
        self.todo_view.clear()
        self.intake_view.clear()
        self.file_view.clear()
        self.stack.setCurrentWidget(self.home)

    def show_record(self, record_id: str) -> None:
        self.open_file(record_id)

    def focus_first_field(self) -> bool:
        current = self.stack.currentWidget()
        if current is self.intake_view:
            self.intake_view.form.last_name_edit.setFocus()
        elif current is self.file_view:
            self.file_view.timeline_view.setFocus()
        elif self.tabs.currentWidget() is self.todo_view:
            self.todo_view.view.setFocus()
        else:
            self.list_view.search_edit.setFocus()
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self.load()

    def _on_changes_saved(self) -> None:
        if self.isVisible():
            self.load()
        else:
            self._stale = True

    # Navigation

    def show_home(self) -> None:
        self.stack.setCurrentWidget(self.home)
        self.file_view.clear()
        self.focus_first_field()

    def focus_search(self) -> None:
        if self.stack.currentWidget() is self.home:
            self.tabs.setCurrentWidget(self.list_view)
            self.list_view.search_edit.setFocus()
            self.list_view.search_edit.selectAll()

    def new_intake(self) -> None:
        if self.stack.currentWidget() is self.intake_view:
            return
        self.intake_view.start_new()
        self.stack.setCurrentWidget(self.intake_view)
        self.intake_view.form.last_name_edit.setFocus()

    def edit_file(self, person: Beneficiary) -> None:
        self.intake_view.start_edit(person)
        self.stack.setCurrentWidget(self.intake_view)
        self.intake_view.form.last_name_edit.setFocus()

    def open_file(self, beneficiary_id: str) -> None:
        self.file_view.show_file(beneficiary_id)
        self.stack.setCurrentWidget(self.file_view)
        self.file_view.timeline_view.setFocus()

    def _on_intake_saved(self, beneficiary_id: str) -> None:
        self.intake_view.clear()
        self.open_file(beneficiary_id)

    def _on_intake_cancelled(self) -> None:
        editing = self.intake_view.editing
        self.intake_view.clear()
        if editing is not None:
            self.open_file(editing.id)
        else:
            self.show_home()

    def _on_erased(self, name: str) -> None:
        self.show_home()
        self.list_view.say(
            self.tr("La fiche de {name} a été effacée définitivement.").format(name=name)
        )

    def _on_todo_counted(self, count: int) -> None:
        index = self.tabs.indexOf(self.todo_view)
        if count:
            self.tabs.setTabText(index, self.tr("À &faire ({count})").format(count=count))
        else:
            self.tabs.setTabText(index, self.tr("À &faire"))
