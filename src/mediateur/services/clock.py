"""Dates as people mean them: Europe/Paris calendar days over datetimes stored in UTC.

Every "today", period bound and month in the services and reports goes through here, so that a
contact recorded at 00:30 in Lormont counts for the day it happened there, not for the UTC day.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

PARIS = ZoneInfo("Europe/Paris")


def now() -> datetime:
    return datetime.now(UTC)


def today() -> date:
    return datetime.now(PARIS).date()


def paris_date(moment: datetime) -> date:
    return moment.astimezone(PARIS).date()


def start_of_day(day: date) -> datetime:
    """The UTC instant at which `day` begins in Paris."""
    return datetime.combine(day, time.min, tzinfo=PARIS).astimezone(UTC)


def end_of_day(day: date) -> datetime:
    """The UTC instant at which `day` ends in Paris (the start of the next day, exclusive)."""
    return start_of_day(day + timedelta(days=1))


def at_paris(day: date, hour: int = 0, minute: int = 0) -> datetime:
    """An aware datetime at a Paris wall-clock time, in UTC."""
    return datetime.combine(day, time(hour, minute), tzinfo=PARIS).astimezone(UTC)


def age_on(birth_date: date, day: date) -> int:
    """Completed years on `day` (a person born on 29 February turns a year older on 1 March)."""
    before_birthday = (day.month, day.day) < (birth_date.month, birth_date.day)
    return day.year - birth_date.year - int(before_birthday)


def format_day(day: date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""


def format_moment(moment: datetime | None) -> str:
    return moment.astimezone(PARIS).strftime("%d/%m/%Y %H:%M") if moment else ""
