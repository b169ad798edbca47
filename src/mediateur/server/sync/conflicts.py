"""The conflict log: values that lost a concurrent edit, and writes that hit a deleted record.

Entries hold the values (a manager may restore one) but never for an erased record: erasure
scrubs them, and a write to an erased record is logged without its values. The log is read by
`GET /api/v1/conflicts`, newest first, for the records whose feeds the caller reads.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, and_, exists, insert, select, update

from mediateur.server.models import change_feed, conflict_log
from mediateur.server.roles import readable_entities
from mediateur.server.sessions import Caller
from mediateur.server.sync.changes import REMOVE
from mediateur.server.sync.scopes import caller_scopes
from mediateur.sync.protocol import ConflictLogEntry

CONCURRENT = "concurrent"
DELETED = "deleted"
_IN_CHUNKS = 500


@dataclass(frozen=True, slots=True)
class LoggedConflict:
    entity: str
    row_id: str
    field: str | None
    reason: str
    winner_value: Any = None
    loser_value: Any = None
    winner_device: str | None = None
    loser_device: str | None = None


def record(conn: Connection, entries: Iterable[LoggedConflict], *, at: datetime) -> None:
    rows = [
        {
            "at": at,
            "entity": entry.entity,
            "row_id": entry.row_id,
            "field": entry.field,
            "reason": entry.reason,
            "winner_value": entry.winner_value,
            "loser_value": entry.loser_value,
            "winner_device": entry.winner_device,
            "loser_device": entry.loser_device,
        }
        for entry in entries
    ]
    if rows:
        conn.execute(insert(conflict_log), rows)


def scrub(conn: Connection, keys: Iterable[tuple[str, str]]) -> None:
    """Forget every value logged for these records (erasure)."""
    by_entity: dict[str, list[str]] = {}
    for entity, row_id in keys:
        by_entity.setdefault(entity, []).append(row_id)
    for entity, ids in by_entity.items():
        for start in range(0, len(ids), _IN_CHUNKS):
            conn.execute(
                update(conflict_log)
                .where(
                    conflict_log.c.entity == entity,
                    conflict_log.c.row_id.in_(ids[start : start + _IN_CHUNKS]),
                )
                .values(winner_value=None, loser_value=None)
            )


def visible_entries(
    conn: Connection, caller: Caller, *, before: int | None, limit: int
) -> list[ConflictLogEntry]:
    """Entries about records in the caller's feeds, newest first, `before` an id (paging)."""
    in_feed = exists().where(
        and_(
            change_feed.c.entity == conflict_log.c.entity,
            change_feed.c.row_id == conflict_log.c.row_id,
            change_feed.c.scope.in_(caller_scopes(caller)),
            change_feed.c.op != REMOVE,
        )
    )
    query = (
        select(conflict_log)
        .where(in_feed, conflict_log.c.entity.in_(sorted(readable_entities(caller.role))))
        .order_by(conflict_log.c.id.desc())
        .limit(limit)
    )
    if before is not None:
        query = query.where(conflict_log.c.id < before)
    return [
        ConflictLogEntry(
            id=row.id,
            entity=row.entity,
            row_id=row.row_id,
            field=row.field,
            reason=row.reason,
            winner_value=row.winner_value,
            loser_value=row.loser_value,
            winner_device=row.winner_device,
            loser_device=row.loser_device,
            at=row.at,
        )
        for row in conn.execute(query)
    ]
