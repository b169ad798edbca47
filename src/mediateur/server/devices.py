"""Devices (laptop profiles): who sees them and who may revoke them (DESIGN.md §4 "devices").

A device is registered at its first login (`sessions.login`) and bound to that user for good.
Managers see and revoke the devices of their own organisation, admins those of every
organisation; a mediator is refused (403) for a device of their organisation, and anyone gets 404
for a device of another organisation, so ids of other organisations' devices cannot be probed.
Revocation only escalates: `retire` (the device may still push its last edits) can become `wipe`
(every call refused), never the reverse.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, Select, select, update

from mediateur.server import audit
from mediateur.server.audit import Action
from mediateur.server.errors import Conflict, Forbidden, NotFound
from mediateur.server.models import device, organisation, user_account
from mediateur.server.roles import DEVICE_MANAGERS, Role
from mediateur.server.sessions import Caller
from mediateur.sync.protocol import DeviceInfo, RevokeMode

_SEVERITY = {None: 0, "retire": 1, "wipe": 2}


@dataclass(frozen=True, slots=True)
class DeviceRecord:
    id: str
    name: str
    user_id: str
    username: str
    display_name: str
    organisation_id: str
    organisation_name: str
    registered_at: datetime
    last_seen: datetime | None
    app_version: str | None
    schema_version: int | None
    pending: int | None
    dead: int | None
    last_pull_at: datetime | None
    clock_skew_ms: int | None
    last_mutation_seq: int
    revoked: RevokeMode | None
    revoked_at: datetime | None

    def to_info(self) -> DeviceInfo:
        return DeviceInfo(
            id=self.id,
            user=self.display_name,
            user_id=self.user_id,
            organisation_id=self.organisation_id,
            name=self.name,
            last_seen=self.last_seen,
            app_version=self.app_version,
            pending=self.pending,
            dead=self.dead,
            last_pull_at=self.last_pull_at,
            clock_skew_ms=self.clock_skew_ms,
            revoked=self.revoked,
        )


def list_devices(conn: Connection, *, organisation_id: str | None = None) -> list[DeviceRecord]:
    query = _devices_query().order_by(
        organisation.c.name, user_account.c.username, device.c.registered_at, device.c.id
    )
    if organisation_id is not None:
        query = query.where(user_account.c.organisation_id == organisation_id)
    return [DeviceRecord(**row._mapping) for row in conn.execute(query)]


def devices_visible_to(conn: Connection, caller: Caller) -> list[DeviceRecord]:
    if caller.role not in DEVICE_MANAGERS:
        raise Forbidden("Seuls les responsables et les administrateurs voient les appareils.")
    scope = None if caller.role is Role.ADMIN else caller.organisation_id
    return list_devices(conn, organisation_id=scope)


def get_device(conn: Connection, device_id: str) -> DeviceRecord | None:
    row = conn.execute(_devices_query().where(device.c.id == device_id.lower())).first()
    return None if row is None else DeviceRecord(**row._mapping)


def revoke(
    conn: Connection, *, device_id: str, mode: RevokeMode, actor: Caller | None, now: datetime
) -> DeviceRecord:
    """Revoke a device; `actor` is None for the admin CLI on the server itself."""
    record = get_device(conn, device_id)
    if actor is not None and actor.role is not Role.ADMIN:
        if record is None or record.organisation_id != actor.organisation_id:
            record = None
        elif actor.role is not Role.MANAGER:
            raise Forbidden(
                "Seuls les responsables de l'organisation peuvent révoquer un appareil."
            )
    if record is None:
        raise NotFound("Appareil inconnu.")
    if _SEVERITY[record.revoked] > _SEVERITY[mode]:
        raise Conflict(
            "Cet appareil est déjà en effacement à distance : il ne peut pas revenir à un simple "
            "retrait."
        )
    if record.revoked == mode:
        return record
    conn.execute(
        update(device)
        .where(device.c.id == record.id)
        .values(revoked=mode, revoked_at=now, revoked_by=actor.user_id if actor else None)
    )
    audit.record(
        conn,
        action=Action.DEVICE_REVOKED,
        at=now,
        actor_user_id=actor.user_id if actor else None,
        actor_device_id=actor.device_id if actor else None,
        organisation_id=record.organisation_id,
        target_id=record.id,
        code=mode,
    )
    revoked = get_device(conn, record.id)
    assert revoked is not None
    return revoked


def _devices_query() -> Select[Any]:
    return (
        select(
            device.c.id,
            device.c.name,
            device.c.user_id,
            user_account.c.username,
            user_account.c.display_name,
            user_account.c.organisation_id,
            organisation.c.name.label("organisation_name"),
            device.c.registered_at,
            device.c.last_seen,
            device.c.app_version,
            device.c.schema_version,
            device.c.pending,
            device.c.dead,
            device.c.last_pull_at,
            device.c.clock_skew_ms,
            device.c.last_mutation_seq,
            device.c.revoked,
            device.c.revoked_at,
        )
        .join(user_account, user_account.c.id == device.c.user_id)
        .join(organisation, organisation.c.id == user_account.c.organisation_id)
    )
