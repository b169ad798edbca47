"""Sync commands: `login` (link the profile to a server account) and `sync`."""

from __future__ import annotations

import argparse
import os
import platform
import sys
from typing import Any

from mediateur.cli.support import PASSWORD_ENV, CliError, open_vault, read_secret
from mediateur.domain.server_url import InvalidServerUrl, normalize_server_url
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state
from mediateur.sync.engine import SyncEngine
from mediateur.sync.outbox import counts
from mediateur.sync.transport import HttpTransport


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    login = subparsers.add_parser(
        "login",
        parents=[common],
        help="relier le profil à un compte du serveur",
        description=(
            "Relie ce profil au serveur de la Cité de l'emploi. Mot de passe lu dans "
            f"{PASSWORD_ENV} ou demandé."
        ),
    )
    login.add_argument(
        "--server", required=True, metavar="URL", help="adresse du serveur (https://…)"
    )
    login.add_argument("--username", required=True, metavar="IDENTIFIANT", help="votre identifiant")
    login.add_argument(
        "--ca-bundle", metavar="FICHIER", help="certificat d'autorité du serveur (PEM)"
    )
    login.set_defaults(handler=run_login)
    sync = subparsers.add_parser(
        "sync",
        parents=[common],
        help="synchroniser avec le serveur",
        description=(
            "Envoie les saisies en attente et reçoit celles des autres postes. Code de sortie 0 : "
            "tout est envoyé et reçu ; 3 : terminé avec des rejets ; 1 : échec."
        ),
    )
    sync.set_defaults(handler=run_sync)


def _engine(vault: Vault) -> SyncEngine:
    with vault.session() as session:
        state = local_state.get_many(session, local_state.SERVER_URL, local_state.CA_BUNDLE)
    if not state[local_state.SERVER_URL]:
        raise errors.NotLoggedIn()
    transport = HttpTransport(
        state[local_state.SERVER_URL] or "", ca_bundle=state[local_state.CA_BUNDLE]
    )
    return SyncEngine(vault, transport)


def run_login(args: argparse.Namespace) -> int:
    try:
        server = normalize_server_url(args.server)
    except InvalidServerUrl as exc:
        raise CliError(str(exc)) from None
    vault = open_vault(args)
    try:
        password = read_secret(PASSWORD_ENV, f"Mot de passe de {args.username} : ")
        with vault.write_session() as session, session.begin():
            local_state.put(session, local_state.CA_BUNDLE, args.ca_bundle)
        engine = SyncEngine(vault, HttpTransport(server, ca_bundle=args.ca_bundle))
        try:
            login = engine.login(server, args.username, password, platform.node())
        except errors.SyncError as exc:
            raise CliError(str(exc)) from None
    finally:
        vault.lock()
    print(f"Connecté à {server} : {login.user.display_name} ({login.user.role}).")
    return 0


def run_sync(args: argparse.Namespace) -> int:
    vault = open_vault(args)
    try:
        engine = _engine(vault)
        try:
            report = engine.sync()
        except errors.AuthenticationRequired:
            if PASSWORD_ENV not in os.environ:
                raise
            with vault.session() as session:
                state = local_state.get_many(session, local_state.SERVER_URL, local_state.USERNAME)
            engine.login(
                state["server_url"] or "",
                state["username"] or "",
                os.environ[PASSWORD_ENV],
                platform.node(),
            )
            report = engine.sync()
        with vault.session() as session:
            tally = counts(session)
    except errors.DeviceRevoked as exc:
        print(f"mediateur : {exc}", file=sys.stderr)
        return 1
    except errors.SyncError as exc:
        raise CliError(str(exc)) from None
    finally:
        if not vault.is_locked:
            vault.lock()
    print(
        f"Synchronisation terminée : {report.sent} envoyé(s), {report.received} reçu(s), "
        f"{report.conflicts} conflit(s), {report.rejected} rejet(s)."
    )
    if report.clock_warning:
        print("Attention : l'horloge de cet ordinateur est décalée de plus de 5 minutes.")
    if tally["dead"]:
        print(
            f"{tally['dead']} modification(s) refusée(s) par le serveur restent à traiter "
            "dans l'application (page Synchronisation)."
        )
        return 3
    return 0
