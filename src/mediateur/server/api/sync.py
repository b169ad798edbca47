"""`POST /api/v1/sync/push` and `GET /api/v1/sync/pull` (DESIGN.md §4), over `server.sync`.

The push route checks the batch's limits on the raw body before it is parsed, so that a batch of
more than 200 mutations or 1 MiB is answered 413 `batch_too_large` (the laptop halves it), not
422; the raw bytes are also what the idempotency key's hash covers. A retired device may still
push its last edits; pulls need a device in service.
"""

from __future__ import annotations

import json
from datetime import timedelta
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request, Response

from mediateur.server.api.deps import (
    ClockDep,
    CurrentCaller,
    DatabaseDep,
    RetiredDeviceAllowed,
    SettingsDep,
)
from mediateur.server.api.problems import BODY_PROBLEMS, problem_responses
from mediateur.server.errors import BatchTooLarge, InvalidInput, SchemaTooNew, SchemaTooOld
from mediateur.server.sync import pull as pull_service
from mediateur.server.sync import push as push_service
from mediateur.sync.protocol import (
    DEFAULT_PULL_LIMIT,
    HEADER_CLIENT_TIME,
    HEADER_IDEMPOTENCY_KEY,
    MAX_BATCH_BYTES,
    MAX_MUTATIONS_PER_BATCH,
    MAX_PULL_LIMIT,
    MIN_SUPPORTED_SCHEMA,
    SCHEMA_VERSION,
    UUID_PATTERN,
    PullResponse,
    PushRequest,
    PushResponse,
)

router = APIRouter(prefix="/sync", tags=["sync"])

MAX_CURSOR_LENGTH = 1024
# No mutation is shorter than this in JSON: a smaller body cannot hold too many of them.
_MIN_MUTATION_BYTES = 150


async def batch_body(request: Request) -> bytes:
    """The decompressed body, refused with 413 when the batch is over its limits."""
    raw = await request.body()
    too_large = BatchTooLarge(MAX_MUTATIONS_PER_BATCH, MAX_BATCH_BYTES)
    if len(raw) > MAX_BATCH_BYTES:
        raise too_large
    if len(raw) <= MAX_MUTATIONS_PER_BATCH * _MIN_MUTATION_BYTES:
        return raw
    try:
        document = json.loads(raw)
    except ValueError:
        return raw  # the body's validation reports it
    mutations = document.get("mutations") if isinstance(document, dict) else None
    if isinstance(mutations, list) and len(mutations) > MAX_MUTATIONS_PER_BATCH:
        raise too_large
    return raw


@router.post(
    "/push",
    summary="Envoyer un lot de modifications (idempotent par clé)",
    response_model=PushResponse,
    responses=problem_responses(*BODY_PROBLEMS, 401, 409, 426),
)
def push(
    caller: RetiredDeviceAllowed,
    raw: Annotated[bytes, Depends(batch_body)],
    body: PushRequest,
    idempotency_key: Annotated[
        str,
        Header(
            alias=HEADER_IDEMPOTENCY_KEY,
            pattern=UUID_PATTERN,
            description="Un UUID par lot, renvoyé à l'identique avec le même corps.",
        ),
    ],
    db: DatabaseDep,
    clock: ClockDep,
    settings: SettingsDep,
    client_time: Annotated[
        str | None,
        Header(
            alias=HEADER_CLIENT_TIME,
            max_length=20,
            description="Heure du poste (ms depuis 1970) : au-delà de 5 min d'écart, "
            "`clock_warning` est vrai.",
        ),
    ] = None,
) -> Response:
    if body.schema_version < MIN_SUPPORTED_SCHEMA:
        raise SchemaTooOld(MIN_SUPPORTED_SCHEMA)
    if body.schema_version > SCHEMA_VERSION:
        raise SchemaTooNew(SCHEMA_VERSION)
    if body.device_id.lower() != caller.device_id:
        raise InvalidInput(
            "device_id : ce n'est pas l'appareil de la session.",
            errors=[{"location": "device_id", "message": "autre appareil que la session"}],
        )
    answer = push_service.push(
        db,
        push_service.BatchRequest(
            caller=caller,
            body=body,
            raw=raw,
            key=idempotency_key.lower(),
            client_time=client_time,
            now=clock(),
            take_over_after=timedelta(seconds=settings.push_takeover_seconds),
        ),
    )
    return Response(content=answer, media_type="application/json")


@router.get(
    "/pull",
    summary="Recevoir les changements depuis un curseur (sans curseur : tout)",
    response_model=PullResponse,
    responses=problem_responses(400, 401, 410, 422, 426),
)
def pull(
    caller: CurrentCaller,
    db: DatabaseDep,
    clock: ClockDep,
    cursor: Annotated[
        str | None,
        Query(max_length=MAX_CURSOR_LENGTH, description="`next_cursor` de la page précédente."),
    ] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_PULL_LIMIT)] = DEFAULT_PULL_LIMIT,
) -> Response:
    page = pull_service.pull(db, caller=caller, token=cursor, limit=limit, now=clock())
    return Response(content=page, media_type="application/json")
