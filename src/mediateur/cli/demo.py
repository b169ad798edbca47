"""`demo`: a new profile filled with a realistic synthetic programme, for trying the app."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediateur.cli.profile import new_passphrase, print_recovery_code
from mediateur.cli.support import CliError
from mediateur.paths import profiles_dir
from mediateur.services.context import current_context
from mediateur.services.demo import DEFAULT_SEED, populate_demo
from mediateur.store.vault import Vault

DEMO_PROFILE = "demo"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    demo = subparsers.add_parser(
        "demo",
        parents=[common],
        help="créer un profil de démonstration (données fictives)",
        description=(
            "Crée un profil chiffré rempli d'un programme fictif réaliste : partenaires, "
            "événements, environ 300 contacts, 100 bénéficiaires, suivis, orientations et "
            "sorties. Par défaut dans le profil « demo » du dossier d'accueil."
        ),
    )
    demo.add_argument(
        "--seed",
        type=int,
        default=DEFAULT_SEED,
        metavar="N",
        help="graine du tirage (même graine, même jour : mêmes données)",
    )
    demo.set_defaults(handler=run_demo)


def _directory(args: argparse.Namespace) -> Path:
    if args.profile:
        return Path(args.profile).expanduser()
    return profiles_dir() / (args.profile_name or DEMO_PROFILE)


def run_demo(args: argparse.Namespace) -> int:
    directory = _directory(args)
    if (directory / "vault.json").exists():
        raise CliError(
            f"un profil existe déjà dans {directory} : choisissez un autre dossier avec --profile."
        )
    vault, recovery_code = Vault.create(directory, new_passphrase())
    try:
        with vault.unit_of_work() as uow:
            context = current_context(uow.session, vault.install_id)
            summary = populate_demo(uow=uow, context=context, seed=args.seed)
    finally:
        vault.lock()
    print_recovery_code(directory, recovery_code)
    print(
        f"Données fictives : {summary.partners} partenaires, {summary.events} événements, "
        f"{summary.contacts} contacts, {summary.beneficiaries} bénéficiaires, "
        f"{summary.follow_ups} suivis, {summary.referrals} orientations, {summary.exits} sorties."
    )
    return 0
