"""The programme's indicators, exactly as `mediateur stats --json` defines them (DESIGN.md §9).

Cohort: people received (intake date in the period), their % on RSA, % under 25 at intake and
% women — over everyone received, unknown values counted in the denominator and in `unknown` —
origin by QPV, exits by reason (exit date in the period), and people active at the end of the
period. Contacts by QPV, channel, outcome and month; referrals by current status. Periods are
Europe/Paris dates, inclusive. Everything in the profile counts, anonymised people included:
"under 25" reads the birth date when there is one, else the age band kept at intake.

Contacts are counted in SQL over covering indexes (100 000 rows within the budget of DESIGN.md
§10): one grouped count by QPV, channel and outcome, then one count per Paris month between the
first and last contact of the period, bounded by the UTC instants of Paris midnights.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import EXITED, under_25_bands
from mediateur.store.schema import beneficiary, contact, referral

UNKNOWN = "inconnu"
RSA = "rsa"
WOMAN = "f"
UNKNOWN_GENDERS = frozenset({None, "nr"})


@dataclass(frozen=True, slots=True)
class CohortIndicators:
    received: int
    pct_rsa: float
    pct_under_25: float
    pct_women: float
    by_qpv: dict[str, int]
    exits: dict[str, int]
    active: int
    unknown_age: int
    unknown_gender: int
    # The numerators of the three percentages (documents that protect small counts need them).
    rsa: int = 0
    under_25: int = 0
    women: int = 0


@dataclass(frozen=True, slots=True)
class ContactIndicators:
    total: int
    by_qpv: dict[str, int]
    by_channel: dict[str, int]
    by_outcome: dict[str, int]
    by_month: dict[str, int]


@dataclass(frozen=True, slots=True)
class ReferralIndicators:
    total: int
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class Indicators:
    date_from: date | None
    date_to: date | None
    cohort: CohortIndicators
    contacts: ContactIndicators
    referrals: ReferralIndicators

    def to_json(self) -> dict[str, Any]:
        """The document `stats --json` prints."""
        c = self.cohort
        return {
            "cohort": {
                "received": c.received,
                "pct_rsa": c.pct_rsa,
                "pct_under_25": c.pct_under_25,
                "pct_women": c.pct_women,
                "by_qpv": c.by_qpv,
                "exits": c.exits,
                "active": c.active,
                "unknown": {"age": c.unknown_age, "gender": c.unknown_gender},
            },
            "contacts": {
                "total": self.contacts.total,
                "by_qpv": self.contacts.by_qpv,
                "by_channel": self.contacts.by_channel,
                "by_outcome": self.contacts.by_outcome,
                "by_month": self.contacts.by_month,
            },
            "referrals": {"total": self.referrals.total, "by_status": self.referrals.by_status},
        }


def percentage(count: int, total: int) -> float:
    """count / total in %, rounded half up to one decimal; 0.0 when total is 0."""
    if total == 0:
        return 0.0
    exact = Decimal(count) * 100 / Decimal(total)
    return float(exact.quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


def _in_period(day: date | None, start: date | None, end: date | None) -> bool:
    return day is not None and (start is None or day >= start) and (end is None or day <= end)


def _ordered(counts: Counter[str], order: tuple[str, ...]) -> dict[str, int]:
    """Counts without zeros, in the reference list's order, unknown keys last."""
    rank = {slug: i for i, slug in enumerate(order)}
    keys = sorted((k for k, n in counts.items() if n), key=lambda k: (rank.get(k, len(rank)), k))
    return {k: counts[k] for k in keys}


def under_25(
    birth_date: date | None, intake_date: date | None, age_band: str | None, young: frozenset[str]
) -> bool | None:
    """Under 25 at intake, or None when unknown."""
    if birth_date is not None and intake_date is not None:
        return clock.age_on(birth_date, intake_date) < 25
    if age_band is None or age_band == "nr":
        return None
    return age_band in young


def _active_at(row: Any, end: date | None) -> bool:
    if row.intake_date is None or (end is not None and row.intake_date > end):
        return False
    if row.exit_date is not None:
        return end is not None and row.exit_date > end
    return bool(row.status != EXITED)


def cohort_indicators(session: Session, start: date | None, end: date | None) -> CohortIndicators:
    ref = reference_data()
    young = under_25_bands(ref)
    rows = session.execute(
        select(
            beneficiary.c.intake_date,
            beneficiary.c.birth_date,
            beneficiary.c.age_band,
            beneficiary.c.gender,
            beneficiary.c.statuses,
            beneficiary.c.qpv,
            beneficiary.c.status,
            beneficiary.c.exit_date,
            beneficiary.c.exit_reason,
        ).where(beneficiary.c.deleted.is_(False))
    ).all()
    received = [r for r in rows if _in_period(r.intake_date, start, end)]
    ages = [under_25(r.birth_date, r.intake_date, r.age_band, young) for r in received]
    exits = Counter(r.exit_reason or UNKNOWN for r in rows if _in_period(r.exit_date, start, end))
    total = len(received)
    rsa = sum(RSA in (r.statuses or ()) for r in received)
    young_count = sum(age is True for age in ages)
    women = sum(r.gender == WOMAN for r in received)
    return CohortIndicators(
        received=total,
        pct_rsa=percentage(rsa, total),
        pct_under_25=percentage(young_count, total),
        pct_women=percentage(women, total),
        by_qpv=_ordered(Counter(r.qpv or UNKNOWN for r in received), ref["qpv"].slugs),
        exits=_ordered(exits, ref["exit_reasons"].slugs),
        active=sum(_active_at(r, end) for r in rows),
        unknown_age=sum(age is None for age in ages),
        unknown_gender=sum(r.gender in UNKNOWN_GENDERS for r in received),
        rsa=rsa,
        under_25=young_count,
        women=women,
    )


def _moment_bounds(column: Any, start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    bounds: list[ColumnElement[bool]] = []
    if start is not None:
        bounds.append(column >= clock.start_of_day(start))
    if end is not None:
        bounds.append(column < clock.end_of_day(end))
    return bounds


def _months(first: date, last: date) -> list[date]:
    """The first day of every month from `first`'s to `last`'s."""
    months, current = [], first.replace(day=1)
    while current <= last:
        months.append(current)
        current = (current + timedelta(days=32)).replace(day=1)
    return months


def contact_indicators(session: Session, start: date | None, end: date | None) -> ContactIndicators:
    ref = reference_data()
    c = contact.c
    where = [c.deleted.is_(False), *_moment_bounds(c.occurred_at, start, end)]
    by_qpv: Counter[str] = Counter()
    by_channel: Counter[str] = Counter()
    by_outcome: Counter[str] = Counter()
    codes = select(c.qpv, c.channel, c.outcome, func.count()).where(*where)
    for qpv, channel, outcome, n in session.execute(codes.group_by(c.qpv, c.channel, c.outcome)):
        by_qpv[qpv or UNKNOWN] += n
        by_channel[channel or UNKNOWN] += n
        by_outcome[outcome or UNKNOWN] += n
    by_month: dict[str, int] = {}
    first, last = session.execute(
        select(func.min(c.occurred_at), func.max(c.occurred_at)).where(*where)
    ).one()
    if first is not None and last is not None:
        for month in _months(clock.paris_date(first), clock.paris_date(last)):
            following = (month + timedelta(days=32)).replace(day=1)
            count = session.scalar(
                select(func.count()).where(
                    *where,
                    c.occurred_at >= clock.start_of_day(month),
                    c.occurred_at < clock.start_of_day(following),
                )
            )
            if count:
                by_month[f"{month:%Y-%m}"] = int(count)
    return ContactIndicators(
        total=sum(by_qpv.values()),
        by_qpv=_ordered(by_qpv, ref["qpv"].slugs),
        by_channel=_ordered(by_channel, ref["channels"].slugs),
        by_outcome=_ordered(by_outcome, ref["outcomes"].slugs),
        by_month=by_month,
    )


def referral_indicators(
    session: Session, start: date | None, end: date | None
) -> ReferralIndicators:
    where = [referral.c.deleted.is_(False), *_moment_bounds(referral.c.created_at, start, end)]
    query = select(referral.c.status, func.count()).where(*where).group_by(referral.c.status)
    counts = Counter({status or UNKNOWN: n for status, n in session.execute(query)})
    return ReferralIndicators(
        total=sum(counts.values()),
        by_status=_ordered(counts, reference_data()["referral_statuses"].slugs),
    )


def compute_indicators(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> Indicators:
    """All indicators over the period [date_from, date_to] (Paris dates, either open)."""
    return Indicators(
        date_from=date_from,
        date_to=date_to,
        cohort=cohort_indicators(session, date_from, date_to),
        contacts=contact_indicators(session, date_from, date_to),
        referrals=referral_indicators(session, date_from, date_to),
    )
