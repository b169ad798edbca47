"""Devices and the conflict log from the Revue page, against a real `mediateur-server` process on
loopback (PostgreSQL, set up through its admin CLI): a manager retires one laptop and wipes
another from the page; each one's next call is refused with its mode, and the retired one still
delivers what it held."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from mediateur.services.contacts import ContactInput, record_contact
from mediateur.store.schema import contact
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state
from mediateur.sync.engine import SyncEngine
from mediateur.sync.protocol import API_PREFIX
from mediateur.sync.transport import HttpTransport, Request
from mediateur.ui.main_window import MainWindow
from mediateur.ui.review.models import DeviceCol
from mediateur.ui.tasks import TaskRunner
from tests.support.live_server import LiveServer, server_cli
from tests.support.postgres import fresh_database
from tests.support.vaults import VaultFactory
from tests.ui.review_support import answer, question, review_page
from tests.ui.test_layout import SIZES, cut_off

PASSWORD = "un mot de passe du serveur"


@dataclass
class Server:
    url: str
    database_url: str

    def user(self, username: str, organisation: str, role: str = "mediator") -> None:
        server_cli(
            self.database_url,
            "create-user",
            username,
            "--org",
            organisation,
            "--role",
            role,
            "--display-name",
            username.capitalize(),
            env={"MEDIATEUR_PASSWORD": PASSWORD},
        )

    def organisation(self, name: str) -> str:
        return server_cli(self.database_url, "create-org", name).strip().split()[-1]


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    with fresh_database(prefix="mediateur_review") as url:
        server_cli(url, "migrate")
        process = LiveServer(url).start()
        try:
            yield Server(process.url, url)
        finally:
            process.stop()


@dataclass
class Laptop:
    vault: Vault
    engine: SyncEngine
    token: str

    def call(self, path: str) -> tuple[int, dict[str, object]]:
        reply = HttpTransport(self.engine.transport.base_url).send(  # type: ignore[attr-defined]
            Request("GET", f"{API_PREFIX}{path}", {"Authorization": f"Bearer {self.token}"})
        )
        return reply.status, json.loads(reply.body or b"{}")


def _login(server: Server, vault: Vault, username: str, device: str) -> Laptop:
    engine = SyncEngine(vault, HttpTransport(server.url), sleep=lambda _s: None)
    login = engine.login(server.url, username, PASSWORD, device)
    return Laptop(vault, engine, login.token)


def _contact(vault: Vault, note: str) -> str:
    with vault.unit_of_work() as uow:
        return record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime.now(UTC) - timedelta(hours=1),
                channel="telephone",
                outcome="information",
                note=note,
            ),
        )


@pytest.fixture
def team(server: Server) -> dict[str, str]:
    """An organisation of its own for each test, with a manager and two mediators."""
    suffix = uuid.uuid4().hex[:8]
    organisation = server.organisation(f"Structure {suffix}")
    names = {role: f"{role}-{suffix}" for role in ("chef", "ana", "bob")}
    server.user(names["chef"], organisation, "manager")
    server.user(names["ana"], organisation)
    server.user(names["bob"], organisation)
    return names


def _manager_window(
    open_window, server: Server, team: dict[str, str], size: tuple[int, int] = SIZES[0]
) -> tuple[MainWindow, Laptop]:
    window: MainWindow = open_window(size=size)
    laptop = _login(server, window.context.vault, team["chef"], "Poste du bureau")
    window.context.notify_changes_saved()
    return window, laptop


def test_devices_are_retired_and_wiped_from_the_page(
    qtbot,
    runner: TaskRunner,
    open_window,
    server: Server,
    team: dict[str, str],
    vault_factory: VaultFactory,
    tmp_path: Path,
) -> None:
    ana = _login(server, vault_factory.open(tmp_path / "ana"), team["ana"], "Portable d'Ana")
    bob = _login(server, vault_factory.open(tmp_path / "bob"), team["bob"], "Portable de Bob")
    ana.engine.sync()
    bob.engine.sync()
    held = _contact(ana.vault, "saisi juste avant le retrait")
    window, chef = _manager_window(open_window, server, team)
    page = review_page(window)
    page.tabs.setCurrentWidget(page.devices_tab)
    tab = page.devices_tab
    tab.load()
    rows = {row.name: row for row in tab.model.rows()}
    assert set(rows) == {"Portable d'Ana", "Portable de Bob", "Poste du bureau"}
    assert rows["Portable d'Ana"].app_version is not None
    assert tab.model.display(rows["Portable d'Ana"], DeviceCol.STATE) == "Actif"
    assert cut_off(window) == []

    # The laptop in use cannot be revoked from itself.
    tab.select_device(window.context.vault.install_id)
    assert not tab.retire_button.isEnabled()
    assert not tab.wipe_button.isEnabled()

    tab.select_device(ana.vault.install_id)
    tab.retire_button.click()
    box = question(window)
    assert box.text().startswith("Retirer le poste « Portable d'Ana »")
    assert "envoie les saisies qu'il détient encore" in box.text()
    answer(window, "Retirer le poste")
    retired = next(r for r in tab.model.rows() if r.id == ana.vault.install_id)
    assert tab.model.display(retired, DeviceCol.STATE) == "Retiré"
    assert tab.message_label.text().startswith("Le poste « Portable d'Ana » est retiré")

    status, problem = ana.call("/sync/pull")
    assert (status, problem["code"], problem["mode"]) == (401, "device_revoked", "retire")
    with pytest.raises(errors.DeviceRevoked) as left:
        ana.engine.sync()
    assert left.value.mode == "retire"
    assert ana.vault.is_locked, "the retired laptop deleted its profile"

    tab.select_device(bob.vault.install_id)
    tab.wipe_button.click()
    box = question(window)
    assert "perdu ou volé" in box.text()
    assert "on ne peut pas revenir en arrière" in box.text()
    box.button(box.StandardButton.Cancel).click()
    assert next(r for r in tab.model.rows() if r.id == bob.vault.install_id).revoked is None
    tab.wipe_button.click()
    answer(window, "Effacer à distance")
    status, problem = bob.call("/directory")
    assert (status, problem["code"], problem["mode"]) == (401, "device_revoked", "wipe")

    # What the retired laptop held reached the server before it left.
    chef.engine.sync()
    with window.context.vault.session() as session:
        assert session.scalar(select(contact.c.note).where(contact.c.id == held)) == (
            "saisi juste avant le retrait"
        )


def test_the_conflict_log_names_the_laptops(
    qtbot,
    runner: TaskRunner,
    open_window,
    server: Server,
    team: dict[str, str],
    vault_factory: VaultFactory,
    tmp_path: Path,
) -> None:
    ana = _login(server, vault_factory.open(tmp_path / "ana"), team["ana"], "Portable d'Ana")
    bob = _login(server, vault_factory.open(tmp_path / "bob"), team["bob"], "Portable de Bob")
    contact_id = _contact(ana.vault, "première version")
    ana.engine.sync()
    bob.engine.sync()
    for laptop, channel in ((ana, "permanence"), (bob, "porte_a_porte")):
        with laptop.vault.unit_of_work() as uow:
            uow.update("contact", contact_id, {"channel": channel})
    ana.engine.sync()
    bob.engine.sync()
    window, _chef = _manager_window(open_window, server, team, SIZES[1])
    page = review_page(window)
    page.tabs.setCurrentWidget(page.conflicts_tab)
    tab = page.conflicts_tab
    assert tab.model.rowCount() == 1, "opening the tab asks the server"
    tab.refresh_button.click()
    (entry,) = tab.model.rows()
    columns = tab.model.Col
    assert tab.model.display(entry, columns.FIELD) == "canal"
    assert tab.model.display(entry, columns.KEPT) == "Porte-à-porte (Portable de Bob)"
    assert tab.model.display(entry, columns.LOST) == "Permanence (Portable d'Ana)"
    assert tab.model.display(entry, columns.REASON) == "Modifications simultanées"
    assert not tab.older_button.isEnabled()
    assert cut_off(window) == []


def test_without_the_server_the_tab_says_so(
    qtbot, runner: TaskRunner, open_window, server: Server, team: dict[str, str]
) -> None:
    window, _chef = _manager_window(open_window, server, team)
    with window.context.vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SERVER_URL, "http://127.0.0.1:9")
    page = review_page(window)
    page.tabs.setCurrentWidget(page.devices_tab)
    page.devices_tab.refresh_button.click()
    assert page.devices_tab.message_label.text() == errors.NetworkError.message
    assert page.devices_tab.refresh_button.isEnabled()
