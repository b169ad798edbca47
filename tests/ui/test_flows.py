"""The first-run and unlock flows, without Qt, on real vaults."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from mediateur.paths import list_profiles, profiles_dir
from mediateur.store.errors import MalformedRecoveryCode, WrongPassphrase, WrongRecoveryCode
from mediateur.store.keyslots import format_recovery_code
from mediateur.store.vault import Vault
from mediateur.ui.flows.first_run import FirstRunFlow, FirstRunStep
from mediateur.ui.flows.passphrase import FlowError, Strength, strength_hint
from mediateur.ui.flows.unlock import UnlockFlow, UnlockMode, UnlockThrottle, wait_message
from tests.support.vaults import PASSPHRASE, VaultFactory

GOOD = "trois mots faciles à retenir"


def test_flows_and_crash_reports_load_without_qt() -> None:
    code = (
        "import sys\n"
        "import mediateur.ui.flows.first_run, mediateur.ui.flows.unlock\n"
        "import mediateur.ui.crash_report\n"
        "loaded = sorted(m for m in sys.modules if m.startswith(('PySide6', 'shiboken6')))\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


@pytest.mark.parametrize(
    ("text", "strength"),
    [
        ("", Strength.TOO_SHORT),
        ("court", Strength.TOO_SHORT),
        ("           a", Strength.TOO_SHORT),
        ("aaaabbbbaaaa", Strength.TOO_REPETITIVE),
        ("chevalbleu12", Strength.FAIR),
        (GOOD, Strength.STRONG),
    ],
)
def test_strength_hint(text: str, strength: Strength) -> None:
    hint = strength_hint(text)
    assert hint.strength is strength
    assert hint.message


def test_strength_hint_counts_missing_characters() -> None:
    assert strength_hint("abcdefghi").message == "Trop courte : encore 3 caractères."
    assert strength_hint("abcdefghijk").message == "Trop courte : encore 1 caractère."


def test_first_run_refuses_bad_input_and_writes_nothing(home: Path) -> None:
    flow = FirstRunFlow(home=home)
    with pytest.raises(FlowError) as caught:
        flow.creation_job(name="  ", passphrase="court", confirmation="autre")
    fields = {p.field for p in caught.value.problems}
    assert fields == {"profile_name", "passphrase"}
    with pytest.raises(FlowError) as caught:
        flow.creation_job(name="marie", passphrase=GOOD, confirmation=GOOD + "x")
    assert [p.field for p in caught.value.problems] == ["confirmation"]
    for name in ("../évasion", "CON", "nom.", "x" * 41):
        assert flow.name_problems(name), name
    assert not profiles_dir(home).exists()
    assert flow.step is FirstRunStep.DETAILS


def test_first_run_creates_the_profile_and_forgets_the_code(home: Path) -> None:
    flow = FirstRunFlow(home=home)
    assert flow.suggested_name() == "principal"
    job = flow.creation_job(name="Marie-Claire", passphrase=GOOD, confirmation=GOOD)
    flow.created(job())
    assert flow.step is FirstRunStep.RECOVERY_CODE
    code = flow.recovery_code
    vault = flow.code_noted()
    assert flow.step is FirstRunStep.DONE
    with pytest.raises(RuntimeError):
        _ = flow.recovery_code
    assert [p.name for p in list_profiles(home)] == ["Marie-Claire"]
    vault.lock()
    Vault.unlock(profiles_dir(home) / "Marie-Claire", GOOD).lock()
    Vault.unlock_with_recovery(profiles_dir(home) / "Marie-Claire", code).lock()
    again = FirstRunFlow(home=home)
    assert again.name_problems("marie-claire"), "names differing by case clash on Windows"


def test_first_run_in_a_given_directory(tmp_path: Path, home: Path) -> None:
    target = tmp_path / "cle-usb" / "profil"
    flow = FirstRunFlow(home=home, directory=target)
    assert not flow.asks_name
    flow.created(flow.creation_job(name="", passphrase=GOOD, confirmation=GOOD)())
    flow.code_noted().lock()
    assert (target / "vault.json").is_file()
    assert FirstRunFlow(home=home, directory=target).problems(
        name="", passphrase=GOOD, confirmation=GOOD
    ), "an existing vault must never be overwritten"


def test_throttle_grows_after_the_free_attempts() -> None:
    throttle = UnlockThrottle()
    delays = [throttle.record_failure(now=100.0) for _ in range(10)]
    assert delays[:2] == [0.0, 0.0]
    assert delays[2:6] == [1.0, 2.0, 4.0, 8.0]
    assert delays[-1] == UnlockThrottle.MAX_DELAY_S
    assert throttle.remaining(100.5) == pytest.approx(59.5)
    throttle.record_success()
    assert throttle.remaining(100.5) == 0.0


def test_unlock_flow_counts_wrong_secrets_only(vault_factory: VaultFactory, tmp_path: Path) -> None:
    directory = vault_factory.copy(tmp_path / "p")
    flow = UnlockFlow(directory, UnlockThrottle())
    for attempt in range(3):
        with pytest.raises(WrongPassphrase):
            flow.unlock_job("mauvaise phrase", now=float(attempt))()
        flow.failed(WrongPassphrase(), now=float(attempt))
    assert flow.throttle.failures == 3
    with pytest.raises(FlowError) as caught:
        flow.unlock_job(PASSPHRASE, now=2.5)
    assert caught.value.problems[0].message == wait_message(0.5)
    flow.use_recovery_code()
    flow.failed(MalformedRecoveryCode(), now=10.0)
    assert flow.throttle.failures == 3, "a typo in the code is not a guess"
    with pytest.raises(WrongRecoveryCode):
        flow.unlock_job(format_recovery_code(bytes(16)), now=10.0)()
    flow.use_passphrase()
    with pytest.raises(FlowError):
        flow.unlock_job("   ", now=10.0)
    vault = flow.unlock_job(PASSPHRASE, now=10.0)()
    flow.unlocked(vault)
    assert flow.mode is UnlockMode.DONE
    assert flow.throttle.failures == 0
    vault.lock()


def test_recovery_unlock_requires_a_new_passphrase(
    vault_factory: VaultFactory, tmp_path: Path
) -> None:
    directory = vault_factory.copy(tmp_path / "p")
    flow = UnlockFlow(directory, UnlockThrottle())
    flow.use_recovery_code()
    flow.unlocked(flow.unlock_job(vault_factory.recovery_code.lower(), now=0.0)())
    assert flow.mode is UnlockMode.NEW_PASSPHRASE
    with pytest.raises(FlowError):
        flow.new_passphrase_job("trop court", "trop court")
    flow.new_passphrase_job(GOOD, GOOD)()
    flow.passphrase_set()
    assert flow.mode is UnlockMode.DONE
    flow.vault.lock()
    with pytest.raises(WrongPassphrase):
        Vault.unlock(directory, PASSPHRASE)
    Vault.unlock(directory, GOOD).lock()
