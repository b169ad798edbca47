"""Alembic migrations of the server database, run by `mediateur-server migrate` and by `serve`.

All pending revisions run in one transaction (PostgreSQL and SQLite both have transactional DDL).
On PostgreSQL an advisory lock makes two servers started together migrate one after the other.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection

from mediateur.server.core.db import Database

SCRIPT_LOCATION = Path(__file__).resolve().parent
# Any constant works: it only has to be the same for every server process.
_ADVISORY_LOCK_KEY = 0x6D656469


def _config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def current_revision(db: Database) -> str | None:
    with db.read() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def is_current(db: Database) -> bool:
    return current_revision(db) == head_revision()


def upgrade(db: Database) -> tuple[str | None, str]:
    """Bring the database to the latest revision; returns (revision before, revision after)."""
    with db.begin() as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(f"SELECT pg_advisory_xact_lock({_ADVISORY_LOCK_KEY})")
        before = MigrationContext.configure(conn).get_current_revision()
        command.upgrade(_config(conn), "head")
    return before, head_revision()
