"""The pull service (`GET /api/v1/sync/pull`): the caller's feeds, page by page.

Without a cursor, a laptop gets the initial snapshot: entity by entity in the parents-first order
of the data dictionary, the live records of its scopes in seq order, up to the high-water seq
taken when the snapshot began; then the incremental feed from that mark. Tombstones and removes
are not in the snapshot (an empty laptop has nothing to withdraw); what changes while the snapshot
is paged moves past the mark and comes with the incremental feed. The incremental feed is every
entry of the caller's scopes after the cursor's seq, in seq order; an entry is a record at its
latest change in that scope, so a record changed many times comes once.

Every page is read in one snapshot transaction (REPEATABLE READ on PostgreSQL), so the records'
contents agree with the entries' seqs. A page is written as JSON directly, each record's stored
`wire` JSON inserted as is: an initial pull of tens of thousands of records decodes nothing.

A cursor whose seq the server never reached means the database went back in time (restored from
a backup): 410 `epoch_changed`, like a cursor of another epoch. A cursor below the purge horizon
may have missed purged tombstones: 410 `tombstone_horizon`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Connection, select

from mediateur.domain.dictionary import ENTITY_ORDER
from mediateur.server import audit
from mediateur.server.audit import Action
from mediateur.server.core.db import Database
from mediateur.server.errors import EpochChanged, PastTombstoneHorizon
from mediateur.server.models import change_feed, device, sync_counter, sync_state
from mediateur.server.roles import readable_entities
from mediateur.server.sessions import Caller
from mediateur.server.sync import cursor as cursors
from mediateur.server.sync import rows
from mediateur.server.sync.changes import REMOVE, UPSERT
from mediateur.server.sync.cursor import Cursor, Snapshot
from mediateur.server.sync.scopes import caller_scopes, entity_scope
from mediateur.server.sync.state import SyncState, millis, server_hlc


@dataclass(frozen=True, slots=True)
class _Entry:
    seq: int
    entity: str
    row_id: str
    op: str


def pull(db: Database, *, caller: Caller, token: str | None, limit: int, now: datetime) -> bytes:
    """The page as the JSON of a `PullResponse`."""
    with db.snapshot() as conn:
        # The state, the high-water seq and the device's last mutation, in one round trip.
        high_water = select(sync_counter.c.value).where(sync_counter.c.id == 1)
        last_mutation = select(device.c.last_mutation_seq).where(device.c.id == caller.device_id)
        epoch, key, horizon, high, last_mutation_seq = conn.execute(
            select(
                sync_state.c.epoch,
                sync_state.c.cursor_key,
                sync_state.c.purge_horizon,
                high_water.scalar_subquery(),
                last_mutation.scalar_subquery(),
            ).where(sync_state.c.id == 1)
        ).one()
        state = SyncState(epoch, bytes.fromhex(key), horizon)
        position = _position(state, high, token)
        entries, position, has_more = _page(conn, caller, position, limit)
        changes, seen = _changes(conn, entries)
    with db.begin() as conn:
        audit.record(
            conn,
            action=Action.PULL,
            at=now,
            actor_user_id=caller.user_id,
            actor_device_id=caller.device_id,
            organisation_id=caller.organisation_id,
            count=len(changes),
        )
    rest = {
        "next_cursor": cursors.encode(position, state),
        "has_more": has_more,
        "last_mutation_seq": last_mutation_seq,
        "server_time": millis(now),
        "server_hlc": server_hlc(state, now, seen),
    }
    return b'{"changes":[%s],%s' % (",".join(changes).encode(), json.dumps(rest)[1:].encode())


def _position(state: SyncState, high: int, token: str | None) -> Cursor:
    """Where the page starts; `high` is the last seq committed when the snapshot was taken."""
    if token is None:
        return Cursor(high, Snapshot(ENTITY_ORDER[0], 0, high))
    position = cursors.decode(token, state)
    if position.seq > high:
        raise EpochChanged()
    if position.seq < state.purge_horizon:
        raise PastTombstoneHorizon()
    return position


def _page(
    conn: Connection, caller: Caller, position: Cursor, limit: int
) -> tuple[list[_Entry], Cursor, bool]:
    entries: list[_Entry] = []
    if position.snapshot is not None:
        entries, position, more = _snapshot_page(conn, caller, position.snapshot, limit)
        if more:
            return entries, position, True
    more_entries, has_more = _incremental(conn, caller, position.seq, limit - len(entries))
    entries += more_entries
    if more_entries:
        position = Cursor(more_entries[-1].seq)
    return entries, position, has_more


def _snapshot_page(
    conn: Connection, caller: Caller, snapshot: Snapshot, limit: int
) -> tuple[list[_Entry], Cursor, bool]:
    """Live records entity by entity; the cursor where the next page starts, and whether the
    snapshot goes on."""
    entries: list[_Entry] = []
    after = snapshot.after
    for entity in ENTITY_ORDER[ENTITY_ORDER.index(snapshot.entity) :]:
        room = limit - len(entries)
        if room == 0:
            return entries, Cursor(snapshot.high, Snapshot(entity, after, snapshot.high)), True
        scope = entity_scope(caller, entity)
        if scope is not None:
            query = (
                select(change_feed.c.seq, change_feed.c.row_id)
                .where(
                    change_feed.c.scope == scope,
                    change_feed.c.entity == entity,
                    change_feed.c.seq > after,
                    change_feed.c.seq <= snapshot.high,
                    change_feed.c.op == UPSERT,
                )
                .order_by(change_feed.c.seq)
                .limit(room + 1)
            )
            found = [_Entry(seq, entity, row_id, UPSERT) for seq, row_id in conn.execute(query)]
            if len(found) > room:
                entries += found[:room]
                resume = Snapshot(entity, found[room - 1].seq, snapshot.high)
                return entries, Cursor(snapshot.high, resume), True
            entries += found
        after = 0
    return entries, Cursor(snapshot.high), False


def _incremental(
    conn: Connection, caller: Caller, after: int, limit: int
) -> tuple[list[_Entry], bool]:
    """The first `limit` entries of the caller's scopes after `after`, and whether more follow.
    One ordered index range per scope, merged: each is a prefix of its scope's feed, so the
    merged first `limit` are the feed's."""
    if limit == 0:
        return [], True
    readable = readable_entities(caller.role)
    found: list[_Entry] = []
    for scope in caller_scopes(caller):
        query = (
            select(change_feed.c.seq, change_feed.c.entity, change_feed.c.row_id, change_feed.c.op)
            .where(change_feed.c.scope == scope, change_feed.c.seq > after)
            .order_by(change_feed.c.seq)
            .limit(limit + 1)
        )
        found += [_Entry(*row) for row in conn.execute(query) if row.entity in readable]
    found.sort(key=lambda entry: entry.seq)
    return found[:limit], len(found) > limit


def _changes(conn: Connection, entries: list[_Entry]) -> tuple[list[str], list[str]]:
    """The page's changes as JSON (the records' stored wire JSON inside, as is), and the
    clocks they carry."""
    wanted: dict[str, list[str]] = {}
    for entry in entries:
        if entry.op != REMOVE:
            wanted.setdefault(entry.entity, []).append(entry.row_id)
    contents = {entity: rows.load_wire(conn, entity, ids) for entity, ids in wanted.items()}
    changes: list[str] = []
    clocks: list[str] = []
    delivered: set[tuple[str, str]] = set()
    for entry in entries:
        if (entry.entity, entry.row_id) in delivered:
            continue
        delivered.add((entry.entity, entry.row_id))
        fields = "null"
        if entry.op != REMOVE:
            found = contents[entry.entity].get(entry.row_id)
            if found is None:
                continue
            fields, clock = found
            clocks.append(clock)
        # Entity names, ids (UUIDs) and ops need no escaping; `fields` is JSON already.
        changes.append(
            f'{{"entity":"{entry.entity}","id":"{entry.row_id}","op":"{entry.op}",'
            f'"server_seq":{entry.seq},"fields":{fields}}}'
        )
    return changes, clocks
