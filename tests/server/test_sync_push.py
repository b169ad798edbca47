"""Push (DESIGN.md §4): idempotent batches, duplicate mutations, rejected mutations that block
nothing, the heartbeat, batch limits, a too-old client, and the validation of every field."""

from __future__ import annotations

import gzip
import hashlib
import json

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import delete, insert, select

from mediateur.domain.nir import NIR_MESSAGE
from mediateur.server.models import (
    applied_mutation,
    audit_log,
    idempotency_key,
    record_tables,
    sync_counter,
)
from tests.server.sync_support import (
    Laptop,
    SyncWorld,
    beneficiary,
    contact,
    event,
    follow_up,
    new_id,
    referral,
)


def counter(app: FastAPI) -> int:
    with app.state.database.read() as conn:
        return conn.execute(select(sync_counter.c.value)).scalar_one()


def test_a_replayed_batch_gets_the_stored_response_byte_for_byte(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    body = marie.body(
        marie.mutation("beneficiary", new_id(), beneficiary()),
        marie.mutation("contact", new_id(), contact()),
    )
    key = "0193a0a0-0000-7000-8000-000000000001"
    first = marie.send(body, key=key)
    sync_world.clock.advance(minutes=3)

    again = marie.send(body, key=key)
    gzipped = marie.client.post(
        "/api/v1/sync/push",
        content=gzip.compress(body),
        headers={
            **marie.session.headers,
            "Content-Type": "application/json",
            "Content-Encoding": "gzip",
            "Idempotency-Key": key,
        },
    )

    assert first.status_code == again.status_code == gzipped.status_code == 200
    assert again.content == first.content
    assert gzipped.content == first.content
    with app.state.database.read() as conn:
        assert len(conn.execute(select(applied_mutation)).all()) == 2
        assert len(conn.execute(select(record_tables["beneficiary"])).all()) == 1
        assert len(conn.execute(select(record_tables["contact"])).all()) == 1


def test_a_replayed_answer_cannot_leave_a_laptop_with_a_stale_value(
    sync_world: SyncWorld,
) -> None:
    """The answer to a batch is lost; meanwhile another laptop changes the same field, and this
    laptop pulls (keeping its own pending value over the newer one). The replayed answer shows
    the record as it was: the server sends the record again, so the next pull sets it right."""
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    person = new_id()
    marie.push(marie.mutation("beneficiary", person, beneficiary()))
    paul.pull()
    body = marie.body(marie.mutation("beneficiary", person, {"phone": "07 00 00 00 01"}))
    key = "0193a0a0-0000-7000-8000-00000000000a"
    lost = marie.client.post(
        "/api/v1/sync/push",
        content=body,
        headers={
            **marie.session.headers,
            "Idempotency-Key": key,
            "Content-Type": "application/json",
        },
    )
    sync_world.clock.advance(seconds=5)
    paul.push(paul.mutation("beneficiary", person, {"phone": "07 00 00 00 02"}))
    marie.pull()
    marie.rows["beneficiary", person].fields["phone"] = "07 00 00 00 01"  # still pending there

    replayed = marie.send(body, key=key)
    stale = marie.value("beneficiary", person, "phone")
    marie.pull()

    assert lost.status_code == replayed.status_code == 200
    assert replayed.content == lost.content
    assert stale == "07 00 00 00 01"
    assert marie.value("beneficiary", person, "phone") == "07 00 00 00 02"


def test_the_same_key_with_another_body_is_refused(app: FastAPI, sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie")
    key = "0193a0a0-0000-7000-8000-000000000002"
    marie.send(marie.body(marie.mutation("contact", new_id(), contact())), key=key)
    other = new_id()

    response = marie.send(marie.body(marie.mutation("contact", other, contact())), key=key)

    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "idempotency_conflict"
    with app.state.database.read() as conn:
        table = record_tables["contact"]
        assert conn.execute(select(table.c.id).where(table.c.id == other)).first() is None


def test_a_key_in_progress_answers_409_until_its_worker_is_presumed_dead(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    body = marie.body(marie.mutation("contact", new_id(), contact()))
    key = "0193a0a0-0000-7000-8000-000000000003"
    with app.state.database.begin() as conn:
        conn.execute(
            insert(idempotency_key).values(
                device_id=marie.session.device_id,
                key=key,
                body_sha256=hashlib.sha256(body).hexdigest(),
                status="in_progress",
                started_at=sync_world.clock(),
                created_at=sync_world.clock(),
            )
        )

    busy = marie.send(body, key=key)
    sync_world.clock.advance(seconds=61)
    taken_over = marie.send(body, key=key)

    assert busy.status_code == 409
    assert busy.headers["Retry-After"] == "1"
    assert busy.json()["code"] == "in_progress"
    assert taken_over.status_code == 200
    assert taken_over.json()["results"][0]["status"] == "applied"


def test_a_mutation_sent_again_in_another_batch_is_a_duplicate(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    record = new_id()
    mutation = marie.mutation("beneficiary", record, beneficiary())
    first = marie.push(mutation)
    seqs = counter(app)

    again = marie.push(mutation)

    assert first["results"][0]["status"] == "applied"
    assert again["results"][0]["status"] == "duplicate"
    assert again["results"][0]["row"] == first["results"][0]["row"]
    assert counter(app) == seqs


def test_one_rejected_mutation_among_five_leaves_four_applied(
    sync_world: SyncWorld,
) -> None:
    marie = sync_world.laptop("marie")
    ids = [new_id() for _ in range(5)]
    mutations = [marie.mutation("contact", record, contact()) for record in ids]
    mutations[2]["fields"]["channel"] = "pigeon_voyageur"

    answer = marie.push(*mutations)

    statuses = [result["status"] for result in answer["results"]]
    assert statuses == ["applied", "applied", "rejected", "applied", "applied"]
    rejected = answer["results"][2]
    assert rejected["reason"] == "channel : code inconnu de la liste de référence."
    assert rejected["row"] is None
    assert "pigeon" not in json.dumps(answer)
    assert answer["last_mutation_seq"] == mutations[4]["seq"]
    received = {change["id"] for change in sync_world.laptop("paul").pull()}
    assert received == {ids[0], ids[1], ids[3], ids[4]}


def test_the_heartbeat_is_stored_on_the_device(client: TestClient, sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie")
    heartbeat = {
        "app_version": "0.1.0",
        "pending": 12,
        "dead": 1,
        "last_pull_at": "2026-03-01T08:00:00Z",
    }

    response = marie.send(marie.body(heartbeat=heartbeat))
    paul = sync_world.laptop("paul")
    devices = client.get("/api/v1/devices", headers=paul.session.headers).json()

    assert response.status_code == 200
    assert response.json()["results"] == []
    card = next(d for d in devices if d["id"] == marie.session.device_id)
    assert (card["pending"], card["dead"], card["app_version"]) == (12, 1, "0.1.0")
    assert card["last_pull_at"].startswith("2026-03-01T08:00:00")


def test_a_batch_over_the_limits_is_413_and_changes_nothing(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    marie = sync_world.laptop("marie")
    mutations = [marie.mutation("contact", new_id(), contact()) for _ in range(201)]
    heavy = [marie.mutation("contact", new_id(), contact(note="x" * 8000)) for _ in range(150)]

    too_many = marie.send(marie.body(*mutations))
    too_heavy = marie.send(marie.body(*heavy))

    for response in (too_many, too_heavy):
        assert response.status_code == 413
        assert response.json()["code"] == "batch_too_large"
    assert counter(app) == 0


def test_a_too_old_client_changes_nothing(app: FastAPI, sync_world: SyncWorld) -> None:
    marie = sync_world.laptop("marie")
    body = marie.body(marie.mutation("contact", new_id(), contact()))
    headers = {**marie.session.headers, "Idempotency-Key": new_id()}

    by_header = marie.client.post(
        "/api/v1/sync/push", content=body, headers={**headers, "X-Schema-Version": "0"}
    )
    document = json.loads(body)
    document["schema_version"] += 1
    newer_body = marie.client.post("/api/v1/sync/push", json=document, headers=headers)

    assert by_header.status_code == newer_body.status_code == 426
    assert by_header.json()["code"] == "client_too_old"
    assert newer_body.json()["code"] == "server_too_old"
    with app.state.database.read() as conn:
        assert conn.execute(select(idempotency_key)).first() is None
        assert conn.execute(select(record_tables["contact"])).first() is None
    assert counter(app) == 0


def test_fields_are_checked_against_the_dictionary_without_echoing_values(
    sync_world: SyncWorld,
) -> None:
    marie = sync_world.laptop("marie")
    nir = "2 84 05 33 063 123"
    cases = {
        f"note : {NIR_MESSAGE}": contact(note=f"NIR {nir}"),
        "occurred_at : champ obligatoire.": {
            k: v for k, v in contact().items() if k != "occurred_at"
        },
        "phone : 30 caractères au plus.": None,
        "humeur : champ inconnu du serveur ; mettez l'application à jour.": contact(
            humeur="joyeuse"
        ),
        "Champ inconnu du serveur : mettez l'application à jour.": contact(
            **{"Jean Dupont 06 11": 1}
        ),
    }
    mutations = [
        marie.mutation("beneficiary", new_id(), beneficiary(phone="0" * 31))
        if fields is None
        else marie.mutation("contact", new_id(), fields)
        for fields in cases.values()
    ]

    answer = marie.push(*mutations)

    assert [r["reason"] for r in answer["results"]] == list(cases)
    text = json.dumps(answer)
    for secret in (nir, "Jean Dupont", "0" * 31):
        assert secret not in text


def test_system_fields_from_a_client_are_ignored_and_stamped_by_the_server(
    sync_world: SyncWorld,
) -> None:
    marie = sync_world.laptop("marie")
    forged = contact(
        organisation_id=sync_world.org_b,
        created_by="0193a0a0-0000-7000-8000-0000000000ff",
        deleted=True,
        updated_hlc="9999999999999-0000-00000000000000000000000000000000",
    )

    row = marie.push(marie.mutation("contact", new_id(), forged))["results"][0]["row"]

    assert row["deleted"] is False
    assert row["fields"]["organisation_id"] == sync_world.org_a
    assert row["fields"]["created_by"] == marie.session.user_id
    assert not row["fields"]["updated_hlc"].startswith("9999")


def test_only_managers_write_review_fields(sync_world: SyncWorld) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    record = new_id()
    created = marie.push(
        marie.mutation("contact", record, contact(review_status=None, review_comment=None))
    )
    paul.pull()

    by_mediator = marie.push(marie.mutation("contact", record, {"review_status": "valide"}))
    by_manager = paul.push(
        paul.mutation("contact", record, {"review_status": "a_corriger", "review_comment": "QPV ?"})
    )

    assert created["results"][0]["status"] == "applied"
    assert by_mediator["results"][0]["status"] == "rejected"
    assert by_mediator["results"][0]["reason"].startswith("review_status : seuls les responsables")
    assert by_manager["results"][0]["status"] == "applied"
    assert by_manager["results"][0]["row"]["fields"]["review_status"] == "a_corriger"


def test_referral_statuses_follow_the_transition_table_from_the_server_status(
    sync_world: SyncWorld,
) -> None:
    marie, paul = sync_world.laptop("marie"), sync_world.laptop("paul")
    person, partner = new_id(), new_id()
    paul.push(paul.mutation("partner", partner, {"nom": "Mission Locale des Hauts de Garonne"}))
    marie.push(marie.mutation("beneficiary", person, beneficiary()))
    draft, orphan, born_accepted = new_id(), new_id(), new_id()

    created = marie.push(
        marie.mutation("referral", draft, referral(person, partner)),
        marie.mutation("referral", orphan, referral(None, partner)),
        marie.mutation("referral", born_accepted, referral(person, partner, status="acceptee")),
    )
    illegal = marie.push(marie.mutation("referral", draft, {"status": "honoree"}))
    issued = marie.push(marie.mutation("referral", draft, {"status": "emise"}))
    expired = marie.push(marie.mutation("referral", draft, {"status": "expiree"}))

    assert [r["status"] for r in created["results"]] == ["applied", "rejected", "rejected"]
    assert created["results"][1]["reason"].startswith("beneficiary_id : une orientation")
    assert created["results"][2]["reason"] == (
        "status : une orientation se crée en brouillon ou émise."
    )
    assert illegal["results"][0]["status"] == "rejected"
    assert illegal["results"][0]["reason"] == (
        "status : passage de « Brouillon » à « Honorée » impossible depuis le statut actuel "
        "du serveur."
    )
    assert illegal["results"][0]["row"]["fields"]["status"] == "brouillon"
    assert issued["results"][0]["status"] == "applied"
    assert expired["results"][0]["status"] == "rejected"


def test_append_only_records_are_duplicates_when_identical_and_never_edited(
    sync_world: SyncWorld,
) -> None:
    marie = sync_world.laptop("marie")
    person, note = new_id(), new_id()
    marie.push(
        marie.mutation("beneficiary", person, beneficiary()),
        marie.mutation("follow_up", note, follow_up(person)),
    )

    same = marie.push(marie.mutation("follow_up", note, follow_up(person), base_seq=0))
    edited = marie.push(marie.mutation("follow_up", note, {"summary": "Autre chose"}))

    assert same["results"][0]["status"] == "duplicate"
    assert edited["results"][0]["status"] == "rejected"
    assert edited["results"][0]["row"]["fields"]["summary"] == "Point sur le projet"


def test_roles_limit_what_each_account_writes(sync_world: SyncWorld) -> None:
    from mediateur.server.roles import Role

    sync_world.world.user("root", sync_world.org_a, Role.ADMIN)
    admin, marie, paul = (sync_world.laptop(name) for name in ("root", "marie", "paul"))

    by_admin = admin.push(admin.mutation("beneficiary", new_id(), beneficiary()))
    partner_by_mediator = marie.push(marie.mutation("partner", new_id(), {"nom": "PLIE"}))
    partner_by_manager = paul.push(paul.mutation("partner", new_id(), {"nom": "PLIE"}))
    event_by_mediator = marie.push(marie.mutation("event", new_id(), event()))

    assert by_admin["results"][0]["status"] == "rejected"
    assert by_admin["results"][0]["reason"].startswith("Un compte administrateur")
    assert partner_by_mediator["results"][0]["status"] == "rejected"
    assert partner_by_manager["results"][0]["status"] == "applied"
    assert event_by_mediator["results"][0]["status"] == "applied"


def test_pushes_are_audited_with_counts_only(
    app: FastAPI, sync_world: SyncWorld, client: TestClient
) -> None:
    marie: Laptop = sync_world.laptop("marie")
    marie.push(
        marie.mutation("beneficiary", new_id(), beneficiary()),
        marie.mutation("contact", new_id(), contact()),
    )
    marie.pull()

    with app.state.database.read() as conn:
        rows = conn.execute(select(audit_log).where(audit_log.c.action.in_(("push", "pull")))).all()
    assert [(row.action, row.count, row.actor_device_id) for row in rows] == [
        ("push", 2, marie.session.device_id),
        ("pull", 2, marie.session.device_id),
    ]


def test_an_unfinished_claim_is_given_back_when_the_batch_fails(
    app: FastAPI, sync_world: SyncWorld
) -> None:
    """A batch whose transaction fails (here: the counter row is missing) leaves no claim, so
    the laptop's retry is not kept waiting for a minute."""
    marie = sync_world.laptop("marie")
    body = marie.body(marie.mutation("contact", new_id(), contact()))
    key = "0193a0a0-0000-7000-8000-000000000009"
    with app.state.database.begin() as conn:
        conn.execute(delete(sync_counter))

    failed = marie.send(body, key=key)
    with app.state.database.begin() as conn:
        claims = conn.execute(select(idempotency_key)).all()
        conn.execute(insert(sync_counter).values(id=1, value=0))
    retried = marie.send(body, key=key)

    assert failed.status_code == 500
    assert claims == []
    assert retried.status_code == 200
    assert retried.json()["results"][0]["status"] == "applied"
