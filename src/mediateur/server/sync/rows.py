"""Rows of the synced record tables: reading and writing them, their wire form, field clocks.

A record's row holds every field of the data dictionary in its Python form (dates, aware
datetimes, lists), the system columns, `server_seq` (its latest change of content), `wire` (its
wire fields as JSON text, rewritten by every write, so that pulls read one column) and
`field_clocks`: for each field, the clock `[hlc, device_id, seq]` of the last write the merge
accepted, the entry `"*"` standing for the fields written at creation and not since. A clock
written by the transaction in progress has seq None until the transaction is stamped
(`changes.ChangeSet.stamp`).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import Connection, bindparam, insert, select, update

from mediateur.domain.dictionary import ENTITIES, FieldSpec, Kind
from mediateur.domain.values import format_datetime
from mediateur.server.models import erased_record, record_tables
from mediateur.sync.protocol import RowState

# The device of writes the server makes itself (cascades, jobs): sorts after no real device id.
SERVER_DEVICE = "server"
DEFAULT_CLOCK = "*"
_IN_CHUNKS = 500
# Statements built once: only their parameters change from row to row.
_INSERTS = {entity: insert(table) for entity, table in record_tables.items()}
_UPDATES = {
    entity: update(table).where(table.c.id == bindparam("_record_id"))
    for entity, table in record_tables.items()
}

Key = tuple[str, str]


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


def insert_rows(conn: Connection, entity: str, values: list[dict[str, Any]]) -> None:
    if values:
        conn.execute(_INSERTS[entity], values)


def update_row(conn: Connection, entity: str, record_id: str, values: Mapping[str, Any]) -> None:
    conn.execute(_UPDATES[entity], {**values, "_record_id": record_id})


class RowCache:
    """The rows one push reads and writes, and the ids it knows to be erased: one query per
    entity for a whole batch instead of one per mutation. Rows are locked as they are read
    (PostgreSQL), entity by entity in id order, so concurrent pushes lock in one order. Rows
    written through the push's `Writer` stay the cached objects; after a cascade (which writes
    rows loaded on its own) the cache is cleared."""

    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self._rows: dict[Key, dict[str, Any] | None] = {}
        self._erased: set[Key] = set()
        self._erased_known: set[str] = set()

    def prefetch(self, keys: Iterable[Key]) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, record_id in keys:
            if (entity, record_id) not in self._rows:
                by_entity.setdefault(entity, []).append(record_id)
        for entity, ids in by_entity.items():
            table = record_tables[entity]
            wanted = sorted(set(ids))
            for start in range(0, len(wanted), _IN_CHUNKS):
                chunk = wanted[start : start + _IN_CHUNKS]
                query = select(table).where(table.c.id.in_(chunk)).order_by(table.c.id)
                for row in self.conn.execute(query.with_for_update()).mappings():
                    self._rows[entity, row["id"]] = dict(row)
                for record_id in chunk:
                    self._rows.setdefault((entity, record_id), None)
        self._prefetch_erased({record_id for ids in by_entity.values() for record_id in ids})

    def _prefetch_erased(self, ids: set[str]) -> None:
        wanted = sorted(ids - self._erased_known)
        for start in range(0, len(wanted), _IN_CHUNKS):
            chunk = wanted[start : start + _IN_CHUNKS]
            query = select(erased_record.c.entity, erased_record.c.row_id).where(
                erased_record.c.row_id.in_(chunk)
            )
            self._erased.update((entity, row_id) for entity, row_id in self.conn.execute(query))
        self._erased_known.update(wanted)

    def get(self, entity: str, record_id: str) -> dict[str, Any] | None:
        if (entity, record_id) not in self._rows:
            self.prefetch([(entity, record_id)])
        return self._rows[entity, record_id]

    def cached(self, entity: str, record_id: str) -> dict[str, Any] | None:
        """The row if this push has it at hand (locked by it), without reading anything."""
        return self._rows.get((entity, record_id))

    def put(self, entity: str, row: dict[str, Any]) -> None:
        self._rows[entity, row["id"]] = row

    def is_erased(self, entity: str, record_id: str) -> bool:
        if record_id not in self._erased_known:
            self._prefetch_erased({record_id})
        return (entity, record_id) in self._erased

    def mark_erased(self, entity: str, record_id: str) -> None:
        self._erased.add((entity, record_id))
        self._erased_known.add(record_id)

    def clear(self) -> None:
        self._rows.clear()


def _encoder(spec: FieldSpec) -> Callable[[Any], Any] | None:
    """Column value → wire value, where they differ (lists and maps are JSON already)."""
    if spec.kind is Kind.DATE:
        return date.isoformat
    if spec.kind is Kind.DATETIME:
        return format_datetime
    return None


# Per entity, in order: every field of the dictionary, then the system columns a laptop keeps.
_WIRE: dict[str, tuple[tuple[str, Callable[[Any], Any] | None], ...]] = {
    name: (
        *((f.name, _encoder(f)) for f in spec.fields),
        ("organisation_id", None),
        ("created_at", format_datetime),
        ("created_by", None),
        ("updated_hlc", None),
    )
    for name, spec in ENTITIES.items()
}


def wire_fields(entity: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """Every field of the dictionary in wire form, plus the system columns a laptop keeps."""
    return {
        name: value if encoder is None or value is None else encoder(value)
        for name, encoder in _WIRE[entity]
        for value in (row[name],)
    }


def wire_json(entity: str, row: Mapping[str, Any]) -> str:
    """`wire_fields` as compact JSON text: the `wire` column, what pulls send."""
    return json.dumps(wire_fields(entity, row), ensure_ascii=False, separators=(",", ":"))


def load_wire(conn: Connection, entity: str, ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """The `wire` JSON and `updated_hlc` of these records (those that exist), for pulls."""
    table = record_tables[entity]
    wanted = list(dict.fromkeys(ids))
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(wanted), _IN_CHUNKS):
        query = select(table.c.id, table.c.wire, table.c.updated_hlc).where(
            table.c.id.in_(wanted[start : start + _IN_CHUNKS])
        )
        found.update({record_id: (wire, hlc) for record_id, wire, hlc in conn.execute(query)})
    return found


def row_state(entity: str, row: Mapping[str, Any]) -> RowState:
    return RowState(
        entity=entity,  # type: ignore[arg-type]
        id=row["id"],
        server_seq=row["server_seq"],
        fields=wire_fields(entity, row),
        deleted=row["deleted"],
    )
