"""À faire: the follow-ups whose planned date has come and the referrals waiting for an answer
for more than 10 days (computed by the services, never written), each opening the right file:
the person's, or the referral itself when it was made for an anonymous contact."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.services.todo import TodoItem, todo_list
from mediateur.ui.context import AppContext
from mediateur.ui.fields import style_hint
from mediateur.ui.models.base import ROW_ROLE, SORT_ROLE
from mediateur.ui.models.todo import Col, TodoModel
from mediateur.ui.tasks import QueryOp


class TodoView(QWidget):
    open_requested = Signal(str)  # beneficiary id
    counted = Signal(int)

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        layout = QVBoxLayout(self)
        explanation = QLabel(
            self.tr(
                "Suivis dont la prochaine étape est arrivée, et orientations sans réponse du "
                "partenaire depuis plus de 10 jours (à relancer). Entrée ouvre la fiche."
            ),
            self,
        )
        explanation.setWordWrap(True)
        style_hint(explanation)
        layout.addWidget(explanation)
        self.model = TodoModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setObjectName("todo_view")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Col.DUE, Qt.SortOrder.AscendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        for column in (Col.DUE, Col.KIND, Col.PERSON):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Col.WHAT, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.DETAIL, QHeaderView.ResizeMode.Stretch)
        view.setColumnWidth(Col.WHAT, 320)
        self.view = view
        layout.addWidget(view, 1)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        self.open_button = QPushButton(self.tr("O&uvrir"), self)
        buttons.addWidget(self.open_button)
        layout.addLayout(buttons)
        view.activated.connect(lambda _index: self.open_selected())
        self.open_button.clicked.connect(self.open_selected)
        view.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self._on_selection_changed()

    def load(self) -> None:
        QueryOp(self, op=lambda session: todo_list(session), success=self._show).run()

    def clear(self) -> None:
        self.model.set_rows([])
        self.counted.emit(0)

    def _show(self, items: list[TodoItem]) -> None:
        self.model.set_rows(items)
        self.counted.emit(len(items))
        self._on_selection_changed()

    def selected(self) -> TodoItem | None:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return None
        found = rows[0].data(ROW_ROLE)
        return found if isinstance(found, TodoItem) else None

    def _on_selection_changed(self, *_args: object) -> None:
        self.open_button.setEnabled(self.selected() is not None)

    def open_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        if item.beneficiary_id is not None:
            self.open_requested.emit(item.beneficiary_id)
        else:
            self.context.request_referral(item.record_id)
