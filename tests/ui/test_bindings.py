"""The Qt bindings keep Python's reference counts right: PySide6 6.12.0 drops a reference to None
at each call of a method returning nothing, on Python 3.11 (where None is not immortal), and a
session of the app then dies with "deallocating None" (pyproject.toml excludes that version)."""

from __future__ import annotations

import sys

from PySide6.QtGui import QFont
from PySide6.QtWidgets import QWidget

CALLS = 1000


def test_void_methods_keep_none_alive(qtbot) -> None:
    widget = QWidget()
    qtbot.addWidget(widget)
    font = QFont(widget.font())
    before = sys.getrefcount(None)
    for _ in range(CALLS):
        font.setPointSizeF(9.5)
        widget.setEnabled(True)
        widget.update()
    # Other code running meanwhile may take or drop a few references, never one per call.
    assert sys.getrefcount(None) - before > -CALLS // 10
