"""The HTTP surface: meta, schema versions, problem documents for every error, validation errors
that never echo input, request bodies (gzip, decompressed size limit, read timeout), gzip
responses, and the OpenAPI document."""

from __future__ import annotations

import asyncio
import gzip
import json
import logging
import time
import uuid
from collections.abc import Callable

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import select

from mediateur.server.api.deps import WriteTransaction
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.models import device
from mediateur.server.roles import Role
from mediateur.sync.protocol import MIN_SUPPORTED_SCHEMA, SCHEMA_VERSION
from tests.server.helpers import FakeClock, World, fast_settings, login_body

CANARY = "CANARI-7f3e9a"


def test_meta_needs_no_authentication(client: TestClient) -> None:
    response = client.get("/api/v1/meta")
    assert response.status_code == 200
    assert response.json() == {
        "server_version": "0.1.0",
        "schema_version": SCHEMA_VERSION,
        "min_supported_schema": MIN_SUPPORTED_SCHEMA,
    }


@pytest.mark.parametrize(
    ("version", "code"),
    [
        (str(MIN_SUPPORTED_SCHEMA - 1), "client_too_old"),
        (str(SCHEMA_VERSION + 1), "server_too_old"),
    ],
)
def test_a_schema_version_out_of_range_gets_426_and_changes_nothing(
    client: TestClient, world: World, clock: FakeClock, version: str, code: str
) -> None:
    world.user("amina", world.organisation("Mission Locale"), Role.MANAGER)
    session = world.login(client, "amina")
    with world.db.read() as conn:
        before = conn.execute(select(device)).one()
    clock.advance(hours=1)

    responses = [
        client.get("/api/v1/devices", headers=session.headers | {"X-Schema-Version": version}),
        client.post("/api/v1/auth/logout", headers=session.headers | {"X-Schema-Version": version}),
        client.post(
            "/api/v1/auth/login", json=login_body("amina"), headers={"X-Schema-Version": version}
        ),
    ]

    for response in responses:
        assert response.status_code == 426
        assert response.json()["code"] == code
    with world.db.read() as conn:
        assert conn.execute(select(device)).one() == before
    # The session was not closed and no device was registered by the refused login.
    assert client.get("/api/v1/devices", headers=session.headers).status_code == 200


def test_a_missing_schema_version_is_the_oldest_supported(client: TestClient, world: World) -> None:
    world.user("amina", world.organisation("Mission Locale"))
    session = world.login(client, "amina")
    assert client.get("/api/v1/directory", headers=session.headers).status_code == 200
    current = session.headers | {"X-Schema-Version": str(SCHEMA_VERSION)}
    assert client.get("/api/v1/directory", headers=current).status_code == 200


def test_validation_errors_name_fields_but_never_echo_values(
    client: TestClient, world: World, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    world.user("amina", world.organisation("Mission Locale"))
    session = world.login(client, "amina")
    requests = [
        ("POST", "/api/v1/auth/login", {"json": {"username": CANARY, "password": CANARY}}),
        (
            "POST",
            "/api/v1/auth/login",
            {"json": {"username": "a", "password": CANARY, "device_id": CANARY, CANARY: CANARY}},
        ),
        ("POST", "/api/v1/auth/login", {"json": [CANARY]}),
        ("POST", "/api/v1/auth/login", {"content": f'{{"username": "{CANARY}"', "headers": {}}),
        (
            "POST",
            f"/api/v1/devices/{CANARY}/revoke",
            {"json": {"mode": CANARY}, "headers": session.headers},
        ),
        (
            "POST",
            f"/api/v1/devices/{uuid.uuid4()}/revoke",
            {"json": {"mode": CANARY}, "headers": session.headers},
        ),
        ("GET", "/api/v1/directory", {"headers": {"X-Schema-Version": CANARY}}),
    ]

    for method, path, kwargs in requests:
        response = client.request(method, path, **kwargs)
        assert response.status_code == 422, (path, response.text)
        assert response.headers["content-type"] == "application/problem+json"
        assert CANARY not in response.text
        problem = response.json()
        assert problem["code"] == "validation_error"
        assert problem["detail"].startswith("Requête invalide — ")
        assert problem["errors"]
    server_logs = [r.getMessage() for r in caplog.records if not r.name.startswith("httpx")]
    assert all(CANARY not in message for message in server_logs)


def test_validation_problem_lists_each_field_in_french(client: TestClient) -> None:
    response = client.post(
        "/api/v1/auth/login", json={"username": "", "password": "x", "device_id": "abc"}
    )
    assert response.json()["errors"] == [
        {"location": "username", "message": "trop court (au moins 1)"},
        {"location": "device_id", "message": "format invalide"},
    ]


def test_unknown_routes_and_methods_are_problems(client: TestClient) -> None:
    missing = client.get("/api/v1/nulle-part")
    wrong_method = client.delete("/api/v1/meta")

    assert missing.status_code == 404
    assert missing.headers["content-type"] == "application/problem+json"
    assert missing.json()["code"] == "not_found"
    assert wrong_method.status_code == 405
    assert wrong_method.json()["code"] == "method_not_allowed"
    assert wrong_method.headers["allow"] == "GET"


def test_an_unexpected_error_is_a_scrubbed_500_problem(
    app: FastAPI, caplog: pytest.LogCaptureFixture
) -> None:
    @app.get("/api/v1/test/boom")
    def boom() -> None:
        raise RuntimeError(f"valeur personnelle {CANARY}")

    with TestClient(app, raise_server_exceptions=False) as client:
        response = client.get("/api/v1/test/boom")

    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["code"] == "internal_error"
    assert CANARY not in response.text
    assert "RuntimeError" in caplog.text
    assert "/api/v1/test/boom" in caplog.text
    assert CANARY not in caplog.text


@pytest.mark.parametrize(
    "unreachable",
    [
        "sqlite:////nonexistent-directory/server.db",
        "postgresql+psycopg://postgres@127.0.0.1:1/mediateur",
    ],
)
def test_a_database_that_cannot_answer_gives_503_with_retry_after(
    make_app: Callable[[Settings], FastAPI], unreachable: str
) -> None:
    app = make_app(fast_settings(unreachable))
    # No lifespan: the startup check would refuse this database before any request.
    client = TestClient(app, raise_server_exceptions=False)
    response = client.post("/api/v1/auth/login", json=login_body("amina"))
    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert response.headers["retry-after"] == "5"


def _login_json(username: str) -> bytes:
    return json.dumps(login_body(username)).encode()


def test_gzip_request_bodies_are_accepted(client: TestClient, world: World) -> None:
    world.user("amina", world.organisation("Mission Locale"))

    response = client.post(
        "/api/v1/auth/login",
        content=gzip.compress(_login_json("amina")),
        headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
    )

    assert response.status_code == 200
    assert response.json()["user"]["username"] == "amina"


def test_the_body_limit_applies_to_the_decompressed_size(
    make_app: Callable[[Settings], FastAPI], database_url: str
) -> None:
    app = make_app(fast_settings(database_url, max_body_bytes=4096))
    padded = json.dumps(login_body("amina") | {"device_name": " " * 5000}).encode()
    bomb = gzip.compress(padded)
    assert len(bomb) < 4096 < len(padded)

    with TestClient(app) as client:
        compressed = client.post(
            "/api/v1/auth/login",
            content=bomb,
            headers={"Content-Encoding": "gzip", "Content-Type": "application/json"},
        )
        plain = client.post(
            "/api/v1/auth/login", content=padded, headers={"Content-Type": "application/json"}
        )

    for response in (compressed, plain):
        assert response.status_code == 413
        assert response.json()["code"] == "body_too_large"
        assert "4 Kio" in response.json()["detail"]


def test_a_huge_gzip_bomb_is_refused_without_inflating_it(client: TestClient) -> None:
    bomb = gzip.compress(b"0" * (200 * 1024 * 1024), compresslevel=9)  # 200 MiB → ~200 KiB

    response = client.post("/api/v1/auth/login", content=bomb, headers={"Content-Encoding": "gzip"})

    assert response.status_code == 413


@pytest.mark.parametrize(
    ("content", "encoding", "status", "code"),
    [
        (b"pas du gzip", "gzip", 400, "invalid_gzip"),
        (gzip.compress(b'{"username": "a"}', mtime=0)[:-12], "gzip", 400, "invalid_gzip"),
        (b'{"username": "a"}', "br", 415, "unsupported_encoding"),
    ],
)
def test_bad_or_unknown_body_encodings_are_refused(
    client: TestClient, content: bytes, encoding: str, status: int, code: str
) -> None:
    response = client.post(
        "/api/v1/auth/login", content=content, headers={"Content-Encoding": encoding}
    )
    assert response.status_code == status
    assert response.json()["code"] == code


def test_responses_are_gzip_when_asked(client: TestClient, world: World) -> None:
    org = world.organisation("Mission Locale")
    for index in range(40):
        world.user(f"agent{index:02d}", org, display_name=f"Agent numéro {index}")
    session = world.login(client, "agent00")

    compressed = client.get(
        "/api/v1/directory", headers=session.headers | {"Accept-Encoding": "gzip"}
    )
    plain = client.get(
        "/api/v1/directory", headers=session.headers | {"Accept-Encoding": "identity"}
    )

    assert compressed.headers["content-encoding"] == "gzip"
    assert "content-encoding" not in plain.headers
    assert compressed.json() == plain.json()
    assert len(compressed.json()["users"]) == 40


def test_a_body_that_arrives_too_slowly_gets_408(
    make_app: Callable[[Settings], FastAPI], database_url: str
) -> None:
    app = make_app(fast_settings(database_url, body_timeout_seconds=0.2))
    sent: list[dict[str, object]] = []

    async def slow_receive() -> dict[str, object]:
        await asyncio.sleep(1)
        return {"type": "http.request", "body": b"{}", "more_body": False}

    async def send(message: dict[str, object]) -> None:
        sent.append(message)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": "/api/v1/auth/login",
        "raw_path": b"/api/v1/auth/login",
        "query_string": b"",
        "root_path": "",
        "headers": [(b"content-type", b"application/json"), (b"content-length", b"2")],
        "client": ("127.0.0.1", 5000),
        "server": ("testserver", 80),
    }
    asyncio.run(app(scope, slow_receive, send))

    start = next(m for m in sent if m["type"] == "http.response.start")
    body = b"".join(m.get("body", b"") for m in sent if m["type"] == "http.response.body")  # type: ignore[misc]
    assert start["status"] == 408
    assert json.loads(body)["code"] == "request_timeout"


def test_openapi_is_served_under_the_api_prefix(client: TestClient) -> None:
    document = client.get("/api/v1/openapi.json").json()

    assert set(document["paths"]) == {
        "/api/v1/meta",
        "/api/v1/auth/login",
        "/api/v1/auth/logout",
        "/api/v1/directory",
        "/api/v1/devices",
        "/api/v1/devices/{device_id}/revoke",
        "/api/v1/sync/push",
        "/api/v1/sync/pull",
        "/api/v1/conflicts",
    }
    revoke = document["paths"]["/api/v1/devices/{device_id}/revoke"]["post"]
    assert revoke["security"] == [{"HTTPBearer": []}]
    assert set(revoke["responses"]["404"]["content"]) == {"application/problem+json"}
    assert "HTTPValidationError" not in document["components"]["schemas"]


def test_a_database_wait_past_the_statement_timeout_gives_503(
    make_app: Callable[[Settings], FastAPI], database_url: str
) -> None:
    app = make_app(fast_settings(database_url, statement_timeout_ms=200))

    @app.post("/api/v1/test/slow-write")
    def slow_write(conn: WriteTransaction) -> None:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("SELECT pg_sleep(5)")

    blocker = Database(database_url)
    # On SQLite the stuck part is waiting for another writer, which holds the lock throughout.
    with blocker.begin() as held, TestClient(app) as client:
        held.execute(select(device.c.id))
        started = time.monotonic()
        response = client.post("/api/v1/test/slow-write")
        elapsed = time.monotonic() - started
    blocker.dispose()

    assert response.status_code == 503
    assert response.json()["code"] == "service_unavailable"
    assert response.headers["retry-after"] == "5"
    assert elapsed < 3
