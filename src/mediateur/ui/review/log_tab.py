"""The contact log of the Revue page: filters (period, QPV, event, channel, theme, outcome, review
status, mediator), the virtualised table of the contacts they keep, the detail of the one
selected, and the review actions — "Valider" and "À corriger…" with a comment — on the contacts
selected, which reach the mediators at their next sync.

The table reads windows as it scrolls (`models.ContactLogModel`); a filter change asks for the
first window and the count again. Contacts of another organisation are listed (they come with a
shared person) but cannot be reviewed here.
"""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.services import clock
from mediateur.services.contact_log import LogChoices, LogEntry, LogFilter, filter_choices
from mediateur.services.review import TO_CORRECT, UNREVIEWED, VALIDATED, review_contacts
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import DateField, DateFormatError, code_label, combo_value, fill_codes
from mediateur.ui.models.base import ROW_ROLE
from mediateur.ui.review.comment_dialog import ReviewCommentDialog
from mediateur.ui.review.models import (
    ContactLogModel,
    ContactLogProxy,
    LogCol,
    LogWindow,
    refreshed_rows,
    review_label,
)
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import (
    Tone,
    detail_label,
    message_label,
    set_enabled,
    show_message,
    table_over_panel,
)

if TYPE_CHECKING:
    from mediateur.store.unit_of_work import UnitOfWork


def format_count(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


class ContactLogTab(QWidget):
    reviewed = Signal()  # a review was saved

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._filling = False
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)

        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        self.from_edit = DateField(self)
        self.from_edit.setObjectName("from_edit")
        self.from_edit.setAccessibleName(self.tr("Du"))
        self.to_edit = DateField(self)
        self.to_edit.setObjectName("to_edit")
        self.to_edit.setAccessibleName(self.tr("Au"))
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        period = QHBoxLayout()
        period.setSpacing(6)
        from_label = QLabel(self.tr("&Du"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("a&u"), self)
        to_label.setBuddy(self.to_edit)
        for widget in (from_label, self.from_edit, to_label, self.to_edit):
            period.addWidget(widget)
        self.qpv_combo = self._combo("qpv_combo", self.tr("QPV"))
        fill_codes(self.qpv_combo, "qpv", empty=self.tr("Tous les QPV"))
        self.event_combo = self._combo("event_combo", self.tr("Événement"))
        self.channel_combo = self._combo("channel_combo", self.tr("Canal"))
        fill_codes(self.channel_combo, "channels", empty=self.tr("Tous les canaux"))
        self.theme_combo = self._combo("theme_combo", self.tr("Thème"))
        fill_codes(self.theme_combo, "freins", empty=self.tr("Tous les thèmes"))
        self.outcome_combo = self._combo("outcome_combo", self.tr("Suite donnée"))
        fill_codes(self.outcome_combo, "outcomes", empty=self.tr("Toutes les suites"))
        self.review_combo = self._combo("review_combo", self.tr("Revue"))
        self.review_combo.addItem(self.tr("Toutes les revues"), None)
        self.review_combo.addItem(self.tr("À revoir (pas encore revus)"), UNREVIEWED)
        self.review_combo.addItem(review_label(VALIDATED), VALIDATED)
        self.review_combo.addItem(review_label(TO_CORRECT), TO_CORRECT)
        self.mediator_combo = self._combo("mediator_combo", self.tr("Médiatrice"))
        self.reset_button = QPushButton(self.tr("&Réinitialiser"), self)
        self.reset_button.setObjectName("reset_button")
        grid.addLayout(period, 0, 0)
        grid.addWidget(self.qpv_combo, 0, 1)
        grid.addWidget(self.event_combo, 0, 2)
        grid.addWidget(self.channel_combo, 0, 3)
        grid.addWidget(self.theme_combo, 1, 0)
        grid.addWidget(self.outcome_combo, 1, 1)
        grid.addWidget(self.review_combo, 1, 2)
        grid.addWidget(self.mediator_combo, 1, 3)
        grid.addWidget(self.reset_button, 1, 4)
        for column in range(4):
            grid.setColumnStretch(column, 1)
        layout.addLayout(grid)
        self._fill_choices(LogChoices(events=(), mediators=()))

        counts = QHBoxLayout()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        self.filter_message = QLabel(self)
        self.filter_message.setObjectName("filter_message")
        counts.addWidget(self.count_label)
        counts.addWidget(self.filter_message, 1)
        layout.addLayout(counts)

        self.model = ContactLogModel(self)
        self.proxy = ContactLogProxy(self)
        self.proxy.setSourceModel(self.model)
        self.table = QTableView(self)
        self.table.setObjectName("log_table")
        self.table.setModel(self.proxy)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        # Rows of one height: the view lays out 100 000 of them without measuring each.
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(LogCol.OCCURRED, Qt.SortOrder.DescendingOrder)
        header.setSectionsClickable(True)
        # Measured once on sample texts: a view that sizes columns to contents would read rows.
        samples = {
            LogCol.OCCURRED: "00/00/0000 00:00",
            LogCol.AUTHOR: "Amina Diallo",
            LogCol.QPV: "Génicart Est",
            LogCol.CHANNEL: "Pied d'immeuble",
            LogCol.EVENT: "Food & Job Lormont",
            LogCol.THEMES: "Mobilité, Santé",
            LogCol.OUTCOME: "Rendez-vous pris",
            LogCol.REVIEW: "À corriger",
        }
        metrics = self.table.fontMetrics()
        for column, sample in samples.items():
            header.resizeSection(column, metrics.horizontalAdvance(sample) + 18)
        self.table.setAccessibleName(self.tr("Journal des contacts"))

        panel = QWidget(self)
        panel_layout = QHBoxLayout(panel)
        panel_layout.setContentsMargins(0, 6, 0, 0)
        self.detail_label = detail_label(panel)
        panel_layout.addWidget(self.detail_label, 3)
        actions = QVBoxLayout()
        self.validate_button = QPushButton(self.tr("&Valider"), panel)
        self.validate_button.setObjectName("validate_button")
        self.validate_button.setToolTip(self.tr("Marquer les contacts sélectionnés comme validés"))
        self.correct_button = QPushButton(self.tr("À &corriger…"), panel)
        self.correct_button.setObjectName("correct_button")
        self.correct_button.setToolTip(
            self.tr("Demander une correction, avec un commentaire pour la médiatrice")
        )
        actions.addWidget(self.validate_button)
        actions.addWidget(self.correct_button)
        actions.addStretch(1)
        panel_layout.addLayout(actions, 1)
        layout.addWidget(table_over_panel(self, self.table, panel), 1)
        self.message_label = message_label(self, "log_message_label")
        layout.addWidget(self.message_label)

        self.from_edit.editingFinished.connect(self.apply_filters)
        self.to_edit.editingFinished.connect(self.apply_filters)
        for combo in (
            self.qpv_combo,
            self.event_combo,
            self.channel_combo,
            self.theme_combo,
            self.outcome_combo,
            self.review_combo,
            self.mediator_combo,
        ):
            combo.currentIndexChanged.connect(self.apply_filters)
        self.reset_button.clicked.connect(self.reset_filters)
        header.sortIndicatorChanged.connect(self._on_sort_changed)
        self.model.first_rows_loaded.connect(self._on_rows_loaded)
        self.model.counted.connect(self._on_counted)
        self.model.failed.connect(self._on_load_failed)
        self.table.selectionModel().selectionChanged.connect(self._on_selection_changed)
        self.validate_button.clicked.connect(self.validate_selection)
        self.correct_button.clicked.connect(self.ask_correction)
        show_message(self.message_label, "")
        show_message(self.filter_message, "")
        self._on_selection_changed()

    def _combo(self, name: str, accessible: str) -> QComboBox:
        combo = QComboBox(self)
        combo.setObjectName(name)
        combo.setAccessibleName(accessible)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    # Loading

    def load(self) -> None:
        QueryOp(self, op=filter_choices, success=self._on_choices).run()

    def drop_data(self) -> None:
        self.model.clear()
        self._filling = True
        self.from_edit.clear()
        self.to_edit.clear()
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        self._fill_choices(LogChoices(events=(), mediators=()))
        self._filling = False
        self.count_label.setText("")
        self._show_detail([])
        show_message(self.message_label, "")
        show_message(self.filter_message, "")

    def _on_choices(self, choices: LogChoices) -> None:
        self._fill_choices(choices)
        self.apply_filters()

    def _fill_choices(self, choices: LogChoices) -> None:
        filling, self._filling = self._filling, True
        for combo, empty, items in (
            (self.event_combo, self.tr("Tous les événements"), choices.events),
            (self.mediator_combo, self.tr("Toute l'équipe"), choices.mediators),
        ):
            chosen = combo.currentData()
            combo.clear()
            combo.addItem(empty, None)
            for item in items:
                combo.addItem(item.label, item.value)
            combo.setCurrentIndex(max(0, combo.findData(chosen)) if chosen else 0)
        self._filling = filling

    # Filters

    def current_filter(self) -> LogFilter:
        """The filters as set on screen; DateFormatError if a date cannot be read."""
        return LogFilter(
            date_from=self.from_edit.day(),
            date_to=self.to_edit.day(),
            qpv=combo_value(self.qpv_combo),
            event_id=combo_value(self.event_combo),
            channel=combo_value(self.channel_combo),
            theme=combo_value(self.theme_combo),
            outcome=combo_value(self.outcome_combo),
            review_status=combo_value(self.review_combo),
            mediator_id=combo_value(self.mediator_combo),
            oldest_first=self.model.filters.oldest_first,
        )

    def apply_filters(self) -> None:
        if self._filling or not self.context.is_unlocked:
            return
        try:
            filters = self.current_filter()
        except DateFormatError as bad:
            show_message(
                self.filter_message, self.tr("Période : {problem}").format(problem=bad), Tone.ERROR
            )
            return
        if filters.date_from and filters.date_to and filters.date_from > filters.date_to:
            show_message(
                self.filter_message,
                self.tr("Période : la date de début est postérieure à la date de fin."),
                Tone.ERROR,
            )
            return
        show_message(self.filter_message, "")
        self.count_label.setText(self.tr("Comptage…"))
        self.model.set_filters(filters)

    def reset_filters(self) -> None:
        self._filling = True
        self.from_edit.clear()
        self.to_edit.clear()
        for combo in self.findChildren(QComboBox):
            combo.setCurrentIndex(0)
        self._filling = False
        self.apply_filters()

    def _on_sort_changed(self, column: int, order: Qt.SortOrder) -> None:
        header = self.table.horizontalHeader()
        if column != LogCol.OCCURRED:
            # Only the date sorts: the other columns are filters.
            current = (
                Qt.SortOrder.AscendingOrder
                if self.model.filters.oldest_first
                else Qt.SortOrder.DescendingOrder
            )
            header.blockSignals(True)
            header.setSortIndicator(LogCol.OCCURRED, current)
            header.blockSignals(False)
            return
        self.proxy.sort(column, order)

    def _on_rows_loaded(self) -> None:
        self.table.scrollToTop()
        self._on_selection_changed()

    def _on_counted(self, total: int) -> None:
        if total == 0:
            text = self.tr("Aucun contact ne correspond aux filtres.")
        elif total == 1:
            text = self.tr("1 contact")
        else:
            text = self.tr("{count} contacts").format(count=format_count(total))
        self.count_label.setText(text)

    def _on_load_failed(self, error: Exception) -> None:
        self.count_label.setText("")
        show_failure(self, error)

    # Selection and detail

    def selected_entries(self) -> list[LogEntry]:
        rows = self.table.selectionModel().selectedRows()
        return [self.proxy.data(index, ROW_ROLE) for index in rows]

    def select_rows(self, rows: list[int]) -> None:
        """Select these rows of the table (as a click and Ctrl+clicks would)."""
        selection = self.table.selectionModel()
        selection.clearSelection()
        for row in rows:
            selection.select(
                self.proxy.index(row, 0),
                QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows,
            )

    def _on_selection_changed(self) -> None:
        entries = self.selected_entries()
        reviewable = bool(entries) and all(entry.own for entry in entries)
        set_enabled((self.validate_button, self.correct_button), reviewable)
        self._show_detail(entries)

    def _show_detail(self, entries: list[LogEntry]) -> None:
        if not entries:
            self.detail_label.setText(
                self.tr(
                    "Sélectionnez un contact pour le voir en détail ; Maj ou Ctrl + clic pour "
                    "en revoir plusieurs à la fois."
                )
            )
            return
        if len(entries) > 1:
            others = sum(not e.own for e in entries)
            text = self.tr("{count} contacts sélectionnés.").format(count=len(entries))
            if others:
                text += " " + self.tr(
                    "{others} viennent d'une autre structure : retirez-les de la sélection "
                    "pour revoir les autres."
                ).format(others=others)
            self.detail_label.setText(escape(text, quote=False))
            return
        self.detail_label.setText(self._describe(entries[0]))

    def _describe(self, entry: LogEntry) -> str:
        who = self.tr("Personne suivie") if entry.beneficiary_id else self.tr("Contact anonyme")
        facts = [
            (self.tr("Date"), clock.format_moment(entry.occurred_at)),
            (self.tr("Saisi par"), entry.author),
            (self.tr("Personne"), who),
            (self.tr("Lieu"), entry.place or ""),
            (self.tr("Événement"), entry.event_title or ""),
            (
                self.tr("Genre, âge"),
                ", ".join(
                    label
                    for label in (
                        code_label("genders", entry.gender),
                        code_label("age_bands", entry.age_band),
                    )
                    if label
                ),
            ),
            (self.tr("Statuts"), ", ".join(code_label("statuses", s) for s in entry.statuses)),
            (self.tr("Thèmes"), ", ".join(code_label("freins", t) for t in entry.themes)),
            (self.tr("Suite donnée"), code_label("outcomes", entry.outcome)),
            (self.tr("Note"), entry.note or ""),
        ]
        review = review_label(entry.review_status)
        if entry.reviewed_at is not None:
            review = self.tr("{status}, le {moment} par {who}").format(
                status=review,
                moment=clock.format_moment(entry.reviewed_at),
                who=entry.reviewer or self.tr("un responsable"),
            )
        facts.append((self.tr("Revue"), review))
        if entry.review_comment:
            facts.append((self.tr("Commentaire"), entry.review_comment))
        if not entry.own:
            facts.append(
                (
                    self.tr("À noter"),
                    self.tr("contact d'une autre structure : seuls ses responsables le revoient."),
                )
            )
        return "<br>".join(
            f"<b>{escape(name, quote=False)}</b> : {escape(value, quote=False)}"
            for name, value in facts
            if value
        )

    # Review

    def validate_selection(self) -> None:
        self._review(VALIDATED, None)

    def ask_correction(self) -> None:
        entries = self.selected_entries()
        if not entries:
            return
        current = entries[0].review_comment if len(entries) == 1 else None
        comment = ReviewCommentDialog.ask(self.window(), count=len(entries), comment=current)
        if comment is not None:
            self._review(TO_CORRECT, comment)

    def _review(self, status: str, comment: str | None) -> None:
        ids = [entry.id for entry in self.selected_entries()]
        if not ids:
            return

        def write(uow: UnitOfWork) -> tuple[str, ...]:
            return review_contacts(uow=uow, contact_ids=ids, status=status, comment=comment)

        set_enabled((self.validate_button, self.correct_button), False)
        WriteOp(
            self, op=write, success=lambda changed: self._on_reviewed(status, ids, changed)
        ).failure(self._on_review_failed).run()

    def _on_reviewed(self, status: str, ids: list[str], changed: tuple[str, ...]) -> None:
        count = len(ids)
        label = review_label(status)
        if count == 1:
            text = self.tr(
                "Contact marqué « {status} » : la médiatrice le verra après sa "
                "prochaine synchronisation."
            ).format(status=label)
        else:
            text = self.tr(
                "{count} contacts marqués « {status} » : les médiatrices le verront après leur "
                "prochaine synchronisation."
            ).format(count=count, status=label)
        show_message(self.message_label, text, Tone.SUCCESS)
        QueryOp(
            self, op=lambda session: refreshed_rows(session, ids), success=self._on_refreshed
        ).run()
        if changed:
            self.reviewed.emit()

    def _on_refreshed(self, window: LogWindow) -> None:
        self.model.replace_rows(window)
        self._on_selection_changed()

    def _on_review_failed(self, error: Exception) -> None:
        self._on_selection_changed()
        show_failure(self, error)
