"""French wording helpers of the slips: dates and times in Europe/Paris, typography, lists.

Dates read as a French public-service letter writes them ("jeudi 3 décembre 2026 à 14 h 30",
"mardi 1er décembre 2026"); times drop zero minutes ("17 h"). Typography puts a no-break space
before the high punctuation (: ; ! ?) and inside guillemets, so a line never starts with a colon.
The no-break space is U+00A0: reportlab keeps it unbroken, and every shipped font has it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")
NBSP = "\u00a0"

WEEKDAYS = ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche")
MONTHS = (
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
)

_SPACE_BEFORE_HIGH_PUNCTUATION = re.compile(r"[ \t]+([:;!?»])")
_SPACE_AFTER_GUILLEMET = re.compile(r"«[ \t]*")
_APOSTROPHE = re.compile(r"(?<=\w)'(?=\w)")
_TOKEN = re.compile(r"\S+")


def to_paris(moment: datetime) -> datetime:
    """`moment` in Europe/Paris; a naive datetime is refused (stored datetimes are UTC-aware)."""
    if moment.tzinfo is None:
        raise ValueError("date et heure sans fuseau horaire")
    return moment.astimezone(PARIS)


def format_date(day: date, *, weekday: bool = True) -> str:
    """'jeudi 3 décembre 2026' (or '3 décembre 2026'), with '1er' for the first of the month."""
    ordinal = "1er" if day.day == 1 else str(day.day)
    text = f"{ordinal} {MONTHS[day.month - 1]} {day.year}"
    return f"{WEEKDAYS[day.weekday()]} {text}" if weekday else text


def clock(hours: int, minutes: int) -> str:
    """'14 h 30', '9 h 05', '17 h' (24 h is accepted: opening hours end at midnight)."""
    if minutes == 0:
        return f"{hours}{NBSP}h"
    return f"{hours}{NBSP}h{NBSP}{minutes:02d}"


def format_time(moment: time) -> str:
    return clock(moment.hour, moment.minute)


def format_datetime(moment: datetime) -> str:
    """'jeudi 3 décembre 2026 à 14 h 30', in Europe/Paris."""
    local = to_paris(moment)
    return f"{format_date(local.date())} à {format_time(local.time())}"


def join_words(items: Sequence[str], conjunction: str = "et") -> str:
    """'a', 'a et b', 'a, b et c'."""
    if not items:
        return ""
    if len(items) == 1:
        return items[0]
    return f"{', '.join(items[:-1])} {conjunction} {items[-1]}"


def unbreakable(text: str) -> str:
    """`text` with its spaces made unbreakable, for a phone number that must stay on one line."""
    return text.strip().replace(" ", NBSP)


def capitalise(text: str) -> str:
    return text[:1].upper() + text[1:]


def _curl(token: re.Match[str]) -> str:
    word = token.group(0)
    if "@" in word or "://" in word or word.startswith("www."):
        return word  # an address is copied by hand: print it exactly as stored
    return _APOSTROPHE.sub("’", word)


def typography(text: str) -> str:
    """French typography: typographic apostrophes, unbreakable spaces before high punctuation
    and inside guillemets.

    Only existing spaces change (nothing is inserted) and e-mail addresses and URLs are left
    exactly as written.
    """
    text = _TOKEN.sub(_curl, text)
    text = _SPACE_BEFORE_HIGH_PUNCTUATION.sub(lambda m: NBSP + m.group(1), text)
    return _SPACE_AFTER_GUILLEMET.sub("«" + NBSP, text)
