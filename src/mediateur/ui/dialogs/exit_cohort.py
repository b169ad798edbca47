"""A person's exit from the cohort: the date and the reason (emploi durable, formation…), which
the indicators count. The file stays readable; an exit is recorded once.

Window-modal and non-blocking (`open()`; `saved` once written).
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.services import clock
from mediateur.services.beneficiaries import exit_cohort
from mediateur.services.errors import ValidationFailed
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import DateFormatError, FieldMessages, FieldSlot, combo_value, fill_codes
from mediateur.ui.forms.ui_exit_cohort_dialog import Ui_ExitCohortDialog
from mediateur.ui.tasks import WriteOp
from mediateur.ui.widgets import style_title


class ExitCohortDialog(QDialog):
    saved = Signal()

    def __init__(self, parent: QWidget | None, *, beneficiary_id: str, person_name: str) -> None:
        super().__init__(parent)
        self.beneficiary_id = beneficiary_id
        self._saving = False
        self.form = Ui_ExitCohortDialog()
        self.form.setupUi(self)
        form = self.form
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        style_title(form.title_label, scale=1.25)
        form.explanation_label.setText(
            self.tr(
                "{name} quitte la cohorte à cette date : sa fiche reste consultable et les "
                "indicateurs comptent la sortie avec son motif."
            ).format(name=person_name)
        )
        form.exit_date_edit.set_day(clock.today())
        fill_codes(form.exit_reason_combo, "exit_reasons", empty=self.tr("Choisir un motif…"))
        self.messages = FieldMessages(
            {
                "exit_date": FieldSlot(form.exit_date_message_label, form.exit_date_edit),
                "exit_reason": FieldSlot(form.exit_reason_message_label, form.exit_reason_combo),
            },
            fallback=form.message_label,
        )
        form.save_button.clicked.connect(self.save)
        form.cancel_button.clicked.connect(self.reject)
        self.setMinimumWidth(520)
        form.exit_reason_combo.setFocus()

    def save(self) -> None:
        if self._saving:
            return
        form = self.form
        try:
            day = form.exit_date_edit.day()
        except DateFormatError as error:
            self.messages.show({"exit_date": str(error)})
            form.exit_date_edit.setFocus()
            return
        reason = combo_value(form.exit_reason_combo)
        beneficiary_id = self.beneficiary_id
        self._saving = True
        form.save_button.setEnabled(False)
        WriteOp(
            self,
            op=lambda uow: exit_cohort(
                uow=uow, beneficiary_id=beneficiary_id, exit_date=day, exit_reason=reason
            ),
            success=self._on_saved,
        ).failure(self._on_failed).run()

    def _on_saved(self, _result: None) -> None:
        self._saving = False
        self.saved.emit()
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
