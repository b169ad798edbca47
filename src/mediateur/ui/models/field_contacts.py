"""The Terrain list: today's contacts of this user, most recent first, with the managers' review
(a contact to correct shows the comment in the warning colour); or the contacts to correct, of
any day, whose time then carries its date."""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from mediateur.services.clock import PARIS
from mediateur.ui.fields import code_label
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.field_entry import FieldContact

TO_CORRECT = "a_corriger"


class Col(IntEnum):
    TIME = 0
    GENDER = 1
    AGE = 2
    CHANNEL = 3
    OUTCOME = 4
    THEMES = 5
    PERSON = 6
    NOTE = 7
    REVIEW = 8


class FieldContactsModel(RowsModel["FieldContact"]):
    Col = Col
    # Contacts of several days: the time column shows the date too.
    with_day = False

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Heure"),
            self.tr("Genre"),
            self.tr("Âge"),
            self.tr("Canal"),
            self.tr("Suite donnée"),
            self.tr("Freins"),
            self.tr("Personne"),
            self.tr("Note"),
            self.tr("Revue"),
        ]

    def row_id(self, row: FieldContact) -> str:
        return row.contact.id

    def display(self, row: FieldContact, column: Col) -> str:
        found = row.contact
        if column is Col.TIME:
            moment = found.occurred_at.astimezone(PARIS)
            return moment.strftime("%d/%m %H:%M" if self.with_day else "%H:%M")
        if column is Col.GENDER:
            return code_label("genders", found.gender)
        if column is Col.AGE:
            return code_label("age_bands", found.age_band)
        if column is Col.CHANNEL:
            return code_label("channels", found.channel)
        if column is Col.OUTCOME:
            return code_label("outcomes", found.outcome)
        if column is Col.THEMES:
            return ", ".join(code_label("freins", slug) for slug in found.themes)
        if column is Col.PERSON:
            return row.person_name or self.tr("Anonyme")
        if column is Col.NOTE:
            return " ".join((found.note or "").split())
        return self.review_text(row)

    def review_text(self, row: FieldContact) -> str:
        found = row.contact
        if found.review_status is None:
            return ""
        label = code_label("review_statuses", found.review_status)
        if found.review_comment:
            return self.tr("{status} : {comment}").format(
                status=label, comment=found.review_comment
            )
        return label

    def sort_key(self, row: FieldContact, column: Col) -> str | int | float:
        if column is Col.TIME:
            return row.contact.occurred_at.timestamp()
        return super().sort_key(row, column)

    def tooltip(self, row: FieldContact, column: Col) -> str | None:
        if column in (Col.REVIEW, Col.NOTE, Col.THEMES):
            return self.display(row, column) or None
        return None

    def warning(self, row: FieldContact, column: Col) -> bool:
        return column is Col.REVIEW and row.contact.review_status == TO_CORRECT
