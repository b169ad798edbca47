"""What the beneficiary file shows: the person, their referent's name, the timeline of everything
recorded about them (with the managers' review of each contact), and what erasing them would
touch, so the confirmation can say it before anything is written."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from mediateur.services.beneficiaries import EXITED, Beneficiary, get_beneficiary
from mediateur.services.context import DeviceContext, user_names
from mediateur.services.rights import CascadeReport
from mediateur.services.timeline import beneficiary_timeline
from mediateur.store.schema import contact, follow_up, referral, referral_event


@dataclass(frozen=True, slots=True)
class FileEntry:
    """One line of the timeline; contacts carry their review (`a_corriger` and a comment)."""

    at: datetime
    kind: str  # "intake", "contact", "follow_up", "referral", "exit"
    title: str
    detail: str | None
    entity: str
    record_id: str
    review_status: str | None = None
    review_comment: str | None = None


@dataclass(frozen=True, slots=True)
class BeneficiaryFile:
    person: Beneficiary
    referent: str | None
    timeline: tuple[FileEntry, ...]
    erasure: CascadeReport

    @property
    def active(self) -> bool:
        return self.person.status != EXITED

    @property
    def editable(self) -> bool:
        return self.person.anonymised_at is None


def load_file(
    session: Session, beneficiary_id: str, *, context: DeviceContext | None = None
) -> BeneficiaryFile:
    person = get_beneficiary(session, beneficiary_id)
    referent = person.referent_name
    if referent is None and person.referent_user_id:
        referent = user_names(session, context).get(person.referent_user_id)
    entries = beneficiary_timeline(session, beneficiary_id)
    contact_ids = [e.record_id for e in entries if e.entity == "contact"]
    reviews = {
        row.id: (row.review_status, row.review_comment)
        for row in session.execute(
            select(contact.c.id, contact.c.review_status, contact.c.review_comment).where(
                contact.c.id.in_(contact_ids)
            )
        )
    }
    timeline = tuple(
        FileEntry(
            at=e.at,
            kind=e.kind,
            title=e.title,
            detail=e.detail,
            entity=e.entity,
            record_id=e.record_id,
            review_status=reviews.get(e.record_id, (None, None))[0],
            review_comment=reviews.get(e.record_id, (None, None))[1],
        )
        for e in entries
    )
    return BeneficiaryFile(
        person=person,
        referent=referent,
        timeline=timeline,
        erasure=erasure_preview(session, beneficiary_id),
    )


def erasure_preview(session: Session, beneficiary_id: str) -> CascadeReport:
    """What `rights.erase_beneficiary` would tombstone or unlink, counted without writing."""
    referral_ids = select(referral.c.id).where(
        referral.c.beneficiary_id == beneficiary_id, referral.c.deleted.is_(False)
    )

    return CascadeReport(
        follow_ups=_count(
            session,
            select(func.count())
            .select_from(follow_up)
            .where(follow_up.c.beneficiary_id == beneficiary_id, follow_up.c.deleted.is_(False)),
        ),
        referrals=_count(session, select(func.count()).select_from(referral_ids.subquery())),
        referral_events=_count(
            session,
            select(func.count())
            .select_from(referral_event)
            .where(
                referral_event.c.referral_id.in_(referral_ids),
                referral_event.c.deleted.is_(False),
            ),
        ),
        contacts_unlinked=_count(
            session,
            select(func.count())
            .select_from(contact)
            .where(contact.c.beneficiary_id == beneficiary_id),
        ),
    )


def _count(session: Session, query: Select[Any]) -> int:
    return int(session.scalar(query) or 0)
