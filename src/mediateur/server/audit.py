"""The audit log: who did what, when, from where, by ids and counts only.

An entry never holds a value (no name, no field content, no password, no token): an action code,
the acting user and device, the organisation concerned, the target's id, a count and a coded
qualifier (a revoke mode, a role). Entries older than the retention (12 months by default) are
removed by the purge job. Sync records pushes and pulls (with counts) and erasures (the erased
id, never what it held).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from enum import StrEnum

from sqlalchemy import Connection, delete, insert

from mediateur.server.models import audit_log


class Action(StrEnum):
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGIN_REFUSED_DEVICE = "login_refused_device"
    LOGOUT = "logout"
    DEVICE_REGISTERED = "device_registered"
    DEVICE_REVOKED = "device_revoked"
    ORGANISATION_CREATED = "organisation_created"
    USER_CREATED = "user_created"
    USER_DISABLED = "user_disabled"
    USER_ENABLED = "user_enabled"
    PASSWORD_RESET = "password_reset"  # noqa: S105 - an action name
    ROLE_CHANGED = "role_changed"
    PUSH = "push"
    PULL = "pull"
    EXPORT = "export"
    ERASE = "erase"


def record(
    conn: Connection,
    *,
    action: Action,
    at: datetime,
    actor_user_id: str | None = None,
    actor_device_id: str | None = None,
    organisation_id: str | None = None,
    target_id: str | None = None,
    count: int | None = None,
    code: str | None = None,
    address: str | None = None,
) -> None:
    conn.execute(
        insert(audit_log).values(
            at=at,
            action=action.value,
            actor_user_id=actor_user_id,
            actor_device_id=actor_device_id,
            organisation_id=organisation_id,
            target_id=target_id,
            count=count,
            code=code,
            address=address,
        )
    )


def purge(conn: Connection, *, now: datetime, retention_days: int) -> int:
    """Remove entries older than the retention; returns how many were removed."""
    cutoff = now - timedelta(days=retention_days)
    return conn.execute(delete(audit_log).where(audit_log.c.at < cutoff)).rowcount
