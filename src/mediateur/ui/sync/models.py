"""The two lists of the Synchronisation page: edits the server refused (with its reason) and
values lost to another computer's edit (both values side by side)."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from mediateur.services.clock import format_moment
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.sync_inbox import LostValue, RefusedEdit


class RefusedCol(IntEnum):
    RECORD = 0
    OPERATION = 1
    REASON = 2
    WHEN = 3


class RefusedEditsModel(RowsModel["RefusedEdit"]):
    Col = RefusedCol

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Fiche"),
            self.tr("Action"),
            self.tr("Motif du refus"),
            self.tr("Refusée le"),
        ]

    def row_id(self, row: RefusedEdit) -> str:
        return str(row.id)

    def display(self, row: RefusedEdit, column: RefusedCol) -> str:
        if column is RefusedCol.RECORD:
            return row.record
        if column is RefusedCol.OPERATION:
            return row.operation
        if column is RefusedCol.REASON:
            return row.reason
        return format_moment(row.failed_at)

    def sort_key(self, row: RefusedEdit, column: RefusedCol) -> str | int | float:
        if column is RefusedCol.WHEN:
            return row.failed_at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: RefusedEdit, column: RefusedCol) -> str | None:
        if column in (RefusedCol.RECORD, RefusedCol.REASON):
            return self.display(row, column)
        return None

    def warning(self, row: RefusedEdit, column: RefusedCol) -> bool:
        return column is RefusedCol.REASON


class LostCol(IntEnum):
    RECORD = 0
    FIELD = 1
    YOURS = 2
    KEPT = 3
    WHEN = 4


class LostValuesModel(RowsModel["LostValue"]):
    Col = LostCol

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Fiche"),
            self.tr("Champ"),
            self.tr("Votre valeur"),
            self.tr("Valeur retenue"),
            self.tr("Reçu le"),
        ]

    def row_id(self, row: LostValue) -> str:
        return str(row.id)

    def display(self, row: LostValue, column: LostCol) -> str:
        if column is LostCol.RECORD:
            return row.record
        if column is LostCol.FIELD:
            return row.field
        if column is LostCol.YOURS:
            return row.yours
        if column is LostCol.KEPT:
            return row.kept
        return format_moment(row.received_at)

    def sort_key(self, row: LostValue, column: LostCol) -> str | int | float:
        if column is LostCol.WHEN:
            return row.received_at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: LostValue, column: LostCol) -> str | None:
        if column is LostCol.KEPT and not row.concurrent:
            return self.tr("La fiche a été supprimée ou effacée sur le serveur entre-temps.")
        if column in (LostCol.RECORD, LostCol.YOURS, LostCol.KEPT):
            return self.display(row, column)
        return None
