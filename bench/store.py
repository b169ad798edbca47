"""Encrypted store: write throughput vs plain SQLite (same code path), latency of one save, unlock
and open-after-unlock times. Budgets: DESIGN.md §10."""

from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

from bench.common import median_of, percentile, publish, verdict
from mediateur.domain.values import now_utc
from mediateur.store import vault as vault_module
from mediateur.store.engine import (
    ConnectionRegistry,
    KeyHolder,
    apply_connection_pragmas,
    install_explicit_transactions,
)
from mediateur.store.vault import Vault

CONTACTS = 20_000
PER_TRANSACTION = 1_000
SINGLE_SAVES = 300
PASSPHRASE = "phrase de passe du banc d'essai"


def _plain_engine(db_path: Path, _key: KeyHolder, **_: Any) -> tuple[Engine, ConnectionRegistry]:
    """The baseline: stdlib SQLite with the same pragmas and transaction handling, no key."""
    engine = create_engine(
        f"sqlite:///{db_path}", module=sqlite3, connect_args={"check_same_thread": False}
    )

    @event.listens_for(engine, "connect")
    def _connect(dbapi_connection: Any, _record: Any) -> None:
        dbapi_connection.isolation_level = None
        apply_connection_pragmas(dbapi_connection)

    install_explicit_transactions(engine)
    return engine, ConnectionRegistry()


def _contact(i: int) -> dict[str, Any]:
    return {
        "occurred_at": now_utc(),
        "channel": "pied_immeuble",
        "qpv": "genicart_est",
        "gender": "f",
        "age_band": "25_44",
        "themes": ["mobilite", "numerique"],
        "outcome": "information",
        "note": f"Personne rencontrée au pied de l'immeuble, numéro {i}, à rappeler la semaine prochaine",
    }


def _insert_throughput(vault: Vault) -> float:
    start = time.perf_counter()
    for first in range(0, CONTACTS, PER_TRANSACTION):
        with vault.unit_of_work() as uow:
            for i in range(first, first + PER_TRANSACTION):
                uow.create("contact", _contact(i))
    return CONTACTS / (time.perf_counter() - start)


def _single_saves(vault: Vault) -> list[float]:
    latencies = []
    for i in range(SINGLE_SAVES):
        start = time.perf_counter()
        with vault.unit_of_work() as uow:
            uow.create("contact", _contact(i))
        latencies.append((time.perf_counter() - start) * 1000)
    return latencies


def _measure(directory: Path, plain: bool) -> tuple[float, list[float]]:
    original = vault_module.make_engine
    if plain:
        vault_module.make_engine = _plain_engine  # type: ignore[assignment]
    try:
        vault, _ = Vault.create(directory, PASSPHRASE)
        try:
            throughput = _insert_throughput(vault)
            latencies = _single_saves(vault)
        finally:
            vault.lock()
    finally:
        vault_module.make_engine = original
    return throughput, latencies


def main() -> None:
    with tempfile.TemporaryDirectory() as scratch:
        root = Path(scratch)
        # Alternate the two stores so machine noise hits both alike.
        encrypted, plain = [], []
        for round_ in range(2):
            encrypted.append(_measure(root / f"enc{round_}", plain=False))
            plain.append(_measure(root / f"plain{round_}", plain=True))
        enc_rate = max(r for r, _ in encrypted)
        plain_rate = max(r for r, _ in plain)
        latencies = [ms for _, lat in encrypted for ms in lat]
        plain_latencies = [ms for _, lat in plain for ms in lat]
        profile = root / "enc0"
        key = Vault.unlock(profile, PASSPHRASE)._dek()
        unlock_s = median_of(lambda: Vault.unlock(profile, PASSPHRASE).lock(), runs=5)
        open_ms = 1000 * median_of(lambda: Vault.open_with_key(profile, key).lock(), runs=10)
    ratio = enc_rate / plain_rate
    p50, p95 = percentile(latencies, 50), percentile(latencies, 95)
    results = {
        "contacts": CONTACTS,
        "encrypted_rows_per_s": round(enc_rate),
        "plain_rows_per_s": round(plain_rate),
        "throughput_ratio": round(ratio, 3),
        "save_p50_ms": round(p50, 2),
        "save_p95_ms": round(p95, 2),
        "plain_save_p95_ms": round(percentile(plain_latencies, 95), 2),
        "unlock_s": round(unlock_s, 3),
        "open_after_unlock_ms": round(open_ms, 1),
    }
    table = f"""
| measure | result | budget | |
|---|---|---|---|
| insert {CONTACTS:,} contacts through the vault (row + outbox, {PER_TRANSACTION} per transaction) | {enc_rate:,.0f} rows/s | | |
| same code path on plain SQLite | {plain_rate:,.0f} rows/s | | |
| ratio encrypted / plain | {ratio:.2f} | ≥ 0.6 | {verdict(ratio >= 0.6)} |
| one save (row + outbox, own transaction, fsync), p50 / p95 over {2 * SINGLE_SAVES} | {p50:.2f} / {p95:.2f} ms | p95 < 20 ms | {verdict(p95 < 20)} |
| unlock (Argon2id t=3, m=64 MiB, p=4, + open), median of 5 | {unlock_s * 1000:.0f} ms | 150–1000 ms | {verdict(0.15 <= unlock_s <= 1)} |
| open after unlock (raw key, migrations check, clock), median of 10 | {open_ms:.1f} ms | < 50 ms | {verdict(open_ms < 50)} |
"""
    publish("store", results, table)
    print(table)


if __name__ == "__main__":
    main()
