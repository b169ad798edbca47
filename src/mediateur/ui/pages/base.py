"""What every page of the main window is: a widget built with the `AppContext`, told when to
load its data and when to drop it.

- `load()` runs when the page is first shown, and again when it is shown after an unlock: start
  the `QueryOp`s that fill it (never query on the GUI thread).
- `drop_data()` runs when the profile locks: clear every widget and model that shows records,
  and any half-typed input. The page stays in place so the user comes back to it after unlocking.
- `show_record(record_id)` shows one record the rest of the app asked for (a person's file in
  Cohorte); pages without records ignore it.
"""

from __future__ import annotations

from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from mediateur.ui.context import AppContext

MAX_FOCUS_CHAIN = 10_000


class PageKey(StrEnum):
    TERRAIN = "terrain"
    COHORT = "cohorte"
    REFERRALS = "orientations"
    EVENTS = "evenements"
    REVIEW = "revue"
    SYNC = "synchronisation"
    SETTINGS = "parametres"


class Page(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def load(self) -> None:
        """Fill the page from the vault (through ops)."""

    def drop_data(self) -> None:
        """Forget everything read from the vault or typed into the page."""

    def show_record(self, record_id: str) -> None:
        """Show the record `record_id` (called after the page was brought on screen)."""

    def focus_first_field(self) -> bool:
        """Give the focus to the first control of the page reachable with Tab; False if the
        page has none."""
        widget = self.nextInFocusChain()
        for _ in range(MAX_FOCUS_CHAIN):
            if widget is self or widget is None:
                return False
            if (
                self.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            ):
                widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
                return True
            widget = widget.nextInFocusChain()
        return False
