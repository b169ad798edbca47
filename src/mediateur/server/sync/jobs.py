"""The sync's scheduled jobs (DESIGN.md §2, §5), run by `mediateur.server.jobs`.

- `anonymise`: people whose last contact (else their intake) is 24 months old or more, in
  Europe/Paris days, lose their identity, contact details, free text and birth date; so does the
  free text of their contacts, follow-ups, referrals and referral events. Coded fields, dates and
  the age band at intake stay: the indicators do not change.
- `expire_referrals`: referrals `emise` or `recue` whose last change is 30 days old become
  `expiree`, with a referral event written by the server (no laptop ever writes `expiree`).
- `purge_tombstones`: `delete` and `remove` entries of the feed older than 180 days go, with the
  tombstones they were the last trace of; the purge horizon (their highest seq) is recorded, and
  a cursor below it gets 410 `tombstone_horizon`. Erased ids stay refused forever.
- `purge_sync_keys`: idempotency keys past their retention (≥ 7 days), and the record of applied
  mutations past the tombstone horizon.

Changes made by the jobs get seqs like any other (a `ChangeSet` stamped before commit), so
laptops pull them.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import Connection, and_, delete, exists, func, select, update

from mediateur.domain.values import new_id
from mediateur.server.core.config import Settings
from mediateur.server.models import (
    applied_mutation,
    change_feed,
    idempotency_key,
    record_tables,
    sync_state,
)
from mediateur.server.sync import cascade
from mediateur.server.sync.changes import DELETE, REMOVE, ChangeSet
from mediateur.server.sync.state import millis, read_state
from mediateur.server.sync.writer import Writer

PARIS = ZoneInfo("Europe/Paris")
EXPIRED = "expiree"
AWAITING_ANSWER = ("emise", "recue")


def months_before(day: date, months: int) -> date:
    """The same day `months` earlier (the month's last day when it is shorter)."""
    year, month = divmod(day.year * 12 + day.month - 1 - months, 12)
    month += 1
    for candidate in range(day.day, 0, -1):
        try:
            return date(year, month, candidate)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def _writer(conn: Connection, now: datetime) -> Writer:
    return Writer(conn, ChangeSet(conn, now=now), read_state(conn), now)


def anonymise(conn: Connection, now: datetime, settings: Settings) -> int:
    cutoff = months_before(now.astimezone(PARIS).date(), settings.anonymise_after_months)
    table = record_tables["beneficiary"]
    last_seen = func.coalesce(table.c.last_contact_at, table.c.intake_date)
    due = conn.execute(
        select(table)
        .where(table.c.deleted.is_(False), table.c.anonymised_at.is_(None), last_seen <= cutoff)
        .order_by(table.c.id)
        .with_for_update()
    ).mappings()
    writer = _writer(conn, now)
    count = 0
    for row in list(due):
        cascade.anonymise(writer, dict(row))
        count += 1
    writer.changes.stamp()
    return count


def expire_referrals(conn: Connection, now: datetime, settings: Settings) -> int:
    cutoff = f"{millis(now - timedelta(days=settings.referral_expiry_days)):013d}"
    table = record_tables["referral"]
    due = conn.execute(
        select(table)
        .where(
            table.c.deleted.is_(False),
            table.c.status.in_(AWAITING_ANSWER),
            table.c.updated_hlc < cutoff,
        )
        .order_by(table.c.id)
        .with_for_update()
    ).mappings()
    writer = _writer(conn, now)
    clock = writer.server_clock
    count = 0
    for raw in list(due):
        row = dict(raw)
        writer.create(
            "referral_event",
            new_id(),
            {
                "referral_id": row["id"],
                "at": now,
                "by": None,
                "from_status": row["status"],
                "to_status": EXPIRED,
                "reason": None,
            },
            clock=clock,
            organisation_id=row["organisation_id"],
            created_by=None,
        )
        writer.write("referral", row, {"status": EXPIRED}, clock=clock)
        count += 1
    writer.changes.stamp()
    return count


def purge_tombstones(conn: Connection, now: datetime, settings: Settings) -> int:
    old = and_(
        change_feed.c.op.in_((DELETE, REMOVE)),
        change_feed.c.changed_at < now - timedelta(days=settings.tombstone_horizon_days),
    )
    horizon = conn.execute(select(func.max(change_feed.c.seq)).where(old)).scalar_one()
    if horizon is None:
        return 0
    purged = conn.execute(delete(change_feed).where(old)).rowcount
    for entity, table in record_tables.items():
        still_in_feed = exists().where(
            change_feed.c.entity == entity, change_feed.c.row_id == table.c.id
        )
        conn.execute(delete(table).where(table.c.deleted.is_(True), ~still_in_feed))
    conn.execute(
        update(sync_state)
        .where(sync_state.c.id == 1, sync_state.c.purge_horizon < horizon)
        .values(purge_horizon=horizon)
    )
    return purged


def purge_sync_keys(conn: Connection, now: datetime, settings: Settings) -> int:
    keys = conn.execute(
        delete(idempotency_key).where(
            idempotency_key.c.created_at < now - timedelta(days=settings.idempotency_key_days)
        )
    ).rowcount
    applied = conn.execute(
        delete(applied_mutation).where(
            applied_mutation.c.at < now - timedelta(days=settings.tombstone_horizon_days)
        )
    ).rowcount
    return keys + applied
