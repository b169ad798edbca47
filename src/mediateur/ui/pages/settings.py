"""The Paramètres page: idle-lock delay, passphrase change, a new recovery code, the sync server's
address, the integrity check, and where the profile lives.

Every vault call runs in an op (key derivation on the database lane, the integrity check on the
pool); the server address is stored in the vault's `sync_meta`, never in Qt settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QWidget

from mediateur import __version__
from mediateur.domain.server_url import InvalidServerUrl, normalize_server_url
from mediateur.store.errors import VaultError
from mediateur.ui.context import AppContext, IntegrityResult
from mediateur.ui.dialogs.recovery_code import RecoveryCodeDialog
from mediateur.ui.errors import ask_user, show_failure
from mediateur.ui.flows.passphrase import Strength, new_passphrase_problems, strength_hint
from mediateur.ui.forms.ui_settings_page import Ui_SettingsForm
from mediateur.ui.pages.base import Page
from mediateur.ui.tasks import QueryOp, VaultOp, WriteOp
from mediateur.ui.widgets import Tone, describe_moment, set_enabled, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork


# The sync modules are imported by the functions that run on the worker, not at start-up.


def read_server_url(session: Session) -> str | None:
    from mediateur.sync import local_state

    return local_state.get(session, local_state.SERVER_URL)


def store_server_url(uow: UnitOfWork, url: str) -> None:
    from mediateur.sync import local_state

    local_state.put(uow.session, local_state.SERVER_URL, url)


class SettingsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.recovery_dialog: RecoveryCodeDialog | None = None
        self.form = Ui_SettingsForm()
        self.form.setupUi(self)
        form = self.form
        style_title(form.title_label)
        form.version_label.setText(__version__)
        form.change_busy_bar.setVisible(False)
        form.check_busy_bar.setVisible(False)
        for label in self._message_labels():
            show_message(label, "")
        form.idle_spin.valueChanged.connect(self._on_idle_spin_changed)
        form.lock_now_button.clicked.connect(context.request_lock)
        form.new_edit.textEdited.connect(self._on_new_passphrase_edited)
        form.current_edit.returnPressed.connect(form.new_edit.setFocus)
        form.new_edit.returnPressed.connect(form.confirmation_edit.setFocus)
        form.confirmation_edit.returnPressed.connect(self._on_change_clicked)
        form.change_button.clicked.connect(self._on_change_clicked)
        form.regenerate_button.clicked.connect(self._on_regenerate_clicked)
        form.server_edit.returnPressed.connect(self._on_save_server_clicked)
        form.save_server_button.clicked.connect(self._on_save_server_clicked)
        form.check_button.clicked.connect(context.check_integrity)
        context.integrity_check_started.connect(self._on_integrity_started)
        context.integrity_checked.connect(self._on_integrity_checked)

    def _message_labels(self) -> tuple[QLabel, ...]:
        form = self.form
        return (
            form.strength_label,
            form.passphrase_message_label,
            form.recovery_message_label,
            form.server_message_label,
        )

    def load(self) -> None:
        form = self.form
        context = self.context
        form.idle_spin.blockSignals(True)
        form.idle_spin.setValue(context.idle_lock_minutes)
        form.idle_spin.blockSignals(False)
        form.profile_name_label.setText(context.profile_name)
        form.profile_path_label.setText(str(context.profile_dir or ""))
        if context.integrity_check_running:
            self._on_integrity_started()
        else:
            self._render_integrity(context.last_integrity)
        QueryOp(
            self,
            op=read_server_url,
            success=self._show_server,
        ).run()

    def drop_data(self) -> None:
        form = self.form
        for edit in (form.current_edit, form.new_edit, form.confirmation_edit, form.server_edit):
            edit.clear()
        for label in self._message_labels():
            show_message(label, "")
        form.change_busy_bar.setVisible(False)
        self._set_passphrase_busy(False)

    def _on_idle_spin_changed(self, minutes: int) -> None:
        self.context.set_idle_lock_minutes(minutes)

    def _on_new_passphrase_edited(self, text: str) -> None:
        hint = strength_hint(text)
        tone = Tone.SUCCESS if hint.strength is Strength.STRONG else Tone.NEUTRAL
        if text and not hint.strength.acceptable:
            tone = Tone.ERROR
        show_message(self.form.strength_label, hint.message, tone)

    def _on_change_clicked(self) -> None:
        form = self.form
        old, new, confirmation = (
            form.current_edit.text(),
            form.new_edit.text(),
            form.confirmation_edit.text(),
        )
        if not old:
            show_message(
                form.passphrase_message_label,
                self.tr("Saisissez votre phrase de passe actuelle."),
                Tone.ERROR,
            )
            form.current_edit.setFocus()
            return
        problems = new_passphrase_problems(new, confirmation)
        if problems:
            show_message(form.passphrase_message_label, problems[0].message, Tone.ERROR)
            target = (
                form.confirmation_edit if problems[0].field == "confirmation" else form.new_edit
            )
            target.setFocus()
            target.selectAll()
            return
        self._set_passphrase_busy(True)
        show_message(
            form.passphrase_message_label, self.tr("Changement de la phrase de passe en cours…")
        )
        VaultOp(
            self,
            op=lambda vault: vault.change_passphrase(old, new),
            success=self._on_passphrase_changed,
        ).failure(self._on_change_failed).run()

    def _on_passphrase_changed(self, _result: None) -> None:
        form = self.form
        self._set_passphrase_busy(False)
        for edit in (form.current_edit, form.new_edit, form.confirmation_edit):
            edit.clear()
        show_message(form.strength_label, "")
        show_message(
            form.passphrase_message_label,
            self.tr("Phrase de passe changée : utilisez la nouvelle au prochain déverrouillage."),
            Tone.SUCCESS,
        )

    def _on_change_failed(self, error: Exception) -> None:
        self._set_passphrase_busy(False)
        if not isinstance(error, VaultError):
            show_message(self.form.passphrase_message_label, "")
            show_failure(self, error)
            return
        show_message(self.form.passphrase_message_label, str(error), Tone.ERROR)
        self.form.current_edit.setFocus()
        self.form.current_edit.selectAll()

    def _set_passphrase_busy(self, busy: bool) -> None:
        form = self.form
        form.change_busy_bar.setVisible(busy)
        set_enabled(
            (form.current_edit, form.new_edit, form.confirmation_edit, form.change_button),
            not busy,
        )

    def _on_regenerate_clicked(self) -> None:
        ask_user(
            self,
            self.tr(
                "Générer un nouveau code de récupération ? L'ancien cessera aussitôt de "
                "fonctionner, et le nouveau ne sera affiché qu'une fois."
            ),
            self._regenerate,
            yes_label=self.tr("Générer un nouveau code"),
        )

    def _regenerate(self) -> None:
        self.form.regenerate_button.setEnabled(False)
        show_message(self.form.recovery_message_label, self.tr("Génération en cours…"))
        VaultOp(
            self, op=lambda vault: vault.regenerate_recovery_code(), success=self._on_regenerated
        ).failure(self._on_regenerate_failed).run()

    def _on_regenerated(self, code: str) -> None:
        self.form.regenerate_button.setEnabled(True)
        show_message(self.form.recovery_message_label, "")
        dialog = RecoveryCodeDialog(
            self.window(), code=code, profile_name=self.context.profile_name
        )
        dialog.acknowledged.connect(self._on_new_code_noted)
        dialog.finished.connect(self._on_recovery_dialog_finished)
        self.recovery_dialog = dialog
        dialog.open()

    def _on_recovery_dialog_finished(self, _result: int) -> None:
        self.recovery_dialog = None

    def _on_new_code_noted(self) -> None:
        show_message(
            self.form.recovery_message_label,
            self.tr("Nouveau code en service ; l'ancien ne fonctionne plus."),
            Tone.SUCCESS,
        )

    def _on_regenerate_failed(self, error: Exception) -> None:
        self.form.regenerate_button.setEnabled(True)
        show_message(self.form.recovery_message_label, "")
        show_failure(self, error)

    def _show_server(self, url: str | None) -> None:
        self.form.server_edit.setText(url or "")

    def _on_save_server_clicked(self) -> None:
        try:
            url = normalize_server_url(self.form.server_edit.text())
        except InvalidServerUrl as error:
            show_message(self.form.server_message_label, str(error), Tone.ERROR)
            self.form.server_edit.setFocus()
            return
        WriteOp(
            self,
            op=lambda uow: store_server_url(uow, url),
            success=lambda _result: self._on_server_saved(url),
        ).run()

    def _on_server_saved(self, url: str) -> None:
        self.form.server_edit.setText(url)
        show_message(
            self.form.server_message_label,
            self.tr("Adresse enregistrée dans le profil."),
            Tone.SUCCESS,
        )

    def _on_integrity_started(self) -> None:
        self.form.check_busy_bar.setVisible(True)
        self.form.check_button.setEnabled(False)
        show_message(self.form.integrity_label, self.tr("Contrôle en cours…"))

    def _on_integrity_checked(self, result: IntegrityResult) -> None:
        self._render_integrity(result)

    def _render_integrity(self, result: IntegrityResult | None) -> None:
        form = self.form
        form.check_busy_bar.setVisible(False)
        form.check_button.setEnabled(True)
        if result is None:
            show_message(
                form.integrity_label,
                self.tr("Le contrôle automatique suit chaque déverrouillage."),
            )
            return
        when = describe_moment(result.checked_at)
        if result.sound:
            show_message(
                form.integrity_label,
                self.tr("Dernier contrôle {when} : aucun problème détecté.").format(when=when),
                Tone.SUCCESS,
            )
            return
        details = "\n".join(f"• {problem}" for problem in result.problems[:10])
        show_message(
            form.integrity_label,
            self.tr(
                "Dernier contrôle {when} : la base est altérée. Restaurez une sauvegarde du "
                "profil et prévenez votre responsable.\n{details}"
            ).format(when=when, details=details),
            Tone.ERROR,
        )
