"""Fixtures of the desktop UI tests: the French application set-up, a task runner (synchronous
by default, the real threaded one on request), profiles in the isolated home, and windows."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from mediateur.paths import profiles_dir
from mediateur.ui.app import setup_application
from mediateur.ui.context import AppContext
from mediateur.ui.main_window import MainWindow
from mediateur.ui.tasks import SynchronousRunner, TaskRunner, install_runner
from tests.support.vaults import VaultFactory

WindowFactory = Callable[..., MainWindow]


@pytest.fixture(scope="session", autouse=True)
def _french_application(qapp: QApplication) -> QApplication:
    setup_application(qapp)
    return qapp


@pytest.fixture
def home(_isolated_home: Path) -> Path:
    return Path(os.environ["MEDIATEUR_HOME"])


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    """The synchronous runner: each op runs at once, on the test's thread (STYLE.md)."""
    active = SynchronousRunner()
    install_runner(active)
    yield active
    active.shutdown()
    install_runner(None)


@pytest.fixture
def threaded_runner() -> Iterator[TaskRunner]:
    """The production runner, with its worker threads."""
    active = TaskRunner()
    install_runner(active)
    yield active
    active.shutdown()
    install_runner(None)


@pytest.fixture
def make_profile(home: Path, vault_factory: VaultFactory) -> Callable[[str], Path]:
    """A profile of the home, unlocked by `PASSPHRASE` (real Argon2id slot) or the factory's
    recovery code."""

    def make(name: str = "principal") -> Path:
        return vault_factory.copy(profiles_dir(home) / name)

    return make


@pytest.fixture
def make_window(qtbot, home: Path) -> Iterator[WindowFactory]:
    windows: list[MainWindow] = []

    def make(*, profile: Path | None = None, size: tuple[int, int] = (1280, 800)) -> MainWindow:
        from mediateur.ui.tasks import runner

        context = AppContext(home=home, runner=runner())
        window = MainWindow(context, profile=profile)
        qtbot.addWidget(window)
        window.resize(*size)
        window.show()
        window.activateWindow()
        qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)
        windows.append(window)
        return window

    yield make
    for window in windows:
        window.context.lock()


@pytest.fixture
def open_window(
    make_window: WindowFactory, make_profile, vault_factory: VaultFactory
) -> Callable[..., MainWindow]:
    """A main window on a fresh profile, unlocked with the raw key (the unlock screen hands the
    opened vault on exactly as after a key derivation, which the unlock tests cover)."""

    def make(*, name: str = "principal", size: tuple[int, int] = (1280, 800)) -> MainWindow:
        directory = make_profile(name)
        window = make_window(size=size)
        window.unlock_screen.unlocked.emit(vault_factory.open(directory))
        assert window.context.is_unlocked
        return window

    return make
