"""Login, logout, tokens, devices at login, and the failed-login rate limits (DESIGN.md §4)."""

from __future__ import annotations

import hashlib
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor

from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from mediateur.server.core.config import Settings
from mediateur.server.models import auth_token, device, login_failure, user_account
from mediateur.server.roles import Role
from tests.server.helpers import PASSWORD, FakeClock, World, fast_settings, login_body


def test_login_then_logout_closes_the_session(client: TestClient, world: World) -> None:
    org = world.organisation("PLIE des Hauts de Garonne")
    user_id = world.user("Marie.Dupont", org, Role.MEDIATOR, display_name="Marie Dupont")
    device_id = str(uuid.uuid4())

    response = client.post(
        "/api/v1/auth/login",
        json=login_body("marie.dupont", device_id=device_id.upper(), name="PC terrain"),
    )

    assert response.status_code == 200
    body = response.json()
    assert body["device_id"] == device_id
    assert body["user"] == {
        "id": user_id,
        "username": "marie.dupont",
        "display_name": "Marie Dupont",
        "role": "mediator",
        "organisation_id": org,
    }
    assert len(body["token"]) >= 43  # 32 random bytes, base64url
    headers = {"Authorization": f"Bearer {body['token']}"}
    assert client.get("/api/v1/directory", headers=headers).status_code == 200

    assert client.post("/api/v1/auth/logout", headers=headers).status_code == 204

    after = client.get("/api/v1/directory", headers=headers)
    assert after.status_code == 401
    assert after.json()["code"] == "invalid_token"
    assert after.headers["www-authenticate"] == "Bearer"
    assert world.audit_actions() == [
        "organisation_created",
        "user_created",
        "device_registered",
        "login",
        "logout",
    ]


def test_tokens_and_passwords_are_stored_hashed(client: TestClient, world: World) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org)
    session = world.login(client, "amina")

    with world.db.read() as conn:
        stored_tokens = list(conn.execute(select(auth_token.c.token_hash)).scalars())
        password_hash = conn.execute(select(user_account.c.password_hash)).scalar_one()
    assert stored_tokens == [hashlib.sha256(session.token.encode()).hexdigest()]
    assert password_hash.startswith("$argon2id$")
    assert PASSWORD not in password_hash


def test_wrong_password_and_unknown_user_are_invalid_credentials(
    client: TestClient, world: World
) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org)

    for body in (login_body("amina", password="pas le bon mot"), login_body("inconnu")):
        response = client.post("/api/v1/auth/login", json=body)
        assert response.status_code == 401
        assert response.headers["content-type"] == "application/problem+json"
        problem = response.json()
        assert problem["code"] == "invalid_credentials"
        assert problem["detail"] == "Identifiant ou mot de passe incorrect."
        assert "token" not in problem

    assert world.audit_actions()[-2:] == ["login_failed", "login_failed"]
    with world.db.read() as conn:
        keys = list(
            conn.execute(select(login_failure.c.account_key).order_by(login_failure.c.id)).scalars()
        )
    # The username typed is kept as a digest only (people type passwords there).
    assert keys == [hashlib.sha256(name.encode()).hexdigest() for name in ("amina", "inconnu")]


def test_a_disabled_account_cannot_log_in(client: TestClient, world: World) -> None:
    from mediateur.server import accounts

    org = world.organisation("Mission Locale")
    world.user("amina", org)
    session = world.login(client, "amina")
    with world.db.begin() as conn:
        accounts.set_disabled(conn, username="amina", disabled=True, now=world.clock())

    refused = client.post("/api/v1/auth/login", json=login_body("amina"))
    assert refused.status_code == 401
    assert refused.json()["code"] == "account_disabled"
    # Disabling closed the open session too.
    assert client.get("/api/v1/directory", headers=session.headers).status_code == 401


def test_relogin_keeps_the_device_and_closes_the_previous_session(
    client: TestClient, world: World, clock: FakeClock
) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org)
    first = world.login(client, "amina", device_name="Ancien nom")
    clock.advance(days=3)

    second = world.login(client, "amina", device_id=first.device_id, device_name="Nouveau nom")

    assert second.device_id == first.device_id
    with world.db.read() as conn:
        rows = conn.execute(select(device.c.name, device.c.registered_at)).all()
    assert [(name, registered.date().isoformat()) for name, registered in rows] == [
        ("Nouveau nom", "2026-03-02")
    ]
    assert client.get("/api/v1/directory", headers=first.headers).status_code == 401
    assert client.get("/api/v1/directory", headers=second.headers).status_code == 200


def test_a_device_of_another_user_is_taken_and_not_a_failure(
    client: TestClient, world: World, make_app: Callable[[Settings], FastAPI], database_url: str
) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org)
    world.user("bruno", org)
    session = world.login(client, "amina")

    strict = make_app(fast_settings(database_url, login_failures_per_account=1))
    with TestClient(strict) as other:
        taken = other.post(
            "/api/v1/auth/login", json=login_body("bruno", device_id=session.device_id)
        )
        assert taken.status_code == 409
        assert taken.json()["code"] == "device_taken"
        # Not counted: with a limit of one failure, bruno can still log in elsewhere.
        assert other.post("/api/v1/auth/login", json=login_body("bruno")).status_code == 200
    assert "login_failed" not in world.audit_actions()


def test_failed_logins_per_account_are_limited_then_released(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    app = make_app(fast_settings(database_url, login_failures_per_account=3))
    world = World(app.state.database, app.state.passwords, clock)
    world.user("amina", world.organisation("Mission Locale"))
    with TestClient(app) as client:
        for _ in range(3):
            wrong = client.post("/api/v1/auth/login", json=login_body("amina", password="x" * 12))
            assert wrong.status_code == 401
            clock.advance(minutes=1)

        limited = client.post("/api/v1/auth/login", json=login_body("amina"))
        assert limited.status_code == 429
        assert limited.json()["code"] == "rate_limited"
        # The oldest failure leaves the 15-minute window 12 minutes from now.
        assert limited.headers["retry-after"] == str(12 * 60)
        assert "12 minutes" in limited.json()["detail"]

        clock.advance(minutes=12)
        assert client.post("/api/v1/auth/login", json=login_body("amina")).status_code == 200


def test_failed_logins_per_address_are_limited_across_accounts(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    app = make_app(fast_settings(database_url, login_failures_per_address=4))
    world = World(app.state.database, app.state.passwords, clock)
    world.user("amina", world.organisation("Mission Locale"))
    with (
        TestClient(app, client=("203.0.113.7", 40000)) as attacker,
        TestClient(app, client=("198.51.100.2", 40000)) as office,
    ):
        for attempt in range(4):
            guess = login_body(f"compte{attempt}", password="y" * 12)
            assert attacker.post("/api/v1/auth/login", json=guess).status_code == 401

        limited = attacker.post("/api/v1/auth/login", json=login_body("amina"))
        assert limited.status_code == 429
        assert int(limited.headers["retry-after"]) == 15 * 60
        # Another address is not affected.
        assert office.post("/api/v1/auth/login", json=login_body("amina")).status_code == 200


def test_rate_limits_are_shared_by_two_workers(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    settings = fast_settings(database_url, login_failures_per_account=4)
    first_worker, second_worker = make_app(settings), make_app(settings)
    world = World(first_worker.state.database, first_worker.state.passwords, clock)
    world.user("amina", world.organisation("Mission Locale"))
    with TestClient(first_worker) as first, TestClient(second_worker) as second:
        for client in (first, second, first, second):
            wrong = login_body("amina", password="z" * 12)
            assert client.post("/api/v1/auth/login", json=wrong).status_code == 401

        for client in (first, second):
            response = client.post("/api/v1/auth/login", json=login_body("amina"))
            assert response.status_code == 429
            assert "retry-after" in response.headers


def test_a_password_hash_made_with_another_cost_is_upgraded_at_login(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    old = make_app(fast_settings(database_url))
    old_world = World(old.state.database, old.state.passwords, clock)
    old_world.user("amina", old_world.organisation("Mission Locale"))
    stronger = make_app(fast_settings(database_url, argon2_time_cost=2))
    world = World(stronger.state.database, stronger.state.passwords, clock)
    with TestClient(stronger) as client:
        world.login(client, "amina")
    with world.db.read() as conn:
        stored = conn.execute(select(user_account.c.password_hash)).scalar_one()
    assert ",t=2," in stored
    with TestClient(stronger) as client:
        world.login(client, "amina")


def test_two_first_logins_racing_for_one_device_register_it_once(
    app: FastAPI, world: World
) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org)
    world.user("bruno", org)
    with TestClient(app) as client:

        def race(barrier: threading.Barrier, username: str, device_id: str) -> int:
            barrier.wait()
            body = login_body(username, device_id=device_id)
            return client.post("/api/v1/auth/login", json=body).status_code

        for _ in range(5):
            barrier, device_id = threading.Barrier(2), str(uuid.uuid4())
            with ThreadPoolExecutor(max_workers=2) as pool:
                runs = [pool.submit(race, barrier, name, device_id) for name in ("amina", "bruno")]
                assert sorted(run.result() for run in runs) == [200, 409]
    with world.db.read() as conn:
        assert len(conn.execute(select(device.c.id)).all()) == 5
