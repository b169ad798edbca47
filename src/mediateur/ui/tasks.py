"""Where the UI's slow work runs, and how its results come back to the GUI thread.

The `TaskRunner` has two lanes. `Lane.DATABASE` is one worker thread that does all of the UI's
vault work, so its writes are serial (unlocking and its key derivation run there too);
`Lane.POOL` is a small pool for other slow calls (integrity check, network, printing). A result
always comes back on the GUI thread, through a queued signal, to the op's success or failure
callback, unless it no longer matters: the op was cancelled, its parent widget was deleted, or
the vault was locked since it was submitted (locking starts a new *generation*; older results are
dropped without a word).

Ops are small objects that say what to run and where its result goes:

    QueryOp(self, op=lambda session: list_today(session=session), success=self._show).run()
    WriteOp(self, op=lambda uow: record(uow=uow, data=data), success=self._saved).run()
    VaultOp(self, op=lambda vault: vault.check_integrity(), success=self._checked).run()
    BackgroundOp(self, op=lambda: Vault.unlock(path, secret), success=self._opened).run()

`op` runs on a worker thread: it must never touch a widget, and it returns plain values or
dataclasses, never ORM objects (the session is closed when it returns). A `WriteOp` commits its
unit of work before its success callback runs, and the runner then emits `changes_saved`. Without a
failure callback, errors go to `errors.show_failure` (a French message for expected errors, the
crash dialog otherwise); an op raising `Cancelled` ends silently.

One runner is installed per application (`install_runner`); tests install a
`SynchronousRunner`, which runs each op at once on the calling thread.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from enum import Enum
from typing import TYPE_CHECKING, Any, Generic, TypeVar

import shiboken6
from PySide6.QtCore import QObject, Signal

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork
    from mediateur.store.vault import Vault

log = logging.getLogger(__name__)

T = TypeVar("T")
OpT = TypeVar("OpT", bound="Op[Any]")


class Lane(Enum):
    DATABASE = "database"
    POOL = "pool"


class Cancelled(Exception):
    """Raised by an op to end without calling success or failure (a user cancel)."""


class Task:
    """A submitted op: `cancel()` drops its result and skips it if it has not started."""

    def __init__(self, generation: int) -> None:
        self.generation = generation
        self.cancelled = False
        self.future: Future[None] | None = None

    def cancel(self) -> None:
        self.cancelled = True
        if self.future is not None:
            self.future.cancel()


class TaskRunner(QObject):
    """Owns the worker threads and the vault they work on. Create it on the GUI thread."""

    changes_saved = Signal()
    _delivered = Signal(object)

    def __init__(self, parent: QObject | None = None, *, pool_size: int = 4) -> None:
        super().__init__(parent)
        self._database = ThreadPoolExecutor(max_workers=1, thread_name_prefix="mediateur-db")
        self._pool = ThreadPoolExecutor(max_workers=pool_size, thread_name_prefix="mediateur-pool")
        self._vault: Vault | None = None
        self._generation = 0
        self._closed = False
        # Emitted from worker threads: Qt queues the call to this slot on the GUI thread.
        self._delivered.connect(self._on_delivered)

    @property
    def vault(self) -> Vault | None:
        """The open vault the database lane works on (None while locked)."""
        return self._vault

    @property
    def generation(self) -> int:
        return self._generation

    def attach_vault(self, vault: Vault) -> None:
        self._vault = vault

    def detach_vault(self, *, before_lock: Callable[[], None] | None = None) -> None:
        """Forget the vault, drop the results of every op submitted so far, and lock the vault
        on the database lane, right after the op in progress there (a write is never cut off).
        `before_lock` runs there first: work on other threads (a sync) ends its step while the
        GUI goes on."""
        vault, self._vault = self._vault, None
        self._generation += 1
        if vault is not None:
            self._schedule(Lane.DATABASE, lambda: _lock_after(vault, before_lock))

    def submit(
        self,
        lane: Lane,
        work: Callable[[], T],
        on_done: Callable[[T | None, Exception | None], None],
    ) -> Task:
        """Run `work` on `lane`; `on_done(result, error)` is then called on the GUI thread,
        unless the task was cancelled or the vault locked in between."""
        if self._closed:
            raise RuntimeError("the task runner is shut down")
        task = Task(self._generation)

        def run() -> None:
            if self._stale(task):
                return
            try:
                result, error = work(), None
            except Exception as exc:
                result, error = None, exc
            self._post(lambda: self._finish(task, on_done, result, error))

        task.future = self._schedule(lane, run)
        return task

    def _stale(self, task: Task) -> bool:
        return task.cancelled or task.generation != self._generation

    def _finish(
        self,
        task: Task,
        on_done: Callable[[T | None, Exception | None], None],
        result: T | None,
        error: Exception | None,
    ) -> None:
        if self._stale(task):
            if error is not None and not isinstance(error, Cancelled):
                log.info("dropped the error of a stale task: %s", type(error).__name__)
            return
        on_done(result, error)

    def _schedule(self, lane: Lane, work: Callable[[], Any]) -> Future[None]:
        executor = self._database if lane is Lane.DATABASE else self._pool
        return executor.submit(work)

    def _post(self, callback: Callable[[], None]) -> None:
        self._delivered.emit(callback)

    def _on_delivered(self, callback: Callable[[], None]) -> None:
        callback()

    def shutdown(self) -> None:
        """Lock the vault after the database lane's current op, then wait for that lane: a
        write in progress always completes. Pool work not yet started is abandoned."""
        if self._closed:
            return
        self.detach_vault()
        self._closed = True
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._database.shutdown(wait=True)


def _lock_after(vault: Vault, before_lock: Callable[[], None] | None) -> None:
    try:
        if before_lock is not None:
            before_lock()
    finally:
        vault.lock()


class SynchronousRunner(TaskRunner):
    """Runs every op immediately on the calling thread, results included (tests)."""

    def _schedule(self, lane: Lane, work: Callable[[], Any]) -> Future[None]:
        future: Future[None] = Future()
        future.set_running_or_notify_cancel()
        work()
        future.set_result(None)
        return future

    def _post(self, callback: Callable[[], None]) -> None:
        callback()


_installed: TaskRunner | None = None
_install_mutex = threading.Lock()


def install_runner(runner: TaskRunner | None) -> TaskRunner | None:
    """Make `runner` the one ops use; returns the previous one."""
    global _installed
    with _install_mutex:
        previous, _installed = _installed, runner
    return previous


def runner() -> TaskRunner:
    if _installed is None:
        raise RuntimeError("no TaskRunner installed: call install_runner() at start-up")
    return _installed


class Op(Generic[T]):
    """What to run, on which lane, and where its result goes. Subclasses say how `op` is
    called (with a session, a unit of work, the vault, or nothing)."""

    lane = Lane.DATABASE

    def __init__(
        self,
        parent: QObject | None,
        *,
        op: Callable[..., T],
        success: Callable[[T], object] | None = None,
    ) -> None:
        self._parent = parent
        self._op = op
        self._success = success
        self._failure: Callable[[Exception], object] | None = None
        self._runner: TaskRunner | None = None

    def failure(self: OpT, callback: Callable[[Exception], object]) -> OpT:
        self._failure = callback
        return self

    def on_lane(self: OpT, lane: Lane) -> OpT:
        self.lane = lane
        return self

    def run(self) -> Task | None:
        """Submit the op; None when it needs the vault and the vault is locked (nothing runs)."""
        self._runner = active = runner()
        work = self._work(active)
        if work is None:
            log.debug("%s skipped: the vault is locked", type(self).__name__)
            return None
        return active.submit(self.lane, work, self._deliver)

    def _work(self, active: TaskRunner) -> Callable[[], T] | None:
        raise NotImplementedError

    def _succeeded(self, active: TaskRunner | None) -> None:
        """Hook run on the GUI thread before the success callback."""

    def _deliver(self, result: T | None, error: Exception | None) -> None:
        if self._parent is not None and not shiboken6.isValid(self._parent):
            return
        if error is None:
            self._succeeded(self._runner)
            if self._success is not None:
                self._success(result)  # type: ignore[arg-type]
            return
        if isinstance(error, Cancelled):
            return
        if self._failure is not None:
            self._failure(error)
            return
        from mediateur.ui.errors import show_failure

        show_failure(self._parent, error)


class BackgroundOp(Op[T]):
    """`op()` with no vault: unlocking, creating a profile, network calls. Pool lane by
    default; `.on_lane(Lane.DATABASE)` for work that must not overlap the vault's."""

    lane = Lane.POOL

    def _work(self, active: TaskRunner) -> Callable[[], T] | None:
        return self._op


class VaultOp(Op[T]):
    """`op(vault)`: key slot changes, integrity check."""

    def _work(self, active: TaskRunner) -> Callable[[], T] | None:
        vault = active.vault
        if vault is None:
            return None
        op = self._op
        return lambda: op(vault)


class QueryOp(Op[T]):
    """`op(session)` on a read session, closed when `op` returns."""

    def _work(self, active: TaskRunner) -> Callable[[], T] | None:
        vault = active.vault
        if vault is None:
            return None
        op = self._op

        def query() -> T:
            session: Session
            with vault.session() as session:
                return op(session)

        return query


class WriteOp(Op[T]):
    """`op(uow)` in one unit of work, committed before `success` runs; then the runner emits
    `changes_saved` (the status bar counts pending changes again)."""

    def _work(self, active: TaskRunner) -> Callable[[], T] | None:
        vault = active.vault
        if vault is None:
            return None
        op = self._op

        def write() -> T:
            uow: UnitOfWork
            with vault.unit_of_work() as uow:
                return op(uow)

        return write

    def _succeeded(self, active: TaskRunner | None) -> None:
        if active is not None:
            active.changes_saved.emit()
