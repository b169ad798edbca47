"""The managers' contact log over 100 000 contacts (DESIGN.md §10: first page < 100 ms, filter
change < 300 ms), measured through the real model and view: the time from `set_filters` (a
model reset) to the first rows shown, with the production task runner (its database thread,
results back through the Qt event loop) and a `QTableView` on the proxy, offscreen.

The data is bulk-inserted with Core into a real SQLCipher vault (two years, every QPV, channel,
outcome and theme, six authors, events, reviews). Also reported: the next window when the view
scrolls to the end of what it holds, the count of a filter (which runs after the first rows and
never delays them), and the Indicateurs figures (`programme_dashboard`) for the same data.
"""

from __future__ import annotations

import os
import random
import statistics
import tempfile
import time
import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtWidgets import QApplication, QTableView
from sqlalchemy import insert

from bench.common import percentile, publish, verdict
from mediateur.domain.reference import reference_data
from mediateur.reports.breakdowns import programme_dashboard
from mediateur.services.contact_log import LogFilter
from mediateur.store.schema import contact, directory_user, event
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.ui.review.models import ContactLogModel, ContactLogProxy
from mediateur.ui.tasks import TaskRunner, install_runner

CONTACTS = 100_000
PASSPHRASE = "phrase de passe du banc d'essai"
FIRST_PAGE_BUDGET_S = 0.100
FILTER_BUDGET_S = 0.300
ROUNDS = 3
START = datetime(2024, 3, 1, 6, tzinfo=UTC)
ORG = str(uuid.UUID(int=1))
USERS = [str(uuid.UUID(int=100 + n)) for n in range(6)]
EVENTS = [str(uuid.UUID(int=1000 + n)) for n in range(24)]


def _fill(vault: Vault, rng: random.Random) -> None:
    ref = reference_data()
    qpv, channels, outcomes = ref["qpv"].slugs, ref["channels"].slugs, ref["outcomes"].slugs
    freins = ref["freins"].slugs
    rows: list[dict[str, Any]] = []
    for n in range(CONTACTS):
        moment = START + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        rows.append(
            {
                "id": str(uuid.UUID(int=rng.getrandbits(128))),
                "organisation_id": ORG,
                "created_at": moment,
                "created_by": rng.choice(USERS),
                "updated_hlc": f"{int(moment.timestamp() * 1000):013d}-0000-{'0' * 32}",
                "deleted": False,
                "server_seq": n + 1,
                "occurred_at": moment,
                "event_id": rng.choice(EVENTS) if rng.random() < 0.3 else None,
                "qpv": rng.choice(qpv),
                "channel": rng.choice(channels),
                "outcome": rng.choice(outcomes),
                "anonymous": True,
                "gender": rng.choice(("f", "m", "nr")),
                "age_band": rng.choice(("16_24", "25_44", "45_54")),
                "statuses": [],
                "themes": rng.sample(freins, k=rng.randrange(3)),
                "note": "Rencontre au pied de l'immeuble, intéressée par les offres du secteur",
                "review_status": rng.choice((None, None, None, "valide", "a_corriger")),
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
            insert(directory_user),
            [
                {
                    "id": user,
                    "display_name": f"Médiatrice {n}",
                    "organisation_id": ORG,
                    "role": "mediator",
                }
                for n, user in enumerate(USERS)
            ],
        )
        local_state.put(session, local_state.ROLE, "manager")
        local_state.put(session, local_state.ORGANISATION_ID, ORG)


def _filters() -> list[tuple[str, LogFilter]]:
    return [
        ("QPV", LogFilter(qpv="carriet")),
        ("canal", LogFilter(channel="telephone")),
        ("thème", LogFilter(theme="mobilite")),
        ("suite donnée", LogFilter(outcome="rdv_pris")),
        ("revue « à corriger »", LogFilter(review_status="a_corriger")),
        ("revue « à revoir »", LogFilter(review_status="a_revoir")),
        ("médiatrice", LogFilter(mediator_id=USERS[3])),
        ("événement", LogFilter(event_id=EVENTS[7])),
        ("un mois", LogFilter(date_from=date(2025, 3, 1), date_to=date(2025, 3, 31))),
        (
            "période + QPV + thème + revue",
            LogFilter(
                date_from=date(2025, 1, 1),
                date_to=date(2025, 12, 31),
                qpv="genicart_est",
                theme="logement",
                review_status="a_revoir",
            ),
        ),
        ("plus ancien d'abord", LogFilter(oldest_first=True)),
    ]


def _wait(app: QApplication, done: Callable[[], bool], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while not done():
        if time.monotonic() > deadline:
            raise TimeoutError("the model did not answer")
        app.processEvents()


class Probe:
    """Times a model operation until the signal that ends it."""

    def __init__(self, app: QApplication, model: ContactLogModel, view: QTableView) -> None:
        self.app, self.model, self.view = app, model, view
        self.shown = 0
        self.counted = 0
        model.first_rows_loaded.connect(self._on_shown)
        model.counted.connect(self._on_counted)

    def _on_shown(self) -> None:
        self.view.viewport().repaint()  # the first rows painted, not only in the model
        self.shown += 1

    def _on_counted(self, _total: int) -> None:
        self.counted += 1

    def first_rows(self, filters: LogFilter) -> tuple[float, float]:
        """(seconds to the first rows on screen, seconds to the count)."""
        shown, counted = self.shown, self.counted
        started = time.perf_counter()
        self.model.set_filters(filters)
        _wait(self.app, lambda: self.shown > shown)
        first = time.perf_counter() - started
        _wait(self.app, lambda: self.counted > counted)
        return first, time.perf_counter() - started

    def next_window(self) -> float:
        """Scroll to the last row held; the view asks for the next window, timed until its
        rows are in."""
        rows = self.model.rowCount()
        started = time.perf_counter()
        self.view.scrollToBottom()
        if self.model.canFetchMore():
            self.model.fetchMore()
        _wait(self.app, lambda: self.model.rowCount() > rows)
        self.view.viewport().repaint()
        return time.perf_counter() - started


def _ms(seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms"


def main() -> None:
    app = QApplication.instance() or QApplication([])
    assert isinstance(app, QApplication)
    rng = random.Random(20260316)
    with tempfile.TemporaryDirectory() as tmp:
        directory = Path(tmp) / "revue"
        created, _ = Vault.create(directory, PASSPHRASE)
        key = created._dek()
        created.lock()
        filling = Vault.open_with_key(directory, key)
        started = time.perf_counter()
        try:
            _fill(filling, rng)
        finally:
            filling.lock()
        fill_s = time.perf_counter() - started

        runner = TaskRunner()
        install_runner(runner)
        vault = Vault.open_with_key(directory, key)
        runner.attach_vault(vault)
        model = ContactLogModel()
        proxy = ContactLogProxy()
        proxy.setSourceModel(model)
        view = QTableView()
        view.setModel(proxy)
        view.resize(1100, 640)
        view.show()
        probe = Probe(app, model, view)
        try:
            first_open, first_count = probe.first_rows(LogFilter())
            first_pages = [probe.first_rows(LogFilter()) for _ in range(ROUNDS * 3)]
            changes: dict[str, list[tuple[float, float]]] = {}
            for _ in range(ROUNDS):
                for name, filters in _filters():
                    changes.setdefault(name, []).append(probe.first_rows(filters))
            probe.first_rows(LogFilter())
            windows = [probe.next_window() for _ in range(20)]
            with vault.session() as session:
                started = time.perf_counter()
                programme_dashboard(session)
                dashboard_s = time.perf_counter() - started
        finally:
            view.close()
            runner.shutdown()
            install_runner(None)

    page = [first for first, _ in first_pages]
    change = [first for rounds in changes.values() for first, _ in rounds]
    page_p95, change_p95 = percentile(page, 95), percentile(change, 95)
    worst = {name: max(first for first, _ in rounds) for name, rounds in changes.items()}
    counts = {
        name: statistics.median(count for _, count in rounds) for name, rounds in changes.items()
    }
    results = {
        "contacts": CONTACTS,
        "bulk_fill_s": round(fill_s, 2),
        "first_page_after_open_ms": round(first_open * 1000, 1),
        "first_page_median_ms": round(statistics.median(page) * 1000, 1),
        "first_page_p95_ms": round(page_p95 * 1000, 1),
        "filter_change_median_ms": round(statistics.median(change) * 1000, 1),
        "filter_change_p95_ms": round(change_p95 * 1000, 1),
        "filter_change_worst_ms": {k: round(v * 1000, 1) for k, v in worst.items()},
        "count_median_ms": {k: round(v * 1000, 1) for k, v in counts.items()},
        "count_all_after_open_ms": round(first_count * 1000, 1),
        "next_window_median_ms": round(statistics.median(windows) * 1000, 1),
        "dashboard_s": round(dashboard_s, 3),
        "budgets_ms": {
            "first_page": FIRST_PAGE_BUDGET_S * 1000,
            "filter_change": FILTER_BUDGET_S * 1000,
        },
    }
    worst_rows = "\n".join(
        f"| {name} | {_ms(worst[name])} | {_ms(counts[name])} |" for name in worst
    )
    first_ok = max(first_open, page_p95) < FIRST_PAGE_BUDGET_S
    table = f"""
| what | measured | budget | |
|---|---|---|---|
| first page of {CONTACTS:,} contacts, model reset to rows painted, p95 of {len(page)} (first after opening) | {_ms(page_p95)} ({_ms(first_open)}) | < 100 ms | {verdict(first_ok)} |
| filter change to rows painted, p95 of {len(change)} over {len(worst)} filters (median) | {_ms(change_p95)} ({_ms(statistics.median(change))}) | < 300 ms | {verdict(max(change) < FILTER_BUDGET_S)} |
| next window of 200 rows when the view reaches the end, median of {len(windows)} | {_ms(statistics.median(windows))} | — | |
| Indicateurs figures (`programme_dashboard`) over the same data | {dashboard_s * 1000:.0f} ms | < 1 s | {verdict(dashboard_s < 1.0)} |

Worst filter change and median count per filter (the count runs after the first rows and is
shown when it arrives; filters no index serves read every row to count):

| filter | worst change to rows painted | count (median) |
|---|---|---|
{worst_rows}

Production `TaskRunner` (database thread, results through the event loop), `QTableView` on the
proxy, offscreen; data bulk-inserted with Core into a real SQLCipher vault in {fill_s:.1f} s.
""".replace(f"{CONTACTS:,}", f"{CONTACTS:,}".replace(",", " "))
    publish("review", results, table)
    print(table)


if __name__ == "__main__":
    main()
