"""`GET /api/v1/devices` and `POST /api/v1/devices/{id}/revoke` (DESIGN.md §4 "devices")."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path

from mediateur.server import devices
from mediateur.server.api.deps import (
    ClockDep,
    CurrentCaller,
    DeviceManager,
    ReadTransaction,
    WriteTransaction,
)
from mediateur.server.api.problems import BODY_PROBLEMS, problem_responses
from mediateur.sync.protocol import UUID_PATTERN, DeviceInfo, RevokeRequest

router = APIRouter(prefix="/devices", tags=["devices"])


@router.get(
    "",
    summary="Appareils de l'organisation (responsables) ou de toutes (administrateurs)",
    responses=problem_responses(401, 403, 422, 426),
)
def list_devices(caller: DeviceManager, conn: ReadTransaction) -> list[DeviceInfo]:
    return [record.to_info() for record in devices.devices_visible_to(conn, caller)]


@router.post(
    "/{device_id}/revoke",
    summary="Retirer (`retire`) ou effacer à distance (`wipe`) un appareil",
    responses=problem_responses(*BODY_PROBLEMS, 401, 403, 404, 409, 426),
)
def revoke_device(
    device_id: Annotated[str, Path(pattern=UUID_PATTERN)],
    body: RevokeRequest,
    caller: CurrentCaller,
    conn: WriteTransaction,
    clock: ClockDep,
) -> DeviceInfo:
    record = devices.revoke(conn, device_id=device_id, mode=body.mode, actor=caller, now=clock())
    return record.to_info()
