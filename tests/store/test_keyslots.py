"""Key slots: passphrase and recovery code, tampering with vault.json, crash-safe secret changes."""

from __future__ import annotations

import base64
import hashlib
import json
from pathlib import Path

import pytest

from mediateur.store import errors
from mediateur.store.keyslots import format_recovery_code, parse_recovery_code
from mediateur.store.vault import Vault
from tests.support.vaults import PASSPHRASE


def snapshot(directory: Path) -> dict[str, str]:
    """Every file under `directory` with the hash of its bytes and its mtime."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        + f"@{p.stat().st_mtime_ns}"
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def profile(vault_factory, tmp_path: Path) -> Path:
    return vault_factory.copy(tmp_path / "profile")


def test_passphrase_and_recovery_code_both_unlock(profile: Path, vault_factory) -> None:
    Vault.unlock(profile, PASSPHRASE).lock()
    Vault.unlock_with_recovery(profile, vault_factory.recovery_code).lock()


def test_wrong_passphrase_is_reported_and_changes_no_byte(profile: Path) -> None:
    before = snapshot(profile)
    with pytest.raises(errors.WrongPassphrase) as caught:
        Vault.unlock(profile, "ce n'est pas la bonne phrase")
    assert "Phrase de passe incorrecte" in str(caught.value)
    assert snapshot(profile) == before


def test_wrong_recovery_code_is_reported_and_changes_no_byte(profile: Path) -> None:
    before = snapshot(profile)
    other_code = format_recovery_code(bytes(16))
    with pytest.raises(errors.WrongRecoveryCode):
        Vault.unlock_with_recovery(profile, other_code)
    assert snapshot(profile) == before


def test_mistyped_recovery_code_is_told_apart_from_a_wrong_one(vault_factory) -> None:
    code = vault_factory.recovery_code
    typo = code[:-1] + ("0" if code[-1] != "0" else "1")
    with pytest.raises(errors.MalformedRecoveryCode):
        parse_recovery_code(typo)
    with pytest.raises(errors.MalformedRecoveryCode):
        parse_recovery_code("ABCD")
    # Case, spaces and Crockford look-alikes are forgiven.
    assert parse_recovery_code(code.lower().replace("-", " ")) == parse_recovery_code(code)


def test_recovery_code_after_forgotten_passphrase_then_change(profile: Path, vault_factory) -> None:
    vault = Vault.unlock_with_recovery(profile, vault_factory.recovery_code)
    vault.set_passphrase("une toute nouvelle phrase")
    vault.lock()
    Vault.unlock(profile, "une toute nouvelle phrase").lock()
    with pytest.raises(errors.WrongPassphrase):
        Vault.unlock(profile, PASSPHRASE)
    vault = Vault.unlock(profile, "une toute nouvelle phrase")
    vault.change_passphrase("une toute nouvelle phrase", "encore une autre phrase")
    vault.lock()
    # The recovery code survives passphrase changes.
    Vault.unlock_with_recovery(profile, vault_factory.recovery_code).lock()


def test_change_passphrase_checks_the_old_one(profile: Path) -> None:
    vault = Vault.unlock(profile, PASSPHRASE)
    try:
        with pytest.raises(errors.WrongPassphrase):
            vault.change_passphrase("mauvaise ancienne phrase", "nouvelle phrase solide")
        with pytest.raises(errors.WeakPassphrase):
            vault.change_passphrase(PASSPHRASE, "court")
    finally:
        vault.lock()
    Vault.unlock(profile, PASSPHRASE).lock()


def test_regenerating_the_recovery_code_invalidates_the_old_one(
    profile: Path, vault_factory
) -> None:
    vault = Vault.unlock(profile, PASSPHRASE)
    new_code = vault.regenerate_recovery_code()
    vault.lock()
    assert new_code != vault_factory.recovery_code
    with pytest.raises(errors.WrongRecoveryCode):
        Vault.unlock_with_recovery(profile, vault_factory.recovery_code)
    Vault.unlock_with_recovery(profile, new_code).lock()
    # The mirror copy holds the same slots: the old code does not survive there either.
    (profile / "vault.json").write_text("{broken")
    with pytest.raises(errors.WrongRecoveryCode):
        Vault.unlock_with_recovery(profile, vault_factory.recovery_code)


def _edit_vault(profile: Path, edit) -> None:  # type: ignore[no-untyped-def]
    for name in ("vault.json", "vault.json.bak"):
        path = profile / name
        doc = json.loads(path.read_text())
        edit(doc)
        path.write_text(json.dumps(doc))


def test_kdf_parameters_below_the_floor_are_refused(profile: Path) -> None:
    def weaken(doc: dict) -> None:
        for slot in doc["slots"]:
            if slot["type"] == "passphrase":
                slot["kdf"]["t"] = 1
                slot["kdf"]["m"] = 1024

    _edit_vault(profile, weaken)
    with pytest.raises(errors.WeakKdfParameters):
        Vault.unlock(profile, PASSPHRASE)


def test_kdf_parameters_edited_above_the_floor_break_the_binding(profile: Path) -> None:
    def strengthen(doc: dict) -> None:
        for slot in doc["slots"]:
            if slot["type"] == "passphrase":
                slot["kdf"]["t"] = 4

    _edit_vault(profile, strengthen)
    with pytest.raises(errors.WrongPassphrase):
        Vault.unlock(profile, PASSPHRASE)


def test_wrapped_keys_swapped_between_two_vaults_fail(tmp_path: Path) -> None:
    first, _ = Vault.create(tmp_path / "a", "première phrase de passe")
    second, _ = Vault.create(tmp_path / "b", "première phrase de passe")
    first.lock()
    second.lock()
    doc_a = json.loads((tmp_path / "a" / "vault.json").read_text())
    doc_b = json.loads((tmp_path / "b" / "vault.json").read_text())
    doc_a["slots"] = doc_b["slots"]
    for name in ("vault.json", "vault.json.bak"):
        (tmp_path / "a" / name).write_text(json.dumps(doc_a))
    # Same passphrase, a valid slot, but bound to another vault id: refused.
    with pytest.raises(errors.WrongPassphrase):
        Vault.unlock(tmp_path / "a", "première phrase de passe")


def test_slot_type_swap_fails(profile: Path, vault_factory) -> None:
    def swap(doc: dict) -> None:
        for slot in doc["slots"]:
            slot["type"] = "recovery" if slot["type"] == "passphrase" else "passphrase"

    _edit_vault(profile, swap)
    with pytest.raises(errors.VaultError):
        Vault.unlock(profile, PASSPHRASE)


def test_a_flipped_bit_in_a_wrapped_key_fails(profile: Path) -> None:
    def flip(doc: dict) -> None:
        for slot in doc["slots"]:
            raw = bytearray(base64.b64decode(slot["wrapped_key"]))
            raw[5] ^= 0x01
            slot["wrapped_key"] = base64.b64encode(bytes(raw)).decode()

    _edit_vault(profile, flip)
    with pytest.raises(errors.WrongPassphrase):
        Vault.unlock(profile, PASSPHRASE)


def test_missing_corrupt_and_future_vault_files(profile: Path) -> None:
    (profile / "vault.json").write_text("{not json")
    Vault.unlock(profile, PASSPHRASE).lock()  # the mirror copy takes over
    (profile / "vault.json.bak").write_text("neither")
    with pytest.raises(errors.VaultCorrupt):
        Vault.unlock(profile, PASSPHRASE)
    (profile / "vault.json").unlink()
    (profile / "vault.json.bak").unlink()
    with pytest.raises(errors.VaultMissing):
        Vault.unlock(profile, PASSPHRASE)


def test_vault_written_by_a_newer_version_is_refused(profile: Path) -> None:
    _edit_vault(profile, lambda doc: doc.update(version=99))
    with pytest.raises(errors.UnsupportedVaultVersion):
        Vault.unlock(profile, PASSPHRASE)


def test_vault_files_are_private(profile: Path, tmp_path: Path) -> None:
    vault, _ = Vault.create(tmp_path / "fresh", "phrase de passe privée")
    vault.lock()
    for name in ("vault.json", "vault.json.bak"):
        assert (tmp_path / "fresh" / name).stat().st_mode & 0o077 == 0


def test_creating_over_an_existing_profile_is_refused(profile: Path) -> None:
    with pytest.raises(errors.ProfileExists):
        Vault.create(profile, "une autre phrase de passe")
