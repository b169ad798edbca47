"""Shared pieces of the Synchronisation UI tests: a real `mediateur-server` process on loopback
(a SQLite database set up through the admin CLI, one per test module: `serve`), accounts made on
demand, profiles linked to it through the real sync engine, and headless laptops for the other
side of a conflict or a review."""

from __future__ import annotations

import itertools
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from mediateur.store.vault import Vault
from mediateur.sync.engine import SyncEngine
from mediateur.sync.transport import HttpTransport
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.sync_page import SyncPage
from mediateur.ui.preferences import profile_preferences
from mediateur.ui.sync.auto import SYNC_AUTOMATIC
from mediateur.ui.sync.coordinator import SyncCoordinator
from tests.support.live_server import LiveServer, server_cli

PASSWORD = "un mot de passe du serveur"
_names = itertools.count(1)


@dataclass
class SyncServer:
    database_url: str
    server: LiveServer
    organisation_id: str

    @property
    def url(self) -> str:
        return self.server.url

    def cli(self, *args: str) -> str:
        return server_cli(self.database_url, *args, env={"MEDIATEUR_PASSWORD": PASSWORD})

    def add_user(self, prefix: str, role: str = "mediator", display_name: str = "") -> str:
        """A new account (a fresh name per call: the server lives for the whole module)."""
        username = f"{prefix}{next(_names)}"
        self.cli(
            "create-user",
            username,
            "--org",
            self.organisation_id,
            "--role",
            role,
            "--display-name",
            display_name or prefix.capitalize(),
        )
        return username


def serve(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    """The body of each test module's `sync_server` fixture (module scope)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('sync-ui-server') / 'server.db'}"
    server_cli(url, "migrate")
    organisation = server_cli(url, "create-org", "Cité de l'emploi Rive Droite").strip().split()[-1]
    server = LiveServer(url).start()
    try:
        yield SyncServer(url, server, organisation)
    finally:
        server.stop()


def link(vault: Vault, server_url: str, username: str) -> None:
    """Log the profile in as the login dialog would, without the dialog."""
    transport = HttpTransport(server_url)
    try:
        SyncEngine(vault, transport).login(server_url, username, PASSWORD, "poste de test")
    finally:
        transport.close()


def laptop(vault_factory, directory: Path, server_url: str, username: str) -> SyncEngine:  # type: ignore[no-untyped-def]
    """Another computer, without a window: its engine, logged in."""
    vault = vault_factory.open(directory)
    engine = SyncEngine(vault, HttpTransport(server_url))
    engine.login(server_url, username, PASSWORD, directory.name)
    return engine


def manual_only(profile_dir: Path) -> None:
    """Turn automatic sync off for a profile, so that only what the test does syncs."""
    profile_preferences(profile_dir).set(SYNC_AUTOMATIC, 0)


def sync_page(window: MainWindow) -> SyncPage:
    assert window.workspace is not None
    page = window.workspace.show_page(PageKey.SYNC)
    assert isinstance(page, SyncPage)
    return page


def coordinator(window: MainWindow) -> SyncCoordinator:
    found = SyncCoordinator.of(window.context)
    assert found is not None
    return found
