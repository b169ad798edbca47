"""Crash safety: kills at any moment of a save or of a passphrase change lose nothing half-way."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import select

from mediateur.failpoints import FAILPOINT_EXIT_CODE
from mediateur.store import errors
from mediateur.store.schema import contact, outbox
from mediateur.store.vault import Vault
from tests.support.vaults import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]
pytestmark = pytest.mark.slow


def _child(mode: str, profile: Path, env: dict[str, str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "tests.support.crash_child", mode, str(profile)],
        cwd=ROOT,
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _check_rows_match_outbox(vault: Vault) -> int:
    """Every row has its creation entry, every entry its row, and the row holds its last edit."""
    with vault.session() as session:
        rows = {r.id: r for r in session.execute(select(contact))}
        entries = session.execute(select(outbox).order_by(outbox.c.seq)).mappings().all()
    created = {e["row_id"] for e in entries if "occurred_at" in e["fields"]}
    assert set(rows) == created
    last_note: dict[str, str] = {}
    for entry in entries:
        assert entry["row_id"] in rows
        if "note" in entry["fields"]:
            last_note[entry["row_id"]] = entry["fields"]["note"]
    for row_id, note in last_note.items():
        assert rows[row_id].note == note
    return len(rows)


def test_killed_saves_never_split_a_row_from_its_outbox_entry(
    vault_factory, tmp_path: Path
) -> None:
    profile = vault_factory.copy(tmp_path / "profile")
    env = {"MEDIATEUR_TEST_KEY": vault_factory.key.hex()}
    rng = random.Random(20261126)
    points = ["uow.after_row", "uow.before_outbox", "uow.after_outbox"]
    runs = [("failpoint", f"{rng.choice(points)}:{rng.randint(1, 160)}") for _ in range(10)]
    runs += [("sigkill", f"{rng.uniform(0.0, 0.25):.3f}") for _ in range(10)]
    total_before = 0
    killed_mid_run = 0
    for kind, parameter in runs:
        if kind == "failpoint":
            child = _child("saves", profile, {**env, "MEDIATEUR_FAILPOINT": parameter})
            child.wait(60)
            assert child.returncode == FAILPOINT_EXIT_CODE, (
                child.stderr.read() if child.stderr else ""
            )
        else:
            child = _child("saves", profile, env)
            assert child.stdout is not None
            assert child.stdout.readline().strip() == "ready"
            time.sleep(float(parameter))
            child.send_signal(signal.SIGKILL)
            child.wait(60)
            killed_mid_run += child.returncode == -signal.SIGKILL
        vault = Vault.open_with_key(profile, vault_factory.key)
        try:
            total = _check_rows_match_outbox(vault)
        finally:
            vault.lock()
        assert total >= total_before
        total_before = total
    assert total_before > 0
    assert killed_mid_run >= 5, "most SIGKILLs must land while the child is saving"
    vault = Vault.open_with_key(profile, vault_factory.key)
    try:
        assert vault.check_integrity() == []
    finally:
        vault.lock()


PASSPHRASE_STEPS = [
    f"passphrase.{phase}.{copy}.{step}"
    for phase in ("add", "remove")
    for copy in ("primary", "backup")
    for step in ("written", "synced", "replaced")
] + ["passphrase.add.before_backup", "passphrase.added", "passphrase.remove.before_backup"]


@pytest.mark.parametrize("point", PASSPHRASE_STEPS)
def test_kill_during_passphrase_change_leaves_old_or_new_working(
    vault_factory, tmp_path: Path, point: str
) -> None:
    profile = vault_factory.copy(tmp_path / "profile")
    new = "la nouvelle phrase de passe"
    child = _child(
        "passphrase",
        profile,
        {"MEDIATEUR_TEST_OLD": PASSPHRASE, "MEDIATEUR_TEST_NEW": new, "MEDIATEUR_FAILPOINT": point},
    )
    child.wait(60)
    assert child.returncode == FAILPOINT_EXIT_CODE, child.stderr.read() if child.stderr else ""
    working = []
    for candidate in (PASSPHRASE, new):
        try:
            Vault.unlock(profile, candidate).lock()
            working.append(candidate)
        except errors.WrongPassphrase:
            pass
    assert working, f"no passphrase opens the vault after a kill at {point}"
    Vault.unlock_with_recovery(profile, vault_factory.recovery_code).lock()
