"""RGPD rights of one person: the right-of-access export (JSON and a readable PDF), and the
withdrawal of records — `delete` for a record made by mistake, `erase` for the right to erasure.

Cascades follow DESIGN.md §2: a deleted or erased beneficiary's follow-ups and referrals (with
their history) are tombstoned with it, and its contacts are kept but unlinked. Only the
beneficiary's own tombstone goes to the outbox; the server performs the same cascade on its side,
so the children are changed locally only. Erasure additionally makes the server refuse the id
forever.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.reference import reference_data
from mediateur.domain.values import encode, format_datetime
from mediateur.services import clock
from mediateur.services.context import user_names
from mediateur.services.records import live_row
from mediateur.store.schema import contact, follow_up, partner, referral, referral_event
from mediateur.store.unit_of_work import UnitOfWork

EXPORT_FORMAT = "mediateur-droit-acces"
EXPORT_VERSION = 1
# Bookkeeping of the local store, meaningless to the person.
_INTERNAL = ("server_seq", "updated_hlc", "deleted", "organisation_id")


@dataclass(frozen=True, slots=True)
class CascadeReport:
    """What a delete or erase of a beneficiary touched."""

    follow_ups: int
    referrals: int
    referral_events: int
    contacts_unlinked: int


def _record(entity: str, row: Any) -> dict[str, Any]:
    """A row in wire form, with the French label of every coded value beside it."""
    spec = ENTITIES[entity]
    ref = reference_data()
    result: dict[str, Any] = {"id": row["id"], "created_at": format_datetime(row["created_at"])}
    labels: dict[str, Any] = {}
    for f in spec.fields:
        value = row[f.name]
        result[f.name] = encode(f, value)
        if value in (None, [], {}) or f.codes is None:
            continue
        codes = ref[f.codes]
        if isinstance(value, list):
            labels[f.name] = [codes.label(v) for v in value]
        elif isinstance(value, dict):
            assert f.value_codes is not None
            levels = ref[f.value_codes]
            labels[f.name] = {codes.label(k): levels.label(v) for k, v in value.items()}
        else:
            labels[f.name] = codes.label(value)
    if labels:
        result["libelles"] = labels
    return {k: v for k, v in result.items() if k not in _INTERNAL}


def _rows(session: Session, query: Any) -> list[Any]:
    return list(session.execute(query).mappings())


def access_export(
    session: Session, beneficiary_id: str, *, now: datetime | None = None
) -> dict[str, Any]:
    """Everything this laptop holds about one person, as a JSON-ready document."""
    person = live_row(session, "beneficiary", beneficiary_id)
    contacts = _rows(
        session,
        select(contact)
        .where(contact.c.beneficiary_id == beneficiary_id, contact.c.deleted.is_(False))
        .order_by(contact.c.occurred_at),
    )
    follow_ups = _rows(
        session,
        select(follow_up)
        .where(follow_up.c.beneficiary_id == beneficiary_id, follow_up.c.deleted.is_(False))
        .order_by(follow_up.c.occurred_at),
    )
    referrals = _rows(
        session,
        select(referral, partner.c.nom.label("partner_name"))
        .outerjoin(partner, partner.c.id == referral.c.partner_id)
        .where(referral.c.beneficiary_id == beneficiary_id, referral.c.deleted.is_(False))
        .order_by(referral.c.created_at),
    )
    referral_documents = []
    for row in referrals:
        events = _rows(
            session,
            select(referral_event)
            .where(referral_event.c.referral_id == row["id"], referral_event.c.deleted.is_(False))
            .order_by(referral_event.c.at),
        )
        document = _record("referral", row)
        document["partenaire"] = row["partner_name"]
        document["historique"] = [_record("referral_event", e) for e in events]
        referral_documents.append(document)
    document = _record("beneficiary", person)
    names = user_names(session)
    document["referent"] = person["referent_name"] or names.get(person["referent_user_id"] or "")
    return {
        "format": EXPORT_FORMAT,
        "version": EXPORT_VERSION,
        "genere_le": format_datetime(now or clock.now()),
        "personne": document,
        "contacts": [_record("contact", row) for row in contacts],
        "suivis": [_record("follow_up", row) for row in follow_ups],
        "orientations": referral_documents,
    }


def _cascade(uow: UnitOfWork, beneficiary_id: str, op: str) -> CascadeReport:
    live_row(uow.session, "beneficiary", beneficiary_id)
    session = uow.session
    follow_up_ids = list(
        session.scalars(
            select(follow_up.c.id).where(
                follow_up.c.beneficiary_id == beneficiary_id, follow_up.c.deleted.is_(False)
            )
        )
    )
    referral_ids = list(
        session.scalars(
            select(referral.c.id).where(
                referral.c.beneficiary_id == beneficiary_id, referral.c.deleted.is_(False)
            )
        )
    )
    event_ids = list(
        session.scalars(
            select(referral_event.c.id).where(
                referral_event.c.referral_id.in_(referral_ids),
                referral_event.c.deleted.is_(False),
            )
        )
    )
    contact_ids = list(
        session.scalars(
            select(contact.c.id).where(
                contact.c.beneficiary_id == beneficiary_id, contact.c.deleted.is_(False)
            )
        )
    )
    if op == "erase":
        uow.erase("beneficiary", beneficiary_id)
    else:
        uow.delete("beneficiary", beneficiary_id)
    for entity, ids in (
        ("follow_up", follow_up_ids),
        ("referral", referral_ids),
        ("referral_event", event_ids),
    ):
        for record_id in ids:
            uow.tombstone_locally(entity, record_id)
        if op == "erase":
            uow.drop_unsent_edits(entity, ids)
    if op == "erase":
        # Personal data still waiting to be pushed would only be erased on arrival: drop it.
        uow.drop_unsent_edits("beneficiary", [beneficiary_id])
    for record_id in contact_ids:
        uow.set_locally("contact", record_id, {"beneficiary_id": None})
    return CascadeReport(
        follow_ups=len(follow_up_ids),
        referrals=len(referral_ids),
        referral_events=len(event_ids),
        contacts_unlinked=len(contact_ids),
    )


def delete_beneficiary(*, uow: UnitOfWork, beneficiary_id: str) -> CascadeReport:
    """Withdraw a person enrolled by mistake (tombstone, personal fields nulled, cascade)."""
    return _cascade(uow, beneficiary_id, "delete")


def erase_beneficiary(*, uow: UnitOfWork, beneficiary_id: str) -> CascadeReport:
    """The right to erasure: the delete cascade, and the id is refused forever by the server."""
    return _cascade(uow, beneficiary_id, "erase")


def delete_contact(*, uow: UnitOfWork, contact_id: str) -> None:
    live_row(uow.session, "contact", contact_id)
    uow.delete("contact", contact_id)


def delete_follow_up(*, uow: UnitOfWork, follow_up_id: str) -> None:
    live_row(uow.session, "follow_up", follow_up_id)
    uow.delete("follow_up", follow_up_id)


def delete_event(*, uow: UnitOfWork, event_id: str) -> None:
    """Withdraw an event; its contacts keep their link and show the event as unknown."""
    live_row(uow.session, "event", event_id)
    uow.delete("event", event_id)


def delete_referral(*, uow: UnitOfWork, referral_id: str) -> None:
    """Withdraw a referral made by mistake, with its history (the server cascades likewise)."""
    live_row(uow.session, "referral", referral_id)
    uow.delete("referral", referral_id)
    for event_id in uow.session.scalars(
        select(referral_event.c.id).where(referral_event.c.referral_id == referral_id)
    ):
        uow.tombstone_locally("referral_event", event_id)
