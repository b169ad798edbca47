"""Toggle buttons for one coded field: a single choice (genre, tranche d'âge, canal, suite donnée)
or several (the theme chips of the freins), built for a street corner.

A group is one stop of the Tab chain, so a whole form is crossed in a few keys; its buttons take
clicks but never the focus. With the group focused, the digit shown on a button picks it (1 … 9,
then 0 for the tenth), arrows move the current button (and pick it in a single choice), Space
toggles it, Delete clears the group. The current button is outlined while the group has the focus.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import QEvent, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFocusEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
)
from PySide6.QtWidgets import QAbstractButton, QSizePolicy, QWidget

from mediateur.ui.flow_layout import FlowLayout

# The digit keys, in the order of the buttons they pick.
KEYS = "1234567890"
_PADDING_X = 10
_GAP = 6
_PADDING_Y = 4


class ChoiceButton(QAbstractButton):
    """One option, drawn as a rounded chip with its key digit in front of its label."""

    def __init__(self, key: str, label: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setText(label)
        self.setCheckable(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_Hover, True)
        self.current = False
        self._measure()
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.setToolTip(
            self.tr("Touche {key} quand la ligne a le focus").format(key=key) if key else ""
        )

    def _measure(self) -> None:
        """The key digit's font and the room it takes, kept until the font changes (a chip is
        painted often)."""
        self._key_font = QFont(self.font())
        self._key_font.setPointSizeF(self._key_font.pointSizeF() * 0.85)
        self._key_width = (
            QFontMetrics(self._key_font).horizontalAdvance(self.key) + _GAP if self.key else 0
        )
        metrics = self.fontMetrics()
        self._size = QSize(
            _PADDING_X * 2 + self._key_width + metrics.horizontalAdvance(self.text()),
            metrics.height() + _PADDING_Y * 2,
        )

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self._measure()
            self.updateGeometry()
        super().changeEvent(event)

    def sizeHint(self) -> QSize:
        return self._size

    def minimumSizeHint(self) -> QSize:
        return self.sizeHint()

    def paintEvent(self, event: QPaintEvent) -> None:
        palette = self.palette()
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(self.rect()).adjusted(1.5, 1.5, -1.5, -1.5)
        radius = box.height() / 2
        if self.isChecked():
            fill = palette.highlight().color()
            text = palette.highlightedText().color()
            border = fill.darker(130)
        else:
            fill = palette.base().color()
            if self.underMouse() and self.isEnabled():
                fill = palette.alternateBase().color()
            text = palette.text().color()
            border = palette.mid().color()
        if not self.isEnabled():
            text = palette.placeholderText().color()
        pen = QPen(border, 1)
        if self.current:
            pen = QPen(palette.highlight().color().darker(150), 2.5)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRoundedRect(box, radius, radius)
        x = float(_PADDING_X)
        baseline = (self.height() + self.fontMetrics().ascent() - self.fontMetrics().descent()) / 2
        if self.key:
            muted = QColor(text)
            muted.setAlpha(150)
            painter.setPen(muted)
            painter.setFont(self._key_font)
            painter.drawText(QPointF(x, baseline), self.key)
            x += self._key_width
        painter.setPen(text)
        painter.setFont(self.font())
        painter.drawText(QPointF(x, baseline), self.text())
        painter.end()


class ChoiceGroup(QWidget):
    """The buttons of one coded field; `multiple` makes them independent chips."""

    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.multiple = False
        self.buttons: list[ChoiceButton] = []
        self._slugs: list[str] = []
        self._current = -1
        self._layout = FlowLayout(self, spacing=6)
        self._layout.setContentsMargins(2, 2, 2, 2)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        policy = QSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        policy.setHeightForWidth(True)
        self.setSizePolicy(policy)

    def set_options(self, options: Iterable[tuple[str, str]], *, multiple: bool = False) -> None:
        """(slug, label) pairs, in the order shown; replaces any previous options."""
        for button in self.buttons:
            self._layout.removeWidget(button)
            button.deleteLater()
        self.multiple = multiple
        self.buttons, self._slugs = [], []
        for index, (slug, label) in enumerate(options):
            key = KEYS[index] if index < len(KEYS) else ""
            button = ChoiceButton(key, label, self)
            button.clicked.connect(lambda _checked, i=index: self._on_clicked(i))
            self._layout.addWidget(button)
            self.buttons.append(button)
            self._slugs.append(slug)
        self._current = -1
        self.updateGeometry()

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(self._slugs)

    def value(self) -> str | None:
        """The picked slug of a single choice (None when nothing is picked)."""
        picked = self.values()
        return picked[0] if picked else None

    def values(self) -> tuple[str, ...]:
        return tuple(s for s, b in zip(self._slugs, self.buttons, strict=True) if b.isChecked())

    def set_value(self, slug: str | None) -> None:
        self.set_values([] if slug is None else [slug])

    def set_values(self, slugs: Sequence[str]) -> None:
        wanted = set(slugs)
        if not self.multiple and len(wanted) > 1:
            raise ValueError("a single choice takes one value")
        before = self.values()
        for slug, button in zip(self._slugs, self.buttons, strict=True):
            button.setChecked(slug in wanted)
        if self.values() != before:
            self.changed.emit()

    def clear(self) -> None:
        self.set_values([])

    def label_of(self, slug: str) -> str:
        return self.buttons[self._slugs.index(slug)].text()

    # Keyboard

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if not self.buttons or event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            super().keyPressEvent(event)
            return
        key, text = event.key(), event.text()
        if text and text in KEYS[: len(self.buttons)]:
            self._pick(KEYS.index(text), toggle=self.multiple)
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Down):
            self._move(+1)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Up):
            self._move(-1)
        elif key == Qt.Key.Key_Home:
            self._move_to(0)
        elif key == Qt.Key.Key_End:
            self._move_to(len(self.buttons) - 1)
        elif key == Qt.Key.Key_Space:
            self._pick(self._current_or_first(), toggle=True)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self.clear()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def _current_or_first(self) -> int:
        """The current button, else the first picked one, else the first."""
        if self._current >= 0:
            return self._current
        checked = [i for i, b in enumerate(self.buttons) if b.isChecked()]
        return checked[0] if checked else 0

    def _move(self, step: int) -> None:
        start = self._current_or_first()
        if not self.multiple and not self.values():
            # The first arrow of an empty single choice picks the outlined button.
            self._move_to(start)
            return
        self._move_to((start + step) % len(self.buttons))

    def _move_to(self, index: int) -> None:
        self._set_current(index)
        if not self.multiple:
            self._pick(index, toggle=False)

    def _pick(self, index: int, *, toggle: bool) -> None:
        self._set_current(index)
        button = self.buttons[index]
        if self.multiple:
            button.setChecked(not button.isChecked() if toggle else True)
        elif toggle and button.isChecked():
            button.setChecked(False)
        else:
            for other in self.buttons:
                other.setChecked(other is button)
        self.changed.emit()

    def _on_clicked(self, index: int) -> None:
        button = self.buttons[index]
        if not self.multiple:
            # A click on the picked button unpicks it; another one replaces it.
            for other in self.buttons:
                if other is not button:
                    other.setChecked(False)
        self._set_current(index)
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        self.changed.emit()

    def _set_current(self, index: int) -> None:
        self._current = index
        self._show_current()

    def _show_current(self) -> None:
        focused = self.hasFocus()
        shown = self._current_or_first()
        for i, button in enumerate(self.buttons):
            current = focused and i == shown
            if button.current != current:
                button.current = current
                button.update()

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        self._show_current()

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)
        self._current = -1
        self._show_current()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.setFocus(Qt.FocusReason.MouseFocusReason)
        super().mousePressEvent(event)

    # Layout

    def hasHeightForWidth(self) -> bool:
        return True

    def heightForWidth(self, width: int) -> int:
        return self._layout.heightForWidth(width)

    def sizeHint(self) -> QSize:
        width = sum(b.sizeHint().width() + 6 for b in self.buttons) + 4
        return QSize(width, self.heightForWidth(width))

    def minimumSizeHint(self) -> QSize:
        return self._layout.minimumSize()
