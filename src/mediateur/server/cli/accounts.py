"""Organisation and account commands: create-org, orgs list, create-user, users list,
reset-password, disable-user, enable-user, set-role."""

from __future__ import annotations

import argparse

from mediateur.domain.values import now_utc
from mediateur.server import accounts
from mediateur.server.cli.support import (
    add_db_option,
    open_database,
    print_table,
    read_password,
)
from mediateur.server.core.security import Passwords
from mediateur.server.roles import ROLE_LABELS, Role

ROLES = [role.value for role in Role]


def register(subparsers: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    parser = subparsers.add_parser(
        "create-org", help="créer une organisation (affiche son identifiant)"
    )
    parser.add_argument("name", metavar="NOM", help="nom de l'organisation")
    add_db_option(parser)
    parser.set_defaults(handler=create_org)

    orgs = subparsers.add_parser("orgs", help="organisations")
    orgs_commands = orgs.add_subparsers(dest="orgs_command", metavar="COMMANDE", required=True)
    parser = orgs_commands.add_parser("list", help="lister les organisations")
    add_db_option(parser)
    parser.set_defaults(handler=list_orgs)

    parser = subparsers.add_parser(
        "create-user",
        help="créer un compte (mot de passe : MEDIATEUR_PASSWORD ou saisie)",
    )
    parser.add_argument("username", metavar="IDENTIFIANT", help="identifiant de connexion")
    parser.add_argument("--org", required=True, metavar="ID", help="identifiant de l'organisation")
    parser.add_argument("--role", required=True, choices=ROLES, help="rôle du compte")
    parser.add_argument("--display-name", metavar="NOM", help="nom affiché (défaut : identifiant)")
    parser.add_argument("--phone", metavar="TÉLÉPHONE", help="téléphone professionnel")
    parser.add_argument("--email", metavar="COURRIEL", help="courriel professionnel")
    add_db_option(parser)
    parser.set_defaults(handler=create_user)

    users = subparsers.add_parser("users", help="comptes")
    users_commands = users.add_subparsers(dest="users_command", metavar="COMMANDE", required=True)
    parser = users_commands.add_parser("list", help="lister les comptes")
    add_db_option(parser)
    parser.set_defaults(handler=list_users)

    parser = subparsers.add_parser(
        "reset-password",
        help="changer le mot de passe d'un compte et fermer ses sessions",
    )
    parser.add_argument("username", metavar="IDENTIFIANT")
    add_db_option(parser)
    parser.set_defaults(handler=reset_password)

    parser = subparsers.add_parser(
        "disable-user", help="désactiver un compte et fermer ses sessions"
    )
    parser.add_argument("username", metavar="IDENTIFIANT")
    add_db_option(parser)
    parser.set_defaults(handler=disable_user)

    parser = subparsers.add_parser("enable-user", help="réactiver un compte désactivé")
    parser.add_argument("username", metavar="IDENTIFIANT")
    add_db_option(parser)
    parser.set_defaults(handler=enable_user)

    parser = subparsers.add_parser("set-role", help="changer le rôle d'un compte")
    parser.add_argument("username", metavar="IDENTIFIANT")
    parser.add_argument("role", metavar="RÔLE", choices=ROLES, help=" | ".join(ROLES))
    add_db_option(parser)
    parser.set_defaults(handler=set_role)


def create_org(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.begin() as conn:
        created = accounts.create_organisation(conn, name=args.name, now=now_utc())
    print(created.id)
    return 0


def list_orgs(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.read() as conn:
        organisations = accounts.list_organisations(conn)
    if not organisations:
        print("Aucune organisation : créez-en une avec « mediateur-server create-org NOM ».")
        return 0
    print_table(
        ("IDENTIFIANT", "NOM", "COMPTES"),
        [(org.id, org.name, str(org.user_count)) for org in organisations],
    )
    return 0


def create_user(args: argparse.Namespace) -> int:
    settings, db = open_database(args)
    password = read_password(confirm=True)
    with db.begin() as conn:
        user = accounts.create_user(
            conn,
            passwords=Passwords(settings),
            username=args.username,
            password=password,
            organisation_id=args.org,
            role=Role(args.role),
            display_name=args.display_name,
            phone=args.phone,
            email=args.email,
            now=now_utc(),
        )
    print(user.id)
    return 0


def list_users(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.read() as conn:
        users = accounts.list_users(conn)
    if not users:
        print("Aucun compte : créez-en un avec « mediateur-server create-user ».")
        return 0
    print_table(
        ("IDENTIFIANT", "NOM AFFICHÉ", "RÔLE", "ORGANISATION", "ÉTAT"),
        [
            (
                user.username,
                user.display_name,
                ROLE_LABELS[user.role],
                user.organisation_name,
                "désactivé" if user.disabled else "actif",
            )
            for user in users
        ],
    )
    return 0


def reset_password(args: argparse.Namespace) -> int:
    settings, db = open_database(args)
    with db.read() as conn:
        accounts.find_user(conn, args.username)
    password = read_password(confirm=True)
    with db.begin() as conn:
        user = accounts.reset_password(
            conn,
            passwords=Passwords(settings),
            username=args.username,
            password=password,
            now=now_utc(),
        )
    print(f"Mot de passe de {user.username} changé ; ses sessions ouvertes sont fermées.")
    return 0


def disable_user(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.begin() as conn:
        user = accounts.set_disabled(conn, username=args.username, disabled=True, now=now_utc())
    print(f"Compte {user.username} désactivé ; ses sessions ouvertes sont fermées.")
    return 0


def enable_user(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.begin() as conn:
        user = accounts.set_disabled(conn, username=args.username, disabled=False, now=now_utc())
    print(f"Compte {user.username} réactivé.")
    return 0


def set_role(args: argparse.Namespace) -> int:
    _, db = open_database(args)
    with db.begin() as conn:
        user = accounts.set_role(conn, username=args.username, role=Role(args.role), now=now_utc())
    print(f"Rôle de {user.username} : {ROLE_LABELS[user.role]}.")
    return 0
