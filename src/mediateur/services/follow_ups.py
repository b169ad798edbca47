"""Follow-ups of cohort members (entretiens, appels, ateliers…): append-only, never edited.

A follow-up may plan a next step with a date; the latest follow-up of an active person whose date
has come is what the "À faire" list shows. Recording one moves the person's last contact date.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.services import clock
from mediateur.services.beneficiaries import note_contact
from mediateur.services.records import exists, to_view
from mediateur.services.validation import Checker
from mediateur.store.schema import follow_up
from mediateur.store.unit_of_work import UnitOfWork


@dataclass(frozen=True, slots=True)
class FollowUpInput:
    beneficiary_id: str | None
    occurred_at: datetime | None
    kind: str | None
    summary: str | None = None
    next_step: str | None = None
    next_date: date | None = None


@dataclass(frozen=True, slots=True)
class FollowUp:
    id: str
    created_at: datetime
    created_by: str | None
    beneficiary_id: str
    occurred_at: datetime
    kind: str
    summary: str | None = None
    next_step: str | None = None
    next_date: date | None = None


def validate_follow_up(
    session: Session, data: FollowUpInput, *, now: datetime | None = None
) -> dict[str, Any]:
    check = Checker("follow_up")
    values: dict[str, Any] = {
        "beneficiary_id": data.beneficiary_id,
        "occurred_at": check.past_moment(
            "occurred_at", data.occurred_at, now or clock.now(), required=True
        ),
        "kind": check.code("kind", data.kind, required=True),
        "summary": check.text("summary", data.summary, multiline=True),
        "next_step": check.text("next_step", data.next_step, multiline=True),
        "next_date": data.next_date,
    }
    if not data.beneficiary_id:
        check.fail("beneficiary_id", "champ obligatoire.")
    elif not exists(session, "beneficiary", data.beneficiary_id):
        check.fail("beneficiary_id", "personne inconnue ou supprimée.")
    occurred = values["occurred_at"]
    if data.next_date and occurred and data.next_date < clock.paris_date(occurred):
        check.fail("next_date", "la prochaine étape précède la date du suivi.")
    check.raise_if_any()
    return values


def record_follow_up(*, uow: UnitOfWork, data: FollowUpInput, now: datetime | None = None) -> str:
    values = validate_follow_up(uow.session, data, now=now)
    follow_up_id = uow.create("follow_up", values)
    note_contact(uow, values["beneficiary_id"], clock.paris_date(values["occurred_at"]))
    return follow_up_id


def list_follow_ups(session: Session, beneficiary_id: str) -> list[FollowUp]:
    """A person's follow-ups, oldest first."""
    rows = session.execute(
        select(follow_up)
        .where(follow_up.c.beneficiary_id == beneficiary_id, follow_up.c.deleted.is_(False))
        .order_by(follow_up.c.occurred_at, follow_up.c.id)
    ).mappings()
    return [to_view(FollowUp, row) for row in rows]
