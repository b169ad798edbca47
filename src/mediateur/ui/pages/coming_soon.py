"""Scaffolding: the page of a side-bar entry whose services are not ready yet.

It says so in French and shows nothing else; each entry's real page replaces it through the
registry.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from mediateur.ui.context import AppContext
from mediateur.ui.pages.base import Page
from mediateur.ui.widgets import style_title


class ComingSoonPage(Page):
    def __init__(
        self,
        context: AppContext,
        *,
        title: str,
        description: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title, self)
        style_title(heading)
        layout.addWidget(heading)
        what = QLabel(description, self)
        what.setWordWrap(True)
        layout.addWidget(what)
        note = QLabel(
            self.tr("Bientôt disponible : cette page arrive avec une prochaine version."), self
        )
        note.setWordWrap(True)
        note.setObjectName("coming_soon_note")
        layout.addWidget(note)
        layout.addStretch(1)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
