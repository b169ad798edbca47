"""The database is encrypted, keyed, configured and refused when it cannot be."""

from __future__ import annotations

import logging
import sqlite3
import tempfile
import threading
import uuid
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from mediateur.domain.values import now_utc
from mediateur.store import engine as engine_module
from mediateur.store import errors
from mediateur.store.schema import beneficiary, contact, outbox
from mediateur.store.vault import Vault
from tests.support.vaults import PASSPHRASE


def test_every_connection_has_the_pragmas(vault: Vault) -> None:
    expected = {
        "journal_mode": "wal",
        "synchronous": 2,  # FULL
        "foreign_keys": 1,
        "secure_delete": 1,
        "temp_store": 2,  # MEMORY
        "busy_timeout": 5000,
    }
    connections = [vault.engine.connect() for _ in range(3)]
    try:
        for conn in connections:
            for pragma, value in expected.items():
                assert conn.exec_driver_sql(f"PRAGMA {pragma}").scalar() == value, pragma
            assert conn.exec_driver_sql("PRAGMA cipher_version").scalar()
            assert str(conn.exec_driver_sql("PRAGMA cipher_memory_security").scalar()) == "1"
    finally:
        for conn in connections:
            conn.close()


def test_canaries_never_reach_the_disk_in_clear(
    vault_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    caplog.set_level(logging.DEBUG)
    canary = f"Canari{uuid.uuid4().hex[:10]}"
    profile = tmp_path / "profile"
    vault = vault_factory.open(profile)
    with vault.unit_of_work() as uow:
        person = uow.create(
            "beneficiary",
            {
                "last_name": canary,
                "first_name": canary,
                "phone": "06 12 34 56 78",
                "intake_date": now_utc().date(),
                "note" if False else "project": canary,
            },
        )
        for _ in range(50):
            uow.create(
                "contact",
                {
                    "occurred_at": now_utc(),
                    "channel": "evenement",
                    "outcome": "information",
                    "note": f"{canary} rencontrée",
                    "beneficiary_id": person,
                },
            )
    with vault.unit_of_work() as uow:
        uow.update("beneficiary", person, {"address": f"12 rue {canary}"})
    with vault.unit_of_work() as uow:
        uow.delete("beneficiary", person)
    vault.lock()
    vault = Vault.open_with_key(profile, vault_factory.key)  # reopen: migrations, WAL replay
    vault.lock()
    needle = canary.encode()
    scanned = [p for root in (profile, scratch) for p in root.rglob("*") if p.is_file()]
    assert any(p.name.endswith("-wal") or p.name == "mediateur.db" for p in scanned)
    for path in scanned:
        data = path.read_bytes()
        assert needle not in data, path
        assert needle not in data.decode("latin-1").encode("utf-16-le"), path
    assert canary not in caplog.text


def test_stdlib_sqlite3_in_place_of_sqlcipher_is_refused(
    vault_factory, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    profile = vault_factory.copy(tmp_path / "profile")
    before = (profile / "mediateur.db").read_bytes()
    monkeypatch.setattr(engine_module, "sqlcipher3", sqlite3)
    with pytest.raises(errors.EncryptionUnavailable):
        Vault.open_with_key(profile, vault_factory.key)
    with pytest.raises(errors.EncryptionUnavailable):
        Vault.create(tmp_path / "new", "une phrase de passe neuve")
    assert (profile / "mediateur.db").read_bytes() == before
    new_db = tmp_path / "new" / "mediateur.db"
    assert not new_db.exists() or new_db.stat().st_size == 0


def _fill(vault: Vault, rows: int) -> None:
    with vault.unit_of_work() as uow:
        for i in range(rows):
            uow.create(
                "contact",
                {
                    "occurred_at": now_utc(),
                    "channel": "pied_immeuble",
                    "outcome": "information",
                    "note": f"note {i} " + "x" * 300,
                },
            )
    with vault.engine.connect() as conn:
        conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")


def test_a_flipped_bit_in_the_database_is_reported_as_tampering(
    vault_factory, tmp_path: Path
) -> None:
    profile = tmp_path / "profile"
    vault = vault_factory.open(profile)
    _fill(vault, 400)
    vault.lock()
    db = profile / "mediateur.db"
    data = bytearray(db.read_bytes())
    page_size = 4096
    assert len(data) > 20 * page_size
    target = 12 * page_size + 1000
    data[target] ^= 0x04
    db.write_bytes(bytes(data))
    vault = Vault.open_with_key(profile, vault_factory.key)
    try:
        problems = vault.check_integrity()
        assert problems
        assert any("HMAC" in p or "page" in p for p in problems)
    finally:
        vault.lock()


def test_a_wrong_key_is_refused_without_writing(vault_factory, tmp_path: Path) -> None:
    profile = vault_factory.copy(tmp_path / "profile")
    before = (profile / "mediateur.db").read_bytes()
    with pytest.raises(errors.DatabaseTampered):
        Vault.open_with_key(profile, bytes(32))
    assert (profile / "mediateur.db").read_bytes() == before


def test_idle_lock_closes_connections_opened_on_other_threads(vault: Vault) -> None:
    held = threading.Event()
    release = threading.Event()
    raw_connections: list[object] = []

    def holder() -> None:
        conn = vault.engine.connect()
        conn.execute(select(func.count()).select_from(contact)).scalar()
        raw_connections.append(conn.connection.dbapi_connection)
        held.set()
        release.wait(5)

    def pooled() -> None:
        with vault.session() as session:
            session.execute(select(func.count()).select_from(beneficiary)).scalar()
            raw_connections.append(session.connection().connection.dbapi_connection)

    threads = [threading.Thread(target=holder), threading.Thread(target=pooled)]
    for thread in threads:
        thread.start()
    held.wait(5)
    threads[1].join(5)
    assert len(raw_connections) == 2
    vault.lock()
    release.set()
    threads[0].join(5)
    for raw in raw_connections:
        with pytest.raises(Exception, match="closed"):
            raw.execute("SELECT 1")  # type: ignore[attr-defined]
    with pytest.raises(errors.VaultLocked):
        vault.session()
    assert vault._key.alive is False
    assert all(b == 0 for b in vault._key._key)


def test_reopening_after_lock_needs_the_passphrase(vault_factory, tmp_path: Path) -> None:
    profile = vault_factory.copy(tmp_path / "profile")
    vault = Vault.unlock(profile, PASSPHRASE)
    vault.lock()
    with pytest.raises(errors.VaultLocked):
        vault.write_session()
    vault = Vault.unlock(profile, PASSPHRASE)
    with vault.session() as session:
        assert session.execute(text("SELECT 1")).scalar() == 1
    vault.lock()


def _create_then_fail(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        uow.create(
            "contact", {"occurred_at": now_utc(), "channel": "autre", "outcome": "information"}
        )
        raise RuntimeError("abandon")


def test_unit_of_work_writes_row_and_outbox_together(vault: Vault) -> None:
    with pytest.raises(RuntimeError, match="abandon"):
        _create_then_fail(vault)
    with vault.session() as session:
        assert session.execute(select(func.count()).select_from(contact)).scalar() == 0
        assert session.execute(select(func.count()).select_from(outbox)).scalar() == 0


def test_outbox_records_only_changed_fields(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        record = uow.create(
            "contact", {"occurred_at": now_utc(), "channel": "autre", "outcome": "information"}
        )
    with vault.unit_of_work() as uow:
        assert uow.update("contact", record, {"channel": "autre", "note": "rappeler"}) == {
            "note": "rappeler"
        }
        assert uow.update("contact", record, {"note": "rappeler"}) == {}
    with vault.session() as session:
        entries = session.execute(select(outbox).order_by(outbox.c.seq)).mappings().all()
    assert len(entries) == 2
    assert set(entries[0]["fields"]) >= {"occurred_at", "channel", "outcome", "note"}
    assert entries[1]["fields"] == {"note": "rappeler"}
    assert entries[0]["seq"] < entries[1]["seq"]
    assert entries[0]["hlc"] < entries[1]["hlc"]
