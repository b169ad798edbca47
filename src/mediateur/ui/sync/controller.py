"""The one adapter between the sync engine and Qt (STYLE.md "Threads").

`SyncController` owns the sync thread: never the UI's database worker, so a slow network never
blocks a save (the engine opens its own sessions and keeps its transactions short). One run at a
time in the app — a sync, or the login that links the profile to an account — and the engine's
lock row keeps other processes out. The engine reports from its thread; the controller re-emits
on the GUI thread:

- `started`, then `progressed(phase, done)` ("push"/"pull", records sent or received so far);
- `finished(report)` with the `SyncReport`, or `failed(error)` with a `SyncError` whose message
  is French; a cancel ends with `cancelled` and nothing else (it is silent);
- `logged_in(response)` / `login_failed(error)` for `login()`;
- `stopped` after every run, however it ended (an unexpected error goes to the crash dialog).

`cancel()` sets the engine's `threading.Event`: it stops between batches and pages, and during a
backoff. Locking the vault cancels too (`AppContext.locking`), and the vault only locks once the
thread has ended its step (a lock barrier run on the database lane: the GUI never waits).
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject, Signal

from mediateur.sync import errors
from mediateur.ui.context import AppContext

if TYPE_CHECKING:
    from mediateur.store.vault import Vault
    from mediateur.sync.engine import SyncEngine
    from mediateur.sync.transport import HttpTransport

log = logging.getLogger(__name__)

# requests' (connect, read) timeouts and the engine's attempts: a server that accepts the
# connection and never answers costs at most about attempts × (connect + read) plus backoff.
DEFAULT_TIMEOUT = (5.0, 30.0)
DEFAULT_ATTEMPTS = 6


class SyncState(Enum):
    UNKNOWN = "unknown"  # nothing tried since the unlock
    NOT_LINKED = "not_linked"  # the profile never logged in
    SYNCING = "syncing"
    UP_TO_DATE = "up_to_date"
    OFFLINE = "offline"  # the server did not answer
    SIGNED_OUT = "signed_out"  # the server wants the password again
    FAILED = "failed"


@dataclass
class SyncSettings:
    """How the engine talks to the server; tests shorten the timeouts or skew the clock."""

    timeout: tuple[float, float] = DEFAULT_TIMEOUT
    max_attempts: int = DEFAULT_ATTEMPTS
    wall: Callable[[], float] = time.time
    # A lock waits at most this long for the sync thread (one request at most is in flight).
    lock_wait_s: float = DEFAULT_TIMEOUT[0] + DEFAULT_TIMEOUT[1] + 10.0


@dataclass(frozen=True, slots=True)
class _Outcome:
    kind: str  # "finished", "failed", "cancelled", "crashed", "logged_in", "login_failed"
    value: Any
    generation: int


class SyncController(QObject):
    started = Signal()
    progressed = Signal(str, int)  # phase, done
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # SyncError
    cancelled = Signal()
    logged_in = Signal(object)  # LoginResponse
    login_failed = Signal(object)  # SyncError
    stopped = Signal()  # after every run, whatever its end
    state_changed = Signal()
    _delivered = Signal(object)  # _Outcome, from the sync thread

    def __init__(self, context: AppContext) -> None:
        super().__init__(context)
        self.context = context
        self.settings = SyncSettings()
        self.state = SyncState.UNKNOWN
        self.error: Exception | None = None
        self.automatic = False
        self._thread: threading.Thread | None = None
        self._cancel = threading.Event()
        self._generation = 0
        self._delivered.connect(self._on_delivered)
        context.locking.connect(self._on_locking)
        context.locked.connect(self._on_locked)
        context.add_lock_barrier(self._wait_stopped)

    @staticmethod
    def of(context: AppContext) -> SyncController | None:
        """The controller of the app whose context this is."""
        return context.findChild(SyncController)

    @property
    def running(self) -> bool:
        return self._thread is not None

    # Starting and stopping

    def start(self, *, automatic: bool = False) -> bool:
        """Start a sync unless one (or a login) runs or the profile is locked; True if started."""
        if self.running or not self.context.is_unlocked:
            return False
        vault = self.context.vault
        settings = self.settings

        def progress(phase: str, done: int, _total: int | None) -> None:
            self.progressed.emit(phase, done)

        def job(cancel: threading.Event) -> Any:
            engine, transport = _engine_for(vault, settings, progress=progress, cancel=cancel)
            try:
                return engine.sync()
            finally:
                transport.close()

        self.automatic = automatic
        self._launch(job, success="finished", failure="failed")
        self._set_state(SyncState.SYNCING, None)
        self.started.emit()
        return True

    def login(self, server_url: str, username: str, password: str) -> bool:
        """Link the profile to `username` on `server_url` (the address already normalised)."""
        if self.running or not self.context.is_unlocked:
            return False
        vault = self.context.vault
        settings = self.settings

        def job(cancel: threading.Event) -> Any:
            from mediateur.sync import local_state
            from mediateur.sync.engine import SyncEngine
            from mediateur.sync.transport import HttpTransport

            with vault.session() as session:
                # A CA bundle given once (`mediateur login --ca-bundle`) still applies.
                ca_bundle = local_state.get(session, local_state.CA_BUNDLE)
            transport = HttpTransport(server_url, timeout=settings.timeout, ca_bundle=ca_bundle)
            engine = SyncEngine(
                vault,
                transport,
                cancel=cancel,
                wall=settings.wall,
                max_attempts=settings.max_attempts,
            )
            try:
                return engine.login(server_url, username, password, platform.node())
            finally:
                transport.close()

        self._launch(job, success="logged_in", failure="login_failed")
        return True

    def cancel(self) -> None:
        """Stop the run at its next step; it ends with `cancelled`, silently."""
        if self.running:
            self._cancel.set()

    def set_reachable(self, reachable: bool) -> None:
        """What the automatic sync's probe found, while no sync runs."""
        if self.running:
            return
        if not reachable:
            self._set_state(SyncState.OFFLINE, errors.NetworkError())
        elif self.state is SyncState.OFFLINE:
            self._set_state(SyncState.UNKNOWN, None)

    def set_linked(self, linked: bool) -> None:
        """Whether the profile has an account on a server (read after each unlock)."""
        if self.running:
            return
        if not linked:
            self._set_state(SyncState.NOT_LINKED, None)
        elif self.state is SyncState.NOT_LINKED:
            self._set_state(SyncState.UNKNOWN, None)

    def _launch(self, job: Callable[[threading.Event], Any], *, success: str, failure: str) -> None:
        self._cancel = cancel = threading.Event()
        generation = self._generation

        def run() -> None:
            try:
                outcome = _Outcome(success, job(cancel), generation)
            except errors.Cancelled:
                outcome = _Outcome("cancelled", None, generation)
            except errors.SyncError as error:
                outcome = _Outcome(failure, error, generation)
            except Exception as error:
                outcome = _Outcome("crashed", error, generation)
            self._delivered.emit(outcome)

        self._thread = threading.Thread(target=run, name="mediateur-sync", daemon=True)
        self._thread.start()

    def _wait_stopped(self) -> None:
        """Lock barrier (database lane): let the sync end its step before the vault locks."""
        thread = self._thread
        if thread is not None and thread is not threading.current_thread():
            thread.join(self.settings.lock_wait_s)
            if thread.is_alive():
                log.warning("the sync thread did not stop in time: locking under it")

    def _on_locking(self) -> None:
        self._generation += 1
        self._cancel.set()

    def _on_locked(self) -> None:
        self.error = None
        self.state = SyncState.UNKNOWN
        self.state_changed.emit()

    # Results, on the GUI thread

    def _on_delivered(self, outcome: _Outcome) -> None:
        self._thread = None
        try:
            self._report(outcome)
        finally:
            self.stopped.emit()

    def _report(self, outcome: _Outcome) -> None:
        kind, value = outcome.kind, outcome.value
        if kind == "failed" and isinstance(value, errors.DeviceRevoked):
            # The engine already destroyed the vault: this must reach the user, lock or not.
            self._set_state(SyncState.FAILED, value)
            self.failed.emit(value)
            return
        if outcome.generation != self._generation or not self.context.is_unlocked:
            # Cut by a lock: whatever it was, the user asked for nothing.
            log.info("sync run ended after a lock (%s)", kind)
            self.cancelled.emit()
            return
        if kind == "finished":
            self._set_state(SyncState.UP_TO_DATE, None)
            self.finished.emit(value)
        elif kind == "failed":
            self._set_state(_state_after(value), value)
            self.failed.emit(value)
        elif kind == "cancelled":
            self._set_state(SyncState.UNKNOWN, None)
            self.cancelled.emit()
        elif kind == "logged_in":
            self._set_state(SyncState.UNKNOWN, None)
            self.logged_in.emit(value)
        elif kind == "login_failed":
            self.login_failed.emit(value)
        else:
            self._set_state(SyncState.FAILED, value)
            sys.excepthook(type(value), value, value.__traceback__)

    def _set_state(self, state: SyncState, error: Exception | None) -> None:
        self.state = state
        self.error = error
        self.state_changed.emit()


def _state_after(error: Exception) -> SyncState:
    if isinstance(error, errors.NetworkError | errors.ServerUnavailable | errors.RateLimited):
        return SyncState.OFFLINE
    if isinstance(error, errors.AuthenticationRequired | errors.NotLoggedIn):
        return SyncState.SIGNED_OUT
    return SyncState.FAILED


def _engine_for(
    vault: Vault,
    settings: SyncSettings,
    *,
    progress: Callable[[str, int, int | None], None],
    cancel: threading.Event,
) -> tuple[SyncEngine, HttpTransport]:
    """The engine for the server this profile is linked to (runs on the sync thread)."""
    from mediateur.sync import local_state
    from mediateur.sync.engine import SyncEngine
    from mediateur.sync.transport import HttpTransport

    with vault.session() as session:
        state = local_state.get_many(
            session, local_state.SERVER_URL, local_state.CA_BUNDLE, local_state.TOKEN
        )
    url = state[local_state.SERVER_URL]
    if not url or not state[local_state.TOKEN]:
        raise errors.NotLoggedIn()
    transport = HttpTransport(url, timeout=settings.timeout, ca_bundle=state[local_state.CA_BUNDLE])
    engine = SyncEngine(
        vault,
        transport,
        progress=progress,
        cancel=cancel,
        wall=settings.wall,
        max_attempts=settings.max_attempts,
    )
    return engine, transport
