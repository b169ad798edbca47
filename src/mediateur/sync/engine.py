"""The sync engine of a laptop: login, then push → pull → push again, until nothing is left.

It runs on its own thread (the GUI's sync adapter, or the CLI's main thread) with its own
database sessions and short transactions (one batch or one page each), so the UI keeps saving
while it works. Every step can be killed and resumed: a batch is stored with its key before it
is sent and resent byte for byte; a pull page and its cursor are stored in one transaction; a
reset (410) wipes the synced tables and the cursor together, and pending edits are put back over
the fresh snapshot. Transient failures back off (0.5 s → 60 s, full jitter, `Retry-After`
honoured) within a bounded number of attempts. Two processes never sync one profile at once: a
lock row in the vault, renewed as work progresses, keeps the second one out.
"""

from __future__ import annotations

import json
import logging
import os
import random
import socket
import threading
import time
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError
from sqlalchemy import delete, insert

from mediateur import __version__
from mediateur.domain.values import format_datetime, now_utc
from mediateur.failpoints import failpoint
from mediateur.store.schema import directory_organisation, directory_user
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state, outbox
from mediateur.sync.apply import apply_rows, reapply_pending, remove_rows, wipe_synced_tables
from mediateur.sync.processes import process_alive
from mediateur.sync.protocol import (
    API_PREFIX,
    DEFAULT_PULL_LIMIT,
    HEADER_APP_VERSION,
    HEADER_CLIENT_TIME,
    HEADER_IDEMPOTENCY_KEY,
    HEADER_SCHEMA_VERSION,
    MAX_MUTATIONS_PER_BATCH,
    SCHEMA_VERSION,
    Directory,
    LoginResponse,
    PullResponse,
    PushResponse,
)
from mediateur.sync.transport import Request, Response, Transport, TransportFailure

log = logging.getLogger(__name__)

LOCK_STALE_AFTER_S = 90.0
MAX_ATTEMPTS = 6
BACKOFF_FIRST_S = 0.5
BACKOFF_CAP_S = 60.0
MAX_ROUNDS = 10

Progress = Callable[[str, int, int | None], None]


@dataclass(slots=True)
class SyncReport:
    """What a sync did, for the user: envoyés, reçus, conflits, rejets."""

    sent: int = 0
    received: int = 0
    conflicts: int = 0
    rejected: int = 0
    clock_warning: bool = False
    tally: outbox.PushTally = field(default_factory=outbox.PushTally)


def _problem(response: Response) -> dict[str, Any]:
    try:
        body = json.loads(response.body or b"{}")
    except ValueError:
        return {}
    return body if isinstance(body, dict) else {}


def _unusable_cursor(response: Response) -> bool:
    """400 `invalid_cursor`: the stored cursor cannot be read by the server (altered, or the
    server's key changed); like a 410, only a fresh snapshot gets the laptop going again."""
    return response.status == 400 and _problem(response).get("code") == "invalid_cursor"


def _retry_after(response: Response) -> float | None:
    value = response.headers.get("Retry-After") or response.headers.get("retry-after")
    try:
        return float(value) if value is not None else None
    except ValueError:
        return None


class SyncEngine:
    def __init__(
        self,
        vault: Vault,
        transport: Transport,
        *,
        app_version: str = __version__,
        progress: Progress | None = None,
        cancel: threading.Event | None = None,
        sleep: Callable[[float], None] = time.sleep,
        wall: Callable[[], float] = time.time,
        max_attempts: int = MAX_ATTEMPTS,
        pull_limit: int = DEFAULT_PULL_LIMIT,
    ) -> None:
        self.vault = vault
        self.transport = transport
        self.app_version = app_version
        self.progress = progress or (lambda _phase, _done, _total: None)
        self.cancel = cancel or threading.Event()
        self._sleep = sleep
        self._wall = wall
        self.max_attempts = max_attempts
        self.pull_limit = pull_limit
        self._batch_limit = MAX_MUTATIONS_PER_BATCH
        self._owner = (
            f"{socket.gethostname()}|{os.getpid()}|{threading.get_ident()}|{time.time_ns()}"
        )

    # Requests

    def _headers(self, *, auth: bool = True) -> dict[str, str]:
        headers = {
            HEADER_APP_VERSION: self.app_version,
            HEADER_SCHEMA_VERSION: str(SCHEMA_VERSION),
            HEADER_CLIENT_TIME: str(int(self._wall() * 1000)),
        }
        if auth:
            with self.vault.session() as session:
                token = local_state.get(session, local_state.TOKEN)
            if not token:
                raise errors.NotLoggedIn()
            headers["Authorization"] = f"Bearer {token}"
        return headers

    def _check_cancel(self) -> None:
        if self.cancel.is_set():
            raise errors.Cancelled()

    def _backoff(self, attempt: int, retry_after: float | None) -> None:
        ceiling = min(BACKOFF_CAP_S, BACKOFF_FIRST_S * 2**attempt)
        delay = max(retry_after or 0.0, random.uniform(0, ceiling))  # noqa: S311 - jitter
        log.info("sync retry in %.1f s (attempt %d)", delay, attempt + 1)
        deadline = time.monotonic() + delay
        while (remaining := deadline - time.monotonic()) > 0:
            self._check_cancel()
            self._sleep(min(0.2, remaining))

    def _send(self, request: Request) -> Response:
        """Send with retries on transient failures; map final failures to `SyncError`s."""
        for attempt in range(self.max_attempts):
            self._check_cancel()
            try:
                response = self.transport.send(request)
            except TransportFailure:
                if attempt == self.max_attempts - 1:
                    raise errors.NetworkError() from None
                self._backoff(attempt, None)
                continue
            if response.status in (429, 502, 503, 504) or (
                response.status == 409 and _problem(response).get("code") != "device_taken"
            ):
                if attempt == self.max_attempts - 1:
                    raise errors.ServerUnavailable(retry_after=_retry_after(response))
                self._backoff(attempt, _retry_after(response))
                continue
            if response.status >= 500:
                if attempt == self.max_attempts - 1:
                    raise errors.ServerUnavailable()
                self._backoff(attempt, None)
                continue
            return response
        raise errors.NetworkError()

    def _raise_for(self, response: Response) -> None:
        problem = _problem(response)
        code = problem.get("code")
        if response.status == 401:
            if code == "device_revoked":
                raise errors.DeviceRevoked(str(problem.get("mode", "wipe")))
            if code == "invalid_credentials":
                raise errors.InvalidCredentials()
            raise errors.AuthenticationRequired()
        if response.status == 426:
            if code == "server_too_old":
                raise errors.ServerTooOld()
            raise errors.ClientTooOld()
        if response.status == 409 and code == "device_taken":
            raise errors.DeviceTaken()
        if response.status == 429:
            raise errors.RateLimited(_retry_after(response))
        detail = problem.get("detail")
        raise errors.SyncError(str(detail) if detail else None)

    @staticmethod
    def _parse(model: type[BaseModel], response: Response) -> Any:
        try:
            return model.model_validate_json(response.body)
        except ValidationError:
            raise errors.ProtocolError() from None

    # Account

    def login(
        self, server_url: str, username: str, password: str, device_name: str = ""
    ) -> LoginResponse:
        """Register this laptop (its install id) with the server under `username`."""
        body = json.dumps(
            {
                "username": username,
                "password": password,
                "device_id": self.vault.install_id,
                "device_name": device_name[:150],
            }
        ).encode()
        response = self._send(
            Request("POST", f"{API_PREFIX}/auth/login", self._headers(auth=False), body=body)
        )
        if response.status != 200:
            self._raise_for(response)
        login: LoginResponse = self._parse(LoginResponse, response)
        with self.vault.write_session() as session, session.begin():
            previous_user = local_state.get(session, local_state.USER_ID)
            if previous_user and previous_user != login.user.id:
                # Another account on this profile would see the first one's data: refuse.
                raise errors.SyncError(
                    "Ce profil appartient à un autre compte : créez un profil pour ce compte."
                )
            for key, value in (
                (local_state.SERVER_URL, server_url),
                (local_state.TOKEN, login.token),
                (local_state.USERNAME, login.user.username),
                (local_state.USER_ID, login.user.id),
                (local_state.DISPLAY_NAME, login.user.display_name),
                (local_state.ROLE, login.user.role),
                (local_state.ORGANISATION_ID, login.user.organisation_id),
            ):
                local_state.put(session, key, value)
        return login

    def logout(self) -> None:
        try:
            response = self._send(Request("POST", f"{API_PREFIX}/auth/logout", self._headers()))
            if response.status not in (200, 204, 401):
                self._raise_for(response)
        finally:
            with self.vault.write_session() as session, session.begin():
                local_state.put(session, local_state.TOKEN, None)

    # Single flight

    def _acquire_lock(self) -> None:
        with self.vault.write_session() as session, session.begin():
            holder = local_state.get(session, local_state.SYNC_LOCK)
            if holder and self._holder_is_alive(holder):
                raise errors.SyncInProgress()
            local_state.put(session, local_state.SYNC_LOCK, f"{self._owner}@{time.time()}")

    def _holder_is_alive(self, holder: str) -> bool:
        """A lock is held while its owner renews it, unless that owner is a process of this
        computer that has died (the app crashed): then it is taken over at once."""
        owner, _, stamp = holder.rpartition("@")
        if owner == self._owner:
            return False
        try:
            fresh = time.time() - float(stamp) < LOCK_STALE_AFTER_S
        except ValueError:
            return False
        host, _, rest = owner.partition("|")
        pid = rest.partition("|")[0]
        if fresh and host == socket.gethostname() and pid.isdigit():
            return process_alive(int(pid))
        return fresh

    def _renew_lock(self, session: Any) -> None:
        local_state.put(session, local_state.SYNC_LOCK, f"{self._owner}@{time.time()}")

    def _release_lock(self) -> None:
        if self.vault.is_locked:
            return
        with self.vault.write_session() as session, session.begin():
            holder = local_state.get(session, local_state.SYNC_LOCK) or ""
            if holder.startswith(self._owner + "@"):
                local_state.put(session, local_state.SYNC_LOCK, None)

    # The loop

    def sync(self) -> SyncReport:
        """Push, pull, push again while edits arrive; raises `SyncError` subclasses."""
        report = SyncReport()
        self._acquire_lock()
        try:
            try:
                self._run(report)
            except errors.DeviceRevoked as revoked:
                self._handle_revocation(revoked)
                raise
            except errors.ClientTooOld:
                # Remembered for the banner asking for an update, until a sync succeeds.
                with self.vault.write_session() as session, session.begin():
                    local_state.put(session, local_state.CLIENT_TOO_OLD, "1")
                raise
        finally:
            self._release_lock()
        return report

    def _run(self, report: SyncReport) -> None:
        self._push_all(report, heartbeat=True)
        for _round in range(MAX_ROUNDS):
            self._pull_all(report)
            self._refresh_directory()
            if not self._has_unsent():
                break
            self._push_all(report, heartbeat=False)
        with self.vault.write_session() as session, session.begin():
            local_state.put(session, local_state.LAST_SYNC_OK_AT, format_datetime(now_utc()))
            local_state.put(session, local_state.CLIENT_TOO_OLD, None)

    def _has_unsent(self) -> bool:
        with self.vault.session() as session:
            return outbox.counts(session)["pending"] > 0

    # Push

    def _push_all(self, report: SyncReport, *, heartbeat: bool) -> None:
        """Send the stored and pending batches, oldest first. While a batch is at the server the
        next one is built, and once the answer is in, the next batch is sent before the answer
        is applied: the server's work overlaps the laptop's encrypted writes, and the server
        still receives batches one after the other. A crash at any point leaves the unanswered
        batches stored, to be sent again under their keys."""
        sender = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-push")
        try:
            first = self._next_batch(after=0, heartbeat=heartbeat)
            in_flight = self._send_batch(sender, first, report) if first else None
            while in_flight is not None:
                batch, sending = in_flight
                upcoming = self._next_batch(after=batch.id, heartbeat=False)
                response = sending.result()
                failpoint("sync.push.after_response")
                answer = self._push_answer(batch, response)
                if answer is None and upcoming is not None:
                    # The batch was dropped to be rebuilt: the next one, never sent, goes too,
                    # so that its entries are not sent before the rebuilt ones.
                    with self.vault.write_session() as session, session.begin():
                        outbox.drop_batch(session, upcoming)
                    upcoming = self._next_batch(after=batch.id, heartbeat=False)
                in_flight = self._send_batch(sender, upcoming, report) if upcoming else None
                if answer is not None:
                    self._apply_push_answer(batch, answer, report)
        finally:
            sender.shutdown(wait=False, cancel_futures=True)

    def _next_batch(self, *, after: int, heartbeat: bool) -> outbox.StoredBatch | None:
        """The first batch stored after `after`, else a new one (a heartbeat-only batch when
        asked); None when nothing is left to send."""
        self._check_cancel()
        with self.vault.write_session() as session, session.begin():
            return outbox.stored_batch(session, after=after) or outbox.build_batch(
                session,
                device_id=self.vault.install_id,
                app_version=self.app_version,
                max_mutations=self._batch_limit,
                heartbeat_only=heartbeat,
            )

    def _send_batch(
        self, sender: ThreadPoolExecutor, batch: outbox.StoredBatch, report: SyncReport
    ) -> tuple[outbox.StoredBatch, Future[Response]]:
        self._check_cancel()
        self.progress("push", report.sent, None)
        request = Request(
            "POST",
            f"{API_PREFIX}/sync/push",
            {**self._headers(), HEADER_IDEMPOTENCY_KEY: batch.key},
            body=batch.body,
        )
        failpoint("sync.push.before_send")
        return batch, sender.submit(self._send, request)

    def _push_answer(self, batch: outbox.StoredBatch, response: Response) -> PushResponse | None:
        """The server's answer to `batch`; None when the batch was dropped to be rebuilt."""
        if response.status == 413:
            with self.vault.write_session() as session, session.begin():
                if batch.size <= 1:
                    ids = (
                        [json.loads(batch.body)["mutations"][0]["mutation_id"]]
                        if batch.size
                        else []
                    )
                    outbox.drop_batch(session, batch)
                    outbox.move_to_dead_letters(session, ids, outbox.TOO_LARGE_REASON)
                else:
                    outbox.drop_batch(session, batch)
                    self._batch_limit = max(1, batch.size // 2)
            return None
        if response.status == 422 and _problem(response).get("code") == "idempotency_conflict":
            with self.vault.write_session() as session, session.begin():
                outbox.drop_batch(session, batch)
            return None
        if response.status != 200:
            self._raise_for(response)
        answer: PushResponse = self._parse(PushResponse, response)
        return answer

    def _apply_push_answer(
        self, batch: outbox.StoredBatch, parsed: PushResponse, report: SyncReport
    ) -> None:
        with self.vault.write_session() as session, session.begin():
            tally = outbox.apply_push_response(session, batch, parsed)
            failpoint("sync.push.after_apply")
            self.vault.observe_hlc(session, parsed.server_hlc)
            local_state.put(
                session, local_state.CLOCK_WARNING, "1" if parsed.clock_warning else None
            )
            self._renew_lock(session)
        self._batch_limit = MAX_MUTATIONS_PER_BATCH
        report.clock_warning = report.clock_warning or parsed.clock_warning
        report.sent += tally.sent
        report.conflicts += tally.conflicts
        report.rejected += tally.rejected
        for name in ("applied", "merged", "duplicate", "deleted", "rejected"):
            setattr(report.tally, name, getattr(report.tally, name) + getattr(tally, name))

    # Pull

    def _fetch_page(self, cursor: str | None, headers: dict[str, str]) -> Response:
        params = {"limit": str(self.pull_limit)}
        if cursor:
            params["cursor"] = cursor
        return self._send(Request("GET", f"{API_PREFIX}/sync/pull", headers, params=params))

    def _pull_all(self, report: SyncReport) -> None:
        """Pull pages until the feed is exhausted. The next page is fetched while the current
        one is applied (the network and the encrypted writes overlap); its cursor comes from
        the page already received, so a crash at any point still resumes from the last page
        stored with its cursor."""
        with self.vault.session() as session:
            cursor = local_state.get(session, local_state.CURSOR)
        from_scratch = cursor is None
        prefetch = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sync-prefetch")
        try:
            upcoming = prefetch.submit(self._fetch_page, cursor, self._headers())
            while True:
                self._check_cancel()
                response = upcoming.result()
                if response.status == 410 or _unusable_cursor(response):
                    self._reset()
                    from_scratch = True
                    upcoming = prefetch.submit(self._fetch_page, None, self._headers())
                    continue
                if response.status != 200:
                    self._raise_for(response)
                page: PullResponse = self._parse(PullResponse, response)
                if page.has_more:
                    upcoming = prefetch.submit(self._fetch_page, page.next_cursor, self._headers())
                self._store_page(page, from_scratch, report)
                if not page.has_more:
                    return
        finally:
            prefetch.shutdown(wait=False, cancel_futures=True)

    def _store_page(self, page: PullResponse, from_scratch: bool, report: SyncReport) -> None:
        """Apply one page and store its cursor, in one transaction."""
        with self.vault.write_session() as session, session.begin():
            self._apply_page(session, page)
            failpoint("sync.pull.before_cursor")
            local_state.put(session, local_state.CURSOR, page.next_cursor)
            if not page.has_more:
                if from_scratch:
                    reapply_pending(session)
                local_state.put(session, local_state.LAST_PULL_AT, format_datetime(now_utc()))
            self.vault.observe_hlc(session, page.server_hlc)
            self._renew_lock(session)
        failpoint("sync.pull.after_page")
        report.received += len(page.changes)
        self.progress("pull", report.received, None)

    def _apply_page(self, session: Any, page: PullResponse) -> None:
        upserts: dict[str, list[tuple[str, int, dict[str, Any], bool]]] = {}
        removals: dict[str, list[str]] = {}
        for change in page.changes:
            if change.op == "remove":
                removals.setdefault(change.entity, []).append(change.id)
            else:
                upserts.setdefault(change.entity, []).append(
                    (change.id, change.server_seq, change.fields or {}, change.op == "delete")
                )
        for entity, rows in upserts.items():
            apply_rows(session, entity, rows)
        for entity, ids in removals.items():
            remove_rows(session, entity, ids)

    def _reset(self) -> None:
        """410 from the server: push what is pending, then start again from a fresh snapshot."""
        log.warning("server asked for a full resync")
        self._push_all(SyncReport(), heartbeat=False)
        with self.vault.write_session() as session, session.begin():
            wipe_synced_tables(session)
            failpoint("sync.reset.after_wipe")
            local_state.put(session, local_state.CURSOR, None)

    # Directory

    def _refresh_directory(self) -> None:
        response = self._send(Request("GET", f"{API_PREFIX}/directory", self._headers()))
        if response.status != 200:
            self._raise_for(response)
        directory: Directory = self._parse(Directory, response)
        with self.vault.write_session() as session, session.begin():
            session.execute(delete(directory_user))
            session.execute(delete(directory_organisation))
            if directory.organisations:
                session.execute(
                    insert(directory_organisation),
                    [o.model_dump() for o in directory.organisations],
                )
            if directory.users:
                session.execute(insert(directory_user), [u.model_dump() for u in directory.users])

    # Revocation

    def _handle_revocation(self, revoked: errors.DeviceRevoked) -> None:
        """`wipe` (stolen laptop): destroy the vault at once. `retire`: push what is left (the
        server still accepts pushes), and destroy the vault only once nothing is pending; if the
        push fails, the vault stays and the next sync tries again."""
        if revoked.mode == "retire":
            self._push_all(SyncReport(), heartbeat=False)
            if self._has_unsent():
                raise errors.NetworkError()
        log.warning("device revoked (%s): destroying the local vault", revoked.mode)
        self.vault.destroy()
