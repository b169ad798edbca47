"""Writes to records that keep their field clocks, `updated_hlc` and the change set in step.

Every change of a record's content, whoever makes it (a client's mutation, a cascade, a job),
goes through `Writer`: the row is written at once (later reads of the transaction see it), its
written fields get the writer's clock with the seq left to `ChangeSet.stamp`, and the record is
recorded as changed so that it gets a seq and its feed entries before commit.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection

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
        rows.insert_row(self.conn, entity, row)
        self.changes.changed(entity, record_id)
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
        rows.update_row(self.conn, entity, row["id"], changed)
        row.update(changed)
        self.changes.changed(entity, row["id"])
