"""The unlock flow: a passphrase, or the recovery code followed by a new passphrase, with a
growing delay after repeated failures.

Modes: `PASSPHRASE` ⇄ `RECOVERY_CODE`; a vault opened with its recovery code moves to
`NEW_PASSPHRASE` (the user must choose one before working); then `DONE`. A wrong secret is
recorded in the profile's `UnlockThrottle`, kept for the life of the process: after a few
failures each new attempt must wait longer (DESIGN.md §3; Argon2id already makes each try slow).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum, auto
from pathlib import Path
from typing import TYPE_CHECKING

from mediateur.store.errors import WrongPassphrase, WrongRecoveryCode
from mediateur.ui.flows.passphrase import FieldProblem, FlowError, new_passphrase_problems

if TYPE_CHECKING:
    from mediateur.store.vault import Vault


class UnlockThrottle:
    """Failed attempts on one profile, and until when the next attempt must wait."""

    FREE_ATTEMPTS = 2
    BASE_DELAY_S = 1.0
    MAX_DELAY_S = 60.0

    def __init__(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def record_failure(self, now: float) -> float:
        """Count a wrong secret; returns the delay before the next attempt (0 for the first few)."""
        self.failures += 1
        extra = self.failures - self.FREE_ATTEMPTS
        delay = 0.0 if extra <= 0 else min(self.MAX_DELAY_S, self.BASE_DELAY_S * 2 ** (extra - 1))
        self._not_before = now + delay
        return delay

    def record_success(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def remaining(self, now: float) -> float:
        return max(0.0, self._not_before - now)


class UnlockMode(Enum):
    PASSPHRASE = auto()
    RECOVERY_CODE = auto()
    NEW_PASSPHRASE = auto()
    DONE = auto()


class UnlockFlow:
    def __init__(self, directory: Path, throttle: UnlockThrottle) -> None:
        self.directory = directory
        self.throttle = throttle
        self.mode = UnlockMode.PASSPHRASE
        self._vault: Vault | None = None

    @property
    def profile_name(self) -> str:
        return self.directory.name

    def use_recovery_code(self) -> None:
        self._require(UnlockMode.PASSPHRASE, UnlockMode.RECOVERY_CODE)
        self.mode = UnlockMode.RECOVERY_CODE

    def use_passphrase(self) -> None:
        self._require(UnlockMode.PASSPHRASE, UnlockMode.RECOVERY_CODE)
        self.mode = UnlockMode.PASSPHRASE

    def unlock_job(self, secret: str, *, now: float) -> Callable[[], Vault]:
        """The blocking unlock to run on a worker; `FlowError` at once for an empty secret or
        while the delay after failures runs."""
        self._require(UnlockMode.PASSPHRASE, UnlockMode.RECOVERY_CODE)
        field = "passphrase" if self.mode is UnlockMode.PASSPHRASE else "recovery_code"
        if not secret.strip():
            what = (
                "votre phrase de passe"
                if self.mode is UnlockMode.PASSPHRASE
                else "le code de récupération"
            )
            raise FlowError([FieldProblem(field, f"Saisissez {what}.")])
        wait = self.throttle.remaining(now)
        if wait > 0:
            raise FlowError([FieldProblem(field, wait_message(wait))])
        directory = self.directory
        with_passphrase = self.mode is UnlockMode.PASSPHRASE

        def unlock() -> Vault:
            # Imported here, on the worker: the database stack stays out of the start-up path.
            from mediateur.store.vault import Vault

            if with_passphrase:
                return Vault.unlock(directory, secret)
            return Vault.unlock_with_recovery(directory, secret)

        return unlock

    def failed(self, error: BaseException, *, now: float) -> float:
        """Record a failed unlock; returns the delay before the next attempt."""
        if isinstance(error, WrongPassphrase | WrongRecoveryCode):
            return self.throttle.record_failure(now)
        return 0.0

    def unlocked(self, vault: Vault) -> None:
        self._require(UnlockMode.PASSPHRASE, UnlockMode.RECOVERY_CODE)
        self.throttle.record_success()
        self._vault = vault
        self.mode = (
            UnlockMode.NEW_PASSPHRASE if self.mode is UnlockMode.RECOVERY_CODE else UnlockMode.DONE
        )

    def new_passphrase_job(self, passphrase: str, confirmation: str) -> Callable[[], None]:
        """The blocking re-wrap under a new passphrase, after a recovery-code unlock."""
        self._require(UnlockMode.NEW_PASSPHRASE)
        problems = new_passphrase_problems(passphrase, confirmation)
        if problems:
            raise FlowError(problems)
        vault = self.vault
        return lambda: vault.set_passphrase(passphrase)

    def passphrase_set(self) -> None:
        self._require(UnlockMode.NEW_PASSPHRASE)
        self.mode = UnlockMode.DONE

    @property
    def vault(self) -> Vault:
        if self._vault is None:
            raise RuntimeError("the vault is not unlocked")
        return self._vault

    def abandon(self) -> Vault | None:
        """Give up after a recovery-code unlock: the caller locks the returned vault."""
        vault, self._vault = self._vault, None
        self.mode = UnlockMode.PASSPHRASE
        return vault

    def _require(self, *modes: UnlockMode) -> None:
        if self.mode not in modes:
            raise RuntimeError(f"not allowed in mode {self.mode.name}")


def wait_message(seconds: float) -> str:
    whole = max(1, round(seconds + 0.49))
    unit = "seconde" if whole == 1 else "secondes"
    return f"Trop d'essais : patientez {whole} {unit} avant de réessayer."
