"""The beneficiary file of Cohorte: who the person is, their situation, and the timeline of their
contacts, follow-ups and referrals; with the actions on the file.

Actions: a new follow-up, a new referral (asked of the Orientations side through the
`AppContext`), editing the file, the exit from the cohort, the right-of-access export (JSON and
PDF in a folder the user picks) and the erasure, confirmed by a question that says what will be
erased and that it is final.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.beneficiary_file import BeneficiaryFile, load_file
from mediateur.services.context import current_context
from mediateur.services.rights import CascadeReport, erase_beneficiary
from mediateur.ui.context import AppContext
from mediateur.ui.dialogs.exit_cohort import ExitCohortDialog
from mediateur.ui.dialogs.folders import FolderChooser
from mediateur.ui.dialogs.follow_up import FollowUpDialog
from mediateur.ui.errors import ask_user, show_failure
from mediateur.ui.fields import code_label
from mediateur.ui.flow_layout import FlowLayout
from mediateur.ui.models.base import SORT_ROLE
from mediateur.ui.models.timeline import Col, TimelineModel
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_link_button, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.services.rights_files import AccessExportFiles

# The details of the card, in reading order, one tuple per column.
_LEFT = ("born", "gender", "phone", "email", "address", "qpv", "preference")
_RIGHT = ("intake", "referent", "status", "situation", "barriers", "privacy", "project")


class BeneficiaryFileView(QWidget):
    back_requested = Signal()
    edit_requested = Signal(object)  # Beneficiary
    erased = Signal(str)  # the erased person's name, for the list's message

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.file: BeneficiaryFile | None = None
        self.beneficiary_id: str | None = None
        self.follow_up_dialog: FollowUpDialog | None = None
        self.exit_dialog: ExitCohortDialog | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(8)

        top = QHBoxLayout()
        self.back_button = QPushButton(self.tr("← &Retour à la liste"), self)
        style_link_button(self.back_button)
        self.title_label = QLabel(self)
        self.title_label.setObjectName("file_title_label")
        style_title(self.title_label)
        self.status_label = QLabel(self)
        self.status_label.setObjectName("file_status_label")
        top.addWidget(self.back_button)
        top.addSpacing(12)
        top.addWidget(self.title_label)
        top.addSpacing(12)
        top.addWidget(self.status_label)
        top.addStretch(1)
        layout.addLayout(top)

        card = QHBoxLayout()
        card.setSpacing(24)
        self.values: dict[str, QLabel] = {}
        titles = self._detail_titles()
        for keys in (_LEFT, _RIGHT):
            column = QFormLayout()
            column.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
            column.setVerticalSpacing(4)
            for key in keys:
                value = QLabel(self)
                value.setObjectName(f"file_{key}_label")
                value.setWordWrap(True)
                value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                column.addRow(titles[key], value)
                self.values[key] = value
            card.addLayout(column, 1)
        layout.addLayout(card)

        # The actions wrap onto a second line in a narrow window.
        actions = QWidget(self)
        actions_layout = FlowLayout(actions, spacing=6)
        self.follow_up_button = QPushButton(self.tr("Nouveau &suivi…"), actions)
        self.referral_button = QPushButton(self.tr("Nouvelle &orientation…"), actions)
        self.edit_button = QPushButton(self.tr("&Modifier la fiche"), actions)
        self.exit_button = QPushButton(self.tr("So&rtie de la cohorte…"), actions)
        self.export_button = QPushButton(self.tr("Droit d'&accès : exporter…"), actions)
        self.erase_button = QPushButton(self.tr("E&ffacer la personne…"), actions)
        for button in self._actions():
            actions_layout.addWidget(button)
        policy = actions.sizePolicy()
        policy.setHeightForWidth(True)
        actions.setSizePolicy(policy)
        layout.addWidget(actions)

        self.message_label = QLabel(self)
        self.message_label.setObjectName("file_message_label")
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.message_label)

        history = QLabel(self.tr("&Historique"), self)
        history.setObjectName("file_history_label")
        self.timeline = TimelineModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.timeline)
        self.proxy.setSortRole(SORT_ROLE)
        view = QTableView(self)
        view.setObjectName("timeline_view")
        view.setModel(self.proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(Col.WHEN, Qt.SortOrder.DescendingOrder)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        # A referral's line ends with its status: keep both ends of long lines.
        view.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        view.verticalHeader().setVisible(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(Col.WHEN, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(Col.WHAT, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.DETAIL, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(Col.REVIEW, QHeaderView.ResizeMode.Interactive)
        view.setColumnWidth(Col.REVIEW, 180)
        history.setBuddy(view)
        self.timeline_view = view
        layout.addWidget(history)
        layout.addWidget(view, 1)

        self.back_button.clicked.connect(self.back_requested)
        self.follow_up_button.clicked.connect(self.new_follow_up)
        self.referral_button.clicked.connect(self._on_referral_clicked)
        self.edit_button.clicked.connect(self._on_edit_clicked)
        self.exit_button.clicked.connect(self.exit_cohort)
        self.export_button.clicked.connect(self.export_access)
        self.erase_button.clicked.connect(self.erase)
        self.clear()

    def _detail_titles(self) -> dict[str, str]:
        return {
            "born": self.tr("Naissance"),
            "gender": self.tr("Genre"),
            "phone": self.tr("Téléphone"),
            "email": self.tr("Courriel"),
            "address": self.tr("Adresse"),
            "qpv": self.tr("QPV"),
            "preference": self.tr("Préférence de contact"),
            "intake": self.tr("Entrée"),
            "referent": self.tr("Référent"),
            "status": self.tr("Statut"),
            "situation": self.tr("Situation"),
            "barriers": self.tr("Freins"),
            "privacy": self.tr("Information et partage"),
            "project": self.tr("Projet"),
        }

    # Loading

    def show_file(self, beneficiary_id: str) -> None:
        if beneficiary_id != self.beneficiary_id:
            self.clear()
        self.beneficiary_id = beneficiary_id
        self.reload()

    def reload(self) -> None:
        beneficiary_id = self.beneficiary_id
        if beneficiary_id is None or not self.context.is_unlocked:
            return
        install_id = self.context.vault.install_id
        QueryOp(
            self,
            op=lambda session: load_file(
                session, beneficiary_id, context=current_context(session, install_id)
            ),
            success=self._show,
        ).run()

    def clear(self) -> None:
        self.file = None
        self.beneficiary_id = None
        self.title_label.clear()
        self.status_label.clear()
        for value in self.values.values():
            value.clear()
        self.timeline.set_rows([])
        show_message(self.message_label, "")
        for button in self._actions():
            button.setEnabled(False)

    def _actions(self) -> tuple[QPushButton, ...]:
        return (
            self.follow_up_button,
            self.referral_button,
            self.edit_button,
            self.exit_button,
            self.export_button,
            self.erase_button,
        )

    def _show(self, file: BeneficiaryFile) -> None:
        if file.person.id != self.beneficiary_id:
            return
        self.file = file
        person = file.person
        self.title_label.setText(person.display_name)
        if file.active:
            show_message(self.status_label, self.tr("Actif dans la cohorte"), Tone.SUCCESS)
        else:
            show_message(
                self.status_label,
                self.tr("Sorti le {date} : {reason}").format(
                    date=clock.format_day(person.exit_date),
                    reason=code_label("exit_reasons", person.exit_reason),
                ),
            )
        for key, text in self._details(file).items():
            self.values[key].setText(text or "—")
        self.timeline.set_rows(file.timeline)
        reviewed = any(entry.review_status for entry in file.timeline)
        self.timeline_view.setColumnHidden(Col.REVIEW, not reviewed)
        editable = file.editable
        self.follow_up_button.setEnabled(editable and file.active)
        self.referral_button.setEnabled(editable and file.active)
        self.edit_button.setEnabled(editable)
        self.exit_button.setEnabled(editable and file.active)
        self.export_button.setEnabled(True)
        self.erase_button.setEnabled(True)

    def _details(self, file: BeneficiaryFile) -> dict[str, str]:
        person = file.person
        ref = reference_data()
        born = clock.format_day(person.birth_date)
        if person.birth_date:
            age = clock.age_on(person.birth_date, clock.today())
            born = self.tr("{date} ({age} ans)").format(date=born, age=age)
        elif person.age_band:
            born = code_label("age_bands", person.age_band)
        address = ", ".join(
            part
            for part in (
                person.address,
                " ".join(p for p in (person.postcode, person.commune) if p),
            )
            if part
        )
        barriers = ", ".join(
            self.tr("{frein} ({intensity})").format(
                frein=ref["freins"].label(slug), intensity=ref["intensities"].label(level).lower()
            )
            for slug, level in person.barriers.items()
        )
        privacy: list[str] = []
        if person.notice_given_at:
            informed = self.tr("information remise le {date}").format(
                date=clock.format_day(person.notice_given_at)
            )
            if person.notice_mode:
                informed = self.tr("{informed} ({mode})").format(
                    informed=informed, mode=code_label("notice_modes", person.notice_mode).lower()
                )
            privacy.append(informed)
        if person.restricted:
            privacy.append(self.tr("s'oppose au partage"))
        elif person.sharing_agreed:
            privacy.append(self.tr("accepte le partage avec les partenaires"))
        statuses = [ref["statuses"].label(slug) for slug in person.statuses]
        if person.education_level:
            statuses.append(code_label("education_levels", person.education_level))
        if person.ft_category:
            statuses.append(code_label("ft_categories", person.ft_category))
        status = (
            self.tr("Actif")
            if file.active
            else self.tr("Sorti le {date}").format(date=clock.format_day(person.exit_date))
        )
        return {
            "born": born,
            "gender": code_label("genders", person.gender),
            "phone": person.phone or "",
            "email": person.email or "",
            "address": address,
            "qpv": code_label("qpv", person.qpv),
            "preference": code_label("contact_preferences", person.contact_preference),
            "intake": clock.format_day(person.intake_date),
            "referent": file.referent or "",
            "status": status,
            "situation": ", ".join(statuses),
            "barriers": barriers,
            "privacy": " ; ".join(privacy),
            "project": person.project or "",
        }

    # Actions

    def _person_name(self) -> str:
        return self.file.person.display_name if self.file else ""

    def new_follow_up(self) -> None:
        if self.file is None or self.follow_up_dialog is not None:
            return
        dialog = FollowUpDialog(
            self.window(), beneficiary_id=self.file.person.id, person_name=self._person_name()
        )
        dialog.saved.connect(self._on_follow_up_saved)
        dialog.finished.connect(self._on_follow_up_finished)
        self.follow_up_dialog = dialog
        dialog.open()

    def _on_follow_up_finished(self, _result: int) -> None:
        self.follow_up_dialog = None

    def _on_follow_up_saved(self, _follow_up_id: str) -> None:
        show_message(self.message_label, self.tr("Suivi enregistré."), Tone.SUCCESS)
        self.reload()

    def _on_referral_clicked(self) -> None:
        if self.file is not None:
            self.context.request_new_referral(beneficiary_id=self.file.person.id)

    def _on_edit_clicked(self) -> None:
        if self.file is not None:
            self.edit_requested.emit(self.file.person)

    def exit_cohort(self) -> None:
        if self.file is None or self.exit_dialog is not None:
            return
        dialog = ExitCohortDialog(
            self.window(), beneficiary_id=self.file.person.id, person_name=self._person_name()
        )
        dialog.saved.connect(self._on_exit_saved)
        dialog.finished.connect(self._on_exit_finished)
        self.exit_dialog = dialog
        dialog.open()

    def _on_exit_finished(self, _result: int) -> None:
        self.exit_dialog = None

    def _on_exit_saved(self) -> None:
        show_message(self.message_label, self.tr("Sortie de la cohorte enregistrée."), Tone.SUCCESS)
        self.reload()

    def export_access(self) -> None:
        if self.file is None:
            return
        folder = FolderChooser.ask(
            self.window(),
            title=self.tr("Dossier où écrire l'export du droit d'accès"),
        )
        if folder is None:
            return
        beneficiary_id = self.file.person.id
        show_message(self.message_label, self.tr("Export en cours…"))
        QueryOp(
            self,
            op=lambda session: export_access(session, beneficiary_id, folder),
            success=self._on_exported,
        ).failure(self._on_export_failed).run()

    def _on_exported(self, files: AccessExportFiles) -> None:
        show_message(
            self.message_label,
            self.tr(
                "Export du droit d'accès écrit dans {folder} : {json} (données) et {pdf} (à "
                "remettre à la personne)."
            ).format(
                folder=files.json_path.parent, json=files.json_path.name, pdf=files.pdf_path.name
            ),
            Tone.SUCCESS,
        )

    def _on_export_failed(self, error: Exception) -> None:
        show_message(self.message_label, "")
        show_failure(self, error)

    def erase(self) -> None:
        if self.file is None:
            return
        ask_user(
            self,
            self.erase_question(self.file.erasure),
            self._erase,
            yes_label=self.tr("Effacer définitivement"),
        )

    def erase_question(self, preview: CascadeReport) -> str:
        """What the confirmation says: who, what goes with them, and that it is final."""
        parts = [self.tr("sa fiche")]
        if preview.follow_ups:
            parts.append(
                self.tr("1 suivi")
                if preview.follow_ups == 1
                else self.tr("{count} suivis").format(count=preview.follow_ups)
            )
        if preview.referrals:
            parts.append(
                self.tr("1 orientation avec son historique")
                if preview.referrals == 1
                else self.tr("{count} orientations avec leur historique").format(
                    count=preview.referrals
                )
            )
        kept = ""
        if preview.contacts_unlinked:
            kept = (
                self.tr(" 1 contact est conservé, sans lien avec la personne.")
                if preview.contacts_unlinked == 1
                else self.tr(
                    " {count} contacts sont conservés, sans lien avec la personne."
                ).format(count=preview.contacts_unlinked)
            )
        return self.tr(
            "Effacer définitivement {name} ? Seront effacés : {what}.{kept}\n\n"
            "L'effacement est définitif : il ne peut pas être annulé, et à la prochaine "
            "synchronisation le serveur refusera cette fiche pour toujours."
        ).format(name=self._person_name(), what=_enumerate(parts), kept=kept)

    def _erase(self) -> None:
        if self.file is None:
            return
        beneficiary_id = self.file.person.id
        name = self._person_name()
        WriteOp(
            self,
            op=lambda uow: erase_beneficiary(uow=uow, beneficiary_id=beneficiary_id),
            success=lambda _report: self._on_erased(name),
        ).run()

    def _on_erased(self, name: str) -> None:
        self.clear()
        self.erased.emit(name)


def export_access(session: Session, beneficiary_id: str, folder: Path) -> AccessExportFiles:
    """Write the export (on the worker). The PDF library is loaded here, the first time an
    export is asked for, not when Cohorte opens."""
    from mediateur.services.rights_files import write_access_export

    return write_access_export(session, beneficiary_id=beneficiary_id, directory=folder)


def _enumerate(parts: list[str]) -> str:
    """ "a", "a et b", "a, b et c"."""
    if len(parts) == 1:
        return parts[0]
    return QCoreApplication.translate("file", "{first} et {last}").format(
        first=", ".join(parts[:-1]), last=parts[-1]
    )
