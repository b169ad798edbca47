"""Local retention: anonymise the people not seen for 24 months (DESIGN.md §2, CNIL référentiel
of the social sector: active base 2 years from the last contact).

Identity, contact details, free text and birth date are nulled on the person and on the free text
of their contacts, follow-ups and referrals; the age band at intake and every coded field stay, so
the indicators do not change. The server runs the same rule and its rows are authoritative, so
this is a local change with no outbox entry: it protects a laptop that has not synced for a while.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES
from mediateur.services import clock
from mediateur.services.beneficiaries import age_band_for
from mediateur.store.schema import beneficiary, contact, follow_up, referral, referral_event
from mediateur.store.unit_of_work import UnitOfWork

RETENTION_MONTHS = 24


def retention_cutoff(today: date) -> date:
    """People whose last contact is on or before this day are due for anonymisation."""
    year, month = divmod(today.year * 12 + today.month - 1 - RETENTION_MONTHS, 12)
    month += 1
    day = today.day
    while True:
        try:
            return date(year, month, day)
        except ValueError:  # 29-31 in a shorter month: its last day
            day -= 1


def due_for_anonymisation(session: Session, *, today: date | None = None) -> list[str]:
    cutoff = retention_cutoff(today or clock.today())
    rows = session.execute(
        select(beneficiary.c.id, beneficiary.c.last_contact_at, beneficiary.c.intake_date).where(
            beneficiary.c.deleted.is_(False), beneficiary.c.anonymised_at.is_(None)
        )
    )
    return [
        row.id
        for row in rows
        if (last := row.last_contact_at or row.intake_date) is not None and last <= cutoff
    ]


def _null_personal(uow: UnitOfWork, entity: str, ids: list[str]) -> None:
    nulled = dict.fromkeys(ENTITIES[entity].personal_fields)
    for record_id in ids:
        uow.set_locally(entity, record_id, nulled)


def anonymise_locally(*, uow: UnitOfWork, beneficiary_id: str, now: datetime | None = None) -> None:
    """Anonymise one person and the free text about them, keeping every coded field."""
    session = uow.session
    person = session.execute(
        select(beneficiary.c.birth_date, beneficiary.c.intake_date, beneficiary.c.age_band).where(
            beneficiary.c.id == beneficiary_id
        )
    ).one()
    kept: dict[str, object] = {"anonymised_at": now or clock.now()}
    if person.age_band is None and person.birth_date and person.intake_date:
        # Records from before age bands were stored: keep the band the birth date gives.
        kept["age_band"] = age_band_for(clock.age_on(person.birth_date, person.intake_date))
    _null_personal(uow, "beneficiary", [beneficiary_id])
    uow.set_locally("beneficiary", beneficiary_id, kept)
    referral_ids = list(
        session.scalars(select(referral.c.id).where(referral.c.beneficiary_id == beneficiary_id))
    )
    children = {
        "contact": select(contact.c.id).where(contact.c.beneficiary_id == beneficiary_id),
        "follow_up": select(follow_up.c.id).where(follow_up.c.beneficiary_id == beneficiary_id),
        "referral_event": select(referral_event.c.id).where(
            referral_event.c.referral_id.in_(referral_ids)
        ),
    }
    for entity, query in children.items():
        _null_personal(uow, entity, list(session.scalars(query)))
    _null_personal(uow, "referral", referral_ids)


def anonymise_expired(
    *, uow: UnitOfWork, today: date | None = None, now: datetime | None = None
) -> int:
    """Anonymise everyone due; returns how many people were anonymised."""
    due = due_for_anonymisation(uow.session, today=today)
    for beneficiary_id in due:
        anonymise_locally(uow=uow, beneficiary_id=beneficiary_id, now=now)
    return len(due)
