"""Sync client throughput against a real server (`serve --workers 2`, PostgreSQL, loopback):
push of 10 000 pending mutations, initial sync of 50 000 records to a fresh profile, peak
memory of each, and the ratio to a raw download of the same pull pages. Budgets: DESIGN.md §10
(initial pull ≥ 5 000 records/s; push of 10 000 < 10 s, bounded memory).

The same measures are taken a second time with SQLCipher's `cipher_memory_security` off, which
the app never does (DESIGN.md §3 wants it on): it is by far the largest cost of the laptop's
encrypted writes, and the figures show what it costs. It is process-wide once set, so each
setting is measured in its own child process (`python -m bench.sync --child on|off`)."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
import tracemalloc
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from bench.common import publish, verdict
from mediateur.store import engine as store_engine
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.sync.engine import SyncEngine
from mediateur.sync.transport import HttpTransport
from tests.support.live_server import LiveServer, server_cli
from tests.support.postgres import fresh_database
from tests.support.vaults import VaultFactory

PASSWORD = "mot de passe du banc d'essai"
PUSHED = 10_000
TOTAL = 50_000
PER_TRANSACTION = 2_000


def _fill(vault: Vault, count: int, label: str) -> None:
    """Offline work of a laptop: `count` contacts saved through the real unit of work."""
    for first in range(0, count, PER_TRANSACTION):
        with vault.unit_of_work() as uow:
            for i in range(first, min(count, first + PER_TRANSACTION)):
                uow.create(
                    "contact",
                    {
                        "occurred_at": datetime.now(UTC),
                        "channel": "pied_immeuble",
                        "qpv": "genicart_est",
                        "gender": "f",
                        "age_band": "25_44",
                        "themes": ["mobilite"],
                        "outcome": "information",
                        "note": f"{label} {i} : rencontrée au pied de l'immeuble",
                    },
                )


def _laptop(
    factory: VaultFactory, root: Path, name: str, url: str, user: str
) -> tuple[Vault, SyncEngine]:
    vault = factory.open(root / name)
    engine = SyncEngine(vault, HttpTransport(url))
    engine.login(url, user, PASSWORD, name)
    return vault, engine


def _timed(action: Callable[[], Any]) -> float:
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def _peak_heap(action: Callable[[], Any]) -> float:
    """Peak Python heap in MiB of a second, identical run: tracemalloc slows allocation-heavy
    code by half or more, so the timed run goes without it."""
    tracemalloc.start()
    action()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def _raw_download(url: str, token: str) -> tuple[float, int]:
    """The same pull pages fetched and thrown away: the network and server share of a sync."""
    session = requests.Session()
    headers = {"Authorization": f"Bearer {token}"}
    started, received, cursor = time.perf_counter(), 0, None
    while True:
        params = {"limit": "500", **({"cursor": cursor} if cursor else {})}
        page = session.get(f"{url}/api/v1/sync/pull", params=params, headers=headers, timeout=60)
        page.raise_for_status()
        body = page.json()
        received += len(body["changes"])
        cursor = body["next_cursor"]
        if not body["has_more"]:
            return time.perf_counter() - started, received


def _measure_here() -> dict[str, Any]:
    with (
        fresh_database(prefix="mediateur_bench_sync") as url,
        tempfile.TemporaryDirectory() as scratch,
    ):
        root = Path(scratch)
        server_cli(url, "migrate")
        org = server_cli(url, "create-org", "Banc d'essai").strip().split()[-1]
        for user, role in (("saisie", "mediator"), ("lecture", "mediator")):
            server_cli(
                url,
                "create-user",
                user,
                "--org",
                org,
                "--role",
                role,
                env={"MEDIATEUR_PASSWORD": PASSWORD},
            )
        server = LiveServer(url, workers=2).start()
        try:
            factory = VaultFactory(root / "template")
            writer, writer_engine = _laptop(factory, root, "writer", server.url, "saisie")
            with writer.session() as session:
                memory_security = (
                    session.connection().exec_driver_sql("PRAGMA cipher_memory_security").scalar()
                )
            traced, traced_engine = _laptop(factory, root, "traced", server.url, "saisie")
            _fill(writer, PUSHED, "poussé")
            _fill(traced, PUSHED, "mesuré")
            push_s = _timed(writer_engine.sync)
            push_peak = _peak_heap(traced_engine.sync)
            _fill(writer, TOTAL - 2 * PUSHED, "rempli")
            writer_engine.sync()
            reader, reader_engine = _laptop(factory, root, "reader", server.url, "lecture")
            pull_s = _timed(reader_engine.sync)
            second, second_engine = _laptop(factory, root, "second", server.url, "lecture")
            pull_peak = _peak_heap(second_engine.sync)
            with reader.session() as session:
                token = local_state.get(session, local_state.TOKEN) or ""
            raw_s, raw_count = _raw_download(server.url, token)
            for vault in (writer, traced, reader, second):
                vault.lock()
        finally:
            server.stop()
    push_rate = PUSHED / push_s
    pull_rate = TOTAL / pull_s
    return {
        "cipher_memory_security": str(memory_security),
        "pushed": PUSHED,
        "push_s": round(push_s, 2),
        "push_mutations_per_s": round(push_rate),
        "push_peak_mib": round(push_peak, 1),
        "initial_sync_records": TOTAL,
        "initial_sync_s": round(pull_s, 2),
        "initial_sync_records_per_s": round(pull_rate),
        "initial_sync_peak_mib": round(pull_peak, 1),
        "raw_download_s": round(raw_s, 2),
        "raw_download_records": raw_count,
        "sync_to_raw_ratio": round(pull_s / raw_s, 2),
    }


def _child(memory_security: str) -> None:
    if memory_security == "off":
        store_engine.CONNECTION_PRAGMAS = tuple(
            p for p in store_engine.CONNECTION_PRAGMAS if "cipher_memory_security" not in p
        )
    print(json.dumps(_measure_here()))


def _measured(memory_security: str) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-m", "bench.sync", "--child", memory_security],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def _rows(r: dict[str, Any], label: str) -> str:
    push_s, pull_s = r["push_s"], r["initial_sync_s"]
    return (
        f"| push {PUSHED:,} pending mutations{label} | {push_s:.1f} s "
        f"({r['push_mutations_per_s']:,}/s), peak heap {r['push_peak_mib']:.0f} MiB "
        f"| < 10 s, bounded memory | {verdict(push_s < 10)} |\n"
        f"| initial sync of {TOTAL:,} records to a fresh profile{label} | {pull_s:.1f} s "
        f"({r['initial_sync_records_per_s']:,} records/s), peak heap "
        f"{r['initial_sync_peak_mib']:.0f} MiB | ≥ 5 000 records/s "
        f"| {verdict(r['initial_sync_records_per_s'] >= 5000)} |\n"
        f"| raw download of the same pull pages (no apply){label} | {r['raw_download_s']:.1f} s "
        f"| | |\n"
        f"| initial sync / raw download{label} | {r['sync_to_raw_ratio']:.2f}× | | |\n"
    )


def main() -> None:
    shipped = _measured("on")
    without = _measured("off")
    results = {"shipped": shipped, "cipher_memory_security_off": without}
    table = f"""
| measure | result | budget | |
|---|---|---|---|
{_rows(shipped, "")}{_rows(without, " — *memory security off, not shipped*")}
Batches of 200 (stored, acknowledged, rows applied); pages of 500, each applied with its cursor.
Server: `mediateur-server serve --workers 2` on 127.0.0.1 with PostgreSQL 15, same machine.
Times are taken without tracemalloc; each peak heap comes from a second, identical run under it.
The rows marked *not shipped* turn SQLCipher's `cipher_memory_security` off, which the app never
does (DESIGN.md §3): they show the cost of that setting alone.
"""
    publish("sync", results, table)
    print(table)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        _child(sys.argv[2])
    else:
        main()
