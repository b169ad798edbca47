"""The seam between the sync engine and the network.

`Transport.send(Request) -> Response` is all the engine needs. `HttpTransport` is the production
one, over a `requests.Session`: a timeout on every call (connect, read), TLS verification with an
optional CA bundle, gzip request bodies above 1 KiB and gzip responses. Tests use the same class
against a real server on loopback, or their own transport calling the app in-process.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from typing import Protocol

import requests

GZIP_THRESHOLD = 1024
DEFAULT_TIMEOUT = (5.0, 30.0)


@dataclass(frozen=True, slots=True)
class Request:
    method: str
    path: str  # starting with /api/v1
    headers: dict[str, str] = field(default_factory=dict)
    params: dict[str, str] = field(default_factory=dict)
    body: bytes | None = None  # JSON, uncompressed


@dataclass(frozen=True, slots=True)
class Response:
    status: int
    headers: dict[str, str]
    body: bytes


class TransportFailure(Exception):
    """The request did not produce an HTTP response (connection refused, reset, timeout)."""


class Transport(Protocol):
    def send(self, request: Request) -> Response: ...


class HttpTransport:
    def __init__(
        self,
        base_url: str,
        *,
        timeout: tuple[float, float] = DEFAULT_TIMEOUT,
        ca_bundle: str | None = None,
        session: requests.Session | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.timeout = timeout
        self.verify: bool | str = ca_bundle or True
        self.session = session or requests.Session()

    def send(self, request: Request) -> Response:
        headers = {"Accept": "application/json", "Accept-Encoding": "gzip", **request.headers}
        body = request.body
        if body is not None:
            headers["Content-Type"] = "application/json"
            if len(body) > GZIP_THRESHOLD:
                body = gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
        try:
            reply = self.session.request(
                request.method,
                self.base_url + request.path,
                params=request.params or None,
                data=body,
                headers=headers,
                timeout=self.timeout,
                verify=self.verify,
            )
            content = reply.content
        except requests.RequestException as exc:
            raise TransportFailure(type(exc).__name__) from exc
        return Response(reply.status_code, dict(reply.headers), content)

    def close(self) -> None:
        self.session.close()
