"""Login, logout and the authentication of every other call (DESIGN.md §4 "Auth").

`login` checks, in this order: a revoked device id (401 `device_revoked`, whoever asks, so a
stolen laptop learns at once that it must wipe itself), the failed-login limits (429), the
password (401 `invalid_credentials`, counted as a failure), a disabled account, a device id
registered to another user (409 `device_taken`). Only wrong credentials count as failures. The
password is checked outside any transaction (Argon2id is slow on purpose), and a failure is
committed before the refusal is raised.

`authenticate` resolves a bearer token to a `Caller` and stamps the device (last seen, app version,
schema version, clock skew) in its own short transaction, even when the device is revoked, so
managers see when a lost laptop last called.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from mediateur.server import audit, login_limits
from mediateur.server.accounts import normalise_username
from mediateur.server.audit import Action
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.core.security import Passwords, new_token, token_digest
from mediateur.server.errors import (
    AccountDisabled,
    DeviceRevoked,
    DeviceTaken,
    InvalidCredentials,
    InvalidToken,
    RateLimited,
    ServerError,
)
from mediateur.server.models import auth_token, device, user_account
from mediateur.server.roles import Role
from mediateur.sync.protocol import LoginRequest, LoginResponse, UserInfo


@dataclass(frozen=True, slots=True)
class Caller:
    """The authenticated user and device behind a request."""

    user_id: str
    username: str
    display_name: str
    role: Role
    organisation_id: str
    device_id: str
    token_hash: str
    # "retire" or "wipe" when the device was revoked.
    revoked: str | None


@dataclass(frozen=True, slots=True)
class ClientStamp:
    """What the client's headers say about it; None where a header was absent or unreadable."""

    app_version: str | None = None
    schema_version: int | None = None
    clock_skew_ms: int | None = None


def login(
    db: Database,
    *,
    passwords: Passwords,
    settings: Settings,
    request: LoginRequest,
    address: str,
    now: datetime,
) -> LoginResponse:
    username = normalise_username(request.username)
    device_id = str(uuid.UUID(request.device_id))
    with db.read() as conn:
        known_device = _known_device(conn, device_id)
        wait = login_limits.retry_after(
            conn, username=username, address=address, now=now, settings=settings
        )
        user = conn.execute(select(user_account).where(user_account.c.username == username)).first()
    if known_device is not None and known_device.revoked is not None:
        with db.begin() as conn:
            _refused_device(conn, device_id, known_device.revoked, address=address, now=now)
        raise DeviceRevoked(known_device.revoked)
    if wait is not None:
        raise RateLimited(wait)
    if not passwords.verify(user.password_hash if user is not None else None, request.password):
        with db.begin() as conn:
            login_limits.record_failure(conn, username=username, address=address, now=now)
            audit.record(
                conn,
                action=Action.LOGIN_FAILED,
                at=now,
                actor_user_id=user.id if user is not None else None,
                actor_device_id=device_id,
                organisation_id=user.organisation_id if user is not None else None,
                address=address,
            )
        raise InvalidCredentials()
    assert user is not None
    if user.disabled:
        raise AccountDisabled()
    rehash = (
        passwords.hash(request.password) if passwords.needs_rehash(user.password_hash) else None
    )
    # Two first logins of one new device can race to register it: the loser retries and sees it.
    for attempt in range(2):
        try:
            with db.begin() as conn:
                outcome = _open_session(
                    conn,
                    user=user,
                    device_id=device_id,
                    device_name=request.device_name,
                    rehash=rehash,
                    address=address,
                    now=now,
                )
            break
        except IntegrityError:
            if attempt:
                raise
    if isinstance(outcome, ServerError):
        raise outcome
    return outcome


def _open_session(
    conn: Connection,
    *,
    user: Row[Any],
    device_id: str,
    device_name: str,
    rehash: str | None,
    address: str,
    now: datetime,
) -> LoginResponse | ServerError:
    """Register or refresh the device and open a session; a refusal is returned, not raised,
    so that its audit entry is committed."""
    known = _known_device(conn, device_id)
    name = " ".join(device_name.split())
    if known is not None and known.revoked is not None:
        _refused_device(conn, device_id, known.revoked, address=address, now=now)
        return DeviceRevoked(known.revoked)
    if known is not None and known.user_id != user.id:
        audit.record(
            conn,
            action=Action.LOGIN_REFUSED_DEVICE,
            at=now,
            actor_user_id=user.id,
            actor_device_id=device_id,
            organisation_id=user.organisation_id,
            code="taken",
            address=address,
        )
        return DeviceTaken()
    if known is None:
        conn.execute(
            insert(device).values(
                id=device_id,
                user_id=user.id,
                name=name or "Poste sans nom",
                registered_at=now,
                last_seen=now,
                last_mutation_seq=0,
            )
        )
        audit.record(
            conn,
            action=Action.DEVICE_REGISTERED,
            at=now,
            actor_user_id=user.id,
            actor_device_id=device_id,
            organisation_id=user.organisation_id,
            target_id=device_id,
            address=address,
        )
    else:
        refreshed = {"last_seen": now} | ({"name": name} if name else {})
        conn.execute(update(device).where(device.c.id == device_id).values(**refreshed))
    if rehash is not None:
        conn.execute(
            update(user_account).where(user_account.c.id == user.id).values(password_hash=rehash)
        )
    # One session per device: a new login closes the previous one.
    conn.execute(delete(auth_token).where(auth_token.c.device_id == device_id))
    token = new_token()
    conn.execute(
        insert(auth_token).values(
            token_hash=token_digest(token), user_id=user.id, device_id=device_id, created_at=now
        )
    )
    audit.record(
        conn,
        action=Action.LOGIN,
        at=now,
        actor_user_id=user.id,
        actor_device_id=device_id,
        organisation_id=user.organisation_id,
        address=address,
    )
    return LoginResponse(
        token=token,
        device_id=device_id,
        user=UserInfo(
            id=user.id,
            username=user.username,
            display_name=user.display_name,
            role=user.role,
            organisation_id=user.organisation_id,
        ),
    )


def authenticate(db: Database, *, token: str, stamp: ClientStamp, now: datetime) -> Caller:
    digest = token_digest(token)
    with db.begin() as conn:
        row = conn.execute(
            select(
                user_account.c.id.label("user_id"),
                user_account.c.username,
                user_account.c.display_name,
                user_account.c.role,
                user_account.c.organisation_id,
                user_account.c.disabled,
                device.c.id.label("device_id"),
                device.c.revoked,
            )
            .select_from(auth_token)
            .join(user_account, user_account.c.id == auth_token.c.user_id)
            .join(device, device.c.id == auth_token.c.device_id)
            .where(auth_token.c.token_hash == digest)
        ).first()
        if row is None or row.disabled:
            raise InvalidToken()
        seen = {
            "last_seen": now,
            "app_version": stamp.app_version,
            "schema_version": stamp.schema_version,
            "clock_skew_ms": stamp.clock_skew_ms,
        }
        conn.execute(
            update(device)
            .where(device.c.id == row.device_id)
            .values(**{key: value for key, value in seen.items() if value is not None})
        )
    return Caller(
        user_id=row.user_id,
        username=row.username,
        display_name=row.display_name,
        role=Role(row.role),
        organisation_id=row.organisation_id,
        device_id=row.device_id,
        token_hash=digest,
        revoked=row.revoked,
    )


def logout(db: Database, *, caller: Caller, now: datetime) -> None:
    with db.begin() as conn:
        conn.execute(delete(auth_token).where(auth_token.c.token_hash == caller.token_hash))
        audit.record(
            conn,
            action=Action.LOGOUT,
            at=now,
            actor_user_id=caller.user_id,
            actor_device_id=caller.device_id,
            organisation_id=caller.organisation_id,
        )


@dataclass(frozen=True, slots=True)
class _KnownDevice:
    user_id: str
    revoked: str | None


def _known_device(conn: Connection, device_id: str) -> _KnownDevice | None:
    row = conn.execute(
        select(device.c.user_id, device.c.revoked).where(device.c.id == device_id)
    ).first()
    return None if row is None else _KnownDevice(row.user_id, row.revoked)


def _refused_device(
    conn: Connection, device_id: str, mode: str, *, address: str, now: datetime
) -> None:
    audit.record(
        conn,
        action=Action.LOGIN_REFUSED_DEVICE,
        at=now,
        actor_device_id=device_id,
        target_id=device_id,
        code=mode,
        address=address,
    )
