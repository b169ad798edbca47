"""Store migrations: a store written at the oldest revision upgrades to head with its data; a
failing migration leaves the database exactly as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from alembic import command
from sqlalchemy import select, text

from mediateur.domain.values import now_utc
from mediateur.store import migrations
from mediateur.store.engine import KeyHolder, make_engine
from mediateur.store.errors import MigrationFailed
from mediateur.store.schema import contact
from mediateur.store.vault import Vault

OLDEST = "0001"


def _store_at_oldest_revision(vault_factory, profile: Path) -> None:  # type: ignore[no-untyped-def]
    """A profile whose database was written by the oldest schema revision, with data."""
    vault_factory.copy(profile)
    db = profile / "mediateur.db"
    for side in ("", "-wal", "-shm"):
        (profile / f"mediateur.db{side}").unlink(missing_ok=True)
    engine, registry = make_engine(db, KeyHolder(vault_factory.key))
    with engine.begin() as conn:
        command.upgrade(migrations._config(conn), OLDEST)
        conn.execute(
            text(
                "INSERT INTO contact (id, created_at, updated_hlc, deleted, server_seq, "
                "occurred_at, channel, outcome, note) VALUES "
                "('c0ffee00-0000-7000-8000-000000000001', "
                "'2025-01-02T10:00:00.000000Z', '1735812000000-0000-" + "a" * 32 + "', 0, 7, "
                "'2025-01-02T10:00:00.000000Z', 'pied_immeuble', 'information', 'ancienne note')"
            )
        )
    engine.dispose()
    registry.close_all()


def test_oldest_store_upgrades_to_head_with_its_data(vault_factory, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    _store_at_oldest_revision(vault_factory, profile)
    vault = Vault.open_with_key(profile, vault_factory.key)
    try:
        assert migrations.current_revision(vault.engine) == migrations.head_revision()
        with vault.session() as session:
            row = session.execute(select(contact)).mappings().one()
        assert row["note"] == "ancienne note"
        assert row["server_seq"] == 7
        assert row["occurred_at"].year == 2025
    finally:
        vault.lock()
    backup = migrations.backup_path(profile / "mediateur.db", OLDEST)
    assert backup.exists() == (migrations.head_revision() != OLDEST)


def test_a_failed_migration_restores_the_store(vault_factory, tmp_path: Path) -> None:
    profile = tmp_path / "profile"
    vault = vault_factory.open(profile)
    with vault.unit_of_work() as uow:
        uow.create(
            "contact",
            {
                "occurred_at": now_utc(),
                "channel": "autre",
                "outcome": "information",
                "note": "à garder",
            },
        )
    vault.lock()
    scripts = tmp_path / "migrations"
    shutil.copytree(
        migrations.SCRIPT_LOCATION, scripts, ignore=shutil.ignore_patterns("__pycache__")
    )
    head = migrations.head_revision()
    (scripts / "versions" / "9999_broken.py").write_text(
        f'''"""A migration that fails half-way."""
import sqlalchemy as sa
from alembic import op

revision = "9999"
down_revision = "{head}"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("contact", sa.Column("extra", sa.Text()))
    op.execute("UPDATE contact SET note = 'abîmée'")
    raise RuntimeError("migration volontairement cassée")


def downgrade() -> None:
    pass
'''
    )
    db = profile / "mediateur.db"
    engine, registry = make_engine(db, KeyHolder(vault_factory.key))
    with pytest.raises(MigrationFailed) as caught:
        migrations.upgrade(engine, db, backup=True, script_location=scripts)
    registry.close_all()
    assert "restaurée" in str(caught.value)
    vault = Vault.open_with_key(profile, vault_factory.key)
    try:
        assert migrations.current_revision(vault.engine) == head
        with vault.session() as session:
            notes = session.execute(select(contact.c.note)).scalars().all()
            columns = [r[1] for r in session.execute(text("PRAGMA table_info(contact)"))]
        assert notes == ["à garder"]
        assert "extra" not in columns
    finally:
        vault.lock()
