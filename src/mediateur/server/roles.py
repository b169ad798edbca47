"""Roles and what each may do (DESIGN.md §4 "Roles").

- `mediator`: the records of their own organisation, and beneficiaries shared with it.
- `manager`: the same, plus review fields, reference data, exports, the devices of their own
  organisation and merges of duplicates in it.
- `admin`: users, organisations and devices of every organisation, and **never** personal data:
  an admin's pull carries only reference data (`event`, `partner`, `service`), never a
  beneficiary, contact, follow-up, referral or referral event. Every endpoint that returns records
  asks `readable_entities(role)` which entities the caller may receive.
"""

from __future__ import annotations

from enum import StrEnum

from mediateur.domain.dictionary import ENTITIES


class Role(StrEnum):
    MEDIATOR = "mediator"
    MANAGER = "manager"
    ADMIN = "admin"


ROLE_LABELS = {Role.MEDIATOR: "médiatrice", Role.MANAGER: "responsable", Role.ADMIN: "admin"}

DEVICE_MANAGERS = frozenset({Role.MANAGER, Role.ADMIN})

REFERENCE_ENTITIES = frozenset(name for name, spec in ENTITIES.items() if spec.reference_data)
ALL_ENTITIES = frozenset(ENTITIES)


def readable_entities(role: Role) -> frozenset[str]:
    """The synced entities a user of `role` may receive: admins get reference data only."""
    return REFERENCE_ENTITIES if role is Role.ADMIN else ALL_ENTITIES


def manages_every_organisation(role: Role) -> bool:
    return role is Role.ADMIN
