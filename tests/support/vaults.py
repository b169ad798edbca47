"""Fast vaults for tests: one real vault is created per session (real Argon2id slot, real
SQLCipher file); each test gets a copy with its own install id, opened with the raw data key."""

from __future__ import annotations

import json
import shutil
import uuid
from pathlib import Path

from mediateur.store.vault import Vault

PASSPHRASE = "phrase de passe de test"


class VaultFactory:
    def __init__(self, template_dir: Path) -> None:
        vault, self.recovery_code = Vault.create(template_dir, PASSPHRASE)
        self.key = vault._dek()
        vault.lock()
        self.template_dir = template_dir

    def copy(self, directory: Path) -> Path:
        shutil.copytree(self.template_dir, directory)
        for name in ("vault.json", "vault.json.bak"):
            path = directory / name
            doc = json.loads(path.read_text())
            doc["install_id"] = str(uuid.uuid5(uuid.NAMESPACE_URL, str(directory)))
            path.write_text(json.dumps(doc))
        return directory

    def open(self, directory: Path) -> Vault:
        if not (directory / "vault.json").exists():
            self.copy(directory)
        return Vault.open_with_key(directory, self.key)
