"""Aller-vers contacts: record and edit them, list and filter them, today's tally, and turning a
contact into a cohort intake.

A contact is one encounter (FSE+ counts a person seen for a day or less as a contact, not a
participant). It may be anonymous; when it names a cohort member, that person's last contact date
(which drives retention) moves forward.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from mediateur.services import clock
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    note_contact,
)
from mediateur.services.context import DeviceContext
from mediateur.services.records import exists, live_row, to_view
from mediateur.services.validation import Checker
from mediateur.store.schema import contact
from mediateur.store.unit_of_work import UnitOfWork

ENROLLED = "inscription_cohorte"


@dataclass(frozen=True, slots=True)
class ContactInput:
    occurred_at: datetime | None
    channel: str | None
    outcome: str | None
    event_id: str | None = None
    qpv: str | None = None
    place: str | None = None
    anonymous: bool = False
    beneficiary_id: str | None = None
    gender: str | None = None
    age_band: str | None = None
    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    referral_id: str | None = None
    follow_up_wanted: bool = False
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Contact:
    id: str
    created_at: datetime
    created_by: str | None
    occurred_at: datetime
    channel: str
    outcome: str
    event_id: str | None = None
    qpv: str | None = None
    place: str | None = None
    anonymous: bool | None = None
    beneficiary_id: str | None = None
    gender: str | None = None
    age_band: str | None = None
    statuses: tuple[str, ...] = ()
    themes: tuple[str, ...] = ()
    referral_id: str | None = None
    follow_up_wanted: bool | None = None
    note: str | None = None
    review_status: str | None = None
    review_comment: str | None = None
    reviewed_by: str | None = None
    reviewed_at: datetime | None = None
    # The organisation that made it (stamped by the server; None until the first sync).
    organisation_id: str | None = None


@dataclass(frozen=True, slots=True)
class ContactFilter:
    """Filters of the contact log; every one given must hold. Dates are Paris days, inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    qpv: str | None = None
    event_id: str | None = None
    channel: str | None = None
    theme: str | None = None
    outcome: str | None = None
    review_status: str | None = None
    created_by: str | None = None
    beneficiary_id: str | None = None


def validate_contact(
    session: Session, data: ContactInput, *, now: datetime | None = None
) -> dict[str, Any]:
    check = Checker("contact")
    values: dict[str, Any] = {
        "occurred_at": check.past_moment(
            "occurred_at", data.occurred_at, now or clock.now(), required=True
        ),
        "channel": check.code("channel", data.channel, required=True),
        "outcome": check.code("outcome", data.outcome, required=True),
        "event_id": data.event_id,
        "qpv": check.code("qpv", data.qpv),
        "place": check.text("place", data.place),
        "anonymous": bool(data.anonymous),
        "beneficiary_id": data.beneficiary_id,
        "gender": check.code("gender", data.gender),
        "age_band": check.code("age_band", data.age_band),
        "statuses": check.codes("statuses", data.statuses),
        "themes": check.codes("themes", data.themes),
        "referral_id": data.referral_id,
        "follow_up_wanted": bool(data.follow_up_wanted),
        "note": check.text("note", data.note, multiline=True),
    }
    if data.event_id and not exists(session, "event", data.event_id):
        check.fail("event_id", "événement inconnu ou supprimé.")
    if data.beneficiary_id and not exists(session, "beneficiary", data.beneficiary_id):
        check.fail("beneficiary_id", "personne inconnue ou supprimée.")
    if data.referral_id and not exists(session, "referral", data.referral_id):
        check.fail("referral_id", "orientation inconnue ou supprimée.")
    if data.anonymous and data.beneficiary_id:
        check.fail("anonymous", "un contact anonyme ne peut pas être rattaché à une personne.")
    check.raise_if_any()
    return values


def record_contact(*, uow: UnitOfWork, data: ContactInput, now: datetime | None = None) -> str:
    values = validate_contact(uow.session, data, now=now)
    contact_id = uow.create("contact", values)
    if values["beneficiary_id"]:
        note_contact(uow, values["beneficiary_id"], clock.paris_date(values["occurred_at"]))
    return contact_id


def update_contact(
    *, uow: UnitOfWork, contact_id: str, data: ContactInput, now: datetime | None = None
) -> tuple[str, ...]:
    live_row(uow.session, "contact", contact_id)
    values = validate_contact(uow.session, data, now=now)
    changed = uow.update("contact", contact_id, values)
    if values["beneficiary_id"] and {"beneficiary_id", "occurred_at"} & set(changed):
        note_contact(uow, values["beneficiary_id"], clock.paris_date(values["occurred_at"]))
    return tuple(changed)


def get_contact(session: Session, contact_id: str) -> Contact:
    return to_view(Contact, live_row(session, "contact", contact_id))


def input_from(found: Contact) -> ContactInput:
    """The form state of a stored contact, to edit it."""
    return ContactInput(
        occurred_at=found.occurred_at,
        channel=found.channel,
        outcome=found.outcome,
        event_id=found.event_id,
        qpv=found.qpv,
        place=found.place,
        anonymous=bool(found.anonymous),
        beneficiary_id=found.beneficiary_id,
        gender=found.gender,
        age_band=found.age_band,
        statuses=found.statuses,
        themes=found.themes,
        referral_id=found.referral_id,
        follow_up_wanted=bool(found.follow_up_wanted),
        note=found.note,
    )


def contact_conditions(filters: ContactFilter) -> list[ColumnElement[bool]]:
    """WHERE terms of the live contacts matching `filters` (the contact log adds its own)."""
    c = contact.c
    conditions: list[ColumnElement[bool]] = [c.deleted.is_(False)]
    if filters.date_from is not None:
        conditions.append(c.occurred_at >= clock.start_of_day(filters.date_from))
    if filters.date_to is not None:
        conditions.append(c.occurred_at < clock.end_of_day(filters.date_to))
    for name in (
        "qpv",
        "event_id",
        "channel",
        "outcome",
        "review_status",
        "created_by",
        "beneficiary_id",
    ):
        wanted = getattr(filters, name)
        if wanted is not None:
            conditions.append(c[name] == wanted)
    if filters.theme is not None:
        # A JSON array of slugs: the slug is matched with its quotes, never inside a longer one.
        conditions.append(func.instr(c.themes, f'"{filters.theme}"') > 0)
    return conditions


def _filtered(filters: ContactFilter) -> Select[Any]:
    return select(contact).where(*contact_conditions(filters))


def list_contacts(
    session: Session,
    filters: ContactFilter | None = None,
    *,
    limit: int | None = None,
    offset: int = 0,
) -> list[Contact]:
    """Contacts matching `filters`, most recent first, optionally one page of them."""
    query = _filtered(filters or ContactFilter()).order_by(
        contact.c.occurred_at.desc(), contact.c.id.desc()
    )
    if limit is not None:
        query = query.limit(limit).offset(offset)
    return [to_view(Contact, row) for row in session.execute(query).mappings()]


def count_contacts(session: Session, filters: ContactFilter | None = None) -> int:
    conditions = contact_conditions(filters or ContactFilter())
    query = select(func.count()).select_from(contact).where(*conditions)
    return int(session.scalar(query) or 0)


def todays_contacts(
    session: Session, *, day: date | None = None, created_by: str | None = None
) -> list[Contact]:
    """The contacts of one Paris day (today by default), most recent first: the Terrain tally."""
    day = day or clock.today()
    return list_contacts(session, ContactFilter(date_from=day, date_to=day, created_by=created_by))


def intake_draft(
    session: Session, contact_id: str, *, today: date | None = None
) -> BeneficiaryInput:
    """An intake form pre-filled from what the contact recorded."""
    found = get_contact(session, contact_id)
    return BeneficiaryInput(
        last_name=None,
        first_name=None,
        intake_date=today or clock.today(),
        gender=found.gender if found.gender != "nr" else None,
        age_band=found.age_band if found.age_band not in (None, "nr", "moins_16") else None,
        qpv=found.qpv,
        statuses=found.statuses,
    )


def enrol_contact(
    *,
    uow: UnitOfWork,
    contact_id: str,
    data: BeneficiaryInput,
    context: DeviceContext | None = None,
    allow_duplicate: bool = False,
    today: date | None = None,
) -> str:
    """Enrol the person met at a contact into the cohort; the contact then points to them."""
    live_row(uow.session, "contact", contact_id)
    beneficiary_id = create_beneficiary(
        uow=uow,
        data=data,
        context=context,
        allow_duplicate=allow_duplicate,
        source_contact_id=contact_id,
        today=today,
    )
    uow.update(
        "contact",
        contact_id,
        {"beneficiary_id": beneficiary_id, "anonymous": False, "outcome": ENROLLED},
    )
    return beneficiary_id
