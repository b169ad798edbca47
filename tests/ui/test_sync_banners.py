"""What sync asks of the user, against a real server on loopback: the banners (app too old, the
computer's clock wrong by a stated amount, no successful sync for a week, an expired session),
the login dialog when the server wants the password again, and a revoked computer explained in
French before the app returns to the start screen."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from mediateur.domain.values import format_datetime, now_utc
from mediateur.services.contacts import ContactInput, list_contacts, record_contact
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state
from mediateur.ui.main_window import MainWindow
from tests.ui.sync_support import (
    PASSWORD,
    SyncServer,
    coordinator,
    laptop,
    link,
    manual_only,
    serve,
    sync_page,
)
from tests.ui.test_layout import cut_off

WAIT_MS = 30_000
LAST_ENTRY = "Dernière saisie avant le retrait"


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def put(vault: Vault, key: str, value: str | None) -> None:
    with vault.write_session() as session, session.begin():
        local_state.put(session, key, value)


def window_of(  # type: ignore[no-untyped-def]
    open_window,
    sync_server: SyncServer,
    prefix: str,
    *,
    manual: bool = True,
    size: tuple[int, int] = (1280, 800),
):
    """A window on a fresh profile linked to a new account."""
    window: MainWindow = open_window(size=size)
    assert window.context.profile_dir is not None
    if manual:
        manual_only(window.context.profile_dir)
    username = sync_server.add_user(prefix)
    link(window.context.vault, sync_server.url, username)
    return window, username


def shown_boxes(window: MainWindow) -> list[QMessageBox]:
    return [b for b in window.findChildren(QMessageBox) if b.isVisible()]


def test_a_clock_two_hours_ahead_is_named_in_a_banner(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    window, _ = window_of(open_window, sync_server, "hugo", manual=False, size=(1024, 700))
    sync = coordinator(window)
    sync.controller.settings.wall = lambda: time.time() + 2 * 3600 + 5 * 60
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS) as finished:
        sync.auto.check()  # the automatic path: probe, then sync
    assert finished.args[0].clock_warning
    banners = sync.banners
    qtbot.waitUntil(banners.clock.isVisible, timeout=WAIT_MS)
    assert banners.clock.label.text() == (
        "L'horloge de cet ordinateur avance de 2 h 05 sur celle du serveur. Corrigez la date et "
        "l'heure de l'ordinateur (réglage automatique de l'heure), sinon les dates de vos saisies "
        "seront fausses."
    )
    assert banners.shown() == [banners.clock]
    assert banners.isVisible()
    assert cut_off(window) == []  # the smallest window still shows the whole sentence

    sync.controller.settings.wall = time.time
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS):
        sync.auto.check()
    qtbot.waitUntil(lambda: not banners.clock.isVisible(), timeout=WAIT_MS)
    assert not banners.isVisible()


def test_an_app_too_old_for_the_server_asks_for_an_update(
    qtbot, threaded_runner, open_window, sync_server: SyncServer, monkeypatch: pytest.MonkeyPatch
) -> None:
    window, _ = window_of(open_window, sync_server, "yanis")
    page = sync_page(window)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    with window.context.vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime.now(UTC), channel="telephone", outcome="information"
            ),
        )
    # This build now speaks a schema the server no longer accepts.
    monkeypatch.setattr("mediateur.sync.engine.SCHEMA_VERSION", 0)
    sync = coordinator(window)
    with qtbot.waitSignal(sync.controller.failed, timeout=WAIT_MS) as failed:
        page.sync_button.click()
    assert isinstance(failed.args[0], errors.ClientTooOld)
    banners = sync.banners
    qtbot.waitUntil(banners.too_old.isVisible, timeout=WAIT_MS)
    assert banners.too_old.label.text().startswith(
        "Cette version de mediateur est trop ancienne pour le serveur : installez la nouvelle "
        "version"
    )
    assert page.message_label.text().startswith("Cette version de mediateur est trop ancienne")
    assert sync.indicator.text() == "Échec de la synchronisation"
    qtbot.waitUntil(lambda: page.pending_label.text() == "1", timeout=WAIT_MS)  # kept

    monkeypatch.undo()  # the update is installed
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS):
        page.sync_button.click()
    qtbot.waitUntil(lambda: not banners.too_old.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.pending_label.text() == "0", timeout=WAIT_MS)


def test_a_week_without_sync_shows_a_banner_that_syncs(
    qtbot, threaded_runner, open_window, make_window, vault_factory, sync_server: SyncServer
) -> None:
    window, _ = window_of(open_window, sync_server, "lou")
    directory = window.context.profile_dir
    assert directory is not None
    last = now_utc() - timedelta(days=9)
    put(window.context.vault, local_state.LAST_SYNC_OK_AT, format_datetime(last))
    window.lock()
    window.unlock_screen.unlocked.emit(vault_factory.open(directory))
    banners = coordinator(window).banners
    qtbot.waitUntil(banners.stale.isVisible, timeout=WAIT_MS)
    assert banners.stale.label.text() == (
        f"Aucune synchronisation réussie depuis le {last.astimezone():%d/%m/%Y} (9 jours) : vos "
        "saisies ne sont que sur cet ordinateur. Synchronisez dès que possible."
    )
    assert banners.stale.button.text() == "Synchroniser maintenant"
    with qtbot.waitSignal(coordinator(window).controller.finished, timeout=WAIT_MS):
        banners.stale.button.click()
    qtbot.waitUntil(lambda: not banners.stale.isVisible(), timeout=WAIT_MS)


def test_an_expired_session_asks_for_the_password_then_syncs(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    window, username = window_of(open_window, sync_server, "sacha")
    vault = window.context.vault
    put(vault, local_state.TOKEN, "jeton-expire-depuis-longtemps")
    sync = coordinator(window)

    # An automatic sync never opens a dialog out of the blue: the banner offers to reconnect.
    with qtbot.waitSignal(sync.controller.failed, timeout=WAIT_MS) as failed:
        assert sync.controller.start(automatic=True)
    assert isinstance(failed.args[0], errors.AuthenticationRequired)
    qtbot.waitUntil(sync.banners.signed_out.isVisible, timeout=WAIT_MS)
    assert sync.login_dialog is None
    assert sync.indicator.text() == "Reconnexion au serveur nécessaire"

    # A sync the user asks for opens the login dialog, prefilled.
    page = sync_page(window)
    with qtbot.waitSignal(sync.controller.failed, timeout=WAIT_MS):
        sync.controller.start()
    qtbot.waitUntil(lambda: sync.login_dialog is not None, timeout=WAIT_MS)
    dialog = sync.login_dialog
    assert dialog is not None
    assert dialog.form.explanation_label.text().startswith("Votre session sur le serveur a expiré")
    assert dialog.form.server_edit.text() == sync_server.url
    assert dialog.form.username_edit.text() == username
    dialog.form.password_edit.setText(PASSWORD)
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS):
        dialog.form.connect_button.click()
    qtbot.waitUntil(lambda: not sync.banners.signed_out.isVisible(), timeout=WAIT_MS)
    qtbot.waitUntil(lambda: page.last_sync_label.text().startswith("aujourd'hui"), timeout=WAIT_MS)
    assert shown_boxes(window) == []


@pytest.mark.parametrize("mode", ["wipe", "retire"])
def test_a_revoked_computer_is_explained_and_the_profile_is_gone(
    qtbot,
    threaded_runner,
    open_window,
    vault_factory,
    sync_server: SyncServer,
    tmp_path: Path,
    mode: str,
) -> None:
    window, username = window_of(open_window, sync_server, f"perdu-{mode}-")
    vault = window.context.vault
    directory = window.context.profile_dir
    assert directory is not None
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=datetime.now(UTC),
                channel="evenement",
                outcome="orientation",
                note=LAST_ENTRY,
            ),
        )
    sync_server.cli("devices", "revoke", vault.install_id, "--mode", mode)
    page = sync_page(window)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    sync = coordinator(window)
    with qtbot.waitSignal(sync.controller.failed, timeout=WAIT_MS) as failed:
        page.sync_button.click()
    assert isinstance(failed.args[0], errors.DeviceRevoked)

    qtbot.waitUntil(lambda: bool(shown_boxes(window)), timeout=WAIT_MS)
    box = shown_boxes(window)[0]
    assert box.windowTitle() == "Poste retiré du programme"
    assert f"Le profil « {directory.name} » n'existe plus sur cet ordinateur." in box.text()
    assert not window.context.is_unlocked
    assert window.screens.currentWidget() is window.first_run_screen  # no profile left
    assert not (directory / "vault.json").exists()
    assert not any(directory.glob("*.db*"))

    colleague = laptop(vault_factory, tmp_path / "collegue", sync_server.url, username)
    colleague.sync()
    with colleague.vault.session() as session:
        user_id = local_state.get(session, local_state.USER_ID)
        sent = [c for c in list_contacts(session) if c.created_by == user_id]
    colleague.vault.lock()
    # "retire" sends what was left before wiping; "wipe" (a stolen laptop) sends nothing.
    assert len(sent) == (1 if mode == "retire" else 0)
