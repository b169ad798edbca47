"""The sync client under crashes and a bad network, against a real server process on loopback:
a kill at any step converges, a silent server times out, a flaky network loses nothing."""

from __future__ import annotations

import random
import shutil
import time
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mediateur.failpoints import FAILPOINT_EXIT_CODE
from mediateur.store.schema import outbox, synced_tables
from mediateur.store.vault import Vault
from mediateur.sync import errors
from mediateur.sync.engine import SyncEngine
from mediateur.sync.transport import HttpTransport
from tests.e2e.conftest import PASSPHRASE, PASSWORD, Deployment, mediateur
from tests.support.faultproxy import FaultProxy, Faults
from tests.sync.scenarios import add_contact, edit, enrol

pytestmark = pytest.mark.slow

CLIENT_FAILPOINTS = [
    "sync.push.before_send",
    "sync.push.after_response",
    "sync.push.after_apply",
    "sync.pull.before_cursor",
    "sync.pull.after_page",
]


def dump(directory: Path) -> dict[str, Any]:
    """Every synced row and the outbox of a profile, comparable across runs: the data, not the
    server's bookkeeping (a replayed answer may re-log a record under a newer seq)."""
    vault = Vault.unlock(directory, PASSPHRASE)
    try:
        with vault.session() as session:
            state: dict[str, Any] = {
                name: sorted(
                    (
                        {k: v for k, v in row.items() if k != "server_seq"}
                        for row in session.execute(select(table)).mappings()
                    ),
                    key=lambda row: row["id"],
                )
                for name, table in synced_tables.items()
            }
            state["outbox"] = session.execute(select(outbox.c.mutation_id)).scalars().all()
    finally:
        vault.lock()
    return state


def test_a_client_killed_at_any_step_converges_like_a_clean_run(
    deployment: Deployment,
    profile,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    deployment.add_user("amina")
    original = profile(deployment, "amina")
    vault = Vault.unlock(original, PASSPHRASE)
    try:
        people = [
            enrol(vault, name, "Prénom") for name in ("Abadie", "Bernard", "Carré", "Diop", "Éloi")
        ]
        for i in range(40):
            add_contact(vault, f"contact {i}")
        edit(vault, people[0], project="Cariste")
    finally:
        vault.lock()
    # Every run starts from a copy of the same laptop: same records, same mutation ids.
    clean = shutil.copytree(original, tmp_path / "clean")
    done = mediateur("sync", "--profile", str(clean))
    assert done.returncode == 0, done.stderr
    expected = dump(clean)
    assert expected["outbox"] == []
    for point in CLIENT_FAILPOINTS:
        crashed = shutil.copytree(original, tmp_path / point)
        done = mediateur(
            "sync", "--profile", str(crashed), env={"MEDIATEUR_FAILPOINT": f"{point}:1"}
        )
        assert done.returncode == FAILPOINT_EXIT_CODE, (point, done.stderr)
        done = mediateur("sync", "--profile", str(crashed))
        assert done.returncode == 0, (point, done.stderr)
        assert dump(crashed) == expected, point


@pytest.mark.parametrize("point", ["server.push.mutation:120", "server.push.committed:1"])
def test_a_server_killed_mid_push_then_restarted_loses_nothing(
    deployment: Deployment,
    vault_factory,
    tmp_path: Path,
    point: str,  # type: ignore[no-untyped-def]
) -> None:
    """Killed halfway through a batch (rolled back) or after its commit but before its answer
    was stored (applied, answer lost): the laptop's retry, once the dead claim is taken over,
    lands every record exactly once."""
    deployment.add_user("amina")
    server = deployment.server
    restart_env = {"MEDIATEUR_PUSH_TAKEOVER_SECONDS": "1"}
    server.stop()
    server.start({**restart_env, "MEDIATEUR_FAILPOINT": point})
    vault = vault_factory.open(tmp_path / "laptop")
    try:
        engine = SyncEngine(vault, HttpTransport(server.url), max_attempts=2, sleep=lambda _s: None)
        engine.login(server.url, "amina", PASSWORD)
        created = {add_contact(vault, f"contact {i}") for i in range(250)}
        with pytest.raises((errors.NetworkError, errors.ServerUnavailable)):
            engine.sync()
        assert server.process is not None
        assert server.process.wait(10) == FAILPOINT_EXIT_CODE
        server.start(restart_env)
        retrying = SyncEngine(vault, HttpTransport(server.url), sleep=time.sleep)
        report = retrying.sync()
        assert report.rejected == 0
        with vault.session() as session:
            assert session.execute(select(outbox)).first() is None
        again = retrying.sync()
        assert (again.sent, again.received) == (0, 0)
    finally:
        vault.lock()
    observer = vault_factory.open(tmp_path / "observer")
    try:
        direct = SyncEngine(observer, HttpTransport(server.url))
        direct.login(server.url, "amina", PASSWORD, "observateur")
        direct.sync()
        assert set(_live(observer, "contact")) == created
    finally:
        observer.lock()


def test_a_server_that_never_answers_times_out_within_bounds(
    deployment: Deployment,
    vault_factory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    deployment.add_user("amina")
    proxy = FaultProxy(deployment.server.port, Faults(hang=1.0))
    vault = vault_factory.open(tmp_path / "laptop")
    try:
        engine = SyncEngine(
            vault,
            HttpTransport(proxy.url, timeout=(1.0, 1.5)),
            max_attempts=2,
            sleep=lambda _s: None,
        )
        started = time.monotonic()
        with pytest.raises(errors.NetworkError):
            engine.login(proxy.url, "amina", PASSWORD)
        assert time.monotonic() - started < 2 * (1.0 + 1.5) + 1
    finally:
        vault.lock()
        proxy.close()


def test_a_flaky_network_loses_and_duplicates_nothing(
    deployment: Deployment,
    vault_factory,
    tmp_path: Path,  # type: ignore[no-untyped-def]
) -> None:
    for username in ("amina", "bruno", "chloe"):
        deployment.add_user(username, "manager" if username == "chloe" else "mediator")
    faults = Faults(latency_ms=(0, 40), reset=0.1, drop_response=0.1, truncate=0.1, seed=7)
    proxy = FaultProxy(deployment.server.port, faults)
    rng = random.Random(2026)
    laptops = []
    try:
        for username in ("amina", "bruno", "chloe"):
            vault = vault_factory.open(tmp_path / username)
            engine = SyncEngine(
                vault,
                HttpTransport(proxy.url, timeout=(2.0, 5.0)),
                max_attempts=20,
                sleep=lambda s: time.sleep(min(s, 0.02)),
            )
            _until_done(
                lambda engine=engine, username=username: engine.login(proxy.url, username, PASSWORD)
            )
            laptops.append((vault, engine))
        people: list[str] = []
        contacts: set[str] = set()
        deadline = time.monotonic() + 100
        for step in range(300):
            assert time.monotonic() < deadline, "the soak must stay within its time bound"
            vault, engine = rng.choice(laptops)
            action = rng.random()
            if action < 0.45:
                contacts.add(add_contact(vault, f"étape {step}"))
            elif action < 0.6 or not people:
                people.append(enrol(vault, "Personne", _letters(step)))
            elif action < 0.85:
                person = rng.choice(people)
                if person in _live(vault, "beneficiary"):
                    edit(vault, person, project=f"projet {step}")
            else:
                _until_done(engine.sync)
        for _ in range(2):
            for _vault, engine in laptops:
                _until_done(engine.sync)
        assert sum(faults.counts.values()) > 20, faults.counts
        observer = vault_factory.open(tmp_path / "observer")
        direct = SyncEngine(observer, HttpTransport(deployment.server.url))
        direct.login(deployment.server.url, "chloe", PASSWORD)
        direct.sync()
        assert set(_live(observer, "contact")) == contacts
        assert set(_live(observer, "beneficiary")) == set(people)
        for entity in ("contact", "beneficiary"):
            truth = _live(observer, entity)
            for vault, _engine in laptops:
                assert _live(vault, entity) == truth, entity
        for vault, _engine in laptops:
            with vault.session() as session:
                assert session.execute(select(outbox)).first() is None
        observer.lock()
    finally:
        for vault, _engine in laptops:
            vault.lock()
        proxy.close()


def _letters(number: int) -> str:
    """A first name made of letters only (names refuse digits)."""
    return "".join(chr(ord("a") + int(d)) for d in str(number)).capitalize()


def _until_done(action) -> Any:  # type: ignore[no-untyped-def]
    """Retry a sync interrupted by the network, as the app's timer does."""
    for _ in range(30):
        try:
            return action()
        except (errors.NetworkError, errors.ServerUnavailable):
            continue
    raise AssertionError("the network never let this sync finish")


def _live(vault: Vault, entity: str) -> dict[str, dict[str, Any]]:
    table = synced_tables[entity]
    with vault.session() as session:
        rows = session.execute(select(table).where(table.c.deleted.is_(False))).mappings()
        return {
            row["id"]: {k: v for k, v in row.items() if k not in ("server_seq",)} for row in rows
        }
