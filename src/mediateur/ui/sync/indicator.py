"""The sync indicator of the status bar: syncing (with what has moved so far), up to date, out of
reach, to reconnect, or failed, the reason in its tooltip. The last successful sync and the
pending count are the status bar's own labels beside it."""

from __future__ import annotations

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QLabel, QWidget

from mediateur.ui.sync.controller import SyncController, SyncState
from mediateur.ui.widgets import Tone

MUTED = "color: palette(mid);"


class SyncIndicator(QLabel):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_indicator")
        self.controller = controller
        controller.state_changed.connect(self.render)
        controller.progressed.connect(self._on_progressed)
        self.render()

    def render(self) -> None:
        controller = self.controller
        state = controller.state
        error = str(controller.error) if controller.error is not None else ""
        details = self.tr("Détails dans la page Synchronisation.")
        if state is SyncState.SYNCING:
            self._show(self.tr("Synchronisation en cours…"), Tone.NEUTRAL.value, details)
        elif state is SyncState.UP_TO_DATE:
            self._show(self.tr("Synchronisé"), Tone.SUCCESS.value, details)
        elif state is SyncState.OFFLINE:
            self._show(self.tr("Hors ligne"), MUTED, error or details)
        elif state is SyncState.SIGNED_OUT:
            self._show(self.tr("Reconnexion au serveur nécessaire"), Tone.ERROR.value, error)
        elif state is SyncState.FAILED:
            self._show(self.tr("Échec de la synchronisation"), Tone.ERROR.value, error)
        elif state is SyncState.NOT_LINKED:
            self._show(
                self.tr("Non relié au serveur"),
                MUTED,
                self.tr("Connectez-vous dans la page Synchronisation pour envoyer vos saisies."),
            )
        else:
            self._show("", "", "")

    def _on_progressed(self, phase: str, done: int) -> None:
        if self.controller.state is not SyncState.SYNCING:
            return
        count = QLocale().toString(done)
        if phase == "push":
            text = self.tr("Synchronisation : envoi ({count})").format(count=count)
        else:
            text = self.tr("Synchronisation : réception ({count})").format(count=count)
        self.setText(text)

    def _show(self, text: str, style: str, tooltip: str) -> None:
        self.setText(text)
        self.setStyleSheet(style)
        self.setToolTip(tooltip)
        self.setVisible(bool(text))
