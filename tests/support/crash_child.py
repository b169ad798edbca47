"""Child process of the crash tests: performs vault work until a failpoint or a SIGKILL ends it.

Usage: `python -m tests.support.crash_child saves|passphrase PROFILE_DIR`, the raw key in
`MEDIATEUR_TEST_KEY` (hex) for `saves`, the passphrases in `MEDIATEUR_TEST_OLD`/`_NEW` for
`passphrase`. Prints "ready" once the vault is open so the parent can time its kill.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mediateur.domain.values import now_utc
from mediateur.store.vault import Vault

SAVES = 200


def saves(profile: Path) -> None:
    vault = Vault.open_with_key(profile, bytes.fromhex(os.environ["MEDIATEUR_TEST_KEY"]))
    print("ready", flush=True)
    last: str | None = None
    for i in range(SAVES):
        with vault.unit_of_work() as uow:
            if i % 5 == 4 and last is not None:
                uow.update("contact", last, {"note": f"modifiée {i}"})
            else:
                last = uow.create(
                    "contact",
                    {
                        "occurred_at": now_utc(),
                        "channel": "pied_immeuble",
                        "outcome": "information",
                        "note": f"contact {i}",
                    },
                )
    vault.lock()


def passphrase(profile: Path) -> None:
    vault = Vault.unlock(profile, os.environ["MEDIATEUR_TEST_OLD"])
    print("ready", flush=True)
    vault.change_passphrase(os.environ["MEDIATEUR_TEST_OLD"], os.environ["MEDIATEUR_TEST_NEW"])
    vault.lock()


if __name__ == "__main__":
    {"saves": saves, "passphrase": passphrase}[sys.argv[1]](Path(sys.argv[2]))
