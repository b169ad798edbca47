"""The server's tables (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Migrations in `migrations/versions/` create them; a test checks that the migrated database and
this metadata agree on both engines. Ids are canonical UUID strings as on the wire; datetimes are
aware UTC values (`UtcDateTime`). Nothing here holds a password or a token in clear.

The synced records have one table per entity of the data dictionary (`record_tables`), with the
system columns of every record, `server_seq` (the seq of the record's latest change),
`field_clocks`, the clock of the last accepted write of each field (DESIGN.md §4 merge), and
`wire`, the record as a pull sends it (JSON text kept with each write). The sync
bookkeeping lives beside them: the change feed (one entry per record and scope, at its latest
seq), the seq counter, the epoch and cursor key, idempotency keys, applied mutations, the
conflict log and the ids erased for good.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator, TypeEngine

from mediateur.domain.dictionary import ENTITIES, EntitySpec, FieldSpec, Kind

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
    }
)

UUID_LENGTH = 36
# SQLite only auto-increments an INTEGER PRIMARY KEY.
AutoId = BigInteger().with_variant(Integer(), "sqlite")


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes: `timestamptz` on PostgreSQL, naive UTC text on SQLite (sorts as time)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; give a timezone")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=UTC)  # type: ignore[no-any-return]
        return value.astimezone(UTC)  # type: ignore[no-any-return]


organisation = Table(
    "organisation",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True),
    Column("name", String(150), nullable=False, unique=True),
    Column("created_at", UtcDateTime, nullable=False),
)

user_account = Table(
    "user_account",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True),
    Column(
        "organisation_id",
        String(UUID_LENGTH),
        ForeignKey("organisation.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    # Stored lowercased: logins are case-insensitive.
    Column("username", String(150), nullable=False, unique=True),
    Column("password_hash", String(255), nullable=False),
    Column("role", String(20), nullable=False),
    Column("display_name", String(150), nullable=False),
    Column("phone", String(30), nullable=True),
    Column("email", String(200), nullable=True),
    Column("disabled", Boolean, nullable=False, default=False),
    Column("created_at", UtcDateTime, nullable=False),
    Column("password_changed_at", UtcDateTime, nullable=False),
)

# A laptop profile, identified by its vault's install id, bound to the user of its first login.
device = Table(
    "device",
    metadata,
    Column("id", String(UUID_LENGTH), primary_key=True),
    Column(
        "user_id",
        String(UUID_LENGTH),
        ForeignKey("user_account.id", ondelete="RESTRICT"),
        nullable=False,
        index=True,
    ),
    Column("name", String(150), nullable=False),
    Column("registered_at", UtcDateTime, nullable=False),
    # Stamped at every authenticated call.
    Column("last_seen", UtcDateTime, nullable=True),
    Column("app_version", String(50), nullable=True),
    Column("schema_version", Integer, nullable=True),
    Column("clock_skew_ms", BigInteger, nullable=True),
    # Reported by the heartbeat of each push.
    Column("pending", Integer, nullable=True),
    Column("dead", Integer, nullable=True),
    Column("last_pull_at", UtcDateTime, nullable=True),
    # Highest outbox `seq` of this device the server has applied.
    Column("last_mutation_seq", BigInteger, nullable=False, default=0),
    # "retire" or "wipe" once revoked; a revoked id never logs in again.
    Column("revoked", String(10), nullable=True),
    Column("revoked_at", UtcDateTime, nullable=True),
    Column("revoked_by", String(UUID_LENGTH), nullable=True),
)

auth_token = Table(
    "auth_token",
    metadata,
    # SHA-256 of the bearer token, hex.
    Column("token_hash", String(64), primary_key=True),
    Column(
        "user_id",
        String(UUID_LENGTH),
        ForeignKey("user_account.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column(
        "device_id",
        String(UUID_LENGTH),
        ForeignKey("device.id", ondelete="CASCADE"),
        nullable=False,
        index=True,
    ),
    Column("created_at", UtcDateTime, nullable=False),
)

# One row per failed login, counted over a sliding window by account and by client address.
login_failure = Table(
    "login_failure",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False),
    # SHA-256 of the username as typed (lowercased): people sometimes type a password there.
    Column("account_key", String(64), nullable=False),
    Column("address", String(64), nullable=False),
    Index("ix_login_failure_account_key_at", "account_key", "at"),
    Index("ix_login_failure_address_at", "address", "at"),
)

# Who did what, by ids and counts only: never a value, never a password.
audit_log = Table(
    "audit_log",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False, index=True),
    Column("action", String(40), nullable=False),
    # Null when the action comes from the admin CLI on the server itself.
    Column("actor_user_id", String(UUID_LENGTH), nullable=True),
    Column("actor_device_id", String(UUID_LENGTH), nullable=True),
    Column("organisation_id", String(UUID_LENGTH), nullable=True),
    Column("target_id", String(UUID_LENGTH), nullable=True),
    Column("count", Integer, nullable=True),
    # A coded qualifier (revoke mode, role), never free text.
    Column("code", String(20), nullable=True),
    Column("address", String(64), nullable=True),
)

# Last run of each scheduled job, shared by every worker so a daily job runs once a day.
job_run = Table(
    "job_run",
    metadata,
    Column("name", String(40), primary_key=True),
    Column("started_at", UtcDateTime, nullable=True),
    Column("finished_at", UtcDateTime, nullable=True),
)


# Synced records (DESIGN.md §2, §4)

ENTITY_LENGTH = 30
HLC_LENGTH = 60
# JSON null and SQL NULL are one thing here: an absent list is NULL.
JsonValue = JSON(none_as_null=True)


def _field_type(spec: FieldSpec) -> TypeEngine[Any]:
    if spec.kind is Kind.TEXT:
        return String(spec.max_length) if spec.max_length and spec.max_length <= 500 else Text()
    types: dict[Kind, TypeEngine[Any]] = {
        Kind.DATE: Date(),
        Kind.DATETIME: UtcDateTime(),
        Kind.BOOL: Boolean(),
        Kind.INT: Integer(),
        Kind.UUID: String(UUID_LENGTH),
        Kind.CODE: String(60),
    }
    return types.get(spec.kind, JsonValue)


def _record_table(spec: EntitySpec) -> Table:
    return Table(
        spec.name,
        metadata,
        Column("id", String(UUID_LENGTH), primary_key=True),
        # Stamped by the server from the author on creation, never taken from a client.
        Column("organisation_id", String(UUID_LENGTH), nullable=False),
        Column("created_at", UtcDateTime, nullable=False),
        Column("created_by", String(UUID_LENGTH), nullable=True),
        Column("updated_hlc", String(HLC_LENGTH), nullable=False),
        Column("deleted", Boolean, nullable=False, default=False),
        # The seq of the record's latest change of content.
        Column("server_seq", BigInteger, nullable=False),
        # {field: [hlc, device_id, seq]} of the last accepted write of each field; the entry
        # "*" stands for every field not listed (the creation's clock).
        Column("field_clocks", JSON, nullable=False),
        # The record's wire fields as JSON text, written with every change: pulls send it as is.
        Column("wire", Text, nullable=False),
        *(Column(f.name, _field_type(f), nullable=True) for f in spec.fields),
    )


record_tables: dict[str, Table] = {name: _record_table(spec) for name, spec in ENTITIES.items()}

Index(None, record_tables["contact"].c.beneficiary_id)
Index(None, record_tables["follow_up"].c.beneficiary_id)
Index(None, record_tables["referral"].c.beneficiary_id)
Index(None, record_tables["referral"].c.contact_id)
Index(None, record_tables["referral"].c.status, record_tables["referral"].c.updated_hlc)
Index(None, record_tables["referral_event"].c.referral_id)

# The pull feed: one entry per (record, scope) at the seq of its latest change there. A scope is an
# organisation id, or PROGRAMME_SCOPE for the reference data every device receives. `op` is
# "upsert", "delete" (a tombstone) or "remove" (the record left that scope).
change_feed = Table(
    "change_feed",
    metadata,
    Column("entity", String(ENTITY_LENGTH), nullable=False),
    Column("row_id", String(UUID_LENGTH), nullable=False),
    Column("scope", String(UUID_LENGTH), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("op", String(10), nullable=False),
    Column("changed_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("entity", "row_id", "scope"),
    Index("ix_change_feed_scope_seq", "scope", "seq"),
    Index("ix_change_feed_scope_entity_seq", "scope", "entity", "seq"),
    Index("ix_change_feed_changed_at", "changed_at"),
)

# One row: the last seq handed out. Taken (and locked) just before a writer commits, so seqs are
# allocated in commit order.
sync_counter = Table(
    "sync_counter",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("value", BigInteger, nullable=False),
)

# One row: the database's epoch (a random id: another database, or a restored one, has another),
# the key of the cursors' MAC, and the seq below which tombstones have been purged.
sync_state = Table(
    "sync_state",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=False),
    Column("epoch", String(UUID_LENGTH), nullable=False),
    Column("cursor_key", String(64), nullable=False),
    Column("purge_horizon", BigInteger, nullable=False),
)

# A push batch under its idempotency key: claimed "in_progress", then "done" with the exact bytes
# of its response, committed with the batch's effects.
idempotency_key = Table(
    "idempotency_key",
    metadata,
    Column("device_id", String(UUID_LENGTH), nullable=False),
    Column("key", String(64), nullable=False),
    Column("body_sha256", String(64), nullable=False),
    Column("status", String(12), nullable=False),
    Column("response", LargeBinary, nullable=True),
    Column("started_at", UtcDateTime, nullable=False),
    Column("created_at", UtcDateTime, nullable=False, index=True),
    PrimaryKeyConstraint("device_id", "key"),
)

# Every mutation applied, by device: a mutation sent again is answered `duplicate`.
applied_mutation = Table(
    "applied_mutation",
    metadata,
    Column("device_id", String(UUID_LENGTH), nullable=False),
    Column("mutation_id", String(UUID_LENGTH), nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("entity", String(ENTITY_LENGTH), nullable=False),
    Column("row_id", String(UUID_LENGTH), nullable=False),
    Column("at", UtcDateTime, nullable=False, index=True),
    PrimaryKeyConstraint("device_id", "mutation_id"),
)

# Values that lost a concurrent edit, or were written to a deleted record. Values of erased
# records are scrubbed (`erased_record`).
conflict_log = Table(
    "conflict_log",
    metadata,
    Column("id", AutoId, primary_key=True, autoincrement=True),
    Column("at", UtcDateTime, nullable=False),
    Column("entity", String(ENTITY_LENGTH), nullable=False),
    Column("row_id", String(UUID_LENGTH), nullable=False),
    Column("field", String(60), nullable=True),
    # "concurrent" or "deleted".
    Column("reason", String(12), nullable=False),
    Column("winner_value", JsonValue, nullable=True),
    Column("loser_value", JsonValue, nullable=True),
    Column("winner_device", String(UUID_LENGTH), nullable=True),
    Column("loser_device", String(UUID_LENGTH), nullable=True),
    Index("ix_conflict_log_entity_row_id", "entity", "row_id"),
)

# Records erased under the right to erasure: their id only, refused forever.
erased_record = Table(
    "erased_record",
    metadata,
    Column("entity", String(ENTITY_LENGTH), nullable=False),
    Column("row_id", String(UUID_LENGTH), nullable=False),
    Column("erased_at", UtcDateTime, nullable=False),
    PrimaryKeyConstraint("entity", "row_id"),
)
