"""Payloads of the sync protocol (DESIGN.md §4), shared by the laptop's engine and the server.

These models are the contract: the server validates requests with them and builds responses from
them; the client builds requests and parses responses with them. Field values inside `fields`
stay in their wire form here; they are checked against the data dictionary by
`mediateur.domain.values` on each side.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from mediateur.domain.dictionary import ENTITY_ORDER

API_PREFIX = "/api/v1"
# Integer schema versions; the server accepts [MIN_SUPPORTED_SCHEMA, SCHEMA_VERSION].
SCHEMA_VERSION = 1
MIN_SUPPORTED_SCHEMA = 1
MAX_MUTATIONS_PER_BATCH = 200
MAX_BATCH_BYTES = 1024 * 1024
DEFAULT_PULL_LIMIT = 500
MAX_PULL_LIMIT = 2000

HLC_PATTERN = r"^\d{13}-[0-9A-F]{4}-[0-9a-f]{32}$"
UUID_PATTERN = r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"

Entity = Literal[
    "partner",
    "service",
    "event",
    "beneficiary",
    "contact",
    "follow_up",
    "referral",
    "referral_event",
]
assert set(Entity.__args__) == set(ENTITY_ORDER)  # type: ignore[attr-defined]

MutationOp = Literal["upsert", "delete", "erase"]
ChangeOp = Literal["upsert", "delete", "remove"]
MutationStatus = Literal["applied", "merged", "duplicate", "deleted", "rejected"]
Role = Literal["mediator", "manager", "admin"]
RevokeMode = Literal["retire", "wipe"]

# Headers every client request carries (the server never requires them).
HEADER_APP_VERSION = "X-App-Version"
HEADER_SCHEMA_VERSION = "X-Schema-Version"
HEADER_CLIENT_TIME = "X-Client-Time"
HEADER_IDEMPOTENCY_KEY = "Idempotency-Key"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Meta(_Model):
    server_version: str
    schema_version: int
    min_supported_schema: int


class LoginRequest(_Model):
    username: str = Field(min_length=1, max_length=150)
    password: str = Field(min_length=1, max_length=1024)
    device_id: str = Field(pattern=UUID_PATTERN)
    device_name: str = Field(default="", max_length=150)


class UserInfo(_Model):
    id: str
    username: str
    display_name: str
    role: Role
    organisation_id: str


class LoginResponse(_Model):
    token: str
    device_id: str
    user: UserInfo


class DirectoryOrganisation(_Model):
    id: str
    name: str


class DirectoryUser(_Model):
    id: str
    display_name: str
    organisation_id: str
    role: Role
    phone: str | None = None
    email: str | None = None


class Directory(_Model):
    organisations: list[DirectoryOrganisation]
    users: list[DirectoryUser]


class DeviceInfo(_Model):
    id: str
    user: str
    user_id: str
    organisation_id: str
    name: str
    last_seen: datetime | None
    app_version: str | None
    pending: int | None
    dead: int | None
    last_pull_at: datetime | None = None
    clock_skew_ms: int | None
    revoked: RevokeMode | None


class RevokeRequest(_Model):
    mode: RevokeMode


class Heartbeat(_Model):
    app_version: str = Field(max_length=50)
    pending: int = Field(ge=0)
    dead: int = Field(ge=0)
    last_pull_at: datetime | None = None


class Mutation(_Model):
    seq: int = Field(ge=1)
    mutation_id: str = Field(pattern=UUID_PATTERN)
    entity: Entity
    id: str = Field(pattern=UUID_PATTERN)
    op: MutationOp
    base_seq: int = Field(ge=0)
    hlc: str = Field(pattern=HLC_PATTERN)
    fields: dict[str, Any] = Field(default_factory=dict)


class PushRequest(_Model):
    device_id: str = Field(pattern=UUID_PATTERN)
    schema_version: int = Field(ge=1)
    heartbeat: Heartbeat | None = None
    mutations: list[Mutation] = Field(max_length=MAX_MUTATIONS_PER_BATCH)


class RowState(_Model):
    entity: Entity
    id: str
    server_seq: int
    # Every synced field, post-merge, including organisation_id, created_at, created_by and
    # updated_hlc as stamped by the server.
    fields: dict[str, Any]
    deleted: bool


class Conflict(_Model):
    field: str
    kept: Literal["yours", "server"]
    your_value: Any = None
    server_value: Any = None


class MutationResult(_Model):
    mutation_id: str
    status: MutationStatus
    reason: str | None = None
    row: RowState | None = None
    conflicts: list[Conflict] = Field(default_factory=list)


class PushResponse(_Model):
    results: list[MutationResult]
    last_mutation_seq: int
    server_time: int  # epoch milliseconds
    server_hlc: str
    clock_warning: bool


class Change(_Model):
    entity: Entity
    id: str
    op: ChangeOp
    server_seq: int
    fields: dict[str, Any] | None = None


class PullResponse(_Model):
    changes: list[Change]
    next_cursor: str
    has_more: bool
    last_mutation_seq: int
    server_time: int  # epoch milliseconds
    server_hlc: str


class ConflictLogEntry(_Model):
    id: int
    entity: Entity
    row_id: str
    field: str | None
    reason: Literal["concurrent", "deleted"]
    winner_value: Any = None
    loser_value: Any = None
    winner_device: str | None = None
    loser_device: str | None = None
    at: datetime


class Problem(BaseModel):
    """RFC 9457 problem details with our `code`; extra members (e.g. `mode`) are allowed."""

    model_config = ConfigDict(extra="allow")

    type: str = "about:blank"
    title: str
    status: int
    detail: str
    code: str
