"""The timeline of a beneficiary file: intake, contacts (with their review), follow-ups,
referral history and exit, oldest first."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from mediateur.services.clock import format_moment
from mediateur.ui.fields import code_label
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.beneficiary_file import FileEntry

TO_CORRECT = "a_corriger"


class Col(IntEnum):
    WHEN = 0
    WHAT = 1
    DETAIL = 2
    REVIEW = 3


class TimelineModel(RowsModel["FileEntry"]):
    Col = Col

    def headers(self) -> Sequence[str]:
        return [self.tr("Date"), self.tr("Quoi"), self.tr("Détail"), self.tr("Revue")]

    def row_id(self, row: FileEntry) -> str:
        return f"{row.kind}:{row.record_id}:{row.at.isoformat()}"

    def display(self, row: FileEntry, column: Col) -> str:
        if column is Col.WHEN:
            return format_moment(row.at)
        if column is Col.WHAT:
            return row.title
        if column is Col.DETAIL:
            return " ".join((row.detail or "").split())
        if row.review_status is None:
            return ""
        label = code_label("review_statuses", row.review_status)
        if row.review_comment:
            return self.tr("{status} : {comment}").format(status=label, comment=row.review_comment)
        return label

    def sort_key(self, row: FileEntry, column: Col) -> str | int | float:
        if column is Col.WHEN:
            return row.at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: FileEntry, column: Col) -> str | None:
        if column is Col.DETAIL and row.detail:
            return row.detail
        if column in (Col.WHAT, Col.REVIEW):
            return self.display(row, column) or None
        return None

    def warning(self, row: FileEntry, column: Col) -> bool:
        return column is Col.REVIEW and row.review_status == TO_CORRECT
