"""Rows of the synced record tables: reading and writing them, their wire form, field clocks.

A record's row holds every field of the data dictionary in its Python form (dates, aware
datetimes, lists), the system columns, `server_seq` (its latest change of content) and
`field_clocks`: for each field, the clock `[hlc, device_id, seq]` of the last write the merge
accepted, the entry `"*"` standing for the fields written at creation and not since. A clock
written by the transaction in progress has seq None until the transaction is stamped
(`changes.ChangeSet.stamp`).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, insert, select, update

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.values import encode, format_datetime
from mediateur.server.models import record_tables
from mediateur.sync.protocol import RowState

# The device of writes the server makes itself (cascades, jobs): sorts after no real device id.
SERVER_DEVICE = "server"
DEFAULT_CLOCK = "*"
_IN_CHUNKS = 500


@dataclass(frozen=True, slots=True)
class FieldClock:
    hlc: str
    device: str
    seq: int | None

    def to_json(self) -> list[Any]:
        return [self.hlc, self.device, self.seq]

    @classmethod
    def from_json(cls, raw: list[Any]) -> FieldClock:
        return cls(raw[0], raw[1], raw[2])


def clock_of(clocks: Mapping[str, list[Any]], field: str) -> FieldClock:
    return FieldClock.from_json(clocks.get(field) or clocks[DEFAULT_CLOCK])


def load(
    conn: Connection, entity: str, record_id: str, *, lock: bool = False
) -> dict[str, Any] | None:
    """The record's row, locked until the end of the transaction when `lock` (PostgreSQL)."""
    table = record_tables[entity]
    query = select(table).where(table.c.id == record_id)
    if lock:
        query = query.with_for_update()
    row = conn.execute(query).mappings().first()
    return dict(row) if row is not None else None


def load_many(conn: Connection, entity: str, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    table = record_tables[entity]
    wanted = list(dict.fromkeys(ids))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), _IN_CHUNKS):
        chunk = wanted[start : start + _IN_CHUNKS]
        for row in conn.execute(select(table).where(table.c.id.in_(chunk))).mappings():
            found[row["id"]] = dict(row)
    return found


def insert_row(conn: Connection, entity: str, values: Mapping[str, Any]) -> None:
    conn.execute(insert(record_tables[entity]).values(**values))


def update_row(conn: Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
    table = record_tables[entity]
    conn.execute(update(table).where(table.c.id == record_id).values(**values))


def wire_fields(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of the dictionary in wire form, plus the system columns a laptop keeps."""
    spec = ENTITIES[entity]
    fields = {f.name: encode(f, row[f.name]) for f in spec.fields}
    fields["organisation_id"] = row["organisation_id"]
    fields["created_at"] = format_datetime(row["created_at"])
    fields["created_by"] = row["created_by"]
    fields["updated_hlc"] = row["updated_hlc"]
    return fields


def row_state(entity: str, row: Mapping[str, Any]) -> RowState:
    return RowState(
        entity=entity,  # type: ignore[arg-type]
        id=row["id"],
        server_seq=row["server_seq"],
        fields=wire_fields(entity, row),
        deleted=row["deleted"],
    )
