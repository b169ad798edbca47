"""Unexpected exceptions: a crash dialog and a log entry, both free of personal data."""

from __future__ import annotations

import logging
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from mediateur.ui.app import configure_logging
from mediateur.ui.crash_report import build_report, scrub_message, short_path
from mediateur.ui.errors import CrashDialog, CrashHandler

NAME = "Zélie Canaryfield"
PHONE = "0612345678"
EMAIL = "zelie.canary@example.org"


def save_person(person: dict[str, str]) -> None:
    amounts = {"rsa": 1}
    amounts[person["last_name"]] += int(person["phone"])


def format_person(person: dict[str, str]) -> str:
    raise ValueError(f"cannot format {person['last_name']} <{person['email']}> {person['phone']}")


def _raise_and_catch(func, person: dict[str, str]) -> BaseException:
    try:
        func(person)
    except Exception as exc:
        return exc
    raise AssertionError("no exception")


PERSON = {"last_name": NAME, "phone": PHONE, "email": EMAIL}


@pytest.mark.parametrize("func", [save_person, format_person])
def test_report_keeps_code_and_drops_personal_data(func) -> None:
    report = build_report(_raise_and_catch(func, PERSON))
    text = report.text()
    for secret in (NAME, "Zélie", "Canaryfield", PHONE, EMAIL, "canary"):
        assert secret not in text
    assert func.__name__ in text
    assert 'File "test_crash.py"' in text
    assert str(Path.home()) not in text or str(Path.home()) == "/"
    assert "line " in text


def test_report_follows_the_cause_chain() -> None:
    def wrapper() -> None:
        try:
            format_person(PERSON)
        except ValueError as exc:
            raise RuntimeError("wrapping failed") from exc

    try:
        wrapper()
    except RuntimeError as exc:
        report = build_report(exc)
    assert [part.type_name for part in report.parts] == ["RuntimeError", "ValueError"]
    assert "Cause :" in report.text()
    assert NAME not in report.text()


def test_scrub_keeps_vocabulary_and_code_identifiers() -> None:
    allowed = {"beneficiary_id"}
    assert (
        scrub_message("'NoneType' object has no attribute 'beneficiary_id'", allowed)
        == "'NoneType' object has no attribute 'beneficiary_id'"
    )
    assert scrub_message("invalid literal for int() with base 10: 'Dupont 06'", set()) == (
        "invalid literal for int() with base …: '…'"
    )


def test_short_path_hides_the_home() -> None:
    assert short_path("/home/zelie/venv/lib/python3.11/site-packages/sqlalchemy/orm/x.py") == (
        "sqlalchemy/orm/x.py"
    )
    assert short_path("/home/zelie/code/src/mediateur/ui/app.py") == "mediateur/ui/app.py"
    assert short_path("C:\\Users\\Zelie\\mediateur\\_internal\\mediateur\\ui\\app.py") == (
        "mediateur/ui/app.py"
    )


@pytest.fixture
def app_logging(home: Path) -> Iterator[Path]:
    """The GUI's logging set-up, undone afterwards so other tests keep their log capture."""
    logger = logging.getLogger("mediateur")
    saved = (logger.handlers[:], logger.level, logger.propagate)
    yield configure_logging(home)
    for added in logger.handlers:
        if added not in saved[0]:
            added.close()
    logger.handlers[:], logger.level, logger.propagate = saved


@pytest.mark.qt_no_exception_capture
def test_unexpected_exception_in_a_slot_shows_the_crash_dialog(qtbot, app_logging: Path) -> None:
    log_path = app_logging
    handler = CrashHandler()
    handler.install()
    try:

        def crash() -> None:
            save_person(dict(PERSON))

        QTimer.singleShot(0, crash)
        qtbot.waitUntil(lambda: bool(handler.dialogs), timeout=5000)
        QTimer.singleShot(0, crash)
        qtbot.wait(100)
        assert len(handler.dialogs) == 1, "the same error is shown once"
    finally:
        handler.uninstall()
        for h in logging.getLogger("mediateur").handlers:
            h.flush()
    dialog = handler.dialogs[0]
    assert isinstance(dialog, CrashDialog)
    assert dialog.isVisible()
    assert "Une erreur inattendue" in dialog.form.title_label.text()
    details = dialog.form.details_edit.toPlainText()
    assert "KeyError" in details
    assert "save_person" in details
    qtbot.mouseClick(dialog.form.copy_button, _left())
    assert QApplication.clipboard().text() == details
    assert dialog.form.copied_label.text() == "Détails copiés."
    logged = log_path.read_text(encoding="utf-8")
    assert dialog.report.signature in logged
    for text in (details, logged):
        for secret in (NAME, "Zélie", "Canaryfield", PHONE, EMAIL):
            assert secret not in text
    dialog.form.close_button.click()
    assert not handler.dialogs


def test_hook_passes_keyboard_interrupt_on(monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[type[BaseException]] = []
    monkeypatch.setattr(sys, "excepthook", lambda t, e, tb: seen.append(t))
    handler = CrashHandler()
    handler.handle(KeyboardInterrupt, KeyboardInterrupt(), None)
    assert seen == [KeyboardInterrupt]
    assert not handler.dialogs


def _left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
