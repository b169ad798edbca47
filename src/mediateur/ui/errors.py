"""How errors reach the user (STYLE.md, three tiers).

1. Expected problems (vault, services, field values) carry a French message: `show_warning`.
2. A failed background op goes to its failure callback, else to `show_failure`.
3. Anything unexpected reaches `sys.excepthook` (or `threading.excepthook`), installed by
   `CrashHandler`: the exception becomes a `CrashReport` without personal data, is logged, and
   a crash dialog shows it with a button to copy the details, once per distinct signature.
"""

from __future__ import annotations

import logging
import sys
import threading
from collections.abc import Callable
from types import TracebackType

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from mediateur.domain.values import FieldValueError
from mediateur.services.errors import ServiceError
from mediateur.store.errors import VaultError
from mediateur.ui.crash_report import CrashReport, report_from_hook
from mediateur.ui.forms.ui_crash_dialog import Ui_CrashDialog
from mediateur.ui.tasks import Cancelled
from mediateur.ui.widgets import style_title

log = logging.getLogger(__name__)

# Errors whose message is written for the user, in French, without personal data.
EXPECTED_ERRORS: tuple[type[Exception], ...] = (VaultError, ServiceError, FieldValueError)

_open_boxes: list[QMessageBox] = []


def show_warning(parent: QWidget | None, text: str, *, title: str | None = None) -> QMessageBox:
    """A non-blocking warning; the box is kept alive until closed."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        title or QApplication.translate("errors", "mediateur"),
        text,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)
    box.finished.connect(lambda _result: _open_boxes.remove(box) if box in _open_boxes else None)
    box.open()
    return box


def ask_user(
    parent: QWidget | None, text: str, on_yes: Callable[[], object], *, yes_label: str
) -> QMessageBox:
    """A non-blocking yes/cancel question; `on_yes` runs only if the user confirms."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        QApplication.translate("errors", "mediateur"),
        text,
        QMessageBox.StandardButton.Cancel,
        parent,
    )
    yes = box.addButton(yes_label, QMessageBox.ButtonRole.AcceptRole)
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _open_boxes.append(box)

    def finished(_result: int) -> None:
        if box in _open_boxes:
            _open_boxes.remove(box)
        if box.clickedButton() is yes:
            on_yes()

    box.finished.connect(finished)
    box.open()
    return box


def show_failure(parent: object, error: Exception) -> None:
    """Default failure of an op: silent for a cancel, a message for an expected error, the
    crash dialog for anything else."""
    if isinstance(error, Cancelled):
        return
    if isinstance(error, EXPECTED_ERRORS):
        widget = parent if isinstance(parent, QWidget) else None
        show_warning(widget, str(error))
        return
    sys.excepthook(type(error), error, error.__traceback__)


class CrashDialog(QDialog):
    """The details of one unexpected error, to read and copy; not modal, nothing else waits."""

    def __init__(self, report: CrashReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.form = Ui_CrashDialog()
        self.form.setupUi(self)
        style_title(self.form.title_label)
        self.form.summary_label.setText(report.summary)
        self.form.details_edit.setPlainText(report.text())
        self.form.copy_button.clicked.connect(self._on_copy_clicked)
        self.form.close_button.clicked.connect(self.accept)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def _on_copy_clicked(self) -> None:
        QApplication.clipboard().setText(self.report.text())
        self.form.copied_label.setText(self.tr("Détails copiés."))


class CrashHandler(QObject):
    """Installs the hooks; reports cross to the GUI thread by signal before any widget shows."""

    reported = Signal(object)  # CrashReport

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._shown: set[str] = set()
        self.dialogs: list[CrashDialog] = []
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self.reported.connect(self._on_reported)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = self._handle_thread

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook

    def handle(
        self,
        exc_type: type[BaseException],
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            self._previous_hook(exc_type, exc if exc is not None else exc_type(), tb)
            return
        try:
            report = report_from_hook(exc_type, exc, tb)
        except Exception:
            log.exception("could not build a crash report")
            return
        log.error("unexpected error %s\n%s", report.signature, report.text())
        self.reported.emit(report)

    def _handle_thread(self, args: threading.ExceptHookArgs) -> None:
        self.handle(args.exc_type, args.exc_value, args.exc_traceback)

    def _on_reported(self, report: CrashReport) -> None:
        if report.signature in self._shown:
            return
        self._shown.add(report.signature)
        dialog = CrashDialog(report, QApplication.activeWindow())
        self.dialogs.append(dialog)
        dialog.finished.connect(lambda _r: self.dialogs.remove(dialog))
        dialog.show()
        dialog.raise_()
