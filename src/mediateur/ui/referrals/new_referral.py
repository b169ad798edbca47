"""« Nouvelle orientation »: from a person's file or a contact, pick the partner, then the freins
and a short reason, the next step, and what the person agrees to pass on to the partner; then
print the slip (preview first) or save it as PDF. Printing moves the new draft to `emise`.

The dialog is window-modal and non-blocking. The referral is written (as a draft) by the first
action that needs it and edited by the next ones, so a cancelled preview leaves a draft to print
later from the Orientations page, never a duplicate. Nothing is shared by default: the mediator
asks the person and ticks what they accept; a person who opposed sharing shares nothing, and a
contact met anonymously can only pass on the reason and the freins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QMainWindow, QWidget

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import get_beneficiary
from mediateur.services.contacts import get_contact
from mediateur.services.context import current_context
from mediateur.services.errors import RecordNotFound, ValidationFailed
from mediateur.services.events import get_event
from mediateur.services.partners import DirectoryEntry, list_directory
from mediateur.services.referrals import (
    CONTACT_SHAREABLE,
    CreatedReferral,
    ReferralInput,
    create_referral,
    update_referral,
)
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import (
    FieldMessages,
    FieldSlot,
    from_qdatetime,
    privacy_hint,
    style_hint,
    to_qdatetime,
)
from mediateur.ui.forms.ui_new_referral_dialog import Ui_NewReferralDialog
from mediateur.ui.referrals.printing import SlipPrinter
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.store.unit_of_work import UnitOfWork

PARTNER_STEP, DETAILS_STEP = 0, 1
APPOINTMENT = "rdv_fixe"
STRONG_ENOUGH = ("fort", "moyen")


@dataclass(frozen=True, slots=True)
class Subject:
    """Who is oriented, as the dialog needs it."""

    beneficiary_id: str | None
    contact_id: str | None
    name: str | None  # a cohort member's name; None for a contact
    met: str | None  # for a contact: when and where they were met
    restricted: bool
    freins: tuple[str, ...]  # pre-selected: the person's strong freins, or the contact's themes


@dataclass(frozen=True, slots=True)
class Start:
    subject: Subject
    directory: tuple[DirectoryEntry, ...]


def load_start(session: Session, beneficiary_id: str | None, contact_id: str | None) -> Start:
    if beneficiary_id:
        person = get_beneficiary(session, beneficiary_id)
        subject = Subject(
            beneficiary_id=beneficiary_id,
            contact_id=contact_id,
            name=person.display_name,
            met=None,
            restricted=bool(person.restricted),
            freins=tuple(k for k, v in person.barriers.items() if v in STRONG_ENOUGH),
        )
    elif contact_id:
        met = get_contact(session, contact_id)
        place = None
        if met.event_id:
            try:
                place = get_event(session, met.event_id).title
            except RecordNotFound:
                place = None
        channel = reference_data().label("channels", met.channel)
        where = place or channel
        subject = Subject(
            beneficiary_id=None,
            contact_id=contact_id,
            name=None,
            met=f"{clock.format_moment(met.occurred_at)}, {where}",
            restricted=False,
            freins=met.themes,
        )
    else:
        raise RecordNotFound("beneficiary", "")
    return Start(subject, tuple(list_directory(session)))


def save_referral(
    uow: UnitOfWork, data: ReferralInput, referral_id: str | None, number: str | None
) -> CreatedReferral:
    """Create the draft, or edit the one this dialog already created."""
    if referral_id is not None and number is not None:
        update_referral(uow=uow, referral_id=referral_id, data=data)
        return CreatedReferral(id=referral_id, number=number)
    context = current_context(uow.session, uow.install_id)
    return create_referral(uow=uow, data=data, context=context)


class NewReferralDialog(QDialog):
    """`referral_saved(id, number)` once a referral exists (draft, printed or saved)."""

    referral_saved = Signal(str, str)

    def __init__(
        self,
        context: AppContext,
        parent: QWidget | None,
        *,
        beneficiary_id: str | None = None,
        contact_id: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.context = context
        self.beneficiary_id = beneficiary_id
        self.contact_id = contact_id
        self.subject: Subject | None = None
        self.entry: DirectoryEntry | None = None
        self.referral_id: str | None = None
        self.number: str | None = None
        self._busy = False
        self.printer = SlipPrinter(context, self)
        self.printer.printed.connect(self._on_printed)
        self.form = Ui_NewReferralDialog()
        self.form.setupUi(self)
        form = self.form
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        style_title(form.title_label, scale=1.25)
        ref = reference_data()
        form.barriers_group.set_options(
            ((i.slug, i.label) for i in ref["freins"].items), multiple=True
        )
        form.next_group.set_options((i.slug, i.label) for i in ref["expected_contacts"].items)
        form.reason_hint_label.setText(privacy_hint())
        style_hint(form.reason_hint_label)
        style_hint(form.sharing_hint_label)
        style_hint(form.step_label)
        soon = clock.at_paris(clock.today() + timedelta(days=7), 10)
        form.appointment_edit.setDateTime(to_qdatetime(soon))
        self.messages = FieldMessages(
            {
                "partner_id": FieldSlot(form.message_label, form.picker),
                "barrier_codes": FieldSlot(form.barriers_message_label, form.barriers_group),
                "reason": FieldSlot(form.reason_message_label, form.reason_edit),
                "expected_contact": FieldSlot(form.next_message_label, form.next_group),
                "shared_with_partner": FieldSlot(form.sharing_message_label, form.sharing_group),
            },
            fallback=form.message_label,
        )
        form.picker.chosen.connect(self._on_partner_chosen)
        form.picker.selection_changed.connect(self._on_picker_selection)
        form.next_button.clicked.connect(self._on_next_clicked)
        form.back_button.clicked.connect(self._show_partner_step)
        form.change_partner_button.clicked.connect(self._show_partner_step)
        form.next_group.changed.connect(self._on_next_step_changed)
        form.cancel_button.clicked.connect(self.reject)
        form.draft_button.clicked.connect(lambda: self._save(then=self._kept_as_draft))
        form.pdf_button.clicked.connect(lambda: self._save(then=self._save_pdf))
        form.print_button.clicked.connect(lambda: self._save(then=self._print))
        self.setMinimumSize(880, 600)
        self._show_partner_step()
        self._on_next_step_changed()
        self._set_enabled(False)

    # Loading

    def load(self) -> None:
        show_message(self.form.message_label, self.tr("Chargement de l'annuaire…"))
        QueryOp(
            self,
            op=lambda session: load_start(session, self.beneficiary_id, self.contact_id),
            success=self._on_loaded,
        ).failure(self._on_load_failed).run()

    def _on_loaded(self, start: Start) -> None:
        form = self.form
        self.subject = subject = start.subject
        show_message(form.message_label, "")
        if subject.name:
            form.person_label.setText(self.tr("Pour : {name}").format(name=subject.name))
        else:
            form.person_label.setText(
                self.tr("Pour la personne rencontrée le {met} (contact sans nom)").format(
                    met=subject.met or ""
                )
            )
        form.barriers_group.set_values(subject.freins)
        shareable = reference_data()["slip_shared_fields"].items
        if subject.beneficiary_id is None:
            shareable = tuple(i for i in shareable if i.slug in CONTACT_SHAREABLE)
        form.sharing_group.set_options(((i.slug, i.label) for i in shareable), multiple=True)
        if subject.restricted:
            form.sharing_group.setEnabled(False)
            form.sharing_hint_label.setText(
                self.tr(
                    "La personne s'est opposée au partage de ses données : rien n'est transmis "
                    "au partenaire, son exemplaire reste anonyme."
                )
            )
        else:
            form.sharing_hint_label.setText(
                self.tr(
                    "Demandez à la personne ce qu'elle accepte de transmettre au partenaire et "
                    "cochez-le ; le reste n'apparaît pas sur l'exemplaire du partenaire."
                )
            )
        form.picker.set_entries(start.directory)
        self._set_enabled(True)
        form.picker.search_edit.setFocus()

    def _on_load_failed(self, error: Exception) -> None:
        show_failure(self, error)
        self.reject()

    # Steps

    def _show_partner_step(self) -> None:
        form = self.form
        form.steps_stack.setCurrentIndex(PARTNER_STEP)
        form.step_label.setText(
            self.tr("Étape 1 sur 2 : choisissez le partenaire et, s'il y en a, son service.")
        )
        for button in (form.back_button, form.draft_button, form.pdf_button, form.print_button):
            button.setVisible(False)
        form.next_button.setVisible(True)
        form.next_button.setDefault(True)
        form.picker.search_edit.setFocus()

    def _show_details_step(self) -> None:
        form = self.form
        form.steps_stack.setCurrentIndex(DETAILS_STEP)
        form.step_label.setText(
            self.tr(
                "Étape 2 sur 2 : freins, motif, suite prévue et informations transmises, puis "
                "imprimez la fiche de liaison ou enregistrez-la en PDF."
            )
        )
        form.next_button.setVisible(False)
        for button in (form.back_button, form.draft_button, form.pdf_button, form.print_button):
            button.setVisible(True)
        form.print_button.setDefault(True)
        form.barriers_group.setFocus()

    def _on_picker_selection(self, entry: DirectoryEntry | None) -> None:
        self.form.next_button.setEnabled(entry is not None and not self._busy)

    def _on_partner_chosen(self, entry: DirectoryEntry) -> None:
        self.entry = entry
        shown = entry.partner.nom + (f" — {entry.service.nom}" if entry.service else "")
        self.form.chosen_label.setText(self.tr("Partenaire : {name}").format(name=shown))
        self.messages.clear()
        self._show_details_step()

    def _on_next_clicked(self) -> None:
        entry = self.form.picker.current_entry()
        if entry is None:
            show_message(
                self.form.message_label,
                self.tr("Choisissez un partenaire dans la liste."),
                Tone.ERROR,
            )
            return
        self._on_partner_chosen(entry)

    def _on_next_step_changed(self) -> None:
        appointment = self.form.next_group.value() == APPOINTMENT
        self.form.appointment_label.setEnabled(appointment)
        self.form.appointment_edit.setEnabled(appointment)

    # Saving and printing

    def referral_input(self) -> ReferralInput | None:
        """What the form says, or None after showing what is missing."""
        form = self.form
        subject, entry = self.subject, self.entry
        if subject is None or entry is None:
            return None
        next_step = form.next_group.value()
        if next_step is None:
            self.messages.show(
                {"expected_contact": self.tr("choisissez la suite prévue avec la personne.")}
            )
            form.next_group.setFocus()
            return None
        return ReferralInput(
            partner_id=entry.partner.id,
            service_id=entry.service.id if entry.service else None,
            beneficiary_id=subject.beneficiary_id,
            contact_id=subject.contact_id,
            barrier_codes=form.barriers_group.values(),
            reason=form.reason_edit.toPlainText() or None,
            expected_contact=next_step,
            appointment_at=from_qdatetime(form.appointment_edit.dateTime())
            if next_step == APPOINTMENT
            else None,
            shared_with_partner=() if subject.restricted else form.sharing_group.values(),
        )

    def _save(self, *, then: Callable[[], None]) -> None:
        if self._busy:
            return
        data = self.referral_input()
        if data is None:
            return
        self.messages.clear()
        self._set_busy(True)
        known_id, known_number = self.referral_id, self.number
        WriteOp(
            self,
            op=lambda uow: save_referral(uow, data, known_id, known_number),
            success=lambda made: self._on_saved(made, then),
        ).failure(self._on_save_failed).run()

    def _on_saved(self, made: CreatedReferral, then: Callable[[], None]) -> None:
        self._set_busy(False)
        first = self.referral_id is None
        self.referral_id, self.number = made.id, made.number
        if first:
            self.referral_saved.emit(made.id, made.number)
        then()

    def _on_save_failed(self, error: Exception) -> None:
        self._set_busy(False)
        if isinstance(error, ValidationFailed):
            messages = error.messages()
            self.messages.show(messages)
            self.messages.focus_first(messages)
            return
        show_failure(self, error)

    def _kept_as_draft(self) -> None:
        self._announce(
            self.tr(
                "Orientation {number} gardée en brouillon : imprimez-la depuis la page "
                "Orientations."
            ).format(number=self.number)
        )
        self.accept()

    def _print(self) -> None:
        assert self.referral_id is not None
        self.printer.print_with_preview(
            [self.referral_id],
            title=self.tr("Fiche de liaison {number}").format(number=self.number),
        )

    def _save_pdf(self) -> None:
        assert self.referral_id is not None
        self.printer.save_as_pdf(
            [self.referral_id], suggested_name=f"fiche-de-liaison-{self.number}.pdf"
        )

    def _on_printed(self, _ids: tuple[str, ...], path: object) -> None:
        if path is None:
            text = self.tr("Fiche {number} imprimée : l'orientation est émise.")
        else:
            text = self.tr("Fiche {number} enregistrée dans {path} : l'orientation est émise.")
        self._announce(text.format(number=self.number, path=str(path)))
        self.accept()

    def _announce(self, text: str) -> None:
        window = self.parentWidget().window() if self.parentWidget() else None
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(text, 10_000)

    def reject(self) -> None:
        if self.number is not None:
            self._announce(
                self.tr("Orientation {number} gardée en brouillon.").format(number=self.number)
            )
        super().reject()

    def _set_busy(self, busy: bool) -> None:
        self._busy = busy
        self._set_enabled(not busy)

    def _set_enabled(self, enabled: bool) -> None:
        form = self.form
        for button in (
            form.next_button,
            form.draft_button,
            form.pdf_button,
            form.print_button,
            form.back_button,
            form.change_partner_button,
        ):
            button.setEnabled(enabled)


def start_new_referral(
    context: AppContext,
    parent: QWidget,
    *,
    beneficiary_id: str | None,
    contact_id: str | None,
) -> NewReferralDialog | None:
    """Open the dialog for a cohort member or a contact (None when the profile is locked)."""
    if not context.is_unlocked or not (beneficiary_id or contact_id):
        return None
    dialog = NewReferralDialog(
        context, parent, beneficiary_id=beneficiary_id, contact_id=contact_id
    )
    dialog.open()
    dialog.load()
    return dialog
