"""Every screen fits at the default window size (1280×800) and at 1024×700, in French, and the
committed forms are what `make forms` generates from the Designer files."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QListWidget,
    QMessageBox,
    QWidget,
)

from mediateur.paths import resource_path
from mediateur.ui.flows.unlock import UnlockMode
from mediateur.ui.main_window import MainWindow
from mediateur.ui.tasks import TaskRunner
from tests.support.vaults import PASSPHRASE
from tests.ui.conftest import WindowFactory
from tests.ui.drive import unlock_with

SIZES = [(1280, 800), (1024, 700)]
FORMS_DIR = Path(__file__).resolve().parents[2] / "src" / "mediateur" / "ui" / "forms"


def cut_off(root: QWidget) -> list[str]:
    """Visible texts that do not get the room they need."""
    problems = []
    for label in root.findChildren(QLabel):
        if not label.isVisible() or not label.text():
            continue
        if label.wordWrap():
            if label.height() < label.heightForWidth(label.width()):
                problems.append(f"label {label.objectName()!r} too short: {label.text()[:40]}")
        elif label.width() < label.sizeHint().width():
            problems.append(f"label {label.objectName()!r} too narrow: {label.text()[:40]}")
    for button in root.findChildren(QAbstractButton):
        if button.isVisible() and button.text() and button.width() < button.sizeHint().width():
            problems.append(f"button {button.objectName()!r} too narrow: {button.text()}")
    for box in root.findChildren(QGroupBox):
        needed = box.fontMetrics().horizontalAdvance(box.title())
        if box.isVisible() and box.width() < needed:
            problems.append(f"group {box.title()!r} too narrow")
    for listing in root.findChildren(QListWidget):
        if not listing.isVisible():
            continue
        room = listing.viewport().width()
        for row in range(listing.count()):
            text = listing.item(row).text()
            if listing.fontMetrics().horizontalAdvance(text) + 24 > room:
                problems.append(f"side-bar entry {text!r} too wide")
    return problems


def _show(qtbot, window: MainWindow) -> None:
    qtbot.wait(10)  # let the layouts settle
    problems = cut_off(window)
    assert problems == []


@pytest.mark.parametrize("size", SIZES)
def test_every_screen_fits(
    qtbot, runner: TaskRunner, make_window: WindowFactory, make_profile, size: tuple[int, int]
) -> None:
    first = make_window(size=size)
    assert first.first_run_screen is not None
    first.first_run_screen.form.create_button.click()  # every message shown
    _show(qtbot, first)
    first.close()

    make_profile("principal")
    make_profile("un-profil-au-nom-un-peu-long")
    window = make_window(size=size)
    assert (window.width(), window.height()) == size
    _show(qtbot, window)
    screen = window.unlock_screen
    unlock_with(qtbot, window, "une phrase fausse")
    _show(qtbot, window)
    screen.form.use_recovery_button.click()
    assert screen.flow is not None
    assert screen.flow.mode is UnlockMode.RECOVERY_CODE
    _show(qtbot, window)
    screen.form.use_passphrase_button.click()
    unlock_with(qtbot, window, PASSPHRASE)
    assert window.workspace is not None
    for row in range(window.workspace.sidebar.count()):
        window.workspace.sidebar.setCurrentRow(row)
        _show(qtbot, window)


def test_qt_standard_texts_are_french(qtbot) -> None:
    box = QMessageBox()
    qtbot.addWidget(box)
    box.setStandardButtons(QMessageBox.StandardButton.Cancel | QMessageBox.StandardButton.Ok)
    assert box.button(QMessageBox.StandardButton.Cancel).text() == "Annuler"
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
    qtbot.addWidget(buttons)
    assert buttons.button(QDialogButtonBox.StandardButton.Close).text() == "Fermer"


@pytest.mark.parametrize("ui_file", sorted(resource_path("forms").glob("*.ui")), ids=str)
def test_committed_forms_match_the_designer_files(ui_file: Path) -> None:
    uic = Path(sys.executable).with_name("pyside6-uic")
    generated = subprocess.run(
        [str(uic), str(ui_file)], check=True, capture_output=True, text=True
    ).stdout
    committed = (FORMS_DIR / f"ui_{ui_file.stem}.py").read_text(encoding="utf-8")

    def body(text: str) -> list[str]:
        return [line for line in text.splitlines() if "Created by: Qt User Interface" not in line]

    assert body(generated) == body(committed), f"run `make forms` after editing {ui_file.name}"


def test_the_check_sees_truncated_text(qtbot) -> None:
    from PySide6.QtWidgets import QPushButton, QVBoxLayout

    root = QWidget()
    qtbot.addWidget(root)
    layout = QVBoxLayout(root)
    narrow = QLabel("Un texte bien trop long pour tenir dans cette fenêtre minuscule")
    wrapped = QLabel("Un texte bien trop long pour tenir, même replié sur plusieurs lignes " * 4)
    wrapped.setWordWrap(True)
    button = QPushButton("Un bouton au libellé trop long")
    for widget in (narrow, wrapped, button):
        widget.setMinimumSize(1, 1)
        layout.addWidget(widget)
    root.setFixedSize(80, 60)
    root.show()
    qtbot.waitExposed(root)
    assert len(cut_off(root)) == 3
