"""Referrals (fiches de liaison): creation with a device-unique number, the status transitions of
DESIGN.md §2 with their append-only history, printing, and the "à relancer" reminder.

The transition table is the reference data's (`referral_statuses.json`); targets listed in
`server_only_targets` (expiry) are written by the server alone. Every status change, creation in
`brouillon` included, appends a referral event. "À relancer" (sent or received, no change for 10
days) is computed when reading, never written.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import beneficiary_names
from mediateur.services.context import DeviceContext, next_referral_number
from mediateur.services.errors import IllegalTransition, ServiceError
from mediateur.services.records import exists, live_row, to_view
from mediateur.services.validation import Checker
from mediateur.store.schema import beneficiary, partner, referral, referral_event, service
from mediateur.store.unit_of_work import UnitOfWork

DRAFT = "brouillon"
SENT = "emise"
REFUSED = "refusee"
AWAITING_ANSWER = frozenset({"emise", "recue"})
# What a slip made from an anonymous contact can pass on: nothing that identifies the person.
CONTACT_SHAREABLE = frozenset({"reason", "barriers"})
REMINDER_DAYS = 10


@dataclass(frozen=True, slots=True)
class ReferralInput:
    partner_id: str | None
    beneficiary_id: str | None = None
    contact_id: str | None = None
    service_id: str | None = None
    barrier_codes: tuple[str, ...] = ()
    reason: str | None = None
    appointment_at: datetime | None = None
    expected_contact: str | None = None
    # Slugs of `slip_shared_fields`: what the partner copy of the slip may carry.
    shared_with_partner: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Referral:
    id: str
    created_at: datetime
    created_by: str | None
    number: str | None
    partner_id: str
    status: str
    beneficiary_id: str | None = None
    contact_id: str | None = None
    service_id: str | None = None
    barrier_codes: tuple[str, ...] = ()
    reason: str | None = None
    appointment_at: datetime | None = None
    expected_contact: str | None = None
    refusal_reason: str | None = None
    printed_at: datetime | None = None
    printed_by: str | None = None
    shared_with_partner: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ReferralEvent:
    id: str
    referral_id: str
    at: datetime
    to_status: str
    by: str | None = None
    from_status: str | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class CreatedReferral:
    id: str
    number: str


@dataclass(frozen=True, slots=True)
class ReferralRow:
    """A line of the Orientations page."""

    referral: Referral
    partner_name: str
    person_name: str | None
    last_change_at: datetime
    reminder_due: bool


def transitions() -> dict[str, tuple[str, ...]]:
    return reference_data().referral_transitions()


def server_only_targets() -> frozenset[str]:
    meta = reference_data()["referral_statuses"].meta
    return frozenset(meta.get("server_only_targets", ()))


def allowed_transitions(status: str) -> tuple[str, ...]:
    """The statuses a user may move a referral to from `status` (server-only ones excluded)."""
    blocked = server_only_targets()
    return tuple(t for t in transitions().get(status, ()) if t not in blocked)


def check_transition(from_status: str, to_status: str) -> None:
    """Raise IllegalTransition with a French explanation unless a user may make this change."""
    labels = reference_data()["referral_statuses"]
    if to_status not in labels:
        raise IllegalTransition(from_status, to_status, "statut d'orientation inconnu.")
    source, target = labels.label(from_status), labels.label(to_status)
    if to_status in transitions().get(from_status, ()):
        if to_status not in server_only_targets():
            return
        raise IllegalTransition(
            from_status,
            to_status,
            f"le passage en « {target} » est fait par le serveur quand le partenaire ne répond "
            "pas ; il ne se saisit pas.",
        )
    allowed = allowed_transitions(from_status)
    if not allowed:
        detail = f"une orientation « {source} » ne peut plus changer de statut."
    else:
        options = [f"« {labels.label(s)} »" for s in allowed]
        choices = (
            f"seul {options[0]} est possible"
            if len(options) == 1
            else f"seuls {', '.join(options[:-1])} ou {options[-1]} sont possibles"
        )
        detail = (
            f"passage de « {source} » à « {target} » impossible : depuis « {source} », {choices}."
        )
    raise IllegalTransition(from_status, to_status, detail)


def validate_referral(session: Session, data: ReferralInput) -> dict[str, Any]:
    check = Checker("referral")
    values: dict[str, Any] = {
        "partner_id": data.partner_id,
        "beneficiary_id": data.beneficiary_id,
        "contact_id": data.contact_id,
        "service_id": data.service_id,
        "barrier_codes": check.codes("barrier_codes", data.barrier_codes),
        "reason": check.text("reason", data.reason, multiline=True),
        "appointment_at": data.appointment_at,
        "expected_contact": check.code("expected_contact", data.expected_contact),
        "shared_with_partner": check.codes("shared_with_partner", data.shared_with_partner),
    }
    if not data.partner_id:
        check.fail("partner_id", "choisissez le partenaire vers qui orienter.")
    elif not exists(session, "partner", data.partner_id):
        check.fail("partner_id", "partenaire inconnu de l'annuaire.")
    if data.service_id:
        owner = session.scalar(
            select(service.c.structure_id).where(
                service.c.id == data.service_id, service.c.deleted.is_(False)
            )
        )
        if owner is None:
            check.fail("service_id", "service inconnu de l'annuaire.")
        elif data.partner_id and owner != data.partner_id:
            check.fail("service_id", "ce service n'appartient pas au partenaire choisi.")
    if not data.beneficiary_id and not data.contact_id:
        check.fail("beneficiary_id", "indiquez la personne ou le contact orienté.")
    if data.beneficiary_id and not exists(session, "beneficiary", data.beneficiary_id):
        check.fail("beneficiary_id", "personne inconnue ou supprimée.")
    _check_sharing(session, check, data, values["shared_with_partner"])
    if data.contact_id and not exists(session, "contact", data.contact_id):
        check.fail("contact_id", "contact inconnu ou supprimé.")
    if data.appointment_at is not None and data.appointment_at.tzinfo is None:
        check.fail("appointment_at", "date et heure sans fuseau horaire.")
    if values["expected_contact"] == "rdv_fixe" and data.appointment_at is None:
        check.fail("appointment_at", "rendez-vous fixé : indiquez sa date et son heure.")
    if data.appointment_at is not None and values["expected_contact"] is None:
        values["expected_contact"] = "rdv_fixe"
    check.raise_if_any()
    return values


def _check_sharing(
    session: Session, check: Checker, data: ReferralInput, shared: list[str]
) -> None:
    """A person who opposed sharing shares nothing; a contact has no identity to share."""
    if not shared:
        return
    if data.beneficiary_id:
        restricted = session.scalar(
            select(beneficiary.c.restricted).where(beneficiary.c.id == data.beneficiary_id)
        )
        if restricted:
            check.fail(
                "shared_with_partner",
                "la personne s'est opposée au partage de ses données : rien n'est transmis "
                "au partenaire.",
            )
    elif set(shared) - CONTACT_SHAREABLE:
        check.fail(
            "shared_with_partner",
            "un contact n'a ni nom ni coordonnées : seuls le motif et les freins peuvent être "
            "transmis.",
        )


def _append_event(
    uow: UnitOfWork,
    *,
    referral_id: str,
    at: datetime,
    by: str | None,
    from_status: str | None,
    to_status: str,
    reason: str | None,
) -> str:
    return uow.create(
        "referral_event",
        {
            "referral_id": referral_id,
            "at": at,
            "by": by,
            "from_status": from_status,
            "to_status": to_status,
            "reason": reason,
        },
    )


def create_referral(
    *,
    uow: UnitOfWork,
    data: ReferralInput,
    context: DeviceContext,
    now: datetime | None = None,
) -> CreatedReferral:
    """A new referral in `brouillon`, numbered on this device, with its first history event."""
    now = now or clock.now()
    values = validate_referral(uow.session, data)
    number = next_referral_number(uow.session, context, clock.paris_date(now))
    values.update(number=number, status=DRAFT, refusal_reason=None)
    referral_id = uow.create("referral", values)
    _append_event(
        uow,
        referral_id=referral_id,
        at=now,
        by=context.user_id,
        from_status=None,
        to_status=DRAFT,
        reason=None,
    )
    if data.contact_id:
        linked = live_row(uow.session, "contact", data.contact_id)
        if linked["referral_id"] is None:
            uow.update("contact", data.contact_id, {"referral_id": referral_id})
    return CreatedReferral(id=referral_id, number=number)


def update_referral(*, uow: UnitOfWork, referral_id: str, data: ReferralInput) -> tuple[str, ...]:
    """Edit a draft; once a slip is out, what it says is fixed."""
    current = live_row(uow.session, "referral", referral_id)
    if current["status"] != DRAFT:
        raise ServiceError(
            "Seule une orientation en brouillon se modifie : la fiche a déjà été remise. "
            "Annulez-la et créez-en une nouvelle."
        )
    return tuple(uow.update("referral", referral_id, validate_referral(uow.session, data)))


def change_referral_status(
    *,
    uow: UnitOfWork,
    referral_id: str,
    to_status: str,
    context: DeviceContext,
    reason: str | None = None,
    refusal_reason: str | None = None,
    at: datetime | None = None,
    now: datetime | None = None,
) -> str:
    """Move a referral to `to_status` (the partner's answer, an absence, a closure…); returns the
    id of the history event. Raises IllegalTransition or ValidationFailed, writing nothing."""
    current = live_row(uow.session, "referral", referral_id)
    check_transition(current["status"], to_status)
    check = Checker("referral_event")
    note = check.text("reason", reason, multiline=True)
    moment = check.past_moment("at", at or now or clock.now(), now or clock.now())
    refusal = None
    if to_status == REFUSED:
        refusal = Checker("referral", check.ref).code("refusal_reason", refusal_reason)
        if refusal is None:
            check.fail("refusal_reason", "indiquez le motif du refus.")
    elif refusal_reason:
        check.fail("refusal_reason", "un motif de refus ne s'indique que pour un refus.")
    check.raise_if_any()
    assert moment is not None
    changes: dict[str, Any] = {"status": to_status}
    if refusal:
        changes["refusal_reason"] = refusal
    uow.update("referral", referral_id, changes)
    return _append_event(
        uow,
        referral_id=referral_id,
        at=moment,
        by=context.user_id,
        from_status=current["status"],
        to_status=to_status,
        reason=note,
    )


def record_printing(
    *, uow: UnitOfWork, referral_id: str, context: DeviceContext, now: datetime | None = None
) -> None:
    """A slip was printed (or saved as PDF): remember who and when; a draft becomes `emise`."""
    now = now or clock.now()
    current = live_row(uow.session, "referral", referral_id)
    uow.update("referral", referral_id, {"printed_at": now, "printed_by": context.user_id})
    if current["status"] == DRAFT:
        change_referral_status(
            uow=uow, referral_id=referral_id, to_status=SENT, context=context, now=now
        )


def get_referral(session: Session, referral_id: str) -> Referral:
    return to_view(Referral, live_row(session, "referral", referral_id))


def find_referral_by_number(session: Session, number: str) -> Referral:
    row = (
        session.execute(
            select(referral).where(referral.c.number == number, referral.c.deleted.is_(False))
        )
        .mappings()
        .first()
    )
    if row is None:
        raise ServiceError(f"Aucune orientation ne porte le numéro {number}.")
    return to_view(Referral, row)


def list_referral_events(session: Session, referral_id: str) -> list[ReferralEvent]:
    rows = session.execute(
        select(referral_event)
        .where(referral_event.c.referral_id == referral_id, referral_event.c.deleted.is_(False))
        .order_by(referral_event.c.at, referral_event.c.id)
    ).mappings()
    return [to_view(ReferralEvent, row) for row in rows]


def is_reminder_due(status: str, last_change_at: datetime, today: date) -> bool:
    """Sent or received, and no change for more than 10 days: the mediator should call."""
    return (
        status in AWAITING_ANSWER
        and (today - clock.paris_date(last_change_at)).days > REMINDER_DAYS
    )


def list_referrals(
    session: Session,
    *,
    status: str | None = None,
    beneficiary_id: str | None = None,
    contact_id: str | None = None,
    partner_id: str | None = None,
    reminder_only: bool = False,
    today: date | None = None,
) -> list[ReferralRow]:
    """Referrals with their partner, person and last change, most recently changed first."""
    today = today or clock.today()
    last_event = (
        select(referral_event.c.referral_id, func.max(referral_event.c.at).label("last_at"))
        .where(referral_event.c.deleted.is_(False))
        .group_by(referral_event.c.referral_id)
        .subquery()
    )
    query = (
        select(referral, last_event.c.last_at, partner.c.nom.label("partner_name"))
        .outerjoin(last_event, last_event.c.referral_id == referral.c.id)
        .outerjoin(partner, partner.c.id == referral.c.partner_id)
        .where(referral.c.deleted.is_(False))
    )
    for column, wanted in (
        (referral.c.status, status),
        (referral.c.beneficiary_id, beneficiary_id),
        (referral.c.contact_id, contact_id),
        (referral.c.partner_id, partner_id),
    ):
        if wanted is not None:
            query = query.where(column == wanted)
    rows = list(session.execute(query).mappings())
    names = beneficiary_names(session, [r["beneficiary_id"] for r in rows if r["beneficiary_id"]])
    result = []
    for row in rows:
        changed = row["last_at"] or row["created_at"]
        due = is_reminder_due(row["status"], changed, today)
        if reminder_only and not due:
            continue
        result.append(
            ReferralRow(
                referral=to_view(Referral, row),
                partner_name=row["partner_name"] or "Partenaire inconnu",
                person_name=names.get(row["beneficiary_id"]) if row["beneficiary_id"] else None,
                last_change_at=changed,
                reminder_due=due,
            )
        )
    result.sort(key=lambda r: r.last_change_at, reverse=True)
    return result
