"""The HTTP API under `/api/v1`: one router per area, gathered by `build_router()`.

Every router but `meta` sits behind the schema-version gate; a new area adds its module to
`_VERSIONED`.
"""

from __future__ import annotations

from fastapi import APIRouter, Depends

from mediateur.server.api import auth, conflicts, devices, directory, meta, sync
from mediateur.server.api.deps import check_schema_version
from mediateur.sync.protocol import API_PREFIX

_VERSIONED = (auth.router, directory.router, devices.router, sync.router, conflicts.router)


def build_router() -> APIRouter:
    router = APIRouter(prefix=API_PREFIX)
    router.include_router(meta.router)
    versioned = APIRouter(dependencies=[Depends(check_schema_version)])
    for area in _VERSIONED:
        versioned.include_router(area)
    router.include_router(versioned)
    return router
