"""Fixtures of the installer tests: the build script as a module, the desktop UI's windows and
profiles (the unlock screen must explain a failed upgrade), and a copy of the store migrations
with one more revision on top."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from mediateur.store import migrations
from tests.ui.conftest import _french_application, home, make_profile, make_window, runner

__all__ = ["_french_application", "home", "make_profile", "make_window", "runner"]

BrokenMigrations = Callable[[str], Path]
BUILD_SCRIPT = Path(__file__).resolve().parents[2] / "installer" / "build.py"


@pytest.fixture(scope="session")
def build_script() -> ModuleType:
    """`installer/build.py`, which is a script, not a package module."""
    spec = importlib.util.spec_from_file_location("mediateur_installer_build", BUILD_SCRIPT)
    assert spec is not None
    assert spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def broken_migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> BrokenMigrations:
    """`install(body)`: the store's migrations plus a revision on top of head whose `upgrade()`
    runs `body` then fails, put where every vault open looks for them."""

    def install(body: str) -> Path:
        scripts = tmp_path / "migrations"
        shutil.copytree(
            migrations.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
        )
        (scripts / "versions" / "9999_broken.py").write_text(
            f'"""A migration that fails half-way."""\n'
            "from pathlib import Path\n\n"
            "import sqlalchemy as sa\n"
            "from alembic import op\n\n"
            'revision = "9999"\n'
            f'down_revision = "{migrations.head_revision()}"\n'
            "branch_labels = None\n"
            "depends_on = None\n\n\n"
            "def upgrade() -> None:\n"
            f"    {body}\n"
            '    raise RuntimeError("migration volontairement cassée")\n\n\n'
            "def downgrade() -> None:\n"
            "    pass\n",
            encoding="utf-8",
        )
        monkeypatch.setattr(migrations, "SCRIPT_LOCATION", scripts)
        return scripts

    return install
