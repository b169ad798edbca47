"""The Événements list: date, title, kind, QPV, place and headcount of each collective action."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from mediateur.domain.reference import fold
from mediateur.services.clock import format_moment
from mediateur.ui.fields import code_label
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.events import Event


class Col(IntEnum):
    STARTS = 0
    TITLE = 1
    KIND = 2
    QPV = 3
    PLACE = 4
    HEADCOUNT = 5


class EventsModel(RowsModel["Event"]):
    Col = Col

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Début"),
            self.tr("Intitulé"),
            self.tr("Type"),
            self.tr("QPV"),
            self.tr("Lieu"),
            self.tr("Personnes"),
        ]

    def row_id(self, row: Event) -> str:
        return row.id

    def display(self, row: Event, column: Col) -> str:
        if column is Col.STARTS:
            return format_moment(row.starts_at)
        if column is Col.TITLE:
            return row.title
        if column is Col.KIND:
            return code_label("event_kinds", row.kind)
        if column is Col.QPV:
            return code_label("qpv", row.qpv)
        if column is Col.PLACE:
            return row.place or ""
        return "" if row.headcount is None else str(row.headcount)

    def sort_key(self, row: Event, column: Col) -> str | int | float:
        if column is Col.STARTS:
            return row.starts_at.timestamp()
        if column is Col.HEADCOUNT:
            return -1 if row.headcount is None else row.headcount
        return fold(self.display(row, column))

    def tooltip(self, row: Event, column: Col) -> str | None:
        if column in (Col.TITLE, Col.PLACE):
            return self.display(row, column) or None
        return None
