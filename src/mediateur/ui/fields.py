"""What the data-entry forms share: coded lists in combo boxes, dates typed the French way, Paris
date-times, the RGPD helper under free text, and one French message beside each invalid field.

Dates are typed (`14/05/2001`, `14.05.2001`, `14052001` or `2001-05-14`): faster than a calendar
and able to stay empty. Date-times are shown and entered in Europe/Paris and stored in UTC
(DESIGN.md §2).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QTime
from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from mediateur.domain.reference import reference_data
from mediateur.services.clock import PARIS, format_day
from mediateur.ui.widgets import Tone, show_message

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.\- ](\d{1,2})[/.\- ](\d{4})$")
_COMPACT = re.compile(r"^(\d{2})(\d{2})(\d{4})$")
_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")


def privacy_hint() -> str:
    """The RGPD helper shown under every free-text field (DESIGN.md §8)."""
    return QCoreApplication.translate(
        "fields",
        "Merci de ne pas saisir d'informations sensibles (santé, religion, opinions, origine, "
        "vie sexuelle, condamnations, numéro de sécurité sociale) : des faits utiles au suivi, "
        "brefs et objectifs.",
    )


def style_hint(label: QLabel) -> None:
    """A muted, wrapped helper line under a field."""
    label.setWordWrap(True)
    label.setStyleSheet("color: palette(placeholder-text);")


class DateFormatError(ValueError):
    """The text of a date field is not a date; the message is French."""


def parse_day(text: str) -> date | None:
    """The date typed in `text` (None when empty), or DateFormatError."""
    cleaned = text.strip()
    if not cleaned:
        return None
    if match := _DAY_FIRST.match(cleaned) or _COMPACT.match(cleaned):
        day, month, year = (int(g) for g in match.groups())
    elif match := _ISO.match(cleaned):
        year, month, day = (int(g) for g in match.groups())
    else:
        raise DateFormatError(
            QCoreApplication.translate(
                "fields", "date attendue au format JJ/MM/AAAA (exemple : 14/05/2001)."
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        raise DateFormatError(
            QCoreApplication.translate("fields", "cette date n'existe pas dans le calendrier.")
        ) from None


class DateField(QLineEdit):
    """A date typed as JJ/MM/AAAA; may stay empty."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText(self.tr("JJ/MM/AAAA"))
        self.setMaxLength(10)

    def day(self) -> date | None:
        """The date typed (None when empty), or DateFormatError."""
        return parse_day(self.text())

    def set_day(self, day: date | None) -> None:
        self.setText(format_day(day))


def to_qdatetime(moment: datetime) -> QDateTime:
    """A stored (aware) datetime as the Paris wall-clock time a QDateTimeEdit shows."""
    local = moment.astimezone(PARIS)
    return QDateTime(
        QDate(local.year, local.month, local.day), QTime(local.hour, local.minute, local.second)
    )


def from_qdatetime(value: QDateTime) -> datetime:
    """The Paris wall-clock time of a QDateTimeEdit as an aware UTC datetime."""
    day, clock = value.date(), value.time()
    local = datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute(), tzinfo=PARIS)
    return local.astimezone(UTC)


def fill_codes(combo: QComboBox, list_name: str, *, empty: str | None = None) -> None:
    """Fill `combo` with a reference list (label shown, slug as data), after an optional first
    item meaning "nothing chosen"."""
    combo.clear()
    if empty is not None:
        combo.addItem(empty, None)
    for item in reference_data()[list_name].items:
        combo.addItem(item.label, item.slug)


def combo_value(combo: QComboBox) -> str | None:
    value = combo.currentData()
    return value if isinstance(value, str) and value else None


def set_combo_value(combo: QComboBox, value: str | None) -> None:
    """Select the item whose data is `value` (the "nothing chosen" item for None or unknown)."""
    index = combo.findData(value) if value is not None else -1
    if index < 0:
        index = combo.findData(None)
    combo.setCurrentIndex(max(index, 0))


def code_label(list_name: str, slug: str | None) -> str:
    """The French label of a coded value; empty for None."""
    return reference_data()[list_name].label(slug) if slug else ""


@dataclass(frozen=True, slots=True)
class FieldSlot:
    """Where a field's message shows, and which control to focus when it is invalid."""

    message: QLabel
    control: QWidget


class FieldMessages:
    """One French message beside each invalid field of a form, in the form's order."""

    def __init__(self, slots: Mapping[str, FieldSlot], *, fallback: QLabel | None = None) -> None:
        self._slots = dict(slots)
        self._fallback = fallback
        self.clear()

    @property
    def fields(self) -> tuple[str, ...]:
        return tuple(self._slots)

    def clear(self) -> None:
        for slot in self._slots.values():
            show_message(slot.message, "")
        if self._fallback is not None:
            show_message(self._fallback, "")

    def show(self, messages: Mapping[str, str]) -> int:
        """Show `messages` (field → message) and hide the others; a field of the service
        that has no place on the form is named in the fallback label. Returns how many."""
        self.clear()
        stray: list[str] = []
        for field, text in messages.items():
            slot = self._slots.get(field)
            if slot is None:
                stray.append(text)
                continue
            show_message(slot.message, _capitalised(text), Tone.ERROR)
        if stray and self._fallback is not None:
            show_message(self._fallback, "\n".join(_capitalised(t) for t in stray), Tone.ERROR)
        return len(messages)

    def clear_field(self, field: str) -> None:
        slot = self._slots.get(field)
        if slot is not None:
            show_message(slot.message, "")

    def focus_first(self, messages: Iterable[str]) -> None:
        """Focus the first invalid control, in the form's order."""
        wanted = set(messages)
        for field, slot in self._slots.items():
            if field in wanted:
                slot.control.setFocus()
                return

    def shown(self) -> dict[str, str]:
        """field → message currently shown (what a user reads)."""
        return {
            field: slot.message.text()
            for field, slot in self._slots.items()
            if slot.message.isVisibleTo(slot.message.parentWidget()) and slot.message.text()
        }


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text
