"""The `mediateur` command: the GUI without arguments, headless subcommands otherwise (§9).

Each module of this package registers its subcommands with `register(subparsers, common)`; a
handler takes the parsed arguments and returns an exit code: 0 ok, 1 user error or failure (a
French message on stderr), 2 usage, 3 done with warnings. Expected errors are raised as
`CliError`; vault errors carry their own French message.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

from mediateur import __version__
from mediateur.cli.console import protect_console_streams
from mediateur.cli.french_argparse import FrenchArgumentParser

EXIT_OK = 0
EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_WARNINGS = 3

COMMAND_MODULES = (
    "mediateur.cli.profile",
    "mediateur.cli.demo",
    "mediateur.cli.data",
    "mediateur.cli.rights",
    "mediateur.cli.sync",
    "mediateur.cli.slips",
    "mediateur.cli.selftest",
)


def gui_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The GUI's options when `argv` starts the GUI (no subcommand, at most `--profile DIR`),
    else None. Read before the subcommands are registered: their modules import the database
    stack, which the GUI loads only once its first screen shows (~1 s saved, bench/package.py).
    `--startup-probe` (hidden) quits once the first screen shows (`ui/startup_probe.py`)."""
    parser = FrenchArgumentParser(prog="mediateur", add_help=False, exit_on_error=False)
    parser.add_argument("--profile")
    parser.add_argument("--startup-probe", action="store_true")
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None  # the full parser reports it in French
    return None if rest else args


def build_parser() -> argparse.ArgumentParser:
    parser = FrenchArgumentParser(
        prog="mediateur",
        description=(
            "Contacts d'aller-vers, cohorte et fiches de liaison de la Cité de l'emploi. "
            "Sans commande, lance l'application."
        ),
    )
    parser.add_argument(
        "--version",
        action="version",
        version=f"mediateur {__version__}",
        help="afficher la version et quitter",
    )
    parser.add_argument("--profile", metavar="DOSSIER", help="dossier du profil à ouvrir")
    parser.set_defaults(profile_name=None)
    common = FrenchArgumentParser(add_help=False)
    group = common.add_argument_group("profil")
    # SUPPRESS: an option given before the subcommand is not reset by the subcommand's default.
    group.add_argument(
        "--profile",
        metavar="DOSSIER",
        default=argparse.SUPPRESS,
        help="dossier du profil (prioritaire)",
    )
    group.add_argument(
        "--profile-name",
        metavar="NOM",
        default=argparse.SUPPRESS,
        help="nom d'un profil du dossier d'accueil",
    )
    subparsers = parser.add_subparsers(dest="command", title="commandes", metavar="COMMANDE")
    for module_name in COMMAND_MODULES:
        importlib.import_module(module_name).register(subparsers, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    protect_console_streams()
    gui = gui_arguments(sys.argv[1:] if argv is None else argv)
    if gui is not None:
        if gui.startup_probe:
            from mediateur.ui.startup_probe import run_probe

            return run_probe(profile=gui.profile)
        from mediateur.ui.app import run_gui

        return run_gui(profile=gui.profile)
    # Imported for subcommands only: `support` loads the database stack.
    from mediateur.cli.support import CliError
    from mediateur.domain.reference import ReferenceDataError, reference_data
    from mediateur.services.errors import ServiceError
    from mediateur.store.errors import VaultError

    args = build_parser().parse_args(argv)
    try:
        reference_data()  # a broken reference file stops every command with its French reason
        return int(args.handler(args))
    except (CliError, VaultError, ServiceError, ReferenceDataError) as exc:
        print(f"mediateur : {exc}", file=sys.stderr)
        return EXIT_FAILURE
    except BrokenPipeError:
        # Output piped into a command that stopped reading (`| head`): not an error of ours.
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115, PTH123 - replaces the closed stream
        return EXIT_OK
    except KeyboardInterrupt:
        print("mediateur : interrompu.", file=sys.stderr)
        return EXIT_FAILURE
