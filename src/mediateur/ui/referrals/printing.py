"""Printing referral slips from the app: the real PDF, rendered by the slip renderer on the
database lane, shown in Qt's print preview and sent to the printer through QtPdf, or saved as a
PDF file where the user chooses; the print is then recorded (who, when; a draft becomes
`emise`).

The PDF never touches the disk on its way to the printer: QtPdf reads it from a `QBuffer` in
memory and each page is drawn into the `QPrinter` as an image (300 dpi on paper, 150 dpi in the
preview). A print counts
once it happened: the preview dialog accepted with a printer, or with a file name when Qt prints
to a PDF file (a machine without printers), or the PDF file written.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QCoreApplication,
    QDir,
    QIODevice,
    QObject,
    QRectF,
    QSize,
    QStandardPaths,
    Qt,
    Signal,
)
from PySide6.QtGui import QPageLayout, QPageSize, QPaintEngine, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from PySide6.QtWidgets import QDialog, QFileDialog, QWidget

from mediateur.services.context import current_context
from mediateur.services.errors import ServiceError
from mediateur.services.slips import record_slips_printed, render_referral_slips
from mediateur.slips import load_branding
from mediateur.ui.context import AppContext
from mediateur.ui.tasks import QueryOp, WriteOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork

MAX_RENDER_DPI = 300
PREVIEW_DPI = 150
POINTS_PER_INCH = 72


def render_slips_pdf(session: Session, *, referral_ids: Sequence[str], install_id: str) -> bytes:
    """The PDF of the slips of `referral_ids` (runs on the database lane)."""
    return render_referral_slips(
        session,
        referral_ids=referral_ids,
        context=current_context(session, install_id),
        branding=load_branding(),
    )


def record_printed(uow: UnitOfWork, referral_ids: Sequence[str]) -> None:
    context = current_context(uow.session, uow.install_id)
    record_slips_printed(uow=uow, referral_ids=referral_ids, context=context)


def save_slips_pdf(uow: UnitOfWork, *, referral_ids: Sequence[str], path: Path) -> Path:
    """Render, write the file, and record the print, in one unit of work: a file that could
    not be written records nothing."""
    pdf = render_slips_pdf(uow.session, referral_ids=referral_ids, install_id=uow.install_id)
    try:
        path.write_bytes(pdf)
    except OSError as exc:
        raise ServiceError(
            f"Impossible d'enregistrer {path.name} dans {path.parent} ({exc.strerror}) : "
            "choisissez un autre dossier."
        ) from None
    record_printed(uow, referral_ids)
    return path


def open_pdf(pdf: bytes, parent: QObject) -> QPdfDocument:
    """A QtPdf document read from memory (the buffer belongs to the document)."""
    document = QPdfDocument(parent)
    buffer = QBuffer(document)
    buffer.setData(QByteArray(pdf))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    document.load(buffer)
    if document.status() != QPdfDocument.Status.Ready:
        raise RuntimeError(f"QtPdf could not read the slips ({document.error().name})")
    return document


def page_dpi(printer: QPrinter) -> int:
    """How finely to rasterise a page: for the paper, up to 300 dpi; for the preview (Qt paints
    it into a picture engine) 150 dpi, sharp on screen and four times quicker to build."""
    if printer.paintEngine().type() == QPaintEngine.Type.Picture:
        return PREVIEW_DPI
    return min(printer.resolution(), MAX_RENDER_DPI)


def paint_document(printer: QPrinter, document: QPdfDocument) -> None:
    """Every page of `document` drawn on the whole sheet (the PDF has its own margins)."""
    painter = QPainter()
    if not painter.begin(printer):
        return
    # The preview draws the pages scaled down: smooth scaling keeps the small print legible.
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    try:
        for page in range(document.pageCount()):
            if page:
                printer.newPage()
            sheet = QRectF(printer.paperRect(QPrinter.Unit.DevicePixel))
            dpi = page_dpi(printer)
            points = document.pagePointSize(page)
            size = QSize(
                round(points.width() * dpi / POINTS_PER_INCH),
                round(points.height() * dpi / POINTS_PER_INCH),
            )
            painter.drawImage(sheet, document.render(page, size))
    finally:
        painter.end()


def a4_printer() -> QPrinter:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setFullPage(True)
    printer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    printer.setPageOrientation(QPageLayout.Orientation.Portrait)
    return printer


class PdfFileDialog:
    """Where to save a PDF: the one small modal question of the save path."""

    @classmethod
    def ask(cls, parent: QWidget | None, suggested_name: str) -> Path | None:
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = QDir(folder or QDir.homePath()).filePath(suggested_name)
        chosen, _ = QFileDialog.getSaveFileName(
            parent,
            QCoreApplication.translate("PdfFileDialog", "Enregistrer en PDF"),
            start,
            QCoreApplication.translate("PdfFileDialog", "Document PDF (*.pdf)"),
        )
        if not chosen:
            return None
        path = Path(chosen)
        return path if path.suffix.lower() == ".pdf" else path.with_name(path.name + ".pdf")


class PrintPreview(QObject):
    """The print preview of one PDF; `printed` once the user really printed."""

    printed = Signal()

    def __init__(self, pdf: bytes, *, title: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.document = open_pdf(pdf, self)
        self.printer = a4_printer()
        self.printer.setDocName(title)
        self.dialog = QPrintPreviewDialog(self.printer, parent)
        self.dialog.setWindowTitle(title)
        self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.dialog.resize(900, 760)
        self.dialog.paintRequested.connect(self._on_paint_requested)
        self.dialog.finished.connect(self._on_finished)

    @property
    def page_count(self) -> int:
        """Pages the preview shows (what the user sees before printing)."""
        widget = self.dialog.findChild(QPrintPreviewWidget)
        return widget.pageCount() if widget is not None else 0

    def open(self) -> None:
        self.dialog.open()

    def _on_paint_requested(self, printer: QPrinter) -> None:
        paint_document(printer, self.document)

    def _on_finished(self, result: int) -> None:
        to_file = self.printer.outputFormat() == QPrinter.OutputFormat.PdfFormat
        done = result == QDialog.DialogCode.Accepted and (
            not to_file or bool(self.printer.outputFileName())
        )
        self.dialog.deleteLater()
        self.deleteLater()
        if done:
            self.printed.emit()


class SlipPrinter(QObject):
    """Prints (preview, then printer) or saves the slips of some referrals, and records it.

    `printed(ids, path)` follows a recorded print (`path` is the PDF written, or None after a
    printer); `preview_shown` gives tests and callers the open preview."""

    printed = Signal(object, object)  # tuple[str, ...], Path | None
    preview_shown = Signal(object)  # PrintPreview

    def __init__(self, context: AppContext, parent: QWidget) -> None:
        super().__init__(parent)
        self.context = context
        self._widget = parent
        self.preview: PrintPreview | None = None

    def print_with_preview(self, referral_ids: Sequence[str], *, title: str) -> None:
        ids = tuple(referral_ids)
        install_id = self.context.vault.install_id
        QueryOp(
            self._widget,
            op=lambda session: render_slips_pdf(session, referral_ids=ids, install_id=install_id),
            success=lambda pdf: self._show_preview(ids, pdf, title),
        ).run()

    def _show_preview(self, ids: tuple[str, ...], pdf: bytes, title: str) -> None:
        preview = PrintPreview(pdf, title=title, parent=self._widget)
        preview.printed.connect(lambda: self._record(ids))
        preview.destroyed.connect(self._forget_preview)
        self.preview = preview
        preview.open()
        self.preview_shown.emit(preview)

    def _forget_preview(self) -> None:
        self.preview = None

    def _record(self, ids: tuple[str, ...]) -> None:
        WriteOp(
            self._widget,
            op=lambda uow: record_printed(uow, ids),
            success=lambda _result: self.printed.emit(ids, None),
        ).run()

    def save_as_pdf(
        self,
        referral_ids: Sequence[str],
        *,
        suggested_name: str,
        failed: Callable[[Exception], object] | None = None,
    ) -> bool:
        """Ask where, then write and record; False when the user chose no file."""
        path = PdfFileDialog.ask(self._widget, suggested_name)
        if path is None:
            return False
        ids = tuple(referral_ids)
        op = WriteOp(
            self._widget,
            op=lambda uow: save_slips_pdf(uow, referral_ids=ids, path=path),
            success=lambda written: self.printed.emit(ids, written),
        )
        if failed is not None:
            op.failure(failed)
        op.run()
        return True
