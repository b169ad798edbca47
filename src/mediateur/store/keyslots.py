"""Key slots of a vault (`vault.json`), LUKS-style: the data key (DEK) wrapped once per way in.

Slots: a passphrase slot (Argon2id KEK: t=3, m=64 MiB, p=4, 16-byte salt) and a recovery slot (a
128-bit random code shown once, HKDF-SHA256 KEK). Each wrap is AES-256-GCM whose associated data
binds the vault id, the slot id, the slot type and the KDF parameters, so a slot copied from
another vault or edited parameters fail to open. Parameters under the floor are refused before
any work. The file is rewritten atomically, and a second copy (`vault.json.bak`) is refreshed after
each successful write; changing a secret adds the new slot before removing the old one, so a crash
at any moment leaves the old or the new secret working.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import uuid
import zlib
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from mediateur.failpoints import failpoint
from mediateur.store.atomic import write_atomically
from mediateur.store.errors import (
    MalformedRecoveryCode,
    UnsupportedVaultVersion,
    VaultCorrupt,
    VaultMissing,
    WeakKdfParameters,
    WrongPassphrase,
    WrongRecoveryCode,
)

VAULT_FILE = "vault.json"
BACKUP_FILE = "vault.json.bak"
FORMAT = "mediateur-vault"
VERSION = 1
AAD_PREFIX = b"mediateur/v1/keyslot"
RECOVERY_INFO = b"mediateur/v1/recovery-kek"


@dataclass(frozen=True, slots=True)
class Argon2Params:
    iterations: int = 3
    memory_kib: int = 64 * 1024
    lanes: int = 4


ARGON2_DEFAULT = Argon2Params()
ARGON2_FLOOR = Argon2Params(iterations=3, memory_kib=64 * 1024, lanes=1)
SALT_BYTES = 16
RECOVERY_BYTES = 16
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("base64 text expected")
    return base64.b64decode(text, validate=True)


def _canonical(obj: Any) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":")).encode("utf-8")


def _aad(vault_id: str, slot_id: str, slot_type: str, kdf: dict[str, Any]) -> bytes:
    return b"\0".join(
        (AAD_PREFIX, vault_id.encode(), slot_id.encode(), slot_type.encode(), _canonical(kdf))
    )


def _argon2_kek(secret: bytes, kdf: dict[str, Any]) -> bytes:
    return Argon2id(
        salt=_unb64(kdf["salt"]),
        length=32,
        iterations=kdf["t"],
        lanes=kdf["p"],
        memory_cost=kdf["m"],
    ).derive(secret)


def _recovery_kek(code_bytes: bytes, kdf: dict[str, Any]) -> bytes:
    return HKDF(
        algorithm=hashes.SHA256(), length=32, salt=_unb64(kdf["salt"]), info=RECOVERY_INFO
    ).derive(code_bytes)


def _check_floor(kdf: dict[str, Any], expected_alg: str) -> None:
    """Refuse a slot whose KDF is not the one of its type, or weaker than the floor."""
    if kdf.get("alg") != expected_alg:
        raise VaultCorrupt()
    try:
        salt = _unb64(kdf["salt"])
        if expected_alg == "argon2id":
            weak = (
                int(kdf["t"]) < ARGON2_FLOOR.iterations
                or int(kdf["m"]) < ARGON2_FLOOR.memory_kib
                or int(kdf["p"]) < ARGON2_FLOOR.lanes
            )
        else:
            weak = False
    except (KeyError, ValueError, TypeError, binascii.Error):
        raise VaultCorrupt() from None
    if weak or len(salt) < SALT_BYTES:
        raise WeakKdfParameters()


# Recovery codes: 16 random bytes in Crockford base32 (26 characters) plus 2 check characters
# (CRC-32 of the bytes, 10 bits), shown as 7 groups of 4 so a typo is told apart from a wrong code.


def format_recovery_code(code_bytes: bytes) -> str:
    number = int.from_bytes(code_bytes, "big")
    chars = [_CROCKFORD[(number >> (5 * i)) & 31] for i in range(26)][::-1]
    check = zlib.crc32(code_bytes) & 0x3FF
    chars += [_CROCKFORD[check >> 5], _CROCKFORD[check & 31]]
    text = "".join(chars)
    return "-".join(text[i : i + 4] for i in range(0, 28, 4))


def parse_recovery_code(text: str) -> bytes:
    cleaned = text.upper().replace("-", "").replace(" ", "")
    cleaned = cleaned.translate(str.maketrans("ILO", "110"))
    if len(cleaned) != 28 or any(ch not in _CROCKFORD for ch in cleaned):
        raise MalformedRecoveryCode()
    number = 0
    for ch in cleaned[:26]:
        number = number * 32 + _CROCKFORD.index(ch)
    if number >= 1 << 128:
        raise MalformedRecoveryCode()
    code_bytes = number.to_bytes(16, "big")
    check = _CROCKFORD.index(cleaned[26]) << 5 | _CROCKFORD.index(cleaned[27])
    if check != zlib.crc32(code_bytes) & 0x3FF:
        raise MalformedRecoveryCode()
    return code_bytes


@dataclass(slots=True)
class VaultFile:
    """The parsed `vault.json` of a profile directory."""

    directory: Path
    doc: dict[str, Any]

    @property
    def vault_id(self) -> str:
        return str(self.doc["vault_id"])

    @property
    def install_id(self) -> str:
        return str(self.doc["install_id"])

    @property
    def db_path(self) -> Path:
        return self.directory / str(self.doc["db_file"])

    def slots(self, slot_type: str) -> list[dict[str, Any]]:
        return [s for s in self.doc["slots"] if s.get("type") == slot_type]

    # Reading

    @classmethod
    def load(cls, directory: Path) -> VaultFile:
        primary, backup = directory / VAULT_FILE, directory / BACKUP_FILE
        if not primary.exists() and not backup.exists():
            raise VaultMissing()
        for path in (primary, backup):
            try:
                doc = _parse(path.read_bytes())
            except (OSError, ValueError):
                continue
            return cls(directory, doc)
        raise VaultCorrupt()

    def _unwrap(self, slot: dict[str, Any], kek: bytes) -> bytes:
        aad = _aad(self.vault_id, slot["id"], slot["type"], slot["kdf"])
        try:
            dek = AESGCM(kek).decrypt(_unb64(slot["nonce"]), _unb64(slot["wrapped_key"]), aad)
        except (InvalidTag, ValueError, binascii.Error):
            return b""
        return dek if len(dek) == 32 else b""

    def unwrap_with_passphrase(self, passphrase: str) -> bytes:
        slots = self.slots("passphrase")
        if not slots:
            raise VaultCorrupt()
        for slot in slots:
            _check_floor(slot["kdf"], "argon2id")
        for slot in slots:
            dek = self._unwrap(slot, _argon2_kek(passphrase.encode("utf-8"), slot["kdf"]))
            if dek:
                return dek
        raise WrongPassphrase()

    def unwrap_with_recovery_code(self, code: str) -> bytes:
        code_bytes = parse_recovery_code(code)
        slots = self.slots("recovery")
        if not slots:
            raise VaultCorrupt()
        for slot in slots:
            _check_floor(slot["kdf"], "hkdf-sha256")
            dek = self._unwrap(slot, _recovery_kek(code_bytes, slot["kdf"]))
            if dek:
                return dek
        raise WrongRecoveryCode()

    # Writing

    def _new_slot(
        self, slot_type: str, kdf: dict[str, Any], kek: bytes, dek: bytes
    ) -> dict[str, Any]:
        slot_id = str(uuid.uuid4())
        nonce = os.urandom(12)
        wrapped = AESGCM(kek).encrypt(nonce, dek, _aad(self.vault_id, slot_id, slot_type, kdf))
        return {
            "id": slot_id,
            "type": slot_type,
            "kdf": kdf,
            "nonce": _b64(nonce),
            "wrapped_key": _b64(wrapped),
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
        }

    def passphrase_slot(
        self, passphrase: str, dek: bytes, params: Argon2Params = ARGON2_DEFAULT
    ) -> dict[str, Any]:
        kdf = {
            "alg": "argon2id",
            "t": params.iterations,
            "m": params.memory_kib,
            "p": params.lanes,
            "salt": _b64(os.urandom(SALT_BYTES)),
        }
        _check_floor(kdf, "argon2id")
        return self._new_slot("passphrase", kdf, _argon2_kek(passphrase.encode("utf-8"), kdf), dek)

    def recovery_slot(self, dek: bytes) -> tuple[dict[str, Any], str]:
        code_bytes = os.urandom(RECOVERY_BYTES)
        kdf = {"alg": "hkdf-sha256", "salt": _b64(os.urandom(SALT_BYTES))}
        slot = self._new_slot("recovery", kdf, _recovery_kek(code_bytes, kdf), dek)
        return slot, format_recovery_code(code_bytes)

    def save(self, step: str = "vault") -> None:
        data = json.dumps(self.doc, indent=2, sort_keys=True).encode("utf-8")
        write_atomically(self.directory / VAULT_FILE, data, failpoint_prefix=f"{step}.primary")
        failpoint(f"{step}.before_backup")
        write_atomically(self.directory / BACKUP_FILE, data, failpoint_prefix=f"{step}.backup")

    def replace_slots(self, slot_type: str, new_slot: dict[str, Any], step: str) -> None:
        """Add `new_slot`, save, then drop the older slots of its type and save again."""
        old_ids = {s["id"] for s in self.slots(slot_type)}
        self.doc["slots"].append(new_slot)
        self.save(f"{step}.add")
        failpoint(f"{step}.added")
        self.doc["slots"] = [s for s in self.doc["slots"] if s["id"] not in old_ids]
        self.save(f"{step}.remove")

    @classmethod
    def new(cls, directory: Path, db_file: str) -> VaultFile:
        return cls(
            directory,
            {
                "format": FORMAT,
                "version": VERSION,
                "vault_id": str(uuid.uuid4()),
                "install_id": str(uuid.uuid4()),
                "db_file": db_file,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "slots": [],
            },
        )


def _parse(data: bytes) -> dict[str, Any]:
    doc = json.loads(data.decode("utf-8"))
    if not isinstance(doc, dict) or doc.get("format") != FORMAT:
        raise ValueError("not a vault file")
    version = doc.get("version")
    if not isinstance(version, int):
        raise ValueError("no version")
    if version > VERSION:
        raise UnsupportedVaultVersion()
    for member in ("vault_id", "install_id", "db_file"):
        if not isinstance(doc.get(member), str):
            raise ValueError(f"missing {member}")
    uuid.UUID(doc["install_id"])
    if Path(doc["db_file"]).name != doc["db_file"]:
        raise ValueError("db_file must be a plain file name")
    slots = doc.get("slots")
    if not isinstance(slots, list) or not all(
        isinstance(s, dict) and isinstance(s.get("kdf"), dict) for s in slots
    ):
        raise ValueError("bad slots")
    return doc
