"""Organisations and user accounts: creation, listing, passwords, roles, the staff directory.

Used by the admin CLI (which manages accounts) and by `GET /api/v1/directory`. Usernames are
stored lowercased (logins are case-insensitive). Resetting a password or disabling an account
closes every session of that user; a role change takes effect at the next call, since each call
reads the role from the database.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Row, Select, delete, func, insert, select, update

from mediateur.domain.values import new_id
from mediateur.server import audit
from mediateur.server.audit import Action
from mediateur.server.core.security import Passwords, password_problem
from mediateur.server.errors import Conflict, InvalidInput, NotFound
from mediateur.server.models import auth_token, organisation, user_account
from mediateur.server.roles import Role
from mediateur.sync.protocol import Directory, DirectoryOrganisation, DirectoryUser

USERNAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._@-]{1,149}$")
PHONE_PATTERN = re.compile(r"^\+?[0-9][0-9 .()-]{5,29}$")
EMAIL_PATTERN = re.compile(r"^[^@\s]{1,64}@[^@\s]+\.[^@\s]+$")
MAX_NAME_LENGTH = 150


@dataclass(frozen=True, slots=True)
class OrganisationRecord:
    id: str
    name: str
    created_at: datetime
    user_count: int


@dataclass(frozen=True, slots=True)
class UserRecord:
    id: str
    username: str
    display_name: str
    role: Role
    organisation_id: str
    organisation_name: str
    phone: str | None
    email: str | None
    disabled: bool
    created_at: datetime


def normalise_username(username: str) -> str:
    return username.strip().lower()


def create_organisation(conn: Connection, *, name: str, now: datetime) -> OrganisationRecord:
    name = " ".join(name.split())
    if not name or len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"nom d'organisation : de 1 à {MAX_NAME_LENGTH} caractères.")
    taken = conn.execute(
        select(organisation.c.id).where(func.lower(organisation.c.name) == name.lower())
    ).first()
    if taken is not None:
        raise Conflict(f"une organisation porte déjà ce nom (identifiant {taken.id}).")
    organisation_id = new_id()
    conn.execute(insert(organisation).values(id=organisation_id, name=name, created_at=now))
    audit.record(
        conn,
        action=Action.ORGANISATION_CREATED,
        at=now,
        organisation_id=organisation_id,
        target_id=organisation_id,
    )
    return OrganisationRecord(id=organisation_id, name=name, created_at=now, user_count=0)


def list_organisations(conn: Connection) -> list[OrganisationRecord]:
    users = (
        select(user_account.c.organisation_id, func.count().label("n"))
        .group_by(user_account.c.organisation_id)
        .subquery()
    )
    rows = conn.execute(
        select(organisation, func.coalesce(users.c.n, 0).label("user_count"))
        .outerjoin(users, users.c.organisation_id == organisation.c.id)
        .order_by(organisation.c.name)
    )
    return [OrganisationRecord(**row._mapping) for row in rows]


def create_user(
    conn: Connection,
    *,
    passwords: Passwords,
    username: str,
    password: str,
    organisation_id: str,
    role: Role,
    now: datetime,
    display_name: str | None = None,
    phone: str | None = None,
    email: str | None = None,
) -> UserRecord:
    username = normalise_username(username)
    if not USERNAME_PATTERN.match(username):
        raise InvalidInput(
            "identifiant : de 2 à 150 caractères parmi les lettres sans accent, les chiffres "
            "et « . _ - @ », en commençant par une lettre ou un chiffre."
        )
    problem = password_problem(password)
    if problem is not None:
        raise InvalidInput(problem)
    clean_name = _display_name(display_name, default=username)
    clean_phone = _optional(phone, PHONE_PATTERN, "téléphone : chiffres, espaces et « + . ( ) - ».")
    clean_email = _optional(email, EMAIL_PATTERN, "courriel : adresse de la forme nom@domaine.fr.")
    if clean_email is not None and len(clean_email) > 200:
        raise InvalidInput("courriel : 200 caractères au plus.")
    known = select(organisation.c.id).where(organisation.c.id == organisation_id)
    if conn.execute(known).first() is None:
        raise NotFound(
            f"organisation inconnue ({organisation_id}) : « orgs list » donne les identifiants."
        )
    if conn.execute(select(user_account.c.id).where(user_account.c.username == username)).first():
        raise Conflict("cet identifiant est déjà pris : choisissez-en un autre.")
    user_id = new_id()
    conn.execute(
        insert(user_account).values(
            id=user_id,
            organisation_id=organisation_id,
            username=username,
            password_hash=passwords.hash(password),
            role=role.value,
            display_name=clean_name,
            phone=clean_phone,
            email=clean_email,
            disabled=False,
            created_at=now,
            password_changed_at=now,
        )
    )
    audit.record(
        conn,
        action=Action.USER_CREATED,
        at=now,
        organisation_id=organisation_id,
        target_id=user_id,
        code=role.value,
    )
    return find_user(conn, username)


def list_users(conn: Connection) -> list[UserRecord]:
    return [_user(row) for row in conn.execute(_users_query().order_by(user_account.c.username))]


def find_user(conn: Connection, username: str) -> UserRecord:
    row = conn.execute(
        _users_query().where(user_account.c.username == normalise_username(username))
    ).first()
    if row is None:
        raise NotFound("utilisateur inconnu : « users list » donne les identifiants.")
    return _user(row)


def reset_password(
    conn: Connection, *, passwords: Passwords, username: str, password: str, now: datetime
) -> UserRecord:
    user = find_user(conn, username)
    problem = password_problem(password)
    if problem is not None:
        raise InvalidInput(problem)
    conn.execute(
        update(user_account)
        .where(user_account.c.id == user.id)
        .values(password_hash=passwords.hash(password), password_changed_at=now)
    )
    closed = _close_sessions(conn, user.id)
    audit.record(
        conn,
        action=Action.PASSWORD_RESET,
        at=now,
        organisation_id=user.organisation_id,
        target_id=user.id,
        count=closed,
    )
    return user


def set_disabled(conn: Connection, *, username: str, disabled: bool, now: datetime) -> UserRecord:
    user = find_user(conn, username)
    conn.execute(update(user_account).where(user_account.c.id == user.id).values(disabled=disabled))
    closed = _close_sessions(conn, user.id) if disabled else None
    audit.record(
        conn,
        action=Action.USER_DISABLED if disabled else Action.USER_ENABLED,
        at=now,
        organisation_id=user.organisation_id,
        target_id=user.id,
        count=closed,
    )
    return find_user(conn, username)


def set_role(conn: Connection, *, username: str, role: Role, now: datetime) -> UserRecord:
    user = find_user(conn, username)
    conn.execute(update(user_account).where(user_account.c.id == user.id).values(role=role.value))
    audit.record(
        conn,
        action=Action.ROLE_CHANGED,
        at=now,
        organisation_id=user.organisation_id,
        target_id=user.id,
        code=role.value,
    )
    return find_user(conn, username)


def directory(conn: Connection) -> Directory:
    """Every organisation and every user's public card: no username, no password hash.

    Disabled accounts stay listed: they remain the referents and authors of past records."""
    organisations = [
        DirectoryOrganisation(id=row.id, name=row.name)
        for row in conn.execute(select(organisation.c.id, organisation.c.name).order_by("name"))
    ]
    users = [
        DirectoryUser(
            id=row.id,
            display_name=row.display_name,
            organisation_id=row.organisation_id,
            role=row.role,
            phone=row.phone,
            email=row.email,
        )
        for row in conn.execute(
            select(
                user_account.c.id,
                user_account.c.display_name,
                user_account.c.organisation_id,
                user_account.c.role,
                user_account.c.phone,
                user_account.c.email,
            ).order_by(user_account.c.display_name, user_account.c.id)
        )
    ]
    return Directory(organisations=organisations, users=users)


def _users_query() -> Select[Any]:
    return select(
        user_account.c.id,
        user_account.c.username,
        user_account.c.display_name,
        user_account.c.role,
        user_account.c.organisation_id,
        organisation.c.name.label("organisation_name"),
        user_account.c.phone,
        user_account.c.email,
        user_account.c.disabled,
        user_account.c.created_at,
    ).join(organisation, organisation.c.id == user_account.c.organisation_id)


def _user(row: Row[Any]) -> UserRecord:
    values = dict(row._mapping)
    values["role"] = Role(values["role"])
    return UserRecord(**values)


def _close_sessions(conn: Connection, user_id: str) -> int:
    return conn.execute(delete(auth_token).where(auth_token.c.user_id == user_id)).rowcount


def _display_name(value: str | None, *, default: str) -> str:
    name = " ".join((value or "").split()) or default
    if len(name) > MAX_NAME_LENGTH:
        raise InvalidInput(f"nom affiché : {MAX_NAME_LENGTH} caractères au plus.")
    return name


def _optional(value: str | None, pattern: re.Pattern[str], message: str) -> str | None:
    value = (value or "").strip()
    if not value:
        return None
    if not pattern.match(value):
        raise InvalidInput(message)
    return value
