"""First run, driven by the keyboard: profile, passphrase twice, recovery code, main window."""

from __future__ import annotations

import unicodedata
from pathlib import Path

from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from mediateur.paths import list_profiles, profiles_dir
from mediateur.store.vault import Vault
from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.pages.base import PageKey
from mediateur.ui.tasks import TaskRunner
from tests.ui.conftest import WindowFactory
from tests.ui.drive import press, type_into, visible_text

PASSPHRASE = "ma phrase de passe du terrain"


def test_first_run_to_an_unlocked_main_window(
    qtbot, threaded_runner: TaskRunner, make_window: WindowFactory, home: Path
) -> None:
    window = make_window()
    screen = window.first_run_screen
    assert screen is not None
    assert window.screens.currentWidget() is screen
    form = screen.form
    assert QApplication.focusWidget() is form.name_edit
    assert form.name_edit.text() == "principal"
    assert not form.back_button.isVisible(), "no profile to go back to"
    qtbot.keyClicks(form.name_edit, "Awa")  # replaces the selected suggestion
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.passphrase_edit
    qtbot.keyClicks(form.passphrase_edit, "court")
    assert form.strength_label.text() == "Trop courte : encore 7 caractères."
    form.passphrase_edit.clear()
    qtbot.keyClicks(form.passphrase_edit, PASSPHRASE)
    assert form.strength_label.text() == "Solide."
    press(qtbot, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is form.confirmation_edit
    qtbot.keyClicks(form.confirmation_edit, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert form.busy_bar.isVisible(), "the key derivation runs behind a busy bar"
    qtbot.waitUntil(lambda: screen.recovery_dialog is not None, timeout=10_000)
    dialog = screen.recovery_dialog
    assert isinstance(dialog, RecoveryCodeDialog)
    code = dialog.form.code_label.text()
    assert len(code) == 34
    assert code.count("-") == 6
    assert "« Awa »" in dialog.form.explanation_label.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible(), "the code cannot be dismissed by accident"
    dialog.close()
    assert dialog.isVisible()
    qtbot.mouseClick(dialog.form.noted_button, Qt.MouseButton.LeftButton)

    qtbot.waitUntil(lambda: window.workspace is not None, timeout=5000)
    assert window.screens.currentWidget() is window.workspace
    assert window.context.is_unlocked
    assert window.workspace.current_key is PageKey.TERRAIN
    assert window.windowTitle() == "mediateur — Awa"
    assert window.statusBar().isVisible()
    qtbot.waitUntil(
        lambda: "Dernière synchronisation : jamais" in visible_text(window.statusBar()),
        timeout=5000,
    )
    assert "Aucune modification en attente d'envoi" in visible_text(window.statusBar())
    assert [p.name for p in list_profiles(home)] == ["Awa"]
    directory = profiles_dir(home) / "Awa"
    Vault.unlock_with_recovery(directory, code).lock()
    for path in directory.rglob("*"):
        if path.is_file():
            assert code.encode() not in path.read_bytes(), f"recovery code written in {path.name}"


def test_first_run_shows_every_problem_and_creates_nothing(
    qtbot, runner: TaskRunner, make_window: WindowFactory, home: Path, make_profile
) -> None:
    make_profile("principal")
    window = make_window()
    window.unlock_screen.form.new_profile_button.click()
    screen = window.first_run_screen
    assert screen is not None
    form = screen.form
    assert form.back_button.isVisible()
    assert form.name_edit.text() == "", "the default name is taken"
    type_into(qtbot, form.name_edit, "PRINCIPAL")
    type_into(qtbot, form.passphrase_edit, "douze caract")
    type_into(qtbot, form.confirmation_edit, "autre chose")
    form.create_button.click()
    assert form.name_message_label.text() == "Un profil porte déjà ce nom : choisissez-en un autre."
    assert QApplication.focusWidget() is form.name_edit
    assert form.confirmation_message_label.text() == (
        "Les deux saisies diffèrent : retapez la phrase de passe."
    )
    assert [p.name for p in list_profiles(home)] == ["principal"]
    form.back_button.click()
    assert window.first_run_screen is None
    assert window.screens.currentWidget() is window.unlock_screen


def test_first_run_in_the_directory_given_on_the_command_line(
    qtbot, runner: TaskRunner, make_window: WindowFactory, tmp_path: Path
) -> None:
    target = tmp_path / "profil-usb"
    window = make_window(profile=target)
    screen = window.first_run_screen
    assert screen is not None
    assert screen.form.name_edit.isReadOnly()
    assert screen.form.name_edit.text() == str(target)
    assert QApplication.focusWidget() is screen.form.passphrase_edit
    type_into(qtbot, screen.form.passphrase_edit, PASSPHRASE)
    type_into(qtbot, screen.form.confirmation_edit, PASSPHRASE)
    press(qtbot, Qt.Key.Key_Return)
    assert screen.recovery_dialog is not None
    screen.recovery_dialog.form.noted_button.click()
    assert window.context.profile_dir == target
    assert (target / "vault.json").is_file()


def test_recovery_code_prints_to_a_pdf(qtbot, tmp_path: Path) -> None:
    dialog = RecoveryCodeDialog(None, code="ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345", profile_name="Awa")
    qtbot.addWidget(dialog)
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    target = tmp_path / "code.pdf"
    printer.setOutputFileName(str(target))
    dialog.print_to(printer)
    text = "".join(page.extract_text() for page in PdfReader(target).pages)
    flattened = " ".join(unicodedata.normalize("NFKC", text).split())
    assert "ABCD-EFGH-JKMN-PQRS-TVWX-YZ01-2345" in flattened, "the code is printed on one line"
    assert "Profil : Awa" in flattened
    assert "code de récupération" in flattened
