"""T25: any interleaving of edits, deletes, pushes and pulls by several laptops converges.

Hypothesis drives three laptops written from the protocol (not the production engine, which has
its own tests): each keeps its rows with their `server_seq`, an outbox of mutations, at most one
batch in flight (resent byte for byte under its key until answered), and its pull cursor. Its
clock runs ahead or behind the server's by up to three days. Rules: create a record, edit one or
two fields, make two laptops edit the same field of the same record, delete, push with the
answer lost or the request sent twice, pull a page with a crash before the cursor is saved, let
time pass, and sync one laptop fully (pushes everything, then pulls to the end: it must then hold
the server's records as they are). Applying a row (push result or pull page) never overwrites a
field with a pending edit.

At the end every laptop pushes until its outbox is empty, then pulls
until `has_more` is false; each must then hold exactly what a fresh laptop pulls from the
server, no mutation may have been refused, and the server must have applied every mutation
exactly once, on exactly the records created. Each example gets its own organisation, so
examples share the database but not data.
"""

from __future__ import annotations

import itertools
import json
import uuid
from dataclasses import dataclass, field
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    precondition,
    rule,
    run_state_machine_as_test,
)
from sqlalchemy import select

from mediateur.domain.dictionary import ENTITIES
from mediateur.server.models import applied_mutation, record_tables
from mediateur.server.roles import Role
from mediateur.server.sync.rows import wire_fields
from mediateur.sync.hlc import HybridClock, node_of
from mediateur.sync.protocol import SCHEMA_VERSION
from tests.server.helpers import FakeClock, Session, World
from tests.server.sync_support import DAY, PULL, PUSH, beneficiary, millis

SPEC = ENTITIES["beneficiary"]
# Few records and fields, so that laptops often edit the same ones.
ROWS = 3
EDITS = [
    ("phone", "06 10 00 00 01"),
    ("phone", "06 10 00 00 02"),
    ("phone", "06 10 00 00 03"),
    ("qpv", "avenir"),
    ("qpv", "carriet"),
    ("project", "Aide à domicile"),
]
SKEWS = [0, 0, -3_600_000, 10 * 60_000, 3 * DAY]
_examples = itertools.count()


@dataclass
class Row:
    fields: dict[str, Any]
    server_seq: int
    deleted: bool


@dataclass
class Batch:
    key: str
    body: bytes
    mutation_ids: list[str]


@dataclass
class ProtocolLaptop:
    http: TestClient
    session: Session
    clock: FakeClock
    skew_ms: int
    rows: dict[str, Row] = field(default_factory=dict)
    outbox: list[dict[str, Any]] = field(default_factory=list)
    in_flight: Batch | None = None
    cursor: str | None = None
    seq: int = 0
    created_mutations: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.hlc = HybridClock(
            node_of(self.session.device_id), wall=lambda: millis(self.clock) + self.skew_ms
        )

    # Local edits

    def _enqueue(self, record_id: str, op: str, fields: dict[str, Any], base: int) -> None:
        self.seq += 1
        mutation_id = str(uuid.uuid4())
        self.outbox.append(
            {
                "seq": self.seq,
                "mutation_id": mutation_id,
                "entity": "beneficiary",
                "id": record_id,
                "op": op,
                "base_seq": base,
                "hlc": self.hlc.tick(),
                "fields": fields,
            }
        )
        self.created_mutations.append(mutation_id)

    def create(self, record_id: str, fields: dict[str, Any]) -> None:
        self.rows[record_id] = Row(dict(fields), 0, False)
        self._enqueue(record_id, "upsert", dict(fields), 0)

    def edit(self, record_id: str, changes: dict[str, Any]) -> None:
        row = self.rows[record_id]
        row.fields.update(changes)
        self._enqueue(record_id, "upsert", changes, row.server_seq)

    def delete(self, record_id: str) -> None:
        row = self.rows[record_id]
        row.deleted = True
        row.fields.update(dict.fromkeys(SPEC.personal_fields))
        self._enqueue(record_id, "delete", {}, row.server_seq)

    # Applying the server's rows

    def _pending(self, record_id: str) -> tuple[set[str], bool]:
        names: set[str] = set()
        deleted = False
        for mutation in self.outbox:
            if mutation["id"] == record_id:
                names.update(mutation["fields"])
                deleted = deleted or mutation["op"] != "upsert"
        return names, deleted

    def apply(self, record_id: str, server_seq: int, fields: dict[str, Any], deleted: bool) -> None:
        names, pending_delete = self._pending(record_id)
        row = self.rows.get(record_id)
        if row is None:
            self.rows[record_id] = Row(dict(fields), server_seq, deleted)
            return
        row.fields.update({k: v for k, v in fields.items() if k not in names})
        row.server_seq = server_seq
        if not pending_delete:
            row.deleted = deleted

    # Network

    def _post(self, batch: Batch) -> dict[str, Any]:
        response = self.http.post(
            PUSH,
            content=batch.body,
            headers={
                **self.session.headers,
                "Content-Type": "application/json",
                "Idempotency-Key": batch.key,
                "X-Client-Time": str(millis(self.clock) + self.skew_ms),
            },
        )
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def push(self, *, lose_answer: bool = False, send_twice: bool = False) -> None:
        if self.in_flight is None:
            chosen = self.outbox[:5]
            if not chosen:
                return
            body = {
                "device_id": self.session.device_id,
                "schema_version": SCHEMA_VERSION,
                "mutations": chosen,
            }
            self.in_flight = Batch(
                str(uuid.uuid4()),
                json.dumps(body).encode(),
                [m["mutation_id"] for m in chosen],
            )
        answer = self._post(self.in_flight)
        if send_twice:
            answer = self._post(self.in_flight)
        if lose_answer:
            return
        answered = {result["mutation_id"] for result in answer["results"]}
        assert answered == set(self.in_flight.mutation_ids)
        self.refused += [r["reason"] for r in answer["results"] if r["status"] == "rejected"]
        self.outbox = [m for m in self.outbox if m["mutation_id"] not in answered]
        self.in_flight = None
        for result in answer["results"]:
            row = result["row"]
            if row is not None:
                self.apply(row["id"], row["server_seq"], row["fields"], row["deleted"])
        self.hlc.receive(answer["server_hlc"])

    def pull(self, *, limit: int, crash_before_cursor: bool = False) -> bool:
        params: dict[str, Any] = {"limit": limit}
        if self.cursor is not None:
            params["cursor"] = self.cursor
        response = self.http.get(PULL, params=params, headers=self.session.headers)
        assert response.status_code == 200, response.text
        page = response.json()
        for change in page["changes"]:
            assert change["op"] != "remove"
            self.apply(
                change["id"], change["server_seq"], change["fields"], change["op"] == "delete"
            )
        if not crash_before_cursor:
            self.cursor = page["next_cursor"]
        self.hlc.receive(page["server_hlc"])
        return bool(page["has_more"])

    def quiesce_pushes(self) -> None:
        while self.outbox or self.in_flight:
            self.push()

    def quiesce_pulls(self) -> None:
        while self.pull(limit=50):
            pass

    def live(self) -> dict[str, dict[str, Any]]:
        return {record_id: row.fields for record_id, row in self.rows.items() if not row.deleted}


def _machine(app: FastAPI, client: TestClient, world: World, clock: FakeClock) -> type:
    class Convergence(RuleBasedStateMachine):
        @initialize(skews=st.lists(st.sampled_from(SKEWS), min_size=3, max_size=3))
        def set_up(self, skews: list[int]) -> None:
            n = next(_examples)
            organisation = world.organisation(f"Organisation {n}")
            self.names = [f"convergence-{n}-{i}" for i in range(3)]
            for i, name in enumerate(self.names):
                world.user(name, organisation, Role.MANAGER if i == 0 else Role.MEDIATOR)
            # Device ids (the clocks' tie-breaks) in a fixed order, so a failure replays.
            self.laptops = [
                ProtocolLaptop(
                    client,
                    world.login(client, name, device_id=f"0193a0a0-{i:04x}-7000-8000-{n:012x}"),
                    clock,
                    skew,
                )
                for i, (name, skew) in enumerate(zip(self.names, skews, strict=True))
            ]
            # Two records every laptop has from the start; the others are created on the way.
            self.ids = [str(uuid.uuid4()) for _ in range(ROWS)]
            self.created: set[str] = set(self.ids[:2])
            for row, record_id in enumerate(self.ids[:2]):
                self.laptops[0].create(record_id, beneficiary(last_name=f"Personne {row}"))
            self.laptops[0].quiesce_pushes()
            for laptop in self.laptops:
                laptop.quiesce_pulls()

        @precondition(lambda self: len(self.created) < ROWS)
        @rule(who=st.integers(0, 2))
        def create(self, who: int) -> None:
            record_id = next(i for i in self.ids if i not in self.created)
            self.created.add(record_id)
            self.laptops[who].create(record_id, beneficiary(last_name="Nouvelle personne"))

        def live_record(self, laptop: ProtocolLaptop, pick: int) -> str | None:
            live = [i for i in self.ids if i in laptop.rows and not laptop.rows[i].deleted]
            return live[pick % len(live)] if live else None

        @rule(
            who=st.integers(0, 2),
            pick=st.integers(0, ROWS - 1),
            edits=st.lists(st.sampled_from(EDITS), min_size=1, max_size=2),
            delete=st.integers(0, 9).map(lambda dice: dice == 0),
        )
        def change(self, who: int, pick: int, edits: list[tuple[str, str]], delete: bool) -> None:
            laptop = self.laptops[who]
            record_id = self.live_record(laptop, pick)
            if record_id is None:
                return
            if delete:
                laptop.delete(record_id)
            else:
                laptop.edit(record_id, dict(edits))

        @rule(
            pair=st.permutations(range(3)).map(lambda order: order[:2]),
            pick=st.integers(0, ROWS - 1),
            values=st.sampled_from(
                [("06 20 00 00 01", "06 20 00 00 02"), ("06 20 00 00 02", "06 20 00 00 01")]
            ),
        )
        def race(self, pair: list[int], pick: int, values: tuple[str, str]) -> None:
            """Two laptops change the same field of the same record, each from what it has."""
            first, second = (self.laptops[i] for i in pair)
            record_id = self.live_record(first, pick)
            local = second.rows.get(record_id) if record_id else None
            if record_id is None or local is None or local.deleted:
                return
            first.edit(record_id, {"phone": values[0]})
            second.edit(record_id, {"phone": values[1]})

        @rule(who=st.integers(0, 2), lose_answer=st.booleans(), send_twice=st.booleans())
        def push(self, who: int, lose_answer: bool, send_twice: bool) -> None:
            self.laptops[who].push(lose_answer=lose_answer, send_twice=send_twice)

        @rule(who=st.integers(0, 2), limit=st.sampled_from([1, 50]), crash=st.booleans())
        def pull(self, who: int, limit: int, crash: bool) -> None:
            self.laptops[who].pull(limit=limit, crash_before_cursor=crash)

        @rule(who=st.integers(0, 2))
        def sync(self, who: int) -> None:
            """A laptop that pushes everything, then pulls to the end, holds the server's state
            at once (nothing else commits meanwhile here)."""
            laptop = self.laptops[who]
            laptop.quiesce_pushes()
            laptop.quiesce_pulls()
            assert laptop.live() == self.server_state()

        def server_state(self) -> dict[str, dict[str, Any]]:
            table = record_tables["beneficiary"]
            with app.state.database.read() as conn:
                found = conn.execute(
                    select(table).where(table.c.id.in_(self.ids), table.c.deleted.is_(False))
                ).mappings()
                return {row["id"]: wire_fields("beneficiary", row) for row in found}

        @rule(millis=st.sampled_from([1, 1_000, 6 * 60_000]))
        def time_passes(self, millis: int) -> None:
            clock.advance(milliseconds=millis)

        def teardown(self) -> None:
            if not hasattr(self, "laptops"):
                return
            for laptop in self.laptops:
                laptop.quiesce_pushes()
            for laptop in self.laptops:
                laptop.quiesce_pulls()
            fresh = ProtocolLaptop(client, world.login(client, self.names[0]), clock, 0)
            fresh.quiesce_pulls()
            server = fresh.live()
            assert server == self.server_state()
            for laptop in self.laptops:
                assert laptop.refused == []
                assert laptop.outbox == []
                assert laptop.live() == server
            with app.state.database.read() as conn:
                applied = conn.execute(
                    select(applied_mutation.c.mutation_id).where(
                        applied_mutation.c.device_id.in_(
                            [laptop.session.device_id for laptop in self.laptops]
                        )
                    )
                ).scalars()
                table = record_tables["beneficiary"]
                stored = conn.execute(select(table.c.id).where(table.c.id.in_(self.ids)))
                stored_ids = set(stored.scalars())
            made = [m for laptop in self.laptops for m in laptop.created_mutations]
            assert sorted(applied) == sorted(made)
            assert stored_ids == self.created
            assert set(server) <= self.created

    return Convergence


@pytest.mark.slow
def test_laptops_converge_to_the_server_whatever_happens(
    app: FastAPI, client: TestClient, world: World, clock: FakeClock, database_url: str
) -> None:
    machine = _machine(app, client, world, clock)
    examples = 60 if database_url.startswith("sqlite") else 20
    run_state_machine_as_test(
        machine,
        settings=settings(
            max_examples=examples,
            stateful_step_count=30,
            deadline=None,
            derandomize=True,
            database=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
