"""The main window's status bar: the open profile, the changes waiting to be sent, the last
successful sync.

The counts are read by a `QueryOp` (never on the GUI thread) after each unlock, after each saved
change (`AppContext.changes_saved`) and every `REFRESH_MS` while unlocked, since the sync thread
also changes them. Nothing is shown while the profile is locked.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from PySide6.QtCore import QLocale, QObject, QTimer
from PySide6.QtWidgets import QLabel, QStatusBar

from mediateur.domain.values import parse_datetime
from mediateur.ui.context import AppContext
from mediateur.ui.tasks import QueryOp
from mediateur.ui.widgets import describe_moment

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

log = logging.getLogger(__name__)

REFRESH_MS = 30_000


@dataclass(frozen=True, slots=True)
class LocalStatus:
    pending_changes: int
    last_sync_ok_at: datetime | None


def read_status(session: Session) -> LocalStatus:
    """Edits not yet pushed, and when a sync last succeeded (runs on the database lane)."""
    from mediateur.sync import local_state
    from mediateur.sync.outbox import counts

    raw = local_state.get(session, local_state.LAST_SYNC_OK_AT)
    try:
        last_ok = parse_datetime(raw) if raw else None
    except ValueError:
        last_ok = None
    return LocalStatus(pending_changes=counts(session)["pending"], last_sync_ok_at=last_ok)


class StatusIndicators(QObject):
    def __init__(self, context: AppContext, status_bar: QStatusBar) -> None:
        super().__init__(status_bar)
        self.context = context
        self.profile_label = QLabel(status_bar)
        self.pending_label = QLabel(status_bar)
        self.last_sync_label = QLabel(status_bar)
        for label in (self.pending_label, self.last_sync_label, self.profile_label):
            status_bar.addPermanentWidget(label)
        self._refreshing = False
        self._again = False
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.refresh)
        context.unlocked.connect(self._on_unlocked)
        context.locked.connect(self._on_locked)
        context.changes_saved.connect(self.refresh)
        self._on_locked()

    def _on_unlocked(self) -> None:
        self.profile_label.setText(
            self.tr("Profil : {profile}").format(profile=self.context.profile_name)
        )
        self._timer.start()
        self.refresh()

    def _on_locked(self) -> None:
        self._timer.stop()
        self._refreshing = self._again = False
        for label in (self.profile_label, self.pending_label, self.last_sync_label):
            label.clear()

    def refresh(self) -> None:
        """Read the counts again; a refresh asked while one runs is done once it ends."""
        if not self.context.is_unlocked:
            return
        if self._refreshing:
            self._again = True
            return
        self._refreshing = True
        QueryOp(self, op=read_status, success=self._show).failure(self._on_failed).run()

    def _show(self, status: LocalStatus) -> None:
        self._refreshing = False
        count = status.pending_changes
        if count == 0:
            pending = self.tr("Aucune modification en attente d'envoi")
        elif count == 1:
            pending = self.tr("1 modification en attente d'envoi")
        else:
            pending = self.tr("{count} modifications en attente d'envoi").format(
                count=QLocale().toString(count)
            )
        self.pending_label.setText(pending)
        if status.last_sync_ok_at is None:
            last = self.tr("Dernière synchronisation : jamais")
        else:
            last = self.tr("Dernière synchronisation : {when}").format(
                when=describe_moment(status.last_sync_ok_at)
            )
        self.last_sync_label.setText(last)
        if self._again:
            self._again = False
            self.refresh()

    def _on_failed(self, error: Exception) -> None:
        self._refreshing = False
        log.warning("status refresh failed: %s", type(error).__name__)
        self.pending_label.setText(self.tr("Modifications en attente : lecture impossible"))
