"""A rejected mutation never blocks the rest and writes nothing, however it fails: the fast run
(no savepoint per mutation, since every rule is checked before the first write) and the isolated
re-run it falls back to when the database refuses a write or a rule fires after one."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi import FastAPI
from sqlalchemy import event, select

from mediateur.server.models import record_tables
from mediateur.server.sync import mutations, rows
from tests.server.sync_support import SyncWorld, contact, new_id


def _statements(app: FastAPI) -> list[str]:
    seen: list[str] = []
    event.listen(
        app.state.database.engine,
        "before_cursor_execute",
        lambda *args: seen.append(args[2].split()[0].upper()),
    )
    return seen


def test_a_clean_batch_runs_without_a_savepoint_per_mutation(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    seen = _statements(app)
    answer = marie.push(*(marie.mutation("contact", new_id(), contact()) for _ in range(20)))
    assert [r["status"] for r in answer["results"]] == ["applied"] * 20
    assert "SAVEPOINT" not in seen


def test_a_write_the_database_refuses_rejects_only_its_mutation(
    app: FastAPI, sync_world: SyncWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    marie = sync_world.laptop("marie")
    ids = [new_id() for _ in range(5)]
    insert_rows = rows.insert_rows

    def refusing(conn: Any, entity: str, values: list[dict[str, Any]]) -> None:
        insert_rows(conn, entity, values)
        # A unique violation, on either database.
        insert_rows(conn, entity, [row for row in values if row["id"] == ids[2]])

    monkeypatch.setattr(rows, "insert_rows", refusing)
    seen = _statements(app)
    answer = marie.push(*(marie.mutation("contact", record, contact()) for record in ids))

    statuses = [result["status"] for result in answer["results"]]
    assert statuses == ["applied", "applied", "rejected", "applied", "applied"]
    assert "base du serveur" in answer["results"][2]["reason"]
    assert "SAVEPOINT" in seen  # the isolated re-run
    with app.state.database.read() as conn:
        stored = set(conn.execute(select(record_tables["contact"].c.id)).scalars())
    assert stored == {ids[0], ids[1], ids[3], ids[4]}


def test_a_rule_that_fires_after_a_write_leaves_nothing_of_its_mutation(
    app: FastAPI, sync_world: SyncWorld, monkeypatch: pytest.MonkeyPatch
) -> None:
    marie = sync_world.laptop("marie")
    ids = [new_id() for _ in range(3)]
    apply = mutations.apply_mutation

    def late_rejection(ctx: Any, mutation: Any) -> Any:
        outcome = apply(ctx, mutation)
        if mutation.id == ids[1]:
            raise mutations.Rejected("règle vérifiée trop tard")
        return outcome

    monkeypatch.setattr("mediateur.server.sync.push.apply_mutation", late_rejection)
    answer = marie.push(*(marie.mutation("contact", record, contact()) for record in ids))

    assert [r["status"] for r in answer["results"]] == ["applied", "rejected", "applied"]
    with app.state.database.read() as conn:
        stored = set(conn.execute(select(record_tables["contact"].c.id)).scalars())
    assert stored == {ids[0], ids[2]}
    assert {change["id"] for change in sync_world.laptop("paul").pull()} == {ids[0], ids[2]}
