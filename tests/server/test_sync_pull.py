"""Pull (DESIGN.md §4): snapshots parents first and resumable, page boundaries inside one
transaction, seqs in commit order under concurrent writers, and the cursor's MAC and epoch."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, update

from mediateur.domain.dictionary import ENTITIES, ENTITY_ORDER
from mediateur.domain.reference import reference_data
from mediateur.domain.values import decode_fields
from mediateur.server.core.db import Database
from mediateur.server.models import sync_counter, sync_state
from mediateur.server.sync.changes import ChangeSet
from mediateur.server.sync.state import read_state
from mediateur.server.sync.writer import Writer
from tests.server.sync_support import (
    Laptop,
    SyncWorld,
    beneficiary,
    contact,
    event,
    follow_up,
    new_id,
)


def write_contacts(conn: Connection, now: datetime, organisation_id: str, ids: list[str]) -> None:
    """Contacts written the way the server writes anything: rows, clocks, seqs at the end."""
    writer = Writer(conn, ChangeSet(conn, now=now), read_state(conn), now)
    values = decode_fields(ENTITIES["contact"], contact(), reference_data())
    for record_id in ids:
        writer.create(
            "contact",
            record_id,
            values,
            clock=writer.server_clock,
            organisation_id=organisation_id,
            created_by=None,
        )
    writer.changes.stamp()


def test_a_thousand_rows_of_one_transaction_pulled_seven_at_a_time_lose_none(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    early, late = sync_world.laptop("marie"), sync_world.laptop("paul")
    early.pull()
    ids = [new_id() for _ in range(1000)]
    with app.state.database.begin() as conn:
        write_contacts(conn, sync_world.clock(), sync_world.org_a, ids)

    incremental = early.pull(limit=7)
    snapshot = late.pull(limit=7)

    for received in (incremental, snapshot):
        assert len(received) == 1000
        assert {change["id"] for change in received} == set(ids)


def test_the_initial_snapshot_comes_parents_first_and_resumes_page_by_page(
    sync_world: SyncWorld,
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    first, second, note, partner, gathering = (new_id() for _ in range(5))
    marie.push(marie.mutation("beneficiary", first, beneficiary()))
    marie.push(marie.mutation("follow_up", note, follow_up(first)))
    marie.push(marie.mutation("beneficiary", second, beneficiary(last_name="Diallo")))
    marie.push(marie.mutation("event", gathering, event()))
    paul.push(paul.mutation("partner", partner, {"nom": "Cap Emploi"}))
    newcomer = sync_world.laptop("marie")

    page = newcomer.pull_page(limit=2).json()
    newcomer.cursor = page["next_cursor"]
    marie.push(marie.mutation("beneficiary", first, {"phone": "07 11 11 11 11"}))
    received = page["changes"] + newcomer.pull(limit=2)

    # `first` changed while the snapshot was paged: it moved past the snapshot's high-water
    # mark and comes once, with the incremental feed.
    order = [(c["entity"], c["id"]) for c in received]
    assert order == [
        ("partner", partner),
        ("event", gathering),
        ("beneficiary", second),
        ("follow_up", note),
        ("beneficiary", first),
    ]
    assert received[-1]["fields"]["phone"] == "07 11 11 11 11"
    assert newcomer.value("beneficiary", first, "phone") == "07 11 11 11 11"
    ranks = [ENTITY_ORDER.index(entity) for entity, _id in order[:4]]
    assert ranks == sorted(ranks)


def test_a_snapshot_skips_tombstones(sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie")
    kept, gone = new_id(), new_id()
    marie.push(
        marie.mutation("contact", kept, contact()),
        marie.mutation("contact", gone, contact()),
    )
    marie.push(marie.mutation("contact", gone, op="delete"))

    received = sync_world.laptop("paul").pull()

    assert [(c["id"], c["op"]) for c in received] == [(kept, "upsert")]


def test_an_altered_cursor_is_refused(client: TestClient, sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie")
    marie.push(marie.mutation("contact", new_id(), contact()))
    marie.pull()
    payload, mac = marie.cursor.split(".")  # type: ignore[union-attr]
    forged = payload[:-2] + ("A" if payload[-2] != "A" else "B") + payload[-1] + "." + mac

    for cursor in (forged, "pas-un-curseur", "x" * 1025):
        response = client.get(
            "/api/v1/sync/pull", params={"cursor": cursor}, headers=marie.session.headers
        )
        assert response.status_code in (400, 422)
        assert response.json()["code"] in ("invalid_cursor", "validation_error")
    assert (
        client.get(
            "/api/v1/sync/pull", params={"cursor": forged}, headers=marie.session.headers
        ).json()["code"]
        == "invalid_cursor"
    )


def test_a_cursor_of_another_database_or_of_the_future_gets_410(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    marie.push(marie.mutation("contact", new_id(), contact()))
    marie.pull()
    cursor = marie.cursor

    with app.state.database.begin() as conn:
        conn.execute(update(sync_counter).values(value=0))
    restored = marie.pull_page()
    with app.state.database.begin() as conn:
        conn.execute(update(sync_counter).values(value=1))
        conn.execute(update(sync_state).values(epoch=new_id(), cursor_key="ab" * 32))
    marie.cursor = cursor
    other_database = marie.pull_page()

    for response in (restored, other_database):
        assert response.status_code == 410
        assert response.json()["code"] == "epoch_changed"
    marie.cursor = None
    assert len(marie.pull()) == 1


@contextmanager
def held_open(db: Database, now: datetime, organisation_id: str, record_id: str) -> Iterator[None]:
    """A writer that has stamped its row (and holds the counter) but not committed yet."""
    with db.begin() as conn:
        write_contacts(conn, now, organisation_id, [record_id])
        yield


def wait_until_blocked(db: Database) -> None:
    """Until another transaction waits for a lock (PostgreSQL); SQLite cannot tell."""
    if db.is_sqlite:
        time.sleep(0.3)
        return
    for _ in range(100):
        with db.read() as conn:
            if conn.exec_driver_sql("SELECT count(*) FROM pg_locks WHERE NOT granted").scalar():
                return
        time.sleep(0.02)
    raise AssertionError("the second writer never waited")


def test_a_row_committed_late_is_never_passed_by_a_pull(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    """T09: writer A stamps its row and stays open; writer B must wait for A to commit before it
    takes its seq; a pull meanwhile sees neither; afterwards it gets both, A before B. And a writer
    that wrote its row early but stamps late gets the later seq."""
    db: Database = app.state.database
    puller = sync_world.laptop("paul")
    puller.pull()
    first, second, third, fourth = (new_id() for _ in range(4))
    now = sync_world.clock()
    finished = threading.Event()

    def second_writer() -> None:
        with db.begin() as conn:
            write_contacts(conn, now, sync_world.org_a, [second])
        finished.set()

    with held_open(db, now, sync_world.org_a, first):
        thread = threading.Thread(target=second_writer)
        thread.start()
        wait_until_blocked(db)
        if not db.is_sqlite:
            # A SQLite pull writes its audit entry after the open writer: it would wait here.
            assert puller.pull() == []
        assert not finished.is_set()
    thread.join(timeout=30)
    after = puller.pull()

    assert [change["id"] for change in after] == [first, second]
    assert after[0]["server_seq"] < after[1]["server_seq"]

    if db.is_sqlite:
        return  # SQLite writers are serial: one cannot commit while another is open.
    with db.begin() as conn:
        writer = Writer(conn, ChangeSet(conn, now=now), read_state(conn), now)
        values = decode_fields(ENTITIES["contact"], contact(), reference_data())
        writer.create(
            "contact",
            third,
            values,
            clock=writer.server_clock,
            organisation_id=sync_world.org_a,
            created_by=None,
        )
        with db.begin() as other:
            write_contacts(other, now, sync_world.org_a, [fourth])
        assert [change["id"] for change in puller.pull()] == [fourth]
        writer.changes.stamp()
    assert [change["id"] for change in puller.pull()] == [third]


def test_concurrent_pushes_from_threads_never_make_a_pull_skip_a_row(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    writers = [sync_world.laptop(name) for name in ("marie", "paul", "marie", "paul")]
    puller = sync_world.laptop("marie")
    puller.pull()
    written: list[str] = []
    errors: list[BaseException] = []
    done = threading.Event()

    def push_batches(laptop: Laptop) -> None:
        client = TestClient(app)
        laptop = Laptop(client, laptop.session, laptop.clock)
        try:
            for _ in range(6):
                ids = [new_id() for _ in range(5)]
                laptop.push(*(laptop.mutation("contact", i, contact()) for i in ids))
                written.extend(ids)
        except BaseException as exc:
            errors.append(exc)

    received: list[dict[str, object]] = []

    def pull_continuously() -> None:
        client = TestClient(app)
        reader = Laptop(client, puller.session, puller.clock, cursor=puller.cursor)
        while not done.is_set():
            received.extend(reader.pull(limit=3))
            time.sleep(0.01)
        received.extend(reader.pull(limit=3))

    threads = [threading.Thread(target=push_batches, args=(w,)) for w in writers]
    reader = threading.Thread(target=pull_continuously)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    done.set()
    reader.join(timeout=60)

    assert errors == []
    assert len(written) == 120
    assert sorted(str(change["id"]) for change in received) == sorted(written)
    seqs = [change["server_seq"] for change in received]
    assert seqs == sorted(seqs)
