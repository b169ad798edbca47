"""ASGI middleware around the API: request bodies (gzip, size limit, read timeout) and a last
line of defence that turns any unexpected exception into a 500 problem.

`RequestBodyMiddleware` reads the whole body before the app sees it: the client has
`body_timeout_seconds` to send it (else 408); `Content-Encoding: gzip` is decompressed
incrementally and the limit applies to the decompressed size (413), so a small "zip bomb" is
refused after at most `max_bytes + 1` bytes of output; any other encoding is refused (415).

`ProblemGuardMiddleware` catches what escaped every handler: database timeouts and lost
connections become 503 with `Retry-After`, anything else a 500 `internal_error`. The log records
the exception type and the code location only: exception texts can quote request data.
"""

from __future__ import annotations

import logging
import traceback
import zlib

import anyio
from sqlalchemy.exc import DBAPIError, OperationalError
from starlette.datastructures import Headers
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from mediateur.server.api.problems import problem_response

log = logging.getLogger(__name__)

_GZIP_WBITS = 16 + zlib.MAX_WBITS
RETRY_AFTER_UNAVAILABLE = 5
_LOGGED_FRAMES = 12


class RequestBodyMiddleware:
    def __init__(self, app: ASGIApp, *, max_bytes: int, timeout_seconds: float) -> None:
        self.app = app
        self.max_bytes = max_bytes
        self.timeout_seconds = timeout_seconds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = Headers(scope=scope)
        encoding = headers.get("content-encoding", "identity").strip().lower()
        if encoding not in ("identity", "gzip"):
            await _refuse(
                scope,
                receive,
                send,
                415,
                "unsupported_encoding",
                "Encodage non pris en charge",
                "Seul l'encodage gzip est accepté pour le corps des requêtes.",
            )
            return
        declared = headers.get("content-length", "")
        if declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(scope, receive, send)
            return
        try:
            with anyio.fail_after(self.timeout_seconds):
                raw, disconnected = await self._read(receive)
        except TimeoutError:
            await _refuse(
                scope,
                receive,
                send,
                408,
                "request_timeout",
                "Requête trop lente",
                "Le corps de la requête n'est pas arrivé à temps : vérifiez la connexion et "
                "réessayez.",
            )
            return
        if disconnected:
            return
        if raw is None:
            await self._too_large(scope, receive, send)
            return
        body = raw
        if encoding == "gzip" and raw:
            decoded = _gunzip(raw, self.max_bytes)
            if decoded is None:
                await self._too_large(scope, receive, send)
                return
            if isinstance(decoded, str):
                await _refuse(
                    scope, receive, send, 400, "invalid_gzip", "Corps gzip illisible", decoded
                )
                return
            body = decoded
        await self.app(_with_body_headers(scope, len(body)), _replay(body, receive), send)

    async def _read(self, receive: Receive) -> tuple[bytes | None, bool]:
        """The raw body (None when larger than the limit) and whether the client went away."""
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return b"", True
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                return None, False
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks), False

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit_kib = self.max_bytes // 1024
        await _refuse(
            scope,
            receive,
            send,
            413,
            "body_too_large",
            "Requête trop volumineuse",
            f"Le corps de la requête dépasse {limit_kib} Kio une fois décompressé : "
            "envoyez-le en plusieurs fois.",
        )


def _gunzip(raw: bytes, max_bytes: int) -> bytes | str | None:
    """The decompressed body, None when it exceeds `max_bytes`, or a French error message."""
    decompressor = zlib.decompressobj(_GZIP_WBITS)
    try:
        body = decompressor.decompress(raw, max_bytes + 1)
    except zlib.error:
        return "Le corps annoncé comme gzip n'est pas un flux gzip valide."
    if len(body) > max_bytes or decompressor.unconsumed_tail:
        return None
    if not decompressor.eof:
        return "Le flux gzip du corps de la requête est tronqué."
    if decompressor.unused_data:
        return "Le corps gzip contient des données après la fin du flux."
    return body


def _with_body_headers(scope: Scope, length: int) -> Scope:
    kept = [
        (name, value)
        for name, value in scope["headers"]
        if name not in (b"content-encoding", b"content-length", b"transfer-encoding")
    ]
    kept.append((b"content-length", str(length).encode("ascii")))
    return {**scope, "headers": kept}


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay


async def _refuse(
    scope: Scope,
    receive: Receive,
    send: Send,
    status: int,
    code: str,
    title: str,
    detail: str,
    **headers: str,
) -> None:
    response = problem_response(
        status=status, code=code, title=title, detail=detail, headers=headers or None
    )
    await response(scope, receive, send)


class ProblemGuardMiddleware:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception as exc:
            _log_scrubbed(scope, exc)
            if started:
                raise
            if _database_unavailable(exc):
                await _refuse(
                    scope,
                    receive,
                    send,
                    503,
                    "service_unavailable",
                    "Serveur momentanément indisponible",
                    "Le serveur est momentanément surchargé ou injoignable : réessayez dans "
                    "quelques instants.",
                    **{"Retry-After": str(RETRY_AFTER_UNAVAILABLE)},
                )
                return
            await _refuse(
                scope,
                receive,
                send,
                500,
                "internal_error",
                "Erreur interne",
                "Erreur interne du serveur : l'incident est enregistré. Réessayez plus tard ; "
                "si l'erreur persiste, prévenez l'administrateur.",
            )


def _database_unavailable(exc: BaseException) -> bool:
    if isinstance(exc, OperationalError):
        return True
    return isinstance(exc, DBAPIError) and bool(exc.connection_invalidated)


def _log_scrubbed(scope: Scope, exc: BaseException) -> None:
    # The innermost frames say where it broke; the ASGI plumbing above them says nothing.
    frames = "".join(traceback.format_tb(exc.__traceback__)[-_LOGGED_FRAMES:])
    log.error(
        "unexpected %s on %s %s\n%s",
        type(exc).__name__,
        scope.get("method"),
        scope.get("path"),
        frames,
    )
