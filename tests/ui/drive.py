"""Driving the real windows the way a user does: typing, Tab, Enter, clicks."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QWidget

from mediateur.ui.main_window import MainWindow


def type_into(qtbot, widget: QWidget, text: str) -> None:
    """Type `text` key by key (QTest only knows how to type ASCII)."""
    assert text.isascii(), "QTest aborts on non-ASCII key clicks"
    widget.setFocus()
    qtbot.keyClicks(widget, text)


def press(
    qtbot, key: Qt.Key, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """A key press where the focus is, as the keyboard would deliver it."""
    target = QApplication.focusWidget()
    assert target is not None, "no widget has the keyboard focus"
    qtbot.keyClick(target, key, modifier)


def unlock_with(qtbot, window: MainWindow, passphrase: str) -> None:
    form = window.unlock_screen.form
    form.passphrase_edit.clear()
    type_into(qtbot, form.passphrase_edit, passphrase)
    qtbot.keyClick(form.passphrase_edit, Qt.Key.Key_Return)
    # The key derivation runs on the database lane with the threaded runner.
    qtbot.waitUntil(lambda: not form.busy_bar.isVisible(), timeout=10_000)


def visible_text(widget: QWidget) -> str:
    """The text of every visible label and button under `widget`, one per line."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    parts = [
        child.text()
        for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton)
        if child.isVisible() and child.text()
    ]
    return "\n".join(parts)


class Keyboard:
    """Keys pressed where the focus is, counted as a user presses them: a key with its
    modifiers (Ctrl+Entrée, Alt+I, Maj+Tab) is one keystroke, a typed text one per character."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.count = 0

    def press(
        self, key: Qt.Key | str, modifier: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
    ) -> None:
        target = QApplication.focusWidget()
        assert target is not None, "no widget has the keyboard focus"
        self.qtbot.keyClick(target, key, modifier)
        self.count += 1

    def type(self, text: str) -> None:
        assert text.isascii(), "QTest aborts on non-ASCII key clicks"
        for character in text:
            self.press(character)

    def take(self) -> int:
        """The keystrokes since the last call."""
        count, self.count = self.count, 0
        return count
