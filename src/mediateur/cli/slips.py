"""Referral slips and the partner directory from the command line: `slip NUMBER -o FILE.pdf`
(the slip of one referral, recorded as printed) and `partners import FILE` (a data·inclusion
JSON or CSV export into the directory, with its report)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from mediateur.cli import EXIT_WARNINGS
from mediateur.cli.data import data_vault
from mediateur.cli.support import CliError
from mediateur.domain.reference import reference_data
from mediateur.services.partners import (
    MAX_PROBLEMS_SHOWN,
    DirectoryImportReport,
    Tally,
    import_directory,
    read_directory_file,
)
from mediateur.services.referrals import get_referral
from mediateur.services.slips import (
    record_slips_printed,
    referral_id_for_number,
    render_referral_slips,
)
from mediateur.slips import load_branding


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    slip = subparsers.add_parser(
        "slip",
        parents=[common],
        help="enregistrer la fiche de liaison d'une orientation en PDF",
        description=(
            "Écrit la fiche de liaison de l'orientation NUMÉRO (par exemple "
            "RD-3F2A9C-20261126-4) dans un fichier PDF et l'enregistre comme imprimée : une "
            "orientation en brouillon passe à « Émise ». Le fichier contient des données "
            "personnelles : enregistrez-le dans un dossier protégé."
        ),
    )
    slip.add_argument("number", metavar="NUMÉRO", help="numéro de l'orientation")
    slip.add_argument(
        "-o", "--output", metavar="FICHIER", type=Path, required=True, help="fichier PDF à écrire"
    )
    slip.set_defaults(handler=run_slip)

    partners = subparsers.add_parser(
        "partners",
        help="annuaire des partenaires (import data·inclusion)",
        description="Annuaire des partenaires et de leurs services.",
    )
    actions = partners.add_subparsers(dest="partners_command", metavar="ACTION", required=True)
    importer = actions.add_parser(
        "import",
        parents=[common],
        help="importer un export data·inclusion (.json ou .csv)",
        description=(
            "Importe les structures et services d'un export data·inclusion (.json : liste, page "
            'de l\'API ou {"structures": …, "services": …} ; .csv : un fichier par type, '
            "séparé par « , » ou « ; »). Les noms de champs du schéma v1 sont attendus, ceux du "
            "schéma v0 sont reconnus. Un élément invalide annule tout l'import, sauf avec "
            "--skip-invalid. Réimporter le même fichier ne change rien. Réservé aux responsables "
            "(ou à un profil qui ne s'est jamais connecté au serveur)."
        ),
    )
    importer.add_argument("file", metavar="FICHIER", type=Path, help="fichier .json ou .csv")
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="importer les éléments valides et lister les autres (code de sortie 3)",
    )
    importer.set_defaults(handler=run_partners_import)


def _check_output(path: Path) -> None:
    if path.is_dir():
        raise CliError(f"{path} est un dossier : donnez un nom de fichier.")
    if not path.parent.is_dir():
        raise CliError(f"le dossier {path.parent} n'existe pas.")
    if path.suffix.lower() != ".pdf":
        raise CliError(f"{path.name} : donnez un nom de fichier en .pdf.")


def run_slip(args: argparse.Namespace) -> int:
    path: Path = args.output
    _check_output(path)
    with data_vault(args) as (vault, context):
        with vault.session() as session:
            referral_id = referral_id_for_number(session, args.number)
            before = get_referral(session, referral_id).status
            pdf = render_referral_slips(
                session,
                referral_ids=[referral_id],
                context=context,
                branding=load_branding(),
            )
        try:
            path.write_bytes(pdf)
        except OSError as exc:
            raise CliError(f"écriture de {path} impossible : {exc.strerror}.") from None
        with vault.unit_of_work() as uow:
            record_slips_printed(uow=uow, referral_ids=[referral_id], context=context)
            after = get_referral(uow.session, referral_id).status
    labels = reference_data()["referral_statuses"]
    change = (
        f"l'orientation passe de « {labels.label(before)} » à « {labels.label(after)} »"
        if after != before
        else f"statut inchangé (« {labels.label(after)} »)"
    )
    print(f"Fiche de liaison {args.number.strip()} enregistrée dans {path} ; {change}.")
    return 0


def _tally(what: str, tally: Tally) -> str:
    return (
        f"{what} : {tally.created} créé(s), {tally.updated} mis à jour, "
        f"{tally.unchanged} inchangé(s)"
    )


def _print_report(path: Path, report: DirectoryImportReport) -> None:
    print(f"Import de l'annuaire {path.name} : {report.items} élément(s) lu(s).")
    print(_tally("Partenaires", report.partners) + ".")
    print(_tally("Services", report.services) + ".")
    if report.ignored_fields:
        print(f"Champs non repris dans l'annuaire : {', '.join(report.ignored_fields)}.")
    for problem in report.withdrawn[:MAX_PROBLEMS_SHOWN]:
        print(f"  - {problem}")
    if report.rejected:
        print(f"{len(report.rejected)} élément(s) invalide(s) ignoré(s) :", file=sys.stderr)
        for problem in report.rejected[:MAX_PROBLEMS_SHOWN]:
            print(f"  - {problem}", file=sys.stderr)
        hidden = len(report.rejected) - MAX_PROBLEMS_SHOWN
        if hidden > 0:
            print(f"  … et {hidden} autre(s).", file=sys.stderr)


def run_partners_import(args: argparse.Namespace) -> int:
    items = read_directory_file(args.file)
    with data_vault(args) as (vault, _), vault.unit_of_work() as uow:
        report = import_directory(uow=uow, items=items, skip_invalid=args.skip_invalid)
    _print_report(args.file, report)
    return EXIT_WARNINGS if report.has_warnings else 0
