"""Devices: who lists and revokes them, what `retire` and `wipe` do, and the per-call stamps."""

from __future__ import annotations

import uuid

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from mediateur.server.api.deps import RetiredDeviceAllowed
from mediateur.server.models import audit_log, device
from mediateur.server.roles import Role
from tests.server.helpers import FakeClock, Session, World, login_body

PUSH_LIKE = "/api/v1/test/retired-allowed"


@pytest.fixture
def app_with_push_hook(app: FastAPI) -> FastAPI:
    """The real app plus a route declared like the sync push: retired devices allowed."""

    @app.post(PUSH_LIKE)
    def push_like(caller: RetiredDeviceAllowed) -> dict[str, str]:
        return {"device_id": caller.device_id}

    return app


class Staff:
    """Two organisations with a mediator and a manager each, and one admin; all logged in."""

    def __init__(self, client: TestClient, world: World) -> None:
        self.org_a = world.organisation("PLIE des Hauts de Garonne")
        self.org_b = world.organisation("Mission Locale des Hauts de Garonne")
        for username, org, role in (
            ("med_a", self.org_a, Role.MEDIATOR),
            ("man_a", self.org_a, Role.MANAGER),
            ("med_b", self.org_b, Role.MEDIATOR),
            ("man_b", self.org_b, Role.MANAGER),
            ("admin", self.org_a, Role.ADMIN),
        ):
            world.user(username, org, role)
        self.sessions: dict[str, Session] = {
            name: world.login(client, name, device_name=f"Poste de {name}")
            for name in ("med_a", "man_a", "med_b", "man_b", "admin")
        }

    def __getitem__(self, name: str) -> Session:
        return self.sessions[name]


def revoke(client: TestClient, by: Session, target: Session, mode: str) -> dict:  # type: ignore[type-arg]
    response = client.post(
        f"/api/v1/devices/{target.device_id}/revoke", json={"mode": mode}, headers=by.headers
    )
    return {"status": response.status_code, **response.json()}


def test_managers_list_their_organisation_admins_all_mediators_nothing(
    client: TestClient, world: World
) -> None:
    staff = Staff(client, world)

    by_manager = client.get("/api/v1/devices", headers=staff["man_a"].headers)
    by_admin = client.get("/api/v1/devices", headers=staff["admin"].headers)
    by_mediator = client.get("/api/v1/devices", headers=staff["med_a"].headers)

    assert by_manager.status_code == 200
    assert {d["name"] for d in by_manager.json()} == {
        "Poste de med_a",
        "Poste de man_a",
        "Poste de admin",
    }
    assert {d["organisation_id"] for d in by_manager.json()} == {staff.org_a}
    assert len(by_admin.json()) == 5
    assert by_mediator.status_code == 403
    assert by_mediator.json()["code"] == "forbidden"
    listed = next(d for d in by_manager.json() if d["id"] == staff["med_a"].device_id)
    assert listed["user_id"] == staff["med_a"].user_id
    assert listed["revoked"] is None


@pytest.mark.parametrize(
    ("actor", "target", "status"),
    [
        ("man_a", "med_a", 200),  # a manager of the device's organisation
        ("admin", "med_b", 200),  # an admin, any organisation
        ("med_a", "man_a", 403),  # another role of the same organisation
        ("man_b", "med_a", 404),  # a manager of another organisation
        ("med_b", "med_a", 404),  # anyone of another organisation
    ],
)
def test_revoke_permissions(
    client: TestClient, world: World, actor: str, target: str, status: int
) -> None:
    staff = Staff(client, world)

    result = revoke(client, staff[actor], staff[target], "retire")

    assert result["status"] == status
    with world.db.read() as conn:
        revoked = conn.execute(
            select(device.c.revoked).where(device.c.id == staff[target].device_id)
        ).scalar_one()
    assert revoked == ("retire" if status == 200 else None)
    if status == 200:
        assert result["revoked"] == "retire"


def test_unknown_device_is_not_found(client: TestClient, world: World) -> None:
    staff = Staff(client, world)
    response = client.post(
        f"/api/v1/devices/{uuid.uuid4()}/revoke",
        json={"mode": "wipe"},
        headers=staff["admin"].headers,
    )
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_retire_lets_pushes_through_and_refuses_everything_else(
    app_with_push_hook: FastAPI, world: World
) -> None:
    with TestClient(app_with_push_hook) as client:
        staff = Staff(client, world)
        laptop = staff["med_a"]
        assert revoke(client, staff["man_a"], laptop, "retire")["status"] == 200

        pushed = client.post(PUSH_LIKE, headers=laptop.headers)
        assert pushed.status_code == 200
        assert pushed.json() == {"device_id": laptop.device_id}
        for method, path in (
            ("GET", "/api/v1/directory"),
            ("POST", "/api/v1/auth/logout"),
        ):
            refused = client.request(method, path, headers=laptop.headers)
            assert refused.status_code == 401
            assert refused.json()["code"] == "device_revoked"
            assert refused.json()["mode"] == "retire"
        # Other devices of the organisation are unaffected.
        assert client.get("/api/v1/directory", headers=staff["man_a"].headers).status_code == 200


def test_wipe_refuses_every_call(app_with_push_hook: FastAPI, world: World) -> None:
    with TestClient(app_with_push_hook) as client:
        staff = Staff(client, world)
        laptop = staff["man_b"]
        assert revoke(client, staff["admin"], laptop, "wipe")["status"] == 200

        for method, path in (
            ("POST", PUSH_LIKE),
            ("GET", "/api/v1/directory"),
            ("GET", "/api/v1/devices"),
            ("POST", "/api/v1/auth/logout"),
        ):
            refused = client.request(method, path, headers=laptop.headers)
            assert refused.status_code == 401, path
            assert refused.json()["code"] == "device_revoked"
            assert refused.json()["mode"] == "wipe"
            assert "effacées" in refused.json()["detail"]


@pytest.mark.parametrize("mode", ["retire", "wipe"])
def test_a_revoked_device_can_never_log_in_again(
    client: TestClient, world: World, mode: str
) -> None:
    staff = Staff(client, world)
    laptop = staff["med_a"]
    revoke(client, staff["man_a"], laptop, mode)

    for username in ("med_a", "man_a", "med_b"):
        again = client.post(
            "/api/v1/auth/login", json=login_body(username, device_id=laptop.device_id)
        )
        assert again.status_code == 401
        assert again.json() | {"detail": ""} == {
            "type": "urn:mediateur:problem:device_revoked",
            "title": "Appareil révoqué",
            "status": 401,
            "detail": "",
            "code": "device_revoked",
            "mode": mode,
        }
    # Even with a wrong password: the laptop learns it must wipe itself; no failure counted.
    wrong = client.post(
        "/api/v1/auth/login",
        json=login_body("med_a", device_id=laptop.device_id, password="mauvais mot de passe"),
    )
    assert wrong.json()["code"] == "device_revoked"
    assert "login_failed" not in world.audit_actions()
    assert world.audit_actions().count("login_refused_device") == 4


def test_revocation_escalates_but_never_softens(client: TestClient, world: World) -> None:
    staff = Staff(client, world)
    laptop = staff["med_a"]

    assert revoke(client, staff["man_a"], laptop, "retire")["revoked"] == "retire"
    assert revoke(client, staff["man_a"], laptop, "retire")["status"] == 200
    assert revoke(client, staff["man_a"], laptop, "wipe")["revoked"] == "wipe"
    softer = revoke(client, staff["man_a"], laptop, "retire")

    assert softer["status"] == 409
    assert softer["code"] == "conflict"
    with world.db.read() as conn:
        audited = conn.execute(
            select(audit_log.c.code, audit_log.c.target_id, audit_log.c.actor_user_id).where(
                audit_log.c.action == "device_revoked"
            )
        ).all()
    assert audited == [
        ("retire", laptop.device_id, staff["man_a"].user_id),
        ("wipe", laptop.device_id, staff["man_a"].user_id),
    ]


def test_every_authenticated_call_stamps_the_device(
    client: TestClient, world: World, clock: FakeClock
) -> None:
    org = world.organisation("Mission Locale")
    world.user("amina", org, Role.MANAGER)
    session = world.login(client, "amina")
    clock.advance(hours=2)
    client_time = int(clock.now.timestamp() * 1000) - 90_000  # laptop 90 s behind

    client.get(
        "/api/v1/devices",
        headers=session.headers
        | {"X-App-Version": "1.4.2", "X-Client-Time": str(client_time), "X-Schema-Version": "1"},
    )

    with world.db.read() as conn:
        row = conn.execute(select(device).where(device.c.id == session.device_id)).one()
    assert row.last_seen == clock.now
    assert row.app_version == "1.4.2"
    assert row.clock_skew_ms == -90_000
    assert row.schema_version == 1
    listed = client.get("/api/v1/devices", headers=session.headers).json()[0]
    assert listed["app_version"] == "1.4.2"
    assert listed["clock_skew_ms"] == -90_000


def test_unreadable_client_headers_are_ignored_not_refused(
    client: TestClient, world: World
) -> None:
    world.user("amina", world.organisation("Mission Locale"), Role.MANAGER)
    session = world.login(client, "amina")

    response = client.get(
        "/api/v1/devices",
        headers=session.headers | {"X-App-Version": "<script>", "X-Client-Time": "hier"},
    )

    assert response.status_code == 200
    assert response.json()[0]["app_version"] is None
    assert response.json()[0]["clock_skew_ms"] is None
