"""Marking contacts `a_corriger`: the comment the mediator will read on the contact after the next
sync, asked in a small modal dialog (`ReviewCommentDialog.ask(parent, …)` returns the comment or
None). The review service checks it again (length, no social security number) when saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.domain.dictionary import entity
from mediateur.domain.nir import NIR_MESSAGE, contains_nir
from mediateur.ui.fields import privacy_hint, style_hint
from mediateur.ui.forms.ui_review_comment_dialog import Ui_ReviewCommentDialog
from mediateur.ui.widgets import Tone, show_message, style_title

MAX_LENGTH = entity("contact").field("review_comment").max_length or 500


class ReviewCommentDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, count: int, comment: str | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_ReviewCommentDialog()
        self.form.setupUi(self)
        form = self.form
        style_title(form.title_label, scale=1.25)
        if count == 1:
            summary = self.tr(
                "La médiatrice verra ce commentaire sur son contact après la prochaine "
                "synchronisation, et pourra le corriger."
            )
        else:
            summary = self.tr(
                "Les {count} contacts sélectionnés recevront ce commentaire ; chaque médiatrice "
                "le verra sur ses contacts après la prochaine synchronisation."
            ).format(count=count)
        form.summary_label.setText(summary)
        form.hint_label.setText(privacy_hint())
        style_hint(form.hint_label)
        form.comment_edit.setPlainText(comment or "")
        form.comment_edit.setMinimumHeight(form.comment_edit.fontMetrics().lineSpacing() * 4 + 12)
        show_message(form.message_label, "")
        form.comment_edit.textChanged.connect(self._on_text_changed)
        form.save_button.clicked.connect(self._on_save_clicked)
        form.cancel_button.clicked.connect(self.reject)
        self._on_text_changed()
        self.setMinimumWidth(520)
        form.comment_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(cls, parent: QWidget | None, *, count: int, comment: str | None = None) -> str | None:
        dialog = cls(parent, count=count, comment=comment)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.comment()
        finally:
            dialog.deleteLater()

    def comment(self) -> str:
        return self.form.comment_edit.toPlainText().strip()

    def _on_text_changed(self) -> None:
        length = len(self.comment())
        self.form.count_label.setText(
            self.tr("{length} / {limit} caractères").format(length=length, limit=MAX_LENGTH)
        )
        self.form.count_label.setStyleSheet(Tone.ERROR.value if length > MAX_LENGTH else "")

    def _on_save_clicked(self) -> None:
        text = self.comment()
        if not text:
            problem = self.tr("Dites à la médiatrice ce qu'il faut corriger.")
        elif len(text) > MAX_LENGTH:
            problem = self.tr("{limit} caractères au plus : raccourcissez le commentaire.").format(
                limit=MAX_LENGTH
            )
        elif contains_nir(text):
            problem = NIR_MESSAGE
        else:
            self.accept()
            return
        show_message(self.form.message_label, problem, Tone.ERROR)
        self.form.comment_edit.setFocus()
