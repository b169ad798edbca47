"""Reading rows of the local store into the frozen dataclasses the use cases return.

JSON list columns become tuples and maps become dicts, so a view never shares mutable state with
the database layer; deleted rows (tombstones) are invisible to every use case.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from typing import Any, TypeVar

from sqlalchemy import RowMapping, Table, select
from sqlalchemy.orm import Session

from mediateur.services.errors import RecordNotFound
from mediateur.store.schema import synced_tables

V = TypeVar("V")


def to_view(cls: type[V], row: Mapping[str, Any] | RowMapping) -> V:
    """Build dataclass `cls` from the columns of `row` that it names; a NULL list or map column
    takes the field's empty default."""
    values: dict[str, Any] = {}
    for f in dataclasses.fields(cls):  # type: ignore[arg-type]
        value = row[f.name]
        if isinstance(value, list):
            value = tuple(value)
        elif isinstance(value, dict):
            value = dict(value)
        elif value is None and f.default_factory is not dataclasses.MISSING:
            value = f.default_factory()
        elif value is None and f.default is not dataclasses.MISSING:
            value = f.default
        values[f.name] = value
    return cls(**values)


def live_row(session: Session, entity: str, record_id: str) -> dict[str, Any]:
    """The row of a record that exists and is not deleted, or RecordNotFound."""
    table: Table = synced_tables[entity]
    row = (
        session.execute(select(table).where(table.c.id == record_id, table.c.deleted.is_(False)))
        .mappings()
        .first()
    )
    if row is None:
        raise RecordNotFound(entity, record_id)
    return dict(row)


def exists(session: Session, entity: str, record_id: str) -> bool:
    table = synced_tables[entity]
    found = session.scalar(
        select(table.c.id).where(table.c.id == record_id, table.c.deleted.is_(False))
    )
    return found is not None
