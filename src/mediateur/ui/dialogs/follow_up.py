"""A new follow-up of a cohort member (entretien, appel, atelier…), with an optional next step
that the À faire list brings back on its date. Follow-ups are append-only: this dialog only adds.

Window-modal and non-blocking (`open()`; `saved` carries the new id). Every invalid field shows
its message beside it and nothing is written until all are valid.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.domain.values import now_utc
from mediateur.services.errors import ValidationFailed
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import (
    DateFormatError,
    FieldMessages,
    FieldSlot,
    combo_value,
    fill_codes,
    from_qdatetime,
    privacy_hint,
    style_hint,
    to_qdatetime,
)
from mediateur.ui.forms.ui_follow_up_dialog import Ui_FollowUpDialog
from mediateur.ui.tasks import WriteOp
from mediateur.ui.widgets import style_title


class FollowUpDialog(QDialog):
    saved = Signal(str)  # follow-up id

    def __init__(self, parent: QWidget | None, *, beneficiary_id: str, person_name: str) -> None:
        super().__init__(parent)
        self.beneficiary_id = beneficiary_id
        self._saving = False
        self.form = Ui_FollowUpDialog()
        self.form.setupUi(self)
        form = self.form
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        form.title_label.setText(self.tr("Nouveau suivi de {name}").format(name=person_name))
        style_title(form.title_label, scale=1.25)
        form.occurred_at_edit.setDateTime(to_qdatetime(now_utc()))
        fill_codes(form.kind_combo, "follow_up_kinds")
        form.summary_hint_label.setText(privacy_hint())
        style_hint(form.summary_hint_label)
        style_hint(form.next_help_label)
        self.messages = FieldMessages(
            {
                "occurred_at": FieldSlot(form.occurred_at_message_label, form.occurred_at_edit),
                "kind": FieldSlot(form.kind_message_label, form.kind_combo),
                "summary": FieldSlot(form.summary_message_label, form.summary_edit),
                "next_step": FieldSlot(form.next_step_message_label, form.next_step_edit),
                "next_date": FieldSlot(form.next_date_message_label, form.next_date_edit),
            },
            fallback=form.message_label,
        )
        form.save_button.clicked.connect(self.save)
        form.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(620)
        form.kind_combo.setFocus()

    def follow_up_input(self) -> FollowUpInput | None:
        """The follow-up typed, or None after showing why the next date cannot be read."""
        form = self.form
        try:
            next_date = form.next_date_edit.day()
        except DateFormatError as error:
            self.messages.show({"next_date": str(error)})
            form.next_date_edit.setFocus()
            return None
        return FollowUpInput(
            beneficiary_id=self.beneficiary_id,
            occurred_at=from_qdatetime(form.occurred_at_edit.dateTime()),
            kind=combo_value(form.kind_combo),
            summary=form.summary_edit.toPlainText() or None,
            next_step=form.next_step_edit.text() or None,
            next_date=next_date,
        )

    def save(self) -> None:
        if self._saving:
            return
        data = self.follow_up_input()
        if data is None:
            return
        self._saving = True
        self.form.save_button.setEnabled(False)
        WriteOp(
            self, op=lambda uow: record_follow_up(uow=uow, data=data), success=self._on_saved
        ).failure(self._on_failed).run()

    def _on_saved(self, follow_up_id: str) -> None:
        self._saving = False
        self.saved.emit(follow_up_id)
        self.accept()

    def _on_failed(self, error: Exception) -> None:
        self._saving = False
        self.form.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            messages = error.messages()
            self.messages.show(messages)
            self.messages.focus_first(messages)
            return
        show_failure(self, error)
