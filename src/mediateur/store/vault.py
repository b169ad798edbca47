"""A profile's vault: its key slots, its SQLCipher database, and the life cycle between them.

`Vault.create` makes a new profile (data key, install id, both slots, database at the newest
schema) and returns the recovery code to show once. `Vault.unlock` and `Vault.unlock_with_recovery`
open an existing one; a failed unlock writes nothing. `lock()` closes every connection, on every
thread, and overwrites the key. Tests and benchmarks may `open_with_key` to skip the KDF.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from sqlalchemy import CursorResult, Engine, select, text, update
from sqlalchemy.exc import DatabaseError, OperationalError
from sqlalchemy.orm import Session, sessionmaker

from mediateur.store import migrations
from mediateur.store.atomic import fsync_directory, remove_if_exists
from mediateur.store.engine import WRITE, ConnectionRegistry, KeyHolder, make_engine
from mediateur.store.errors import (
    MIN_PASSPHRASE_LENGTH,
    DatabaseMissing,
    DatabaseTampered,
    ProfileExists,
    VaultLocked,
    WeakPassphrase,
)
from mediateur.store.keyslots import ARGON2_DEFAULT, Argon2Params, VaultFile
from mediateur.store.schema import sync_meta
from mediateur.sync.hlc import HybridClock, Timestamp, node_of

log = logging.getLogger(__name__)

DB_FILE = "mediateur.db"
HLC_KEY = "hlc"


def check_passphrase_strength(passphrase: str) -> None:
    if len(passphrase.strip()) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphrase()


def db_files(db_path: Path) -> list[Path]:
    """The database and its SQLite side files."""
    return [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))]


class Vault:
    """An unlocked vault. Sessions come from `session()` (reads) and `write_session()`."""

    def __init__(self, vault_file: VaultFile, key: KeyHolder) -> None:
        self._file = vault_file
        self._key = key
        self.directory = vault_file.directory
        self.install_id = vault_file.install_id
        self.vault_id = vault_file.vault_id
        self.db_path = vault_file.db_path
        self._engine: Engine | None
        self._registry: ConnectionRegistry | None
        self._engine, self._registry = make_engine(self.db_path, key)
        self._sessions = sessionmaker(bind=self._engine, expire_on_commit=False)
        self._write_sessions = sessionmaker(
            bind=self._engine.execution_options(**WRITE), expire_on_commit=False
        )
        self._clock_mutex = threading.Lock()
        self.clock = HybridClock(node_of(self.install_id))

    # Opening

    @classmethod
    def create(
        cls, directory: Path, passphrase: str, *, kdf: Argon2Params = ARGON2_DEFAULT
    ) -> tuple[Vault, str]:
        """A new profile in `directory`; returns the vault and its recovery code."""
        check_passphrase_strength(passphrase)
        directory.mkdir(parents=True, exist_ok=True)
        if (directory / "vault.json").exists() or (directory / "vault.json.bak").exists():
            raise ProfileExists()
        # A database without its key file can never be opened again: start clean.
        for stale in db_files(directory / DB_FILE):
            remove_if_exists(stale)
        vault_file = VaultFile.new(directory, DB_FILE)
        dek = os.urandom(32)
        recovery_slot, recovery_code = vault_file.recovery_slot(dek)
        vault_file.doc["slots"] = [vault_file.passphrase_slot(passphrase, dek, kdf), recovery_slot]
        vault = cls(vault_file, KeyHolder(dek))
        try:
            vault._prepare_database(new=True)
            vault_file.save("create")
        except BaseException:
            vault.lock()
            raise
        fsync_directory(directory)
        return vault, recovery_code

    @classmethod
    def unlock(cls, directory: Path, passphrase: str) -> Vault:
        vault_file = VaultFile.load(directory)
        dek = vault_file.unwrap_with_passphrase(passphrase)
        return cls._open(vault_file, dek)

    @classmethod
    def unlock_with_recovery(cls, directory: Path, code: str) -> Vault:
        vault_file = VaultFile.load(directory)
        dek = vault_file.unwrap_with_recovery_code(code)
        return cls._open(vault_file, dek)

    @classmethod
    def open_with_key(cls, directory: Path, key: bytes) -> Vault:
        """Open with the raw data key (tests, benchmarks): no KDF."""
        return cls._open(VaultFile.load(directory), key)

    @classmethod
    def _open(cls, vault_file: VaultFile, dek: bytes) -> Vault:
        if not vault_file.db_path.exists():
            raise DatabaseMissing()
        vault = cls(vault_file, KeyHolder(dek))
        try:
            vault._prepare_database(new=False)
        except BaseException:
            vault.lock()
            raise
        return vault

    def _prepare_database(self, *, new: bool) -> None:
        migrations.upgrade(self.engine, self.db_path, backup=not new)
        with self.session() as session:
            state = session.scalar(select(sync_meta.c.value).where(sync_meta.c.key == HLC_KEY))
        if state:
            stamp = Timestamp.parse(state)
            self.clock.millis, self.clock.counter = stamp.millis, stamp.counter

    # Sessions

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            raise VaultLocked()
        return self._engine

    @property
    def is_locked(self) -> bool:
        return self._engine is None

    def session(self) -> Session:
        """A session for reading (deferred transactions)."""
        if self._engine is None:
            raise VaultLocked()
        return self._sessions()

    def write_session(self) -> Session:
        """A session whose transactions take the write lock at once (BEGIN IMMEDIATE)."""
        if self._engine is None:
            raise VaultLocked()
        return self._write_sessions()

    @contextlib.contextmanager
    def unit_of_work(self) -> Iterator[Any]:
        """A transaction through which business rows and their outbox entries are written."""
        from mediateur.store.unit_of_work import UnitOfWork

        with self.write_session() as session, session.begin():
            uow = UnitOfWork(session, self)
            yield uow
            uow.finish()

    def tick_hlc(self) -> str:
        """A fresh HLC stamp; the caller persists the clock in its transaction (`persist_hlc`)."""
        with self._clock_mutex:
            return self.clock.tick()

    def observe_hlc(self, session: Session, remote: str) -> None:
        """Move the clock past a timestamp received from the server, persistently."""
        with self._clock_mutex:
            self.clock.receive(remote)
            stamp = str(Timestamp(self.clock.millis, self.clock.counter, self.clock.node))
        persist_hlc(session, stamp)

    # Secrets

    def _dek(self) -> bytes:
        return self._key.bytes()

    def change_passphrase(self, old: str, new: str, *, kdf: Argon2Params = ARGON2_DEFAULT) -> None:
        """Check `old`, then add a slot for `new` and remove the old one (crash-safe order)."""
        check_passphrase_strength(new)
        current = VaultFile.load(self.directory)
        current.unwrap_with_passphrase(old)
        self._file = current
        current.replace_slots(
            "passphrase", current.passphrase_slot(new, self._dek(), kdf), "passphrase"
        )

    def set_passphrase(self, new: str, *, kdf: Argon2Params = ARGON2_DEFAULT) -> None:
        """Replace the passphrase of a vault opened with its recovery code."""
        check_passphrase_strength(new)
        current = VaultFile.load(self.directory)
        self._file = current
        current.replace_slots(
            "passphrase", current.passphrase_slot(new, self._dek(), kdf), "passphrase"
        )

    def regenerate_recovery_code(self) -> str:
        """A new recovery code; the previous one stops working."""
        current = VaultFile.load(self.directory)
        self._file = current
        slot, code = current.recovery_slot(self._dek())
        current.replace_slots("recovery", slot, "recovery")
        return code

    # Integrity, locking, destruction

    def check_integrity(self) -> list[str]:
        """Problems found by `PRAGMA cipher_integrity_check` (empty when sound). Slow on big
        files: callers run it off the GUI thread. A fresh connection is used, since a connection
        that met a corrupt page keeps failing afterwards."""
        engine, registry = make_engine(self.db_path, self._key)
        try:
            with engine.connect() as conn:
                problems = [row[0] for row in conn.exec_driver_sql("PRAGMA cipher_integrity_check")]
                rows = conn.exec_driver_sql("PRAGMA quick_check").fetchall()
                problems += [row[0] for row in rows if row[0] != "ok"]
        except (DatabaseError, OperationalError, DatabaseTampered):
            problems = ["La base ne peut pas être lue : page altérée."]
        finally:
            engine.dispose()
            registry.close_all()
        return problems

    def lock(self) -> None:
        """Close every connection (from any thread) and overwrite the key."""
        engine, registry = self._engine, self._registry
        self._engine = self._registry = None
        if engine is not None:
            engine.dispose()
        if registry is not None:
            registry.close_all()
        self._key.wipe()

    def destroy(self) -> None:
        """Lock, then delete the profile's database, key files and backups (remote wipe)."""
        self.lock()
        for path in list(self.directory.iterdir()):
            if path.is_dir():
                shutil.rmtree(path, ignore_errors=True)
            else:
                remove_if_exists(path)
        fsync_directory(self.directory)


def persist_hlc(session: Session, stamp: str) -> None:
    """Store the clock state, never moving it backwards (two threads may commit out of order)."""
    result: CursorResult[Any] = session.execute(  # type: ignore[assignment]
        update(sync_meta)
        .where(sync_meta.c.key == HLC_KEY, sync_meta.c.value < stamp)
        .values(value=stamp)
    )
    stored = result.rowcount
    if not stored:
        session.execute(
            text("INSERT OR IGNORE INTO sync_meta (key, value) VALUES (:key, :value)"),
            {"key": HLC_KEY, "value": stamp},
        )
