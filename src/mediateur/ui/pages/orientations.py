"""The Orientations page: every referral by status, with "à relancer" (more than 10 days without
news) and expired ones called out; the detail and history of the one selected; recording the
partner's answer; printing or reprinting its slip; the batch print of an event's slips; and the
partner directory.

Reads go through `QueryOp`s, writes through `WriteOp`s; printing goes through `SlipPrinter` (the
real PDF, previewed from memory, recorded once printed). The page reloads when shown and after
any save made while it is on screen.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QMenu,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.domain.reference import reference_data
from mediateur.services import clock
from mediateur.services.context import current_context
from mediateur.services.referrals import change_referral_status
from mediateur.ui.context import AppContext
from mediateur.ui.models.base import ID_ROLE, ROW_ROLE
from mediateur.ui.pages.base import Page
from mediateur.ui.referrals.answer import ReferralAnswerDialog, StatusAnswer
from mediateur.ui.referrals.directory import PartnerDirectoryDialog
from mediateur.ui.referrals.models import (
    EXPIRED,
    REMINDER,
    Listing,
    ReferralDetail,
    ReferralFilter,
    ReferralModel,
    load_detail,
    load_event_referrals,
    load_listing,
)
from mediateur.ui.referrals.printing import SlipPrinter
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import (
    Tone,
    detail_label,
    message_label,
    show_message,
    style_title,
    table_over_panel,
)

if TYPE_CHECKING:
    from mediateur.store.unit_of_work import UnitOfWork

CANCELLED = "annulee"
DRAFT = "brouillon"


def record_answer(uow: UnitOfWork, referral_id: str, answer: StatusAnswer) -> None:
    change_referral_status(
        uow=uow,
        referral_id=referral_id,
        to_status=answer.to_status,
        context=current_context(uow.session, uow.install_id),
        reason=answer.note,
        refusal_reason=answer.refusal_reason,
        at=answer.at,
    )


class OrientationsPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        self.detail: ReferralDetail | None = None
        self.event_ids: tuple[str, ...] = ()
        self.directory_dialog: PartnerDirectoryDialog | None = None
        self._pending_record: str | None = None
        self.printer = SlipPrinter(context, self)
        self.printer.printed.connect(self._on_printed)

        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        self.title_label = QLabel(self.tr("Orientations"), self)
        style_title(self.title_label)
        heading.addWidget(self.title_label)
        heading.addStretch(1)
        layout.addLayout(heading)
        self.summary_label = QLabel(self)
        self.summary_label.setObjectName("summary_label")
        self.summary_label.setWordWrap(True)
        layout.addWidget(self.summary_label)

        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(self.tr("Numéro, personne ou partenaire…"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setMinimumWidth(
            self.search_edit.fontMetrics().horizontalAdvance(self.search_edit.placeholderText())
            + 40
        )
        self.search_edit.setAccessibleName(self.tr("Rechercher une orientation"))
        self.status_combo = QComboBox(self)
        self.status_combo.setObjectName("status_combo")
        self.status_combo.setAccessibleName(self.tr("Statut"))
        self.status_combo.addItem(self.tr("Toutes les orientations"), None)
        self.status_combo.addItem(self.tr("À relancer (plus de 10 jours)"), REMINDER)
        for item in reference_data()["referral_statuses"].items:
            self.status_combo.addItem(item.label, item.slug)
        self.event_combo = QComboBox(self)
        self.event_combo.setObjectName("event_combo")
        self.event_combo.setAccessibleName(self.tr("Événement"))
        self.event_combo.setMinimumContentsLength(20)
        self.event_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.event_combo.addItem(self.tr("Tous les événements"), None)
        self.batch_button = QPushButton(self.tr("&Fiches de l'événement"), self)
        self.batch_button.setObjectName("batch_button")
        batch_menu = QMenu(self.batch_button)
        self.batch_preview_action = QAction(self.tr("Aperçu et impression…"), batch_menu)
        self.batch_pdf_action = QAction(self.tr("Enregistrer en PDF…"), batch_menu)
        batch_menu.addAction(self.batch_preview_action)
        batch_menu.addAction(self.batch_pdf_action)
        self.batch_button.setMenu(batch_menu)
        self.directory_button = QPushButton(self.tr("&Annuaire des partenaires…"), self)
        self.directory_button.setObjectName("directory_button")
        filters.addWidget(self.search_edit, 2)
        filters.addWidget(self.status_combo, 1)
        filters.addWidget(self.event_combo, 2)
        layout.addLayout(filters)
        heading.addWidget(self.batch_button)
        heading.addWidget(self.directory_button)

        self.model = ReferralModel(self)
        self.proxy = ReferralFilter(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("referrals_table")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(ReferralModel.Col.CHANGED, Qt.SortOrder.DescendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Orientations"))

        # The detail sits under the list, so the list keeps the whole width for its columns.
        panel = QWidget(self)
        panel_layout = QHBoxLayout(panel)
        panel_layout.setContentsMargins(0, 6, 0, 0)
        self.detail_label = detail_label(panel)
        panel_layout.addWidget(self.detail_label, 3)
        side = QVBoxLayout()
        self.history_label = QLabel(self.tr("Historique"), panel)
        side.addWidget(self.history_label)
        self.history_list = QListWidget(panel)
        self.history_list.setObjectName("history_list")
        self.history_list.setAccessibleName(self.tr("Historique de l'orientation"))
        self.history_list.setWordWrap(True)
        self.history_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 6 + 8)
        side.addWidget(self.history_list, 1)
        self.answer_button = QPushButton(self.tr("Enregistrer une &réponse…"), panel)
        self.answer_button.setObjectName("answer_button")
        self.print_button = QPushButton(self.tr("Aperçu et &impression…"), panel)
        self.print_button.setObjectName("print_button")
        self.pdf_button = QPushButton(self.tr("Enregistrer en P&DF…"), panel)
        self.pdf_button.setObjectName("pdf_button")
        self.person_button = QPushButton(self.tr("Fiche de la &personne"), panel)
        self.person_button.setObjectName("person_button")
        actions = QGridLayout()
        actions.addWidget(self.answer_button, 0, 0)
        actions.addWidget(self.person_button, 0, 1)
        actions.addWidget(self.print_button, 1, 0)
        actions.addWidget(self.pdf_button, 1, 1)
        side.addLayout(actions)
        panel_layout.addLayout(side, 2)
        layout.addWidget(table_over_panel(self, self.table, panel), 1)
        self.message_label = message_label(self, "message_label")
        layout.addWidget(self.message_label)

        self.search_edit.textChanged.connect(self._on_search_changed)
        self.status_combo.currentIndexChanged.connect(self._on_status_changed)
        self.event_combo.currentIndexChanged.connect(self._on_event_changed)
        self.batch_preview_action.triggered.connect(self._on_batch_preview)
        self.batch_pdf_action.triggered.connect(self._on_batch_pdf)
        self.directory_button.clicked.connect(self.open_directory)
        self.answer_button.clicked.connect(self._on_answer_clicked)
        self.print_button.clicked.connect(self._on_print_clicked)
        self.pdf_button.clicked.connect(self._on_pdf_clicked)
        self.person_button.clicked.connect(self._on_person_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self.proxy.modelReset.connect(self._update_counts)
        self.proxy.layoutChanged.connect(self._update_counts)
        context.changes_saved.connect(self._on_changes_saved)
        self._show_detail(None)
        show_message(self.message_label, "")
        self._update_batch_button()

    # Page

    def load(self) -> None:
        QueryOp(self, op=load_listing, success=self._on_listing).run()

    def drop_data(self) -> None:
        self.model.set_rows([])
        self.search_edit.clear()
        self.event_ids = ()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        self.event_combo.addItem(self.tr("Tous les événements"), None)
        self.event_combo.blockSignals(False)
        self.proxy.set_event_referrals(None)
        self._show_detail(None)
        self.summary_label.setText("")
        show_message(self.message_label, "")
        self._update_batch_button()

    def show_record(self, record_id: str) -> None:
        """Select the referral `record_id` (once the list holds it)."""
        if not self._select(record_id):
            self._pending_record = record_id
            self.status_combo.setCurrentIndex(0)
            self.event_combo.setCurrentIndex(0)
            self.search_edit.clear()
            self._select(record_id)

    def _on_changes_saved(self) -> None:
        if self.isVisible() and self.context.is_unlocked:
            self.load()

    def _on_listing(self, listing: Listing) -> None:
        current = self._current_id() or self._pending_record
        self.model.set_rows(listing.rows)
        self.table.resizeColumnsToContents()
        for column, widest in ((ReferralModel.Col.PERSON, 200), (ReferralModel.Col.PARTNER, 300)):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), widest))
        self._fill_events(listing)
        self._update_summary()
        if current and self._select(current):
            self._pending_record = None
        elif self.proxy.rowCount():
            self._select_proxy_row(0)
        else:
            self._show_detail(None)

    def _fill_events(self, listing: Listing) -> None:
        wanted = self.event_combo.currentData()
        self.event_combo.blockSignals(True)
        self.event_combo.clear()
        self.event_combo.addItem(self.tr("Tous les événements"), None)
        for action in listing.events:
            day = clock.format_day(clock.paris_date(action.starts_at))
            self.event_combo.addItem(f"{day} — {action.title}", action.id)
        self.event_combo.setCurrentIndex(max(self.event_combo.findData(wanted), 0))
        self.event_combo.blockSignals(False)
        if wanted is not None and self.event_combo.currentData() == wanted:
            self._on_event_changed()

    def _update_summary(self) -> None:
        rows = self.model.rows()
        due = sum(1 for r in rows if r.reminder_due)
        expired = sum(1 for r in rows if r.referral.status == EXPIRED)
        drafts = sum(1 for r in rows if r.referral.status == DRAFT)
        self.summary_label.setText(
            self.tr(
                "{total} orientations · {due} à relancer · {expired} expirées · "
                "{drafts} en brouillon, fiche à imprimer"
            ).format(total=len(rows), due=due, expired=expired, drafts=drafts)
        )

    def _update_counts(self) -> None:
        self._update_batch_button()

    # Filters

    def _on_search_changed(self, text: str) -> None:
        self.proxy.set_text(text)
        self._keep_a_selection()

    def _on_status_changed(self) -> None:
        self.proxy.set_status(self.status_combo.currentData())
        self._keep_a_selection()

    def _on_event_changed(self) -> None:
        event_id = self.event_combo.currentData()
        if event_id is None:
            self.event_ids = ()
            self.proxy.set_event_referrals(None)
            self._keep_a_selection()
            self._update_batch_button()
            return
        QueryOp(
            self,
            op=lambda session: load_event_referrals(session, event_id),
            success=self._on_event_referrals,
        ).run()

    def _on_event_referrals(self, ids: tuple[str, ...]) -> None:
        self.event_ids = ids
        self.proxy.set_event_referrals(frozenset(ids))
        self._keep_a_selection()
        self._update_batch_button()

    def _update_batch_button(self) -> None:
        count = len(self.event_ids)
        self.batch_button.setEnabled(count > 0)
        self.batch_button.setToolTip(
            self.tr("Imprimer en une fois les {count} fiches de l'événement choisi.").format(
                count=count
            )
            if count
            else self.tr("Choisissez un événement pour imprimer toutes ses fiches.")
        )

    def _keep_a_selection(self) -> None:
        if not self.table.currentIndex().isValid() and self.proxy.rowCount():
            self._select_proxy_row(0)
        elif not self.proxy.rowCount():
            self._show_detail(None)

    # Selection and detail

    def _current_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(ID_ROLE) if index.isValid() else None

    def _select(self, referral_id: str) -> bool:
        position = self.model.position(referral_id)
        if position is None:
            return False
        index = self.proxy.mapFromSource(self.model.index(position, 0))
        if not index.isValid():
            return False
        self._select_proxy_row(index.row())
        return True

    def _select_proxy_row(self, row: int) -> None:
        index = self.proxy.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        referral_id = current.data(ID_ROLE) if current.isValid() else None
        if referral_id is None:
            self._show_detail(None)
            return
        QueryOp(
            self, op=lambda session: load_detail(session, referral_id), success=self._show_detail
        ).run()

    def _show_detail(self, detail: ReferralDetail | None) -> None:
        if detail is not None and detail.referral.id != self._current_id():
            return  # an older selection's answer
        self.detail = detail
        self.history_list.clear()
        buttons = (self.answer_button, self.print_button, self.pdf_button, self.person_button)
        if detail is None:
            self.detail_label.setText(
                self.tr("Sélectionnez une orientation pour voir son détail et son historique.")
            )
            for button in buttons:
                button.setEnabled(False)
            return
        ref = reference_data()
        referral = detail.referral
        statuses = ref["referral_statuses"]
        row = self.table.currentIndex().data(ROW_ROLE)
        lines = [
            f"<b>{escape(referral.number or '')}</b> — "
            + escape(self.tr("statut : {status}").format(status=statuses.label(referral.status))),
            escape(
                self.tr("Personne : {name}").format(
                    name=self.model.display(row, ReferralModel.Col.PERSON)
                )
            ),
            escape(
                self.tr("Partenaire : {name}").format(
                    name=detail.partner_name
                    + (f" — {detail.service_name}" if detail.service_name else "")
                )
            ),
        ]
        if referral.barrier_codes:
            freins = ", ".join(ref["freins"].label(c) for c in referral.barrier_codes)
            lines.append(escape(self.tr("Freins : {freins}").format(freins=freins)))
        if referral.reason:
            lines.append(escape(self.tr("Motif : {reason}").format(reason=referral.reason)))
        lines.append(
            escape(self._next_step_text(referral.expected_contact, referral.appointment_at))
        )
        shared = [ref["slip_shared_fields"].label(c).lower() for c in referral.shared_with_partner]
        lines.append(
            escape(
                self.tr("Transmis au partenaire : {details}").format(details=", ".join(shared))
                if shared
                else self.tr("Transmis au partenaire : rien de personnel")
            )
        )
        if referral.refusal_reason:
            lines.append(
                escape(
                    self.tr("Motif du refus : {reason}").format(
                        reason=ref["refusal_reasons"].label(referral.refusal_reason)
                    )
                )
            )
        lines.append(
            escape(
                self.tr("Fiche imprimée le {moment}").format(
                    moment=clock.format_moment(referral.printed_at)
                )
                if referral.printed_at
                else self.tr("Fiche pas encore imprimée")
            )
        )
        if row.reminder_due:
            lines.append(
                "<span style='color:#b3261e'>"
                + escape(
                    self.tr("Sans nouvelles depuis plus de 10 jours : relancez le partenaire.")
                )
                + "</span>"
            )
        elif referral.status == EXPIRED:
            lines.append(
                "<span style='color:#b3261e'>"
                + escape(self.tr("Expirée : le partenaire n'a pas répondu en 30 jours."))
                + "</span>"
            )
        self.detail_label.setText("<br>".join(lines))
        for step in detail.history:
            moved = (
                f"{statuses.label(step.from_status)} → {statuses.label(step.to_status)}"
                if step.from_status
                else statuses.label(step.to_status)
            )
            text = f"{clock.format_moment(step.at)} — {moved}"
            self.history_list.addItem(text + (f" — {step.reason}" if step.reason else ""))
        printable = referral.status != CANCELLED
        self.answer_button.setEnabled(bool(detail.next_statuses))
        self.print_button.setEnabled(printable)
        self.pdf_button.setEnabled(printable)
        self.person_button.setEnabled(referral.beneficiary_id is not None)

    def _next_step_text(self, expected: str | None, appointment: object) -> str:
        if expected == "rdv_fixe" and appointment is not None:
            return self.tr("Suite prévue : rendez-vous le {moment}").format(
                moment=clock.format_moment(appointment)  # type: ignore[arg-type]
            )
        if expected:
            label = reference_data().label("expected_contacts", expected)
            return self.tr("Suite prévue : {step}").format(step=label.lower())
        return self.tr("Suite prévue : non précisée")

    # Actions

    def _on_answer_clicked(self) -> None:
        detail = self.detail
        if detail is None or not detail.next_statuses:
            return
        referral = detail.referral
        answer = ReferralAnswerDialog.ask(
            self,
            number=referral.number or "",
            status=referral.status,
            choices=detail.next_statuses,
        )
        if answer is None:
            return
        label = reference_data().label("referral_statuses", answer.to_status)
        WriteOp(
            self,
            op=lambda uow: record_answer(uow, referral.id, answer),
            success=lambda _result: show_message(
                self.message_label,
                self.tr("Orientation {number} : {status}.").format(
                    number=referral.number, status=label.lower()
                ),
                Tone.SUCCESS,
            ),
        ).run()

    def _on_print_clicked(self) -> None:
        if self.detail is not None:
            number = self.detail.referral.number
            self.printer.print_with_preview(
                [self.detail.referral.id],
                title=self.tr("Fiche de liaison {number}").format(number=number),
            )

    def _on_pdf_clicked(self) -> None:
        if self.detail is not None:
            number = self.detail.referral.number
            self.printer.save_as_pdf(
                [self.detail.referral.id], suggested_name=f"fiche-de-liaison-{number}.pdf"
            )

    def _on_batch_preview(self) -> None:
        if self.event_ids:
            self.printer.print_with_preview(
                self.event_ids,
                title=self.tr("Fiches de liaison : {event}").format(
                    event=self.event_combo.currentText()
                ),
            )

    def _on_batch_pdf(self) -> None:
        if self.event_ids:
            day = self.event_combo.currentText().split(" — ", 1)[0].replace("/", "-")
            self.printer.save_as_pdf(self.event_ids, suggested_name=f"fiches-de-liaison-{day}.pdf")

    def _on_printed(self, ids: tuple[str, ...], path: object) -> None:
        count = len(ids)
        if path is None:
            text = self.tr("{count} fiche(s) imprimée(s) et enregistrée(s) comme remises.")
        else:
            text = self.tr("{count} fiche(s) enregistrée(s) dans {path}.")
        show_message(self.message_label, text.format(count=count, path=str(path)), Tone.SUCCESS)

    def _on_person_clicked(self) -> None:
        if self.detail is not None and self.detail.referral.beneficiary_id:
            self.context.request_beneficiary(self.detail.referral.beneficiary_id)

    def open_directory(self) -> PartnerDirectoryDialog:
        dialog = PartnerDirectoryDialog(self.context, self.window())
        dialog.finished.connect(self._on_directory_closed)
        self.directory_dialog = dialog
        dialog.open()
        dialog.load()
        return dialog

    def _on_directory_closed(self, _result: int) -> None:
        self.directory_dialog = None
