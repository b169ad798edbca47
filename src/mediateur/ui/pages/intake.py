"""The intake form of Cohorte: enrol a person, or edit their file.

Sections: Identité, Coordonnées, Situation, Freins with their intensity, Projet, Information et
partage. The statuses and freins come from the reference data, so their controls are made here.
"Enregistrer" validates the whole form through the services: every invalid field shows its French
message beside it and nothing is saved until all are valid; after a first refusal, the messages
follow the typing. A probable duplicate (same name and birth date…) stops the save with the
matching files: open the existing one, or confirm that this is someone else.
"""

from __future__ import annotations

import dataclasses
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QCheckBox, QComboBox, QLabel, QWidget

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiaries import (
    Beneficiary,
    BeneficiaryInput,
    DuplicateCandidate,
    IntakeCheck,
    check_intake,
    create_beneficiary,
    input_from,
    update_beneficiary,
)
from mediateur.services.context import current_context
from mediateur.services.errors import ProbableDuplicate, ValidationFailed
from mediateur.ui.duplicates import ID_ROLE, list_candidates
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import (
    DateField,
    DateFormatError,
    FieldMessages,
    FieldSlot,
    combo_value,
    fill_codes,
    privacy_hint,
    set_combo_value,
    style_hint,
)
from mediateur.ui.forms.ui_intake_form import Ui_IntakeForm
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from mediateur.store.unit_of_work import UnitOfWork

STATUS_COLUMNS = 2
BARRIER_COLUMNS = 2
REVALIDATE_MS = 350


class IntakeView(QWidget):
    saved = Signal(str)  # beneficiary id
    cancelled = Signal()
    open_requested = Signal(str)  # the file of a probable duplicate

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = Ui_IntakeForm()
        self.form.setupUi(self)
        form = self.form
        self.editing: Beneficiary | None = None
        self._saving = False
        self._follow_typing = False
        style_title(form.title_label)
        style_hint(form.required_label)
        form.project_hint_label.setText(privacy_hint())
        style_hint(form.project_hint_label)
        style_hint(form.barriers_help_label)
        empty = self.tr("Non renseigné")
        fill_codes(form.gender_combo, "genders", empty=empty)
        fill_codes(form.age_band_combo, "age_bands", empty=empty)
        fill_codes(form.qpv_combo, "qpv", empty=empty)
        fill_codes(form.contact_preference_combo, "contact_preferences", empty=empty)
        fill_codes(form.ft_category_combo, "ft_categories", empty=empty)
        fill_codes(form.education_level_combo, "education_levels", empty=empty)
        fill_codes(form.notice_mode_combo, "notice_modes", empty=empty)
        self.status_checks = self._make_status_checks()
        self.barrier_combos = self._make_barrier_combos()
        self._order_tabs()
        self.messages = FieldMessages(
            {
                "last_name": FieldSlot(form.last_name_message_label, form.last_name_edit),
                "first_name": FieldSlot(form.first_name_message_label, form.first_name_edit),
                "birth_date": FieldSlot(form.birth_date_message_label, form.birth_date_edit),
                "gender": FieldSlot(form.gender_message_label, form.gender_combo),
                "age_band": FieldSlot(form.age_band_message_label, form.age_band_combo),
                "phone": FieldSlot(form.phone_message_label, form.phone_edit),
                "email": FieldSlot(form.email_message_label, form.email_edit),
                "address": FieldSlot(form.address_message_label, form.address_edit),
                "postcode": FieldSlot(form.postcode_message_label, form.postcode_edit),
                "commune": FieldSlot(form.commune_message_label, form.commune_edit),
                "qpv": FieldSlot(form.qpv_message_label, form.qpv_combo),
                "contact_preference": FieldSlot(
                    form.contact_preference_message_label, form.contact_preference_combo
                ),
                "statuses": FieldSlot(form.statuses_message_label, form.statuses_box),
                "ft_category": FieldSlot(form.ft_category_message_label, form.ft_category_combo),
                "education_level": FieldSlot(
                    form.education_level_message_label, form.education_level_combo
                ),
                "diploma_obtained": FieldSlot(
                    form.diploma_obtained_message_label, form.diploma_obtained_check
                ),
                "barriers": FieldSlot(form.barriers_message_label, form.barriers_box),
                "project": FieldSlot(form.project_message_label, form.project_edit),
                "intake_date": FieldSlot(form.intake_date_message_label, form.intake_date_edit),
                "referent_name": FieldSlot(
                    form.referent_name_message_label, form.referent_name_edit
                ),
                "source_partner": FieldSlot(
                    form.source_partner_message_label, form.source_partner_edit
                ),
                "notice_given_at": FieldSlot(
                    form.notice_given_at_message_label, form.notice_given_at_edit
                ),
                "notice_mode": FieldSlot(form.notice_mode_message_label, form.notice_mode_combo),
                "sharing_agreed": FieldSlot(
                    form.sharing_agreed_message_label, form.sharing_agreed_check
                ),
                "restricted": FieldSlot(form.restricted_message_label, form.restricted_check),
            },
            fallback=form.message_label,
        )
        self._revalidate_timer = QTimer(self)
        self._revalidate_timer.setSingleShot(True)
        self._revalidate_timer.setInterval(REVALIDATE_MS)
        self._revalidate_timer.timeout.connect(self._revalidate)
        self._watch_edits()
        form.save_button.clicked.connect(lambda: self.save())
        form.cancel_button.clicked.connect(self.cancelled)
        form.open_duplicate_button.clicked.connect(self._on_open_duplicate_clicked)
        form.save_anyway_button.clicked.connect(lambda: self.save(allow_duplicate=True))
        form.duplicates_list.itemActivated.connect(lambda _item: self._on_open_duplicate_clicked())
        save = QShortcut(QKeySequence("Ctrl+S"), self)
        save.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        save.activated.connect(lambda: self.save())
        cancel = QShortcut(QKeySequence(Qt.Key.Key_Escape), self)
        cancel.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        cancel.activated.connect(self.cancelled)
        self.clear()

    def _make_status_checks(self) -> dict[str, QCheckBox]:
        checks = {}
        grid = self.form.statuses_grid
        for n, item in enumerate(reference_data()["statuses"].items):
            check = QCheckBox(item.label, self.form.statuses_box)
            check.setObjectName(f"status_{item.slug}_check")
            grid.addWidget(check, n // STATUS_COLUMNS, n % STATUS_COLUMNS)
            checks[item.slug] = check
        return checks

    def _make_barrier_combos(self) -> dict[str, QComboBox]:
        combos = {}
        grid = self.form.barriers_grid
        box = self.form.barriers_box
        for n, item in enumerate(reference_data()["freins"].items):
            row, pair = n // BARRIER_COLUMNS, n % BARRIER_COLUMNS
            label = QLabel(item.label, box)
            combo = QComboBox(box)
            combo.setObjectName(f"barrier_{item.slug}_combo")
            fill_codes(combo, "intensities", empty="—")
            combo.setAccessibleName(self.tr("Intensité du frein {frein}").format(frein=item.label))
            label.setBuddy(combo)
            grid.addWidget(label, row, pair * 2)
            grid.addWidget(combo, row, pair * 2 + 1)
            combos[item.slug] = combo
        for pair in range(BARRIER_COLUMNS):
            grid.setColumnStretch(pair * 2 + 1, 1)
        return combos

    def _order_tabs(self) -> None:
        """The controls made here take their place in the form's Tab order."""
        form = self.form
        chain: list[QWidget] = [form.contact_preference_combo, *self.status_checks.values()]
        chain += [form.ft_category_combo]
        tail: list[QWidget] = [form.diploma_obtained_check, *self.barrier_combos.values()]
        tail += [form.project_edit]
        for before, after in (*pairwise(chain), *pairwise(tail)):
            QWidget.setTabOrder(before, after)

    def _watch_edits(self) -> None:
        form = self.form
        for edit in (
            form.last_name_edit,
            form.first_name_edit,
            form.birth_date_edit,
            form.phone_edit,
            form.email_edit,
            form.address_edit,
            form.postcode_edit,
            form.commune_edit,
            form.intake_date_edit,
            form.referent_name_edit,
            form.source_partner_edit,
            form.notice_given_at_edit,
        ):
            edit.textEdited.connect(self._on_edited)
        form.project_edit.textChanged.connect(self._on_edited)
        combos = [
            form.gender_combo,
            form.age_band_combo,
            form.qpv_combo,
            form.contact_preference_combo,
            form.ft_category_combo,
            form.education_level_combo,
            form.notice_mode_combo,
            *self.barrier_combos.values(),
        ]
        for combo in combos:
            combo.activated.connect(self._on_edited)
        for check in (
            form.diploma_obtained_check,
            form.sharing_agreed_check,
            form.restricted_check,
            *self.status_checks.values(),
        ):
            check.clicked.connect(self._on_edited)

    # Modes

    def clear(self) -> None:
        """An empty form (what a lock leaves)."""
        form = self.form
        self.editing = None
        self._saving = False
        self._follow_typing = False
        self._revalidate_timer.stop()
        for edit in (
            form.last_name_edit,
            form.first_name_edit,
            form.birth_date_edit,
            form.phone_edit,
            form.email_edit,
            form.address_edit,
            form.postcode_edit,
            form.commune_edit,
            form.intake_date_edit,
            form.referent_name_edit,
            form.source_partner_edit,
            form.notice_given_at_edit,
        ):
            edit.clear()
        form.project_edit.clear()
        for combo in (
            form.gender_combo,
            form.age_band_combo,
            form.qpv_combo,
            form.contact_preference_combo,
            form.ft_category_combo,
            form.education_level_combo,
            form.notice_mode_combo,
            *self.barrier_combos.values(),
        ):
            set_combo_value(combo, None)
        for check in (
            form.diploma_obtained_check,
            form.sharing_agreed_check,
            form.restricted_check,
            *self.status_checks.values(),
        ):
            check.setChecked(False)
        self.messages.clear()
        self._hide_duplicates()
        form.save_button.setEnabled(True)

    def start_new(self) -> None:
        self.clear()
        self.form.title_label.setText(self.tr("Nouvelle inscription"))
        self.form.intake_date_edit.set_day(clock.today())
        self.form.scroll_area.verticalScrollBar().setValue(0)
        self.form.last_name_edit.setFocus()

    def start_edit(self, person: Beneficiary) -> None:
        self.clear()
        self.editing = person
        self.form.title_label.setText(
            self.tr("Modifier la fiche de {name}").format(name=person.display_name)
        )
        self._fill(input_from(person))
        self.form.scroll_area.verticalScrollBar().setValue(0)
        self.form.last_name_edit.setFocus()

    def _fill(self, data: BeneficiaryInput) -> None:
        form = self.form
        form.last_name_edit.setText(data.last_name or "")
        form.first_name_edit.setText(data.first_name or "")
        form.birth_date_edit.set_day(data.birth_date)
        set_combo_value(form.gender_combo, data.gender)
        set_combo_value(form.age_band_combo, data.age_band if data.birth_date is None else None)
        form.phone_edit.setText(data.phone or "")
        form.email_edit.setText(data.email or "")
        form.address_edit.setText(data.address or "")
        form.postcode_edit.setText(data.postcode or "")
        form.commune_edit.setText(data.commune or "")
        set_combo_value(form.qpv_combo, data.qpv)
        set_combo_value(form.contact_preference_combo, data.contact_preference)
        for slug, check in self.status_checks.items():
            check.setChecked(slug in data.statuses)
        set_combo_value(form.ft_category_combo, data.ft_category)
        set_combo_value(form.education_level_combo, data.education_level)
        form.diploma_obtained_check.setChecked(bool(data.diploma_obtained))
        for slug, combo in self.barrier_combos.items():
            set_combo_value(combo, data.barriers.get(slug))
        form.project_edit.setPlainText(data.project or "")
        form.intake_date_edit.set_day(data.intake_date)
        form.referent_name_edit.setText(data.referent_name or "")
        form.source_partner_edit.setText(data.source_partner or "")
        form.notice_given_at_edit.set_day(data.notice_given_at)
        set_combo_value(form.notice_mode_combo, data.notice_mode)
        form.sharing_agreed_check.setChecked(bool(data.sharing_agreed))
        form.restricted_check.setChecked(bool(data.restricted))

    # Reading the form

    def collect(self) -> tuple[BeneficiaryInput, dict[str, str]]:
        """What the form says, and the dates that cannot be read (field → message)."""
        form = self.form
        unreadable: dict[str, str] = {}

        def day(field: str, edit: DateField) -> date | None:
            try:
                return edit.day()
            except DateFormatError as error:
                unreadable[field] = str(error)
                return None

        data = BeneficiaryInput(
            last_name=form.last_name_edit.text(),
            first_name=form.first_name_edit.text(),
            intake_date=day("intake_date", form.intake_date_edit),
            birth_date=day("birth_date", form.birth_date_edit),
            gender=combo_value(form.gender_combo),
            age_band=combo_value(form.age_band_combo),
            phone=form.phone_edit.text() or None,
            email=form.email_edit.text() or None,
            address=form.address_edit.text() or None,
            postcode=form.postcode_edit.text() or None,
            commune=form.commune_edit.text() or None,
            qpv=combo_value(form.qpv_combo),
            contact_preference=combo_value(form.contact_preference_combo),
            statuses=tuple(slug for slug, c in self.status_checks.items() if c.isChecked()),
            ft_category=combo_value(form.ft_category_combo),
            education_level=combo_value(form.education_level_combo),
            diploma_obtained=form.diploma_obtained_check.isChecked(),
            barriers={
                slug: level
                for slug, combo in self.barrier_combos.items()
                if (level := combo_value(combo)) is not None
            },
            project=form.project_edit.toPlainText() or None,
            referent_name=form.referent_name_edit.text() or None,
            source_partner=form.source_partner_edit.text() or None,
            notice_given_at=day("notice_given_at", form.notice_given_at_edit),
            notice_mode=combo_value(form.notice_mode_combo),
            sharing_agreed=form.sharing_agreed_check.isChecked(),
            restricted=form.restricted_check.isChecked(),
        )
        if self.editing is not None:
            # Fields the form does not show (the referent's account) stay as they are.
            kept = input_from(self.editing)
            data = dataclasses.replace(data, referent_user_id=kept.referent_user_id)
        return data, unreadable

    # Saving

    def save(self, *, allow_duplicate: bool = False) -> None:
        if self._saving:
            return
        data, unreadable = self.collect()
        self._hide_duplicates()
        if unreadable:
            # A date that cannot be read is not sent as "empty": check the rest, save nothing.
            self._check(data, unreadable)
            return
        editing = self.editing

        def write(uow: UnitOfWork) -> str:
            if editing is not None:
                update_beneficiary(
                    uow=uow,
                    beneficiary_id=editing.id,
                    data=data,
                    allow_duplicate=allow_duplicate,
                )
                return editing.id
            return create_beneficiary(
                uow=uow,
                data=data,
                context=current_context(uow.session, uow.install_id),
                allow_duplicate=allow_duplicate,
            )

        self._saving = True
        self.form.save_button.setEnabled(False)
        WriteOp(self, op=write, success=self._on_saved).failure(self._on_save_failed).run()

    def _on_saved(self, beneficiary_id: str) -> None:
        self._saving = False
        self.form.save_button.setEnabled(True)
        self._follow_typing = False
        self.messages.clear()
        self.saved.emit(beneficiary_id)

    def _on_save_failed(self, error: Exception) -> None:
        self._saving = False
        self.form.save_button.setEnabled(True)
        if isinstance(error, ValidationFailed):
            self._show_errors(error.messages(), focus=True)
            return
        if isinstance(error, ProbableDuplicate):
            self.messages.clear()
            self._show_duplicates(error.candidates)
            return
        show_failure(self, error)

    def _check(self, data: BeneficiaryInput, unreadable: dict[str, str]) -> None:
        editing_id = self.editing.id if self.editing else None
        QueryOp(
            self,
            op=lambda session: check_intake(session, data, beneficiary_id=editing_id),
            success=lambda check: self._on_checked(check, unreadable),
        ).run()

    def _on_checked(self, check: IntakeCheck, unreadable: dict[str, str]) -> None:
        messages: dict[str, str] = {}
        for error in check.errors:
            messages.setdefault(error.field, error.message)
        messages.update(unreadable)
        self._show_errors(messages, focus=not self._follow_typing)

    def _show_errors(self, messages: dict[str, str], *, focus: bool) -> None:
        self._follow_typing = True
        count = self.messages.show(self._in_form_order(messages))
        if count:
            text = (
                self.tr("1 champ à corriger : rien n'a été enregistré.")
                if count == 1
                else self.tr("{count} champs à corriger : rien n'a été enregistré.").format(
                    count=count
                )
            )
            show_message(self.form.message_label, text, Tone.ERROR)
        if focus:
            self.messages.focus_first(messages)

    def _in_form_order(self, messages: dict[str, str]) -> dict[str, str]:
        order = {field: n for n, field in enumerate(self.messages.fields)}
        return dict(sorted(messages.items(), key=lambda item: order.get(item[0], len(order))))

    def _on_edited(self, *_args: object) -> None:
        if self._follow_typing:
            self._revalidate_timer.start()

    def _revalidate(self) -> None:
        if self._follow_typing and not self._saving and self.isVisible():
            data, unreadable = self.collect()
            self._check(data, unreadable)

    # Duplicates

    def _show_duplicates(self, candidates: tuple[DuplicateCandidate, ...]) -> None:
        list_candidates(self.form.duplicates_list, candidates)
        self.form.duplicates_group.setVisible(True)
        show_message(
            self.form.message_label,
            self.tr("Rien n'a été enregistré : vérifiez les fiches proches ci-dessus."),
            Tone.ERROR,
        )
        self.form.duplicates_list.setFocus()

    def _hide_duplicates(self) -> None:
        self.form.duplicates_list.clear()
        self.form.duplicates_group.setVisible(False)

    def duplicates_shown(self) -> list[str]:
        listing = self.form.duplicates_list
        if self.form.duplicates_group.isHidden():
            return []
        return [listing.item(row).data(ID_ROLE) for row in range(listing.count())]

    def _on_open_duplicate_clicked(self) -> None:
        item = self.form.duplicates_list.currentItem()
        if item is not None:
            self.open_requested.emit(item.data(ID_ROLE))
