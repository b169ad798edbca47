"""The rows one transaction changed, stamped with seqs in commit order, and the change feed.

Writers (a push, a job) record each row whose content they change (`changed`), each row whose
scopes may have moved without its content changing (`rescope`), and each row to deliver again
as it stands (`redeliver`: the rows of a replayed push answer, which may be older than what the
laptop has pulled since). Just before commit, `stamp`:

1. takes its seqs from the one-row counter (`UPDATE sync_counter SET value = value + n …
   RETURNING`): on PostgreSQL its row lock is held until commit, so a transaction that takes it
   later commits later, and seqs are allocated in commit order; a pull that has passed seq N
   never misses a row committed afterwards. On SQLite writers are serial anyway;
2. with the lock held (so what it reads was committed by the writers before), works out every
   row's scopes now and in the feed, following records whose scopes depend on a row whose scopes
   moved (a beneficiary newly shared brings its follow-ups, referrals and linked contacts);
3. gives each row one new seq, writes it into the row and into the field clocks written by this
   transaction (changes of content only), and replaces the row's feed entries: every scope for a
   change of content or a redelivery, the new scopes only for a grant (backfill), a `remove` for
   each scope the row left.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, bindparam, select, update
from sqlalchemy.dialects import postgresql, sqlite

from mediateur.server.models import change_feed, record_tables, sync_counter
from mediateur.server.sync.scopes import ScopeResolver, dependents

UPSERT, DELETE, REMOVE = "upsert", "delete", "remove"
_IN_CHUNKS = 500

Key = tuple[str, str]
Lookup = Callable[[str, str], dict[str, Any] | None]


@dataclass(frozen=True, slots=True)
class FeedEntry:
    entity: str
    row_id: str
    scope: str
    op: str


class ChangeSet:
    def __init__(self, conn: Connection, *, now: datetime) -> None:
        self.conn = conn
        self.now = now
        self._content: dict[Key, None] = {}
        self._rescope: dict[Key, None] = {}
        self._redeliver: dict[Key, None] = {}
        # Records this transaction created: they have no feed history to read.
        self._created: set[Key] = set()
        # After `stamp`: the seq each changed row got.
        self.seqs: dict[Key, int] = {}

    def changed(self, entity: str, record_id: str) -> None:
        self._content[entity, record_id] = None

    def created(self, entity: str, record_id: str) -> None:
        self._created.add((entity, record_id))
        self.changed(entity, record_id)

    def rescope(self, entity: str, record_id: str) -> None:
        self._rescope[entity, record_id] = None

    def redeliver(self, entity: str, record_id: str) -> None:
        self._redeliver[entity, record_id] = None

    def __bool__(self) -> bool:
        return bool(self._content or self._rescope or self._redeliver)

    def stamp(self, known: Lookup | None = None) -> None:
        """Allocate seqs and write them with the feed; call last, just before commit. `known`
        gives rows this transaction holds locked (a push's), which need not be read again."""
        if not self:
            return
        # (key, whether every scope gets a new entry): changes of content and redeliveries do.
        everywhere = {**self._content, **self._redeliver}
        wave = [(key, True) for key in everywhere]
        wave += [(key, False) for key in self._rescope if key not in everywhere]
        # One seq per row of the first wave, taken with the lock in one statement; a row that
        # needs none leaves a gap (harmless: cursors only compare seqs).
        allocated = len(wave)
        base = self._allocate(allocated) - allocated
        resolver = ScopeResolver(self.conn, known)
        entries: list[tuple[Key, list[FeedEntry]]] = []
        seen: set[Key] = set()
        while wave:
            keys = [key for key, _content in wave]
            seen.update(keys)
            feed = self._feed_of([key for key in keys if key not in self._created])
            for entity in {entity for entity, _id in keys}:
                resolver.prefetch(entity, [i for e, i in keys if e == entity])
            moved: list[Key] = []
            for key, content in wave:
                row = resolver.row(*key)
                if row is None:
                    continue
                now_in = resolver.scopes(*key)
                before = {scope for scope, op in feed.get(key, {}).items() if op != REMOVE}
                op = DELETE if row["deleted"] else UPSERT
                targets = now_in if content else (now_in - before if op == UPSERT else set())
                row_entries = [FeedEntry(*key, scope, op) for scope in sorted(targets)]
                row_entries += [FeedEntry(*key, scope, REMOVE) for scope in sorted(before - now_in)]
                if row_entries or content:
                    entries.append((key, row_entries))
                # A record new to the feed has no dependents outside this transaction (a child
                # is only accepted under a parent the database already holds).
                if before and now_in != before:
                    moved.append(key)
            wave = []
            for entity in {entity for entity, _id in moved}:
                for child in dependents(self.conn, entity, [i for e, i in moved if e == entity]):
                    if child not in seen:
                        seen.add(child)
                        wave.append((child, False))
        if len(entries) > allocated:
            self._allocate(len(entries) - allocated)
        for offset, (key, _row_entries) in enumerate(entries, start=1):
            self.seqs[key] = base + offset
        self._write_rows(known)
        self._write_feed([(self.seqs[key], entry) for key, es in entries for entry in es])

    def _allocate(self, count: int) -> int:
        """Take `count` more seqs (and the counter's lock, until commit); the last one."""
        last: int = self.conn.execute(
            update(sync_counter)
            .where(sync_counter.c.id == 1)
            .values(value=sync_counter.c.value + count)
            .returning(sync_counter.c.value)
        ).scalar_one()
        return last

    def _feed_of(self, keys: list[Key]) -> dict[Key, dict[str, str]]:
        found: dict[Key, dict[str, str]] = {}
        for entity in {entity for entity, _id in keys}:
            ids = [i for e, i in keys if e == entity]
            for start in range(0, len(ids), _IN_CHUNKS):
                query = select(change_feed.c.row_id, change_feed.c.scope, change_feed.c.op).where(
                    change_feed.c.entity == entity,
                    change_feed.c.row_id.in_(ids[start : start + _IN_CHUNKS]),
                )
                for row_id, scope, op in self.conn.execute(query):
                    found.setdefault((entity, row_id), {})[scope] = op
        return found

    def _write_rows(self, known: Lookup | None) -> None:
        by_entity: dict[str, list[str]] = {}
        for entity, record_id in self._content:
            if (entity, record_id) in self.seqs:
                by_entity.setdefault(entity, []).append(record_id)
        for entity, ids in by_entity.items():
            table = record_tables[entity]
            clocks_of: dict[str, dict[str, Any]] = {}
            unknown = []
            for record_id in ids:
                row = known(entity, record_id) if known is not None else None
                if row is None:
                    unknown.append(record_id)
                else:
                    clocks_of[record_id] = row["field_clocks"]
            for start in range(0, len(unknown), _IN_CHUNKS):
                query = select(table.c.id, table.c.field_clocks).where(
                    table.c.id.in_(unknown[start : start + _IN_CHUNKS])
                )
                clocks_of.update({row_id: clocks for row_id, clocks in self.conn.execute(query)})
            params: list[dict[str, Any]] = []
            for record_id, clocks in clocks_of.items():
                seq = self.seqs[entity, record_id]
                stamped = {
                    name: [hlc, device, seq if written is None else written]
                    for name, (hlc, device, written) in clocks.items()
                }
                params.append({"_id": record_id, "_seq": seq, "_clocks": stamped})
            if not params:
                continue
            self.conn.execute(
                update(table)
                .where(table.c.id == bindparam("_id"))
                .values(server_seq=bindparam("_seq"), field_clocks=bindparam("_clocks")),
                params,
            )

    def _write_feed(self, entries: list[tuple[int, FeedEntry]]) -> None:
        if not entries:
            return
        dialect = postgresql if self.conn.dialect.name == "postgresql" else sqlite
        statement = dialect.insert(change_feed)
        statement = statement.on_conflict_do_update(
            index_elements=["entity", "row_id", "scope"],
            set_={
                "seq": statement.excluded.seq,
                "op": statement.excluded.op,
                "changed_at": statement.excluded.changed_at,
            },
        )
        self.conn.execute(
            statement,
            [
                {
                    "entity": entry.entity,
                    "row_id": entry.row_id,
                    "scope": entry.scope,
                    "seq": seq,
                    "op": entry.op,
                    "changed_at": self.now,
                }
                for seq, entry in entries
            ],
        )
