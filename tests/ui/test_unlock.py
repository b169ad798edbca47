"""The unlock screen: profiles of the home, wrong passphrases and the growing delay, the
recovery-code path with its new passphrase."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from mediateur.store.errors import WrongPassphrase, WrongRecoveryCode
from mediateur.store.keyslots import format_recovery_code
from mediateur.store.vault import Vault
from mediateur.ui.flows.unlock import UnlockThrottle
from mediateur.ui.preferences import LAST_PROFILE, home_preferences
from mediateur.ui.tasks import TaskRunner
from tests.support.vaults import PASSPHRASE, VaultFactory
from tests.ui.conftest import WindowFactory
from tests.ui.drive import type_into, unlock_with

NEW_PASSPHRASE = "une toute nouvelle phrase de passe"


def test_unlock_lists_the_home_profiles_and_opens_the_chosen_one(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile, home: Path
) -> None:
    make_profile("awa")
    chosen = make_profile("brigitte")
    make_profile("chloe")
    home_preferences(home).set(LAST_PROFILE, "brigitte")
    window = make_window()
    combo = window.unlock_screen.form.profile_combo
    assert [combo.itemText(i) for i in range(combo.count())] == ["awa", "brigitte", "chloe"]
    assert combo.currentText() == "brigitte", "the last profile used is preselected"
    assert combo.isEnabled()
    assert QApplication.focusWidget() is window.unlock_screen.form.passphrase_edit
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.context.is_unlocked
    assert window.context.profile_dir == chosen
    assert window.unlock_screen.form.passphrase_edit.text() == "", "secrets are cleared"


def test_wrong_passphrase_message_then_a_growing_delay(
    qtbot, threaded_runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    make_profile("principal")
    window = make_window()
    form = window.unlock_screen.form
    for attempt in range(1, UnlockThrottle.FREE_ATTEMPTS + 2):
        form.passphrase_edit.clear()
        type_into(qtbot, form.passphrase_edit, "pas la bonne phrase")
        qtbot.keyClick(form.passphrase_edit, Qt.Key.Key_Return)
        assert form.busy_bar.isVisible(), "the key derivation runs behind a busy bar"
        assert not form.passphrase_edit.isEnabled()
        qtbot.waitUntil(lambda: not form.busy_bar.isVisible(), timeout=10_000)
        assert form.message_label.isVisible()
        assert form.message_label.text().startswith(WrongPassphrase.message), attempt
        assert form.passphrase_edit.selectedText() == "pas la bonne phrase"
    assert "Trop d'essais : patientez 1 seconde avant de réessayer." in form.message_label.text()
    assert not form.unlock_button.isEnabled()
    unlock_with(qtbot, window, "encore une autre")
    assert not form.busy_bar.isVisible(), "no attempt while the delay runs"
    qtbot.waitUntil(form.unlock_button.isEnabled, timeout=3000)
    assert "patientez" not in form.message_label.text()
    unlock_with(qtbot, window, "toujours pas cela")
    qtbot.waitUntil(lambda: "patientez 2 secondes" in form.message_label.text(), timeout=10_000)
    assert not window.context.is_unlocked


def test_recovery_code_unlock_then_a_new_passphrase(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile, vault_factory: VaultFactory
) -> None:
    directory = make_profile("principal")
    window = make_window()
    screen = window.unlock_screen
    form = screen.form
    qtbot.mouseClick(form.use_recovery_button, Qt.MouseButton.LeftButton)
    assert form.recovery_page.isVisible()
    assert not form.passphrase_page.isVisible()
    assert QApplication.focusWidget() is form.code_edit
    type_into(qtbot, form.code_edit, format_recovery_code(bytes(16)))
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert form.message_label.text() == WrongRecoveryCode.message
    form.code_edit.clear()
    type_into(qtbot, form.code_edit, "1234")
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)
    assert form.message_label.text().startswith("Code de récupération mal saisi")
    form.code_edit.clear()
    type_into(qtbot, form.code_edit, vault_factory.recovery_code.lower())
    qtbot.keyClick(form.code_edit, Qt.Key.Key_Return)

    assert form.new_passphrase_page.isVisible()
    assert not window.context.is_unlocked, "no work before a new passphrase is chosen"
    assert QApplication.focusWidget() is form.new_passphrase_edit
    type_into(qtbot, form.new_passphrase_edit, NEW_PASSPHRASE)
    type_into(qtbot, form.new_confirmation_edit, "pas pareille")
    qtbot.keyClick(form.new_confirmation_edit, Qt.Key.Key_Return)
    assert form.message_label.text() == "Les deux saisies diffèrent : retapez la phrase de passe."
    form.new_confirmation_edit.clear()
    type_into(qtbot, form.new_confirmation_edit, NEW_PASSPHRASE)
    qtbot.keyClick(form.new_confirmation_edit, Qt.Key.Key_Return)

    assert window.context.is_unlocked
    assert window.screens.currentWidget() is window.workspace
    window.lock()
    assert form.passphrase_page.isVisible()
    unlock_with(qtbot, window, PASSPHRASE)
    assert form.message_label.text().startswith(WrongPassphrase.message)
    unlock_with(qtbot, window, NEW_PASSPHRASE)
    assert window.context.is_unlocked
    window.lock()
    Vault.unlock_with_recovery(directory, vault_factory.recovery_code).lock()


def test_abandoning_after_a_recovery_unlock_locks_again(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile, vault_factory: VaultFactory
) -> None:
    make_profile("principal")
    window = make_window()
    form = window.unlock_screen.form
    form.use_recovery_button.click()
    type_into(qtbot, form.code_edit, vault_factory.recovery_code)
    form.recovery_unlock_button.click()
    vault = window.unlock_screen.flow.vault
    form.abandon_button.click()
    assert vault.is_locked
    assert form.passphrase_page.isVisible()
    assert not window.context.is_unlocked
