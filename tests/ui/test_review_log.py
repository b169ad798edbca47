"""The contact log on 100 000 contacts: every filter, alone and combined, through the real tab and
its model, gives the count SQL gives and rows that match it, newest first, window after window.

The contacts are bulk-inserted with Core into a real SQLCipher vault opened with the raw key,
spread over two years, all QPV, channels, outcomes and themes, six authors of two organisations,
some events, some reviews, and a few tombstones. The expected counts are computed with plain SQL
written here (themes through `json_each`), not with the service under test."""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import insert, text

from mediateur.domain.reference import reference_data
from mediateur.domain.values import format_datetime
from mediateur.services.contact_log import LogFilter
from mediateur.store.schema import contact, directory_organisation, directory_user, event
from mediateur.store.vault import Vault
from mediateur.ui.context import AppContext
from mediateur.ui.review.log_tab import ContactLogTab
from mediateur.ui.tasks import TaskRunner
from tests.support.labs import act_as
from tests.support.vaults import VaultFactory
from tests.ui.review_support import MANAGER, ORG, OTHER_ORG

CONTACTS = 100_000
START = datetime(2024, 3, 1, 6, tzinfo=UTC)
PARIS = ZoneInfo("Europe/Paris")
OWN_USERS = [MANAGER, *(f"0190b5b4-0000-7000-8000-00000000a{n:03d}" for n in range(3))]
OTHER_USERS = [f"0190b5b4-0000-7000-8000-00000000b{n:03d}" for n in range(2)]
EVENTS = [f"0190b5b4-0000-7000-8000-00000000e{n:03d}" for n in range(12)]


def _fill(vault: Vault) -> None:
    rng = random.Random(9)
    ref = reference_data()
    qpv, channels, outcomes = ref["qpv"].slugs, ref["channels"].slugs, ref["outcomes"].slugs
    freins = ref["freins"].slugs
    rows: list[dict[str, Any]] = []
    for n in range(CONTACTS):
        moment = START + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        own = rng.random() < 0.9
        author = rng.choice(OWN_USERS if own else OTHER_USERS)
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "organisation_id": ORG if own else OTHER_ORG,
                "created_at": moment,
                "created_by": author,
                "updated_hlc": f"{int(moment.timestamp() * 1000):013d}-0000-{'0' * 32}",
                "deleted": n % 97 == 0,
                "server_seq": n + 1,
                "occurred_at": moment,
                "event_id": rng.choice(EVENTS) if rng.random() < 0.3 else None,
                "qpv": rng.choice(qpv),
                "channel": rng.choice(channels),
                "outcome": rng.choice(outcomes),
                "anonymous": True,
                "gender": rng.choice(("f", "m", "nr")),
                "age_band": "25_44",
                "statuses": [],
                "themes": rng.sample(freins, k=rng.randrange(3)),
                "note": "Rencontre au pied de l'immeuble",
                "review_status": rng.choice((None, None, None, "a_revoir", "valide", "a_corriger")),
            }
        )
    with vault.write_session() as session, session.begin():
        for start in range(0, CONTACTS, 5000):
            session.execute(insert(contact), rows[start : start + 5000])
        session.execute(
            insert(event),
            [
                {
                    "id": event_id,
                    "organisation_id": ORG,
                    "created_at": START,
                    "updated_hlc": "0" * 13 + "-0000-" + "0" * 32,
                    "deleted": False,
                    "server_seq": 1,
                    "kind": "pied_immeuble",
                    "title": f"Pied d'immeuble n° {n}",
                    "starts_at": START + timedelta(days=30 * n),
                }
                for n, event_id in enumerate(EVENTS)
            ],
        )
        session.execute(
            insert(directory_organisation),
            [{"id": ORG, "name": "Cité de l'emploi"}, {"id": OTHER_ORG, "name": "PLIE"}],
        )
        session.execute(
            insert(directory_user),
            [
                {
                    "id": user,
                    "display_name": f"Personne {n}",
                    "organisation_id": ORG,
                    "role": "mediator",
                }
                for n, user in enumerate(OWN_USERS)
            ]
            + [
                {
                    "id": user,
                    "display_name": f"Autre {n}",
                    "organisation_id": OTHER_ORG,
                    "role": "mediator",
                }
                for n, user in enumerate(OTHER_USERS)
            ],
        )
    act_as(vault, role="manager", organisation_id=ORG, user_id=MANAGER)


@pytest.fixture(scope="module")
def big_profile(vault_factory: VaultFactory, tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("review-100k") / "profile"
    vault = vault_factory.open(directory)
    try:
        _fill(vault)
    finally:
        vault.lock()
    return directory


@pytest.fixture
def tab(
    qtbot, runner: TaskRunner, big_profile: Path, vault_factory: VaultFactory, home: Path
) -> Iterator[ContactLogTab]:
    vault = vault_factory.open(big_profile)
    runner.attach_vault(vault)
    context = AppContext(home=home, runner=runner)
    shown = ContactLogTab(context)
    qtbot.addWidget(shown)
    shown.resize(1200, 700)
    shown.show()
    shown.load()
    yield shown
    runner.detach_vault()


def _bound(day: date, *, end: bool) -> str:
    moment = datetime.combine(day + timedelta(days=int(end)), time.min, tzinfo=PARIS)
    return format_datetime(moment.astimezone(UTC))


def _expected(vault: Vault, filters: LogFilter) -> tuple[int, list[str]]:
    """The count and the ids (newest first) of the contacts `filters` keeps, in plain SQL."""
    where = ["deleted = 0"]
    params: dict[str, Any] = {}
    if filters.date_from:
        where.append("occurred_at >= :start")
        params["start"] = _bound(filters.date_from, end=False)
    if filters.date_to:
        where.append("occurred_at < :end")
        params["end"] = _bound(filters.date_to, end=True)
    for name in ("qpv", "event_id", "channel", "outcome"):
        value = getattr(filters, name)
        if value:
            where.append(f"{name} = :{name}")
            params[name] = value
    if filters.theme:
        where.append("EXISTS (SELECT 1 FROM json_each(contact.themes) WHERE value = :theme)")
        params["theme"] = filters.theme
    if filters.review_status == "a_revoir":
        where.append("(review_status IS NULL OR review_status = 'a_revoir')")
    elif filters.review_status:
        where.append("review_status = :review")
        params["review"] = filters.review_status
    if filters.mediator_id:
        where.append("created_by = :author AND organisation_id = :org")
        params.update(author=filters.mediator_id, org=ORG)
    clause = " AND ".join(where)
    with vault.session() as session:
        count = session.scalar(text(f"SELECT count(*) FROM contact WHERE {clause}"), params)
        first = session.scalars(
            text(
                f"SELECT id FROM contact WHERE {clause} "
                "ORDER BY occurred_at DESC, rowid DESC LIMIT 400"
            ),
            params,
        ).all()
    return int(count or 0), list(first)


def _select(combo: Any, value: str | None) -> None:
    index = combo.findData(value)
    assert index >= 0, value
    combo.setCurrentIndex(index)


FILTERS: list[tuple[str, dict[str, Any]]] = [
    ("none", {}),
    ("period", {"from": "01/06/2025", "to": "30/06/2025"}),
    ("qpv", {"qpv": "carriet"}),
    ("event", {"event_id": EVENTS[3]}),
    ("channel", {"channel": "telephone"}),
    ("theme", {"theme": "mobilite"}),
    ("outcome", {"outcome": "rdv_pris"}),
    ("unreviewed", {"review": "a_revoir"}),
    ("to correct", {"review": "a_corriger"}),
    ("mediator", {"mediator": OWN_USERS[2]}),
    (
        "combined",
        {
            "from": "01/01/2025",
            "to": "31/12/2025",
            "qpv": "genicart_est",
            "theme": "logement",
            "review": "a_revoir",
        },
    ),
    ("nothing", {"from": "01/01/2020", "to": "31/12/2020"}),
]


@pytest.mark.parametrize(("name", "chosen"), FILTERS, ids=[name for name, _ in FILTERS])
def test_filters_on_100_000_contacts_match_sql(
    tab: ContactLogTab,
    vault_factory: VaultFactory,
    big_profile: Path,
    name: str,
    chosen: dict[str, Any],
) -> None:
    tab._filling = True
    tab.from_edit.setText(chosen.get("from", ""))
    tab.to_edit.setText(chosen.get("to", ""))
    for combo, key in (
        (tab.qpv_combo, "qpv"),
        (tab.event_combo, "event_id"),
        (tab.channel_combo, "channel"),
        (tab.theme_combo, "theme"),
        (tab.outcome_combo, "outcome"),
        (tab.review_combo, "review"),
        (tab.mediator_combo, "mediator"),
    ):
        _select(combo, chosen.get(key))
    tab._filling = False
    tab.apply_filters()

    model = tab.model
    count, first_ids = _expected(tab.context.vault, model.filters)
    assert (count == 0) == (name == "nothing")
    assert model.total == count
    if count:
        assert tab.count_label.text().replace("\u202f", "") in (f"{count} contacts", "1 contact")
    else:
        assert tab.count_label.text() == "Aucun contact ne correspond aux filtres."
    assert [e.id for e in model.entries()] == first_ids[:100]
    if model.canFetchMore():
        model.fetchMore()
    assert [e.id for e in model.entries()] == first_ids[: min(300, count)]
    if name == "mediator":
        assert {e.author for e in model.entries()} == {"Personne 2"}


def test_a_whole_filtered_log_reads_window_after_window(tab: ContactLogTab) -> None:
    tab._filling = True
    _select(tab.event_combo, EVENTS[5])
    _select(tab.review_combo, "valide")
    tab._filling = False
    tab.apply_filters()
    model = tab.model
    while model.canFetchMore():
        model.fetchMore()
    count, _ = _expected(tab.context.vault, model.filters)
    ids = [e.id for e in model.entries()]
    assert len(ids) == len(set(ids)) == count == model.total
    assert count > 400
    moments = [e.occurred_at for e in model.entries()]
    assert moments == sorted(moments, reverse=True)


def test_the_oldest_first_order_reads_the_other_way(tab: ContactLogTab) -> None:
    header = tab.table.horizontalHeader()
    header.setSortIndicator(0, header.sortIndicatorOrder().__class__.AscendingOrder)
    model = tab.model
    assert model.filters.oldest_first
    model.fetchMore()
    moments = [e.occurred_at for e in model.entries()]
    assert len(moments) == 300
    assert moments == sorted(moments)
    assert moments[0] >= START
    # Another column does not sort: the indicator goes back to the date.
    header.setSortIndicator(3, header.sortIndicatorOrder())
    assert header.sortIndicatorSection() == 0
    assert model.filters.oldest_first
