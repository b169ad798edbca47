"""Small helpers shared by the screens: title style, inline messages, enabling, moments."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import UTC, datetime, timedelta
from enum import Enum

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel, QPushButton, QSplitter, QWidget


class Tone(Enum):
    NEUTRAL = ""
    ERROR = "color: #b3261e;"
    SUCCESS = "color: #1e6b34;"


def style_title(label: QLabel, *, scale: float = 1.5) -> None:
    font = QFont(label.font())
    font.setPointSizeF(font.pointSizeF() * scale)
    font.setBold(True)
    label.setFont(font)


def style_card(card: QWidget) -> None:
    """A framed panel on the window's background, for the forms shown before the workspace."""
    card.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
    name = card.objectName()
    card.setStyleSheet(
        f"QWidget#{name} {{ background: palette(base); border: 1px solid palette(mid); "
        "border-radius: 8px; }"
    )
    layout = card.layout()
    if layout is not None:
        layout.setContentsMargins(28, 24, 28, 24)


def style_link_button(button: QPushButton) -> None:
    """A flat button that reads as a link (a secondary path, such as the recovery code)."""
    button.setFlat(True)
    button.setCursor(Qt.CursorShape.PointingHandCursor)
    button.setStyleSheet(
        "QPushButton { color: palette(link); text-decoration: underline; text-align: left; "
        "padding: 2px 0; border: none; }"
    )


def table_over_panel(parent: QWidget, table: QWidget, panel: QWidget) -> QSplitter:
    """A list on top, taking the room, and the panel of its selected row under it; neither
    can be collapsed away."""
    splitter = QSplitter(Qt.Orientation.Vertical, parent)
    splitter.addWidget(table)
    splitter.addWidget(panel)
    splitter.setStretchFactor(0, 1)
    splitter.setStretchFactor(1, 0)
    splitter.setChildrenCollapsible(False)
    return splitter


def message_label(parent: QWidget, object_name: str) -> QLabel:
    """The line under a page where `show_message` reports what just happened."""
    label = QLabel(parent)
    label.setObjectName(object_name)
    label.setWordWrap(True)
    return label


def detail_label(parent: QWidget) -> QLabel:
    """The selected row's details, as rich text the user can select and copy."""
    label = QLabel(parent)
    label.setObjectName("detail_label")
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


def align_form_labels(labels: Iterable[QLabel]) -> None:
    """Give labels of separate form layouts one width, so their fields line up."""
    labels = list(labels)
    width = max(label.sizeHint().width() for label in labels)
    for label in labels:
        label.setMinimumWidth(width)


def show_message(label: QLabel, text: str, tone: Tone = Tone.NEUTRAL) -> None:
    """Inline message under a field or a form; hidden when empty."""
    label.setStyleSheet(tone.value)
    label.setText(text)
    label.setVisible(bool(text))


def set_enabled(widgets: Iterable[QWidget], enabled: bool) -> None:
    for widget in widgets:
        widget.setEnabled(enabled)


def describe_moment(when: datetime, *, now: datetime | None = None) -> str:
    """ "aujourd'hui à 14:05", "hier à 09:30" or "le 03/02/2026 à 17:45", in local time."""
    local = when.astimezone()
    today = (now or datetime.now(UTC)).astimezone().date()
    clock = local.strftime("%H:%M")
    if local.date() == today:
        return QCoreApplication.translate("moments", "aujourd'hui à {time}").format(time=clock)
    if local.date() == today - timedelta(days=1):
        return QCoreApplication.translate("moments", "hier à {time}").format(time=clock)
    return QCoreApplication.translate("moments", "le {date} à {time}").format(
        date=local.strftime("%d/%m/%Y"), time=clock
    )
