"""The laptop's side of pushing: building and storing batches, applying the server's answers,
and what the user can do with dead letters and lost conflicts.

A batch is built from the oldest outbox entries (≤ 200 mutations, ≤ 1 MiB of JSON), stored with
its idempotency key and exact bytes, and resent byte for byte until the server acknowledges it.
Each answer is applied in one local transaction: acknowledged entries leave the outbox, rejected
ones become dead letters, lost values go to the conflict inbox, and every result's
authoritative row is written over the local copy (minus fields with later pending edits).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import delete, func, insert, select, update
from sqlalchemy.orm import Session

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.values import decode, now_utc
from mediateur.store.schema import conflict_inbox, dead_letter, outbox, push_batch, synced_tables
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.sync.apply import apply_rows
from mediateur.sync.protocol import (
    MAX_BATCH_BYTES,
    MAX_MUTATIONS_PER_BATCH,
    SCHEMA_VERSION,
    PushResponse,
    RowState,
)

TOO_LARGE_REASON = (
    "Modification trop volumineuse pour le serveur : raccourcissez les textes de la fiche, "
    "puis réessayez."
)


@dataclass(frozen=True, slots=True)
class StoredBatch:
    id: int
    key: str
    body: bytes
    size: int  # number of mutations


@dataclass(slots=True)
class PushTally:
    sent: int = 0
    applied: int = 0
    merged: int = 0
    duplicate: int = 0
    deleted: int = 0
    rejected: int = 0
    conflicts: int = 0


@dataclass(frozen=True, slots=True)
class DeadLetterView:
    id: int
    entity: str
    row_id: str
    op: str
    fields: dict[str, Any]
    reason: str
    failed_at: datetime


@dataclass(frozen=True, slots=True)
class ConflictView:
    id: int
    entity: str
    row_id: str
    field: str | None
    your_value: Any
    server_value: Any
    reason: str
    received_at: datetime
    resolved_at: datetime | None
    resolution: str | None


def counts(session: Session) -> dict[str, int]:
    """Pending edits, dead letters and open conflicts, for the status bar and the heartbeat."""
    return {
        "pending": session.scalar(select(func.count()).select_from(outbox)) or 0,
        "dead": session.scalar(select(func.count()).select_from(dead_letter)) or 0,
        "conflicts": session.scalar(
            select(func.count())
            .select_from(conflict_inbox)
            .where(conflict_inbox.c.resolved_at.is_(None))
        )
        or 0,
    }


def _heartbeat(session: Session, app_version: str) -> dict[str, Any]:
    tally = counts(session)
    return {
        "app_version": app_version,
        "pending": tally["pending"],
        "dead": tally["dead"],
        "last_pull_at": local_state.get(session, local_state.LAST_PULL_AT),
    }


def _encode(payload: dict[str, Any]) -> bytes:
    return json.dumps(payload, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def stored_batch(session: Session, *, after: int = 0) -> StoredBatch | None:
    """The oldest batch stored (built, not yet answered) after batch id `after`."""
    row = (
        session.execute(
            select(push_batch).where(push_batch.c.id > after).order_by(push_batch.c.id).limit(1)
        )
        .mappings()
        .first()
    )
    if row is None:
        return None
    size = session.scalar(
        select(func.count()).select_from(outbox).where(outbox.c.batch_id == row["id"])
    )
    return StoredBatch(row["id"], row["idempotency_key"], row["body"], size or 0)


def build_batch(
    session: Session,
    *,
    device_id: str,
    app_version: str,
    max_mutations: int = MAX_MUTATIONS_PER_BATCH,
    max_bytes: int = MAX_BATCH_BYTES,
    heartbeat_only: bool = False,
) -> StoredBatch | None:
    """Store the next batch of unsent entries (or an empty heartbeat batch) and return it.
    None when nothing is pending and no heartbeat was asked for. An entry too big to ever fit
    becomes a dead letter."""
    entries = (
        session.execute(
            select(outbox)
            .where(outbox.c.batch_id.is_(None))
            .order_by(outbox.c.seq)
            .limit(max_mutations)
        )
        .mappings()
        .all()
    )
    if not entries and not heartbeat_only:
        return None
    payload: dict[str, Any] = {
        "device_id": device_id,
        "schema_version": SCHEMA_VERSION,
        "heartbeat": _heartbeat(session, app_version),
        "mutations": [],
    }
    chosen: list[int] = []
    size = len(_encode(payload))
    for entry in entries:
        mutation = {
            "seq": entry["seq"],
            "mutation_id": entry["mutation_id"],
            "entity": entry["entity"],
            "id": entry["row_id"],
            "op": entry["op"],
            "base_seq": entry["base_seq"],
            "hlc": entry["hlc"],
            "fields": entry["fields"],
        }
        encoded = len(_encode(mutation)) + 1
        if size + encoded > max_bytes:
            if not chosen:
                move_to_dead_letters(session, [entry["mutation_id"]], TOO_LARGE_REASON)
                return build_batch(
                    session,
                    device_id=device_id,
                    app_version=app_version,
                    max_mutations=max_mutations,
                    max_bytes=max_bytes,
                    heartbeat_only=heartbeat_only,
                )
            break
        payload["mutations"].append(mutation)
        chosen.append(entry["seq"])
        size += encoded
    body = _encode(payload)
    key = str(uuid.uuid4())
    batch_id = session.scalar(
        insert(push_batch)
        .values(idempotency_key=key, body=body, created_at=now_utc())
        .returning(push_batch.c.id)
    )
    assert batch_id is not None
    if chosen:
        session.execute(update(outbox).where(outbox.c.seq.in_(chosen)).values(batch_id=batch_id))
    return StoredBatch(batch_id, key, body, len(chosen))


def drop_batch(session: Session, batch: StoredBatch) -> None:
    """Forget a stored batch (to rebuild it differently); its entries become unsent again."""
    session.execute(update(outbox).where(outbox.c.batch_id == batch.id).values(batch_id=None))
    session.execute(delete(push_batch).where(push_batch.c.id == batch.id))


def move_to_dead_letters(session: Session, mutation_ids: list[str], reason: str) -> None:
    entries = (
        session.execute(select(outbox).where(outbox.c.mutation_id.in_(mutation_ids)))
        .mappings()
        .all()
    )
    now = now_utc()
    for entry in entries:
        session.execute(
            insert(dead_letter).values(
                mutation_id=entry["mutation_id"],
                entity=entry["entity"],
                row_id=entry["row_id"],
                op=entry["op"],
                fields=entry["fields"],
                base_seq=entry["base_seq"],
                hlc=entry["hlc"],
                created_at=entry["created_at"],
                reason=reason,
                failed_at=now,
            )
        )
    session.execute(delete(outbox).where(outbox.c.mutation_id.in_(mutation_ids)))


def apply_push_response(session: Session, batch: StoredBatch, response: PushResponse) -> PushTally:
    """Apply the server's answer to `batch`; called inside one transaction."""
    tally = PushTally(sent=batch.size)
    entries = {
        e["mutation_id"]: e
        for e in session.execute(select(outbox).where(outbox.c.batch_id == batch.id)).mappings()
    }
    now = now_utc()
    latest: dict[tuple[str, str], RowState] = {}
    acknowledged: list[str] = []
    lost: list[dict[str, Any]] = []
    for result in response.results:
        entry = entries.pop(result.mutation_id, None)
        if entry is None:
            continue
        setattr(tally, result.status, getattr(tally, result.status) + 1)
        if result.status == "rejected":
            move_to_dead_letters(
                session, [result.mutation_id], result.reason or "Refusé par le serveur."
            )
        else:
            acknowledged.append(result.mutation_id)
        where = {"entity": entry["entity"], "row_id": entry["row_id"], "kept": "server"}
        if result.status == "deleted":
            lost += [
                {
                    **where,
                    "field": name,
                    "your_value": value,
                    "server_value": None,
                    "reason": "deleted",
                }
                for name, value in entry["fields"].items()
            ]
        lost += [
            {
                **where,
                "field": conflict.field,
                "your_value": conflict.your_value,
                "server_value": conflict.server_value,
                "reason": "concurrent",
            }
            for conflict in result.conflicts
            if conflict.kept == "server"
        ]
        if result.row is not None:
            row = result.row
            known = latest.get((row.entity, row.id))
            if known is None or known.server_seq <= row.server_seq:
                latest[(row.entity, row.id)] = row
    for start in range(0, len(acknowledged), 500):
        session.execute(
            delete(outbox).where(outbox.c.mutation_id.in_(acknowledged[start : start + 500]))
        )
    if lost:
        session.execute(insert(conflict_inbox), [{**item, "received_at": now} for item in lost])
        tally.conflicts += len(lost)
    # Rows are written once per entity, after every acknowledged entry left the outbox, so only
    # edits made after this batch protect their fields.
    by_entity: dict[str, list[tuple[str, int, dict[str, Any], bool]]] = {}
    for row in latest.values():
        by_entity.setdefault(row.entity, []).append(
            (row.id, row.server_seq, row.fields, row.deleted)
        )
    for entity, rows in by_entity.items():
        apply_rows(session, entity, rows)
    # Entries the server did not answer for (never expected) are simply sent again later.
    session.execute(update(outbox).where(outbox.c.batch_id == batch.id).values(batch_id=None))
    session.execute(delete(push_batch).where(push_batch.c.id == batch.id))
    return tally


def list_dead_letters(session: Session) -> list[DeadLetterView]:
    rows = session.execute(select(dead_letter).order_by(dead_letter.c.id)).mappings()
    return [
        DeadLetterView(
            r["id"], r["entity"], r["row_id"], r["op"], r["fields"], r["reason"], r["failed_at"]
        )
        for r in rows
    ]


def list_conflicts(session: Session, *, include_resolved: bool = False) -> list[ConflictView]:
    query = select(conflict_inbox).order_by(conflict_inbox.c.id.desc())
    if not include_resolved:
        query = query.where(conflict_inbox.c.resolved_at.is_(None))
    return [
        ConflictView(
            r["id"],
            r["entity"],
            r["row_id"],
            r["field"],
            r["your_value"],
            r["server_value"],
            r["reason"],
            r["received_at"],
            r["resolved_at"],
            r["resolution"],
        )
        for r in session.execute(query).mappings()
    ]


def retry_dead_letter(vault: Vault, dead_letter_id: int) -> None:
    """Send a rejected edit again as a new mutation: the record's current local values of the
    dead letter's fields (so a correction made since is what goes), a fresh base and clock."""
    with vault.unit_of_work() as uow:
        letter = (
            uow.session.execute(select(dead_letter).where(dead_letter.c.id == dead_letter_id))
            .mappings()
            .one()
        )
        spec = ENTITIES[letter["entity"]]
        current = uow.get(letter["entity"], letter["row_id"])
        if letter["op"] != "upsert":
            if current is not None:
                (uow.erase if letter["op"] == "erase" else uow.delete)(
                    letter["entity"], letter["row_id"]
                )
        else:
            fields = {
                name: current[name] if current is not None else decode(spec.field(name), value)
                for name, value in letter["fields"].items()
                if spec.has_field(name)
            }
            uow.resend(letter["entity"], letter["row_id"], fields)
        uow.session.execute(delete(dead_letter).where(dead_letter.c.id == dead_letter_id))


def discard_dead_letter(vault: Vault, dead_letter_id: int) -> None:
    """Give up a rejected edit. A record that never reached the server and has nothing else
    pending is withdrawn locally too."""
    with vault.unit_of_work() as uow:
        letter = (
            uow.session.execute(select(dead_letter).where(dead_letter.c.id == dead_letter_id))
            .mappings()
            .one()
        )
        uow.session.execute(delete(dead_letter).where(dead_letter.c.id == dead_letter_id))
        current = uow.get(letter["entity"], letter["row_id"])
        still_pending = uow.session.scalar(
            select(func.count())
            .select_from(outbox)
            .where(outbox.c.entity == letter["entity"], outbox.c.row_id == letter["row_id"])
        )
        if current is not None and current["server_seq"] == 0 and not still_pending:
            table = synced_tables[letter["entity"]]
            uow.session.execute(delete(table).where(table.c.id == letter["row_id"]))


def restore_my_value(vault: Vault, conflict_id: int) -> None:
    """Win back a value that lost a concurrent edit: a new edit carrying it."""
    with vault.unit_of_work() as uow:
        conflict = (
            uow.session.execute(select(conflict_inbox).where(conflict_inbox.c.id == conflict_id))
            .mappings()
            .one()
        )
        spec = ENTITIES[conflict["entity"]]
        if conflict["field"] and spec.has_field(conflict["field"]):
            value = decode(spec.field(conflict["field"]), conflict["your_value"])
            uow.resend(conflict["entity"], conflict["row_id"], {conflict["field"]: value})
        uow.session.execute(
            update(conflict_inbox)
            .where(conflict_inbox.c.id == conflict_id)
            .values(resolved_at=now_utc(), resolution="restored")
        )


def dismiss_conflict(vault: Vault, conflict_id: int) -> None:
    with vault.unit_of_work() as uow:
        uow.session.execute(
            update(conflict_inbox)
            .where(conflict_inbox.c.id == conflict_id)
            .values(resolved_at=now_utc(), resolution="dismissed")
        )
