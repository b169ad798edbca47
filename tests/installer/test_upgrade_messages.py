"""Store upgrades at the first open of a new version, as the user sees them: a failure is explained
in French on the unlock screen and by the command line, and each way an upgrade can go wrong
leaves the database as it was. (The oldest revision upgrading to head, and a failed migration
restoring the store, are `tests/store/test_migrations.py`.)"""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select, text

from mediateur.cli import main
from mediateur.domain.values import now_utc
from mediateur.paths import profiles_dir
from mediateur.store import migrations
from mediateur.store.engine import KeyHolder, make_engine
from mediateur.store.errors import (
    MigrationBackupFailed,
    MigrationFailed,
    MigrationRestoreFailed,
    StoreTooNew,
)
from mediateur.store.schema import contact
from mediateur.store.vault import DB_FILE, Vault
from tests.installer.conftest import BrokenMigrations
from tests.support.vaults import PASSPHRASE, VaultFactory
from tests.ui.conftest import WindowFactory
from tests.ui.drive import unlock_with

NEWER = "0999"


def _profile_with_a_contact(vault_factory: VaultFactory, directory: Path) -> Path:
    vault = vault_factory.open(directory)
    try:
        with vault.unit_of_work() as uow:
            uow.create(
                "contact",
                {
                    "occurred_at": now_utc(),
                    "channel": "autre",
                    "outcome": "information",
                    "note": "avant la mise à jour",
                },
            )
    finally:
        vault.lock()
    return directory


def _stamp_revision(vault_factory: VaultFactory, directory: Path, revision: str) -> None:
    """Mark the store as written at `revision` (a newer version's, unknown here)."""
    engine, registry = make_engine(directory / DB_FILE, KeyHolder(vault_factory.key))
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :r"), {"r": revision})
    engine.dispose()
    registry.close_all()


def _state(vault_factory: VaultFactory, directory: Path) -> tuple[str | None, list[str | None]]:
    """The store's revision and notes, read without migrating."""
    engine, registry = make_engine(directory / DB_FILE, KeyHolder(vault_factory.key))
    try:
        with engine.connect() as conn:
            revision = conn.scalar(text("SELECT version_num FROM alembic_version"))
            notes = list(conn.scalars(select(contact.c.note)))
    finally:
        engine.dispose()
        registry.close_all()
    return revision, notes


def _backups(directory: Path) -> list[str]:
    return sorted(
        p.name for p in directory.iterdir() if p.name.endswith(".bak") and "pre-" in p.name
    )


def _check(capsys: pytest.CaptureFixture[str], directory: Path) -> tuple[int, str]:
    capsys.readouterr()
    code = main(["check", "--profile", str(directory)])
    return code, capsys.readouterr().err


@pytest.fixture
def passphrase(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEDIATEUR_PASSPHRASE", PASSPHRASE)


# A store written by a newer version


def test_a_store_from_a_newer_version_is_refused_before_anything_is_copied(
    vault_factory: VaultFactory, tmp_path: Path
) -> None:
    profile = _profile_with_a_contact(vault_factory, tmp_path / "profile")
    _stamp_revision(vault_factory, profile, NEWER)
    with pytest.raises(StoreTooNew):
        Vault.open_with_key(profile, vault_factory.key)
    assert _backups(profile) == []
    assert _state(vault_factory, profile) == (NEWER, ["avant la mise à jour"])


def test_the_command_line_says_to_install_the_newer_version(
    vault_factory: VaultFactory, tmp_path: Path, passphrase: None, capsys
) -> None:
    profile = _profile_with_a_contact(vault_factory, tmp_path / "profile")
    _stamp_revision(vault_factory, profile, NEWER)
    code, err = _check(capsys, profile)
    assert code == 1
    assert err == f"mediateur : {StoreTooNew.message}\n"
    assert "Installez la dernière version de mediateur" in err


def test_the_unlock_screen_says_to_install_the_newer_version(
    qtbot, runner, make_window: WindowFactory, make_profile, vault_factory: VaultFactory
) -> None:
    profile = make_profile("principal")
    _stamp_revision(vault_factory, profile, NEWER)
    window = make_window()
    unlock_with(qtbot, window, PASSPHRASE)
    assert not window.context.is_unlocked
    label = window.unlock_screen.form.message_label
    assert label.isVisible()
    assert label.text() == StoreTooNew.message


# A migration that fails


def test_the_command_line_explains_a_failed_migration(
    vault_factory: VaultFactory,
    tmp_path: Path,
    passphrase: None,
    capsys,
    broken_migrations: BrokenMigrations,
) -> None:
    profile = _profile_with_a_contact(vault_factory, tmp_path / "profile")
    head = migrations.head_revision()
    broken_migrations("op.execute(\"UPDATE contact SET note = 'abîmée'\")")
    code, err = _check(capsys, profile)
    assert code == 1
    assert err == f"mediateur : {MigrationFailed.message}\n"
    assert _backups(profile) == [f"{DB_FILE}.pre-{head}.bak"], "the copy is kept for support"
    assert _state(vault_factory, profile) == (head, ["avant la mise à jour"])


def test_the_unlock_screen_explains_a_failed_migration(
    qtbot,
    runner,
    make_window: WindowFactory,
    home: Path,
    vault_factory: VaultFactory,
    broken_migrations: BrokenMigrations,
) -> None:
    profile = _profile_with_a_contact(vault_factory, profiles_dir(home) / "principal")
    broken_migrations("pass")
    window = make_window()
    unlock_with(qtbot, window, PASSPHRASE)
    assert not window.context.is_unlocked
    text_shown = window.unlock_screen.form.message_label.text()
    assert text_shown == MigrationFailed.message
    assert "restaurée dans son état précédent" in text_shown
    assert window.unlock_screen.form.passphrase_edit.isEnabled(), "the user may try again"
    assert _state(vault_factory, profile)[1] == ["avant la mise à jour"]


# The copy before the upgrade, and putting it back


def test_no_migration_runs_when_the_copy_cannot_be_written(
    vault_factory: VaultFactory, tmp_path: Path, broken_migrations: BrokenMigrations
) -> None:
    profile = _profile_with_a_contact(vault_factory, tmp_path / "profile")
    head = migrations.head_revision()
    broken_migrations("op.execute(\"UPDATE contact SET note = 'abîmée'\")")
    in_the_way = migrations.backup_path(profile / DB_FILE, head)
    in_the_way.mkdir()  # as a full disk or a protected folder would, the copy fails
    with pytest.raises(MigrationBackupFailed, match="rien n'a été modifié"):
        Vault.open_with_key(profile, vault_factory.key)
    assert in_the_way.is_dir()
    assert _state(vault_factory, profile) == (head, ["avant la mise à jour"])


def test_a_copy_that_cannot_be_put_back_is_named(
    vault_factory: VaultFactory, tmp_path: Path, broken_migrations: BrokenMigrations
) -> None:
    profile = _profile_with_a_contact(vault_factory, tmp_path / "profile")
    copy = migrations.backup_path(profile / DB_FILE, migrations.head_revision())
    broken_migrations(f"Path({str(copy)!r}).unlink()")
    with pytest.raises(MigrationRestoreFailed) as caught:
        Vault.open_with_key(profile, vault_factory.key)
    assert str(caught.value).endswith(f"Copie à remettre en place : {copy.name}.")
    assert "prévenez le support" in str(caught.value)
