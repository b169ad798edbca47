"""The beneficiary file's timeline: intake, contacts, follow-ups, referral history and exit of one
person, in the order they happened."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import get_beneficiary
from mediateur.services.follow_ups import list_follow_ups
from mediateur.services.referrals import list_referral_events, list_referrals
from mediateur.store.schema import contact


@dataclass(frozen=True, slots=True)
class TimelineEntry:
    at: datetime
    kind: str  # "intake", "contact", "follow_up", "referral", "exit"
    title: str
    detail: str | None
    entity: str
    record_id: str


def beneficiary_timeline(session: Session, beneficiary_id: str) -> list[TimelineEntry]:
    """Everything recorded about one person, oldest first."""
    ref = reference_data()
    person = get_beneficiary(session, beneficiary_id)
    entries: list[TimelineEntry] = []
    if person.intake_date:
        entries.append(
            TimelineEntry(
                at=clock.at_paris(person.intake_date),
                kind="intake",
                title="Entrée dans la cohorte",
                detail=ref.label("qpv", person.qpv) if person.qpv else None,
                entity="beneficiary",
                record_id=person.id,
            )
        )
    contacts = session.execute(
        select(contact).where(
            contact.c.beneficiary_id == beneficiary_id, contact.c.deleted.is_(False)
        )
    ).mappings()
    for row in contacts:
        entries.append(
            TimelineEntry(
                at=row["occurred_at"],
                kind="contact",
                title=(
                    f"Contact ({ref.label('channels', row['channel'])}) : "
                    f"{ref.label('outcomes', row['outcome'])}"
                ),
                detail=row["note"],
                entity="contact",
                record_id=row["id"],
            )
        )
    for item in list_follow_ups(session, beneficiary_id):
        detail = item.summary
        if item.next_step or item.next_date:
            step = item.next_step or "prochaine étape"
            when = f" le {clock.format_day(item.next_date)}" if item.next_date else ""
            detail = "\n".join(p for p in (detail, f"À suivre : {step}{when}") if p)
        entries.append(
            TimelineEntry(
                at=item.occurred_at,
                kind="follow_up",
                title=f"Suivi : {ref.label('follow_up_kinds', item.kind)}",
                detail=detail,
                entity="follow_up",
                record_id=item.id,
            )
        )
    statuses = ref["referral_statuses"]
    for chain in list_referrals(session, beneficiary_id=beneficiary_id):
        head = f"Orientation {chain.referral.number or ''} vers {chain.partner_name}".replace(
            "  ", " "
        )
        events = list_referral_events(session, chain.referral.id)
        for event in events:
            entries.append(
                TimelineEntry(
                    at=event.at,
                    kind="referral",
                    title=f"{head} : {statuses.label(event.to_status)}",
                    detail=event.reason,
                    entity="referral",
                    record_id=chain.referral.id,
                )
            )
        if not events:
            entries.append(
                TimelineEntry(
                    at=chain.referral.created_at,
                    kind="referral",
                    title=f"{head} : {statuses.label(chain.referral.status)}",
                    detail=chain.referral.reason,
                    entity="referral",
                    record_id=chain.referral.id,
                )
            )
    if person.exit_date:
        entries.append(
            TimelineEntry(
                at=clock.at_paris(person.exit_date, 23, 59),
                kind="exit",
                title="Sortie de la cohorte : " + ref.label("exit_reasons", person.exit_reason),
                detail=None,
                entity="beneficiary",
                record_id=person.id,
            )
        )
    return sorted(entries, key=lambda e: (e.at, e.kind))
