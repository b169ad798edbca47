"""The managers' contact log (DESIGN.md §7): contacts filtered by period, QPV, event, channel,
theme, outcome, review status and mediator, read one window at a time for a table that stays
fluid at 100 000 rows.

Windows are read by keyset, not by offset: each one continues after the `(occurred_at, rowid)` of
the last row shown, which the index on `occurred_at` serves in order whatever the depth, where an
`OFFSET` would step over every row before it. The count is a separate query, so the first rows
never wait for it. Everything here is for managers only (`require_manager`).

Per-mediator information follows the CNIL's line (service quality, not individual surveillance;
`research/anchors-inclusion-fr.md` §4.6): the author of a contact is named only when the contact
belongs to the manager's own organisation — the `organisation_id` the server stamped on it, compared
with the one of the account this laptop logged in with — and only users of that organisation (the
cached directory) can be chosen as a filter. A contact of another organisation (reached through a
shared beneficiary) shows that organisation's name and cannot be reviewed here.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnClause, ColumnElement, and_, func, literal_column, or_, select
from sqlalchemy.orm import Session

from mediateur.services import clock
from mediateur.services.contacts import Contact, ContactFilter, contact_conditions
from mediateur.services.events import event_titles
from mediateur.services.records import to_view
from mediateur.services.review import UNREVIEWED, Viewer, require_manager
from mediateur.store.schema import contact, directory_organisation, directory_user, event
from mediateur.sync import local_state

PAGE_SIZE = 200
# SQLite's implicit row number: the index on occurred_at keeps ties in its order.
rowid: ColumnClause[Any] = literal_column("contact.rowid")
MADE_HERE = "Saisi sur ce poste"
UNKNOWN_AUTHOR = "Compte absent de l'annuaire"
OTHER_ORGANISATION = "Autre structure"


@dataclass(frozen=True, slots=True)
class LogFilter:
    """Filters of the log; every one given must hold. Dates are Paris days, inclusive."""

    date_from: date | None = None
    date_to: date | None = None
    qpv: str | None = None
    event_id: str | None = None
    channel: str | None = None
    theme: str | None = None
    outcome: str | None = None
    # `a_revoir` also matches contacts never reviewed.
    review_status: str | None = None
    mediator_id: str | None = None
    oldest_first: bool = False


@dataclass(frozen=True, slots=True)
class LogCursor:
    """Where a window ended: the next one starts after this row."""

    occurred_at: datetime
    position: int


@dataclass(frozen=True, slots=True)
class LogEntry:
    """A row of the log, with what the table shows beside the contact's own fields."""

    id: str
    occurred_at: datetime
    channel: str
    outcome: str
    event_id: str | None
    event_title: str | None
    qpv: str | None
    place: str | None
    anonymous: bool
    beneficiary_id: str | None
    gender: str | None
    age_band: str | None
    statuses: tuple[str, ...]
    themes: tuple[str, ...]
    referral_id: str | None
    follow_up_wanted: bool
    note: str | None
    review_status: str | None
    review_comment: str | None
    reviewed_at: datetime | None
    reviewer: str | None
    # The mediator's name for the manager's own organisation, else the other structure's name.
    author: str
    # Whether this laptop's manager may review it (a contact of their own organisation).
    own: bool


@dataclass(frozen=True, slots=True)
class LogPage:
    entries: tuple[LogEntry, ...]
    # None when nothing comes after this window.
    cursor: LogCursor | None


@dataclass(frozen=True, slots=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, slots=True)
class LogChoices:
    """What the event and mediator filters offer: events most recent first, the users of the
    manager's organisation in alphabetical order."""

    events: tuple[Choice, ...]
    mediators: tuple[Choice, ...]


def _conditions(viewer: Viewer, filters: LogFilter) -> list[ColumnElement[bool]]:
    unreviewed = filters.review_status == UNREVIEWED
    conditions = contact_conditions(
        ContactFilter(
            date_from=filters.date_from,
            date_to=filters.date_to,
            qpv=filters.qpv,
            event_id=filters.event_id,
            channel=filters.channel,
            theme=filters.theme,
            outcome=filters.outcome,
            review_status=None if unreviewed else filters.review_status,
            created_by=filters.mediator_id,
        )
    )
    c = contact.c
    if unreviewed:
        conditions.append(or_(c.review_status.is_(None), c.review_status == UNREVIEWED))
    if filters.mediator_id is not None:
        # A person's contacts are only ever singled out within the manager's own organisation.
        conditions.append(c.organisation_id == viewer.organisation_id)
    return conditions


def _after(cursor: LogCursor, oldest_first: bool) -> ColumnElement[bool]:
    """Rows after the cursor; the bare bound on `occurred_at` lets SQLite seek in its index."""
    c = contact.c
    moment, position = cursor.occurred_at, cursor.position
    if oldest_first:
        return and_(c.occurred_at >= moment, or_(c.occurred_at > moment, rowid > position))
    return and_(c.occurred_at <= moment, or_(c.occurred_at < moment, rowid < position))


class _Names:
    """Who wrote and who reviewed, as this manager may see it."""

    def __init__(self, session: Session, viewer: Viewer) -> None:
        self.viewer = viewer
        self.users: dict[str, str] = {
            row.id: row.display_name for row in session.execute(select(directory_user))
        }
        if viewer.user_id is not None and viewer.user_id not in self.users:
            # Before the first directory refresh the laptop knows its own user's name.
            name = local_state.get(session, local_state.DISPLAY_NAME)
            if name:
                self.users[viewer.user_id] = name
        self.organisations = {
            row.id: row.name for row in session.execute(select(directory_organisation))
        }

    def author(self, row: Contact) -> str:
        if not self.viewer.owns(row.organisation_id):
            name = self.organisations.get(row.organisation_id or "")
            return f"{OTHER_ORGANISATION} : {name}" if name else OTHER_ORGANISATION
        if row.created_by is None:
            return MADE_HERE
        return self.users.get(row.created_by, UNKNOWN_AUTHOR)

    def reviewer(self, user_id: str | None) -> str | None:
        if user_id is None:
            return None
        return self.users.get(user_id, UNKNOWN_AUTHOR)


def _entries(session: Session, viewer: Viewer, rows: Sequence[Contact]) -> tuple[LogEntry, ...]:
    names = _Names(session, viewer)
    titles = event_titles(session, [r.event_id for r in rows if r.event_id])
    return tuple(
        LogEntry(
            id=r.id,
            occurred_at=r.occurred_at,
            channel=r.channel,
            outcome=r.outcome,
            event_id=r.event_id,
            event_title=titles.get(r.event_id) if r.event_id else None,
            qpv=r.qpv,
            place=r.place,
            anonymous=bool(r.anonymous),
            beneficiary_id=r.beneficiary_id,
            gender=r.gender,
            age_band=r.age_band,
            statuses=r.statuses,
            themes=r.themes,
            referral_id=r.referral_id,
            follow_up_wanted=bool(r.follow_up_wanted),
            note=r.note,
            review_status=r.review_status,
            review_comment=r.review_comment,
            reviewed_at=r.reviewed_at,
            reviewer=names.reviewer(r.reviewed_by),
            author=names.author(r),
            own=viewer.owns(r.organisation_id),
        )
        for r in rows
    )


def read_page(
    session: Session,
    filters: LogFilter,
    *,
    after: LogCursor | None = None,
    limit: int = PAGE_SIZE,
) -> LogPage:
    """The next `limit` contacts matching `filters` (newest first unless `oldest_first`), after
    `after` or from the start."""
    viewer = require_manager(session)
    conditions = _conditions(viewer, filters)
    if after is not None:
        conditions.append(_after(after, filters.oldest_first))
    order: tuple[Any, ...] = (
        (contact.c.occurred_at.asc(), rowid.asc())
        if filters.oldest_first
        else (contact.c.occurred_at.desc(), rowid.desc())
    )
    query = (
        select(contact, rowid.label("position"))
        .where(*conditions)
        .order_by(*order)
        .limit(limit + 1)
    )
    fetched = session.execute(query).mappings().all()
    shown = fetched[:limit]
    rows = [to_view(Contact, row) for row in shown]
    cursor = None
    if len(fetched) > limit:
        last = shown[-1]
        cursor = LogCursor(occurred_at=last["occurred_at"], position=int(last["position"]))
    return LogPage(entries=_entries(session, viewer, rows), cursor=cursor)


def iter_entries(session: Session, filters: LogFilter, *, batch: int = 1000) -> Iterator[LogEntry]:
    """Every contact matching `filters`, in the log's order (an export)."""
    page = read_page(session, filters, limit=batch)
    yield from page.entries
    while page.cursor is not None:
        page = read_page(session, filters, after=page.cursor, limit=batch)
        yield from page.entries


def count_entries(session: Session, filters: LogFilter) -> int:
    viewer = require_manager(session)
    query = select(func.count()).select_from(contact).where(*_conditions(viewer, filters))
    return int(session.scalar(query) or 0)


def entries_by_id(session: Session, ids: Iterable[str]) -> list[LogEntry]:
    """The log rows of these contacts as they stand now (after a review), deleted ones left out."""
    viewer = require_manager(session)
    wanted = list(dict.fromkeys(ids))
    rows: list[Contact] = []
    for start in range(0, len(wanted), PAGE_SIZE):
        query = select(contact).where(
            contact.c.id.in_(wanted[start : start + PAGE_SIZE]), contact.c.deleted.is_(False)
        )
        rows += [to_view(Contact, row) for row in session.execute(query).mappings()]
    return list(_entries(session, viewer, rows))


def filter_choices(session: Session) -> LogChoices:
    viewer = require_manager(session)
    events = session.execute(
        select(event.c.id, event.c.title, event.c.starts_at)
        .where(event.c.deleted.is_(False))
        .order_by(event.c.starts_at.desc())
    )
    users = session.execute(
        select(directory_user.c.id, directory_user.c.display_name)
        .where(directory_user.c.organisation_id == viewer.organisation_id)
        .order_by(directory_user.c.display_name)
    )
    return LogChoices(
        events=tuple(
            Choice(row.id, f"{clock.format_day(clock.paris_date(row.starts_at))} – {row.title}")
            for row in events
        ),
        mediators=tuple(Choice(row.id, row.display_name) for row in users),
    )
