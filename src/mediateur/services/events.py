"""Collective actions (événements): pied d'immeuble, Food & Job, forums, block parties, …

Mediators create the events they run in the field, offline (docs/architecture.md); contacts made
there point to them. The headcount is the tally of people met, anonymous ones included.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.reference import fold
from mediateur.services import clock
from mediateur.services.records import exists, live_row, to_view
from mediateur.services.validation import Checker
from mediateur.store.schema import event, partner
from mediateur.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class EventInput:
    kind: str | None
    title: str | None
    starts_at: datetime | None
    ends_at: datetime | None = None
    qpv: str | None = None
    place: str | None = None
    partner_ids: tuple[str, ...] = ()
    headcount: int | None = None


@dataclass(frozen=True, slots=True)
class Event:
    id: str
    kind: str
    title: str
    starts_at: datetime
    ends_at: datetime | None = None
    qpv: str | None = None
    place: str | None = None
    partner_ids: tuple[str, ...] = ()
    headcount: int | None = None


@dataclass(frozen=True, slots=True)
class PartnerChoice:
    """A partner of the directory, as the event form lists it."""

    id: str
    name: str
    commune: str | None


def validate_event(session: Session, data: EventInput) -> dict[str, Any]:
    check = Checker("event")
    values: dict[str, Any] = {
        "kind": check.code("kind", data.kind, required=True),
        "title": check.text("title", data.title, required=True),
        "qpv": check.code("qpv", data.qpv),
        "place": check.text("place", data.place),
        "partner_ids": list(data.partner_ids),
        "headcount": data.headcount,
    }
    if data.starts_at is None:
        check.fail("starts_at", "champ obligatoire.")
    elif data.starts_at.tzinfo is None:
        check.fail("starts_at", "date et heure sans fuseau horaire.")
    if data.ends_at is not None and data.starts_at is not None and data.ends_at < data.starts_at:
        check.fail("ends_at", "la fin précède le début.")
    values["starts_at"], values["ends_at"] = data.starts_at, data.ends_at
    if data.headcount is not None and not 0 <= data.headcount < 100_000:
        check.fail("headcount", "nombre entier positif attendu.")
    if len(set(data.partner_ids)) != len(data.partner_ids):
        check.fail("partner_ids", "un même partenaire est cité deux fois.")
    elif any(not exists(session, "partner", pid) for pid in data.partner_ids):
        check.fail("partner_ids", "partenaire inconnu de l'annuaire.")
    check.raise_if_any()
    return values


def create_event(*, uow: UnitOfWork, data: EventInput) -> str:
    return uow.create("event", validate_event(uow.session, data))


def update_event(*, uow: UnitOfWork, event_id: str, data: EventInput) -> tuple[str, ...]:
    live_row(uow.session, "event", event_id)
    return tuple(uow.update("event", event_id, validate_event(uow.session, data)))


def get_event(session: Session, event_id: str) -> Event:
    return to_view(Event, live_row(session, "event", event_id))


def list_events(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> list[Event]:
    """Events starting within the Paris dates given (inclusive), most recent first."""
    query = select(event).where(event.c.deleted.is_(False))
    if date_from is not None:
        query = query.where(event.c.starts_at >= clock.start_of_day(date_from))
    if date_to is not None:
        query = query.where(event.c.starts_at < clock.end_of_day(date_to))
    rows = session.execute(query.order_by(event.c.starts_at.desc())).mappings()
    return [to_view(Event, row) for row in rows]


def event_titles(session: Session, ids: Sequence[str]) -> dict[str, str]:
    wanted = list(set(ids))
    if not wanted:
        return {}
    rows = session.execute(select(event.c.id, event.c.title).where(event.c.id.in_(wanted)))
    return {row.id: row.title for row in rows}


def partner_choices(session: Session) -> list[PartnerChoice]:
    """The directory's partners an event can name, in alphabetical order."""
    rows = session.execute(
        select(partner.c.id, partner.c.nom, partner.c.commune).where(partner.c.deleted.is_(False))
    )
    choices = [PartnerChoice(row.id, row.nom, row.commune) for row in rows]
    return sorted(choices, key=lambda p: (fold(p.name), p.id))
