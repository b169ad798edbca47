"""Scopes: which feeds a record belongs to, and which feeds a caller reads (DESIGN.md §4).

A scope is an organisation id, or `PROGRAMME_SCOPE` for the reference data (events, partners,
services) every device receives, admins' included. A beneficiary is in its organisation's scope,
and in the scope of each organisation of `shared_with` when `sharing_agreed` is set and
`restricted` is not. Its contacts, follow-ups and referrals, and the events of those referrals,
follow it into those scopes, on top of their own organisation's. Admins read the programme scope
only: never a personal record.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from sqlalchemy import Connection, select

from mediateur.domain.dictionary import ENTITIES
from mediateur.server.models import record_tables
from mediateur.server.roles import REFERENCE_ENTITIES, Role, readable_entities
from mediateur.server.sessions import Caller

PROGRAMME_SCOPE = "programme"
_IN_CHUNKS = 500

# The parents whose scopes a record inherits: (column, parent entity).
PARENTS: dict[str, tuple[tuple[str, str], ...]] = {
    "beneficiary": (),
    "contact": (("beneficiary_id", "beneficiary"),),
    "follow_up": (("beneficiary_id", "beneficiary"),),
    "referral": (("beneficiary_id", "beneficiary"), ("contact_id", "contact")),
    "referral_event": (("referral_id", "referral"),),
}
# The reverse: records whose scopes follow a record's, by (entity, column pointing to it).
DEPENDENTS: dict[str, tuple[tuple[str, str], ...]] = {
    parent: tuple(
        (child, column)
        for child, links in PARENTS.items()
        for column, linked in links
        if linked == parent
    )
    for parent in PARENTS
}
_SHARING = ("sharing_agreed", "restricted", "shared_with")


def caller_scopes(caller: Caller) -> tuple[str, ...]:
    if caller.role is Role.ADMIN:
        return (PROGRAMME_SCOPE,)
    return (caller.organisation_id, PROGRAMME_SCOPE)


def entity_scope(caller: Caller, entity: str) -> str | None:
    """The caller's scope that holds its records of `entity`: reference data is in the
    programme's, the rest in the caller's organisation's; None when the role reads none."""
    if entity not in readable_entities(caller.role):
        return None
    return PROGRAMME_SCOPE if entity in REFERENCE_ENTITIES else caller.organisation_id


def _columns(entity: str) -> list[str]:
    names = ["id", "organisation_id", "deleted"]
    names += [column for column, _parent in PARENTS.get(entity, ())]
    if entity == "beneficiary":
        names += list(_SHARING)
    return names


class ScopeResolver:
    """Scopes of records as the database holds them now, remembered for one computation.
    `lookup`, when given, is asked for a row first (a push's rows, which it has locked): the
    database is read only for the rows it does not have."""

    def __init__(
        self,
        conn: Connection,
        lookup: Callable[[str, str], dict[str, Any] | None] | None = None,
    ) -> None:
        self.conn = conn
        self._lookup = lookup
        self._rows: dict[tuple[str, str], dict[str, Any] | None] = {}
        self._scopes: dict[tuple[str, str], frozenset[str]] = {}

    def _looked_up(self, entity: str, record_id: str) -> dict[str, Any] | None:
        return self._lookup(entity, record_id) if self._lookup is not None else None

    def prefetch(self, entity: str, ids: Iterable[str]) -> None:
        table = record_tables[entity]
        wanted = [
            i
            for i in dict.fromkeys(ids)
            if (entity, i) not in self._rows and self._looked_up(entity, i) is None
        ]
        for start in range(0, len(wanted), _IN_CHUNKS):
            chunk = wanted[start : start + _IN_CHUNKS]
            query = select(*(table.c[name] for name in _columns(entity))).where(
                table.c.id.in_(chunk)
            )
            for row in self.conn.execute(query).mappings():
                self._rows[entity, row["id"]] = dict(row)
            for record_id in chunk:
                self._rows.setdefault((entity, record_id), None)

    def row(self, entity: str, record_id: str) -> dict[str, Any] | None:
        known = self._looked_up(entity, record_id)
        if known is not None:
            return known
        if (entity, record_id) not in self._rows:
            self.prefetch(entity, [record_id])
        return self._rows[entity, record_id]

    def scopes(self, entity: str, record_id: str) -> frozenset[str]:
        """Empty for a record the database does not hold."""
        key = (entity, record_id)
        if key not in self._scopes:
            self._scopes[key] = self._compute(entity, record_id)
        return self._scopes[key]

    def _compute(self, entity: str, record_id: str) -> frozenset[str]:
        if ENTITIES[entity].reference_data:
            return frozenset({PROGRAMME_SCOPE})
        row = self.row(entity, record_id)
        if row is None:
            return frozenset()
        scopes = {row["organisation_id"]}
        if entity == "beneficiary":
            if row["sharing_agreed"] and not row["restricted"]:
                scopes.update(row["shared_with"] or ())
            return frozenset(scopes)
        for column, parent in PARENTS[entity]:
            if row[column]:
                scopes |= self.scopes(parent, row[column])
        return frozenset(scopes)

    def visible(self, caller: Caller, entity: str, record_id: str) -> bool:
        """Whether the caller's feeds hold this record."""
        if entity not in readable_entities(caller.role):
            return False
        return bool(self.scopes(entity, record_id) & set(caller_scopes(caller)))


def dependents(conn: Connection, entity: str, ids: Iterable[str]) -> list[tuple[str, str]]:
    """Records whose scopes follow those of `ids`: (entity, id) pairs."""
    wanted = list(dict.fromkeys(ids))
    found: list[tuple[str, str]] = []
    for child, column in DEPENDENTS.get(entity, ()):
        table = record_tables[child]
        for start in range(0, len(wanted), _IN_CHUNKS):
            chunk = wanted[start : start + _IN_CHUNKS]
            query = select(table.c.id).where(table.c[column].in_(chunk))
            found.extend((child, row_id) for row_id in conn.execute(query).scalars())
    return found
