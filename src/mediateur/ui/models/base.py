"""The read-only table model the lists share: frozen rows, a `Col` enum, and named roles.

Subclasses say what a cell shows (`display`), how its column sorts (`sort_key`, a string or a
number so that a `QSortFilterProxyModel` can compare it), and optionally a tooltip and a colour.
`ROW_ROLE` gives the row itself and `ID_ROLE` its record id, so views never index the rows
themselves. Rows are replaced as a whole (`set_rows`), or one at a time after a save (`upsert`).
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

R = TypeVar("R")
Index = QModelIndex | QPersistentModelIndex

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
ID_ROLE = Qt.ItemDataRole.UserRole + 3
WARNING_COLOUR = QColor("#b3261e")
# Views ask for many roles on every paint; those not listed here are answered at once.
_ANSWERED = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        SORT_ROLE,
        ROW_ROLE,
        ID_ROLE,
    )
)


class RowsModel(QAbstractTableModel, Generic[R]):
    Col: ClassVar[type[IntEnum]]

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[R] = []
        self._columns = tuple(self.Col)

    # What subclasses say

    def headers(self) -> Sequence[str]:
        raise NotImplementedError

    def row_id(self, row: R) -> str:
        raise NotImplementedError

    def display(self, row: R, column: Any) -> str:
        raise NotImplementedError

    def sort_key(self, row: R, column: Any) -> str | int | float:
        return self.display(row, column).casefold()

    def tooltip(self, row: R, column: Any) -> str | None:
        return None

    def warning(self, row: R, column: Any) -> bool:
        """Whether the cell shows something to act on (drawn in the warning colour)."""
        return False

    # Qt

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.Col)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if int(role) not in _ANSWERED or not index.isValid():
            return None
        position = index.row()
        if not 0 <= position < len(self._rows):
            return None
        row = self._rows[position]
        column = self._columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self.display(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return WARNING_COLOUR if self.warning(row, column) else None
        if role == SORT_ROLE:
            return self.sort_key(row, column)
        if role == ROW_ROLE:
            return row
        if role == ID_ROLE:
            return self.row_id(row)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation == Qt.Orientation.Horizontal
            and 0 <= section < len(self.Col)
        ):
            return self.headers()[section]
        return None

    # Rows

    def set_rows(self, rows: Sequence[R]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> tuple[R, ...]:
        return tuple(self._rows)

    def row_at(self, row: int) -> R:
        return self._rows[row]

    def position(self, record_id: str) -> int | None:
        return next((i for i, r in enumerate(self._rows) if self.row_id(r) == record_id), None)

    def upsert(self, row: R) -> int:
        """Replace the row with the same id, or insert it first; returns its position."""
        found = self.position(self.row_id(row))
        if found is not None:
            self._rows[found] = row
            self.dataChanged.emit(self.index(found, 0), self.index(found, len(self.Col) - 1))
            return found
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._rows.insert(0, row)
        self.endInsertRows()
        return 0
