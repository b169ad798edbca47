"""The push service (`POST /api/v1/sync/push`): idempotent batches of mutations.

A batch is identified by its device and `Idempotency-Key`. The key is first claimed in its own
short transaction (`in_progress`, with the SHA-256 of the decompressed body); the batch is then
applied in one transaction that also stores the exact bytes of the response under the key, so
the effects and the stored answer commit together. The same key and body again → those bytes;
the same key with another body → 422 `idempotency_conflict`; a key still in progress → 409 with
`Retry-After: 1`, unless its claim is older than a minute (the worker died) and is taken over. A
failed batch gives its claim back at once.

Inside the batch each mutation runs in its own savepoint: a rejected one is rolled back and the
rest goes on. A mutation already applied for this device is answered `duplicate`. Every result
carries the record as the server holds it after the whole batch (the authoritative row the
laptop applies), so laptops converge even when their own write lost. The heartbeat is stored on
the device; the seqs are stamped last, just before commit.

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

from sqlalchemy import Connection, delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from mediateur.domain.reference import reference_data
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
    record_id_of,
)
from mediateur.server.sync.scopes import ScopeResolver
from mediateur.server.sync.state import clock_warning, millis, read_state, server_hlc
from mediateur.server.sync.writer import Writer
from mediateur.sync.protocol import Mutation, MutationResult, PushRequest, PushResponse

log = logging.getLogger(__name__)

IN_PROGRESS = "in_progress"
DONE = "done"
TAKE_OVER_AFTER = timedelta(minutes=1)
# Counters the database stores in 32 and 64 bits: larger values from a client are nonsense.
_MAX_COUNT = 2**31 - 1
_MAX_SEQ = 2**63 - 1
_TOO_LARGE_SEQ = "seq : numéro d'ordre hors limites."


@dataclass(frozen=True, slots=True)
class BatchRequest:
    caller: Caller
    body: PushRequest
    raw: bytes
    key: str
    client_time: str | None
    now: datetime


def push(db: Database, request: BatchRequest) -> bytes:
    """Apply a batch (or replay its stored answer); returns the exact bytes of the response."""
    digest = hashlib.sha256(request.raw).hexdigest()
    stored = _claim(db, request, digest)
    if stored is not None:
        _redeliver(db, stored, request.now)
        return stored
    try:
        with db.begin() as conn:
            answer = _apply_batch(conn, request)
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


def _claim(db: Database, request: BatchRequest, digest: str) -> bytes | None:
    """Claim the key; the stored response when the batch was already applied."""
    for attempt in range(2):
        try:
            with db.begin() as conn:
                row = conn.execute(
                    select(idempotency_key)
                    .where(
                        idempotency_key.c.device_id == request.caller.device_id,
                        idempotency_key.c.key == request.key,
                    )
                    .with_for_update()
                ).first()
                if row is None:
                    conn.execute(
                        insert(idempotency_key).values(
                            device_id=request.caller.device_id,
                            key=request.key,
                            body_sha256=digest,
                            status=IN_PROGRESS,
                            started_at=request.now,
                            created_at=request.now,
                        )
                    )
                    return None
                if row.body_sha256 != digest:
                    raise IdempotencyConflict()
                if row.status == DONE:
                    return bytes(row.response)
                if request.now - row.started_at < TAKE_OVER_AFTER:
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
        except IntegrityError:
            # Two requests with one new key raced to claim it: the loser reads the winner's claim.
            if attempt:
                raise
    raise AssertionError("unreachable")


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


def _already_applied(conn: Connection, caller: Caller, mutation: Mutation) -> bool:
    found = conn.execute(
        select(applied_mutation.c.seq).where(
            applied_mutation.c.device_id == caller.device_id,
            applied_mutation.c.mutation_id == mutation.mutation_id.lower(),
        )
    ).first()
    return found is not None


def _apply_one(ctx: PushContext, mutation: Mutation) -> MutationOutcome | str:
    """The mutation's outcome, or the French reason it was rejected for."""
    conn = ctx.conn
    entity, record_id = mutation.entity, record_id_of(mutation)
    if _already_applied(conn, ctx.caller, mutation):
        return MutationOutcome("duplicate", entity, record_id)
    if mutation.seq > _MAX_SEQ:
        return _TOO_LARGE_SEQ
    savepoint = conn.begin_nested()
    try:
        outcome = apply_mutation(ctx, mutation)
        conn.execute(
            insert(applied_mutation).values(
                device_id=ctx.caller.device_id,
                mutation_id=mutation.mutation_id.lower(),
                seq=mutation.seq,
                entity=entity,
                row_id=record_id,
                at=ctx.writer.now,
            )
        )
    except Rejected as rejected:
        savepoint.rollback()
        return rejected.reason
    except IntegrityError:
        # The same mutation applied meanwhile by a batch that took over this one's key.
        savepoint.rollback()
        if _already_applied(conn, ctx.caller, mutation):
            return MutationOutcome("duplicate", entity, record_id)
        raise
    savepoint.commit()
    return outcome


def _apply_batch(conn: Connection, request: BatchRequest) -> bytes:
    caller, now = request.caller, request.now
    state = read_state(conn)
    changes = ChangeSet(conn, now=now)
    ctx = PushContext(Writer(conn, changes, state, now), caller, reference_data())
    last_seq = conn.execute(
        select(device.c.last_mutation_seq).where(device.c.id == caller.device_id)
    ).scalar_one()
    answered: list[tuple[Mutation, MutationOutcome | str]] = []
    for mutation in request.body.mutations:
        outcome = _apply_one(ctx, mutation)
        answered.append((mutation, outcome))
        if not isinstance(outcome, str):
            last_seq = max(last_seq, mutation.seq)
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
    changes.stamp()
    results = _results(conn, caller, answered)
    audit.record(
        conn,
        action=Action.PUSH,
        at=now,
        actor_user_id=caller.user_id,
        actor_device_id=caller.device_id,
        organisation_id=caller.organisation_id,
        count=len(answered),
    )
    response = PushResponse(
        results=results,
        last_mutation_seq=last_seq,
        server_time=millis(now),
        server_hlc=server_hlc(state, now, ctx.seen_hlcs),
        clock_warning=clock_warning(request.client_time, now),
    )
    return response.model_dump_json().encode()


def _results(
    conn: Connection, caller: Caller, answered: list[tuple[Mutation, MutationOutcome | str]]
) -> list[MutationResult]:
    """Every result with the record as it stands after the batch (stamped), when the caller
    may see it: a mutation refused for another organisation's record learns nothing of it."""
    wanted: dict[str, list[str]] = {}
    for mutation, _outcome in answered:
        wanted.setdefault(mutation.entity, []).append(record_id_of(mutation))
    current = {entity: rows.load_many(conn, entity, ids) for entity, ids in wanted.items()}
    resolver = ScopeResolver(conn)
    results = []
    for mutation, outcome in answered:
        row = current[mutation.entity].get(record_id_of(mutation))
        state = None
        if row is not None and resolver.visible(caller, mutation.entity, row["id"]):
            state = rows.row_state(mutation.entity, row)
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
    return results
