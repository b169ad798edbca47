"""Merging two records of one person (DESIGN.md §7): the probable duplicates of the cohort, what a
merge would move, and the merge itself — a manager's act, within their own organisation.

Everything under the duplicate moves to the record kept: contacts and referrals are re-attached
(their `beneficiary_id` changes; a referral's history follows it), and follow-ups, which the
server keeps append-only, are copied under the kept record with the same date, kind and text
while the originals go with the duplicate. The kept record's empty identity and contact fields
take the duplicate's values, its last contact date the later of the two; then the duplicate is
marked `merged_into` the kept record and deleted.

All of it is one unit of work, and the order of its outbox entries is the order the server
applies them in: every child is moved before the duplicate's delete arrives, so the server's
delete cascade (which tombstones a deleted person's follow-ups and referrals and unlinks their
contacts) finds nothing left to withdraw but the original follow-ups, already copied. Locally the
originals are tombstoned without an outbox entry, as the cascade does (`services/rights.py`).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediateur.services.beneficiaries import Beneficiary, DuplicateIndex, display_name
from mediateur.services.errors import ServiceError
from mediateur.services.records import live_row, to_view
from mediateur.services.review import Viewer, require_manager
from mediateur.store.schema import beneficiary, contact, follow_up, referral
from mediateur.store.unit_of_work import UnitOfWork

# Fields of the kept record filled from the duplicate when the kept one has none.
FILLED_WHEN_EMPTY = (
    "birth_date",
    "gender",
    "age_band",
    "phone",
    "email",
    "address",
    "postcode",
    "commune",
    "qpv",
    "contact_preference",
    "ft_category",
    "education_level",
    "diploma_obtained",
    "project",
    "referent_user_id",
    "referent_name",
    "source_contact_id",
    "source_partner",
    "notice_given_at",
    "notice_mode",
)
_FOLLOW_UP_FIELDS = ("occurred_at", "kind", "summary", "next_step", "next_date")


@dataclass(frozen=True, slots=True)
class MergeSide:
    """One of the two records, as the comparison shows it."""

    person: Beneficiary
    contacts: int
    follow_ups: int
    referrals: int


@dataclass(frozen=True, slots=True)
class DuplicatePair:
    first: MergeSide
    second: MergeSide
    # Why the duplicate rule matched them (None for two records picked by hand).
    reason: str | None


@dataclass(frozen=True, slots=True)
class MergeReport:
    kept_id: str
    merged_id: str
    contacts: int
    follow_ups: int
    referrals: int
    filled_fields: tuple[str, ...]


class MergeRefused(ServiceError):
    code = "merge_refused"


def _children(session: Session, table: Any, beneficiary_id: str) -> list[dict[str, Any]]:
    query = select(table).where(
        table.c.beneficiary_id == beneficiary_id, table.c.deleted.is_(False)
    )
    return [dict(row) for row in session.execute(query).mappings()]


def _count(session: Session, table: Any, beneficiary_id: str) -> int:
    query = (
        select(func.count())
        .select_from(table)
        .where(table.c.beneficiary_id == beneficiary_id, table.c.deleted.is_(False))
    )
    return int(session.scalar(query) or 0)


def _side(session: Session, person: Mapping[str, Any]) -> MergeSide:
    return MergeSide(
        person=to_view(Beneficiary, person),
        contacts=_count(session, contact, person["id"]),
        follow_ups=_count(session, follow_up, person["id"]),
        referrals=_count(session, referral, person["id"]),
    )


def _mergeable(session: Session, viewer: Viewer, beneficiary_id: str) -> dict[str, Any]:
    row = live_row(session, "beneficiary", beneficiary_id)
    if not viewer.owns(row["organisation_id"]):
        raise MergeRefused(
            "Cette personne est suivie par une autre structure : seuls ses responsables peuvent "
            "fusionner sa fiche."
        )
    if row["anonymised_at"] is not None:
        raise MergeRefused(
            "Une fiche anonymisée (conservation de 24 mois dépassée) ne peut plus être fusionnée."
        )
    return row


def compare(session: Session, first_id: str, second_id: str) -> DuplicatePair:
    """Both records side by side with what each holds, before choosing the one to keep."""
    viewer = require_manager(session)
    if first_id == second_id:
        raise MergeRefused("Choisissez deux fiches différentes.")
    first = _mergeable(session, viewer, first_id)
    second = _mergeable(session, viewer, second_id)
    return DuplicatePair(_side(session, first), _side(session, second), reason=None)


def probable_duplicates(session: Session) -> list[DuplicatePair]:
    """Pairs of the organisation's people the duplicate rule of the intake form matches (name in
    any order, accents and case ignored, with the same birth date — or phone, e-mail or intake
    date when a birth date is missing), in name order."""
    viewer = require_manager(session)
    rows = {
        row["id"]: dict(row)
        for row in session.execute(
            select(beneficiary).where(
                beneficiary.c.deleted.is_(False), beneficiary.c.anonymised_at.is_(None)
            )
        ).mappings()
        if viewer.owns(row["organisation_id"])
    }
    index = DuplicateIndex()
    for row in rows.values():
        index.add(row)
    seen: set[frozenset[str]] = set()
    pairs: list[DuplicatePair] = []
    for row in rows.values():
        for candidate in index.match(row, exclude_id=row["id"]):
            key = frozenset((row["id"], candidate.id))
            if key in seen or candidate.id not in rows:
                continue
            seen.add(key)
            first, second = sorted((row, rows[candidate.id]), key=lambda r: r["created_at"])
            pairs.append(
                DuplicatePair(_side(session, first), _side(session, second), candidate.reason)
            )
    return sorted(
        pairs,
        key=lambda p: display_name(p.first.person.last_name, p.first.person.first_name).lower(),
    )


def merge_beneficiaries(*, uow: UnitOfWork, keep_id: str, duplicate_id: str) -> MergeReport:
    """Merge `duplicate_id` into `keep_id` (see the module docstring); nothing is written when
    refused."""
    session = uow.session
    viewer = require_manager(session)
    if keep_id == duplicate_id:
        raise MergeRefused("Choisissez deux fiches différentes.")
    kept = _mergeable(session, viewer, keep_id)
    duplicate = _mergeable(session, viewer, duplicate_id)
    contacts = _children(session, contact, duplicate_id)
    referrals = _children(session, referral, duplicate_id)
    follow_ups = _children(session, follow_up, duplicate_id)
    foreign = [
        r for r in (*contacts, *referrals, *follow_ups) if not viewer.owns(r["organisation_id"])
    ]
    if foreign:
        raise MergeRefused(
            "Une autre structure a saisi des contacts, suivis ou orientations sur la fiche à "
            "fusionner : ils ne peuvent être déplacés que par elle. Demandez-lui de les retirer, "
            "ou gardez cette fiche."
        )
    for row in contacts:
        uow.update("contact", row["id"], {"beneficiary_id": keep_id})
    for row in referrals:
        uow.update("referral", row["id"], {"beneficiary_id": keep_id})
    for row in follow_ups:
        uow.create(
            "follow_up",
            {"beneficiary_id": keep_id, **{name: row[name] for name in _FOLLOW_UP_FIELDS}},
        )
    filled = {
        name: duplicate[name]
        for name in FILLED_WHEN_EMPTY
        if kept[name] is None and duplicate[name] is not None
    }
    latest = _latest(kept["last_contact_at"], duplicate["last_contact_at"])
    if latest != kept["last_contact_at"]:
        filled["last_contact_at"] = latest
    if filled:
        uow.update("beneficiary", keep_id, filled)
    uow.update("beneficiary", duplicate_id, {"merged_into": keep_id})
    uow.delete("beneficiary", duplicate_id)
    for row in follow_ups:
        uow.tombstone_locally("follow_up", row["id"])
    return MergeReport(
        kept_id=keep_id,
        merged_id=duplicate_id,
        contacts=len(contacts),
        follow_ups=len(follow_ups),
        referrals=len(referrals),
        filled_fields=tuple(name for name in filled if name != "last_contact_at"),
    )


def _latest(first: date | None, second: date | None) -> date | None:
    known = [d for d in (first, second) if d is not None]
    return max(known) if known else None
