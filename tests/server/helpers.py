"""Helpers of the server tests: a settable clock, cheap settings, and a `World` that creates
organisations and accounts through the real services and logs in through the real API."""

from __future__ import annotations

import dataclasses
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import select

from mediateur.server import accounts
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.core.security import Passwords
from mediateur.server.models import audit_log
from mediateur.server.roles import Role

PASSWORD = "un mot de passe assez long"


def fast_settings(database_url: str, **overrides: Any) -> Settings:
    """Production settings except a cheap Argon2id and no background jobs."""
    base = Settings(
        database_url=database_url,
        argon2_time_cost=1,
        argon2_memory_kib=64,
        argon2_parallelism=1,
        jobs_check_seconds=0,
    )
    return dataclasses.replace(base, **overrides)


@dataclass
class FakeClock:
    now: datetime = field(default_factory=lambda: datetime(2026, 3, 2, 9, 30, tzinfo=UTC))

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@dataclass(frozen=True)
class Session:
    token: str
    device_id: str
    user_id: str

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}


class World:
    def __init__(self, db: Database, passwords: Passwords, clock: FakeClock) -> None:
        self.db = db
        self.passwords = passwords
        self.clock = clock

    def organisation(self, name: str) -> str:
        with self.db.begin() as conn:
            return accounts.create_organisation(conn, name=name, now=self.clock()).id

    def user(
        self,
        username: str,
        organisation_id: str,
        role: Role = Role.MEDIATOR,
        *,
        password: str = PASSWORD,
        **details: str,
    ) -> str:
        with self.db.begin() as conn:
            return accounts.create_user(
                conn,
                passwords=self.passwords,
                username=username,
                password=password,
                organisation_id=organisation_id,
                role=role,
                now=self.clock(),
                **details,
            ).id

    def login(
        self,
        client: TestClient,
        username: str,
        *,
        device_id: str | None = None,
        password: str = PASSWORD,
        device_name: str = "Portable",
    ) -> Session:
        response = client.post(
            "/api/v1/auth/login",
            json=login_body(username, device_id=device_id, password=password, name=device_name),
        )
        assert response.status_code == 200, response.text
        body = response.json()
        return Session(body["token"], body["device_id"], body["user"]["id"])

    def audit_actions(self) -> list[str]:
        with self.db.read() as conn:
            return list(conn.execute(select(audit_log.c.action).order_by(audit_log.c.id)).scalars())


def login_body(
    username: str,
    *,
    device_id: str | None = None,
    password: str = PASSWORD,
    name: str = "Portable",
) -> dict[str, str]:
    return {
        "username": username,
        "password": password,
        "device_id": device_id or str(uuid.uuid4()),
        "device_name": name,
    }
