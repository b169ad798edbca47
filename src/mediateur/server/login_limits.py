"""Rate limits on failed logins, per account and per client address, kept in the database.

Each failed login is one row; a login is refused (429 with `Retry-After`) while the account, or the
address, has reached its limit of failures within the sliding window. Successful logins, revoked
or taken devices and refused attempts are not failures. Because the rows live in the database,
every worker of `serve --workers N` (and every server sharing the database) sees the same counts.
Concurrent attempts can overshoot a limit by at most the number of attempts in flight at once.
"""

from __future__ import annotations

import hashlib
import math
from datetime import datetime, timedelta

from sqlalchemy import Column, Connection, delete, func, insert, select

from mediateur.server.core.config import Settings
from mediateur.server.models import login_failure

# Rows are kept at least this long, whatever the window, so a window raised later still counts.
MIN_KEPT = timedelta(days=1)


def account_key(username: str) -> str:
    return hashlib.sha256(username.encode("utf-8")).hexdigest()


def retry_after(
    conn: Connection, *, username: str, address: str, now: datetime, settings: Settings
) -> int | None:
    """Seconds before this account and address may try again, or None when they may try now."""
    window = timedelta(seconds=settings.login_window_seconds)
    waits = [
        _wait(conn, column, key, limit, now=now, window=window)
        for column, key, limit in (
            (
                login_failure.c.account_key,
                account_key(username),
                settings.login_failures_per_account,
            ),
            (login_failure.c.address, address, settings.login_failures_per_address),
        )
    ]
    blocked = [wait for wait in waits if wait is not None]
    return max(blocked) if blocked else None


def _wait(
    conn: Connection,
    column: Column[str],
    key: str,
    limit: int,
    *,
    now: datetime,
    window: timedelta,
) -> int | None:
    recent = (column == key) & (login_failure.c.at > now - window)
    count = conn.execute(select(func.count()).select_from(login_failure).where(recent)).scalar_one()
    if count < limit:
        return None
    # Allowed again once enough of the oldest failures have left the window.
    oldest_blocking: datetime = conn.execute(
        select(login_failure.c.at)
        .where(recent)
        .order_by(login_failure.c.at)
        .offset(count - limit)
        .limit(1)
    ).scalar_one()
    return max(1, math.ceil((oldest_blocking + window - now).total_seconds()))


def record_failure(conn: Connection, *, username: str, address: str, now: datetime) -> None:
    conn.execute(
        insert(login_failure).values(at=now, account_key=account_key(username), address=address)
    )


def purge(conn: Connection, *, now: datetime, settings: Settings) -> int:
    """Remove failures too old to count; returns how many were removed."""
    kept = max(MIN_KEPT, timedelta(seconds=settings.login_window_seconds))
    return conn.execute(delete(login_failure).where(login_failure.c.at < now - kept)).rowcount
