"""Data commands: `import` (a cohort spreadsheet), `stats` (the programme's indicators) and
`export` (contacts, beneficiaries or referrals as CSV or XLSX).

Every data command opens the vault the same way: passphrase, then the local retention rule
(people not seen for 24 months are anonymised before anything is read or written).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any

from mediateur.cli import EXIT_WARNINGS
from mediateur.cli.support import CliError, open_vault
from mediateur.domain.reference import reference_data
from mediateur.reports.exports import FORMATS, KINDS, export_to_file, format_for
from mediateur.reports.indicators import Indicators, compute_indicators
from mediateur.services import clock
from mediateur.services.context import (
    DeviceContext,
    current_context,
    referents_by_name,
    user_names,
)
from mediateur.services.importer import ImportReport, import_sheet
from mediateur.services.retention import anonymise_expired
from mediateur.services.spreadsheet import read_sheet
from mediateur.store.vault import Vault

MAX_LINES_SHOWN = 20


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    importer = subparsers.add_parser(
        "import",
        parents=[common],
        help="importer une cohorte depuis un tableur (.xlsx ou .csv)",
        description=(
            "Importe les personnes d'un fichier .xlsx ou .csv (UTF-8 ou Windows-1252, séparé par "
            "« ; » ou « , »). Colonnes reconnues : nom, prenom, date_naissance, genre, "
            "telephone, email, adresse, code_postal, commune, qpv, statuts, niveau_formation, "
            "freins, date_entree, referent (et date_sortie, motif_sortie, tranche_age, id d'un "
            "export). Une "
            "ligne invalide annule tout l'import, sauf avec --skip-invalid. Les personnes déjà "
            "présentes dans la cohorte ne sont pas importées une seconde fois."
        ),
    )
    importer.add_argument("file", metavar="FICHIER", type=Path, help="fichier .xlsx ou .csv")
    importer.add_argument(
        "--skip-invalid",
        action="store_true",
        help="importer les lignes valides et lister les lignes invalides (code de sortie 3)",
    )
    importer.set_defaults(handler=run_import)

    stats = subparsers.add_parser(
        "stats",
        parents=[common],
        help="indicateurs du programme (cohorte, contacts, orientations)",
        description=(
            "Indicateurs du programme sur une période (dates de Paris, bornes incluses ; par "
            "défaut, toute la période)."
        ),
    )
    stats.add_argument("--json", action="store_true", help="sortie JSON, pour les scripts")
    stats.add_argument("--from", dest="date_from", metavar="AAAA-MM-JJ", type=_day, help="début")
    stats.add_argument("--to", dest="date_to", metavar="AAAA-MM-JJ", type=_day, help="fin")
    stats.set_defaults(handler=run_stats)

    export = subparsers.add_parser(
        "export",
        parents=[common],
        help="exporter contacts, bénéficiaires ou orientations (CSV ou XLSX)",
        description=(
            "Exporte un tableau vers un fichier CSV (UTF-8, « ; ») ou XLSX. L'export des "
            "bénéficiaires se réimporte tel quel avec « mediateur import ». Le fichier contient "
            "des données personnelles : enregistrez-le dans un dossier protégé."
        ),
    )
    export.add_argument(
        "kind",
        metavar="TABLEAU",
        choices=KINDS,
        help="contacts, beneficiaries ou referrals",
    )
    export.add_argument(
        "--format",
        dest="file_format",
        choices=FORMATS,
        help="csv ou xlsx (par défaut : selon l'extension du fichier)",
    )
    export.add_argument(
        "-o", "--output", metavar="FICHIER", type=Path, required=True, help="fichier à écrire"
    )
    export.set_defaults(handler=run_export)


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError("date invalide, AAAA-MM-JJ attendu") from None


@contextmanager
def data_vault(args: argparse.Namespace) -> Iterator[tuple[Vault, DeviceContext]]:
    """The unlocked vault after the retention rule ran, and who works on it; locked at exit."""
    vault = open_vault(args)
    try:
        with vault.unit_of_work() as uow:
            anonymised = anonymise_expired(uow=uow)
            context = current_context(uow.session, vault.install_id)
        if anonymised:
            print(
                f"{anonymised} personne(s) sans contact depuis 24 mois anonymisée(s).",
                file=sys.stderr,
            )
        yield vault, context
    finally:
        vault.lock()


def _lines(lines: tuple[int, ...]) -> str:
    shown = ", ".join(str(n) for n in lines[:MAX_LINES_SHOWN])
    return shown + (" …" if len(lines) > MAX_LINES_SHOWN else "")


def _print_report(path: Path, report: ImportReport) -> None:
    print(f"Import de {path.name} : {report.imported} personne(s) importée(s) sur {report.rows}.")
    if report.already_present:
        print(
            f"{len(report.already_present)} déjà présente(s) dans la cohorte, non importée(s) "
            f"(lignes {_lines(report.already_present)})."
        )
    if report.withdrawn:
        print(
            f"{len(report.withdrawn)} supprimée(s) ou effacée(s) de ce profil, non "
            f"réimportée(s) (lignes {_lines(report.withdrawn)})."
        )
    if report.duplicates_in_file:
        print(
            f"{len(report.duplicates_in_file)} en double dans le fichier, importée(s) une "
            f"seule fois (lignes {_lines(report.duplicates_in_file)})."
        )
    if report.skipped:
        lines = sorted({e.line for e in report.skipped})
        print(f"{len(lines)} ligne(s) invalide(s) ignorée(s) :", file=sys.stderr)
        for error in report.skipped[:MAX_LINES_SHOWN]:
            print(f"  - {error}", file=sys.stderr)
        if len(report.skipped) > MAX_LINES_SHOWN:
            print(f"  … et {len(report.skipped) - MAX_LINES_SHOWN} autre(s).", file=sys.stderr)


def run_import(args: argparse.Namespace) -> int:
    sheet = read_sheet(args.file)
    with data_vault(args) as (vault, context), vault.unit_of_work() as uow:
        referents = referents_by_name(user_names(uow.session, context))
        report = import_sheet(
            uow=uow, sheet=sheet, skip_invalid=args.skip_invalid, referents=referents
        )
    _print_report(args.file, report)
    return EXIT_WARNINGS if report.has_warnings else 0


def _number(value: float) -> str:
    return f"{value:.1f}".replace(".", ",")


def _counts(title: str, counts: Mapping[str, int], list_name: str | None) -> list[str]:
    if not counts:
        return [f"  {title} : aucun"]
    ref = reference_data()
    lines = [f"  {title} :"]
    for key, count in counts.items():
        label = ref.label(list_name, key) if list_name and key != "inconnu" else key
        lines.append(f"    {label:<52} {count:>6}")
    return lines


def format_indicators(result: Indicators) -> str:
    """The indicators as a French text report."""
    if result.date_from or result.date_to:
        start = clock.format_day(result.date_from) if result.date_from else "l'origine"
        end = clock.format_day(result.date_to) if result.date_to else "aujourd'hui"
        period = f"du {start} au {end}"
    else:
        period = "toute la période"
    c = result.cohort
    lines = [
        f"Indicateurs — {period}",
        "",
        "Cohorte",
        f"  {'Bénéficiaires reçus':<54} {c.received:>6}",
        f"  {'Allocataires du RSA':<54} {_number(c.pct_rsa):>6} %",
        f"  {'Moins de 25 ans à l’entrée':<54} {_number(c.pct_under_25):>6} %",
        f"  {'Femmes':<54} {_number(c.pct_women):>6} %",
        f"  {'Âge inconnu / genre inconnu':<54} {c.unknown_age:>6} / {c.unknown_gender}",
        f"  {'Actifs en fin de période':<54} {c.active:>6}",
        *_counts("Origine géographique (QPV)", c.by_qpv, "qpv"),
        *_counts("Sorties par motif", c.exits, "exit_reasons"),
        "",
        f"Contacts : {result.contacts.total}",
        *_counts("Par QPV", result.contacts.by_qpv, "qpv"),
        *_counts("Par canal", result.contacts.by_channel, "channels"),
        *_counts("Par suite donnée", result.contacts.by_outcome, "outcomes"),
        *_counts("Par mois", result.contacts.by_month, None),
        "",
        f"Orientations : {result.referrals.total}",
        *_counts("Par statut", result.referrals.by_status, "referral_statuses"),
    ]
    return "\n".join(lines)


def run_stats(args: argparse.Namespace) -> int:
    if args.date_from and args.date_to and args.date_from > args.date_to:
        raise CliError("la date de début (--from) est postérieure à la date de fin (--to).")
    with data_vault(args) as (vault, _), vault.session() as session:
        result = compute_indicators(session, date_from=args.date_from, date_to=args.date_to)
    if args.json:
        print(json.dumps(result.to_json(), ensure_ascii=False, indent=2))
    else:
        print(format_indicators(result))
    return 0


def run_export(args: argparse.Namespace) -> int:
    path: Path = args.output
    file_format = format_for(path, args.file_format)
    if file_format is None:
        raise CliError("précisez --format csv ou --format xlsx (ou un fichier .csv ou .xlsx).")
    if not path.parent.is_dir():
        raise CliError(f"le dossier {path.parent} n'existe pas.")
    if path.is_dir():
        raise CliError(f"{path} est un dossier : donnez un nom de fichier.")
    with data_vault(args) as (vault, context), vault.session() as session:
        names = (
            {context.user_id: context.user_name} if context.user_id and context.user_name else {}
        )
        count = export_to_file(
            session, kind=args.kind, file_format=file_format, path=path, user_names=names
        )
    print(f"{count} ligne(s) exportée(s) dans {path} ({file_format.upper()}).")
    return 0
