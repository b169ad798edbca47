"""Writes to records that keep their field clocks, `updated_hlc` and the change set in step.

Every change of a record's content, whoever makes it (a client's mutation, a cascade, a job),
goes through `Writer`: the row is written (later reads of the transaction see it), its written
fields get the writer's clock with the seq left to `ChangeSet.stamp`, and the record is recorded
as changed so that it gets a seq and its feed entries before commit.

A push's writer defers the inserts of the records it creates (`defer_inserts`): one round trip
per new record was a third of a push's time on PostgreSQL. They are written together, in one
`executemany`, just before the next statement of any kind runs on the connection, so no read or
write of the transaction can miss them; a later write to a record still waiting goes into its
pending row.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, event

from mediateur.domain.dictionary import ENTITIES
from mediateur.server.sync import rows
from mediateur.server.sync.changes import ChangeSet
from mediateur.server.sync.rows import DEFAULT_CLOCK, SERVER_DEVICE, FieldClock, RowCache
from mediateur.server.sync.state import SyncState, server_stamp


@dataclass(slots=True)
class Writer:
    conn: Connection
    changes: ChangeSet
    state: SyncState
    now: datetime
    # A push's cache of the rows it works on; records it creates are added to it.
    cache: RowCache | None = None
    defer_inserts: bool = False
    # Rows created and not yet inserted, per entity and id (the very dicts callers update).
    _waiting: dict[str, dict[str, dict[str, Any]]] = field(default_factory=dict)
    # Writes made so far, inserted or waiting: a push checks no rejection follows one.
    writes: int = 0

    def __post_init__(self) -> None:
        if self.defer_inserts:
            event.listen(self.conn, "before_execute", self._insert_waiting)

    def _insert_waiting(self, *_event: Any) -> None:
        """Insert the waiting rows, before whatever statement is about to run."""
        waiting, self._waiting = self._waiting, {}
        for entity, created in waiting.items():
            rows.insert_rows(self.conn, entity, list(created.values()))

    @property
    def server_clock(self) -> FieldClock:
        return FieldClock(server_stamp(self.state, self.now), SERVER_DEVICE, None)

    def create(
        self,
        entity: str,
        record_id: str,
        values: Mapping[str, Any],
        *,
        clock: FieldClock,
        organisation_id: str,
        created_by: str | None,
        deleted: bool = False,
    ) -> dict[str, Any]:
        row = {
            **dict.fromkeys(ENTITIES[entity].field_names),
            **dict(values),
            "id": record_id,
            "organisation_id": organisation_id,
            "created_at": self.now,
            "created_by": created_by,
            "updated_hlc": clock.hlc,
            "deleted": deleted,
            "server_seq": 0,
            "field_clocks": {DEFAULT_CLOCK: clock.to_json()},
        }
        row["wire"] = rows.wire_json(entity, row)
        self.writes += 1
        if self.defer_inserts:
            self._waiting.setdefault(entity, {})[record_id] = row
        else:
            rows.insert_rows(self.conn, entity, [row])
        self.changes.created(entity, record_id)
        if self.cache is not None:
            self.cache.put(entity, row)
        return row

    def write(
        self,
        entity: str,
        row: dict[str, Any],
        values: Mapping[str, Any],
        *,
        clock: FieldClock,
        deleted: bool | None = None,
    ) -> None:
        """Write `values` into the record (and into `row`, the caller's copy)."""
        clocks = dict(row["field_clocks"])
        for name in values:
            clocks[name] = clock.to_json()
        changed: dict[str, Any] = {
            **values,
            "field_clocks": clocks,
            "updated_hlc": max(row["updated_hlc"], clock.hlc),
        }
        if deleted is not None:
            changed["deleted"] = deleted
        changed["wire"] = rows.wire_json(entity, {**row, **changed})
        self.writes += 1
        waiting = self._waiting.get(entity, {}).get(row["id"])
        if waiting is None:
            rows.update_row(self.conn, entity, row["id"], changed)
        else:
            waiting.update(changed)
        row.update(changed)
        self.changes.changed(entity, row["id"])
