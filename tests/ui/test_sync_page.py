"""The Synchronisation page against a real server on loopback: linking the profile through the
login dialog (server address prefilled from Paramètres, a wrong password refused in French), a
sync started from the page with its progress and a silent cancel, and single flight."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtWidgets import QMessageBox

from mediateur.services.contacts import ContactInput, record_contact
from mediateur.store.vault import Vault
from mediateur.sync.outbox import counts
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.settings import SettingsPage
from mediateur.ui.sync.controller import SyncState
from tests.support.faultproxy import FaultProxy, Faults
from tests.ui.sync_support import (
    PASSWORD,
    SyncServer,
    coordinator,
    link,
    manual_only,
    serve,
    sync_page,
)

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def pending(vault: Vault) -> int:
    with vault.session() as session:
        return counts(session)["pending"]


def add_contacts(vault: Vault, n: int) -> None:
    with vault.unit_of_work() as uow:
        for i in range(n):
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=datetime.now(UTC),
                    channel="pied_immeuble",
                    outcome="information",
                    qpv="genicart_est",
                    note=f"Contact {i}",
                ),
            )


def message_boxes(window: MainWindow) -> list[QMessageBox]:
    return [box for box in window.findChildren(QMessageBox) if box.isVisible()]


def test_the_login_dialog_links_the_profile_then_syncs(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    username = sync_server.add_user("lina", display_name="Lina Benali")
    window: MainWindow = open_window()
    assert window.workspace is not None
    settings = window.workspace.show_page(PageKey.SETTINGS)
    assert isinstance(settings, SettingsPage)
    qtbot.waitUntil(lambda: settings.form.server_edit.isEnabled(), timeout=WAIT_MS)
    settings.form.server_edit.setText(sync_server.url + "/")
    settings.form.save_server_button.click()
    qtbot.waitUntil(lambda: settings.form.server_message_label.isVisible(), timeout=WAIT_MS)

    page = sync_page(window)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    assert page.last_sync_label.text() == "jamais"
    assert "non relié" in page.account_label.text()
    page.login_button.click()
    sync = coordinator(window)
    qtbot.waitUntil(lambda: sync.login_dialog is not None, timeout=WAIT_MS)
    dialog = sync.login_dialog
    assert dialog is not None
    assert dialog.form.server_edit.text() == sync_server.url  # from Paramètres
    dialog.form.server_edit.setText("http://serveur.exemple.fr")
    dialog.form.connect_button.click()
    assert dialog.form.message_label.text().startswith(
        "Adresse refusée : la connexion doit être chiffrée (https://)."
    )
    dialog.form.server_edit.setText(sync_server.url)
    dialog.form.connect_button.click()
    assert dialog.form.message_label.text() == "Saisissez votre identifiant."
    dialog.form.username_edit.setText(username)
    dialog.form.password_edit.setText("pas le bon mot de passe")
    dialog.form.connect_button.click()
    qtbot.waitUntil(lambda: not dialog.busy, timeout=WAIT_MS)
    assert dialog.form.message_label.text() == "Identifiant ou mot de passe incorrect."
    assert dialog.form.password_edit.text() == ""
    assert dialog.isVisible()

    dialog.form.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS):
        dialog.form.connect_button.click()
    assert sync.login_dialog is None
    qtbot.waitUntil(lambda: page.last_sync_label.text().startswith("aujourd'hui"), timeout=WAIT_MS)
    assert page.account_label.text() == (
        f"Lina Benali (médiatrice ou médiateur), identifiant {username}"
    )
    assert page.login_button.text() == "Se rec&onnecter…"
    assert page.message_label.text().startswith("Synchronisation terminée")
    assert sync.indicator.text() == "Synchronisé"
    assert message_boxes(window) == []


def test_a_sync_shows_its_progress_and_a_cancel_is_silent(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    username = sync_server.add_user("manon")
    # 0.8 s a request: the sync lasts seconds, so the cancel lands mid-way even on a busy machine.
    proxy = FaultProxy(sync_server.server.port, Faults(latency_ms=(800, 800)))
    try:
        window: MainWindow = open_window()
        assert window.context.profile_dir is not None
        manual_only(window.context.profile_dir)
        vault = window.context.vault
        link(vault, proxy.url, username)
        add_contacts(vault, 450)  # three batches of at most 200
        page = sync_page(window)
        qtbot.waitUntil(lambda: page.pending_label.text() == "450", timeout=WAIT_MS)
        controller = coordinator(window).controller
        progress: list[tuple[str, int]] = []
        controller.progressed.connect(lambda phase, done: progress.append((phase, done)))
        failures: list[Exception] = []
        controller.failed.connect(failures.append)

        with qtbot.waitSignal(controller.progressed, timeout=WAIT_MS):
            page.sync_button.click()
        assert controller.running
        assert page.progress_bar.isVisible()
        assert page.cancel_button.isVisible()
        assert not page.sync_button.isEnabled()
        assert coordinator(window).indicator.text().startswith("Synchronisation")
        # Single flight: neither the button's path nor an automatic start runs a second sync.
        assert controller.start(automatic=True) is False
        with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
            page.cancel_button.click()
        qtbot.waitUntil(lambda: not page.progress_bar.isVisible(), timeout=WAIT_MS)
        assert failures == []
        assert page.message_label.text() == ""  # a cancel is silent
        assert message_boxes(window) == []
        assert controller.state is SyncState.UNKNOWN
        left = pending(vault)
        assert left > 0  # the cancel stopped it between batches

        with qtbot.waitSignal(controller.finished, timeout=60_000) as finished:
            page.sync_button.click()
        report = finished.args[0]
        assert report.sent == left
        assert pending(vault) == 0
        assert any(phase == "push" and done >= 200 for phase, done in progress)
        assert any(phase == "pull" for phase, _ in progress)
        qtbot.waitUntil(lambda: page.pending_label.text() == "0", timeout=WAIT_MS)
        assert page.message_label.text().startswith(
            f"Synchronisation terminée : {left} modifications envoyées"
        )
    finally:
        proxy.close()
