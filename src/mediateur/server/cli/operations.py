"""Operating commands: `migrate`, `purge` and `serve`."""

from __future__ import annotations

import argparse
import copy
import os
import sys
from pathlib import Path
from typing import Any

import uvicorn
from sqlalchemy.engine import make_url
from uvicorn.config import LOGGING_CONFIG

from mediateur.domain.values import now_utc
from mediateur.server import jobs, migrations
from mediateur.server.cli.support import (
    CliError,
    add_db_option,
    open_database,
    settings_from,
    shown_url,
)
from mediateur.server.core.config import DATABASE_URL_ENV
from mediateur.server.core.db import Database

DEFAULT_HOST = "127.0.0.1"
DEFAULT_PORT = 8765


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "migrate", help="créer la base ou la mettre à jour (sans effet si elle est à jour)"
    )
    add_db_option(parser)
    parser.set_defaults(handler=migrate)

    parser = subparsers.add_parser(
        "purge",
        help="lancer maintenant les tâches de purge (journal d'audit de plus de 12 mois, …)",
    )
    add_db_option(parser)
    parser.set_defaults(handler=purge)

    parser = subparsers.add_parser(
        "serve", help="migrer la base puis servir l'API (plusieurs processus avec --workers)"
    )
    parser.add_argument("--host", default=DEFAULT_HOST, help=f"adresse d'écoute ({DEFAULT_HOST})")
    parser.add_argument(
        "--port", type=int, default=DEFAULT_PORT, help=f"port d'écoute ({DEFAULT_PORT})"
    )
    parser.add_argument(
        "--workers", type=int, default=1, metavar="N", help="nombre de processus (1)"
    )
    add_db_option(parser)
    parser.set_defaults(handler=serve)


def _migrate(database_url: str, statement_timeout_ms: int) -> str:
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite" and url.database:
        # The default file lives in a data directory that may not exist yet.
        Path(url.database).expanduser().parent.mkdir(parents=True, exist_ok=True)
    db = Database(database_url, statement_timeout_ms=statement_timeout_ms)
    try:
        before, after = migrations.upgrade(db)
    finally:
        db.dispose()
    if before == after:
        return f"Base {shown_url(database_url)} déjà à jour (révision {after})."
    return f"Base {shown_url(database_url)} mise à jour : {before or 'vide'} → {after}."


def migrate(args: argparse.Namespace) -> int:
    settings = settings_from(args)
    print(_migrate(settings.database_url, settings.statement_timeout_ms))
    return 0


def purge(args: argparse.Namespace) -> int:
    settings, db = open_database(args)
    results = jobs.run_all(db, settings=settings, now=now_utc())
    for result in results:
        if result.failed:
            print(f"échec de la tâche {result.name} : voir le journal du serveur.", file=sys.stderr)
        else:
            print(f"{result.count} {result.label}")
    return 1 if any(result.failed for result in results) else 0


def serve(args: argparse.Namespace) -> int:
    if args.workers < 1:
        raise CliError("--workers : au moins 1 processus.")
    if not 0 < args.port < 65536:
        raise CliError("--port : un numéro entre 1 et 65535.")
    settings = settings_from(args)
    print(_migrate(settings.database_url, settings.statement_timeout_ms), file=sys.stderr)
    # Workers are new processes: they read their settings from the environment.
    os.environ[DATABASE_URL_ENV] = settings.database_url
    uvicorn.run(
        "mediateur.server.app:app_from_environment",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        timeout_graceful_shutdown=30,
        log_config=_log_config(),
    )
    return 0


def _log_config() -> dict[str, Any]:
    """uvicorn's logging, plus the server's own loggers (ids and counts only) in each worker."""
    config = copy.deepcopy(LOGGING_CONFIG)
    config["loggers"]["mediateur"] = {"handlers": ["default"], "level": "INFO", "propagate": False}
    return config
