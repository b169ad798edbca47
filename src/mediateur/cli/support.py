"""What every subcommand needs: the profile to work on, secrets from the environment or a prompt,
and the error type for expected failures."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path

from mediateur.paths import home_dir, list_profiles, profiles_dir
from mediateur.store.vault import Vault

PASSPHRASE_ENV = "MEDIATEUR_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
PASSWORD_ENV = "MEDIATEUR_PASSWORD"  # noqa: S105
DEFAULT_PROFILE_NAME = "principal"


class CliError(Exception):
    """An expected failure: its French message is shown, the exit code is 1."""


def profile_dir(args: argparse.Namespace, *, must_exist: bool = True) -> Path:
    """The profile directory chosen by `--profile`, `--profile-name`, or the home's only one."""
    if getattr(args, "profile", None):
        directory = Path(args.profile).expanduser()
    elif getattr(args, "profile_name", None):
        directory = profiles_dir() / args.profile_name
    else:
        existing = list_profiles()
        if not must_exist:
            return existing[0] if len(existing) == 1 else profiles_dir() / DEFAULT_PROFILE_NAME
        if not existing:
            raise CliError(f"aucun profil dans {home_dir()} : créez-en un avec « mediateur init ».")
        if len(existing) > 1:
            names = ", ".join(p.name for p in existing)
            raise CliError(f"plusieurs profils ({names}) : précisez --profile-name NOM.")
        directory = existing[0]
    if must_exist and not (directory / "vault.json").exists():
        raise CliError(f"{directory} n'est pas un profil mediateur (vault.json absent).")
    return directory


def read_secret(env_name: str, prompt: str) -> str:
    value = os.environ.get(env_name)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(
            f"secret absent : définissez {env_name} ou lancez la commande dans un terminal."
        )
    return getpass.getpass(prompt)


def open_vault(args: argparse.Namespace) -> Vault:
    directory = profile_dir(args)
    return Vault.unlock(directory, read_secret(PASSPHRASE_ENV, "Phrase de passe : "))
