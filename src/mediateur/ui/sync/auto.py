"""Automatic sync: shortly after an unlock, every few minutes, and as soon as the server answers
again after being out of reach.

Before syncing on its own the app probes the server with one cheap `GET /api/v1/meta` on the
pool lane (never on the GUI thread); while it is out of reach, the probe is repeated every
`probe_interval_ms`, and the first answer starts a sync. Nothing runs while the profile is locked,
when it is not linked to an account (or its session expired: the user is asked once, by the
banner), when the server no longer accepts this version of the app, or when the user turned
automatic sync off. The controller's single flight means a manual sync and an automatic one never
overlap.

Both choices are interface preferences of the profile: on or off, and the interval in minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal

from mediateur.ui.context import AppContext
from mediateur.ui.preferences import Preference
from mediateur.ui.sync.controller import SyncController, SyncState
from mediateur.ui.tasks import BackgroundOp, QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.sync.reachability import ServerProbe

log = logging.getLogger(__name__)

SYNC_AUTOMATIC = Preference[int]("sync/automatic", 1, minimum=0, maximum=1)
SYNC_INTERVAL_MINUTES = Preference[int]("sync/interval_minutes", 5, minimum=1, maximum=120)
FIRST_CHECK_MS = 3_000
PROBE_INTERVAL_MS = 30_000
MS_PER_MINUTE = 60_000


@dataclass(frozen=True, slots=True)
class Link:
    """The server this profile syncs with, as far as the automatic sync needs it."""

    server_url: str | None
    ca_bundle: str | None
    logged_in: bool
    client_too_old: bool

    @property
    def can_sync(self) -> bool:
        return bool(self.server_url) and self.logged_in and not self.client_too_old


def read_link(session: Session) -> Link:
    from mediateur.sync import local_state

    state = local_state.get_many(
        session,
        local_state.SERVER_URL,
        local_state.CA_BUNDLE,
        local_state.TOKEN,
        local_state.USERNAME,
        local_state.CLIENT_TOO_OLD,
    )
    return Link(
        server_url=state[local_state.SERVER_URL] if state[local_state.USERNAME] else None,
        ca_bundle=state[local_state.CA_BUNDLE],
        logged_in=bool(state[local_state.TOKEN]),
        client_too_old=state[local_state.CLIENT_TOO_OLD] == "1",
    )


def probe(link: Link, wall: Callable[[], float]) -> ServerProbe:
    """One `GET /meta` with short timeouts (pool lane), read against this computer's clock."""
    from mediateur.sync.reachability import PROBE_TIMEOUT, probe_server
    from mediateur.sync.transport import HttpTransport

    transport = HttpTransport(
        link.server_url or "", timeout=PROBE_TIMEOUT, ca_bundle=link.ca_bundle
    )
    try:
        return probe_server(transport, wall=wall)
    finally:
        transport.close()


class AutoSync(QObject):
    probed = Signal(object)  # ServerProbe

    def __init__(self, context: AppContext, controller: SyncController) -> None:
        super().__init__(controller)
        self.context = context
        self.controller = controller
        self.first_check_ms = FIRST_CHECK_MS
        self.probe_interval_ms = PROBE_INTERVAL_MS
        self.last_probe: ServerProbe | None = None
        self._checking = False
        self._sync_timer = QTimer(self)
        self._sync_timer.timeout.connect(self.check)
        self._probe_timer = QTimer(self)
        self._probe_timer.timeout.connect(self.check)
        context.unlocked.connect(self._on_unlocked)
        context.locked.connect(self._on_locked)
        controller.stopped.connect(self._on_run_stopped)

    # Preferences

    @property
    def enabled(self) -> bool:
        return bool(self.context.preferences.get(SYNC_AUTOMATIC))

    @property
    def interval_minutes(self) -> int:
        return self.context.preferences.get(SYNC_INTERVAL_MINUTES)

    def set_enabled(self, enabled: bool) -> None:
        self.context.preferences.set(SYNC_AUTOMATIC, int(enabled))
        self._arm()
        if enabled:
            self.check()

    def set_interval_minutes(self, minutes: int) -> None:
        self.context.preferences.set(SYNC_INTERVAL_MINUTES, minutes)
        self._arm()

    # Life cycle

    def _on_unlocked(self) -> None:
        self.last_probe = None
        self._arm()
        QTimer.singleShot(self.first_check_ms, self.check)

    def _on_locked(self) -> None:
        self._sync_timer.stop()
        self._probe_timer.stop()
        self._checking = False
        self.last_probe = None

    def _arm(self) -> None:
        """The periodic timer, counted from now; the probe timer only while out of reach."""
        self._sync_timer.stop()
        self._probe_timer.stop()
        if not self.context.is_unlocked or not self.enabled:
            return
        self._sync_timer.start(self.interval_minutes * MS_PER_MINUTE)
        if self.controller.state is SyncState.OFFLINE:
            self._probe_timer.start(self.probe_interval_ms)

    def _on_run_stopped(self) -> None:
        if self.context.is_unlocked:
            self._arm()

    # Checking

    def check(self) -> None:
        """Probe the server and sync if it answers (nothing while a sync or a check runs)."""
        if self._checking or self.controller.running or not self.context.is_unlocked:
            return
        if not self.enabled or self.controller.state is SyncState.SIGNED_OUT:
            # Signed out: only the user can give the password again (the banner asks).
            return
        self._checking = True
        QueryOp(self, op=read_link, success=self._on_link).failure(self._on_check_failed).run()

    def _on_link(self, link: Link) -> None:
        self.controller.set_linked(link.server_url is not None)
        if not link.can_sync:
            self._checking = False
            return
        wall = self.controller.settings.wall
        BackgroundOp(self, op=lambda: probe(link, wall), success=self._on_probe).failure(
            self._on_check_failed
        ).run()

    def _on_probe(self, found: ServerProbe) -> None:
        self._checking = False
        self.last_probe = found
        self.probed.emit(found)
        self.controller.set_reachable(found.reachable)
        if found.reachable and found.accepts_this_app and self.enabled:
            self.controller.start(automatic=True)
        else:
            self._arm()

    def _on_check_failed(self, error: Exception) -> None:
        self._checking = False
        log.warning("automatic sync check failed: %s", type(error).__name__)
