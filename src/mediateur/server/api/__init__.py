"""The HTTP API under `/api/v1`: one router per area, gathered by `build_router()`.

Every router but `meta` sits behind the schema-version gate. A new area (the sync endpoints)
adds its module here, in `_VERSIONED`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from mediateur.server.api import auth, devices, directory, meta
from mediateur.server.api.deps import check_schema_version
from mediateur.sync.protocol import API_PREFIX

_VERSIONED = (auth.router, directory.router, devices.router)


def build_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    router.include_router(meta.router)
    versioned = APIRouter(dependencies=[Depends(check_schema_version)])
    for area in _VERSIONED:
        versioned.include_router(area)
    router.include_router(versioned)
    return router
