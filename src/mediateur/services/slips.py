"""Referral slips from the vault: the `SlipData` of a referral, the slips an event prints
together, one PDF for several referrals, and the record that they were printed.

A slip says what the referral says: its person (a beneficiary, or nobody for a contact met
anonymously), its partner and service (the service's details first, the partner's where the
service leaves one empty), its freins, reason and next step, and who oriented the person (the
referral's author as the cached directory knows them, else the user this profile logged in as,
else "the mediation team": a profile's folder name is a technical label, never printed; their
structure is their organisation, else the slip's branding). The partner
copy carries only what the person agreed to share (`shared_with_partner`), nothing when they
opposed sharing (`restricted`), and never a detail no longer known (a phone removed since, a
person anonymised). Nothing here writes a file: the PDF is returned as bytes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import datetime
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.context import DeviceContext
from mediateur.services.errors import RecordNotFound, ServiceError
from mediateur.services.records import live_row
from mediateur.services.referrals import find_referral_by_number, record_printing
from mediateur.slips import (
    Beneficiary,
    Branding,
    Destination,
    NextStep,
    NextStepKind,
    Orienter,
    Shared,
    SlipData,
    render_slips,
)
from mediateur.store.schema import (
    contact,
    directory_organisation,
    directory_user,
    referral,
    referral_event,
)
from mediateur.store.unit_of_work import UnitOfWork
from mediateur.sync import local_state

CANCELLED = "annulee"
SENT = "emise"
FALLBACK_ORIENTER = "L'équipe de médiation emploi"
_CIVILITIES = {"f": "Madame", "m": "Monsieur"}
_ROLE_TITLES = {"mediator": "Médiation emploi", "manager": "Responsable d'équipe"}
# What the partner copy can show of a person met as an anonymous contact.
_CONTACT_SHAREABLE = frozenset({Shared.REASON, Shared.BARRIERS})


class NotPrintable(ServiceError):
    code = "not_printable"


def _first(*values: str | None) -> str | None:
    return next((v for v in values if v is not None and v.strip()), None)


def _destination(session: Session, row: dict[str, Any]) -> Destination:
    try:
        structure = live_row(session, "partner", row["partner_id"])
    except RecordNotFound:
        raise NotPrintable(
            f"Orientation {row['number']} : son partenaire n'est pas (encore) dans l'annuaire de "
            "ce profil. Synchronisez, puis imprimez de nouveau."
        ) from None
    offer: dict[str, Any] = {}
    if row["service_id"]:
        try:
            offer = live_row(session, "service", row["service_id"])
        except RecordNotFound:
            offer = {}

    def pick(name: str) -> str | None:
        return _first(offer.get(name), structure[name])

    # An address is one block: the service's when it gives one, else the partner's.
    place = offer if _first(offer.get("adresse"), offer.get("commune")) else structure
    return Destination(
        partner_name=structure["nom"],
        service_name=offer.get("nom"),
        address=place.get("adresse"),
        address_complement=place.get("complement_adresse"),
        postcode=place.get("code_postal"),
        commune=place.get("commune"),
        phone=pick("telephone"),
        email=pick("courriel"),
        opening_hours=pick("horaires_accueil"),
        modes_mobilisation=tuple(offer.get("modes_mobilisation") or ()),
        mobilisation_precisions=offer.get("mobilisation_precisions"),
        mobilisation_link=offer.get("lien_mobilisation"),
        access_conditions=offer.get("conditions_acces"),
    )


def _directory_entry(session: Session, user_id: str | None) -> dict[str, Any] | None:
    if user_id is None:
        return None
    row = (
        session.execute(select(directory_user).where(directory_user.c.id == user_id))
        .mappings()
        .first()
    )
    return dict(row) if row else None


def _organisation_name(session: Session, organisation_id: str | None) -> str | None:
    if organisation_id is None:
        return None
    name: str | None = session.scalar(
        select(directory_organisation.c.name).where(directory_organisation.c.id == organisation_id)
    )
    return name


def _orienter(
    session: Session,
    row: dict[str, Any],
    context: DeviceContext,
    branding: Branding,
) -> Orienter:
    entry = _directory_entry(session, row["created_by"]) or _directory_entry(
        session, context.user_id
    )
    organisation = (entry or {}).get("organisation_id") or local_state.get(
        session, local_state.ORGANISATION_ID
    )
    name = _first((entry or {}).get("display_name"), context.user_name)
    return Orienter(
        name=name or FALLBACK_ORIENTER,
        role=_ROLE_TITLES.get((entry or {}).get("role") or ""),
        structure=_organisation_name(session, organisation) or branding.structure_name,
        phone=(entry or {}).get("phone"),
        email=(entry or {}).get("email"),
    )


def _person(session: Session, row: dict[str, Any]) -> tuple[Beneficiary, bool]:
    """The person as the beneficiary copy names them, and whether they opposed sharing."""
    if not row["beneficiary_id"]:
        return Beneficiary(), False
    try:
        person = live_row(session, "beneficiary", row["beneficiary_id"])
    except RecordNotFound:
        return Beneficiary(), True
    preference = person["contact_preference"]
    return (
        Beneficiary(
            civility=_CIVILITIES.get(person["gender"] or ""),
            last_name=person["last_name"],
            first_name=person["first_name"],
            phone=person["phone"],
            email=person["email"],
            contact_preference=reference_data().label("contact_preferences", preference)
            if preference
            else None,
        ),
        bool(person["restricted"]),
    )


def _issued(session: Session, referral_id: str, now: datetime) -> datetime:
    """When the slip was first handed out (reprints keep that date), else now."""
    sent: datetime | None = session.scalar(
        select(referral_event.c.at)
        .where(
            referral_event.c.referral_id == referral_id,
            referral_event.c.to_status == SENT,
            referral_event.c.deleted.is_(False),
        )
        .order_by(referral_event.c.at)
        .limit(1)
    )
    return sent or now


def _issued_place(session: Session, row: dict[str, Any]) -> str | None:
    """The action where a contact was met, when the referral comes from one."""
    if not row["contact_id"]:
        return None
    event_id = session.scalar(select(contact.c.event_id).where(contact.c.id == row["contact_id"]))
    if not event_id:
        return None
    try:
        action = live_row(session, "event", event_id)
    except RecordNotFound:
        return None
    return _first(action["place"], action["title"])


def _next_step(row: dict[str, Any]) -> NextStep:
    kind = row["expected_contact"]
    if row["appointment_at"] is not None and kind in (None, NextStepKind.APPOINTMENT):
        return NextStep(kind=NextStepKind.APPOINTMENT, appointment_at=row["appointment_at"])
    if kind == NextStepKind.PARTNER_CALLS:
        return NextStep(kind=NextStepKind.PARTNER_CALLS)
    # With no next step recorded, the person holding the slip makes the call.
    return NextStep(kind=NextStepKind.BENEFICIARY_CALLS)


def slip_for_referral(
    session: Session,
    *,
    referral_id: str,
    context: DeviceContext,
    branding: Branding,
    now: datetime | None = None,
) -> SlipData:
    """What the slip of `referral_id` shows; NotPrintable for a cancelled referral."""
    row = live_row(session, "referral", referral_id)
    if row["status"] == CANCELLED:
        raise NotPrintable(
            f"L'orientation {row['number']} est annulée : sa fiche de liaison ne s'imprime plus."
        )
    person, restricted = _person(session, row)
    freins = reference_data()["freins"]
    data = SlipData(
        number=row["number"],
        issued_at=_issued(session, referral_id, now or clock.now()),
        issued_place=_issued_place(session, row),
        orienter=_orienter(session, row, context, branding),
        beneficiary=person,
        destination=_destination(session, row),
        reason=row["reason"],
        barriers=tuple(freins.label(code) for code in row["barrier_codes"] or ()),
        next_step=_next_step(row),
        shared_with_partner=frozenset(),
    )
    if restricted:
        return data
    agreed = {Shared(code) for code in row["shared_with_partner"] or () if code in set(Shared)}
    if not row["beneficiary_id"]:
        agreed &= _CONTACT_SHAREABLE
    return replace(data, shared_with_partner=frozenset(s for s in agreed if data.detail_given(s)))


def referral_id_for_number(session: Session, number: str) -> str:
    return find_referral_by_number(session, number.strip()).id


def event_referral_ids(session: Session, event_id: str) -> list[str]:
    """The printable referrals made at an event: those of its contacts, and those of people
    met there that were written the day(s) of the event. In number order."""
    action = live_row(session, "event", event_id)
    met = session.execute(
        select(contact.c.id, contact.c.beneficiary_id).where(
            contact.c.event_id == event_id, contact.c.deleted.is_(False)
        )
    ).all()
    contact_ids = [m.id for m in met]
    people = [m.beneficiary_id for m in met if m.beneficiary_id]
    first_day = clock.paris_date(action["starts_at"])
    last_day = clock.paris_date(action["ends_at"] or action["starts_at"])
    same_days = referral.c.created_at.between(
        clock.start_of_day(first_day), clock.end_of_day(last_day)
    )
    rows = session.execute(
        select(referral.c.id, referral.c.number).where(
            referral.c.deleted.is_(False),
            referral.c.status != CANCELLED,
            or_(
                referral.c.contact_id.in_(contact_ids),
                referral.c.beneficiary_id.in_(people) & same_days,
            ),
        )
    ).all()
    return [r.id for r in sorted(rows, key=lambda r: _number_key(r.number))]


def _number_key(number: str | None) -> tuple[str, int]:
    prefix, _, n = (number or "").rpartition("-")
    return (prefix, int(n)) if n.isdigit() else (number or "", 0)


def render_referral_slips(
    session: Session,
    *,
    referral_ids: Sequence[str],
    context: DeviceContext,
    branding: Branding,
    now: datetime | None = None,
) -> bytes:
    """One PDF holding the slip of each referral, in order (one A4 page each)."""
    if not referral_ids:
        raise NotPrintable("Aucune fiche de liaison à imprimer.")
    slips = [
        slip_for_referral(session, referral_id=rid, context=context, branding=branding, now=now)
        for rid in referral_ids
    ]
    return render_slips(slips, branding)


def record_slips_printed(
    *,
    uow: UnitOfWork,
    referral_ids: Sequence[str],
    context: DeviceContext,
    now: datetime | None = None,
) -> None:
    """The slips were printed or saved as PDF: who and when, and each draft becomes `emise`
    (a reprint keeps the status). All in the caller's unit of work."""
    moment = now or clock.now()
    for rid in referral_ids:
        record_printing(uow=uow, referral_id=rid, context=context, now=moment)
