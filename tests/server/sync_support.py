"""A laptop written from the sync protocol (DESIGN.md §4), for the server's sync tests.

`Laptop` is not the production engine (which has its own tests): it builds mutations with a
hybrid clock of its own (its wall clock is the server's fake clock plus a skew), pushes them
under idempotency keys, keeps a local copy of every row it receives (push results and pull
pages) with its `server_seq`, and follows the pull cursor. Every answer it gets is also parsed
with the protocol's models, as the production engine parses them. `SyncWorld` sets up two
organisations with a mediator and a manager in the first and a mediator in the second.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from typing import Any

from fastapi.testclient import TestClient
from httpx import Response

from mediateur.server.roles import Role
from mediateur.sync.hlc import HybridClock, node_of
from mediateur.sync.protocol import SCHEMA_VERSION, PullResponse, PushResponse
from tests.server.helpers import FakeClock, Session, World

PUSH = "/api/v1/sync/push"
PULL = "/api/v1/sync/pull"
DAY = 24 * 3600 * 1000


def millis(clock: FakeClock) -> int:
    return int(clock().timestamp() * 1000)


@dataclass
class LocalRow:
    fields: dict[str, Any]
    server_seq: int
    deleted: bool


@dataclass
class Laptop:
    client: TestClient
    session: Session
    clock: FakeClock
    skew_ms: int = 0
    seq: int = 0
    cursor: str | None = None
    rows: dict[tuple[str, str], LocalRow] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.hlc = HybridClock(node_of(self.session.device_id), wall=self.wall)

    def wall(self) -> int:
        return millis(self.clock) + self.skew_ms

    def base(self, entity: str, record_id: str) -> int:
        local = self.rows.get((entity, record_id))
        return local.server_seq if local else 0

    def mutation(
        self,
        entity: str,
        record_id: str,
        fields: dict[str, Any] | None = None,
        *,
        op: str = "upsert",
        base_seq: int | None = None,
    ) -> dict[str, Any]:
        self.seq += 1
        return {
            "seq": self.seq,
            "mutation_id": str(uuid.uuid4()),
            "entity": entity,
            "id": record_id,
            "op": op,
            "base_seq": self.base(entity, record_id) if base_seq is None else base_seq,
            "hlc": self.hlc.tick(),
            "fields": fields or {},
        }

    def body(self, *mutations: dict[str, Any], heartbeat: dict[str, Any] | None = None) -> bytes:
        document: dict[str, Any] = {
            "device_id": self.session.device_id,
            "schema_version": SCHEMA_VERSION,
            "mutations": list(mutations),
        }
        if heartbeat is not None:
            document["heartbeat"] = heartbeat
        return json.dumps(document).encode()

    def send(self, body: bytes, *, key: str | None = None) -> Response:
        headers = {
            **self.session.headers,
            "Content-Type": "application/json",
            "Idempotency-Key": key or str(uuid.uuid4()),
            "X-Client-Time": str(self.wall()),
        }
        response = self.client.post(PUSH, content=body, headers=headers)
        if response.status_code == 200:
            PushResponse.model_validate_json(response.content)  # the shared contract
            self.absorb_push(response.json())
        return response

    def push(self, *mutations: dict[str, Any], key: str | None = None) -> dict[str, Any]:
        response = self.send(self.body(*mutations), key=key)
        assert response.status_code == 200, response.text
        return response.json()  # type: ignore[no-any-return]

    def absorb_push(self, answer: dict[str, Any]) -> None:
        for result in answer["results"]:
            row = result["row"]
            if row is not None:
                self.rows[row["entity"], row["id"]] = LocalRow(
                    row["fields"], row["server_seq"], row["deleted"]
                )
        self.hlc.receive(answer["server_hlc"])

    def pull_page(self, *, limit: int = 500) -> Response:
        params: dict[str, Any] = {"limit": limit}
        if self.cursor is not None:
            params["cursor"] = self.cursor
        return self.client.get(PULL, params=params, headers=self.session.headers)

    def pull(self, *, limit: int = 500) -> list[dict[str, Any]]:
        """Pull until `has_more` is false; every change received, in order."""
        received: list[dict[str, Any]] = []
        while True:
            response = self.pull_page(limit=limit)
            assert response.status_code == 200, response.text
            PullResponse.model_validate_json(response.content)  # the shared contract
            page = response.json()
            for change in page["changes"]:
                key = (change["entity"], change["id"])
                if change["op"] == "remove":
                    self.rows.pop(key, None)
                else:
                    self.rows[key] = LocalRow(
                        change["fields"], change["server_seq"], change["op"] == "delete"
                    )
            received += page["changes"]
            self.cursor = page["next_cursor"]
            self.hlc.receive(page["server_hlc"])
            if not page["has_more"]:
                return received

    def value(self, entity: str, record_id: str, name: str) -> Any:
        return self.rows[entity, record_id].fields[name]


class SyncWorld:
    """Two organisations: A (a mediator, a manager) and B (a mediator)."""

    def __init__(self, client: TestClient, world: World, clock: FakeClock) -> None:
        self.client = client
        self.world = world
        self.clock = clock
        self.org_a = world.organisation("PLIE des Hauts de Garonne")
        self.org_b = world.organisation("Mission Locale Rive Droite")
        world.user("marie", self.org_a, Role.MEDIATOR)
        world.user("paul", self.org_a, Role.MANAGER)
        world.user("bruno", self.org_b, Role.MEDIATOR)

    def laptop(self, username: str, *, skew_ms: int = 0) -> Laptop:
        return Laptop(self.client, self.world.login(self.client, username), self.clock, skew_ms)


def new_id() -> str:
    return str(uuid.uuid4())


def beneficiary(**overrides: Any) -> dict[str, Any]:
    return {
        "last_name": "Martin",
        "first_name": "Awa",
        "birth_date": "1999-05-04",
        "gender": "f",
        "age_band": "25_44",
        "phone": "06 12 34 56 78",
        "qpv": "avenir",
        "statuses": ["rsa"],
        "intake_date": "2026-02-10",
        "sharing_agreed": False,
        "shared_with": [],
        "restricted": False,
        **overrides,
    }


def contact(**overrides: Any) -> dict[str, Any]:
    return {
        "occurred_at": "2026-03-01T10:00:00.000000Z",
        "channel": "pied_immeuble",
        "outcome": "information",
        "qpv": "avenir",
        "note": "Rencontrée au pied de l'immeuble",
        **overrides,
    }


def follow_up(beneficiary_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "beneficiary_id": beneficiary_id,
        "occurred_at": "2026-03-02T09:00:00.000000Z",
        "kind": "entretien",
        "summary": "Point sur le projet",
        **overrides,
    }


def referral(beneficiary_id: str, partner_id: str, **overrides: Any) -> dict[str, Any]:
    return {
        "beneficiary_id": beneficiary_id,
        "partner_id": partner_id,
        "number": "RD-0001-20260302-1",
        "reason": "Accompagnement vers l'emploi",
        "status": "brouillon",
        **overrides,
    }


def event(**overrides: Any) -> dict[str, Any]:
    return {
        "kind": "forum",
        "title": "Forum de l'emploi de Cenon",
        "starts_at": "2026-03-10T09:00:00.000000Z",
        **overrides,
    }
