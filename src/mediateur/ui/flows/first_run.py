"""The first-run flow: name a profile, choose its passphrase, create the vault, show the recovery
code once.

Steps: `DETAILS` (profile name and passphrase typed twice) → `RECOVERY_CODE` (the vault exists;
its code is shown until the user says it is noted) → `DONE` (the vault is handed to the app and
the code forgotten). With `--profile DIR` the directory is given and only the passphrase is asked.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING

from mediateur.paths import profiles_dir
from mediateur.ui.flows.passphrase import FieldProblem, FlowError, new_passphrase_problems

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

DEFAULT_PROFILE_NAME = "principal"
MAX_NAME_LENGTH = 40
_NAME_PATTERN = re.compile(r"[0-9A-Za-zÀ-ÖØ-öø-ÿ][0-9A-Za-zÀ-ÖØ-öø-ÿ _.-]*")
# Names Windows refuses for a directory, whatever the extension.
_RESERVED_NAMES = frozenset(
    {"con", "prn", "aux", "nul"} | {f"{p}{i}" for p in ("com", "lpt") for i in range(1, 10)}
)


class FirstRunStep(Enum):
    DETAILS = "details"
    RECOVERY_CODE = "recovery_code"
    DONE = "done"


@dataclass(frozen=True, slots=True)
class CreatedProfile:
    vault: Vault
    recovery_code: str


class FirstRunFlow:
    def __init__(self, *, home: Path, directory: Path | None = None) -> None:
        self.home = home
        self.fixed_directory = directory
        self.step = FirstRunStep.DETAILS
        self._created: CreatedProfile | None = None

    @property
    def asks_name(self) -> bool:
        return self.fixed_directory is None

    def suggested_name(self) -> str:
        taken = self._taken_names()
        return "" if DEFAULT_PROFILE_NAME in taken else DEFAULT_PROFILE_NAME

    def directory_for(self, name: str) -> Path:
        if self.fixed_directory is not None:
            return self.fixed_directory
        return profiles_dir(self.home) / name.strip()

    def _taken_names(self) -> set[str]:
        root = profiles_dir(self.home)
        if not root.is_dir():
            return set()
        return {p.name.casefold() for p in root.iterdir()}

    def name_problems(self, name: str) -> list[FieldProblem]:
        if not self.asks_name:
            return []
        cleaned = name.strip()
        if not cleaned:
            return [
                FieldProblem("profile_name", "Donnez un nom au profil, par exemple votre prénom.")
            ]
        if len(cleaned) > MAX_NAME_LENGTH:
            return [
                FieldProblem(
                    "profile_name", f"Nom trop long : {MAX_NAME_LENGTH} caractères au plus."
                )
            ]
        if not _NAME_PATTERN.fullmatch(cleaned) or cleaned.endswith("."):
            return [
                FieldProblem(
                    "profile_name",
                    "Nom de profil invalide : lettres, chiffres, espaces, points, tirets et "
                    "soulignés seulement, en commençant par une lettre ou un chiffre.",
                )
            ]
        if cleaned.split(".")[0].casefold() in _RESERVED_NAMES:
            return [
                FieldProblem(
                    "profile_name", "Ce nom est réservé par Windows : choisissez-en un autre."
                )
            ]
        if cleaned.casefold() in self._taken_names():
            return [
                FieldProblem(
                    "profile_name", "Un profil porte déjà ce nom : choisissez-en un autre."
                )
            ]
        return []

    def problems(self, *, name: str, passphrase: str, confirmation: str) -> list[FieldProblem]:
        problems = self.name_problems(name)
        if self.fixed_directory is not None and (self.fixed_directory / "vault.json").exists():
            problems.append(FieldProblem("profile_name", "Un profil existe déjà dans ce dossier."))
        return problems + new_passphrase_problems(passphrase, confirmation)

    def creation_job(
        self, *, name: str, passphrase: str, confirmation: str
    ) -> Callable[[], CreatedProfile]:
        """The blocking creation (key derivation, database) to run on a worker thread.

        Raises `FlowError` at once, writing nothing, when the input cannot be used."""
        if self.step is not FirstRunStep.DETAILS:
            raise RuntimeError(f"cannot create a profile at step {self.step.value}")
        problems = self.problems(name=name, passphrase=passphrase, confirmation=confirmation)
        if problems:
            raise FlowError(problems)
        directory = self.directory_for(name)

        def create() -> CreatedProfile:
            # Imported here, on the worker: the database stack stays out of the start-up path.
            from mediateur.store.vault import Vault

            vault, code = Vault.create(directory, passphrase)
            return CreatedProfile(vault, code)

        return create

    def created(self, profile: CreatedProfile) -> None:
        if self.step is not FirstRunStep.DETAILS:
            raise RuntimeError(f"unexpected creation at step {self.step.value}")
        self._created = profile
        self.step = FirstRunStep.RECOVERY_CODE

    @property
    def recovery_code(self) -> str:
        if self.step is not FirstRunStep.RECOVERY_CODE or self._created is None:
            raise RuntimeError("the recovery code is only available right after creation")
        return self._created.recovery_code

    @property
    def vault(self) -> Vault:
        if self._created is None:
            raise RuntimeError("no profile created yet")
        return self._created.vault

    def code_noted(self) -> Vault:
        """The user has noted the code: it is forgotten, and the open vault handed over."""
        if self.step is not FirstRunStep.RECOVERY_CODE or self._created is None:
            raise RuntimeError(f"no recovery code to acknowledge at step {self.step.value}")
        vault = self._created.vault
        self._created = CreatedProfile(vault, "")
        self.step = FirstRunStep.DONE
        return vault
