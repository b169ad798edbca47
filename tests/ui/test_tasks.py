"""The task runner: the GUI keeps turning during slow work, the database lane is serial, results
come back on the GUI thread, and results that no longer matter are dropped."""

from __future__ import annotations

import threading
import time
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy import func, select

from mediateur.domain.values import now_utc
from mediateur.store.errors import WrongPassphrase
from mediateur.store.schema import outbox
from mediateur.store.vault import Vault
from mediateur.ui.tasks import (
    BackgroundOp,
    Cancelled,
    Lane,
    QueryOp,
    TaskRunner,
    VaultOp,
    WriteOp,
)
from tests.support.vaults import VaultFactory

SLOW_S = 0.6


def _event(uow: Any) -> str:
    return uow.create("event", {"kind": "forum", "title": "Forum emploi", "starts_at": now_utc()})


def test_event_loop_keeps_turning_during_a_slow_op(qtbot, threaded_runner: TaskRunner) -> None:
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(20)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    results: list[tuple[int, threading.Thread]] = []
    workers: list[threading.Thread] = []

    def slow() -> int:
        workers.append(threading.current_thread())
        time.sleep(SLOW_S)
        return 42

    started = time.monotonic()
    BackgroundOp(
        None, op=slow, success=lambda value: results.append((value, threading.current_thread()))
    ).on_lane(Lane.DATABASE).run()
    assert time.monotonic() - started < 0.1, "run() must return at once"
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    timer.stop()
    during = [t for t in ticks if started < t < started + SLOW_S]
    # A 20 ms timer fires ~30 times in 0.6 s; a blocked GUI thread would fire it at most once.
    assert len(during) >= 10
    assert max(b - a for a, b in pairwise(during)) < 0.25
    assert results == [(42, threading.main_thread())]
    assert workers[0] is not threading.main_thread()


def test_database_lane_is_serial_and_pool_is_separate(qtbot, threaded_runner: TaskRunner) -> None:
    active = 0
    overlap = 0
    lock = threading.Lock()
    threads: set[str] = set()
    done: list[str] = []

    def db_work(name: str) -> str:
        nonlocal active, overlap
        with lock:
            active += 1
            overlap = max(overlap, active)
            threads.add(threading.current_thread().name)
        time.sleep(0.05)
        with lock:
            active -= 1
        return name

    for index in range(5):
        BackgroundOp(None, op=lambda i=index: db_work(f"db{i}"), success=done.append).on_lane(
            Lane.DATABASE
        ).run()
    pool_thread: list[str] = []
    BackgroundOp(
        None,
        op=lambda: pool_thread.append(threading.current_thread().name) or "pool",
        success=done.append,
    ).run()
    qtbot.waitUntil(lambda: len(done) == 6, timeout=5000)
    assert overlap == 1
    assert len(threads) == 1
    assert [d for d in done if d.startswith("db")] == [f"db{i}" for i in range(5)]
    assert pool_thread[0] not in threads


def test_write_op_commits_then_signals(qtbot, threaded_runner: TaskRunner, vault: Vault) -> None:
    threaded_runner.attach_vault(vault)
    seen: list[int] = []

    def count_pending() -> None:
        with vault.session() as session:
            seen.append(session.scalar(select(func.count()).select_from(outbox)))

    threaded_runner.changes_saved.connect(count_pending)
    saved: list[str] = []
    with qtbot.waitSignal(threaded_runner.changes_saved, timeout=5000):
        WriteOp(None, op=_event, success=saved.append).run()
    assert seen == [1], "changes_saved comes after the commit"
    assert len(saved) == 1
    counted: list[int] = []
    QueryOp(
        None,
        op=lambda session: session.scalar(select(func.count()).select_from(outbox)),
        success=counted.append,
    ).run()
    qtbot.waitUntil(lambda: bool(counted), timeout=5000)
    assert counted == [1]


def test_failed_write_leaves_nothing(qtbot, runner: TaskRunner, vault: Vault) -> None:
    runner.attach_vault(vault)
    errors: list[Exception] = []

    def half_write(uow: Any) -> None:
        _event(uow)
        raise ValueError("boom")

    WriteOp(None, op=half_write).failure(errors.append).run()
    assert isinstance(errors[0], ValueError)
    with vault.session() as session:
        assert session.scalar(select(func.count()).select_from(outbox)) == 0


def test_lock_drops_pending_results_and_locks_after_the_current_op(
    qtbot, threaded_runner: TaskRunner, vault: Vault, vault_factory: VaultFactory
) -> None:
    threaded_runner.attach_vault(vault)
    release = threading.Event()
    delivered: list[object] = []
    WriteOp(
        None, op=lambda uow: (release.wait(5), _event(uow))[1], success=delivered.append
    ).failure(delivered.append).run()
    QueryOp(None, op=lambda session: "queued", success=delivered.append).failure(
        delivered.append
    ).run()
    threaded_runner.detach_vault()
    assert not vault.is_locked, "the write in progress finishes before the lock"
    release.set()
    qtbot.waitUntil(lambda: vault.is_locked, timeout=5000)
    qtbot.wait(50)
    assert delivered == []
    assert QueryOp(None, op=lambda session: 1).run() is None, "nothing runs while locked"
    reopened = Vault.open_with_key(vault.directory, vault_factory.key)
    try:
        with reopened.session() as session:
            assert session.scalar(select(func.count()).select_from(outbox)) == 1
    finally:
        reopened.lock()


def test_cancel_and_deleted_parent_drop_results(qtbot, threaded_runner: TaskRunner) -> None:
    release = threading.Event()
    delivered: list[str] = []
    task = BackgroundOp(
        None, op=lambda: release.wait(5) and "cancelled", success=delivered.append
    ).run()
    assert task is not None
    task.cancel()
    parent = QWidget()
    BackgroundOp(parent, op=lambda: release.wait(5) and "orphan", success=delivered.append).run()
    parent.deleteLater()
    qtbot.wait(20)
    witness = QObject()
    BackgroundOp(witness, op=lambda: release.wait(5) and "kept", success=delivered.append).run()
    release.set()
    qtbot.waitUntil(lambda: delivered == ["kept"], timeout=5000)
    qtbot.wait(50)
    assert delivered == ["kept"]


def test_failures_reach_the_failure_callback_or_the_user(qtbot, runner: TaskRunner) -> None:
    caught: list[Exception] = []

    def wrong() -> None:
        raise WrongPassphrase()

    BackgroundOp(None, op=wrong).failure(caught.append).run()
    assert isinstance(caught[0], WrongPassphrase)

    def cancel() -> None:
        raise Cancelled()

    BackgroundOp(None, op=cancel).failure(caught.append).run()
    assert len(caught) == 1, "a cancel is silent"

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.show()
    BackgroundOp(parent, op=wrong).run()
    boxes = [box for box in parent.findChildren(QMessageBox) if box.isVisible()]
    assert [box.text() for box in boxes] == [WrongPassphrase.message]
    boxes[0].accept()


def test_vault_op_runs_with_the_open_vault(runner: TaskRunner, vault: Vault) -> None:
    runner.attach_vault(vault)
    seen: list[str] = []
    VaultOp(None, op=lambda v: v.install_id, success=seen.append).run()
    assert seen == [vault.install_id]
