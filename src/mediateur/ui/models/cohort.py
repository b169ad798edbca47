"""The Cohorte list: name, QPV, intake date, referent, status of every cohort member."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from enum import IntEnum
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from mediateur.domain.reference import fold
from mediateur.services.clock import format_day
from mediateur.ui.fields import code_label
from mediateur.ui.models.base import RowsModel

if TYPE_CHECKING:
    from mediateur.services.beneficiaries import BeneficiarySummary

EXITED = "sorti"


class Col(IntEnum):
    NAME = 0
    QPV = 1
    INTAKE = 2
    REFERENT = 3
    STATUS = 4


class CohortModel(RowsModel["BeneficiarySummary"]):
    Col = Col

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._users: dict[str, str] = {}

    def set_people(self, people: Sequence[BeneficiarySummary], users: Mapping[str, str]) -> None:
        """The people listed, and user id → display name for their referents."""
        self._users = dict(users)
        self.set_rows(people)

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Nom"),
            self.tr("QPV"),
            self.tr("Entrée"),
            self.tr("Référent"),
            self.tr("Statut"),
        ]

    def row_id(self, row: BeneficiarySummary) -> str:
        return row.id

    def referent(self, row: BeneficiarySummary) -> str:
        if row.referent_name:
            return row.referent_name
        return self._users.get(row.referent_user_id or "", "")

    def display(self, row: BeneficiarySummary, column: Col) -> str:
        if column is Col.NAME:
            if row.anonymised_at is not None:
                return self.tr("Personne anonymisée")
            return row.display_name
        if column is Col.QPV:
            return code_label("qpv", row.qpv)
        if column is Col.INTAKE:
            return format_day(row.intake_date)
        if column is Col.REFERENT:
            return self.referent(row)
        if row.status == EXITED:
            return self.tr("Sorti le {date}").format(date=format_day(row.exit_date))
        return code_label("beneficiary_statuses", row.status)

    def sort_key(self, row: BeneficiarySummary, column: Col) -> str | int | float:
        # Anonymised people last, then by folded name.
        hidden = int(row.anonymised_at is not None)
        name = f"{hidden}{fold(row.last_name or '')}\t{fold(row.first_name or '')}"
        if column is Col.NAME:
            return name
        if column is Col.INTAKE:
            return f"{row.intake_date.isoformat() if row.intake_date else ''}\t{name}"
        if column is Col.STATUS:
            return f"{row.status or ''}\t{name}"
        return f"{fold(self.display(row, column))}\t{name}"
