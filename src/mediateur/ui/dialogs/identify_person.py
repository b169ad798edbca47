"""The short intake of Terrain: who the person met is, checked before the contact is saved.

"Valider" checks the details through the services (every invalid field gets its message) and
looks for files that may already be this person's. Without any, the dialog closes with a new
person to enrol; with some, the mediator links the contact to one of them or confirms that this
is someone else. Nothing is written here: the contact and the new file are saved together by the
Terrain page. Window-modal and non-blocking (`open()` + `identified`).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QWidget

from mediateur.services.beneficiaries import DuplicateCandidate, IntakeCheck, display_name
from mediateur.services.contacts import ContactInput
from mediateur.services.field_entry import PersonMet, check_person
from mediateur.ui.duplicates import ID_ROLE, NAME_ROLE, list_candidates
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import DateFormatError, FieldMessages, FieldSlot
from mediateur.ui.forms.ui_identify_person_dialog import Ui_IdentifyPersonDialog
from mediateur.ui.tasks import QueryOp
from mediateur.ui.widgets import style_title


@dataclass(frozen=True, slots=True)
class Identification:
    """Who the contact is with: a new person to enrol (`person`), or an existing file."""

    name: str
    person: PersonMet | None = None
    allow_duplicate: bool = False
    beneficiary_id: str | None = None

    @property
    def is_new(self) -> bool:
        return self.person is not None


class IdentifyPersonDialog(QDialog):
    identified = Signal(object)  # Identification

    def __init__(
        self,
        parent: QWidget | None,
        *,
        contact: ContactInput,
        previous: PersonMet | None = None,
    ) -> None:
        super().__init__(parent)
        self._contact = contact
        self._person: PersonMet | None = None
        self._checking = False
        self.form = Ui_IdentifyPersonDialog()
        self.form.setupUi(self)
        form = self.form
        style_title(form.title_label, scale=1.25)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.messages = FieldMessages(
            {
                "last_name": FieldSlot(form.last_name_message_label, form.last_name_edit),
                "first_name": FieldSlot(form.first_name_message_label, form.first_name_edit),
                "phone": FieldSlot(form.phone_message_label, form.phone_edit),
                "email": FieldSlot(form.email_message_label, form.email_edit),
                "birth_date": FieldSlot(form.birth_date_message_label, form.birth_date_edit),
            },
            fallback=form.message_label,
        )
        form.duplicates_group.setVisible(False)
        form.check_button.clicked.connect(self._on_check_clicked)
        form.cancel_button.clicked.connect(self.reject)
        form.link_button.clicked.connect(self._on_link_clicked)
        form.create_anyway_button.clicked.connect(self._on_create_anyway_clicked)
        form.duplicates_list.itemActivated.connect(lambda _item: self._on_link_clicked())
        if previous is not None:
            form.last_name_edit.setText(previous.last_name or "")
            form.first_name_edit.setText(previous.first_name or "")
            form.phone_edit.setText(previous.phone or "")
            form.email_edit.setText(previous.email or "")
            form.birth_date_edit.set_day(previous.birth_date)
        self.setMinimumWidth(560)
        form.last_name_edit.setFocus()

    def _person_typed(self) -> PersonMet | None:
        """The details typed, or None after showing why the birth date cannot be read."""
        form = self.form
        try:
            birth = form.birth_date_edit.day()
        except DateFormatError as error:
            self.messages.show({"birth_date": str(error)})
            form.birth_date_edit.setFocus()
            return None
        return PersonMet(
            last_name=form.last_name_edit.text(),
            first_name=form.first_name_edit.text(),
            phone=form.phone_edit.text() or None,
            email=form.email_edit.text() or None,
            birth_date=birth,
        )

    def _on_check_clicked(self) -> None:
        if self._checking:
            return
        person = self._person_typed()
        if person is None:
            return
        self._person = person
        self._checking = True
        self.form.check_button.setEnabled(False)
        contact = self._contact
        QueryOp(
            self,
            op=lambda session: check_person(session, person, contact),
            success=self._on_checked,
        ).failure(self._on_check_failed).run()

    def _on_checked(self, check: IntakeCheck) -> None:
        self._checking = False
        self.form.check_button.setEnabled(True)
        if check.errors:
            messages: dict[str, str] = {}
            for error in check.errors:
                messages.setdefault(error.field, error.message)
            self.messages.show(messages)
            self.messages.focus_first(messages)
            self.form.duplicates_group.setVisible(False)
            return
        self.messages.clear()
        if check.duplicates:
            self._show_duplicates(check.duplicates)
            return
        self._finish(Identification(name=self._name(), person=self._person))

    def _on_check_failed(self, error: Exception) -> None:
        self._checking = False
        self.form.check_button.setEnabled(True)
        show_failure(self, error)

    def _show_duplicates(self, candidates: tuple[DuplicateCandidate, ...]) -> None:
        list_candidates(self.form.duplicates_list, candidates)
        self.form.duplicates_group.setVisible(True)
        self.form.duplicates_list.setFocus()

    def _on_link_clicked(self) -> None:
        item = self.form.duplicates_list.currentItem()
        if item is None:
            return
        self._finish(
            Identification(
                name=item.data(NAME_ROLE),
                beneficiary_id=item.data(ID_ROLE),
            )
        )

    def _on_create_anyway_clicked(self) -> None:
        self._finish(Identification(name=self._name(), person=self._person, allow_duplicate=True))

    def _name(self) -> str:
        person = self._person
        assert person is not None
        return display_name(
            " ".join((person.last_name or "").split()), " ".join((person.first_name or "").split())
        )

    def _finish(self, identification: Identification) -> None:
        self.identified.emit(identification)
        self.accept()
