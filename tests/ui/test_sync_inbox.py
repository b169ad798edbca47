"""What a sync leaves for the user, on the Synchronisation page, against a real server on
loopback: edits the server refused (described in words, with the French reason) retried after
the cause is fixed or given up, and values lost to another laptop's edit, shown side by side
(labels of coded values, dates in French), restored or ignored."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mediateur.services import clock
from mediateur.services.beneficiaries import (
    BeneficiaryInput,
    create_beneficiary,
    get_beneficiary,
    input_from,
    update_beneficiary,
)
from mediateur.services.partners import PartnerInput, create_partner
from mediateur.store.vault import Vault
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.sync_page import SyncPage
from tests.ui.sync_support import (
    SyncServer,
    coordinator,
    laptop,
    link,
    manual_only,
    serve,
    sync_page,
)
from tests.ui.test_layout import SIZES, cut_off

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def sync_from_page(qtbot, window: MainWindow, page: SyncPage):  # type: ignore[no-untyped-def]
    controller = coordinator(window).controller
    with qtbot.waitSignal(controller.finished, timeout=60_000) as done:
        page.sync_button.click()
    qtbot.waitUntil(lambda: page.sync_button.isEnabled(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: not controller.running, timeout=WAIT_MS)
    return done.args[0]


def page_settled(qtbot, page: SyncPage) -> None:
    """The lists read again after the last sync or write."""
    qtbot.waitUntil(lambda: page.data is not None and not page.controller.running, timeout=WAIT_MS)
    qtbot.wait(200)


def select(view, model, matches) -> None:  # type: ignore[no-untyped-def]
    """Click the row whose record `matches` (the view sorts through a proxy)."""
    position = next(i for i, row in enumerate(model.rows()) if matches(row))
    view.selectRow(view.model().mapFromSource(model.index(position, 0)).row())


def local_row(vault: Vault, entity: str, record_id: str) -> dict[str, object] | None:
    from sqlalchemy import select

    from mediateur.store.schema import synced_tables

    table = synced_tables[entity]
    with vault.session() as session:
        row = session.execute(select(table).where(table.c.id == record_id)).mappings().first()
    return dict(row) if row is not None else None


@pytest.mark.parametrize("size", SIZES)
def test_a_refused_edit_is_retried_once_the_cause_is_fixed_or_given_up(
    qtbot, threaded_runner, open_window, sync_server: SyncServer, size: tuple[int, int]
) -> None:
    window: MainWindow = open_window(size=size)
    assert window.context.profile_dir is not None
    manual_only(window.context.profile_dir)
    vault = window.context.vault
    # A profile used on its own before its first login may edit the partner directory.
    with vault.unit_of_work() as uow:
        kept = create_partner(uow=uow, data=PartnerInput(nom="Atelier vélo solidaire"))
        dropped = create_partner(uow=uow, data=PartnerInput(nom="Garage associatif"))
    username = sync_server.add_user("bruno")
    link(vault, sync_server.url, username)
    page = sync_page(window)
    page_settled(qtbot, page)

    report = sync_from_page(qtbot, window, page)
    assert report.rejected == 2
    qtbot.waitUntil(lambda: page.refused_model.rowCount() == 2, timeout=WAIT_MS)
    assert page.refused_group.title() == "Modifications refusées par le serveur (2)"
    rows = {row.record: row for row in page.refused_model.rows()}
    assert set(rows) == {
        "Partenaire « Atelier vélo solidaire »",
        "Partenaire « Garage associatif »",
    }
    refused = rows["Partenaire « Atelier vélo solidaire »"]
    assert refused.operation == "création ou modification"
    assert "responsable" in refused.reason  # the server's French reason
    assert "Synchronisation terminée" in page.message_label.text()
    assert "2 refus" in page.message_label.text()
    qtbot.wait(10)
    assert cut_off(window) == []

    # Given up: it never reached the server, so it leaves this laptop too.
    select(page.refused_view, page.refused_model, lambda r: r.record.endswith("associatif »"))
    page.give_up_button.click()
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    assert "Abandonner la modification de « Partenaire « Garage associatif » »" in box.text()
    yes = next(b for b in box.buttons() if b.text() == "Abandonner la modification")
    yes.click()
    qtbot.waitUntil(lambda: page.refused_model.rowCount() == 1, timeout=WAIT_MS)
    assert local_row(vault, "partner", dropped) is None

    sync_server.cli("set-role", username, "manager")
    page.refused_view.selectRow(0)
    qtbot.waitUntil(page.retry_button.isEnabled, timeout=WAIT_MS)
    controller = coordinator(window).controller
    with qtbot.waitSignal(controller.finished, timeout=60_000) as retried:
        page.retry_button.click()
    assert retried.args[0].rejected == 0
    qtbot.waitUntil(lambda: page.refused_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.refused_empty.isVisible()
    assert not page.refused_view.isVisible()
    row = local_row(vault, "partner", kept)
    assert row is not None
    assert row["server_seq"] > 0  # the server holds it now


def _person(vault: Vault) -> str:
    with vault.unit_of_work() as uow:
        return create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name="Durand",
                first_name="Léa",
                intake_date=clock.today(),
                birth_date=date(1990, 5, 17),
                gender="f",
                qpv="genicart_est",
            ),
        )


def _edit(vault: Vault, beneficiary_id: str, **changes: object) -> None:
    with vault.session() as session:
        current = input_from(get_beneficiary(session, beneficiary_id))
    with vault.unit_of_work() as uow:
        update_beneficiary(
            uow=uow,
            beneficiary_id=beneficiary_id,
            data=dataclasses.replace(current, **changes),  # type: ignore[arg-type]
            allow_duplicate=True,
        )


def test_a_value_lost_to_another_laptop_is_shown_then_restored_or_ignored(
    qtbot, threaded_runner, open_window, vault_factory, sync_server: SyncServer, tmp_path: Path
) -> None:
    mine, theirs = sync_server.add_user("carla"), sync_server.add_user("dora")
    window: MainWindow = open_window()
    assert window.context.profile_dir is not None
    manual_only(window.context.profile_dir)
    vault = window.context.vault
    link(vault, sync_server.url, mine)
    other = laptop(vault_factory, tmp_path / "autre-poste", sync_server.url, theirs)
    person = _person(vault)
    page = sync_page(window)
    page_settled(qtbot, page)
    sync_from_page(qtbot, window, page)
    other.sync()

    # Both laptops change the same two fields; the other one edits last, so its values win.
    _edit(vault, person, qpv="carriet", birth_date=date(1991, 6, 18))
    _edit(other.vault, person, qpv="jean_jaures", birth_date=date(1992, 1, 2))
    other.sync()
    report = sync_from_page(qtbot, window, page)
    assert report.conflicts == 2
    qtbot.waitUntil(lambda: page.lost_model.rowCount() == 2, timeout=WAIT_MS)
    assert page.lost_group.title() == "Conflits à examiner (2)"
    assert cut_off(window) == []
    shown = {
        row.field: (row.record, row.yours, row.kept, row.restorable)
        for row in page.lost_model.rows()
    }
    assert shown == {
        "QPV": ("Bénéficiaire DURAND Léa", "Carriet", "Jean Jaurès", True),
        "Date de naissance": ("Bénéficiaire DURAND Léa", "18/06/1991", "02/01/1992", True),
    }

    select(page.lost_view, page.lost_model, lambda r: r.field == "QPV")
    assert page.restore_button.isEnabled()
    controller = coordinator(window).controller
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        page.restore_button.click()
    qtbot.waitUntil(lambda: page.lost_model.rowCount() == 1, timeout=WAIT_MS)
    page.lost_view.selectRow(0)
    qtbot.waitUntil(page.dismiss_button.isEnabled, timeout=WAIT_MS)
    page.dismiss_button.click()
    qtbot.waitUntil(lambda: page.lost_model.rowCount() == 0, timeout=WAIT_MS)
    assert page.lost_empty.isVisible()

    other.sync()
    with other.vault.session() as session:
        there = get_beneficiary(session, person)
    with vault.session() as session:
        here = get_beneficiary(session, person)
    assert there.qpv == here.qpv == "carriet"  # restored everywhere
    assert there.birth_date == here.birth_date == date(1992, 1, 2)  # ignored: theirs stays
    other.vault.lock()
