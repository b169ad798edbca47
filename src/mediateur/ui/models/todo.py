"""The À faire list: follow-ups whose date has come and referrals to chase, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from mediateur.domain.reference import fold
from mediateur.services.clock import format_day, today
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.todo import TodoItem


class Col(IntEnum):
    DUE = 0
    KIND = 1
    PERSON = 2
    WHAT = 3
    DETAIL = 4


class TodoModel(RowsModel["TodoItem"]):
    Col = Col

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Échéance"),
            self.tr("Type"),
            self.tr("Personne"),
            self.tr("À faire"),
            self.tr("Détail"),
        ]

    def row_id(self, row: TodoItem) -> str:
        return f"{row.kind}:{row.record_id}"

    def display(self, row: TodoItem, column: Col) -> str:
        if column is Col.DUE:
            return format_day(row.due)
        if column is Col.KIND:
            return self.tr("Suivi") if row.kind == "follow_up" else self.tr("Orientation")
        if column is Col.PERSON:
            return row.person_name or self.tr("Contact sans fiche")
        if column is Col.WHAT:
            return row.title
        return row.detail or ""

    def sort_key(self, row: TodoItem, column: Col) -> str | int | float:
        if column is Col.DUE:
            return row.due.toordinal()
        return fold(self.display(row, column))

    def tooltip(self, row: TodoItem, column: Col) -> str | None:
        if column in (Col.WHAT, Col.DETAIL):
            return self.display(row, column) or None
        return None

    def warning(self, row: TodoItem, column: Col) -> bool:
        return column is Col.DUE and row.due < today()
