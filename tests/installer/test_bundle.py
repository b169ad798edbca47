"""The built one-folder bundle, run on this machine as IT staff would run it on a laptop.

`make test` builds the bundle before the suite (`test: package`, ~1 min when stale), so the
tests find it ready on every xdist worker; run on their own, the first one builds it. Each worker
then hard-links it into a folder whose path has accents and spaces, so that a later rebuild cannot
pull it away mid-test and the bundle runs from where a Windows user's folder would put it.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest
from alembic import command
from PyInstaller.archive.readers import CArchiveReader
from PyInstaller.depend.bindepend import get_imports
from sqlalchemy import select, text

import mediateur
from mediateur import __version__
from mediateur.paths import profiles_dir
from mediateur.store import migrations
from mediateur.store.engine import KeyHolder, make_engine
from mediateur.store.schema import contact
from mediateur.store.vault import DB_FILE, Vault, db_files
from tests.support.vaults import VaultFactory

pytestmark = [
    pytest.mark.package,
    pytest.mark.timeout(1200),  # the first test may build the bundle on a busy machine
]

PASSPHRASE = "la phrase de passe de l'ordinateur portable"
OLDEST = "0001"
UNUSED_QT = re.compile(r"Qt6(WebEngine|Quick|Qml|3D|Multimedia|VirtualKeyboard|Designer|Sql)")
NOT_ON_A_LAPTOP = ("mediateur.server", "fastapi", "uvicorn", "psycopg", "pytest", "hypothesis")


def _link_or_copy(source: str, target: str) -> None:
    try:
        os.link(source, target)
    except OSError:  # another file system
        shutil.copy2(source, target)


@pytest.fixture(scope="session")
def bundle(build_script: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> Path:
    installed = tmp_path_factory.mktemp("install") / "Programmes" / "José Dupont" / "mediateur"
    with build_script.exclusive_build():
        build_script.build_bundle(force=False)
        shutil.copytree(build_script.BUNDLE, installed, symlinks=True, copy_function=_link_or_copy)
    return installed


@pytest.fixture
def laptop_env(tmp_path: Path) -> Iterator[dict[str, str]]:
    """A laptop's environment: no Python variables, a home and a temp folder with accents."""
    home = tmp_path / "AppData Local é" / "mediateur"
    temp = tmp_path / "Temp à vider"
    temp.mkdir()
    env = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANG": "C.UTF-8",  # the French locale may not be installed here
        "MEDIATEUR_HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "TMPDIR": str(temp),
    }
    yield env
    assert list(temp.iterdir()) == [], "the bundle leaves nothing in the temp folder"


def run(bundle: Path, env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(bundle / "mediateur"), *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )


def test_version(bundle: Path, laptop_env: dict[str, str]) -> None:
    done = run(bundle, laptop_env, "--version")
    assert (done.returncode, done.stdout) == (0, f"mediateur {__version__}\n"), done.stderr


def test_self_test_passes_in_the_bundle(bundle: Path, laptop_env: dict[str, str]) -> None:
    done = run(bundle, laptop_env, "self-test")
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == (
        f"mediateur {__version__} : autotest de l'installation "
        f"(application installée, {bundle / 'mediateur'})"
    )
    assert all(line.startswith("OK  ") for line in lines[1:-1]), done.stdout
    assert lines[-1] == "Autotest réussi : 8 contrôles OK."
    assert f"depuis {bundle / '_internal' / 'resources' / 'reference'}" in done.stdout
    assert "3 polices incorporées" in done.stdout
    assert "écran de déverrouillage affiché (offscreen), Qt en français, icône chargée" in (
        done.stdout
    )
    assert done.stderr == ""


def test_the_bundle_upgrades_a_store_of_the_oldest_revision(
    bundle: Path, laptop_env: dict[str, str]
) -> None:
    profile = Path(laptop_env["MEDIATEUR_HOME"]) / "profiles" / "Hélène"
    vault, _code = Vault.create(profile, PASSPHRASE)
    key = vault._dek()
    vault.lock()
    for path in db_files(profile / DB_FILE):
        path.unlink(missing_ok=True)
    engine, registry = make_engine(profile / DB_FILE, KeyHolder(key))
    with engine.begin() as conn:
        command.upgrade(migrations._config(conn), OLDEST)
        conn.execute(
            text(
                "INSERT INTO contact (id, created_at, updated_hlc, deleted, server_seq, "
                "occurred_at, channel, outcome, note) VALUES ("
                "'c0ffee00-0000-7000-8000-000000000001', '2025-01-02T10:00:00.000000Z', "
                "'1735812000000-0000-" + "a" * 32 + "', 0, 7, '2025-01-02T10:00:00.000000Z', "
                "'pied_immeuble', 'information', 'écrite par la première version')"
            )
        )
    engine.dispose()
    registry.close_all()

    done = run(bundle, {**laptop_env, "MEDIATEUR_PASSPHRASE": PASSPHRASE}, "check")
    assert (done.returncode, done.stdout) == (0, "Intégrité : OK.\n"), done.stderr
    assert migrations.backup_path(profile / DB_FILE, OLDEST).is_file()
    upgraded = Vault.open_with_key(profile, key)
    try:
        assert migrations.current_revision(upgraded.engine) == migrations.head_revision()
        with upgraded.session() as session:
            assert session.scalar(select(contact.c.note)) == "écrite par la première version"
    finally:
        upgraded.lock()


def test_the_bundle_starts_on_the_unlock_screen(
    bundle: Path, laptop_env: dict[str, str], vault_factory: VaultFactory
) -> None:
    vault_factory.copy(profiles_dir(Path(laptop_env["MEDIATEUR_HOME"])) / "principal")
    done = run(bundle, laptop_env, "--startup-probe")
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[1] == "unlock"


def test_the_bundle_holds_every_laptop_module_and_nothing_of_the_server(bundle: Path) -> None:
    archive = CArchiveReader(str(bundle / "mediateur"))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    package = Path(mediateur.__file__).parent
    shipped_as_files = package / "store" / "migrations"  # Alembic reads env.py and versions/
    laptop = {
        ".".join(("mediateur", *p.relative_to(package).with_suffix("").parts)).removesuffix(
            ".__init__"
        )
        for p in package.rglob("*.py")
        if p.relative_to(package).parts[0] != "server"
        and (p.parent != shipped_as_files or p.name == "__init__.py")
        and not p.is_relative_to(shipped_as_files / "versions")
    }
    assert laptop - modules == set(), "pages and warm-up modules are imported by name"
    assert sorted(m for m in modules if m.startswith(NOT_ON_A_LAPTOP)) == []


def test_the_bundle_holds_only_the_qt_it_uses(bundle: Path) -> None:
    files = [p for p in bundle.rglob("*") if p.is_file()]
    assert [p.name for p in files if UNUSED_QT.search(p.name)] == []
    translations = sorted(p.name for p in files if p.suffix == ".qm")
    assert "qtbase_fr.qm" in translations
    assert all(name.endswith("_fr.qm") for name in translations), translations
    internal = bundle / "_internal"
    migrations_dir = internal / "mediateur" / "store" / "migrations" / "versions"
    assert (migrations_dir / "0001_initial.py").is_file(), "store upgrades run from the bundle"
    assert (internal / "tzdata" / "zoneinfo" / "Europe" / "Paris").is_file()


def test_every_qt_library_the_bundle_loads_resolves_inside_it(bundle: Path) -> None:
    qt = bundle / "_internal" / "PySide6"
    unresolved = {}
    for library in sorted(qt.rglob("*.so*")):
        for name, path in get_imports(str(library)):
            inside = path is not None and Path(path).resolve().is_relative_to(bundle.resolve())
            if name.startswith("libQt6") and not inside:
                unresolved.setdefault(library.name, []).append(name)
    assert unresolved == {}
