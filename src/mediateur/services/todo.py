"""The "À faire" list: follow-ups whose planned date has come, and referrals waiting for the
partner's answer for more than 10 days (computed here, never written)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import ACTIVE, display_name
from mediateur.services.referrals import REMINDER_DAYS, list_referrals
from mediateur.store.schema import beneficiary, follow_up


@dataclass(frozen=True, slots=True)
class TodoItem:
    kind: str  # "follow_up" or "referral"
    due: date
    title: str
    detail: str | None
    beneficiary_id: str | None
    person_name: str | None
    record_id: str


def todo_list(session: Session, *, today: date | None = None) -> list[TodoItem]:
    """What needs doing, the oldest first."""
    today = today or clock.today()
    return sorted(
        [*_due_follow_ups(session, today), *_referrals_to_chase(session, today)],
        key=lambda item: (item.due, item.kind, item.person_name or ""),
    )


def _due_follow_ups(session: Session, today: date) -> list[TodoItem]:
    people = {
        row.id: display_name(row.last_name, row.first_name)
        for row in session.execute(
            select(beneficiary.c.id, beneficiary.c.last_name, beneficiary.c.first_name).where(
                beneficiary.c.deleted.is_(False), beneficiary.c.status == ACTIVE
            )
        )
    }
    latest: dict[str, Any] = {}  # person → the row of their latest follow-up
    rows = session.execute(
        select(
            follow_up.c.id,
            follow_up.c.beneficiary_id,
            follow_up.c.kind,
            follow_up.c.next_step,
            follow_up.c.next_date,
        )
        .where(follow_up.c.deleted.is_(False))
        .order_by(follow_up.c.occurred_at, follow_up.c.id)
    )
    for found in rows:
        if found.beneficiary_id in people:
            latest[found.beneficiary_id] = found
    kinds = reference_data()["follow_up_kinds"]
    items = []
    for person_id, row in latest.items():
        if row.next_date is None or row.next_date > today:
            continue
        items.append(
            TodoItem(
                kind="follow_up",
                due=row.next_date,
                title=f"Suivi prévu : {row.next_step or kinds.label(row.kind)}",
                detail=None,
                beneficiary_id=person_id,
                person_name=people[person_id],
                record_id=row.id,
            )
        )
    return items


def _referrals_to_chase(session: Session, today: date) -> list[TodoItem]:
    statuses = reference_data()["referral_statuses"]
    return [
        TodoItem(
            kind="referral",
            due=clock.paris_date(row.last_change_at) + timedelta(days=REMINDER_DAYS + 1),
            title=f"Relancer {row.partner_name}",
            detail=(
                f"Orientation {row.referral.number} "
                f"« {statuses.label(row.referral.status)} » sans réponse depuis le "
                f"{clock.format_day(clock.paris_date(row.last_change_at))}"
            ),
            beneficiary_id=row.referral.beneficiary_id,
            person_name=row.person_name,
            record_id=row.referral.id,
        )
        for row in list_referrals(session, reminder_only=True, today=today)
    ]
