"""The first-run screen: renders `FirstRunFlow` (profile name, passphrase twice with its strength
hint), creates the vault on the database lane, then shows the recovery code once.

`completed(vault)` is emitted once the user has said the code is noted; `back_requested` when
they return to the unlock screen (only offered when the home already has profiles).
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QLabel, QLineEdit, QWidget

from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.errors import EXPECTED_ERRORS, show_failure
from mediateur.ui.flows.first_run import CreatedProfile, FirstRunFlow
from mediateur.ui.flows.passphrase import FieldProblem, FlowError, Strength, strength_hint
from mediateur.ui.forms.ui_first_run import Ui_FirstRunForm
from mediateur.ui.tasks import BackgroundOp, Lane
from mediateur.ui.widgets import Tone, set_enabled, show_message, style_card, style_title


class FirstRunScreen(QWidget):
    completed = Signal(object)  # the open Vault
    back_requested = Signal()

    def __init__(
        self, flow: FirstRunFlow, *, can_go_back: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.flow = flow
        self.recovery_dialog: RecoveryCodeDialog | None = None
        self.form = Ui_FirstRunForm()
        self.form.setupUi(self)
        form = self.form
        style_title(form.title_label, scale=1.8)
        style_card(form.card)
        if flow.fixed_directory is not None:
            form.name_label.setText(self.tr("Dossier du profil"))
            form.name_edit.setMaxLength(32767)
            form.name_edit.setText(str(flow.fixed_directory))
            form.name_edit.setReadOnly(True)
        else:
            form.name_edit.setText(flow.suggested_name())
        form.back_button.setVisible(can_go_back)
        self._set_busy(False)
        for label in self._message_labels():
            show_message(label, "")
        self._on_passphrase_edited(form.passphrase_edit.text())
        form.passphrase_edit.textEdited.connect(self._on_passphrase_edited)
        form.name_edit.returnPressed.connect(form.passphrase_edit.setFocus)
        form.passphrase_edit.returnPressed.connect(form.confirmation_edit.setFocus)
        form.confirmation_edit.returnPressed.connect(self._on_create_clicked)
        form.create_button.clicked.connect(self._on_create_clicked)
        form.back_button.clicked.connect(self.back_requested)

    def focus_first_field(self) -> None:
        target = self.form.name_edit if self.flow.asks_name else self.form.passphrase_edit
        target.setFocus()
        target.selectAll()

    def _message_labels(self) -> list[QLabel]:
        form = self.form
        return [
            form.name_message_label,
            form.confirmation_message_label,
            form.error_label,
        ]

    def _field_widgets(self) -> dict[str, tuple[QLineEdit, QLabel]]:
        form = self.form
        return {
            "profile_name": (form.name_edit, form.name_message_label),
            "passphrase": (form.passphrase_edit, form.strength_label),
            "confirmation": (form.confirmation_edit, form.confirmation_message_label),
        }

    def _on_passphrase_edited(self, text: str) -> None:
        hint = strength_hint(text)
        tone = Tone.SUCCESS if hint.strength is Strength.STRONG else Tone.NEUTRAL
        if text and not hint.strength.acceptable:
            tone = Tone.ERROR
        show_message(self.form.strength_label, hint.message, tone)

    def _show_problems(self, problems: tuple[FieldProblem, ...]) -> None:
        fields = self._field_widgets()
        first: QLineEdit | None = None
        for problem in problems:
            edit, label = fields[problem.field]
            show_message(label, problem.message, Tone.ERROR)
            first = first or edit
        if first is not None:
            first.setFocus()
            first.selectAll()

    def _on_create_clicked(self) -> None:
        form = self.form
        for label in self._message_labels():
            show_message(label, "")
        self._on_passphrase_edited(form.passphrase_edit.text())
        try:
            job = self.flow.creation_job(
                name=form.name_edit.text(),
                passphrase=form.passphrase_edit.text(),
                confirmation=form.confirmation_edit.text(),
            )
        except FlowError as error:
            self._show_problems(error.problems)
            return
        self._set_busy(True)
        BackgroundOp(self, op=job, success=self._on_created).failure(
            self._on_create_failed
        ).on_lane(Lane.DATABASE).run()

    def _on_created(self, profile: CreatedProfile) -> None:
        self.flow.created(profile)
        self.form.passphrase_edit.clear()
        self.form.confirmation_edit.clear()
        show_message(self.form.error_label, self.tr("Profil créé."), Tone.SUCCESS)
        self.recovery_dialog = RecoveryCodeDialog(
            self.window(),
            code=self.flow.recovery_code,
            profile_name=self.flow.directory_for(self.form.name_edit.text()).name,
        )
        self.recovery_dialog.acknowledged.connect(self._on_code_noted)
        self.recovery_dialog.open()

    def _on_code_noted(self) -> None:
        self.recovery_dialog = None
        self.completed.emit(self.flow.code_noted())

    def _on_create_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, EXPECTED_ERRORS):
            show_message(self.form.error_label, str(error), Tone.ERROR)
            return
        show_failure(self, error)

    def _set_busy(self, busy: bool) -> None:
        form = self.form
        form.busy_bar.setVisible(busy)
        set_enabled(
            (
                form.name_edit,
                form.passphrase_edit,
                form.confirmation_edit,
                form.create_button,
                form.back_button,
            ),
            not busy,
        )
        if busy:
            show_message(
                form.error_label,
                self.tr("Création du profil chiffré… (quelques secondes)"),
            )
