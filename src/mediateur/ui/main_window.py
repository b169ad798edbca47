"""The application window and its states: first run, unlock, the workspace; and the lock.

At start it shows the first-run screen when there is no profile (or `--profile DIR` names an
empty directory), the unlock screen otherwise. Once a vault is open the workspace shows, the
status bar appears and the idle watcher runs. Locking (idle delay, Ctrl+L, or a page's request)
closes open dialogs, makes every page drop its data, locks the vault, and shows the unlock screen
for the same profile; unlocking brings back the page the user was on. Sync (the adapter, the
automatic sync, the indicator, the banners, F5) belongs to the `SyncCoordinator`.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QCloseEvent, QGuiApplication, QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QMainWindow, QStackedWidget, QWidget

from mediateur.paths import list_profiles
from mediateur.ui.context import AppContext, IntegrityResult
from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.errors import CrashDialog, show_warning
from mediateur.ui.flows.first_run import FirstRunFlow
from mediateur.ui.flows.unlock import UnlockThrottle
from mediateur.ui.idle import IdleWatcher
from mediateur.ui.preferences import LAST_PROFILE, WINDOW_GEOMETRY
from mediateur.ui.screens.first_run import FirstRunScreen
from mediateur.ui.screens.unlock import UnlockScreen
from mediateur.ui.status_bar import StatusIndicators
from mediateur.ui.sync.coordinator import SyncCoordinator
from mediateur.ui.workspace import Workspace

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

log = logging.getLogger(__name__)

DEFAULT_SIZE = (1280, 800)
MINIMUM_SIZE = (1024, 700)
MS_PER_MINUTE = 60_000


class LockKeyFilter(QObject):
    """Ctrl+L from any window of the app. A window shortcut would not do: Qt blocks the main
    window's shortcuts while a modal dialog is open, and a dialog may be showing a code."""

    pressed = Signal()
    KEYS = QKeyCombination(Qt.KeyboardModifier.ControlModifier, Qt.Key.Key_L)

    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.keyCombination() == self.KEYS
        ):
            self.pressed.emit()
            return True
        return False


class MainWindow(QMainWindow):
    def __init__(
        self, context: AppContext, *, profile: Path | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.fixed_profile = profile
        self.throttles: dict[Path, UnlockThrottle] = {}
        self.screens = QStackedWidget(self)
        self.setCentralWidget(self.screens)
        self.unlock_screen = UnlockScreen(throttles=self.throttles, parent=self.screens)
        self.screens.addWidget(self.unlock_screen)
        self.first_run_screen: FirstRunScreen | None = None
        self.workspace: Workspace | None = None
        self.idle_watcher = IdleWatcher(self)
        self.status_indicators = StatusIndicators(context, self.statusBar())
        self.sync = SyncCoordinator(self)
        self.statusBar().setVisible(False)
        self.lock_key = LockKeyFilter(self)
        self.lock_key.pressed.connect(self.lock)
        self.idle_watcher.idle.connect(self._on_idle)
        context.lock_requested.connect(self.lock)
        context.idle_lock_changed.connect(self._on_idle_lock_changed)
        context.integrity_checked.connect(self._on_integrity_checked)
        self.unlock_screen.unlocked.connect(self._enter)
        self.unlock_screen.new_profile_requested.connect(
            lambda: self.show_first_run(can_go_back=True)
        )
        self.setWindowTitle("mediateur")
        self.setMinimumSize(*MINIMUM_SIZE)
        self._restore_geometry()
        self.show_start_screen()

    def _restore_geometry(self) -> None:
        saved = self.context.home_preferences.get(WINDOW_GEOMETRY)
        if saved and self.restoreGeometry(QByteArray(saved)):
            return
        width, height = DEFAULT_SIZE
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width, height = min(width, available.width()), min(height, available.height())
        self.resize(width, height)

    def show_start_screen(self) -> None:
        fixed = self.fixed_profile
        if fixed is not None:
            if (fixed / "vault.json").is_file():
                self.show_unlock([fixed], selected=fixed, fixed=True)
            else:
                self.show_first_run(directory=fixed, can_go_back=False)
            return
        profiles = list_profiles(self.context.home)
        if not profiles:
            self.show_first_run(can_go_back=False)
            return
        last = self.context.home_preferences.get(LAST_PROFILE)
        selected = next((p for p in profiles if p.name == last), profiles[0])
        self.show_unlock(profiles, selected=selected, fixed=False)

    def show_first_run(self, *, directory: Path | None = None, can_go_back: bool) -> None:
        self._discard_first_run()
        flow = FirstRunFlow(home=self.context.home, directory=directory)
        screen = FirstRunScreen(flow, can_go_back=can_go_back, parent=self.screens)
        screen.completed.connect(self._enter)
        screen.back_requested.connect(self.show_start_screen)
        self.first_run_screen = screen
        self.screens.addWidget(screen)
        self.screens.setCurrentWidget(screen)
        self.setWindowTitle(self.tr("mediateur — nouveau profil"))
        screen.focus_first_field()

    def show_unlock(self, profiles: list[Path], *, selected: Path, fixed: bool) -> None:
        self._discard_first_run()
        self.unlock_screen.show_profiles(profiles, selected=selected, fixed=fixed)
        self.screens.setCurrentWidget(self.unlock_screen)
        self.setWindowTitle(self.tr("mediateur — déverrouillage"))
        self.unlock_screen.focus_first_field()

    def _discard_first_run(self) -> None:
        if self.first_run_screen is not None:
            self.screens.removeWidget(self.first_run_screen)
            self.first_run_screen.deleteLater()
            self.first_run_screen = None

    def _enter(self, vault: Vault) -> None:
        if self.workspace is None:
            self.workspace = Workspace(self.context, self.screens)
            self.screens.addWidget(self.workspace)
        self.context.open(vault)
        self._discard_first_run()
        self.screens.setCurrentWidget(self.workspace)
        self.statusBar().setVisible(True)
        self.setWindowTitle(
            self.tr("mediateur — {profile}").format(profile=self.context.profile_name)
        )
        self.idle_watcher.start(self.context.idle_lock_minutes * MS_PER_MINUTE)
        self.workspace.focus_current_page()

    def lock(self) -> None:
        """Close dialogs, drop every page's data, lock the vault, ask for the passphrase."""
        if not self.context.is_unlocked:
            return
        profile = self.context.profile_dir
        self._close_dialogs()
        self.idle_watcher.stop()
        self.context.lock()
        self.statusBar().setVisible(False)
        if profile is not None:
            self.show_unlock([profile], selected=profile, fixed=True)

    def leave_profile(self) -> None:
        """Lock, then show the start screen instead of the unlock screen: the profile is gone
        (this computer was revoked and its vault destroyed)."""
        self.lock()
        self.show_start_screen()

    def _on_idle(self) -> None:
        log.info("idle delay reached: locking")
        self.lock()

    def _close_dialogs(self) -> None:
        for dialog in self.findChildren(QDialog):
            if isinstance(dialog, CrashDialog) or not dialog.isVisible():
                continue
            if isinstance(dialog, RecoveryCodeDialog):
                dialog.discard()
            else:
                dialog.reject()

    def _on_idle_lock_changed(self, minutes: int) -> None:
        if self.context.is_unlocked:
            self.idle_watcher.start(minutes * MS_PER_MINUTE)

    def _on_integrity_checked(self, result: IntegrityResult) -> None:
        if result.sound:
            self.statusBar().showMessage(self.tr("Contrôle d'intégrité : aucun problème."), 8000)
            return
        show_warning(
            self,
            self.tr(
                "Le contrôle d'intégrité a trouvé des problèmes dans la base chiffrée. Restaurez "
                "une sauvegarde du profil et prévenez votre responsable (détails dans Paramètres)."
            ),
        )

    def closeEvent(self, event: QCloseEvent) -> None:
        self.context.home_preferences.set(WINDOW_GEOMETRY, bytes(self.saveGeometry().data()))
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self.lock_key)
        super().closeEvent(event)
