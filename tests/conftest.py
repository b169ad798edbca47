"""Fixtures shared by every suite: isolated homes, fast real vaults, PostgreSQL databases."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.vaults import VaultFactory

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(autouse=True)
def _isolated_home(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> Path:
    """No test ever touches the real user data directory."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("MEDIATEUR_HOME", str(home))
    monkeypatch.delenv("MEDIATEUR_FAILPOINT", raising=False)
    monkeypatch.delenv("MEDIATEUR_PASSPHRASE", raising=False)
    return home


@pytest.fixture(scope="session")
def vault_factory(tmp_path_factory: pytest.TempPathFactory) -> VaultFactory:
    return VaultFactory(tmp_path_factory.mktemp("template") / "profile")


@pytest.fixture
def vault(vault_factory: VaultFactory, tmp_path: Path) -> Iterator[object]:
    opened = vault_factory.open(tmp_path / "profile")
    yield opened
    opened.lock()


@pytest.fixture(scope="session")
def postgres_url() -> Iterator[str]:
    from tests.support.postgres import fresh_database

    with fresh_database() as url:
        yield url
