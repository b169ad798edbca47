"""`GET /api/v1/meta`: what the server is and which client schemas it accepts (no auth)."""

from __future__ import annotations

from fastapi import APIRouter

from mediateur.server import SERVER_VERSION
from mediateur.sync.protocol import MIN_SUPPORTED_SCHEMA, SCHEMA_VERSION, Meta

router = APIRouter(tags=["meta"])


@router.get("/meta", summary="Version du serveur et schémas acceptés")
def read_meta() -> Meta:
    return Meta(
        server_version=SERVER_VERSION,
        schema_version=SCHEMA_VERSION,
        min_supported_schema=MIN_SUPPORTED_SCHEMA,
    )
