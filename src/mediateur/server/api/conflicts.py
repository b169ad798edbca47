"""`GET /api/v1/conflicts`: the conflict log for records the caller may see, newest first."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query

from mediateur.server.api.deps import CurrentCaller, ReadTransaction
from mediateur.server.api.problems import problem_responses
from mediateur.server.sync import conflicts
from mediateur.sync.protocol import ConflictLogEntry

router = APIRouter(tags=["sync"])

DEFAULT_LIMIT = 100
MAX_LIMIT = 500


@router.get(
    "/conflicts",
    summary="Journal des conflits des fiches visibles (les plus récents d'abord)",
    responses=problem_responses(401, 422, 426),
)
def list_conflicts(
    caller: CurrentCaller,
    conn: ReadTransaction,
    before: Annotated[
        int | None,
        Query(ge=1, le=2**63 - 1, description="Page suivante : `id` de la dernière entrée reçue."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = DEFAULT_LIMIT,
) -> list[ConflictLogEntry]:
    return conflicts.visible_entries(conn, caller, before=before, limit=limit)
