"""Whether the sync server answers, found cheaply: one `GET /api/v1/meta` (no account, nothing
written) with short timeouts. The desktop app probes with it before syncing on its own, so an
office without network costs a refused connection every few minutes, not a full sync attempt.

The answer also says whether the server still accepts this version of the app, and how far this
computer's clock is from the server's, read from the HTTP `Date` header (to the second: enough to
tell a user their clock is two hours off when the server flags it).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from email.utils import parsedate_to_datetime

from pydantic import ValidationError

from mediateur import __version__
from mediateur.sync.protocol import (
    API_PREFIX,
    HEADER_APP_VERSION,
    HEADER_CLIENT_TIME,
    HEADER_SCHEMA_VERSION,
    SCHEMA_VERSION,
    Meta,
)
from mediateur.sync.transport import Request, Transport, TransportFailure

# Short on purpose: a probe that waits is a probe of a server that does not answer.
PROBE_TIMEOUT = (3.0, 5.0)


@dataclass(frozen=True, slots=True)
class ServerProbe:
    reachable: bool
    # False when the server requires a newer app (it would refuse every sync with 426).
    accepts_this_app: bool = True
    # This computer's clock minus the server's, in seconds; None when unknown.
    clock_skew_s: float | None = None


UNREACHABLE = ServerProbe(reachable=False)


def probe_server(
    transport: Transport,
    *,
    app_version: str = __version__,
    wall: Callable[[], float] = time.time,
) -> ServerProbe:
    """Ask the server what it is; any failure (refused, timed out, not a mediateur server)
    reads as unreachable."""
    sent_at = wall()
    request = Request(
        "GET",
        f"{API_PREFIX}/meta",
        {
            HEADER_APP_VERSION: app_version,
            HEADER_SCHEMA_VERSION: str(SCHEMA_VERSION),
            HEADER_CLIENT_TIME: str(int(sent_at * 1000)),
        },
    )
    try:
        response = transport.send(request)
    except TransportFailure:
        return UNREACHABLE
    received_at = wall()
    if response.status != 200:
        return UNREACHABLE
    try:
        meta = Meta.model_validate_json(response.body)
    except ValidationError:
        return UNREACHABLE
    server_time = _header(response.headers, "date")
    return ServerProbe(
        reachable=True,
        accepts_this_app=meta.min_supported_schema <= SCHEMA_VERSION,
        clock_skew_s=_skew(server_time, (sent_at + received_at) / 2),
    )


def _header(headers: dict[str, str], name: str) -> str | None:
    return next((value for key, value in headers.items() if key.lower() == name), None)


def _skew(date_header: str | None, local_time: float) -> float | None:
    if not date_header:
        return None
    try:
        server = parsedate_to_datetime(date_header)
    except (TypeError, ValueError):
        return None
    if server.tzinfo is None:
        return None
    # The header is truncated to the second: its middle is the best estimate.
    return local_time - (server.timestamp() + 0.5)
