"""Roles: admins manage accounts and devices of every organisation but never read personal data;
the staff directory carries the contract's public card of each user and nothing more."""

from __future__ import annotations

from fastapi.testclient import TestClient

from mediateur.domain.dictionary import ENTITIES
from mediateur.server.roles import Role, readable_entities
from tests.server.helpers import PASSWORD, World


def test_admins_receive_reference_data_only() -> None:
    admin_entities = readable_entities(Role.ADMIN)

    assert admin_entities == {"event", "partner", "service"}
    for name in admin_entities:
        assert ENTITIES[name].personal_fields == ()
    for role in (Role.MEDIATOR, Role.MANAGER):
        assert readable_entities(role) == set(ENTITIES)


def test_the_directory_lists_public_cards_only(client: TestClient, world: World) -> None:
    plie = world.organisation("PLIE des Hauts de Garonne")
    mission = world.organisation("Mission Locale")
    marie = world.user(
        "marie",
        plie,
        Role.MEDIATOR,
        display_name="Marie Dupont",
        phone="05 56 00 00 01",
        email="marie.dupont@plie.example",
    )
    world.user("root", mission, Role.ADMIN, display_name="Service informatique")
    session = world.login(client, "root")

    response = client.get("/api/v1/directory", headers=session.headers)

    assert response.status_code == 200
    directory = response.json()
    assert directory["organisations"] == [
        {"id": mission, "name": "Mission Locale"},
        {"id": plie, "name": "PLIE des Hauts de Garonne"},
    ]
    card = next(user for user in directory["users"] if user["id"] == marie)
    assert card == {
        "id": marie,
        "display_name": "Marie Dupont",
        "organisation_id": plie,
        "role": "mediator",
        "phone": "05 56 00 00 01",
        "email": "marie.dupont@plie.example",
    }
    assert {frozenset(user) for user in directory["users"]} == {frozenset(card)}
    assert "argon2" not in response.text
    assert PASSWORD not in response.text


def test_an_admin_manages_devices_of_every_organisation(client: TestClient, world: World) -> None:
    plie = world.organisation("PLIE")
    mission = world.organisation("Mission Locale")
    world.user("marie", plie)
    world.user("bruno", mission)
    world.user("root", plie, Role.ADMIN)
    laptops = [world.login(client, name) for name in ("marie", "bruno")]
    admin = world.login(client, "root")

    listed = client.get("/api/v1/devices", headers=admin.headers).json()
    assert {d["organisation_id"] for d in listed} == {plie, mission}
    for laptop in laptops:
        revoked = client.post(
            f"/api/v1/devices/{laptop.device_id}/revoke",
            json={"mode": "retire"},
            headers=admin.headers,
        )
        assert revoked.json()["revoked"] == "retire"


def test_no_route_gives_an_admin_anything_but_staff_and_devices(client: TestClient) -> None:
    """Every GET route of this server, and what it returns. The two that carry records (the
    pull and the conflict log) give admins reference data only: `test_sync_scopes.py`."""
    document = client.get("/api/v1/openapi.json").json()
    readable = {
        path: operation["get"]["responses"]["200"]["content"]["application/json"]["schema"]
        for path, operation in document["paths"].items()
        if "get" in operation
    }
    assert readable == {
        "/api/v1/meta": {"$ref": "#/components/schemas/Meta"},
        "/api/v1/directory": {"$ref": "#/components/schemas/Directory"},
        "/api/v1/devices": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/DeviceInfo"},
            "title": "Response List Devices Api V1 Devices Get",
        },
        "/api/v1/sync/pull": {"$ref": "#/components/schemas/PullResponse"},
        "/api/v1/conflicts": {
            "type": "array",
            "items": {"$ref": "#/components/schemas/ConflictLogEntry"},
            "title": "Response List Conflicts Api V1 Conflicts Get",
        },
    }
