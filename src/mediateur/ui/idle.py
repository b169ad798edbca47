"""Idle detection for the automatic lock: no keyboard, mouse or touch input for the delay.

While running, an application-wide event filter notes the time of the last input event (no
per-event timer restart), and a coarse timer compares it with the delay. `idle` is emitted once;
the watcher then stops until started again.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

ACTIVITY_EVENTS = frozenset(
    {
        QEvent.Type.KeyPress,
        QEvent.Type.MouseButtonPress,
        QEvent.Type.MouseMove,
        QEvent.Type.Wheel,
        QEvent.Type.TouchBegin,
        QEvent.Type.TouchUpdate,
        QEvent.Type.TabletPress,
    }
)
MAX_CHECK_INTERVAL_MS = 5000
MIN_CHECK_INTERVAL_MS = 20


class IdleWatcher(QObject):
    idle = Signal()

    def __init__(
        self, parent: QObject | None = None, *, clock: Callable[[], float] = time.monotonic
    ) -> None:
        super().__init__(parent)
        self._clock = clock
        self._timeout_s = 0.0
        self._last_activity = clock()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self._on_timer_timeout)
        self._filtering = False

    @property
    def running(self) -> bool:
        return self._timer.isActive()

    def start(self, timeout_ms: int) -> None:
        self._timeout_s = timeout_ms / 1000
        self._last_activity = self._clock()
        interval = min(MAX_CHECK_INTERVAL_MS, max(MIN_CHECK_INTERVAL_MS, timeout_ms // 4))
        self._timer.start(interval)
        app = QApplication.instance()
        if app is not None and not self._filtering:
            app.installEventFilter(self)
            self._filtering = True

    def stop(self) -> None:
        self._timer.stop()
        app = QApplication.instance()
        if app is not None and self._filtering:
            app.removeEventFilter(self)
            self._filtering = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY_EVENTS:
            self._last_activity = self._clock()
        return False

    def _on_timer_timeout(self) -> None:
        if self._clock() - self._last_activity >= self._timeout_s:
            self.stop()
            self.idle.emit()
