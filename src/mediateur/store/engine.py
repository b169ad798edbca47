"""SQLCipher engines: SQLAlchemy over the `sqlcipher3` DB-API module, keyed with a raw 256-bit key.

Every new connection checks that SQLCipher is really there (`PRAGMA cipher_version` non-empty:
stdlib sqlite3 would silently ignore the key and write plaintext), sends the key, proves it with a
read, and sets the pragmas of DESIGN.md §3. The key lives in a `KeyHolder` that `wipe()` zeroes;
after that no connection can be opened. Transactions are begun explicitly so that writers take the
write lock up front (`BEGIN IMMEDIATE`), which lets the UI worker and the sync thread interleave on
WAL without SQLITE_BUSY on lock upgrade.
"""

from __future__ import annotations

import threading
from pathlib import Path
from types import ModuleType
from typing import Any

import sqlcipher3
from sqlalchemy import URL, Engine, create_engine, event
from sqlalchemy.pool import QueuePool

from mediateur.store.errors import DatabaseTampered, EncryptionUnavailable, VaultLocked

KEY_BYTES = 32
CONNECTION_PRAGMAS = (
    "PRAGMA cipher_memory_security = ON",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA busy_timeout = 5000",
    # 32 MiB of page cache: every page read from disk costs a decryption, so keep more of them.
    "PRAGMA cache_size = -32768",
)
WRITE = {"begin_mode": "IMMEDIATE"}


class KeyHolder:
    """The data key, in a mutable buffer that can be overwritten when the vault locks."""

    def __init__(self, key: bytes) -> None:
        if len(key) != KEY_BYTES:
            raise ValueError("the data key is 32 bytes")
        self._key = bytearray(key)
        self._alive = True

    @property
    def alive(self) -> bool:
        return self._alive

    def pragma(self) -> str:
        if not self._alive:
            raise VaultLocked()
        return f"PRAGMA key = \"x'{self._key.hex()}'\""

    def bytes(self) -> bytes:
        if not self._alive:
            raise VaultLocked()
        return bytes(self._key)

    def wipe(self) -> None:
        for i in range(len(self._key)):
            self._key[i] = 0
        self._alive = False


def cipher_version(dbapi_connection: Any) -> str:
    cursor = dbapi_connection.cursor()
    try:
        row = cursor.execute("PRAGMA cipher_version").fetchone()
    finally:
        cursor.close()
    return row[0] if row and row[0] else ""


def apply_connection_pragmas(dbapi_connection: Any) -> None:
    cursor = dbapi_connection.cursor()
    try:
        for pragma in CONNECTION_PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()


def install_explicit_transactions(engine: Engine) -> None:
    """Let SQLAlchemy, not the DB-API module, decide when transactions begin, and how."""

    @event.listens_for(engine, "begin")
    def _begin(conn: Any) -> None:
        mode = conn.get_execution_options().get("begin_mode", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")


class ConnectionRegistry:
    """Every live DB-API connection of an engine, so a lock can close them from any thread."""

    def __init__(self) -> None:
        # DB-API connections cannot be weakly referenced: the pool's close events remove them.
        self._connections: set[Any] = set()
        self._mutex = threading.Lock()

    def add(self, connection: Any) -> None:
        with self._mutex:
            self._connections.add(connection)

    def discard(self, connection: Any) -> None:
        with self._mutex:
            self._connections.discard(connection)

    def __len__(self) -> int:
        with self._mutex:
            return len(self._connections)

    def close_all(self) -> None:
        with self._mutex:
            connections = list(self._connections)
            self._connections.clear()
        for connection in connections:
            try:
                connection.interrupt()
                connection.close()
            except Exception:  # noqa: S112 - already closed, or mid-close on its thread
                continue


def make_engine(
    db_path: Path, key: KeyHolder, *, module: ModuleType | None = None
) -> tuple[Engine, ConnectionRegistry]:
    """An engine on the SQLCipher file `db_path`, and the registry of its connections."""
    # Looked up at call time, so a test can substitute stdlib sqlite3 and see it refused.
    module = module or sqlcipher3
    registry = ConnectionRegistry()
    engine = create_engine(
        # Built, not parsed: a URL string would read "%41" in a folder name as "A" (Windows
        # user names may hold "%") and cut the path at a "?".
        URL.create("sqlite", database=str(db_path)),
        module=module,
        connect_args={"check_same_thread": False},
        hide_parameters=True,
        poolclass=QueuePool,
        pool_size=4,
        max_overflow=4,
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        if not cipher_version(dbapi_connection):
            dbapi_connection.close()
            raise EncryptionUnavailable()
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            # SQLCipher's own log goes to stderr in English; our errors say it in French.
            cursor.execute("PRAGMA cipher_log_level = NONE")
            cursor.execute(key.pragma())
            cursor.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except module.DatabaseError:
            cursor.close()
            dbapi_connection.close()
            raise DatabaseTampered() from None
        cursor.close()
        apply_connection_pragmas(dbapi_connection)
        registry.add(dbapi_connection)

    @event.listens_for(engine, "close")
    def _close(dbapi_connection: Any, _record: Any) -> None:
        registry.discard(dbapi_connection)

    @event.listens_for(engine, "close_detached")
    def _close_detached(dbapi_connection: Any) -> None:
        registry.discard(dbapi_connection)

    install_explicit_transactions(engine)
    return engine, registry
