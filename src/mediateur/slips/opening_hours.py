"""Opening hours in OpenStreetMap `opening_hours` syntax (data·inclusion `horaires_accueil`) read
out in French.

"Mo-Fr 08:30-12:30,13:30-17:00; Sa 09:00-12:00; PH off" reads "du lundi au vendredi,
8 h 30 – 12 h 30 et 13 h 30 – 17 h ; le samedi, 9 h – 12 h ; fermé les jours fériés". The subset
understood is what directories actually publish: weekday ranges and lists, public and school
holidays, time spans, `off`/`closed`/`open`, `24/7` and a trailing "comment". Anything else
(months, weeks, sunrise, `||`, …) is not guessed at: `describe_opening_hours` then shows the text
as the directory wrote it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mediateur.slips.french import NBSP, clock, join_words

_DAYS = ("Mo", "Tu", "We", "Th", "Fr", "Sa", "Su")
_DAY_NAMES = dict(
    zip(
        _DAYS,
        ("lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"),
        strict=True,
    )
)
_HOLIDAYS = {"PH": "les jours fériés", "SH": "pendant les vacances scolaires"}

_DAY = r"(?:Mo|Tu|We|Th|Fr|Sa|Su)"
_DAY_ITEM = rf"(?:{_DAY}(?:-{_DAY})?|PH|SH)"
_TIME = r"(?:[01]?\d|2[0-4]):[0-5]\d"
_SPAN = rf"{_TIME}-{_TIME}"
_RULE = re.compile(
    rf"^(?:(?P<days>{_DAY_ITEM}(?:\s*,\s*{_DAY_ITEM})*)\s*)?"
    rf"(?P<state>(?:{_SPAN})(?:\s*,\s*{_SPAN})*|off|closed|open)?"
    r'\s*(?:"(?P<comment>[^"]*)")?$',
    re.IGNORECASE,
)
# A comma after a time span or a state, then a weekday, starts a new rule ("…, Sa 09:00-12:00").
_ADDITIONAL_RULE = re.compile(
    rf"(?:(?<=\d)|(?<=off)|(?<=closed)|(?<=open))\s*,\s*(?={_DAY_ITEM}\b)", re.IGNORECASE
)


@dataclass(frozen=True, slots=True)
class _Rule:
    days: tuple[str, ...]
    spans: tuple[tuple[str, str], ...]
    closed: bool
    comment: str | None


def _canonical_day_item(item: str) -> str:
    return "-".join(
        part.upper() if part.upper() in _HOLIDAYS else part.capitalize() for part in item.split("-")
    )


def _parse_rule(text: str) -> _Rule | None:
    match = _RULE.match(text.strip())
    if match is None or not any(match.group("days", "state", "comment")):
        return None
    days = tuple(
        _canonical_day_item(item.strip())
        for item in (match["days"] or "").split(",")
        if item.strip()
    )
    state = (match["state"] or "").lower()
    closed = state in ("off", "closed")
    spans: tuple[tuple[str, str], ...] = ()
    if state and not closed and state != "open":
        spans = tuple(_span(text) for text in state.split(","))
    if not (days or spans or closed or match["comment"]):
        return None
    return _Rule(days, spans, closed, match["comment"])


def _span(text: str) -> tuple[str, str]:
    start, _, end = text.strip().partition("-")
    return start, end


def _parse(raw: str) -> list[_Rule] | None:
    text = raw.strip()
    if not text:
        return None
    if text == "24/7":
        return [_Rule((), (("00:00", "24:00"),), closed=False, comment=None)]
    rules: list[_Rule] = []
    for part in text.split(";"):
        for piece in _ADDITIONAL_RULE.split(part):
            if not piece.strip():
                continue
            rule = _parse_rule(piece)
            if rule is None:
                return None
            rules.append(rule)
    return rules or None


def _clock(value: str) -> str:
    hours, minutes = value.split(":")
    return clock(int(hours), int(minutes))


def _day_phrase(item: str) -> str:
    if item in _HOLIDAYS:
        return _HOLIDAYS[item]
    if "-" not in item:
        return f"le {_DAY_NAMES[item]}"
    first, last = item.split("-")
    if (first, last) == ("Mo", "Su"):
        return "tous les jours"
    if (_DAYS.index(last) - _DAYS.index(first)) % 7 == 1:
        return f"le {_DAY_NAMES[first]} et le {_DAY_NAMES[last]}"
    return f"du {_DAY_NAMES[first]} au {_DAY_NAMES[last]}"


def _describe_rule(rule: _Rule) -> str:
    days = join_words([_day_phrase(item) for item in rule.days])
    if rule.spans == (("00:00", "24:00"),) and not rule.days:
        text = f"tous les jours, 24{NBSP}h sur 24"
    elif rule.closed:
        text = f"fermé {days}" if days else "fermé"
    else:
        hours = join_words([f"{_clock(a)}{NBSP}–{NBSP}{_clock(b)}" for a, b in rule.spans])
        if days and hours:
            text = f"{days}, {hours}"
        else:
            text = days or (f"tous les jours, {hours}" if hours else "")
    if rule.comment:
        text = f"{text} ({rule.comment.strip()})" if text else rule.comment.strip()
    return text


def french_opening_hours(raw: str) -> str | None:
    """The French reading of `raw`, or None when it is not in the understood subset."""
    rules = _parse(raw)
    if rules is None:
        return None
    return f"{NBSP}; ".join(_describe_rule(rule) for rule in rules)


def describe_opening_hours(raw: str) -> str:
    """The French reading of `raw`, or `raw` itself (trimmed) when it cannot be read."""
    return french_opening_hours(raw) or raw.strip()
