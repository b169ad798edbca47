"""RGPD commands: `rights-export` (everything about one person, JSON and a readable PDF) and
`erase` (the right to erasure, with its cascade)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from mediateur.cli.data import data_vault
from mediateur.cli.support import CliError
from mediateur.services.beneficiaries import resolve_beneficiary_id
from mediateur.services.rights import erase_beneficiary
from mediateur.services.rights_files import write_access_export


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    export = subparsers.add_parser(
        "rights-export",
        parents=[common],
        help="droit d'accès : exporter les données d'une personne (JSON et PDF)",
        description=(
            "Écrit dans DOSSIER tout ce que ce profil contient sur une personne : un fichier "
            "JSON et un PDF lisible à lui remettre. L'identifiant figure dans l'export des "
            "bénéficiaires (8 caractères consécutifs suffisent, par exemple les derniers)."
        ),
    )
    export.add_argument("beneficiary", metavar="ID_BENEFICIAIRE", help="identifiant de la personne")
    export.add_argument(
        "-o", "--output", metavar="DOSSIER", type=Path, required=True, help="dossier de sortie"
    )
    export.set_defaults(handler=run_rights_export)

    erase = subparsers.add_parser(
        "erase",
        parents=[common],
        help="droit à l'effacement : effacer définitivement une personne",
        description=(
            "Efface définitivement une personne : sa fiche, ses suivis et ses orientations ; ses "
            "contacts sont conservés sans lien avec elle. À la synchronisation, le serveur "
            "refusera cet identifiant pour toujours. Irréversible : --yes est obligatoire."
        ),
    )
    erase.add_argument("beneficiary", metavar="ID_BENEFICIAIRE", help="identifiant de la personne")
    erase.add_argument("--yes", action="store_true", help="confirmer l'effacement définitif")
    erase.set_defaults(handler=run_erase)


def run_rights_export(args: argparse.Namespace) -> int:
    with data_vault(args) as (vault, _), vault.session() as session:
        beneficiary_id = resolve_beneficiary_id(session, args.beneficiary)
        files = write_access_export(session, beneficiary_id=beneficiary_id, directory=args.output)
    print("Export du droit d'accès écrit :")
    print(f"  {files.json_path}")
    print(f"  {files.pdf_path}")
    return 0


def run_erase(args: argparse.Namespace) -> int:
    if not args.yes:
        raise CliError(
            "effacement définitif : relancez la commande avec --yes pour confirmer "
            "(la fiche, les suivis et les orientations seront effacés)."
        )
    with data_vault(args) as (vault, _), vault.unit_of_work() as uow:
        beneficiary_id = resolve_beneficiary_id(uow.session, args.beneficiary)
        report = erase_beneficiary(uow=uow, beneficiary_id=beneficiary_id)
    print(
        f"Personne {beneficiary_id} effacée, avec {report.follow_ups} suivi(s) et "
        f"{report.referrals} orientation(s) ; {report.contacts_unlinked} contact(s) conservé(s) "
        "sans lien. L'effacement sera transmis au serveur à la prochaine synchronisation."
    )
    return 0
