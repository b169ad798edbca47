"""RFC 9457 problem responses: every error of the API, with a `code` and a French `detail`.

`ServerError`s raised by services, request validation errors, unknown routes and wrong methods all
end here. Validation problems list each faulty location (`username`, `en-tête X-Schema-Version`)
with a French reason, and never the submitted value: FastAPI's default handler echoes the input,
which would put passwords and personal data into responses and logs. Names of fields the API does
not know are not repeated either (a key can carry data as well as a value can).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException

from mediateur.server.errors import ServerError
from mediateur.sync.protocol import Problem

PROBLEM_MEDIA_TYPE = "application/problem+json"
MAX_LISTED_ERRORS = 20

_HTTP_PROBLEMS = {
    400: ("bad_request", "Requête incorrecte", "La requête est mal formée."),
    404: (
        "not_found",
        "Adresse inconnue",
        "Cette adresse n'existe pas sur le serveur : vérifiez l'URL du serveur.",
    ),
    405: (
        "method_not_allowed",
        "Méthode non permise",
        "Cette méthode HTTP n'est pas permise à cette adresse.",
    ),
    406: ("not_acceptable", "Format refusé", "Le serveur ne répond qu'en JSON."),
    415: ("unsupported_media_type", "Format non pris en charge", "Envoyez du JSON."),
}

_LOCATIONS = {"header": "en-tête", "query": "paramètre", "path": "adresse", "cookie": "cookie"}
_HEADER_NAMES = {
    "x-schema-version": "X-Schema-Version",
    "idempotency-key": "Idempotency-Key",
    "x-client-time": "X-Client-Time",
    "authorization": "Authorization",
}


class ValidationIssue(BaseModel):
    location: str
    message: str


class ValidationProblem(Problem):
    errors: list[ValidationIssue]


def problem_response(
    *,
    status: int,
    code: str,
    title: str,
    detail: str,
    headers: Mapping[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    body = {"type": f"urn:mediateur:problem:{code}", "title": title, "status": status}
    body |= {"detail": detail, "code": code} | extra
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_MEDIA_TYPE)


def error_response(error: ServerError) -> JSONResponse:
    return problem_response(
        status=error.status,
        code=error.code,
        title=error.title,
        detail=error.detail,
        headers=error.headers,
        **error.extra,
    )


def install(app: FastAPI) -> None:
    app.add_exception_handler(ServerError, _on_server_error)  # type: ignore[arg-type]
    app.add_exception_handler(RequestValidationError, _on_validation_error)  # type: ignore[arg-type]
    app.add_exception_handler(StarletteHTTPException, _on_http_exception)  # type: ignore[arg-type]


async def _on_server_error(_request: Request, error: ServerError) -> JSONResponse:
    return error_response(error)


async def _on_validation_error(request: Request, error: RequestValidationError) -> JSONResponse:
    known = _known_names(request.app)
    # A parameter shared by two dependencies is reported twice by FastAPI: once is enough.
    unique = {
        (issue.location, issue.message): issue
        for issue in (_issue(item, known) for item in error.errors())
    }
    issues = list(unique.values())[:MAX_LISTED_ERRORS]
    summary = " ; ".join(f"{issue.location} : {issue.message}" for issue in issues[:3])
    if len(unique) > 3:
        summary += f" ; et {len(unique) - 3} autre(s)"
    return problem_response(
        status=422,
        code="validation_error",
        title="Données invalides",
        detail=f"Requête invalide — {summary}.",
        errors=[issue.model_dump() for issue in issues],
    )


async def _on_http_exception(_request: Request, error: StarletteHTTPException) -> JSONResponse:
    code, title, detail = _HTTP_PROBLEMS.get(
        error.status_code, ("http_error", "Erreur", "La requête n'a pas pu aboutir.")
    )
    return problem_response(
        status=error.status_code, code=code, title=title, detail=detail, headers=error.headers
    )


def _known_names(app: FastAPI) -> frozenset[str]:
    """Every property and parameter name of the OpenAPI document: the names safe to repeat."""
    names = getattr(app.state, "problem_known_names", None)
    if names is None:
        document = app.openapi()
        found: set[str] = set()
        for schema in document.get("components", {}).get("schemas", {}).values():
            found.update(schema.get("properties", {}))
        for path in document.get("paths", {}).values():
            for operation in path.values():
                for param in operation.get("parameters", []):
                    found.update((param["name"], param["name"].lower()))
        names = app.state.problem_known_names = frozenset(found)
    return names


def _issue(error: Mapping[str, Any], known: frozenset[str]) -> ValidationIssue:
    loc = list(error["loc"])
    if error.get("type") == "json_invalid":
        loc = loc[:1]
    elif error.get("type") == "extra_forbidden":
        loc = loc[:-1]
    return ValidationIssue(location=_location(loc, known), message=_message(error))


def _location(loc: Sequence[str | int], known: frozenset[str]) -> str:
    kind, rest = (loc[0], loc[1:]) if loc and loc[0] in ("body", *_LOCATIONS) else ("body", loc)
    # A name the API does not declare came from the client: it is not repeated.
    names = [
        f"[{part}]" if isinstance(part, int) else part if part in known else "…" for part in rest
    ]
    if kind == "header" and names:
        return f"en-tête {_HEADER_NAMES.get(names[0].lower(), names[0])}"
    path = ".".join(names).replace(".[", "[")
    if kind == "body":
        return path or "corps de la requête"
    return f"{_LOCATIONS[str(kind)]} {path}".strip()


def _message(error: Mapping[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return "champ obligatoire absent"
    if kind == "extra_forbidden":
        return "champ non prévu par l'API"
    if kind in ("string_too_short", "too_short"):
        return f"trop court (au moins {ctx.get('min_length', 1)})"
    if kind in ("string_too_long", "too_long"):
        return f"trop long (au plus {ctx.get('max_length', '?')})"
    if kind == "string_pattern_mismatch":
        return "format invalide"
    if kind == "literal_error":
        return f"valeur non permise (attendu : {ctx.get('expected', '?')})"
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return "nombre entier attendu"
    if kind in ("string_type", "string_unicode"):
        return "texte attendu"
    if kind in ("bool_type", "bool_parsing"):
        return "booléen attendu (true ou false)"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return "objet JSON attendu"
    if kind == "list_type":
        return "liste attendue"
    if kind == "json_invalid":
        return "JSON illisible"
    if kind in ("datetime_type", "datetime_parsing", "datetime_from_date_parsing"):
        return "date et heure ISO 8601 attendues"
    if kind in ("greater_than_equal", "greater_than"):
        return f"doit valoir au moins {ctx.get('ge', ctx.get('gt', '?'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"doit valoir au plus {ctx.get('le', ctx.get('lt', '?'))}"
    return "valeur invalide"


_RESPONSE_DESCRIPTIONS = {
    400: "Corps ou curseur illisible (`bad_request`, `invalid_gzip`, `invalid_cursor`).",
    401: "Non authentifié : `invalid_token`, `invalid_credentials`, `account_disabled`, ou "
    "`device_revoked` avec `mode` (`retire` ou `wipe`).",
    403: "Rôle insuffisant (`forbidden`).",
    404: "Introuvable (`not_found`).",
    409: "Conflit avec l'état actuel (`device_taken`, `conflict`), ou lot encore en cours "
    "(`in_progress`, avec `Retry-After`).",
    410: "Resynchronisation complète nécessaire (`epoch_changed`, `tombstone_horizon`).",
    408: "Corps de requête arrivé trop lentement (`request_timeout`).",
    413: "Corps de requête trop volumineux une fois décompressé (`body_too_large`), ou lot de "
    "plus de 200 modifications ou 1 Mio (`batch_too_large`).",
    415: "Encodage du corps non pris en charge (`unsupported_encoding`).",
    422: "Données invalides (`validation_error`), sans jamais reprendre les valeurs envoyées ; "
    "clé d'idempotence déjà servie pour un autre corps (`idempotency_conflict`).",
    426: "Version de schéma hors de la plage acceptée (`client_too_old`, `server_too_old`).",
    429: "Trop de tentatives échouées (`rate_limited`), avec `Retry-After`.",
}


# What any operation that takes a JSON body can answer about the body itself.
BODY_PROBLEMS = (400, 408, 413, 415, 422)


def problem_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """OpenAPI documentation of the problems an operation can answer."""
    return {
        status: {
            "model": ValidationProblem if status == 422 else Problem,
            "description": _RESPONSE_DESCRIPTIONS[status],
        }
        for status in statuses
    }


def use_problem_media_type(document: dict[str, Any]) -> dict[str, Any]:
    """Document error responses as `application/problem+json`, which is what they are."""
    for path in document.get("paths", {}).values():
        for operation in path.values():
            for status, response in operation.get("responses", {}).items():
                content = response.get("content", {})
                if status[:1] in "45" and "application/json" in content:
                    content[PROBLEM_MEDIA_TYPE] = content.pop("application/json")
    return document
