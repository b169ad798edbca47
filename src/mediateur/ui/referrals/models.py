"""The Orientations list: one row per referral (`ReferralModel`), filtered by status, by "à
relancer" or expired, by event and by free text in a proxy (`ReferralFilter`); and what the
detail panel of one referral shows (`ReferralDetail`, read on the database lane).

"À relancer" is computed by the referral service when reading (sent or received, no change for
more than 10 days); "expirée" is the server's status. Sorting uses named roles, so a number such
as RD-…-12 sorts after RD-…-9 and dates sort as time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSortFilterProxyModel

from mediateur.domain.reference import fold, reference_data
from mediateur.services import clock
from mediateur.services.errors import RecordNotFound
from mediateur.services.events import Event, list_events
from mediateur.services.partners import get_partner, get_service
from mediateur.services.referrals import (
    Referral,
    ReferralEvent,
    ReferralRow,
    allowed_transitions,
    get_referral,
    list_referral_events,
    list_referrals,
)
from mediateur.services.slips import event_referral_ids
from mediateur.ui.models.base import ROW_ROLE, SORT_ROLE, RowsModel

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

EXPIRED = "expiree"
REMINDER = "a_relancer"  # the status filter's "à relancer", not a status


def number_key(number: str | None) -> str:
    """RD-ABC123-20260316-9 before RD-ABC123-20260316-10."""
    prefix, _, n = (number or "").rpartition("-")
    return f"{prefix}-{int(n):06d}" if n.isdigit() else (number or "")


@dataclass(frozen=True, slots=True)
class Listing:
    rows: tuple[ReferralRow, ...]
    events: tuple[Event, ...]


def load_listing(session: Session) -> Listing:
    return Listing(tuple(list_referrals(session)), tuple(list_events(session)))


@dataclass(frozen=True, slots=True)
class ReferralDetail:
    referral: Referral
    partner_name: str
    service_name: str | None
    history: tuple[ReferralEvent, ...]
    next_statuses: tuple[str, ...]


def load_detail(session: Session, referral_id: str) -> ReferralDetail:
    found = get_referral(session, referral_id)
    try:
        partner_name = get_partner(session, found.partner_id).nom
    except RecordNotFound:
        partner_name = "Partenaire inconnu"
    service_name = None
    if found.service_id:
        try:
            service_name = get_service(session, found.service_id).nom
        except RecordNotFound:
            service_name = None
    return ReferralDetail(
        referral=found,
        partner_name=partner_name,
        service_name=service_name,
        history=tuple(list_referral_events(session, referral_id)),
        next_statuses=allowed_transitions(found.status),
    )


def load_event_referrals(session: Session, event_id: str) -> tuple[str, ...]:
    """The referrals of an event, in number order (the order of the batch print)."""
    return tuple(event_referral_ids(session, event_id))


class ReferralModel(RowsModel[ReferralRow]):
    class Col(IntEnum):
        NUMBER = 0
        PERSON = 1
        PARTNER = 2
        STATUS = 3
        CHANGED = 4

    def headers(self) -> Sequence[str]:
        return (
            self.tr("Numéro"),
            self.tr("Personne"),
            self.tr("Partenaire"),
            self.tr("Statut"),
            self.tr("Dernier changement"),
        )

    def row_id(self, row: ReferralRow) -> str:
        return row.referral.id

    def display(self, row: ReferralRow, column: Col) -> str:  # type: ignore[override]
        referral = row.referral
        if column is self.Col.NUMBER:
            return referral.number or ""
        if column is self.Col.PERSON:
            if row.person_name:
                return row.person_name
            return self.tr("Contact sans nom") if referral.contact_id else self.tr("Inconnue")
        if column is self.Col.PARTNER:
            return row.partner_name
        if column is self.Col.STATUS:
            status = reference_data().label("referral_statuses", referral.status)
            if row.reminder_due or referral.status == EXPIRED:
                return self.tr("{status} · à relancer").format(status=status)
            return status
        return clock.format_moment(row.last_change_at)

    def sort_key(self, row: ReferralRow, column: Col) -> str | int | float:  # type: ignore[override]
        if column is self.Col.NUMBER:
            return number_key(row.referral.number)
        if column is self.Col.CHANGED:
            return row.last_change_at.timestamp()
        return self.display(row, column).casefold()

    def tooltip(self, row: ReferralRow, column: Col) -> str | None:  # type: ignore[override]
        if column is not self.Col.STATUS:
            return None
        if row.reminder_due:
            return self.tr("Sans nouvelles du partenaire depuis plus de 10 jours.")
        if row.referral.status == EXPIRED:
            return self.tr("Le partenaire n'a pas répondu en 30 jours.")
        return None

    def warning(self, row: ReferralRow, column: Col) -> bool:  # type: ignore[override]
        return column is self.Col.STATUS and (row.reminder_due or row.referral.status == EXPIRED)


class ReferralFilter(QSortFilterProxyModel):
    """Status (a slug, `a_relancer`, or None for all), an event's referrals, and free text over
    the number, the person and the partner (accents and case folded)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.status: str | None = None
        self.event_referrals: frozenset[str] | None = None
        self.words: list[str] = []
        self.setSortRole(SORT_ROLE)
        self.setDynamicSortFilter(True)

    def set_status(self, status: str | None) -> None:
        self.beginFilterChange()
        self.status = status
        self.endFilterChange()

    def set_event_referrals(self, ids: frozenset[str] | None) -> None:
        self.beginFilterChange()
        self.event_referrals = ids
        self.endFilterChange()

    def set_text(self, text: str) -> None:
        self.beginFilterChange()
        self.words = fold(text).split()
        self.endFilterChange()

    def filterAcceptsRow(self, source_row: int, source_parent: Any) -> bool:
        model = self.sourceModel()
        index: QModelIndex | QPersistentModelIndex = model.index(source_row, 0, source_parent)
        row: ReferralRow | None = model.data(index, ROW_ROLE)
        if row is None:
            return False
        if self.status == REMINDER:
            if not row.reminder_due:
                return False
        elif self.status is not None and row.referral.status != self.status:
            return False
        if self.event_referrals is not None and row.referral.id not in self.event_referrals:
            return False
        if self.words:
            haystack = fold(
                " ".join((row.referral.number or "", row.person_name or "", row.partner_name))
            )
            return all(word in haystack for word in self.words)
        return True
