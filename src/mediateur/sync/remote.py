"""The manager's online calls to the server, outside the sync loop (DESIGN.md §4, §7): the devices
of the organisation with their sync health, revoking one (`retire` or `wipe`), and the server's
conflict log.

Built on the same `Transport` seam as the sync engine, with the account this laptop logged in
with (server address, bearer token and CA bundle from `sync_meta`). One attempt per call, with the
transport's timeouts: a manager waiting at a screen would rather read "serveur injoignable" at
once than wait through a backoff. Failures are `mediateur.sync.errors` with French messages; the
server's own French `detail` is kept when it explains a refusal (403, 404, 409).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from mediateur import __version__
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state
from mediateur.sync.protocol import (
    API_PREFIX,
    HEADER_APP_VERSION,
    HEADER_CLIENT_TIME,
    HEADER_SCHEMA_VERSION,
    SCHEMA_VERSION,
    ConflictLogEntry,
    DeviceInfo,
    RevokeMode,
)
from mediateur.sync.transport import HttpTransport, Request, Response, Transport, TransportFailure

CONFLICT_PAGE = 100
_DEVICES = TypeAdapter(list[DeviceInfo])
_CONFLICTS = TypeAdapter(list[ConflictLogEntry])


class OwnDevice(errors.SyncError):
    code = "own_device"
    message = (
        "C'est le poste sur lequel vous travaillez : il ne peut pas être retiré depuis "
        "lui-même. Faites-le depuis un autre poste de responsable ou par l'administrateur."
    )


def _problem(response: Response) -> dict[str, Any]:
    try:
        body = json.loads(response.body or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


class ManagerRemote:
    def __init__(
        self,
        transport: Transport,
        *,
        token: str,
        device_id: str,
        app_version: str = __version__,
        wall: Callable[[], float] = time.time,
    ) -> None:
        self.transport = transport
        self.token = token
        self.device_id = device_id
        self.app_version = app_version
        self._wall = wall

    @classmethod
    def from_vault(
        cls,
        vault: Vault,
        *,
        transport_for: Callable[[str, str | None], Transport] | None = None,
    ) -> ManagerRemote:
        """The client of the account this profile logged in with; NotLoggedIn without one.
        `transport_for(server_url, ca_bundle)` makes the transport (HTTP by default)."""
        with vault.session() as session:
            found = local_state.get_many(
                session, local_state.SERVER_URL, local_state.TOKEN, local_state.CA_BUNDLE
            )
        url, token = found[local_state.SERVER_URL], found[local_state.TOKEN]
        if not url or not token:
            raise errors.NotLoggedIn()
        make = transport_for or (lambda base, ca: HttpTransport(base, ca_bundle=ca))
        return cls(make(url, found[local_state.CA_BUNDLE]), token=token, device_id=vault.install_id)

    def _headers(self) -> dict[str, str]:
        return {
            HEADER_APP_VERSION: self.app_version,
            HEADER_SCHEMA_VERSION: str(SCHEMA_VERSION),
            HEADER_CLIENT_TIME: str(int(self._wall() * 1000)),
            "Authorization": f"Bearer {self.token}",
        }

    def _call(
        self,
        method: str,
        path: str,
        *,
        params: dict[str, str] | None = None,
        body: dict[str, Any] | None = None,
    ) -> Response:
        request = Request(
            method,
            f"{API_PREFIX}{path}",
            self._headers(),
            params=params or {},
            body=json.dumps(body).encode() if body is not None else None,
        )
        try:
            response = self.transport.send(request)
        except TransportFailure:
            raise errors.NetworkError() from None
        if response.status == 200:
            return response
        problem = _problem(response)
        code = problem.get("code")
        if response.status == 401:
            if code == "device_revoked":
                raise errors.DeviceRevoked(str(problem.get("mode", "wipe")))
            raise errors.AuthenticationRequired()
        if response.status == 426:
            raise errors.ServerTooOld() if code == "server_too_old" else errors.ClientTooOld()
        if response.status == 429 or response.status >= 500:
            raise errors.ServerUnavailable()
        detail = problem.get("detail")
        raise errors.SyncError(str(detail) if detail else None)

    @staticmethod
    def _parse(adapter: TypeAdapter[Any] | type[BaseModel], response: Response) -> Any:
        try:
            if isinstance(adapter, TypeAdapter):
                return adapter.validate_json(response.body)
            return adapter.model_validate_json(response.body)
        except ValidationError:
            raise errors.ProtocolError() from None

    def devices(self) -> list[DeviceInfo]:
        """The devices of the manager's organisation with their last heartbeat."""
        devices: list[DeviceInfo] = self._parse(_DEVICES, self._call("GET", "/devices"))
        return devices

    def revoke(self, device_id: str, mode: RevokeMode) -> DeviceInfo:
        """`retire` (the device pushes what it holds, then deletes its profile) or `wipe` (a lost
        or stolen laptop deletes its profile at once); the device as the server now holds it."""
        if device_id.lower() == self.device_id.lower():
            raise OwnDevice()
        response = self._call("POST", f"/devices/{device_id}/revoke", body={"mode": mode})
        revoked: DeviceInfo = self._parse(DeviceInfo, response)
        return revoked

    def conflicts(
        self, *, before: int | None = None, limit: int = CONFLICT_PAGE
    ) -> list[ConflictLogEntry]:
        """The conflict log of the records this account sees, newest first, `limit` entries
        older than the entry `before` (or from the newest)."""
        params = {"limit": str(limit)}
        if before is not None:
            params["before"] = str(before)
        entries: list[ConflictLogEntry] = self._parse(
            _CONFLICTS, self._call("GET", "/conflicts", params=params)
        )
        return entries
