"""A sync transport that calls the real FastAPI app in-process (no sockets), with fault hooks.

It behaves like `HttpTransport` (gzip request bodies above 1 KiB, JSON) so the server's
decompression and limits are exercised. `lose_next_responses(n)` makes the next n requests reach
the server and then fail on the client as if the connection dropped: the server committed, the
laptop never heard.
"""

from __future__ import annotations

import gzip

from fastapi.testclient import TestClient

from mediateur.sync.transport import GZIP_THRESHOLD, Request, Response, TransportFailure


class InProcessTransport:
    def __init__(self, client: TestClient) -> None:
        self.client = client
        self._lose = 0
        self.sent: list[Request] = []
        self.statuses: list[int] = []

    def lose_next_responses(self, count: int = 1) -> None:
        self._lose = count

    def send(self, request: Request) -> Response:
        self.sent.append(request)
        headers = {"Accept": "application/json", **request.headers}
        body = request.body
        if body is not None:
            headers["Content-Type"] = "application/json"
            if len(body) > GZIP_THRESHOLD:
                body = gzip.compress(body, mtime=0)
                headers["Content-Encoding"] = "gzip"
        reply = self.client.request(
            request.method, request.path, params=request.params, content=body, headers=headers
        )
        self.statuses.append(reply.status_code)
        if self._lose:
            self._lose -= 1
            raise TransportFailure("response lost")
        return Response(reply.status_code, dict(reply.headers), reply.content)
