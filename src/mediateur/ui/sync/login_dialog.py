"""The login dialog: link this profile to an account on the sync server (server address prefilled
from Paramètres, username, password), or give the password again when the session expired.

Window-modal and non-blocking (`open()`, then `connected` once the server accepted). The login
runs on the sync thread through the controller; a refusal is shown inside the dialog in French
and the password is asked again, the rest kept. The password never leaves the dialog but for the
login request, and is cleared once sent.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.domain.server_url import InvalidServerUrl, normalize_server_url
from mediateur.sync import errors
from mediateur.ui.forms.ui_login_dialog import Ui_LoginDialog
from mediateur.ui.sync.controller import SyncController
from mediateur.ui.widgets import Tone, set_enabled, show_message, style_title


class LoginDialog(QDialog):
    connected = Signal()

    def __init__(
        self,
        parent: QWidget | None,
        controller: SyncController,
        *,
        server_url: str | None,
        username: str | None,
        expired: bool = False,
    ) -> None:
        super().__init__(parent)
        self.controller = controller
        self.form = Ui_LoginDialog()
        self.form.setupUi(self)
        form = self.form
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setMinimumWidth(520)
        style_title(form.title_label, scale=1.25)
        if expired:
            explanation = self.tr(
                "Votre session sur le serveur a expiré : saisissez de nouveau votre mot de passe. "
                "Vos saisies en attente sont conservées et partiront ensuite."
            )
        else:
            explanation = self.tr(
                "Reliez ce profil à votre compte sur le serveur de la Cité de l'emploi : vos "
                "saisies y seront envoyées et vous recevrez celles de votre équipe. Identifiant "
                "et mot de passe vous sont donnés par votre responsable."
            )
        form.explanation_label.setText(explanation)
        form.server_edit.setText(server_url or "")
        form.username_edit.setText(username or "")
        form.busy_bar.setVisible(False)
        show_message(form.message_label, "")
        form.connect_button.clicked.connect(self.submit)
        form.cancel_button.clicked.connect(self.reject)
        for edit in (form.server_edit, form.username_edit):
            edit.returnPressed.connect(self.focusNextChild)
        form.password_edit.returnPressed.connect(self.submit)
        controller.logged_in.connect(self._on_logged_in)
        controller.login_failed.connect(self._on_login_failed)
        self._busy = False
        first_empty = next(
            (e for e in (form.server_edit, form.username_edit) if not e.text()), form.password_edit
        )
        first_empty.setFocus()

    @property
    def busy(self) -> bool:
        return self._busy

    def submit(self) -> None:
        if self._busy:
            return
        form = self.form
        try:
            url = normalize_server_url(form.server_edit.text())
        except InvalidServerUrl as error:
            self._refuse(str(error), form.server_edit)
            return
        username = form.username_edit.text().strip()
        if not username:
            self._refuse(self.tr("Saisissez votre identifiant."), form.username_edit)
            return
        password = form.password_edit.text()
        if not password:
            self._refuse(self.tr("Saisissez votre mot de passe."), form.password_edit)
            return
        form.server_edit.setText(url)
        if not self.controller.login(url, username, password):
            self._refuse(
                self.tr("Une synchronisation est en cours : réessayez dans un instant."),
                form.connect_button,
            )
            return
        form.password_edit.clear()
        self._set_busy(True)
        show_message(form.message_label, self.tr("Connexion en cours…"))

    def reject(self) -> None:
        if self._busy:
            self.controller.cancel()
        super().reject()

    def _on_logged_in(self, _response: object) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        self.connected.emit()
        self.accept()

    def _on_login_failed(self, error: Exception) -> None:
        if not self._busy:
            return
        self._set_busy(False)
        form = self.form
        if isinstance(error, errors.DeviceRevoked):
            message = self.tr(
                "Ce poste a été retiré du programme par votre responsable : il ne peut plus se "
                "connecter au serveur."
            )
            self._refuse(message, form.cancel_button)
        elif isinstance(error, errors.InvalidCredentials | errors.RateLimited):
            self._refuse(str(error), form.password_edit)
        elif isinstance(error, errors.NetworkError | errors.ServerUnavailable):
            self._refuse(str(error), form.server_edit)
        else:
            self._refuse(str(error), form.username_edit)

    def _refuse(self, message: str, focus: QWidget) -> None:
        show_message(self.form.message_label, message, Tone.ERROR)
        focus.setFocus()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        form = self.form
        form.busy_bar.setVisible(busy)
        set_enabled(
            (form.server_edit, form.username_edit, form.password_edit, form.connect_button),
            not busy,
        )
