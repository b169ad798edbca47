"""Fixtures of the sync client tests: a real server app (in-process, on a SQLite file migrated
once per session) with organisations and accounts, and laptops (real vaults) logged in to it
through the real client engine."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import func, select

from mediateur.server import migrations
from mediateur.server.app import create_app
from mediateur.server.core.db import Database
from mediateur.server.roles import Role
from mediateur.store.schema import synced_tables
from mediateur.store.vault import Vault
from mediateur.sync.engine import SyncEngine
from mediateur.sync.outbox import counts
from tests.server.helpers import PASSWORD, FakeClock, World, fast_settings
from tests.support.inprocess import InProcessTransport
from tests.support.vaults import VaultFactory


@dataclass
class Laptop:
    name: str
    vault: Vault
    transport: InProcessTransport
    engine: SyncEngine

    def sync(self) -> Any:
        return self.engine.sync()

    def pending(self) -> dict[str, int]:
        with self.vault.session() as session:
            return counts(session)

    def rows(self, entity: str) -> dict[str, dict[str, Any]]:
        table = synced_tables[entity]
        with self.vault.session() as session:
            return {r["id"]: dict(r) for r in session.execute(select(table)).mappings()}

    def count(self, entity: str) -> int:
        table = synced_tables[entity]
        with self.vault.session() as session:
            return session.scalar(select(func.count()).select_from(table)) or 0


class SyncLab:
    """A server with organisation `Cité` (mediators `amina`, `bruno`, manager `chloe`) and `PLIE`
    (mediator `damien`); laptops are created and logged in on demand."""

    def __init__(self, app: FastAPI, client: TestClient, factory: VaultFactory, root: Path) -> None:
        self.app = app
        self.client = client
        self.factory = factory
        self.root = root
        self.world = World(app.state.database, app.state.passwords, FakeClock())
        self.cite = self.world.organisation("Cité de l'emploi")
        self.plie = self.world.organisation("PLIE des Hauts de Garonne")
        self.users = {
            "amina": self.world.user("amina", self.cite, display_name="Amina Diallo"),
            "bruno": self.world.user("bruno", self.cite, display_name="Bruno Martin"),
            "chloe": self.world.user("chloe", self.cite, Role.MANAGER, display_name="Chloé Roux"),
            "damien": self.world.user("damien", self.plie, display_name="Damien Petit"),
        }
        self.laptops: list[Laptop] = []

    def laptop(
        self, username: str, *, name: str | None = None, login: bool = True, **engine: Any
    ) -> Laptop:
        name = name or f"{username}-{len(self.laptops)}"
        vault = self.factory.open(self.root / name)
        transport = InProcessTransport(self.client)
        sync_engine = SyncEngine(vault, transport, sleep=lambda _s: None, **engine)
        if login:
            sync_engine.login("http://testserver", username, PASSWORD, name)
        laptop = Laptop(name, vault, transport, sync_engine)
        self.laptops.append(laptop)
        return laptop

    def close(self) -> None:
        for laptop in self.laptops:
            if not laptop.vault.is_locked:
                laptop.vault.lock()


@pytest.fixture(scope="session")
def _server_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sync-server") / "server.db"
    db = Database(f"sqlite:///{path}")
    migrations.upgrade(db)
    db.dispose()
    return path


@pytest.fixture
def server_url(_server_template: Path, tmp_path: Path) -> str:
    path = tmp_path / "server.db"
    shutil.copyfile(_server_template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def make_lab(
    server_url: str, vault_factory: VaultFactory, tmp_path: Path
) -> Iterator[Callable[..., SyncLab]]:
    """Build the lab once, with server settings overridden as a test needs."""
    stack = contextlib.ExitStack()

    def make(**settings: Any) -> SyncLab:
        app = create_app(fast_settings(server_url, **settings))
        client = stack.enter_context(TestClient(app, raise_server_exceptions=False))
        world = SyncLab(app, client, vault_factory, tmp_path / "laptops")
        stack.callback(app.state.database.dispose)
        stack.callback(world.close)
        return world

    with stack:
        yield make


@pytest.fixture
def lab(make_lab: Callable[..., SyncLab]) -> SyncLab:
    return make_lab()
