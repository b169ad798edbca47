"""Recording what happened to a referral: the partner's answer (reçue, acceptée, refusée with a
DORA refusal reason), the appointment's outcome (honorée, absent, excusé), a cancellation or a
closure. Only the transitions DESIGN.md §2 allows from the current status are offered (expiry is
the server's); the referral service checks them again when saving.

A small modal input dialog: `ReferralAnswerDialog.ask(parent, …)` returns the answer or None.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.domain.reference import reference_data
from mediateur.domain.values import now_utc
from mediateur.ui.fields import (
    combo_value,
    fill_codes,
    from_qdatetime,
    privacy_hint,
    style_hint,
    to_qdatetime,
)
from mediateur.ui.forms.ui_referral_answer_dialog import Ui_ReferralAnswerDialog
from mediateur.ui.widgets import Tone, show_message, style_title

REFUSED = "refusee"


@dataclass(frozen=True, slots=True)
class StatusAnswer:
    to_status: str
    at: datetime
    refusal_reason: str | None = None
    note: str | None = None


class ReferralAnswerDialog(QDialog):
    def __init__(
        self, parent: QWidget | None, *, number: str, status: str, choices: Sequence[str]
    ) -> None:
        super().__init__(parent)
        self.form = Ui_ReferralAnswerDialog()
        self.form.setupUi(self)
        form = self.form
        labels = reference_data()["referral_statuses"]
        form.title_label.setText(self.tr("Orientation {number}").format(number=number))
        style_title(form.title_label, scale=1.25)
        form.current_label.setText(
            self.tr("Statut actuel : {status}. Que s'est-il passé ?").format(
                status=labels.label(status)
            )
        )
        for slug in choices:
            form.status_combo.addItem(labels.label(slug), slug)
        fill_codes(form.refusal_combo, "refusal_reasons", empty=self.tr("— choisir le motif —"))
        form.at_edit.setDateTime(to_qdatetime(now_utc()))
        form.note_hint_label.setText(privacy_hint())
        style_hint(form.note_hint_label)
        for label in (form.refusal_message_label, form.at_message_label, form.note_message_label):
            show_message(label, "")
        form.status_combo.currentIndexChanged.connect(self._on_status_changed)
        form.save_button.clicked.connect(self._on_save_clicked)
        form.cancel_button.clicked.connect(self.reject)
        self._on_status_changed()
        self.setMinimumWidth(560)
        form.status_combo.setFocus(Qt.FocusReason.OtherFocusReason)

    @classmethod
    def ask(
        cls, parent: QWidget | None, *, number: str, status: str, choices: Sequence[str]
    ) -> StatusAnswer | None:
        dialog = cls(parent, number=number, status=status, choices=choices)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()

    def answer(self) -> StatusAnswer:
        form = self.form
        status = combo_value(form.status_combo)
        assert status is not None
        return StatusAnswer(
            to_status=status,
            at=from_qdatetime(form.at_edit.dateTime()),
            refusal_reason=combo_value(form.refusal_combo) if status == REFUSED else None,
            note=form.note_edit.text().strip() or None,
        )

    def _on_status_changed(self) -> None:
        refused = combo_value(self.form.status_combo) == REFUSED
        self.form.refusal_label.setVisible(refused)
        self.form.refusal_combo.setVisible(refused)
        show_message(self.form.refusal_message_label, "")

    def _on_save_clicked(self) -> None:
        form = self.form
        if combo_value(form.status_combo) == REFUSED and combo_value(form.refusal_combo) is None:
            show_message(
                form.refusal_message_label,
                self.tr("Indiquez le motif du refus donné par le partenaire."),
                Tone.ERROR,
            )
            form.refusal_combo.setFocus()
            return
        if from_qdatetime(form.at_edit.dateTime()) > now_utc():
            show_message(
                form.at_message_label,
                self.tr("La date ne peut pas être dans le futur."),
                Tone.ERROR,
            )
            form.at_edit.setFocus()
            return
        self.accept()
