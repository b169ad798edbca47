"""Sync under a bad network and a lock, with the real threaded runner and a real server on
loopback behind a fault proxy: a half-open server keeps the window responsive (saves included)
until the sync thread times out with a French error, and locking the profile during a sync
cancels it cleanly before the vault locks, losing and duplicating nothing."""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMessageBox

from mediateur.services.contacts import ContactInput, list_contacts, record_contact
from mediateur.store.vault import Vault
from mediateur.sync import errors, local_state
from mediateur.sync.outbox import counts
from mediateur.ui.main_window import MainWindow
from mediateur.ui.sync.controller import SyncState
from mediateur.ui.tasks import WriteOp
from tests.support.faultproxy import FaultProxy, Faults
from tests.ui.sync_support import (
    SyncServer,
    coordinator,
    laptop,
    link,
    manual_only,
    serve,
    sync_page,
)

WAIT_MS = 30_000


@pytest.fixture(scope="module")
def sync_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SyncServer]:
    yield from serve(tmp_path_factory)


def new_contact(note: str) -> ContactInput:
    return ContactInput(
        occurred_at=datetime.now(UTC), channel="permanence", outcome="information", note=note
    )


def point_at(vault: Vault, url: str) -> None:
    with vault.write_session() as session, session.begin():
        local_state.put(session, local_state.SERVER_URL, url)


class Heartbeat:
    """Counts the GUI thread's timer ticks: a blocked event loop shows as a long gap."""

    def __init__(self, interval_ms: int = 20) -> None:
        self.stamps: list[float] = []
        self.timer = QTimer()
        self.timer.timeout.connect(lambda: self.stamps.append(time.monotonic()))
        self.timer.start(interval_ms)

    def longest_gap(self) -> float:
        self.timer.stop()
        return max(b - a for a, b in zip(self.stamps, self.stamps[1:], strict=False))


def test_a_half_open_server_never_freezes_the_window_and_ends_in_french(
    qtbot, threaded_runner, open_window, sync_server: SyncServer
) -> None:
    username = sync_server.add_user("noor")
    proxy = FaultProxy(sync_server.server.port, Faults(hang=1.0))
    try:
        window: MainWindow = open_window()
        assert window.context.profile_dir is not None
        manual_only(window.context.profile_dir)
        vault = window.context.vault
        link(vault, sync_server.url, username)
        point_at(vault, proxy.url)  # the server now accepts connections and never answers
        controller = coordinator(window).controller
        controller.settings.timeout = (1.0, 1.0)
        controller.settings.max_attempts = 2
        page = sync_page(window)
        qtbot.waitUntil(lambda: page.data is not None, timeout=WAIT_MS)
        saved: list[str] = []

        heartbeat = Heartbeat()
        started = time.monotonic()
        with qtbot.waitSignal(controller.failed, timeout=WAIT_MS) as failed:
            page.sync_button.click()
            qtbot.waitUntil(lambda: controller.running, timeout=WAIT_MS)
            # A save goes through while the sync thread waits on the network.
            WriteOp(
                window,
                op=lambda uow: record_contact(uow=uow, data=new_contact("pendant la synchro")),
                success=saved.append,
            ).run()
            qtbot.waitUntil(lambda: bool(saved), timeout=WAIT_MS)
            assert controller.running
        elapsed = time.monotonic() - started
        assert heartbeat.longest_gap() < 0.5
        assert elapsed >= 2.0  # two attempts that each waited for their timeout
        error = failed.args[0]
        assert isinstance(error, errors.NetworkError)
        assert page.message_label.text() == (
            "Serveur injoignable (réseau absent, coupé ou trop lent). Vos saisies restent sur "
            "ce poste ; réessayez plus tard."
        )
        assert controller.state is SyncState.OFFLINE
        assert coordinator(window).indicator.text() == "Hors ligne"
        assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == []
        with vault.session() as session:
            assert counts(session)["pending"] == 1
    finally:
        proxy.close()


def test_locking_during_a_sync_cancels_it_before_the_vault_locks(
    qtbot,
    threaded_runner,
    open_window,
    vault_factory,
    sync_server: SyncServer,
    caplog: pytest.LogCaptureFixture,
    tmp_path,  # type: ignore[no-untyped-def]
) -> None:
    username = sync_server.add_user("ines")
    # 0.8 s a request: the sync lasts seconds, so the cancel lands mid-way even on a busy machine.
    proxy = FaultProxy(sync_server.server.port, Faults(latency_ms=(800, 800)))
    try:
        window: MainWindow = open_window()
        directory = window.context.profile_dir
        assert directory is not None
        manual_only(directory)
        vault = window.context.vault
        link(vault, proxy.url, username)
        with vault.unit_of_work() as uow:
            for i in range(450):
                record_contact(uow=uow, data=new_contact(f"contact {i}"))
        controller = coordinator(window).controller
        page = sync_page(window)
        qtbot.waitUntil(lambda: page.pending_label.text() == "450", timeout=WAIT_MS)
        failures: list[Exception] = []
        controller.failed.connect(failures.append)
        caplog.set_level(logging.INFO, logger="mediateur.ui.sync.controller")

        with qtbot.waitSignal(controller.progressed, timeout=WAIT_MS):
            page.sync_button.click()
        with qtbot.waitSignal(controller.cancelled, timeout=WAIT_MS):
            window.lock()  # what Ctrl+L and the idle delay do
            assert not window.context.is_unlocked  # the GUI did not wait for the sync
        qtbot.waitUntil(lambda: vault.is_locked, timeout=WAIT_MS)
        assert failures == []
        # The engine stopped on its cancel flag, not on a vault closed under it.
        assert "sync run ended after a lock (cancelled)" in caplog.text
        assert page.account_label.text() == ""  # the page dropped what it showed
        assert page.pending_label.text() == ""
        assert [b for b in window.findChildren(QMessageBox) if b.isVisible()] == []

        reopened = vault_factory.open(directory)
        window.unlock_screen.unlocked.emit(reopened)
        with qtbot.waitSignal(controller.finished, timeout=60_000):
            sync_page(window).sync_button.click()
        with reopened.session() as session:
            assert counts(session)["pending"] == 0
        colleague = laptop(vault_factory, tmp_path / "collegue", sync_server.url, username)
        colleague.sync()
        with colleague.vault.session() as session:
            notes = [c.note for c in list_contacts(session)]
        colleague.vault.lock()
        assert sorted(notes) == sorted(f"contact {i}" for i in range(450))
    finally:
        proxy.close()
