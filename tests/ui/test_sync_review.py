"""A manager's review reaches the mediator through sync, against a real server on loopback: the
manager's laptop marks two contacts "à corriger" with a comment, both laptops sync, and the
mediator's Terrain shows the comment in its list and, with the "À corriger" filter, every contact
to correct whatever its day; editing one shows what to correct."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from mediateur.services import clock
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.review import review_contacts
from mediateur.store.vault import Vault
from mediateur.ui.main_window import MainWindow
from mediateur.ui.models.field_contacts import Col
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.terrain import TerrainPage
from mediateur.ui.sync.controller import SyncState
from tests.ui.sync_support import (
    SyncServer,
    coordinator,
    laptop,
    link,
    manual_only,
    serve,
)

WAIT_MS = 30_000
COMMENT = "Préciser la tranche d'âge et le QPV"


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def contact(vault: Vault, *, days_ago: int, note: str) -> str:
    with vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=clock.now() - timedelta(days=days_ago, seconds=30),
                channel="porte_a_porte",
                outcome="information",
                gender="f",
                note=note,
            ),
        )


def test_a_contact_to_correct_reaches_the_mediator_with_its_comment(
    qtbot, threaded_runner, open_window, vault_factory, sync_server: SyncServer, tmp_path: Path
) -> None:
    mediator = sync_server.add_user("amina", display_name="Amina Diallo")
    manager = sync_server.add_user("chloe", role="manager", display_name="Chloé Roux")
    window: MainWindow = open_window()
    assert window.context.profile_dir is not None
    manual_only(window.context.profile_dir)
    vault = window.context.vault
    link(vault, sync_server.url, mediator)
    today = contact(vault, days_ago=0, note="Rencontrée au marché")
    last_week = contact(vault, days_ago=6, note="Porte à porte, bâtiment C")
    contact(vault, days_ago=1, note="Rien à corriger")
    assert window.workspace is not None
    terrain = window.workspace.show_page(PageKey.TERRAIN)
    assert isinstance(terrain, TerrainPage)
    terrain.load()  # the contacts above were written behind its back
    qtbot.waitUntil(lambda: terrain.model.rowCount() == 1, timeout=WAIT_MS)
    assert not terrain.form.to_correct_button.isEnabled()
    sync = coordinator(window)
    with qtbot.waitSignal(sync.controller.finished, timeout=60_000):
        QTest.keyClick(window, Qt.Key.Key_F5)  # "Synchroniser maintenant" from any page

    desk = laptop(vault_factory, tmp_path / "poste-responsable", sync_server.url, manager)
    desk.sync()
    with desk.vault.unit_of_work() as uow:
        changed = review_contacts(
            uow=uow, contact_ids=[today, last_week], status="a_corriger", comment=COMMENT
        )
    assert set(changed) == {today, last_week}
    desk.sync()
    desk.vault.lock()

    with qtbot.waitSignal(sync.controller.finished, timeout=60_000):
        QTest.keyClick(window, Qt.Key.Key_F5)
    assert sync.controller.state is SyncState.UP_TO_DATE
    # The page on screen reads its data again after a sync that brought records.
    qtbot.waitUntil(lambda: terrain.form.to_correct_button.isEnabled(), timeout=WAIT_MS)
    assert terrain.form.to_correct_button.text() == "À corriger (2)"
    row = terrain.model.position(today)
    assert row is not None
    review = terrain.model.index(row, Col.REVIEW)
    assert review.data() == f"À corriger : {COMMENT}"
    assert review.data(Qt.ItemDataRole.ForegroundRole) is not None  # drawn in the warning colour

    terrain.form.to_correct_button.click()
    assert terrain.form.list_label.text() == "Con&tacts à corriger"
    assert {r.contact.id for r in terrain.model.rows()} == {today, last_week}
    assert terrain.form.counter_label.text() == "1 contact aujourd'hui"  # still today's tally
    week_row = terrain.model.position(last_week)
    assert week_row is not None
    shown = terrain.model.index(week_row, Col.TIME).data()
    assert shown == terrain.model.row_at(week_row).contact.occurred_at.astimezone(
        clock.PARIS
    ).strftime("%d/%m %H:%M")
    terrain.select_contact(last_week)
    terrain.edit_selected()
    assert terrain.form.message_label.text() == f"À corriger : {COMMENT}"
    assert terrain.editing is not None
    assert terrain.editing.contact.id == last_week

    terrain.cancel_edit()
    terrain.form.to_correct_button.click()
    assert terrain.form.list_label.text() == "Con&tacts du jour"
    assert terrain.model.rowCount() == 1
