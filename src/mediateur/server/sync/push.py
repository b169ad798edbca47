"""The push service (`POST /api/v1/sync/push`): idempotent batches of mutations.

A batch is identified by its device and `Idempotency-Key`. The key is first claimed in its own
short transaction (`in_progress`, with the SHA-256 of the decompressed body); the batch is then
applied in one transaction, and the exact bytes of its answer are stored under the key right
after, in a transaction of their own. The batch's transaction holds the seq counter from
stamping to commit, and every other push waits on it: so the answer is serialised after it, and
on PostgreSQL it commits without waiting for its WAL flush; the answer's commit, synchronous,
flushes the WAL past it before the laptop is answered, so nothing acknowledged can be lost. If
the server dies in between, the claim stays in progress: a minute later the laptop's retry takes
it over, and every mutation applied is then a duplicate answered with the current record. The
same key and body again → the stored bytes;
the same key with another body → 422 `idempotency_conflict`; a key still in progress → 409 with
`Retry-After: 1`, unless its claim is older than a minute (the worker died) and is taken over. A
failed batch gives its claim back at once.

A rejected mutation never blocks the rest, and writes nothing: every rule of `mutations` is
checked before the first write, so the batch normally runs without a savepoint per mutation
(two round trips each, half the push's time on PostgreSQL). Should a rejection come after a
write, or the database refuse a write, the batch is rolled back and run again with one savepoint
per mutation, the failing one rejected with a French reason. A mutation already applied for this
device is answered `duplicate`. The rows the
batch touches are read (and locked) once, up front, with the record of applied mutations.
Every result carries the record as the server holds it after the whole batch (the authoritative
row the laptop applies), so laptops converge even when their own write lost. The heartbeat is
stored on the device; the seqs are stamped last, just before commit.

A replayed answer is the stored one, byte for byte, so its rows show the records as they were
when the batch was first applied; a laptop that lost the first answer may have pulled newer
versions since, keeping its own pending values over them. The replay therefore also puts those
records back in the feed with new seqs (`ChangeSet.redeliver`): the laptop's next pull brings
their current state, and nothing stays stale.
"""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Connection, delete, event, insert, select, update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.exc import DBAPIError, OperationalError

from mediateur.domain.reference import reference_data
from mediateur.failpoints import failpoint
from mediateur.server import audit
from mediateur.server.audit import Action
from mediateur.server.core.db import Database
from mediateur.server.errors import IdempotencyConflict, PushInProgress
from mediateur.server.models import applied_mutation, device, idempotency_key
from mediateur.server.sessions import Caller
from mediateur.server.sync import rows
from mediateur.server.sync.changes import ChangeSet
from mediateur.server.sync.mutations import (
    MutationOutcome,
    PushContext,
    Rejected,
    apply_mutation,
    keys_read_by,
    record_id_of,
)
from mediateur.server.sync.rows import RowCache
from mediateur.server.sync.scopes import ScopeResolver
from mediateur.server.sync.state import clock_warning, millis, read_state, server_hlc
from mediateur.server.sync.writer import Writer
from mediateur.sync.protocol import Mutation, MutationResult, PushRequest, PushResponse

log = logging.getLogger(__name__)

IN_PROGRESS = "in_progress"
DONE = "done"
# Counters the database stores in 32 and 64 bits: larger values from a client are nonsense.
_MAX_COUNT = 2**31 - 1
_MAX_SEQ = 2**63 - 1
_TOO_LARGE_SEQ = "seq : numéro d'ordre hors limites."
_DATABASE_REFUSED = (
    "Modification refusée par la base du serveur (valeur hors limites) : vérifiez la fiche, "
    "puis réessayez ; si cela persiste, prévenez l'administrateur."
)


@dataclass(frozen=True, slots=True)
class BatchRequest:
    caller: Caller
    body: PushRequest
    raw: bytes
    key: str
    client_time: str | None
    now: datetime
    # A claim "in progress" for this long is deemed dead (its worker crashed) and taken over.
    take_over_after: timedelta = timedelta(minutes=1)


def push(db: Database, request: BatchRequest) -> bytes:
    """Apply a batch (or replay its stored answer); returns the exact bytes of the response."""
    digest = hashlib.sha256(request.raw).hexdigest()
    stored = _claim(db, request, digest)
    if stored is not None:
        _redeliver(db, stored, request.now)
        return stored
    try:
        try:
            applied = _run_batch(db, request, isolated=False)
        except _NeedsIsolation:
            applied = _run_batch(db, request, isolated=True)
        failpoint("server.push.committed")
        answer = _answer(applied, request)
        with db.begin() as conn:
            conn.execute(
                update(idempotency_key)
                .where(
                    idempotency_key.c.device_id == request.caller.device_id,
                    idempotency_key.c.key == request.key,
                )
                .values(status=DONE, response=answer)
            )
    except BaseException:
        _give_back(db, request)
        raise
    return answer


class _NeedsIsolation(Exception):
    """The fast run met a rejection after a write, or a database error: run it isolated."""


def _run_batch(db: Database, request: BatchRequest, *, isolated: bool) -> _Applied:
    try:
        with db.begin() as conn:
            if conn.dialect.name == "postgresql":
                # Commit without waiting for the WAL flush: the counter's lock is released
                # sooner. The answer's own (synchronous) commit below flushes the WAL past this
                # one before the laptop hears of it.
                conn.exec_driver_sql("SET LOCAL synchronous_commit TO OFF")
            return _apply_batch(conn, request, isolated=isolated)
    except DBAPIError as exc:
        if isolated or isinstance(exc, OperationalError):
            raise
        log.warning("push batch re-run with one savepoint per mutation: %s", type(exc).__name__)
        raise _NeedsIsolation() from None


class _WriteCounter:
    """Counts the statements of a connection that are not reads."""

    def __init__(self, conn: Connection) -> None:
        self.writes = 0
        event.listen(conn, "before_cursor_execute", self._count)

    def _count(self, *args: Any) -> None:
        statement = args[2]
        if not statement.lstrip()[:6].upper().startswith(("SELECT", "SAVEPO", "RELEAS")):
            self.writes += 1


def _claim(db: Database, request: BatchRequest, digest: str) -> bytes | None:
    """Claim the key; the stored response when the batch was already applied."""
    dialect = postgresql if db.engine.dialect.name == "postgresql" else sqlite
    claim = (
        dialect.insert(idempotency_key)
        .values(
            device_id=request.caller.device_id,
            key=request.key,
            body_sha256=digest,
            status=IN_PROGRESS,
            started_at=request.now,
            created_at=request.now,
        )
        .on_conflict_do_nothing()
        .returning(idempotency_key.c.key)
    )
    with db.begin() as conn:
        if conn.execute(claim).first() is not None:
            return None
        row = conn.execute(
            select(idempotency_key)
            .where(
                idempotency_key.c.device_id == request.caller.device_id,
                idempotency_key.c.key == request.key,
            )
            .with_for_update()
        ).one()
        if row.body_sha256 != digest:
            raise IdempotencyConflict()
        if row.status == DONE:
            return bytes(row.response)
        if request.now - row.started_at < request.take_over_after:
            raise PushInProgress(retry_after=1)
        conn.execute(
            update(idempotency_key)
            .where(
                idempotency_key.c.device_id == request.caller.device_id,
                idempotency_key.c.key == request.key,
            )
            .values(started_at=request.now)
        )
        return None


def _redeliver(db: Database, stored: bytes, now: datetime) -> None:
    answer = PushResponse.model_validate_json(stored)
    with db.begin() as conn:
        changes = ChangeSet(conn, now=now)
        for result in answer.results:
            if result.row is not None:
                changes.redeliver(result.row.entity, result.row.id)
        changes.stamp()


def _give_back(db: Database, request: BatchRequest) -> None:
    try:
        with db.begin() as conn:
            conn.execute(
                delete(idempotency_key).where(
                    idempotency_key.c.device_id == request.caller.device_id,
                    idempotency_key.c.key == request.key,
                    idempotency_key.c.status == IN_PROGRESS,
                    idempotency_key.c.started_at == request.now,
                )
            )
    except Exception as exc:
        # The claim then expires after a minute; the original failure is what matters.
        log.warning("could not release an idempotency key: %s", type(exc).__name__)


def _applied_before(conn: Connection, caller: Caller, mutations: list[Mutation]) -> set[str]:
    ids = sorted({m.mutation_id.lower() for m in mutations})
    if not ids:
        return set()
    return set(
        conn.execute(
            select(applied_mutation.c.mutation_id).where(
                applied_mutation.c.device_id == caller.device_id,
                applied_mutation.c.mutation_id.in_(ids),
            )
        ).scalars()
    )


def _apply_one(
    ctx: PushContext, mutation: Mutation, counter: _WriteCounter, *, isolated: bool
) -> MutationOutcome | str:
    """The mutation's outcome, or the French reason it was rejected for."""
    if mutation.seq > _MAX_SEQ:
        return _TOO_LARGE_SEQ
    if not isolated:
        before = counter.writes + ctx.writer.writes
        try:
            return apply_mutation(ctx, mutation)
        except Rejected as rejected:
            if counter.writes + ctx.writer.writes != before:
                raise _NeedsIsolation() from None
            return rejected.reason
    savepoint = ctx.conn.begin_nested()
    try:
        outcome = apply_mutation(ctx, mutation)
    except Rejected as rejected:
        savepoint.rollback()
        ctx.cache.clear()
        return rejected.reason
    except DBAPIError as exc:
        savepoint.rollback()
        ctx.cache.clear()
        log.warning("mutation refused by the database: %s", type(exc).__name__)
        return _DATABASE_REFUSED
    savepoint.commit()
    return outcome


@dataclass(frozen=True, slots=True)
class _Applied:
    """A committed batch: each mutation's outcome with the record as the caller may see it."""

    answered: list[tuple[Mutation, MutationOutcome | str, dict[str, Any] | None]]
    last_mutation_seq: int
    server_hlc: str


def _apply_batch(conn: Connection, request: BatchRequest, *, isolated: bool) -> _Applied:
    caller, now = request.caller, request.now
    counter = _WriteCounter(conn)
    mutations = request.body.mutations
    state = read_state(conn)
    changes = ChangeSet(conn, now=now)
    cache = RowCache(conn)
    ctx = PushContext(
        Writer(conn, changes, state, now, cache=cache, defer_inserts=not isolated),
        caller,
        reference_data(),
        cache,
    )
    last_seq = conn.execute(
        select(device.c.last_mutation_seq).where(device.c.id == caller.device_id)
    ).scalar_one()
    done = _applied_before(conn, caller, mutations)
    cache.prefetch(keys_read_by(mutations))
    applied: list[dict[str, object]] = []
    answered: list[tuple[Mutation, MutationOutcome | str]] = []
    for mutation in mutations:
        mutation_id = mutation.mutation_id.lower()
        outcome: MutationOutcome | str
        if mutation_id in done:
            outcome = MutationOutcome("duplicate", mutation.entity, record_id_of(mutation))
        else:
            outcome = _apply_one(ctx, mutation, counter, isolated=isolated)
            failpoint("server.push.mutation")
        answered.append((mutation, outcome))
        if isinstance(outcome, str):
            continue
        last_seq = max(last_seq, mutation.seq)
        if mutation_id not in done:
            done.add(mutation_id)
            applied.append(
                {
                    "device_id": caller.device_id,
                    "mutation_id": mutation_id,
                    "seq": mutation.seq,
                    "entity": mutation.entity,
                    "row_id": record_id_of(mutation),
                    "at": now,
                }
            )
    if applied:
        conn.execute(insert(applied_mutation), applied)
    device_values: dict[str, object] = {"last_mutation_seq": last_seq}
    heartbeat = request.body.heartbeat
    if heartbeat is not None:
        device_values |= {
            "app_version": heartbeat.app_version,
            "pending": min(heartbeat.pending, _MAX_COUNT),
            "dead": min(heartbeat.dead, _MAX_COUNT),
            "last_pull_at": heartbeat.last_pull_at,
        }
    conn.execute(update(device).where(device.c.id == caller.device_id).values(**device_values))
    audit.record(
        conn,
        action=Action.PUSH,
        at=now,
        actor_user_id=caller.user_id,
        actor_device_id=caller.device_id,
        organisation_id=caller.organisation_id,
        count=len(answered),
    )
    # From here to commit the seq counter is held: only what needs the seqs happens.
    changes.stamp(known=cache.cached)
    return _Applied(
        _with_rows(cache, changes, caller, answered),
        last_seq,
        server_hlc(state, now, ctx.seen_hlcs),
    )


def _with_rows(
    cache: RowCache,
    changes: ChangeSet,
    caller: Caller,
    answered: list[tuple[Mutation, MutationOutcome | str]],
) -> list[tuple[Mutation, MutationOutcome | str, dict[str, Any] | None]]:
    """Each outcome with the record as it stands after the batch (stamped), when the caller may
    see it: a mutation refused for another organisation's record learns nothing of it."""
    resolver = ScopeResolver(cache.conn, cache.get)
    found = []
    for mutation, outcome in answered:
        record_id = record_id_of(mutation)
        row = cache.get(mutation.entity, record_id)
        if row is not None and resolver.visible(caller, mutation.entity, record_id):
            seq = changes.seqs.get((mutation.entity, record_id), row["server_seq"])
            row = {**row, "server_seq": seq}
        else:
            row = None
        found.append((mutation, outcome, row))
    return found


def _answer(applied: _Applied, request: BatchRequest) -> bytes:
    results = []
    for mutation, outcome, row in applied.answered:
        state = rows.row_state(mutation.entity, row) if row is not None else None
        if isinstance(outcome, str):
            results.append(
                MutationResult(
                    mutation_id=mutation.mutation_id, status="rejected", reason=outcome, row=state
                )
            )
        else:
            results.append(
                MutationResult(
                    mutation_id=mutation.mutation_id,
                    status=outcome.status,
                    row=state,
                    conflicts=outcome.conflicts,
                )
            )
    response = PushResponse(
        results=results,
        last_mutation_seq=applied.last_mutation_seq,
        server_time=millis(request.now),
        server_hlc=applied.server_hlc,
        clock_warning=clock_warning(request.client_time, request.now),
    )
    return response.model_dump_json().encode()
