"""`POST /api/v1/auth/login` and `POST /api/v1/auth/logout` (DESIGN.md §4 "Auth")."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from mediateur.server import sessions
from mediateur.server.api.deps import (
    ClockDep,
    CurrentCaller,
    DatabaseDep,
    PasswordsDep,
    SettingsDep,
    client_address,
)
from mediateur.server.api.problems import BODY_PROBLEMS, problem_responses
from mediateur.sync.protocol import LoginRequest, LoginResponse

router = APIRouter(prefix="/auth", tags=["auth"])


@router.post(
    "/login",
    summary="Ouvrir une session depuis un poste (enregistre le poste à la première connexion)",
    responses=problem_responses(*BODY_PROBLEMS, 401, 409, 426, 429),
)
def login(
    body: LoginRequest,
    request: Request,
    db: DatabaseDep,
    passwords: PasswordsDep,
    settings: SettingsDep,
    clock: ClockDep,
) -> LoginResponse:
    return sessions.login(
        db,
        passwords=passwords,
        settings=settings,
        request=body,
        address=client_address(request),
        now=clock(),
    )


@router.post(
    "/logout",
    status_code=204,
    summary="Fermer la session du jeton présenté",
    responses=problem_responses(401, 422, 426),
)
def logout(caller: CurrentCaller, db: DatabaseDep, clock: ClockDep) -> Response:
    sessions.logout(db, caller=caller, now=clock())
    return Response(status_code=204)
