"""Fixtures of the server tests: every test that takes `database_url` runs on SQLite and on
PostgreSQL (a fresh database for the run, at 127.0.0.1:5432; under `CI=true` an unreachable
PostgreSQL fails the run instead of skipping).

SQLite tests get a copy of a database migrated once per session; PostgreSQL tests share one
database migrated once per session and emptied before each test.
"""

from __future__ import annotations

import secrets
import shutil
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import insert

from mediateur.server import migrations
from mediateur.server.app import create_app
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.models import job_run, metadata, sync_counter, sync_state
from tests.server.helpers import FakeClock, World, fast_settings
from tests.server.sync_support import SyncWorld
from tests.support.postgres import fresh_database


@pytest.fixture(scope="session")
def _sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("server-template") / "server.db"
    db = Database(f"sqlite:///{path}")
    migrations.upgrade(db)
    db.dispose()
    return path


@pytest.fixture(scope="session")
def _postgres_database() -> Iterator[str]:
    with fresh_database(prefix="mediateur_server_test") as url:
        db = Database(url)
        migrations.upgrade(db)
        db.dispose()
        yield url


def _empty_postgres(url: str) -> None:
    db = Database(url)
    try:
        with db.begin() as conn:
            names = ", ".join(f'"{table.name}"' for table in metadata.sorted_tables)
            conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
            # The rows migrations seed: the jobs' claim, the seq counter, a new epoch and key.
            conn.execute(insert(job_run).values(name="purge"))
            conn.execute(insert(sync_counter).values(id=1, value=0))
            conn.execute(
                insert(sync_state).values(
                    id=1,
                    epoch=str(uuid.uuid4()),
                    cursor_key=secrets.token_hex(32),
                    purge_horizon=0,
                )
            )
    finally:
        db.dispose()


@pytest.fixture(params=["sqlite", "postgresql"])
def database_url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A migrated, empty server database on each backend."""
    if request.param == "sqlite":
        path = tmp_path / "server.db"
        shutil.copyfile(request.getfixturevalue("_sqlite_template"), path)
        return f"sqlite:///{path}"
    url: str = request.getfixturevalue("_postgres_database")
    _empty_postgres(url)
    return url


@pytest.fixture(params=["sqlite", "postgresql"])
def empty_database_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """A database that was never migrated."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'serveur.db'}"
        return
    with fresh_database(prefix="mediateur_cli_test") as url:
        yield url


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def settings(database_url: str) -> Settings:
    return fast_settings(database_url)


@pytest.fixture
def make_app(clock: FakeClock) -> Iterator[Callable[[Settings], FastAPI]]:
    """Build apps (each one stands for a worker); their engines are closed after the test."""
    apps: list[FastAPI] = []

    def make(settings: Settings) -> FastAPI:
        app = create_app(settings, clock=clock)
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.state.database.dispose()


@pytest.fixture
def app(make_app: Callable[[Settings], FastAPI], settings: Settings) -> FastAPI:
    return make_app(settings)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def world(app: FastAPI, clock: FakeClock) -> World:
    return World(app.state.database, app.state.passwords, clock)


@pytest.fixture
def sync_world(client: TestClient, world: World, clock: FakeClock) -> SyncWorld:
    return SyncWorld(client, world, clock)
