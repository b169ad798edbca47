"""Figures the managers' screens and the steering-committee report show beyond `stats --json`:
contacts by kind of event, referrals by partner with the share honoured and the share expired,
and the activity of each mediator of the manager's own organisation.

The period rules are those of `indicators` (Paris dates, inclusive; contacts by `occurred_at`,
referrals by creation date). A referral counts as *issued* once it left the draft stage (its
history reaches `emise`, or its status is past `brouillon` without a cancelled draft); it was
*honoured* or *expired* if its status is, or its history ever reached, `honoree` or `expiree` —
a late answer after an expiry does not erase the expiry, a closure after the appointment does not
erase the appointment. Both shares are over the referrals issued.

Per-mediator figures are for service quality, not individual surveillance (CNIL;
`research/anchors-inclusion-fr.md` §4.6): only a manager sees them, and only for the users and
records of their own organisation (`organisation_id` stamped by the server, compared with the
organisation of the account this laptop logged in with).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import Session

from mediateur.domain.reference import fold, reference_data
from mediateur.reports.indicators import Indicators, compute_indicators, percentage
from mediateur.services import clock
from mediateur.services.review import TO_CORRECT, VALIDATED, require_manager
from mediateur.slips.french import MONTHS
from mediateur.store.schema import (
    contact,
    directory_user,
    event,
    partner,
    referral,
    referral_event,
)

NO_EVENT = "hors_evenement"
UNKNOWN_EVENT = "evenement_inconnu"
DRAFT = "brouillon"
ISSUED = "emise"
CANCELLED = "annulee"
HONOURED = "honoree"
EXPIRED = "expiree"
UNKNOWN_PARTNER = "Partenaire inconnu"
MADE_HERE = "Saisi sur ce poste"
_EXTRA_LABELS = {NO_EVENT: "Hors événement", UNKNOWN_EVENT: "Événement inconnu"}


@dataclass(frozen=True, slots=True)
class ReferralRates:
    total: int
    issued: int
    honoured: int
    expired: int

    @property
    def pct_honoured(self) -> float:
        return percentage(self.honoured, self.issued)

    @property
    def pct_expired(self) -> float:
        return percentage(self.expired, self.issued)


@dataclass(frozen=True, slots=True)
class PartnerReferrals:
    partner_id: str
    name: str
    rates: ReferralRates
    by_status: dict[str, int]


@dataclass(frozen=True, slots=True)
class MediatorActivity:
    user_id: str | None
    name: str
    contacts: int
    validated: int
    to_correct: int
    referrals: int

    @property
    def unreviewed(self) -> int:
        return self.contacts - self.validated - self.to_correct


@dataclass(frozen=True, slots=True)
class Dashboard:
    """Everything the Indicateurs page and the COPIL report show for one period."""

    indicators: Indicators
    contacts_by_event_kind: dict[str, int]
    referral_rates: ReferralRates
    referrals_by_partner: tuple[PartnerReferrals, ...]


def figure_label(list_name: str, key: str) -> str:
    """The French label of a breakdown's key (a slug of `list_name`, or one of the keys the
    breakdowns add: unknown, outside any event), capitalised."""
    item = reference_data()[list_name].get(key)
    text = item.label if item is not None else _EXTRA_LABELS.get(key, "inconnu")
    return text[:1].upper() + text[1:]


def month_label(key: str) -> str:
    """ "2026-03" → "mars 2026"."""
    year, month = key.split("-")
    return f"{MONTHS[int(month) - 1]} {year}"


_SHORT_MONTHS = (
    "janv.",
    "févr.",
    "mars",
    "avr.",
    "mai",
    "juin",
    "juil.",
    "août",
    "sept.",
    "oct.",
    "nov.",
    "déc.",
)


def short_month_label(key: str) -> str:
    """ "2026-03" → "mars 26", for chart axes."""
    year, month = key.split("-")
    return f"{_SHORT_MONTHS[int(month) - 1]} {year[2:]}"


def _bounds(column: Any, start: date | None, end: date | None) -> list[ColumnElement[bool]]:
    bounds: list[ColumnElement[bool]] = []
    if start is not None:
        bounds.append(column >= clock.start_of_day(start))
    if end is not None:
        bounds.append(column < clock.end_of_day(end))
    return bounds


def contacts_by_event_kind(
    session: Session, start: date | None, end: date | None
) -> dict[str, int]:
    """Contacts by the kind of the event they were met at, in the reference list's order, then
    contacts met outside any event and those whose event is unknown here; zeros omitted.

    Counted by event id over an index, then mapped to kinds: a join would read every contact."""
    query = (
        select(contact.c.event_id, func.count())
        .where(contact.c.deleted.is_(False), *_bounds(contact.c.occurred_at, start, end))
        .group_by(contact.c.event_id)
    )
    live_events = select(event.c.id, event.c.kind).where(event.c.deleted.is_(False))
    kinds: dict[str, str] = {row.id: row.kind for row in session.execute(live_events)}
    counts: Counter[str] = Counter()
    for event_id, n in session.execute(query):
        counts[NO_EVENT if event_id is None else kinds.get(event_id, UNKNOWN_EVENT)] += n
    order = (*reference_data()["event_kinds"].slugs, NO_EVENT, UNKNOWN_EVENT)
    return {key: counts[key] for key in order if counts[key]}


def _rates(statuses: list[tuple[str | None, set[str]]]) -> ReferralRates:
    def reached(target: str, status: str | None, history: set[str]) -> bool:
        return status == target or target in history

    issued = [
        (status, history)
        for status, history in statuses
        if ISSUED in history or status not in (None, DRAFT, CANCELLED)
    ]
    return ReferralRates(
        total=len(statuses),
        issued=len(issued),
        honoured=sum(reached(HONOURED, s, h) for s, h in issued),
        expired=sum(reached(EXPIRED, s, h) for s, h in issued),
    )


def referral_outcomes(
    session: Session, start: date | None, end: date | None
) -> tuple[ReferralRates, tuple[PartnerReferrals, ...]]:
    """Rates over all referrals of the period, and by partner (most referrals first)."""
    where = [referral.c.deleted.is_(False), *_bounds(referral.c.created_at, start, end)]
    rows = session.execute(
        select(referral.c.id, referral.c.partner_id, referral.c.status, partner.c.nom)
        .outerjoin(partner, partner.c.id == referral.c.partner_id)
        .where(*where)
    ).all()
    history: dict[str, set[str]] = defaultdict(set)
    events = session.execute(
        select(referral_event.c.referral_id, referral_event.c.to_status)
        .join(referral, referral.c.id == referral_event.c.referral_id)
        .where(referral_event.c.deleted.is_(False), *where)
    )
    for referral_id, to_status in events:
        history[referral_id].add(to_status)
    overall = _rates([(r.status, history[r.id]) for r in rows])
    by_partner: dict[str, list[tuple[str | None, set[str]]]] = defaultdict(list)
    names: dict[str, str] = {}
    for row in rows:
        by_partner[row.partner_id].append((row.status, history[row.id]))
        names[row.partner_id] = row.nom or UNKNOWN_PARTNER
    order = reference_data()["referral_statuses"].slugs
    partners = [
        PartnerReferrals(
            partner_id=partner_id,
            name=names[partner_id],
            rates=_rates(items),
            by_status={
                slug: n for slug in order if (n := sum(status == slug for status, _ in items))
            },
        )
        for partner_id, items in by_partner.items()
    ]
    partners.sort(key=lambda p: (-p.rates.total, fold(p.name)))
    return overall, tuple(partners)


def programme_dashboard(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> Dashboard:
    rates, partners = referral_outcomes(session, date_from, date_to)
    return Dashboard(
        indicators=compute_indicators(session, date_from=date_from, date_to=date_to),
        contacts_by_event_kind=contacts_by_event_kind(session, date_from, date_to),
        referral_rates=rates,
        referrals_by_partner=partners,
    )


def mediator_activity(
    session: Session, *, date_from: date | None = None, date_to: date | None = None
) -> list[MediatorActivity]:
    """Contacts (and how their review stands) and referrals of each user of the manager's
    organisation over the period, by name; managers only (ManagersOnly otherwise)."""
    viewer = require_manager(session)
    own = contact.c.organisation_id == viewer.organisation_id
    made_here = contact.c.organisation_id.is_(None)
    contacts: dict[str | None, Counter[str]] = defaultdict(Counter)
    query = (
        select(contact.c.created_by, contact.c.review_status, func.count())
        .where(
            contact.c.deleted.is_(False),
            own | made_here,
            *_bounds(contact.c.occurred_at, date_from, date_to),
        )
        .group_by(contact.c.created_by, contact.c.review_status)
    )
    for author, status, n in session.execute(query):
        contacts[author][status or ""] += n
    referrals: Counter[str | None] = Counter()
    referral_query = (
        select(referral.c.created_by, func.count())
        .where(
            referral.c.deleted.is_(False),
            (referral.c.organisation_id == viewer.organisation_id)
            | referral.c.organisation_id.is_(None),
            *_bounds(referral.c.created_at, date_from, date_to),
        )
        .group_by(referral.c.created_by)
    )
    for author, n in session.execute(referral_query):
        referrals[author] += n
    users = {
        row.id: row.display_name
        for row in session.execute(
            select(directory_user.c.id, directory_user.c.display_name).where(
                directory_user.c.organisation_id == viewer.organisation_id
            )
        )
    }
    # The table names people: authors no longer in the directory are left out of it.
    authors = [a for a in {*contacts, *referrals} if a is None or a in users] + list(users)
    result = []
    for author in dict.fromkeys(authors):
        counts = contacts.get(author, Counter())
        result.append(
            MediatorActivity(
                user_id=author,
                name=users[author] if author is not None else MADE_HERE,
                contacts=sum(counts.values()),
                validated=counts[VALIDATED],
                to_correct=counts[TO_CORRECT],
                referrals=referrals[author],
            )
        )
    return sorted(result, key=lambda m: (m.user_id is None, fold(m.name)))
