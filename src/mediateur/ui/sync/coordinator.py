"""Sync in the main window: what follows a sync, and what the user is asked.

The `SyncCoordinator` is created once by the main window. It owns the controller (the one sync
adapter), the automatic sync, the status-bar indicator and the banners, and answers what the
runs end with:

- a finished sync: the status bar counts again and every page reloads (`AppContext.synced`)
  when records moved;
- the session expired: a sync the user asked for opens the login dialog, then syncs again; an
  automatic one shows the banner with "Se reconnecter…" (no dialog out of the blue);
- this computer was revoked (the engine already destroyed the vault): the app leaves the
  profile for the start screen and explains why in French;
- anything else: the indicator, the banners and the Synchronisation page say it.

"Synchroniser maintenant" (F5 anywhere in the workspace, the page's button, the banner's) goes
through `sync_now()`.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence, QShortcut

from mediateur.sync import errors
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_warning
from mediateur.ui.sync.auto import AutoSync
from mediateur.ui.sync.banners import BannerFacts, SyncBanners
from mediateur.ui.sync.controller import SyncController, SyncState
from mediateur.ui.sync.indicator import SyncIndicator
from mediateur.ui.sync.login_dialog import LoginDialog
from mediateur.ui.tasks import QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.services.sync_inbox import SyncOverview
    from mediateur.sync.engine import SyncReport
    from mediateur.ui.main_window import MainWindow

log = logging.getLogger(__name__)

SYNC_NOW_KEYS = QKeySequence(Qt.Key.Key_F5)


def read_overview(session: Session) -> SyncOverview:
    from mediateur.services.sync_inbox import read_overview as overview

    return overview(session)


class SyncCoordinator(QObject):
    def __init__(self, window: MainWindow) -> None:
        context = window.context
        super().__init__(context)
        self.window = window
        self.context: AppContext = context
        self.controller = SyncController(context)
        self.auto = AutoSync(context, self.controller)
        self.indicator = SyncIndicator(self.controller, window.statusBar())
        window.statusBar().insertPermanentWidget(0, self.indicator)
        self.banners = SyncBanners()
        self.login_dialog: LoginDialog | None = None
        self._banners_placed = False
        self._sync_after_login = False
        self.shortcut = QShortcut(SYNC_NOW_KEYS, window)
        self.shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        self.shortcut.activated.connect(self.sync_now)
        self.banners.sync_requested.connect(self.sync_now)
        self.banners.login_requested.connect(lambda: self.open_login(expired=True))
        self.controller.finished.connect(self._on_finished)
        self.controller.failed.connect(self._on_failed)
        self.controller.stopped.connect(self.refresh_banners)
        self.auto.probed.connect(lambda _probe: self.refresh_banners())
        context.unlocked.connect(self._on_unlocked)
        context.locked.connect(self._on_locked)

    @staticmethod
    def of(context: AppContext) -> SyncCoordinator | None:
        return context.findChild(SyncCoordinator)

    # What the user asks

    def sync_now(self) -> None:
        """Sync now, or ask for the account first if the profile has none."""
        if not self.context.is_unlocked or self.controller.running:
            return
        QueryOp(self, op=read_overview, success=self._sync_with).run()

    def _sync_with(self, overview: SyncOverview) -> None:
        if not overview.linked or not overview.logged_in:
            self.open_login(expired=overview.linked, then_sync=True)
            return
        self.controller.start()

    def open_login(self, *, expired: bool = False, then_sync: bool = True) -> None:
        """The login dialog, prefilled with the server and account this profile knows."""
        if not self.context.is_unlocked:
            return
        if self.login_dialog is not None:
            self.login_dialog.raise_()
            self.login_dialog.activateWindow()
            return
        self._sync_after_login = then_sync
        QueryOp(
            self,
            op=read_overview,
            success=lambda overview: self._show_login(overview, expired=expired),
        ).run()

    def _show_login(self, overview: SyncOverview, *, expired: bool) -> None:
        if self.login_dialog is not None:
            return
        dialog = LoginDialog(
            self.window,
            self.controller,
            server_url=overview.server_url,
            username=overview.username,
            expired=expired,
        )
        dialog.connected.connect(self._on_connected)
        dialog.finished.connect(self._on_login_finished)
        self.login_dialog = dialog
        dialog.open()

    def _on_connected(self) -> None:
        self.context.notify_changes_saved()
        self.refresh_banners()
        if self._sync_after_login:
            self.controller.start()

    def _on_login_finished(self, _result: int) -> None:
        self.login_dialog = None

    # What runs end with

    def _on_finished(self, report: SyncReport) -> None:
        self.context.notify_changes_saved()
        if report.sent or report.received:
            self.context.notify_synced()

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, errors.DeviceRevoked):
            self._on_revoked(error)
            return
        # A refused push may still have moved records before the failure.
        self.context.notify_changes_saved()
        if isinstance(error, errors.AuthenticationRequired) and not self.controller.automatic:
            self.open_login(expired=True, then_sync=True)

    def _on_revoked(self, error: errors.DeviceRevoked) -> None:
        log.warning("device revoked (%s): leaving the profile", error.mode)
        profile = self.context.profile_name
        self.window.leave_profile()
        show_warning(
            self.window,
            self.tr(
                "{reason}\n\nLe profil « {profile} » n'existe plus sur cet ordinateur. Pour "
                "continuer à utiliser mediateur ici, demandez un nouvel accès à votre "
                "responsable, puis créez un nouveau profil."
            ).format(reason=str(error), profile=profile),
            title=self.tr("Poste retiré du programme"),
        )

    # Banners

    def refresh_banners(self) -> None:
        if self.context.is_unlocked:
            QueryOp(self, op=read_overview, success=self._render_banners).run()

    def _render_banners(self, overview: SyncOverview) -> None:
        self.controller.set_linked(overview.linked)
        probe = self.auto.last_probe
        self.banners.render(
            BannerFacts(
                linked=overview.linked,
                logged_in=overview.logged_in and self.controller.state is not SyncState.SIGNED_OUT,
                client_too_old=overview.client_too_old
                or (probe is not None and probe.reachable and not probe.accepts_this_app),
                clock_warning=overview.clock_warning,
                clock_skew_s=probe.clock_skew_s if probe is not None else None,
                last_sync_ok_at=overview.last_sync_ok_at,
            )
        )

    def _on_unlocked(self) -> None:
        workspace = self.window.workspace
        if workspace is not None and not self._banners_placed:
            workspace.add_banner(self.banners)
            self._banners_placed = True
        self.refresh_banners()

    def _on_locked(self) -> None:
        self.banners.clear()
        if self.login_dialog is not None:
            self.login_dialog.reject()
