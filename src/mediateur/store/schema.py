"""Tables of the local store: one per synced entity, built from the data dictionary, plus the sync
bookkeeping (outbox, push batches, dead letters, conflict inbox, sync_meta).

Synced tables carry no foreign keys between entities (DESIGN.md §2: a pull can deliver a child
before its parent). Each has the system columns of every synced record and `server_seq`, the
server's sequence number of the state this laptop last received (0 for a record never synced):
it is the `base_seq` of the next edit. Fields with pending edits are not stored on the row: they
are the fields of the row's outbox entries.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
)
from sqlalchemy.types import TypeEngine

from mediateur.domain.dictionary import ENTITIES, EntitySpec, Kind
from mediateur.store.types import UTCDateTime

metadata = MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_N_name)s",
        "uq": "uq_%(table_name)s_%(column_0_N_name)s",
        "pk": "pk_%(table_name)s",
    }
)


def _column_type(kind: Kind, max_length: int | None) -> TypeEngine[Any]:
    if kind is Kind.TEXT:
        return String(max_length) if max_length and max_length <= 500 else Text()
    mapping: dict[Kind, TypeEngine[Any]] = {
        Kind.DATE: Date(),
        Kind.DATETIME: UTCDateTime(),
        Kind.BOOL: Boolean(),
        Kind.INT: Integer(),
        Kind.UUID: String(36),
        Kind.CODE: String(60),
        Kind.CODES: JSON(),
        Kind.UUIDS: JSON(),
        Kind.STRINGS: JSON(),
        Kind.CODE_MAP: JSON(),
    }
    return mapping[kind]


def _synced_table(spec: EntitySpec) -> Table:
    system: list[Column[Any]] = [
        Column("id", String(36), primary_key=True),
        Column("organisation_id", String(36)),
        Column("created_at", UTCDateTime(), nullable=False),
        Column("created_by", String(36)),
        Column("updated_hlc", String(60), nullable=False),
        Column("deleted", Boolean(), nullable=False, default=False),
        Column("server_seq", Integer(), nullable=False, default=0),
    ]
    fields: list[Column[Any]] = [
        Column(f.name, _column_type(f.kind, f.max_length)) for f in spec.fields
    ]
    return Table(spec.name, metadata, *system, *fields)


synced_tables: dict[str, Table] = {name: _synced_table(spec) for name, spec in ENTITIES.items()}

contact = synced_tables["contact"]
beneficiary = synced_tables["beneficiary"]
follow_up = synced_tables["follow_up"]
referral = synced_tables["referral"]
referral_event = synced_tables["referral_event"]
event = synced_tables["event"]
partner = synced_tables["partner"]
service = synced_tables["service"]

Index(None, contact.c.occurred_at)
Index(None, contact.c.beneficiary_id)
Index(None, contact.c.event_id)
# Covering indexes of the indicators (DESIGN.md §10: 100 000 contacts in < 1 s): counts by code
# without sorting, and period or month counts without reading the rows.
Index(None, contact.c.deleted, contact.c.qpv, contact.c.channel, contact.c.outcome)
Index(
    None,
    contact.c.deleted,
    contact.c.occurred_at,
    contact.c.qpv,
    contact.c.channel,
    contact.c.outcome,
)
# The managers' contact log and indicators: filters and counts by review status, author and event
# (revision 0005).
Index(
    None,
    contact.c.deleted,
    contact.c.review_status,
    contact.c.created_by,
    contact.c.organisation_id,
    contact.c.occurred_at,
)
Index(
    None,
    contact.c.deleted,
    contact.c.created_by,
    contact.c.organisation_id,
    contact.c.occurred_at,
)
Index(None, contact.c.deleted, contact.c.event_id, contact.c.occurred_at)
Index(None, beneficiary.c.last_name, beneficiary.c.first_name)
Index(None, beneficiary.c.intake_date)
Index(None, follow_up.c.beneficiary_id)
Index(None, referral.c.beneficiary_id)
Index(None, referral.c.contact_id)
Index(None, referral.c.number)
Index(None, referral_event.c.referral_id)
Index(None, service.c.structure_id)
Index(None, event.c.starts_at)

# Local edits waiting to be pushed, in device order. AUTOINCREMENT: a seq is never reused, even
# after the newest entries were acknowledged and deleted.
outbox = Table(
    "outbox",
    metadata,
    Column("seq", Integer(), primary_key=True),
    Column("mutation_id", String(36), nullable=False, unique=True),
    Column("entity", String(30), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("fields", JSON(), nullable=False),
    Column("base_seq", Integer(), nullable=False),
    Column("hlc", String(60), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    # The stored batch this entry was sent in, until the server acknowledged it.
    Column("batch_id", Integer()),
    Column("attempts", Integer(), nullable=False, default=0),
    sqlite_autoincrement=True,
)
Index(None, outbox.c.entity, outbox.c.row_id)
Index(None, outbox.c.batch_id)

# A push batch is resent byte for byte under its idempotency key until acknowledged.
push_batch = Table(
    "push_batch",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("idempotency_key", String(36), nullable=False, unique=True),
    Column("body", LargeBinary(), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

# Mutations the server rejected, with its French reason; shown to the user, never resent as is.
dead_letter = Table(
    "dead_letter",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("mutation_id", String(36), nullable=False, unique=True),
    Column("entity", String(30), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("op", String(10), nullable=False),
    Column("fields", JSON(), nullable=False),
    Column("base_seq", Integer(), nullable=False),
    Column("hlc", String(60), nullable=False),
    Column("created_at", UTCDateTime(), nullable=False),
    Column("reason", Text(), nullable=False),
    Column("failed_at", UTCDateTime(), nullable=False),
    sqlite_autoincrement=True,
)

# Values of this laptop that lost a concurrent edit (or hit a deleted record), for the user to see
# and, if they wish, restore as a new edit.
conflict_inbox = Table(
    "conflict_inbox",
    metadata,
    Column("id", Integer(), primary_key=True),
    Column("entity", String(30), nullable=False),
    Column("row_id", String(36), nullable=False),
    Column("field", String(60)),
    Column("your_value", JSON()),
    Column("server_value", JSON()),
    Column("kept", String(10), nullable=False),
    Column("reason", String(20), nullable=False),
    Column("received_at", UTCDateTime(), nullable=False),
    Column("resolved_at", UTCDateTime()),
    Column("resolution", String(20)),
    sqlite_autoincrement=True,
)

sync_meta = Table(
    "sync_meta",
    metadata,
    Column("key", String(60), primary_key=True),
    Column("value", Text()),
)

# The server's directory (organisations and their users), cached at each sync so referents,
# slips and sharing work offline.
directory_organisation = Table(
    "directory_organisation",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("name", String(200), nullable=False),
)

directory_user = Table(
    "directory_user",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("display_name", String(200), nullable=False),
    Column("organisation_id", String(36), nullable=False),
    Column("role", String(20), nullable=False),
    Column("phone", String(30)),
    Column("email", String(200)),
)
