"""Alembic migrations of the local store, run at every open.

An existing database that is behind is first copied (after a WAL checkpoint) to
`<db>.pre-<revision>.bak`; all pending revisions then run in one transaction. If one fails, the
transaction rolls back, the copy is put back, and `MigrationFailed` explains what happened (the
copy is kept). A database at a revision this version does not know was written by a newer
version: `StoreTooNew`, before anything is copied or run. A copy that cannot be written stops
the upgrade before it starts (`MigrationBackupFailed`); a copy that cannot be put back is said
so, naming the file (`MigrationRestoreFailed`).
"""

from __future__ import annotations

import contextlib
import logging
import shutil
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine

from mediateur.store.atomic import fsync_directory, remove_if_exists
from mediateur.store.errors import (
    MigrationBackupFailed,
    MigrationFailed,
    MigrationRestoreFailed,
    StoreTooNew,
)

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


def known_revisions(script_location: Path | None = None) -> set[str]:
    scripts = ScriptDirectory.from_config(_config(script_location=script_location))
    return {script.revision for script in scripts.walk_revisions()}


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
    if current is not None and current not in known_revisions(script_location):
        log.error("store at unknown revision %s: written by a newer version", current)
        raise StoreTooNew()
    copy: Path | None = None
    if backup and current is not None:
        with engine.connect() as conn:
            conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        copy = backup_path(db_path, current)
        try:
            shutil.copyfile(db_path, copy)
            fsync_directory(db_path.parent)
        except OSError as exc:
            log.error("store backup before migration failed: %s", type(exc).__name__)
            with contextlib.suppress(OSError):
                copy.unlink()  # what a full disk left of it
            raise MigrationBackupFailed() from exc
        log.info("store backup before migration from %s", current)
    try:
        with engine.begin() as conn:
            command.upgrade(_config(conn, script_location), "head")
    except Exception as exc:
        log.error("store migration from %s failed: %s", current, type(exc).__name__)
        engine.dispose()
        if copy is not None:
            _restore(copy, db_path)
        raise MigrationFailed() from exc


def _restore(copy: Path, db_path: Path) -> None:
    try:
        for side in ("-wal", "-shm"):
            remove_if_exists(db_path.with_name(db_path.name + side))
        shutil.copyfile(copy, db_path)
        fsync_directory(db_path.parent)
    except OSError as exc:
        log.error("store restore after a failed migration failed: %s", type(exc).__name__)
        raise MigrationRestoreFailed(
            f"{MigrationRestoreFailed.message} Copie à remettre en place : {copy.name}."
        ) from exc
