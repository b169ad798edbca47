"""The unlock screen: renders `UnlockFlow` for the chosen profile.

The key derivation runs on the database lane behind a busy bar; a wrong secret shows the vault's
French message, and after repeated failures a countdown keeps the buttons disabled until the
profile's throttle allows a new attempt. A recovery-code unlock continues on the new-passphrase
page; `unlocked(vault)` is emitted only when the vault is ready for work.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import QWidget

from mediateur.store.errors import VaultError
from mediateur.ui.errors import show_failure
from mediateur.ui.flows.passphrase import FlowError, Strength, strength_hint
from mediateur.ui.flows.unlock import UnlockFlow, UnlockMode, UnlockThrottle, wait_message
from mediateur.ui.forms.ui_unlock import Ui_UnlockForm
from mediateur.ui.tasks import BackgroundOp, Lane
from mediateur.ui.widgets import (
    Tone,
    align_form_labels,
    set_enabled,
    show_message,
    style_card,
    style_link_button,
    style_title,
)

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

COUNTDOWN_TICK_MS = 250


class UnlockScreen(QWidget):
    unlocked = Signal(object)  # the open Vault
    new_profile_requested = Signal()

    def __init__(
        self,
        *,
        throttles: dict[Path, UnlockThrottle] | None = None,
        clock: Callable[[], float] = time.monotonic,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._throttles = throttles if throttles is not None else {}
        self._clock = clock
        self._profiles: list[Path] = []
        self._fixed = False
        self.flow: UnlockFlow | None = None
        self._busy = False
        self._error = ""
        self._countdown = QTimer(self)
        self._countdown.setInterval(COUNTDOWN_TICK_MS)
        self._countdown.timeout.connect(self._on_countdown_tick)
        self.form = Ui_UnlockForm()
        self.form.setupUi(self)
        form = self.form
        style_title(form.title_label, scale=1.8)
        style_card(form.card)
        form.busy_bar.setVisible(False)
        show_message(form.message_label, "")
        align_form_labels(
            (
                form.profile_label,
                form.passphrase_label,
                form.code_label,
                form.new_passphrase_label,
                form.new_confirmation_label,
            )
        )
        for button in (form.use_recovery_button, form.use_passphrase_button):
            style_link_button(button)
        form.profile_combo.currentIndexChanged.connect(self._on_profile_changed)
        form.passphrase_edit.returnPressed.connect(self._on_unlock_clicked)
        form.unlock_button.clicked.connect(self._on_unlock_clicked)
        form.use_recovery_button.clicked.connect(self._on_use_recovery_clicked)
        form.code_edit.returnPressed.connect(self._on_unlock_clicked)
        form.recovery_unlock_button.clicked.connect(self._on_unlock_clicked)
        form.use_passphrase_button.clicked.connect(self._on_use_passphrase_clicked)
        form.new_passphrase_edit.textEdited.connect(self._on_new_passphrase_edited)
        form.new_passphrase_edit.returnPressed.connect(form.new_confirmation_edit.setFocus)
        form.new_confirmation_edit.returnPressed.connect(self._on_set_passphrase_clicked)
        form.set_passphrase_button.clicked.connect(self._on_set_passphrase_clicked)
        form.abandon_button.clicked.connect(self._on_abandon_clicked)
        form.new_profile_button.clicked.connect(self.new_profile_requested)

    def show_profiles(self, profiles: list[Path], *, selected: Path | None, fixed: bool) -> None:
        """List the profiles to choose from; `fixed` keeps the choice to `selected` (a lock,
        or `--profile`)."""
        self._profiles = list(profiles)
        self._fixed = fixed
        combo = self.form.profile_combo
        combo.blockSignals(True)
        combo.clear()
        for path in self._profiles:
            combo.addItem(path.name, str(path))
            combo.setItemData(combo.count() - 1, str(path), Qt.ItemDataRole.ToolTipRole)
        index = self._profiles.index(selected) if selected in self._profiles else 0
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self.form.new_profile_button.setVisible(not fixed)
        self._on_profile_changed(index)

    @property
    def selected_profile(self) -> Path | None:
        index = self.form.profile_combo.currentIndex()
        return self._profiles[index] if 0 <= index < len(self._profiles) else None

    def focus_first_field(self) -> None:
        if self.flow is None:
            return
        target = {
            UnlockMode.PASSPHRASE: self.form.passphrase_edit,
            UnlockMode.RECOVERY_CODE: self.form.code_edit,
            UnlockMode.NEW_PASSPHRASE: self.form.new_passphrase_edit,
        }.get(self.flow.mode, self.form.passphrase_edit)
        target.setFocus()

    def _on_profile_changed(self, _index: int) -> None:
        profile = self.selected_profile
        if self.flow is not None and self.flow.mode is UnlockMode.NEW_PASSPHRASE:
            return
        if profile is None:
            self.flow = None
            return
        throttle = self._throttles.setdefault(profile, UnlockThrottle())
        self.flow = UnlockFlow(profile, throttle)
        self._clear_secrets()
        self._error = ""
        self._render()
        self.focus_first_field()

    def _on_use_recovery_clicked(self) -> None:
        if self.flow is not None:
            self.flow.use_recovery_code()
            self._error = ""
            self._render()
            self.focus_first_field()

    def _on_use_passphrase_clicked(self) -> None:
        if self.flow is not None:
            self.flow.use_passphrase()
            self._error = ""
            self._render()
            self.focus_first_field()

    def _on_unlock_clicked(self) -> None:
        flow = self.flow
        if flow is None or self._busy:
            return
        if flow.throttle.remaining(self._clock()) > 0:
            self._render()
            return
        edit = (
            self.form.passphrase_edit if flow.mode is UnlockMode.PASSPHRASE else self.form.code_edit
        )
        try:
            job = flow.unlock_job(edit.text(), now=self._clock())
        except FlowError as error:
            self._error = str(error)
            self._render()
            return
        self._error = ""
        self._set_busy(True, self.tr("Déverrouillage en cours…"))
        BackgroundOp(self, op=job, success=self._on_unlock_done).failure(
            self._on_unlock_failed
        ).on_lane(Lane.DATABASE).run()

    def _on_unlock_done(self, vault: Vault) -> None:
        self._set_busy(False)
        self._clear_secrets()
        flow = self.flow
        if flow is None:
            vault.lock()
            return
        flow.unlocked(vault)
        if flow.mode is UnlockMode.DONE:
            self.unlocked.emit(vault)
            return
        self._render()
        self.focus_first_field()

    def _on_unlock_failed(self, error: Exception) -> None:
        self._set_busy(False)
        flow = self.flow
        if not isinstance(error, VaultError) or flow is None:
            self._render()
            show_failure(self, error)
            return
        flow.failed(error, now=self._clock())
        self._error = str(error)
        self._render()
        edit = (
            self.form.passphrase_edit if flow.mode is UnlockMode.PASSPHRASE else self.form.code_edit
        )
        edit.setFocus()
        edit.selectAll()

    def _on_new_passphrase_edited(self, text: str) -> None:
        hint = strength_hint(text)
        tone = Tone.SUCCESS if hint.strength is Strength.STRONG else Tone.NEUTRAL
        if text and not hint.strength.acceptable:
            tone = Tone.ERROR
        show_message(self.form.strength_label, hint.message, tone)

    def _on_set_passphrase_clicked(self) -> None:
        flow = self.flow
        if flow is None or self._busy or flow.mode is not UnlockMode.NEW_PASSPHRASE:
            return
        try:
            job = flow.new_passphrase_job(
                self.form.new_passphrase_edit.text(), self.form.new_confirmation_edit.text()
            )
        except FlowError as error:
            self._error = str(error)
            self._render()
            return
        self._error = ""
        self._set_busy(True, self.tr("Enregistrement de la nouvelle phrase de passe…"))
        BackgroundOp(self, op=job, success=self._on_passphrase_set).failure(
            self._on_set_passphrase_failed
        ).on_lane(Lane.DATABASE).run()

    def _on_passphrase_set(self, _result: None) -> None:
        self._set_busy(False)
        self._clear_secrets()
        flow = self.flow
        if flow is None:
            return
        flow.passphrase_set()
        self.unlocked.emit(flow.vault)

    def _on_set_passphrase_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if not isinstance(error, VaultError):
            self._render()
            show_failure(self, error)
            return
        self._error = str(error)
        self._render()

    def _on_abandon_clicked(self) -> None:
        flow = self.flow
        if flow is None or self._busy:
            return
        vault = flow.abandon()
        if vault is not None:
            BackgroundOp(self, op=vault.lock).on_lane(Lane.DATABASE).run()
        self._clear_secrets()
        self._error = ""
        self._render()
        self.focus_first_field()

    def _on_countdown_tick(self) -> None:
        self._render()

    def _clear_secrets(self) -> None:
        form = self.form
        for edit in (
            form.passphrase_edit,
            form.code_edit,
            form.new_passphrase_edit,
            form.new_confirmation_edit,
        ):
            edit.clear()
        show_message(form.strength_label, strength_hint("").message)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self._busy = busy
        self.form.busy_bar.setVisible(busy)
        if busy:
            show_message(self.form.message_label, text)
        self._render()

    def _render(self) -> None:
        """Bring the widgets in line with the flow, the busy state and the throttle."""
        form = self.form
        flow = self.flow
        mode = flow.mode if flow is not None else UnlockMode.PASSPHRASE
        pages = {
            UnlockMode.PASSPHRASE: form.passphrase_page,
            UnlockMode.RECOVERY_CODE: form.recovery_page,
            UnlockMode.NEW_PASSPHRASE: form.new_passphrase_page,
        }
        current = pages.get(mode, form.passphrase_page)
        for page in pages.values():
            page.setVisible(page is current)
        wait = flow.throttle.remaining(self._clock()) if flow is not None else 0.0
        if wait > 0 and not self._countdown.isActive():
            self._countdown.start()
        elif wait <= 0:
            self._countdown.stop()
        waiting = wait > 0
        set_enabled(
            (form.passphrase_edit, form.code_edit, form.use_recovery_button),
            not self._busy and flow is not None,
        )
        set_enabled(
            (form.unlock_button, form.recovery_unlock_button),
            not self._busy and not waiting and flow is not None,
        )
        set_enabled(
            (
                form.new_passphrase_edit,
                form.new_confirmation_edit,
                form.set_passphrase_button,
                form.abandon_button,
                form.use_passphrase_button,
                form.new_profile_button,
            ),
            not self._busy,
        )
        form.profile_combo.setEnabled(
            not self._busy
            and mode is not UnlockMode.NEW_PASSPHRASE
            and len(self._profiles) > 1
            and not self._fixed
        )
        if self._busy:
            return
        lines = [line for line in (self._error, wait_message(wait) if waiting else "") if line]
        show_message(form.message_label, "\n".join(lines), Tone.ERROR if lines else Tone.NEUTRAL)
