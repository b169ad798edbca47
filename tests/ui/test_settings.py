"""The Paramètres page on a real vault: passphrase change, new recovery code, server address,
integrity check; and the status bar's counts."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mediateur.domain.server_url import InvalidServerUrl, normalize_server_url
from mediateur.domain.values import format_datetime, now_utc
from mediateur.store.errors import WrongPassphrase, WrongRecoveryCode
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.settings import SettingsPage
from mediateur.ui.tasks import TaskRunner, WriteOp
from tests.support.vaults import PASSPHRASE, VaultFactory
from tests.ui.conftest import WindowFactory
from tests.ui.drive import type_into, unlock_with, visible_text

NEW_PASSPHRASE = "la nouvelle phrase du bureau"


def _settings(qtbot, make_window: WindowFactory, make_profile) -> tuple[MainWindow, SettingsPage]:
    make_profile("principal")
    window = make_window()
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.workspace is not None
    page = window.workspace.show_page(PageKey.SETTINGS, focus=True)
    assert isinstance(page, SettingsPage)
    return window, page


def test_change_passphrase_from_settings(
    qtbot, threaded_runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window, page = _settings(qtbot, make_window, make_profile)
    form = page.form
    qtbot.waitUntil(lambda: form.check_button.isEnabled(), timeout=10_000)
    type_into(qtbot, form.current_edit, "pas la phrase actuelle")
    type_into(qtbot, form.new_edit, NEW_PASSPHRASE)
    assert form.strength_label.text() == "Solide."
    type_into(qtbot, form.confirmation_edit, NEW_PASSPHRASE)
    qtbot.keyClick(form.confirmation_edit, Qt.Key.Key_Return)
    assert form.change_busy_bar.isVisible()
    qtbot.waitUntil(lambda: form.current_edit.isEnabled(), timeout=10_000)
    assert form.passphrase_message_label.text() == WrongPassphrase.message
    form.current_edit.clear()
    type_into(qtbot, form.current_edit, PASSPHRASE)
    form.change_button.click()
    qtbot.waitUntil(
        lambda: form.passphrase_message_label.text().startswith("Phrase de passe changée"),
        timeout=10_000,
    )
    assert form.current_edit.text() == form.new_edit.text() == ""
    window.lock()
    unlock_with(qtbot, window, PASSPHRASE)
    message = window.unlock_screen.form.message_label
    qtbot.waitUntil(lambda: message.text().startswith(WrongPassphrase.message), timeout=10_000)
    unlock_with(qtbot, window, NEW_PASSPHRASE)
    qtbot.waitUntil(lambda: window.context.is_unlocked, timeout=10_000)


def test_new_passphrase_is_checked_before_any_work(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    _window, page = _settings(qtbot, make_window, make_profile)
    form = page.form
    form.change_button.click()
    assert form.passphrase_message_label.text() == "Saisissez votre phrase de passe actuelle."
    type_into(qtbot, form.current_edit, PASSPHRASE)
    type_into(qtbot, form.new_edit, "court")
    form.change_button.click()
    assert form.passphrase_message_label.text() == "Trop courte : encore 7 caractères."
    form.new_edit.clear()
    type_into(qtbot, form.new_edit, NEW_PASSPHRASE)
    type_into(qtbot, form.confirmation_edit, NEW_PASSPHRASE + "!")
    form.change_button.click()
    assert form.passphrase_message_label.text().startswith("Les deux saisies diffèrent")
    Vault.unlock(page.context.profile_dir, PASSPHRASE).lock()


def test_regenerate_recovery_code(
    qtbot,
    runner: TaskRunner,
    make_window: WindowFactory,
    make_profile,
    vault_factory: VaultFactory,
) -> None:
    window, page = _settings(qtbot, make_window, make_profile)
    page.form.regenerate_button.click()
    question = next(box for box in page.findChildren(QMessageBox) if box.isVisible())
    confirm = next(b for b in question.buttons() if b.text() == "Générer un nouveau code")
    confirm.click()
    qtbot.waitUntil(lambda: page.recovery_dialog is not None)
    dialog = page.recovery_dialog
    assert isinstance(dialog, RecoveryCodeDialog)
    code = dialog.code
    dialog.form.noted_button.click()
    assert page.form.recovery_message_label.text().startswith("Nouveau code en service")
    directory = window.context.profile_dir
    window.lock()
    with pytest.raises(WrongRecoveryCode):
        Vault.unlock_with_recovery(directory, vault_factory.recovery_code)
    Vault.unlock_with_recovery(directory, code).lock()


def test_server_address_is_validated_and_kept_in_the_vault(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window, page = _settings(qtbot, make_window, make_profile)
    form = page.form
    type_into(qtbot, form.server_edit, "http://serveur.example.org")
    qtbot.keyClick(form.server_edit, Qt.Key.Key_Return)
    assert form.server_message_label.text().startswith("Adresse refusée : la connexion doit")
    form.server_edit.clear()
    type_into(qtbot, form.server_edit, " https://sync.cite-emploi.example/api/ ")
    form.save_server_button.click()
    assert form.server_message_label.text() == "Adresse enregistrée dans le profil."
    assert form.server_edit.text() == "https://sync.cite-emploi.example/api"
    with window.context.vault.session() as session:
        stored = local_state.get(session, local_state.SERVER_URL)
    assert stored == "https://sync.cite-emploi.example/api"
    window.lock()
    assert form.server_edit.text() == ""
    unlock_with(qtbot, window, PASSPHRASE)
    assert form.server_edit.text() == "https://sync.cite-emploi.example/api"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://serveur.fr", "https://serveur.fr"),
        ("https://serveur.fr:8443/", "https://serveur.fr:8443"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
        ("http://[::1]:8000/", "http://[::1]:8000"),
        ("http://localhost:8000", None),
        ("ftp://serveur.fr", None),
        ("https://", None),
        ("https://moi:secret@serveur.fr", None),
        ("https://serveur.fr/?token=1", None),
        ("https://serveur.fr:99999", None),
        ("serveur.fr", None),
        ("", None),
    ],
)
def test_server_url_rules(text: str, expected: str | None) -> None:
    if expected is None:
        with pytest.raises(InvalidServerUrl):
            normalize_server_url(text)
    else:
        assert normalize_server_url(text) == expected


def test_integrity_check_after_unlock_and_on_demand(
    qtbot, threaded_runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window, page = _settings(qtbot, make_window, make_profile)
    label = page.form.integrity_label
    qtbot.waitUntil(lambda: "aucun problème détecté" in label.text(), timeout=10_000)
    assert window.context.last_integrity is not None
    first = window.context.last_integrity.checked_at
    with qtbot.waitSignal(window.context.integrity_checked, timeout=10_000):
        qtbot.mouseClick(page.form.check_button, Qt.MouseButton.LeftButton)
        assert label.text() == "Contrôle en cours…"
        assert not page.form.check_button.isEnabled()
    assert window.context.last_integrity.checked_at >= first
    assert label.text().startswith("Dernier contrôle aujourd'hui à ")


def _event(uow: Any) -> str:
    return uow.create("event", {"kind": "forum", "title": "Forum", "starts_at": now_utc()})


def test_status_bar_counts_pending_changes_and_shows_the_last_sync(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile
) -> None:
    window, _page = _settings(qtbot, make_window, make_profile)
    status = window.statusBar()
    assert "Aucune modification en attente d'envoi" in visible_text(status)
    assert "Dernière synchronisation : jamais" in visible_text(status)
    assert "Profil : principal" in visible_text(status)
    WriteOp(window, op=_event).run()
    assert "1 modification en attente d'envoi" in visible_text(status)
    WriteOp(window, op=_event).run()
    assert "2 modifications en attente d'envoi" in visible_text(status)
    synced = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
    WriteOp(
        window,
        op=lambda uow: local_state.put(
            uow.session, local_state.LAST_SYNC_OK_AT, format_datetime(synced)
        ),
    ).run()
    local = synced.astimezone()
    assert f"Dernière synchronisation : le 02/03/2026 à {local:%H:%M}" in visible_text(status)
    window.lock()
    assert not status.isVisible()
    assert "modification" not in visible_text(status)
