"""The Exports tab of the Revue page: the contact log as filtered in its tab, in CSV or XLSX
(`reports.exports`, formulas neutralised), and the steering-committee report (COPIL) for a chosen
period, previewed and printed, or saved as PDF (`reports.copil`: aggregates only, small groups
shown "< 5").

Files go only where the user chooses; the PDF is built in memory and previewed from memory.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QDir, QStandardPaths
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mediateur.reports.copil import build_copil_report
from mediateur.reports.exports import ExportFormat, export_log_to_file
from mediateur.services import clock
from mediateur.services.contact_log import LogFilter
from mediateur.store.atomic import write_atomically
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import DateField, DateFormatError
from mediateur.ui.referrals.printing import PdfFileDialog, PrintPreview
from mediateur.ui.tasks import QueryOp
from mediateur.ui.widgets import Tone, show_message

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


class ExportFileDialog:
    """Where to save the log: the one small modal question of the save path."""

    @classmethod
    def ask(
        cls, parent: QWidget | None, suggested_name: str, file_format: ExportFormat
    ) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = QDir(folder or QDir.homePath()).filePath(suggested_name)
        description = (
            QCoreApplication.translate("ExportFileDialog", "Fichier CSV pour Excel (*.csv)")
            if file_format == "csv"
            else QCoreApplication.translate("ExportFileDialog", "Classeur Excel (*.xlsx)")
        )
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("ExportFileDialog", "Exporter le journal des contacts"),
            start,
            description,
        )
        if not chosen:
            return None
        path = Path(chosen)
        suffix = f".{file_format}"
        return path if path.suffix.lower() == suffix else path.with_name(path.name + suffix)


class ExportsTab(QWidget):
    def __init__(
        self,
        context: AppContext,
        *,
        log_filter: Callable[[], LogFilter],
        describe_filter: Callable[[], str],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self._log_filter = log_filter
        self._describe_filter = describe_filter
        self.preview: PrintPreview | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)

        log_box = QGroupBox(self.tr("Journal des contacts filtré"), self)
        log_layout = QVBoxLayout(log_box)
        self.filter_label = QLabel(log_box)
        self.filter_label.setObjectName("export_filter_label")
        self.filter_label.setWordWrap(True)
        log_layout.addWidget(self.filter_label)
        explanation = QLabel(
            self.tr(
                "Une ligne par contact, avec la note, qui l'a saisi et sa revue : ce fichier "
                "contient des données personnelles. Enregistrez-le sur un support protégé et "
                "supprimez-le après usage."
            ),
            log_box,
        )
        explanation.setWordWrap(True)
        log_layout.addWidget(explanation)
        buttons = QHBoxLayout()
        self.csv_button = QPushButton(self.tr("Exporter en &CSV…"), log_box)
        self.csv_button.setObjectName("csv_button")
        self.xlsx_button = QPushButton(self.tr("Exporter en &XLSX…"), log_box)
        self.xlsx_button.setObjectName("xlsx_button")
        buttons.addWidget(self.csv_button)
        buttons.addWidget(self.xlsx_button)
        buttons.addStretch(1)
        log_layout.addLayout(buttons)
        layout.addWidget(log_box)

        copil_box = QGroupBox(self.tr("Rapport pour le comité de pilotage (COPIL)"), self)
        copil_layout = QVBoxLayout(copil_box)
        copil_text = QLabel(
            self.tr(
                "Indicateurs agrégés du programme, sans aucune donnée personnelle : cohorte "
                "(reçus, RSA, moins de 25 ans, femmes, origine par QPV, sorties dont emploi "
                "durable), contacts, orientations par partenaire, avec graphiques. Les "
                "effectifs de 1 à 4 personnes sont affichés « < 5 »."
            ),
            copil_box,
        )
        copil_text.setWordWrap(True)
        copil_layout.addWidget(copil_text)
        period = QHBoxLayout()
        self.from_edit = DateField(copil_box)
        self.from_edit.setObjectName("copil_from_edit")
        self.to_edit = DateField(copil_box)
        self.to_edit.setObjectName("copil_to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        from_label = QLabel(self.tr("Période du"), copil_box)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("au"), copil_box)
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            period.addWidget(widget)
        period.addStretch(1)
        copil_layout.addLayout(period)
        copil_buttons = QHBoxLayout()
        self.preview_button = QPushButton(self.tr("A&perçu et impression…"), copil_box)
        self.preview_button.setObjectName("copil_preview_button")
        self.pdf_button = QPushButton(self.tr("Enregistrer en P&DF…"), copil_box)
        self.pdf_button.setObjectName("copil_pdf_button")
        copil_buttons.addWidget(self.preview_button)
        copil_buttons.addWidget(self.pdf_button)
        copil_buttons.addStretch(1)
        copil_layout.addLayout(copil_buttons)
        layout.addWidget(copil_box)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("exports_message_label")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)
        layout.addStretch(1)

        self.csv_button.clicked.connect(lambda: self.export_log("csv"))
        self.xlsx_button.clicked.connect(lambda: self.export_log("xlsx"))
        self.preview_button.clicked.connect(self.preview_copil)
        self.pdf_button.clicked.connect(self.save_copil)
        show_message(self.message_label, "")

    def load(self) -> None:
        self.filter_label.setText(
            self.tr("Filtres appliqués (onglet « Journal des contacts ») : {filters}").format(
                filters=self._describe_filter()
            )
        )

    def drop_data(self) -> None:
        self.from_edit.clear()
        self.to_edit.clear()
        self.filter_label.setText("")
        show_message(self.message_label, "")

    # The filtered log

    def export_log(self, file_format: ExportFormat) -> None:
        try:
            filters = self._log_filter()
        except DateFormatError as bad:
            show_message(
                self.message_label,
                self.tr("Période du journal : {problem}").format(problem=bad),
                Tone.ERROR,
            )
            return
        name = f"journal-contacts-{clock.today():%Y-%m-%d}.{file_format}"
        path = ExportFileDialog.ask(self.window(), name, file_format)
        if path is None:
            return
        show_message(self.message_label, self.tr("Export en cours…"))
        QueryOp(
            self,
            op=lambda session: export_log_to_file(
                session, filters=filters, file_format=file_format, path=path
            ),
            success=lambda rows: self._on_exported(rows, path),
        ).failure(self._on_failed).run()

    def _on_exported(self, rows: int, path: Path) -> None:
        show_message(
            self.message_label,
            self.tr("{count} contact(s) exporté(s) dans {file}.").format(count=rows, file=path),
            Tone.SUCCESS,
        )

    def _on_failed(self, error: Exception) -> None:
        if isinstance(error, OSError):
            show_message(
                self.message_label,
                self.tr(
                    "Le fichier n'a pas pu être écrit (dossier protégé ou plein) : choisissez "
                    "un autre emplacement."
                ),
                Tone.ERROR,
            )
            return
        show_message(self.message_label, "")
        show_failure(self, error)

    # The COPIL report

    def copil_period(self) -> tuple[date | None, date | None] | None:
        try:
            start, end = self.from_edit.day(), self.to_edit.day()
        except DateFormatError as bad:
            show_message(
                self.message_label,
                self.tr("Période du rapport : {problem}").format(problem=bad),
                Tone.ERROR,
            )
            return None
        if start and end and start > end:
            show_message(
                self.message_label,
                self.tr("Période du rapport : la date de début est postérieure à la date de fin."),
                Tone.ERROR,
            )
            return None
        return start, end

    def _build(self, op: Callable[[Session], object], then: Callable[[object], object]) -> None:
        show_message(self.message_label, self.tr("Préparation du rapport…"))
        QueryOp(self, op=op, success=then).failure(self._on_failed).run()

    def preview_copil(self) -> None:
        period = self.copil_period()
        if period is None:
            return
        start, end = period
        self._build(
            lambda session: build_copil_report(session, date_from=start, date_to=end),
            self._show_preview,
        )

    def _show_preview(self, pdf: object) -> None:
        assert isinstance(pdf, bytes)
        show_message(self.message_label, "")
        preview = PrintPreview(pdf, title=self.tr("Rapport COPIL"), parent=self.window())
        preview.destroyed.connect(self._forget_preview)
        self.preview = preview
        preview.open()

    def _forget_preview(self) -> None:
        self.preview = None

    def save_copil(self) -> None:
        period = self.copil_period()
        if period is None:
            return
        start, end = period
        path = PdfFileDialog.ask(self.window(), f"rapport-copil-{clock.today():%Y-%m-%d}.pdf")
        if path is None:
            return

        def build_and_write(session: Session) -> Path:
            pdf = build_copil_report(session, date_from=start, date_to=end)
            write_atomically(path, pdf, failpoint_prefix="copil")
            return path

        self._build(build_and_write, self._on_saved)

    def _on_saved(self, path: object) -> None:
        show_message(
            self.message_label,
            self.tr("Rapport enregistré dans {file}.").format(file=path),
            Tone.SUCCESS,
        )
