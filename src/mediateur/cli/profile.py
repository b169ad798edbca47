"""Profile commands: `init` (a new vault, its recovery code printed once), `check` (integrity)."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import Any

from mediateur.cli.support import PASSPHRASE_ENV, CliError, open_vault, profile_dir, read_secret
from mediateur.store.vault import Vault


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    init = subparsers.add_parser(
        "init",
        parents=[common],
        help="créer un profil chiffré",
        description=(
            "Crée un profil chiffré et affiche son code de récupération, une seule fois : "
            "notez-le et gardez-le en lieu sûr. Phrase de passe lue dans "
            f"{PASSPHRASE_ENV} ou demandée deux fois."
        ),
    )
    init.set_defaults(handler=run_init)
    check = subparsers.add_parser(
        "check",
        parents=[common],
        help="contrôler l'intégrité de la base chiffrée",
        description="Vérifie chaque page de la base chiffrée (PRAGMA cipher_integrity_check).",
    )
    check.set_defaults(handler=run_check)


def new_passphrase() -> str:
    """A new passphrase from the environment, or typed twice."""
    passphrase = read_secret(PASSPHRASE_ENV, "Nouvelle phrase de passe : ")
    if PASSPHRASE_ENV not in os.environ:
        confirmation = read_secret(PASSPHRASE_ENV, "Confirmez la phrase de passe : ")
        if confirmation != passphrase:
            raise CliError("les deux saisies de la phrase de passe diffèrent.")
    return passphrase


def print_recovery_code(directory: Path, recovery_code: str) -> None:
    print(f"Profil créé : {directory}")
    print("Code de récupération (affiché une seule fois, à noter et garder en lieu sûr) :")
    print(f"    {recovery_code}")


def run_init(args: argparse.Namespace) -> int:
    directory = profile_dir(args, must_exist=False)
    if (directory / "vault.json").exists():
        raise CliError(f"un profil existe déjà dans {directory}.")
    vault, recovery_code = Vault.create(directory, new_passphrase())
    vault.lock()
    print_recovery_code(directory, recovery_code)
    return 0


def run_check(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        problems = vault.check_integrity()
    finally:
        vault.lock()
    if problems:
        print("Intégrité : ÉCHEC. La base est altérée ; restaurez une sauvegarde du profil.")
        for problem in problems[:20]:
            print(f"  - {problem}")
        return 1
    print("Intégrité : OK.")
    return 0
