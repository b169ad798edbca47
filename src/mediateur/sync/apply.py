"""Applying the server's state to the local tables, without ever overwriting a pending edit.

Push results and pull pages both deliver rows in wire form. A field with a pending local edit
(a field of one of the row's outbox entries) keeps its local value: it will be pushed, and the
server will merge it. Everything else takes the server's value, and the row's `server_seq`
becomes the base of the next edit.

Rows are written in bulk with SQLite's upsert, straight from their wire form: the server has
validated every value, and its wire forms (ISO dates, canonical UTC datetimes, JSON lists) are
the store's own storage forms, so each value is only checked for its type and passed to the
DB-API as is. This skips decoding and SQLAlchemy's per-value processing, which together cost
more than the encrypted write itself (bench `sync`). A pulled row this laptop already holds at
that `server_seq` (its own push, echoed by the feed) is not written again.
"""

from __future__ import annotations

import json
import logging
import re
from collections import defaultdict
from collections.abc import Callable, Iterable, Sequence
from functools import cache
from typing import Any

from sqlalchemy import Table, delete, select, update
from sqlalchemy.dialects.sqlite import insert
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES, Kind
from mediateur.domain.values import FieldValueError, decode, format_datetime, parse_datetime
from mediateur.store.schema import outbox, synced_tables

log = logging.getLogger(__name__)
SYSTEM_FIELDS = ("organisation_id", "created_at", "created_by", "updated_hlc")
# What the server stamps on a row it accepts (the laptop's clock is not trusted for created_at).
_STAMPED = ("server_seq", "created_at")


def pending_fields(session: Session, entity: str, ids: Iterable[str]) -> dict[str, set[str]]:
    """Fields with pending local edits, per row id (only rows that have some)."""
    ids = list(ids)
    result: dict[str, set[str]] = defaultdict(set)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        rows = session.execute(
            select(outbox.c.row_id, outbox.c.fields, outbox.c.op).where(
                outbox.c.entity == entity, outbox.c.row_id.in_(chunk)
            )
        )
        for row_id, fields, op in rows:
            result[row_id].update(fields)
            if op != "upsert":
                result[row_id].add("deleted")
    return result


def decode_row(entity: str, fields: dict[str, Any]) -> dict[str, Any]:
    """Wire fields of a server row → column values; fields unknown to this version are ignored."""
    spec = ENTITIES[entity]
    values: dict[str, Any] = {}
    for name, raw in fields.items():
        if name in SYSTEM_FIELDS:
            values[name] = parse_datetime(raw) if name == "created_at" and raw else raw
        elif spec.has_field(name):
            # Tombstones and anonymised rows carry nulls even in required fields: required-ness
            # is checked where edits are made, not on the server's state.
            if raw is None:
                values[name] = None
                continue
            try:
                values[name] = decode(spec.field(name), raw)
            except FieldValueError:
                log.warning("server value of %s.%s does not decode; left empty", entity, name)
                values[name] = None
    return values


def _full_row(
    table: Table, record_id: str, values: dict[str, Any], server_seq: int, deleted: bool
) -> dict[str, Any]:
    row = dict.fromkeys(c.name for c in table.columns)
    row.update(values)
    row.update(id=record_id, server_seq=server_seq, deleted=deleted)
    if row["created_at"] is None:
        row["created_at"] = parse_datetime("1970-01-01T00:00:00Z")
    if row["updated_hlc"] is None:
        row["updated_hlc"] = ""
    return row


def apply_rows(
    session: Session, entity: str, rows: Sequence[tuple[str, int, dict[str, Any], bool]]
) -> None:
    """Write server rows `(id, server_seq, wire_fields, deleted)` of one entity."""
    if not rows:
        return
    table = synced_tables[entity]
    ids = [r[0] for r in rows]
    pending = pending_fields(session, entity, ids)
    held = _held_rows(session, entity, ids)
    converters = _converters(entity)
    names = [name for name, _convert in converters]
    stamped = [names.index(name) for name in _STAMPED]
    bulk: list[tuple[Any, ...]] = []
    restamped: list[tuple[Any, ...]] = []
    for record_id, server_seq, fields, deleted in rows:
        keep_local = pending.get(record_id)
        if keep_local:
            values = decode_row(entity, fields)
            _apply_keeping(session, table, record_id, server_seq, values, deleted, keep_local)
            continue
        base = {"id": record_id, "server_seq": server_seq, "deleted": deleted}
        row = tuple(convert(base.get(name, fields.get(name))) for name, convert in converters)
        mine = held.get(record_id)
        if mine == row:
            continue
        if mine is not None and _unstamped(mine, stamped) == _unstamped(row, stamped):
            restamped.append((*(row[i] for i in stamped), record_id))
        else:
            bulk.append(row)
    connection = session.connection()
    if bulk:
        connection.exec_driver_sql(_upsert_sql(entity), bulk)
    if restamped:
        # The laptop's own edit, acknowledged or echoed: only the server's stamps change, and
        # no index holds them, so the row is rewritten in place and no index entry moves.
        assignments = ", ".join(f'"{name}" = ?' for name in _STAMPED)
        connection.exec_driver_sql(
            f'UPDATE "{entity}" SET {assignments} WHERE id = ?',  # noqa: S608
            restamped,
        )


def _unstamped(row: tuple[Any, ...], stamped: list[int]) -> tuple[Any, ...]:
    return tuple(value for i, value in enumerate(row) if i not in stamped)


def _held_rows(session: Session, entity: str, ids: list[str]) -> dict[str, tuple[Any, ...]]:
    """The stored rows among `ids`, raw, in the converters' column order."""
    columns = ", ".join(f'"{name}"' for name, _convert in _converters(entity))
    held: dict[str, tuple[Any, ...]] = {}
    connection = session.connection()
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        marks = ", ".join("?" for _ in chunk)
        query = f'SELECT {columns} FROM "{entity}" WHERE id IN ({marks})'  # noqa: S608
        held.update((row[0], tuple(row)) for row in connection.exec_driver_sql(query, tuple(chunk)))
    return held


_CANONICAL_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")
_ISO_DATE = re.compile(r"^\d{4}-\d\d-\d\d$")
_JSON_KINDS = (Kind.CODES, Kind.UUIDS, Kind.STRINGS, Kind.CODE_MAP)


def _datetime(raw: Any) -> str | None:
    if not isinstance(raw, str):
        return None
    if _CANONICAL_DATETIME.match(raw):
        return raw
    try:
        return format_datetime(parse_datetime(raw))
    except ValueError:
        return None


def _storage(kind: Kind | None) -> Callable[[Any], Any]:
    """Wire value → the value the store keeps (what SQLAlchemy's column types would write)."""
    if kind is Kind.DATETIME:
        return _datetime
    if kind is Kind.DATE:
        return lambda raw: raw if isinstance(raw, str) and _ISO_DATE.match(raw) else None
    if kind is Kind.BOOL:
        return lambda raw: int(raw) if isinstance(raw, bool) else None
    if kind is Kind.INT:
        return lambda raw: raw if isinstance(raw, int) and not isinstance(raw, bool) else None
    if kind in _JSON_KINDS:
        # SQLAlchemy's JSON type stores None as JSON null, not SQL NULL: so does the bulk path.
        return lambda raw: json.dumps(raw) if isinstance(raw, list | dict) else "null"
    return lambda raw: raw if isinstance(raw, str) else None


@cache
def _converters(entity: str) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    spec = ENTITIES[entity]
    system: dict[str, Callable[[Any], Any]] = {
        "id": str,
        "created_at": lambda raw: _datetime(raw) or "1970-01-01T00:00:00.000000Z",
        "updated_hlc": lambda raw: raw if isinstance(raw, str) else "",
        "deleted": lambda raw: int(bool(raw)),
        "server_seq": int,
    }
    return tuple(
        (
            column.name,
            system.get(column.name)
            or _storage(spec.field(column.name).kind if spec.has_field(column.name) else None),
        )
        for column in synced_tables[entity].columns
    )


@cache
def _upsert_sql(entity: str) -> str:
    """INSERT … ON CONFLICT (id) DO UPDATE of every column, in the converters' column order."""
    names = [name for name, _convert in _converters(entity)]
    updates = ", ".join(f'"{name}" = excluded."{name}"' for name in names if name != "id")
    columns = ", ".join(f'"{name}"' for name in names)
    marks = ", ".join("?" for _ in names)
    # Names come from the data dictionary, never from data; values are bound parameters.
    return (
        f'INSERT INTO "{entity}" ({columns}) VALUES ({marks}) '  # noqa: S608
        f'ON CONFLICT ("id") DO UPDATE SET {updates}'
    )


def _apply_keeping(
    session: Session,
    table: Table,
    record_id: str,
    server_seq: int,
    values: dict[str, Any],
    deleted: bool,
    keep_local: set[str],
) -> None:
    exists = session.scalar(select(table.c.id).where(table.c.id == record_id))
    if exists is None:
        # A row with pending edits but no local copy (wiped by a reset): take the server's
        # version and re-apply the pending fields afterwards (see `reapply_pending`).
        session.execute(insert(table), [_full_row(table, record_id, values, server_seq, deleted)])
        return
    changes = {k: v for k, v in values.items() if k not in keep_local}
    changes["server_seq"] = server_seq
    if "deleted" not in keep_local:
        changes["deleted"] = deleted
    session.execute(update(table).where(table.c.id == record_id).values(**changes))


def remove_rows(session: Session, entity: str, ids: Sequence[str]) -> None:
    """Rows that left this device's scope: the local copy goes."""
    table = synced_tables[entity]
    for start in range(0, len(ids), 500):
        session.execute(delete(table).where(table.c.id.in_(ids[start : start + 500])))


def wipe_synced_tables(session: Session) -> None:
    """The local side of a reset (410): every synced row goes; outbox, dead letters and the
    conflict inbox stay."""
    for table in synced_tables.values():
        session.execute(delete(table))


def reapply_pending(session: Session) -> None:
    """Put pending local edits back over a fresh snapshot, oldest first."""
    entries = session.execute(select(outbox).order_by(outbox.c.seq)).mappings().all()
    for entry in entries:
        table = synced_tables[entry["entity"]]
        spec = ENTITIES[entry["entity"]]
        values = {
            k: decode(spec.field(k), v) for k, v in entry["fields"].items() if spec.has_field(k)
        }
        exists = session.scalar(select(table.c.id).where(table.c.id == entry["row_id"]))
        if entry["op"] != "upsert":
            if exists:
                session.execute(
                    update(table).where(table.c.id == entry["row_id"]).values(deleted=True)
                )
            continue
        if exists:
            if values:
                session.execute(update(table).where(table.c.id == entry["row_id"]).values(**values))
        else:
            session.execute(
                insert(table),
                [
                    _full_row(
                        table,
                        entry["row_id"],
                        {**values, "updated_hlc": entry["hlc"], "created_at": entry["created_at"]},
                        0,
                        False,
                    )
                ],
            )
