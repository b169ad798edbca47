"""`mediateur-server`: the admin CLI of the sync server (DESIGN.md §5).

Every command accepts `--db URL` after its name (else `MEDIATEUR_DATABASE_URL`, else a SQLite file
in the data directory). Passwords come from `MEDIATEUR_PASSWORD` or are typed twice in a terminal.
Exit codes: 0 ok; 1 failure, with a French message on stderr; 2 usage error.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from sqlalchemy.exc import OperationalError

from mediateur.server import SERVER_VERSION
from mediateur.server.cli import accounts, devices, operations
from mediateur.server.cli.french import FrenchArgumentParser
from mediateur.server.cli.support import CliError
from mediateur.server.core.config import ConfigError
from mediateur.server.errors import ServerError

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
PROG = "mediateur-server"


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog=PROG,
        description="Serveur de synchronisation de mediateur : comptes, appareils, API.",
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"{PROG} {SERVER_VERSION}",
        help="afficher la version et quitter",
    )
    subparsers = parser.add_subparsers(
        dest="command", title="commandes", metavar="COMMANDE", required=True
    )
    for module in (accounts, devices, operations):
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as exc:
        return EXIT_USAGE if exc.code not in (0, None) else EXIT_OK
    try:
        return int(args.handler(args))
    except (CliError, ConfigError, ServerError) as exc:
        print(f"{PROG} : {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except OperationalError as exc:
        # The driver's text can carry the address and user; say what to check instead.
        print(
            f"{PROG} : base de données injoignable ou refusée ({type(exc.orig).__name__}) : "
            "vérifiez l'adresse --db, que le serveur de base tourne et les droits du compte.",
            file=sys.stderr,
        )
        return EXIT_FAILURE
    except KeyboardInterrupt:
        print(f"{PROG} : interrompu.", file=sys.stderr)
        return EXIT_FAILURE
