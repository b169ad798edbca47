"""What the laptop remembers about sync, in the vault's `sync_meta` table (never in Qt settings):
the server, the account, the cursor, the last successful sync, warnings for the UI."""

from __future__ import annotations

from sqlalchemy import delete, select
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from mediateur.store.schema import sync_meta

SERVER_URL = "server_url"
CA_BUNDLE = "ca_bundle"
TOKEN = "token"  # noqa: S105 - a key name, not a secret
USERNAME = "username"
USER_ID = "user_id"
DISPLAY_NAME = "display_name"
ROLE = "role"
ORGANISATION_ID = "organisation_id"
CURSOR = "cursor"
LAST_SYNC_OK_AT = "last_sync_ok_at"
LAST_PULL_AT = "last_pull_at"
CLOCK_WARNING = "clock_warning"
CLIENT_TOO_OLD = "client_too_old"
SYNC_LOCK = "sync_lock"


def get(session: Session, key: str) -> str | None:
    return session.scalar(select(sync_meta.c.value).where(sync_meta.c.key == key))


def put(session: Session, key: str, value: str | None) -> None:
    if value is None:
        session.execute(delete(sync_meta).where(sync_meta.c.key == key))
        return
    statement = insert(sync_meta).values(key=key, value=value)
    session.execute(statement.on_conflict_do_update(index_elements=["key"], set_={"value": value}))


def get_many(session: Session, *keys: str) -> dict[str, str | None]:
    rows = session.execute(select(sync_meta).where(sync_meta.c.key.in_(keys))).all()
    found = {row.key: row.value for row in rows}
    return {key: found.get(key) for key in keys}
