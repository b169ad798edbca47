"""What the screens and pages of the app share: the open profile, its vault, its preferences,
the task runner, and the signals of its life cycle.

`open(vault)` makes a freshly unlocked vault the one the database lane works on and emits
`unlocked`; `lock()` emits `locking` (the sync cancels), detaches the vault (the runner locks it
after the write in progress and the lock barriers, such as the sync thread ending its step;
results of earlier ops are dropped) and emits `locked`, on which every page drops the data it
shows. The integrity check that follows each unlock runs on the pool lane and reports through
`integrity_checked`.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal, SignalInstance

from mediateur.domain.values import now_utc
from mediateur.store.errors import VaultLocked
from mediateur.ui.preferences import (
    IDLE_LOCK_MINUTES,
    LAST_PROFILE,
    PreferenceStore,
    home_preferences,
    profile_preferences,
)
from mediateur.ui.tasks import Lane, TaskRunner, VaultOp

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class IntegrityResult:
    checked_at: datetime
    problems: tuple[str, ...]

    @property
    def sound(self) -> bool:
        return not self.problems


class AppContext(QObject):
    unlocked = Signal()
    locked = Signal()
    locking = Signal()  # the vault is about to lock: long work (a sync) stops now
    integrity_checked = Signal(object)  # IntegrityResult
    integrity_check_started = Signal()
    lock_requested = Signal()
    idle_lock_changed = Signal(int)  # minutes
    new_referral_requested = Signal(object, object)  # beneficiary_id, contact_id (str or None)
    beneficiary_requested = Signal(str)  # beneficiary_id
    referral_requested = Signal(str)  # referral_id
    synced = Signal()  # a sync moved records: pages read their data again

    def __init__(self, *, home: Path, runner: TaskRunner, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.home = home
        self.runner = runner
        self.home_preferences = home_preferences(home)
        self.profile_dir: Path | None = None
        self._preferences: PreferenceStore | None = None
        self.last_integrity: IntegrityResult | None = None
        self._integrity_running = False
        self._lock_barriers: list[Callable[[], None]] = []

    @property
    def is_unlocked(self) -> bool:
        return self.runner.vault is not None

    @property
    def vault(self) -> Vault:
        """The open vault; only ops use it, on their worker thread."""
        vault = self.runner.vault
        if vault is None:
            raise VaultLocked()
        return vault

    @property
    def profile_name(self) -> str:
        return self.profile_dir.name if self.profile_dir is not None else ""

    @property
    def preferences(self) -> PreferenceStore:
        """The open profile's interface preferences (idle-lock delay)."""
        if self._preferences is None:
            raise VaultLocked()
        return self._preferences

    @property
    def changes_saved(self) -> SignalInstance:
        """Emitted on the GUI thread after a `WriteOp` committed; a page that saves in another
        way (import, sync) calls `notify_changes_saved()`."""
        return self.runner.changes_saved

    def notify_changes_saved(self) -> None:
        self.runner.changes_saved.emit()

    def notify_synced(self) -> None:
        """A sync sent or received records: the workspace reloads the page on screen, and the
        others when next shown."""
        self.synced.emit()

    @property
    def integrity_check_running(self) -> bool:
        return self._integrity_running

    @property
    def idle_lock_minutes(self) -> int:
        return self.preferences.get(IDLE_LOCK_MINUTES)

    def set_idle_lock_minutes(self, minutes: int) -> None:
        """Store the profile's idle-lock delay; the main window applies it at once."""
        self.preferences.set(IDLE_LOCK_MINUTES, minutes)
        self.idle_lock_changed.emit(minutes)

    def request_lock(self) -> None:
        """Ask the main window to lock now (it closes dialogs first, then calls `lock()`)."""
        self.lock_requested.emit()

    def request_new_referral(
        self, *, beneficiary_id: str | None = None, contact_id: str | None = None
    ) -> None:
        """Ask for a new referral of a cohort member or of a contact (the Orientations side
        answers; until it is connected, nothing happens)."""
        self.new_referral_requested.emit(beneficiary_id, contact_id)

    def request_beneficiary(self, beneficiary_id: str) -> None:
        """Ask the workspace to open a person's file in Cohorte."""
        self.beneficiary_requested.emit(beneficiary_id)

    def request_referral(self, referral_id: str) -> None:
        """Ask to show one referral (the Orientations side answers)."""
        self.referral_requested.emit(referral_id)

    def open(self, vault: Vault) -> None:
        if self.is_unlocked:
            raise RuntimeError("a vault is already open")
        if self.profile_dir != vault.directory:
            self.profile_dir = vault.directory
            self._preferences = profile_preferences(vault.directory)
            self.last_integrity = None
        self.runner.attach_vault(vault)
        self.home_preferences.set(LAST_PROFILE, vault.directory.name)
        log.info("profile unlocked")
        self.unlocked.emit()
        self.check_integrity()

    def add_lock_barrier(self, wait: Callable[[], None]) -> None:
        """Have every lock run `wait()` on the database lane before the vault locks, so that
        work on its own thread (the sync) ends cleanly first; the GUI never waits for it."""
        self._lock_barriers.append(wait)

    def lock(self) -> None:
        if not self.is_unlocked:
            return
        self.locking.emit()
        barriers = tuple(self._lock_barriers)
        self.runner.detach_vault(before_lock=lambda: _run_all(barriers))
        self._integrity_running = False
        log.info("profile locked")
        self.locked.emit()

    def check_integrity(self) -> None:
        """Check every page of the database in the background; never blocks the open."""
        if self._integrity_running or not self.is_unlocked:
            return
        self._integrity_running = True
        self.integrity_check_started.emit()
        VaultOp(
            self, op=lambda vault: tuple(vault.check_integrity()), success=self._on_integrity_done
        ).failure(self._on_integrity_failed).on_lane(Lane.POOL).run()

    def _on_integrity_done(self, problems: tuple[str, ...]) -> None:
        self._integrity_running = False
        self.last_integrity = IntegrityResult(now_utc(), problems)
        if problems:
            log.error("integrity check found %d problem(s)", len(problems))
        self.integrity_checked.emit(self.last_integrity)

    def _on_integrity_failed(self, error: Exception) -> None:
        self._integrity_running = False
        log.error("integrity check failed: %s", type(error).__name__)
        self.last_integrity = IntegrityResult(
            now_utc(), (self.tr("Le contrôle n'a pas pu aller à son terme : relancez-le."),)
        )
        self.integrity_checked.emit(self.last_integrity)


def _run_all(barriers: tuple[Callable[[], None], ...]) -> None:
    for wait in barriers:
        try:
            wait()
        except Exception:
            log.exception("a lock barrier failed")
