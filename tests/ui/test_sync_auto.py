"""Automatic sync with real servers on loopback: a profile whose server is down shows "Hors
ligne" and syncs on its own as soon as the server answers; the periodic sync follows the interval
chosen on the page and stops with automatic sync turned off; a profile with no account never
probes anything."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from mediateur.sync import local_state
from mediateur.ui.main_window import MainWindow
from mediateur.ui.sync.controller import SyncState
from tests.support.live_server import LiveServer
from tests.ui.sync_support import SyncServer, coordinator, link, serve, sync_page

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def test_the_app_syncs_by_itself_once_the_server_answers_again(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    username = sync_server.add_user("jade")
    # A second server process on the same database, not started yet: "the office is offline".
    later = LiveServer(sync_server.database_url)
    window: MainWindow = open_window()
    sync = coordinator(window)
    sync.auto.probe_interval_ms = 300
    vault = window.context.vault
    link(vault, sync_server.url, username)
    with vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SERVER_URL, later.url)
    sync.auto.check()
    qtbot.waitUntil(lambda: sync.controller.state is SyncState.OFFLINE, timeout=WAIT_MS)
    assert sync.indicator.text() == "Hors ligne"
    assert not sync.controller.running
    try:
        with qtbot.waitSignal(sync.controller.finished, timeout=60_000):
            later.start()
        assert sync.controller.automatic
        assert sync.controller.state is SyncState.UP_TO_DATE
        assert sync.indicator.text() == "Synchronisé"
    finally:
        later.stop()


def test_the_periodic_sync_follows_the_chosen_interval(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    window: MainWindow = open_window()
    sync = coordinator(window)
    link(window.context.vault, sync_server.url, sync_server.add_user("remi"))
    page = sync_page(window)
    qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
    assert page.auto_check.isChecked()
    assert page.interval_spin.value() == 5  # the default
    timer = sync.auto._sync_timer
    assert timer.isActive()
    assert timer.interval() == 5 * 60_000

    page.interval_spin.setValue(2)
    assert timer.interval() == 2 * 60_000
    with qtbot.waitSignal(sync.controller.finished, timeout=WAIT_MS):
        timer.timeout.emit()  # two minutes later
    assert sync.controller.automatic

    page.auto_check.setChecked(False)
    assert not timer.isActive()
    assert not page.interval_spin.isEnabled()
    sync.auto.check()
    qtbot.wait(300)
    assert not sync.controller.running


def test_a_profile_without_an_account_never_probes(
    qtbot, threaded_runner, open_window, monkeypatch: pytest.MonkeyPatch
) -> None:
    probes: list[object] = []
    monkeypatch.setattr("mediateur.ui.sync.auto.probe", lambda *args: probes.append(args))
    window: MainWindow = open_window()
    sync = coordinator(window)
    sync.auto.check()
    qtbot.waitUntil(lambda: sync.controller.state is SyncState.NOT_LINKED, timeout=WAIT_MS)
    assert sync.indicator.text() == "Non relié au serveur"
    assert probes == []
