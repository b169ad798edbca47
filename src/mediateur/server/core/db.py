"""The server database: one engine per process, short explicit transactions.

`Database.begin()` is a write transaction, `Database.read()` a read-only one, and
`Database.snapshot()` a read-only one that sees a single state across its statements (pulls).
On SQLite (the embedded default) writers take the write lock up front (`BEGIN IMMEDIATE`), so two
workers never fail on a lock upgrade, and WAL lets readers run beside them. The statement timeout
bounds how long a request can wait on the database (on PostgreSQL a running query or a lock, on
SQLite another writer's lock); past it the request fails with 503 instead of holding a worker.
No state that matters lives in the process: several workers share one database.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.engine import make_url

SQLITE_PRAGMAS = (
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
)
_WRITE = {"begin_mode": "IMMEDIATE"}


class Database:
    def __init__(self, url: str, *, statement_timeout_ms: int = 30_000) -> None:
        self.url = url
        self.engine = make_engine(url, statement_timeout_ms=statement_timeout_ms)

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @contextmanager
    def begin(self) -> Iterator[Connection]:
        """A write transaction, committed when the block ends without an exception."""
        with self.engine.connect().execution_options(**_WRITE) as conn, conn.begin():
            yield conn

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A transaction for reads only (rolled back at the end)."""
        with self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def snapshot(self) -> Iterator[Connection]:
        """A read-only transaction that sees one state of the database across its statements
        (REPEATABLE READ on PostgreSQL; a SQLite read transaction already does in WAL mode)."""
        options = {} if self.is_sqlite else {"isolation_level": "REPEATABLE READ"}
        with self.engine.connect().execution_options(**options) as conn, conn.begin():
            yield conn

    def dispose(self) -> None:
        self.engine.dispose()


def make_engine(url: str, *, statement_timeout_ms: int) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return _sqlite_engine(url, busy_timeout_ms=statement_timeout_ms)
    return create_engine(
        url,
        hide_parameters=True,
        pool_pre_ping=True,
        connect_args={
            "application_name": "mediateur-server",
            "connect_timeout": 10,
            "options": (
                f"-c statement_timeout={statement_timeout_ms} "
                f"-c lock_timeout={statement_timeout_ms} "
                f"-c idle_in_transaction_session_timeout={4 * statement_timeout_ms}"
            ),
        },
    )


def _sqlite_engine(url: str, *, busy_timeout_ms: int) -> Engine:
    engine = create_engine(
        url,
        hide_parameters=True,
        connect_args={"check_same_thread": False, "timeout": busy_timeout_ms / 1000},
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        # Transactions are begun by SQLAlchemy (below), not implicitly by the DB-API module.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        try:
            for pragma in SQLITE_PRAGMAS:
                cursor.execute(pragma)
            # SQLite has no statement timeout: a wait for another writer's lock is what can hang.
            cursor.execute(f"PRAGMA busy_timeout = {busy_timeout_ms}")
        finally:
            cursor.close()

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        mode = conn.get_execution_options().get("begin_mode", "DEFERRED")
        conn.exec_driver_sql(f"BEGIN {mode}")

    return engine
