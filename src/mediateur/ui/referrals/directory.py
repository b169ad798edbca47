"""The partner directory window: every partner and its services, to read, and to edit for the
users allowed to (managers, or a profile used standalone: see `services.partners`).

Non-blocking and window-modal. Each save goes through the directory service (same rules as an
import, one French message beside each invalid field) and the list reloads with the record
selected; nothing is written while a field is invalid.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QLineEdit,
    QListView,
    QListWidgetItem,
    QPlainTextEdit,
    QWidget,
)

from mediateur.domain.reference import fold
from mediateur.services.errors import ValidationFailed
from mediateur.services.partners import (
    MOBILISATION_MODES,
    Partner,
    PartnerInput,
    Service,
    ServiceInput,
    create_partner,
    create_service,
    directory_editable,
    list_partners,
    list_services,
    update_partner,
    update_service,
)
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import FieldMessages, FieldSlot, style_hint
from mediateur.ui.forms.ui_partner_directory_dialog import Ui_PartnerDirectoryDialog
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork

PARTNER_FIELDS = (
    "nom",
    "adresse",
    "complement_adresse",
    "code_postal",
    "commune",
    "telephone",
    "courriel",
    "horaires_accueil",
    "site_web",
    "description",
)
SERVICE_TEXT_FIELDS = (
    "nom",
    "description",
    "conditions_acces",
    "mobilisation_precisions",
    "lien_mobilisation",
    "telephone",
    "courriel",
    "horaires_accueil",
)
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True, slots=True)
class DirectoryState:
    partners: tuple[Partner, ...]
    services: tuple[Service, ...]
    editable: bool


def load_state(session: Session) -> DirectoryState:
    return DirectoryState(
        tuple(list_partners(session)), tuple(list_services(session)), directory_editable(session)
    )


def save_partner(uow: UnitOfWork, partner_id: str | None, data: PartnerInput) -> str:
    if partner_id is None:
        return create_partner(uow=uow, data=data)
    update_partner(uow=uow, partner_id=partner_id, data=data)
    return partner_id


def save_service(uow: UnitOfWork, service_id: str | None, data: ServiceInput) -> str:
    if service_id is None:
        return create_service(uow=uow, data=data)
    update_service(uow=uow, service_id=service_id, data=data)
    return service_id


def _text_of(widget: QWidget) -> str | None:
    if isinstance(widget, QPlainTextEdit):
        value = widget.toPlainText()
    else:
        assert isinstance(widget, QLineEdit)
        value = widget.text()
    return value if value.strip() else None


def _set_text(widget: QWidget, value: str | None) -> None:
    if isinstance(widget, QPlainTextEdit):
        widget.setPlainText(value or "")
    else:
        assert isinstance(widget, QLineEdit)
        widget.setText(value or "")
        widget.setCursorPosition(0)  # show the start of a long value, not its end


class PartnerDirectoryDialog(QDialog):
    changed = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.state = DirectoryState((), (), editable=False)
        self.partner_id: str | None = None
        self.service_id: str | None = None
        self._select_after_load: tuple[str | None, str | None] = (None, None)
        self.form = Ui_PartnerDirectoryDialog()
        self.form.setupUi(self)
        form = self.form
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        style_title(form.title_label, scale=1.25)
        form.body_layout.setStretch(1, 1)
        # Long structure names wrap rather than being cut.
        form.partners_list.setWordWrap(True)
        form.partners_list.setResizeMode(QListView.ResizeMode.Adjust)
        form.services_list.setWordWrap(True)
        for hint in (
            form.partner_horaires_accueil_hint_label,
            form.service_thematiques_hint_label,
            form.service_conditions_acces_hint_label,
            form.service_telephone_hint_label,
        ):
            style_hint(hint)
        form.service_modes_mobilisation.set_options(
            zip(
                MOBILISATION_MODES,
                (
                    self.tr("Envoyer un courriel"),
                    self.tr("Se présenter"),
                    self.tr("Téléphoner"),
                    self.tr("S'inscrire en ligne"),
                ),
                strict=True,
            ),
            multiple=True,
        )
        self.partner_messages = FieldMessages(
            {
                name: FieldSlot(
                    getattr(form, f"partner_{name}_message_label"), getattr(form, f"partner_{name}")
                )
                for name in PARTNER_FIELDS
            },
            fallback=form.message_label,
        )
        self.service_messages = FieldMessages(
            {
                name: FieldSlot(
                    getattr(form, f"service_{name}_message_label"), getattr(form, f"service_{name}")
                )
                for name in (*SERVICE_TEXT_FIELDS, "thematiques", "modes_mobilisation")
            },
            fallback=form.message_label,
        )
        form.search_edit.textChanged.connect(self._fill_partner_list)
        form.partners_list.currentItemChanged.connect(self._on_partner_selected)
        form.services_list.currentItemChanged.connect(self._on_service_selected)
        form.new_partner_button.clicked.connect(self._on_new_partner)
        form.new_service_button.clicked.connect(self._on_new_service)
        form.save_partner_button.clicked.connect(self._on_save_partner)
        form.save_service_button.clicked.connect(self._on_save_service)
        form.close_button.clicked.connect(self.accept)
        self.setMinimumSize(940, 620)
        self._apply_editable()

    def load(self) -> None:
        QueryOp(self, op=load_state, success=self._on_loaded).run()

    def _on_loaded(self, state: DirectoryState) -> None:
        self.state = state
        self._apply_editable()
        partner_id, service_id = self._select_after_load
        self._select_after_load = (None, None)
        # The forms keep what is on screen unless another record is to be shown: saving the
        # partner must not wipe a service being typed.
        self._fill_partner_list()
        if partner_id and partner_id != self.partner_id:
            self._select_partner(partner_id)
        if service_id:
            self._fill_services(select=service_id)

    def _apply_editable(self) -> None:
        form = self.form
        editable = self.state.editable
        show_message(
            form.mode_label,
            self.tr(
                "Vous pouvez compléter et corriger l'annuaire ; il est envoyé à tout le "
                "programme à la prochaine synchronisation."
            )
            if editable
            else self.tr(
                "Consultation seule : seuls les responsables modifient l'annuaire, commun à "
                "tout le programme. Signalez une correction à votre responsable."
            ),
        )
        style_hint(form.mode_label)
        for button in (
            form.new_partner_button,
            form.save_partner_button,
            form.new_service_button,
            form.save_service_button,
        ):
            button.setVisible(editable)
        for name in PARTNER_FIELDS:
            getattr(form, f"partner_{name}").setReadOnly(not editable)
        for name in (*SERVICE_TEXT_FIELDS, "thematiques"):
            getattr(form, f"service_{name}").setReadOnly(not editable)
        form.service_modes_mobilisation.setEnabled(editable)

    # Lists

    def _fill_partner_list(self) -> None:
        form = self.form
        words = fold(form.search_edit.text()).split()
        form.partners_list.blockSignals(True)
        form.partners_list.clear()
        for partner in self.state.partners:
            haystack = fold(" ".join(p for p in (partner.nom, partner.commune or "") if p))
            if all(word in haystack for word in words):
                label = partner.nom + (f" ({partner.commune})" if partner.commune else "")
                item = QListWidgetItem(label, form.partners_list)
                item.setData(ID_ROLE, partner.id)
                if partner.id == self.partner_id:
                    form.partners_list.setCurrentItem(item)
        form.partners_list.blockSignals(False)

    def _select_partner(self, partner_id: str) -> None:
        listing = self.form.partners_list
        for row in range(listing.count()):
            if listing.item(row).data(ID_ROLE) == partner_id:
                listing.setCurrentRow(row)
                return

    def _select_service(self, service_id: str) -> None:
        listing = self.form.services_list
        for row in range(listing.count()):
            if listing.item(row).data(ID_ROLE) == service_id:
                listing.setCurrentRow(row)
                return

    def _on_partner_selected(self, item: QListWidgetItem | None, _previous: Any) -> None:
        partner_id = item.data(ID_ROLE) if item is not None else None
        partner = next((p for p in self.state.partners if p.id == partner_id), None)
        self.partner_id = partner.id if partner else None
        self.partner_messages.clear()
        for name in PARTNER_FIELDS:
            _set_text(getattr(self.form, f"partner_{name}"), getattr(partner, name, None))
        self.form.new_service_button.setEnabled(partner is not None)
        self._fill_services(select=None)

    def _fill_services(self, *, select: str | None) -> None:
        """The current partner's services; `select` (else the first) shown in the form."""
        listing = self.form.services_list
        listing.blockSignals(True)
        listing.clear()
        for found in self.state.services:
            if found.structure_id == self.partner_id:
                QListWidgetItem(found.nom, listing).setData(ID_ROLE, found.id)
        listing.blockSignals(False)
        if select is not None:
            self._select_service(select)
        elif listing.count():
            listing.setCurrentRow(0)
        else:
            self._show_service(None)

    def _on_service_selected(self, item: QListWidgetItem | None, _previous: Any) -> None:
        service_id = item.data(ID_ROLE) if item is not None else None
        self._show_service(next((s for s in self.state.services if s.id == service_id), None))

    def _show_service(self, found: Service | None) -> None:
        form = self.form
        self.service_id = found.id if found else None
        self.service_messages.clear()
        for name in SERVICE_TEXT_FIELDS:
            _set_text(getattr(form, f"service_{name}"), getattr(found, name, None))
        form.service_thematiques.setText(", ".join(found.thematiques) if found else "")
        form.service_modes_mobilisation.set_values(
            [m for m in found.modes_mobilisation if m in MOBILISATION_MODES] if found else []
        )
        form.save_service_button.setEnabled(self.partner_id is not None)

    # Editing

    def _on_new_partner(self) -> None:
        self.form.partners_list.clearSelection()
        self.form.partners_list.setCurrentItem(None)
        self.partner_id = None
        for name in PARTNER_FIELDS:
            _set_text(getattr(self.form, f"partner_{name}"), None)
        self.form.services_list.clear()
        self._show_service(None)
        self.form.partner_nom.setFocus()

    def _on_new_service(self) -> None:
        self.form.services_list.setCurrentItem(None)
        self._show_service(None)
        self.form.service_nom.setFocus()

    def partner_input(self) -> PartnerInput:
        values = {name: _text_of(getattr(self.form, f"partner_{name}")) for name in PARTNER_FIELDS}
        return PartnerInput(**values)

    def service_input(self) -> ServiceInput:
        form = self.form
        values: dict[str, Any] = {
            name: _text_of(getattr(form, f"service_{name}")) for name in SERVICE_TEXT_FIELDS
        }
        themes = [t.strip() for t in form.service_thematiques.text().split(",") if t.strip()]
        return ServiceInput(
            structure_id=self.partner_id,
            thematiques=tuple(dict.fromkeys(themes)),
            modes_mobilisation=form.service_modes_mobilisation.values(),
            **values,
        )

    def _on_save_partner(self) -> None:
        data, partner_id = self.partner_input(), self.partner_id
        WriteOp(
            self,
            op=lambda uow: save_partner(uow, partner_id, data),
            success=lambda saved: self._on_saved(saved, None, self.tr("Partenaire enregistré.")),
        ).failure(lambda error: self._on_failed(error, self.partner_messages)).run()

    def _on_save_service(self) -> None:
        if self.partner_id is None:
            return
        data, service_id = self.service_input(), self.service_id
        WriteOp(
            self,
            op=lambda uow: save_service(uow, service_id, data),
            success=lambda saved: self._on_saved(
                self.partner_id, saved, self.tr("Service enregistré.")
            ),
        ).failure(lambda error: self._on_failed(error, self.service_messages)).run()

    def _on_saved(self, partner_id: str | None, service_id: str | None, text: str) -> None:
        show_message(self.form.message_label, text, Tone.SUCCESS)
        self._select_after_load = (partner_id, service_id)
        self.changed.emit()
        self.load()

    def _on_failed(self, error: Exception, messages: FieldMessages) -> None:
        if isinstance(error, ValidationFailed):
            shown = error.messages()
            messages.show(shown)
            messages.focus_first(shown)
            return
        show_failure(self, error)
