"""Device commands: `devices list [--org ID]` and `devices revoke DEVICE_ID --mode retire|wipe`."""

from __future__ import annotations

import argparse

from mediateur.domain.values import now_utc
from mediateur.server import devices
from mediateur.server.cli.support import add_db_option, local_time, open_database, print_table

_STATES = {None: "actif", "retire": "retiré", "wipe": "effacement à distance"}


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    group = subparsers.add_parser("devices", help="appareils (postes des utilisateurs)")
    commands = group.add_subparsers(dest="devices_command", metavar="COMMANDE", required=True)

    parser = commands.add_parser("list", help="lister les appareils")
    parser.add_argument("--org", metavar="ID", help="seulement ceux de cette organisation")
    add_db_option(parser)
    parser.set_defaults(handler=list_devices)

    parser = commands.add_parser(
        "revoke",
        help="retirer (retire : il envoie ses dernières saisies) ou effacer à distance (wipe)",
    )
    parser.add_argument("device_id", metavar="ID_APPAREIL")
    parser.add_argument("--mode", required=True, choices=["retire", "wipe"])
    add_db_option(parser)
    parser.set_defaults(handler=revoke_device)


def list_devices(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.read() as conn:
        records = devices.list_devices(conn, organisation_id=args.org)
    if not records:
        print("Aucun appareil : un poste s'enregistre à sa première connexion.")
        return 0
    print_table(
        (
            "IDENTIFIANT",
            "UTILISATEUR",
            "POSTE",
            "ORGANISATION",
            "DERNIER CONTACT",
            "VERSION",
            "ÉTAT",
        ),
        [
            (
                record.id,
                record.username,
                record.name,
                record.organisation_name,
                local_time(record.last_seen),
                record.app_version or "—",
                _STATES[record.revoked],
            )
            for record in records
        ],
    )
    return 0


def revoke_device(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.begin() as conn:
        record = devices.revoke(
            conn, device_id=args.device_id, mode=args.mode, actor=None, now=now_utc()
        )
    if record.revoked == "wipe":
        print(
            f"Appareil {record.id} : effacement à distance demandé, tous ses appels sont refusés."
        )
    else:
        print(
            f"Appareil {record.id} retiré : il peut encore envoyer ses saisies, puis son profil "
            "sera effacé."
        )
    return 0
