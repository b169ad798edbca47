"""The server's tables (SQLAlchemy Core), identical on SQLite and PostgreSQL.

Migrations in `migrations/versions/` create them; a test checks that the migrated database and
this metadata agree on both engines. Ids are canonical UUID strings as on the wire; datetimes are
aware UTC values (`UtcDateTime`). Nothing here holds a password or a token in clear.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlalchemy import (
    BigInteger,
    Boolean,
    Column,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator

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
