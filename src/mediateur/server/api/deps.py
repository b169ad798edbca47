"""Dependencies of the API routes: database access, the schema-version gate and authentication.

- `WriteTransaction` / `ReadTransaction`: a connection in a transaction that ends (commit, or
  rollback on any exception, problems included) before the response is sent
  (`scope="function"`), so a client never sees a success that was not committed.
- `SchemaVersion`: the client's `X-Schema-Version` (absent = the oldest supported); outside
  `[MIN_SUPPORTED_SCHEMA, SCHEMA_VERSION]` the request is answered 426 before anything is read
  or written. Every authenticated route goes through it, since `Authenticated` depends on it.
- `Authenticated(...)`: the bearer token's `Caller`. A device revoked with `wipe` is refused
  everywhere; one revoked with `retire` is refused unless the route declares
  `allow_retired=True`, which only the sync push does (`RetiredDeviceAllowed`), so a retired
  laptop can still send its last edits. `roles=` restricts a route to some roles (403 otherwise).

Authentication stamps the device in its own short transaction. A route must therefore declare its
caller parameter *before* its transaction parameter (FastAPI resolves them in that order): on
SQLite a write transaction opened first would make the stamp wait for it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Annotated

from fastapi import Depends, Header, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy import Connection

from mediateur.server import sessions
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.core.security import Passwords
from mediateur.server.errors import (
    DeviceRevoked,
    Forbidden,
    InvalidToken,
    SchemaTooNew,
    SchemaTooOld,
)
from mediateur.server.roles import DEVICE_MANAGERS, Role
from mediateur.server.sessions import Caller, ClientStamp
from mediateur.sync.protocol import (
    HEADER_APP_VERSION,
    HEADER_CLIENT_TIME,
    HEADER_SCHEMA_VERSION,
    MIN_SUPPORTED_SCHEMA,
    SCHEMA_VERSION,
)

_APP_VERSION = re.compile(r"^[\w.+-]{1,50}$")
# Client clocks further off than this are not clocks but garbage: the skew is not stored.
_MAX_SKEW_MS = 10 * 365 * 24 * 3600 * 1000


def get_database(request: Request) -> Database:
    return request.app.state.database  # type: ignore[no-any-return]


def get_settings(request: Request) -> Settings:
    return request.app.state.settings  # type: ignore[no-any-return]


def get_passwords(request: Request) -> Passwords:
    return request.app.state.passwords  # type: ignore[no-any-return]


def get_clock(request: Request) -> Callable[[], datetime]:
    return request.app.state.clock  # type: ignore[no-any-return]


DatabaseDep = Annotated[Database, Depends(get_database)]
SettingsDep = Annotated[Settings, Depends(get_settings)]
PasswordsDep = Annotated[Passwords, Depends(get_passwords)]
ClockDep = Annotated[Callable[[], datetime], Depends(get_clock)]


def write_transaction(db: DatabaseDep) -> Iterator[Connection]:
    with db.begin() as conn:
        yield conn


def read_transaction(db: DatabaseDep) -> Iterator[Connection]:
    with db.read() as conn:
        yield conn


WriteTransaction = Annotated[Connection, Depends(write_transaction, scope="function")]
ReadTransaction = Annotated[Connection, Depends(read_transaction, scope="function")]


def check_schema_version(
    x_schema_version: Annotated[
        int | None,
        Header(
            alias=HEADER_SCHEMA_VERSION,
            description="Version du schéma de l'application ; absente = la plus ancienne acceptée.",
        ),
    ] = None,
) -> int:
    version = MIN_SUPPORTED_SCHEMA if x_schema_version is None else x_schema_version
    if version < MIN_SUPPORTED_SCHEMA:
        raise SchemaTooOld(MIN_SUPPORTED_SCHEMA)
    if version > SCHEMA_VERSION:
        raise SchemaTooNew(SCHEMA_VERSION)
    return version


SchemaVersion = Annotated[int, Depends(check_schema_version)]

_bearer = HTTPBearer(auto_error=False, description="Jeton reçu de POST /api/v1/auth/login.")


class Authenticated:
    def __init__(self, *, allow_retired: bool = False, roles: frozenset[Role] | None = None):
        self.allow_retired = allow_retired
        self.roles = roles

    def __call__(
        self,
        request: Request,
        db: DatabaseDep,
        clock: ClockDep,
        schema_version: SchemaVersion,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
    ) -> Caller:
        if credentials is None or not credentials.credentials:
            raise InvalidToken("Authentification requise : connectez-vous.")
        now = clock()
        caller = sessions.authenticate(
            db,
            token=credentials.credentials,
            stamp=_client_stamp(request, schema_version, now),
            now=now,
        )
        if caller.revoked == "wipe" or (caller.revoked == "retire" and not self.allow_retired):
            raise DeviceRevoked(caller.revoked)
        if self.roles is not None and caller.role not in self.roles:
            raise Forbidden()
        return caller


CurrentCaller = Annotated[Caller, Depends(Authenticated())]
DeviceManager = Annotated[Caller, Depends(Authenticated(roles=DEVICE_MANAGERS))]
# For `POST /api/v1/sync/push` only: a retired device may still send its outbox.
RetiredDeviceAllowed = Annotated[Caller, Depends(Authenticated(allow_retired=True))]


def client_address(request: Request) -> str:
    """The client's address (uvicorn takes it from X-Forwarded-For behind a trusted proxy)."""
    return (request.client.host if request.client else "")[:64] or "inconnue"


def _client_stamp(request: Request, schema_version: int, now: datetime) -> ClientStamp:
    app_version = request.headers.get(HEADER_APP_VERSION, "").strip()
    skew = None
    client_time = request.headers.get(HEADER_CLIENT_TIME, "").strip()
    if client_time.isdigit():
        skew = int(client_time) - int(now.timestamp() * 1000)
        if abs(skew) > _MAX_SKEW_MS:
            skew = None
    return ClientStamp(
        app_version=app_version if _APP_VERSION.match(app_version) else None,
        schema_version=schema_version if HEADER_SCHEMA_VERSION in request.headers else None,
        clock_skew_ms=skew,
    )
