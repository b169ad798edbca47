"""The recovery code, shown once (at first run and after a regeneration), with a way to print it.

The dialog cannot be dismissed except by "J'ai noté le code": Escape and the window's close
button do nothing, so the code is never lost by a slip of the hand. Printing goes through the
system's print dialog (which also offers to save as PDF); the code is written to disk only if the
user picks a file there. A lock closes the dialog with `discard()`.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import QDate, QLocale, Qt, Signal
from PySide6.QtGui import QCloseEvent, QFontDatabase, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.domain.values import now_utc
from mediateur.ui.forms.ui_recovery_code_dialog import Ui_RecoveryCodeDialog
from mediateur.ui.widgets import style_title


class RecoveryCodeDialog(QDialog):
    acknowledged = Signal()

    def __init__(self, parent: QWidget | None, *, code: str, profile_name: str) -> None:
        super().__init__(parent)
        self._code = code
        self._profile_name = profile_name
        self._may_close = False
        self._printer: QPrinter | None = None
        self.form = Ui_RecoveryCodeDialog()
        self.form.setupUi(self)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setWindowFlag(Qt.WindowType.WindowCloseButtonHint, False)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        style_title(self.form.title_label)
        self.form.explanation_label.setText(
            self.tr(
                "Ce code est le seul moyen d'ouvrir le profil « {profile} » si vous oubliez votre "
                "phrase de passe. Notez-le sur papier ou imprimez-le, puis gardez-le en lieu sûr."
            ).format(profile=profile_name)
        )
        code_font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        code_font.setPointSizeF(code_font.pointSizeF() * 1.8)
        code_font.setBold(True)
        self.form.code_label.setFont(code_font)
        self.form.code_label.setText(code)
        self.form.print_button.clicked.connect(self._on_print_clicked)
        self.form.noted_button.clicked.connect(self._on_noted_clicked)
        self.form.noted_button.setFocus()
        self.setMinimumWidth(560)
        self.adjustSize()

    @property
    def code(self) -> str:
        return self._code

    def reject(self) -> None:
        if self._may_close:
            super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._may_close:
            super().closeEvent(event)
        else:
            event.ignore()

    def discard(self) -> None:
        """Close without acknowledgement (the profile is being locked)."""
        self._may_close = True
        self._code = ""
        self.form.code_label.clear()
        super().reject()

    def _on_noted_clicked(self) -> None:
        self._may_close = True
        self._code = ""
        self.form.code_label.clear()
        self.accept()
        self.acknowledged.emit()

    def _on_print_clicked(self) -> None:
        self._printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        self._printer.setDocName(self.tr("Code de récupération mediateur"))
        dialog = QPrintDialog(self._printer, self)
        dialog.setWindowTitle(self.tr("Imprimer le code de récupération"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.print_to(dialog.printer()))
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.show()

    def print_to(self, printer: QPrinter) -> None:
        """Render the printable page (profile, date, code, instructions) on `printer`."""
        document = QTextDocument()
        document.setHtml(self.printable_html())
        document.print_(printer)

    def printable_html(self) -> str:
        day = now_utc().astimezone().date()
        today = QLocale().toString(
            QDate(day.year, day.month, day.day), QLocale.FormatType.LongFormat
        )
        title = self.tr("mediateur — code de récupération")
        profile = self.tr("Profil : {profile}").format(profile=self._profile_name)
        issued = self.tr("Code remis le {date}.").format(date=today)
        usage = self.tr(
            "Sur l'écran de déverrouillage, choisissez « Utiliser le code de récupération » et "
            "saisissez ce code : vous choisirez ensuite une nouvelle phrase de passe."
        )
        keep = self.tr(
            "Gardez cette feuille en lieu sûr, à part de l'ordinateur. Quiconque a ce code et "
            "l'ordinateur peut lire le profil. Un nouveau code généré dans Paramètres remplace "
            "celui-ci."
        )
        return (
            f"<h1>{escape(title)}</h1>"
            f"<p>{escape(profile)}<br/>{escape(issued)}</p>"
            '<p style="font-family: monospace; font-size: 20pt; font-weight: bold; '
            'white-space: pre;">'
            f"{escape(self._code)}</p>"
            f"<p>{escape(usage)}</p><p>{escape(keep)}</p>"
        )
