"""A sync lab outside `tests/sync`: the same `SyncLab` (server app in-process on a migrated SQLite
file, organisations « Cité » and « PLIE », accounts amina, bruno, chloe (manager), damien) for
tests of other areas that need a real round trip through the server."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from pathlib import Path

from fastapi.testclient import TestClient

from mediateur.server import migrations
from mediateur.server.app import create_app
from mediateur.server.core.db import Database
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from tests.server.helpers import fast_settings
from tests.support.vaults import VaultFactory
from tests.sync.conftest import SyncLab


@contextlib.contextmanager
def sync_lab(factory: VaultFactory, root: Path) -> Iterator[SyncLab]:
    path = root / "server.db"
    database = Database(f"sqlite:///{path}")
    migrations.upgrade(database)
    database.dispose()
    app = create_app(fast_settings(f"sqlite:///{path}"))
    with TestClient(app, raise_server_exceptions=False) as client:
        lab = SyncLab(app, client, factory, root / "laptops")
        try:
            yield lab
        finally:
            lab.close()
            app.state.database.dispose()


def act_as(
    vault: Vault, *, role: str | None, organisation_id: str | None, user_id: str | None
) -> None:
    """Make a profile look logged in with this account (what `SyncEngine.login` stores)."""
    with vault.write_session() as session, session.begin():
        local_state.put(session, local_state.ROLE, role)
        local_state.put(session, local_state.ORGANISATION_ID, organisation_id)
        local_state.put(session, local_state.USER_ID, user_id)
