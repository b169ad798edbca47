"""Quick contact entry in the field (the Terrain screen): the day's own contacts, those a manager
sent back to correct, the events to pick from, what an event implies for a contact, and saving a
contact with, optionally, the person identified on the spot.

Identifying a person means giving them a file in the cohort: either the one they already have
(a probable duplicate the mediator recognises) or a new one made from the few details asked in the
street (names, phone or e-mail, birth date) completed with what the contact says (gender, QPV, age
band). The contact and the file are written in one unit of work, so a refused intake leaves no
contact behind.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES
from mediateur.services import clock
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    IntakeCheck,
    beneficiary_names,
    check_intake,
)
from mediateur.services.contacts import (
    ENROLLED,
    Contact,
    ContactFilter,
    ContactInput,
    enrol_contact,
    get_contact,
    list_contacts,
    record_contact,
    update_contact,
)
from mediateur.services.context import DeviceContext
from mediateur.services.errors import RecordNotFound
from mediateur.services.events import Event, get_event, list_events
from mediateur.store.unit_of_work import UnitOfWork

# Events offered in the Terrain picker: those of the last weeks and the coming ones.
EVENTS_PAST_DAYS = 30
EVENTS_AHEAD_DAYS = 14
# Codes that say nothing about the person: not copied into their file.
_UNKNOWN_GENDERS = frozenset({"nr"})
_NO_AGE_BANDS = frozenset({"nr", "moins_16"})
# The channel a contact at an event of this kind goes through; other kinds are "evenement".
_EVENT_CHANNELS = {"pied_immeuble": "pied_immeuble", "permanence": "permanence"}
_EVENT_CHANNEL = "evenement"
_CONTACT_PLACE_LENGTH = ENTITIES["contact"].field("place").max_length or 0
# The review status a manager gives a contact the mediator must correct.
TO_CORRECT = "a_corriger"


@dataclass(frozen=True, slots=True)
class PersonMet:
    """The few details asked in the street to identify the person met."""

    last_name: str | None
    first_name: str | None
    phone: str | None = None
    email: str | None = None
    birth_date: date | None = None


@dataclass(frozen=True, slots=True)
class FieldContact:
    """A row of the Terrain list: the contact and, when identified, the person's name."""

    contact: Contact
    person_name: str | None


@dataclass(frozen=True, slots=True)
class ContactDefaults:
    """What choosing an event presets in the contact form."""

    qpv: str | None
    place: str | None
    channel: str


def intake_for(person: PersonMet, contact: ContactInput, *, today: date) -> BeneficiaryInput:
    """The intake of a person identified at a contact: their details, and what the contact
    recorded about them (the age band only stands in for an unknown birth date)."""
    return BeneficiaryInput(
        last_name=person.last_name,
        first_name=person.first_name,
        intake_date=today,
        birth_date=person.birth_date,
        phone=person.phone,
        email=person.email,
        gender=contact.gender if contact.gender not in _UNKNOWN_GENDERS else None,
        age_band=(
            contact.age_band
            if person.birth_date is None and contact.age_band not in _NO_AGE_BANDS
            else None
        ),
        qpv=contact.qpv,
        statuses=contact.statuses,
    )


def check_person(
    session: Session,
    person: PersonMet,
    contact: ContactInput,
    *,
    today: date | None = None,
) -> IntakeCheck:
    """Every invalid detail of the person, and the cohort files that may already be theirs."""
    return check_intake(session, intake_for(person, contact, today=today or clock.today()))


def save_field_contact(
    *,
    uow: UnitOfWork,
    data: ContactInput,
    contact_id: str | None = None,
    person: PersonMet | None = None,
    context: DeviceContext | None = None,
    allow_duplicate: bool = False,
    now: datetime | None = None,
    today: date | None = None,
) -> FieldContact:
    """Record a new contact (or save the edited `contact_id`); with `person`, also give the
    person a new cohort file (ProbableDuplicate unless `allow_duplicate`), which the contact then
    points to with the outcome "inscription dans la cohorte". Nothing is written on any error."""
    if person is not None:
        data = replace(data, anonymous=False, beneficiary_id=None, outcome=ENROLLED)
    if contact_id is None:
        contact_id = record_contact(uow=uow, data=data, now=now)
    else:
        update_contact(uow=uow, contact_id=contact_id, data=data, now=now)
    if person is not None:
        day = today or clock.today()
        enrol_contact(
            uow=uow,
            contact_id=contact_id,
            data=intake_for(person, data, today=day),
            context=context,
            allow_duplicate=allow_duplicate,
            today=day,
        )
    saved = get_contact(uow.session, contact_id)
    return FieldContact(saved, _person_name(uow.session, saved))


def _person_name(session: Session, found: Contact) -> str | None:
    if found.beneficiary_id is None:
        return None
    return beneficiary_names(session, [found.beneficiary_id]).get(found.beneficiary_id)


def field_contacts(
    session: Session, *, user_id: str | None, day: date | None = None
) -> list[FieldContact]:
    """The contacts of one Paris day (today by default) recorded by this user, most recent first:
    those stamped with `user_id` and those not yet sent (the server stamps their author)."""
    day = day or clock.today()
    found = [
        item
        for item in list_contacts(session, ContactFilter(date_from=day, date_to=day))
        if item.created_by is None or item.created_by == user_id
    ]
    names = beneficiary_names(session, [c.beneficiary_id for c in found if c.beneficiary_id])
    return [
        FieldContact(item, names.get(item.beneficiary_id) if item.beneficiary_id else None)
        for item in found
    ]


def contacts_to_correct(session: Session, *, user_id: str | None) -> list[FieldContact]:
    """Every contact of this user, any day, that a manager's review sent back "à corriger",
    most recent first (the review arrives with sync; nothing is to correct before a login)."""
    if user_id is None:
        return []
    found = list_contacts(session, ContactFilter(review_status=TO_CORRECT, created_by=user_id))
    names = beneficiary_names(session, [c.beneficiary_id for c in found if c.beneficiary_id])
    return [
        FieldContact(item, names.get(item.beneficiary_id) if item.beneficiary_id else None)
        for item in found
    ]


def field_events(
    session: Session, *, keep_id: str | None = None, today: date | None = None
) -> list[Event]:
    """The events to pick from in the field, most recent first: those of the last weeks and the
    coming ones, plus `keep_id` (the one remembered) wherever it falls, if it still exists."""
    today = today or clock.today()
    events = list_events(
        session,
        date_from=today - timedelta(days=EVENTS_PAST_DAYS),
        date_to=today + timedelta(days=EVENTS_AHEAD_DAYS),
    )
    if keep_id and all(e.id != keep_id for e in events):
        with contextlib.suppress(RecordNotFound):
            events.append(get_event(session, keep_id))
        events.sort(key=lambda e: e.starts_at, reverse=True)
    return events


def contact_defaults(event: Event) -> ContactDefaults:
    """The QPV, place and channel of a contact made at `event` (an event's place longer than a
    contact's is left for the mediator to shorten)."""
    place = event.place if event.place and len(event.place) <= _CONTACT_PLACE_LENGTH else None
    return ContactDefaults(
        qpv=event.qpv,
        place=place,
        channel=_EVENT_CHANNELS.get(event.kind, _EVENT_CHANNEL),
    )
