"""Choosing a folder to write into (the right-of-access export): the system's folder dialog
behind one entry point that tests replace."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QWidget


class FolderChooser:
    @staticmethod
    def ask(parent: QWidget | None, *, title: str | None = None) -> Path | None:
        """The folder picked, or None if the user cancelled."""
        chosen = QFileDialog.getExistingDirectory(
            parent,
            title or QCoreApplication.translate("folders", "Choisir un dossier"),
            str(Path.home()),
        )
        return Path(chosen) if chosen else None
