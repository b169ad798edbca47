"""`GET /api/v1/directory`: organisations and their staff, kept by laptops for offline use."""

from __future__ import annotations

from fastapi import APIRouter

from mediateur.server import accounts
from mediateur.server.api.deps import CurrentCaller, ReadTransaction
from mediateur.server.api.problems import problem_responses
from mediateur.sync.protocol import Directory

router = APIRouter(tags=["directory"])


@router.get(
    "/directory",
    summary="Annuaire des organisations et de leurs utilisateurs",
    responses=problem_responses(401, 422, 426),
)
def read_directory(_caller: CurrentCaller, conn: ReadTransaction) -> Directory:
    return accounts.directory(conn)
