"""Locking: after the idle delay, on Ctrl+L, on request; every page drops its data and the user
comes back to the page they were on."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.settings import SettingsPage
from mediateur.ui.tasks import TaskRunner
from tests.support.vaults import PASSPHRASE
from tests.ui.conftest import WindowFactory
from tests.ui.drive import press, type_into, unlock_with

IDLE_MS = 300


def _open(qtbot, make_window: WindowFactory, make_profile) -> MainWindow:
    make_profile("principal")
    window = make_window()
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.context.is_unlocked
    return window


def _settings(window: MainWindow) -> SettingsPage:
    assert window.workspace is not None
    page = window.workspace.show_page(PageKey.SETTINGS)
    assert isinstance(page, SettingsPage)
    return page


def test_idle_lock_then_unlock_back_to_the_same_page(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window = _open(qtbot, make_window, make_profile)
    vault = window.context.runner.vault
    assert vault is not None
    settings = _settings(window)
    type_into(qtbot, settings.form.current_edit, "a moitie tapee")
    window.idle_watcher.start(IDLE_MS)
    # Activity postpones the lock.
    for _ in range(4):
        qtbot.wait(IDLE_MS // 2)
        qtbot.keyClick(settings.form.server_edit, Qt.Key.Key_Shift)
    assert window.context.is_unlocked
    qtbot.waitUntil(lambda: not window.context.is_unlocked, timeout=3000)
    assert vault.is_locked
    assert window.screens.currentWidget() is window.unlock_screen
    assert not window.statusBar().isVisible()
    assert settings.form.current_edit.text() == "", "pages drop what they show"
    combo = window.unlock_screen.form.profile_combo
    assert combo.currentText() == "principal"
    assert not combo.isEnabled(), "a lock returns to the same profile"
    assert not window.unlock_screen.form.new_profile_button.isVisible()
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.context.is_unlocked
    assert window.screens.currentWidget() is window.workspace
    assert window.workspace.current_key is PageKey.SETTINGS
    assert window.workspace.stack.currentWidget() is settings
    assert window.idle_watcher.running


def test_ctrl_l_locks_and_closes_dialogs(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window = _open(qtbot, make_window, make_profile)
    assert window.workspace is not None
    press(qtbot, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    assert window.workspace.current_key is PageKey.REFERRALS
    dialog = RecoveryCodeDialog(window, code="ABCD-EFGH", profile_name="principal")
    dialog.open()
    dialog.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert not window.context.is_unlocked
    assert not dialog.isVisible()
    assert dialog.code == ""
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.workspace.current_key is PageKey.REFERRALS


def test_lock_now_button_and_sidebar_by_keyboard(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window = _open(qtbot, make_window, make_profile)
    assert window.workspace is not None
    sidebar = window.workspace.sidebar
    sidebar.setFocus()
    for _ in range(5):
        press(qtbot, Qt.Key.Key_Down)
    assert window.workspace.current_key is PageKey.SETTINGS
    press(qtbot, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    settings = window.workspace.page(PageKey.SETTINGS)
    assert isinstance(settings, SettingsPage)
    assert QApplication.focusWidget() is settings.form.idle_spin
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is settings.form.lock_now_button
    press(qtbot, Qt.Key.Key_Space)
    assert not window.context.is_unlocked


def test_idle_delay_is_stored_per_profile(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile, home: Path
) -> None:
    make_profile("zoe")
    window = _open(qtbot, make_window, make_profile)
    assert window.context.profile_name == "principal"
    settings = _settings(window)
    assert settings.form.idle_spin.value() == 10
    settings.form.idle_spin.setValue(3)
    assert window.context.idle_lock_minutes == 3
    window.lock()
    unlock_with(qtbot, window, PASSPHRASE)
    assert settings.form.idle_spin.value() == 3
    window.lock()
    other = make_window()  # the next start of the app
    assert other.unlock_screen.form.profile_combo.currentText() == "principal", "last used"
    other.unlock_screen.form.profile_combo.setCurrentText("zoe")
    unlock_with(qtbot, other, PASSPHRASE)
    assert other.context.profile_name == "zoe"
    assert other.context.idle_lock_minutes == 10
