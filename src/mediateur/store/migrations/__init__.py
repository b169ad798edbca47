"""Alembic migrations of the local store, run at every open.

An existing database that is behind is first copied (after a WAL checkpoint) to
`<db>.pre-<revision>.bak`; all pending revisions then run in one transaction. If one fails, the
transaction rolls back, the copy is put back, and `MigrationFailed` explains what happened.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from mediateur.store.atomic import fsync_directory, remove_if_exists
from mediateur.store.errors import MigrationFailed

log = logging.getLogger(__name__)
SCRIPT_LOCATION = Path(__file__).resolve().parent


def _config(connection: Connection | None = None, script_location: Path | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(script_location or SCRIPT_LOCATION))
    config.attributes["connection"] = connection
    return config


def head_revision(script_location: Path | None = None) -> str:
    head = ScriptDirectory.from_config(_config(script_location=script_location)).get_current_head()
    assert head is not None
    return head


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def backup_path(db_path: Path, revision: str) -> Path:
    return db_path.with_name(f"{db_path.name}.pre-{revision}.bak")


def upgrade(
    engine: Engine, db_path: Path, *, backup: bool, script_location: Path | None = None
) -> None:
    current = current_revision(engine)
    if current == head_revision(script_location):
        return
    copy: Path | None = None
    if backup and current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        copy = backup_path(db_path, current)
        shutil.copyfile(db_path, copy)
        fsync_directory(db_path.parent)
        log.info("store backup before migration from %s", current)
    try:
        with engine.begin() as conn:
            command.upgrade(_config(conn, script_location), "head")
    except Exception as exc:
        log.error("store migration from %s failed: %s", current, type(exc).__name__)
        engine.dispose()
        if copy is not None:
            for side in ("-wal", "-shm"):
                remove_if_exists(db_path.with_name(db_path.name + side))
            shutil.copyfile(copy, db_path)
            fsync_directory(db_path.parent)
        raise MigrationFailed() from exc
