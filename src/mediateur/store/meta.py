"""The vault's local key-value entries (`sync_meta`) and the count of changes waiting to be sent.

The server address and the sync state live in the vault (DESIGN.md §9), under the keys below;
other modules keep their own keys in the same table.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from mediateur.domain.values import parse_datetime
from mediateur.store.schema import outbox, sync_meta

SERVER_URL_KEY = "server_url"
LAST_SYNC_OK_KEY = "last_sync_ok_at"


@dataclass(frozen=True, slots=True)
class LocalStatus:
    """What the status bar shows: edits not yet pushed, and when a sync last succeeded."""

    pending_changes: int
    last_sync_ok_at: datetime | None


def read_meta(session: Session, key: str) -> str | None:
    return session.scalar(select(sync_meta.c.value).where(sync_meta.c.key == key))


def write_meta(session: Session, key: str, value: str | None) -> None:
    """Insert or replace one entry, inside the caller's (write) transaction."""
    statement = sqlite_insert(sync_meta).values(key=key, value=value)
    session.execute(
        statement.on_conflict_do_update(index_elements=[sync_meta.c.key], set_={"value": value})
    )


def pending_change_count(session: Session) -> int:
    return int(session.scalar(select(func.count()).select_from(outbox)) or 0)


def local_status(session: Session) -> LocalStatus:
    raw = read_meta(session, LAST_SYNC_OK_KEY)
    try:
        last_ok = parse_datetime(raw) if raw else None
    except ValueError:
        last_ok = None
    return LocalStatus(pending_changes=pending_change_count(session), last_sync_ok_at=last_ok)
