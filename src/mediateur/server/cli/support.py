"""What the admin commands share: the database named by `--db`, passwords, tables on stdout."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from urllib.parse import unquote
from zoneinfo import ZoneInfo

from sqlalchemy.engine import make_url

from mediateur.server import migrations
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database

PASSWORD_ENV = "MEDIATEUR_PASSWORD"  # noqa: S105 - a variable name, not a secret
PARIS = ZoneInfo("Europe/Paris")


class CliError(Exception):
    """An expected failure: its French message is shown, the exit code is 1."""


def settings_from(args: argparse.Namespace) -> Settings:
    return Settings.from_env(database_url=args.db)


def shown_url(url: str) -> str:
    """The database address without its password (a SQLite file: its path), for messages."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return parsed.database or url
    return unquote(parsed.render_as_string(hide_password=True))


def open_database(args: argparse.Namespace) -> tuple[Settings, Database]:
    """The database of `--db`, which must exist and be migrated to the latest revision."""
    settings = settings_from(args)
    url = make_url(settings.database_url)
    if url.get_backend_name() == "sqlite" and not Path(url.database or "").expanduser().exists():
        raise CliError(
            f"aucune base à l'adresse {shown_url(settings.database_url)} : "
            "créez-la avec « mediateur-server migrate »."
        )
    db = Database(settings.database_url, statement_timeout_ms=settings.statement_timeout_ms)
    current = migrations.current_revision(db)
    if current != migrations.head_revision():
        db.dispose()
        state = "non initialisée" if current is None else f"à la révision {current}"
        raise CliError(
            f"la base {shown_url(settings.database_url)} est {state} : "
            "lancez « mediateur-server migrate »."
        )
    return settings, db


def read_password(*, confirm: bool) -> str:
    """The password from MEDIATEUR_PASSWORD, else typed (twice) in a terminal."""
    value = os.environ.get(PASSWORD_ENV)
    if value is not None:
        return value
    if not sys.stdin.isatty():
        raise CliError(
            f"mot de passe absent : définissez {PASSWORD_ENV} ou lancez la commande dans un "
            "terminal."
        )
    password = getpass.getpass("Mot de passe : ")
    if confirm and getpass.getpass("Mot de passe (à nouveau) : ") != password:
        raise CliError("les deux saisies du mot de passe diffèrent : rien n'a été modifié.")
    return password


def add_db_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--db",
        metavar="URL",
        help=(
            "base de données (postgresql+psycopg://… ou sqlite:///…) ; par défaut "
            "MEDIATEUR_DATABASE_URL, sinon un fichier SQLite dans le dossier de données"
        ),
    )


def local_time(value: datetime | None) -> str:
    return "—" if value is None else value.astimezone(PARIS).strftime("%d/%m/%Y %H:%M")


def print_table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> None:
    if not rows:
        return
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=True)]
    for line in (headers, *rows):
        cells = (str(cell).ljust(width) for cell, width in zip(line, widths, strict=True))
        print("  ".join(cells).rstrip())
