"""The Doublons tab of the Revue page: merging two records of one person.

Pick two records — a pair the duplicate rule found, or two people chosen from a search — see both
side by side with what each holds, choose the one to keep, confirm: everything under the other
moves to it and the other is deleted (`services.merge`). The merge is one unit of work and
reaches the other laptops at their next sync.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediateur.services import clock
from mediateur.services.beneficiaries import BeneficiarySummary, list_beneficiaries
from mediateur.services.merge import (
    DuplicatePair,
    MergeReport,
    MergeSide,
    compare,
    merge_beneficiaries,
    probable_duplicates,
)
from mediateur.services.validation import field_label
from mediateur.ui.context import AppContext
from mediateur.ui.errors import ask_user, show_failure
from mediateur.ui.fields import code_label
from mediateur.ui.tasks import QueryOp, WriteOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from mediateur.services.beneficiaries import Beneficiary

ID_ROLE = Qt.ItemDataRole.UserRole
# What the comparison shows, in order: (field, reference list of its codes or None).
COMPARED: tuple[tuple[str, str | None], ...] = (
    ("last_name", None),
    ("first_name", None),
    ("birth_date", None),
    ("gender", "genders"),
    ("phone", None),
    ("email", None),
    ("address", None),
    ("postcode", None),
    ("commune", None),
    ("qpv", "qpv"),
    ("intake_date", None),
    ("status", "beneficiary_statuses"),
    ("exit_date", None),
    ("exit_reason", "exit_reasons"),
    ("referent_name", None),
)


def _pick_table(name: str, headers: Sequence[str], parent: QWidget) -> QTableWidget:
    """A list to pick people from: whole rows, texts elided, in full in their tooltip."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setTabKeyNavigation(False)
    table.setWordWrap(False)
    table.verticalHeader().setVisible(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(
    table: QTableWidget,
    rows: Sequence[tuple[str, str, str]],
    *,
    selectable: bool = True,
    ids: bool = False,
) -> None:
    """Rows of (first column, second column, third): the third is the row's tooltip (the texts
    when empty), or with `ids` the record id the row stands for."""
    table.setRowCount(len(rows))
    for row, (first, second, third) in enumerate(rows):
        for column, text in ((0, first), (1, second)):
            item = QTableWidgetItem(text)
            item.setToolTip(text if ids else third or text)
            if ids:
                item.setData(ID_ROLE, third)
            if not selectable:
                item.setFlags(Qt.ItemFlag.ItemIsEnabled)
            table.setItem(row, column, item)


def _value(person: Beneficiary, field: str, codes: str | None) -> str:
    value = getattr(person, field)
    if value is None:
        return ""
    if codes is not None:
        return code_label(codes, value)
    if hasattr(value, "strftime"):
        return clock.format_day(value)
    return str(value)


class MergeTab(QWidget):
    merged = Signal()

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.pair: DuplicatePair | None = None
        self.pairs: list[DuplicatePair] = []
        self.confirmation: QMessageBox | None = None
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 6, 0, 0)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        layout.addWidget(splitter, 1)

        pick = QWidget(splitter)
        pick_layout = QVBoxLayout(pick)
        pick_layout.setContentsMargins(0, 0, 6, 0)
        pairs_label = QLabel(self.tr("Doublons &probables"), pick)
        self.pairs_table = _pick_table(
            "pairs_table", (self.tr("Personne"), self.tr("Pourquoi")), pick
        )
        self.pairs_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        pairs_label.setBuddy(self.pairs_table)
        pick_layout.addWidget(pairs_label)
        pick_layout.addWidget(self.pairs_table, 2)
        search_label = QLabel(self.tr("Ou choisissez deux &fiches"), pick)
        self.search_edit = QLineEdit(pick)
        self.search_edit.setObjectName("merge_search_edit")
        self.search_edit.setPlaceholderText(self.tr("Nom, téléphone ou courriel…"))
        self.search_edit.setClearButtonEnabled(True)
        search_label.setBuddy(self.search_edit)
        self.people_table = _pick_table(
            "people_table", (self.tr("Personne"), self.tr("Naissance, entrée, QPV")), pick
        )
        self.people_table.setSelectionMode(QAbstractItemView.SelectionMode.MultiSelection)
        self.compare_button = QPushButton(self.tr("C&omparer les deux fiches"), pick)
        self.compare_button.setObjectName("compare_button")
        pick_layout.addWidget(search_label)
        pick_layout.addWidget(self.search_edit)
        pick_layout.addWidget(self.people_table, 1)
        pick_layout.addWidget(self.compare_button)

        side = QWidget(splitter)
        side_layout = QVBoxLayout(side)
        side_layout.setContentsMargins(6, 0, 0, 0)
        self.compare_title = QLabel(self.tr("Comparaison"), side)
        style_title(self.compare_title, scale=1.1)
        side_layout.addWidget(self.compare_title)
        self.reason_label = QLabel(side)
        self.reason_label.setWordWrap(True)
        side_layout.addWidget(self.reason_label)
        self.compare_table = QTableWidget(0, 3, side)
        self.compare_table.setObjectName("compare_table")
        self.compare_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.compare_table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.compare_table.verticalHeader().setVisible(False)
        self.compare_table.setHorizontalHeaderLabels(
            [self.tr("Champ"), self.tr("Fiche 1"), self.tr("Fiche 2")]
        )
        header = self.compare_table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        side_layout.addWidget(self.compare_table, 1)
        keep = QGridLayout()
        self.keep_first = QRadioButton(self.tr("Garder la fiche &1"), side)
        self.keep_first.setObjectName("keep_first")
        self.keep_second = QRadioButton(self.tr("Garder la fiche &2"), side)
        self.keep_second.setObjectName("keep_second")
        self.keep_group = QButtonGroup(self)
        self.keep_group.addButton(self.keep_first, 0)
        self.keep_group.addButton(self.keep_second, 1)
        self.merge_button = QPushButton(self.tr("&Fusionner…"), side)
        self.merge_button.setObjectName("merge_button")
        keep.addWidget(self.keep_first, 0, 0)
        keep.addWidget(self.keep_second, 0, 1)
        keep.addWidget(self.merge_button, 0, 2)
        keep.setColumnStretch(2, 1)
        side_layout.addLayout(keep)
        splitter.addWidget(pick)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.message_label = QLabel(self)
        self.message_label.setObjectName("merge_message_label")
        self.message_label.setWordWrap(True)
        layout.addWidget(self.message_label)

        self.pairs_table.currentCellChanged.connect(
            lambda row, _column, _old_row, _old_column: self._on_pair_chosen(row)
        )
        self.search_edit.textChanged.connect(self._on_search)
        self.people_table.itemSelectionChanged.connect(self._update_buttons)
        self.compare_button.clicked.connect(self.compare_chosen)
        self.keep_group.idToggled.connect(lambda _id, _on: self._update_buttons())
        self.merge_button.clicked.connect(self.confirm_merge)
        show_message(self.message_label, "")
        self.show_pair(None)

    # Loading

    def load(self) -> None:
        QueryOp(self, op=probable_duplicates, success=self._show_pairs).failure(
            lambda error: show_failure(self, error)
        ).run()

    def drop_data(self) -> None:
        self.pairs = []
        self.pairs_table.setRowCount(0)
        self.people_table.setRowCount(0)
        self.search_edit.clear()
        self.show_pair(None)
        show_message(self.message_label, "")

    def _show_pairs(self, pairs: list[DuplicatePair]) -> None:
        self.pairs = pairs
        self.pairs_table.blockSignals(True)
        self.pairs_table.clearSelection()
        if pairs:
            rows = [
                (
                    pair.first.person.display_name,
                    pair.reason or "",
                    self.tr("Entrées le {first} et le {second}").format(
                        first=clock.format_day(pair.first.person.intake_date),
                        second=clock.format_day(pair.second.person.intake_date),
                    ),
                )
                for pair in pairs
            ]
        else:
            rows = [(self.tr("Aucun doublon probable."), "", "")]
        _fill(self.pairs_table, rows, selectable=bool(pairs))
        self.pairs_table.setCurrentCell(-1, -1)
        self.pairs_table.blockSignals(False)

    def _on_search(self, text: str) -> None:
        if len(text.strip()) < 2:
            self.people_table.setRowCount(0)
            self._update_buttons()
            return
        QueryOp(
            self,
            op=lambda session: list_beneficiaries(session, search=text),
            success=self._show_people,
        ).run()

    def _show_people(self, people: Sequence[BeneficiarySummary]) -> None:
        shown = [p for p in people if p.anonymised_at is None]
        rows = []
        for person in shown:
            details = ", ".join(
                part
                for part in (
                    clock.format_day(person.birth_date) if person.birth_date else "",
                    self.tr("entrée le {day}").format(day=clock.format_day(person.intake_date))
                    if person.intake_date
                    else "",
                    code_label("qpv", person.qpv),
                )
                if part
            )
            rows.append((person.display_name, details, person.id))
        _fill(self.people_table, rows, ids=True)
        self._update_buttons()

    # Comparing

    def _on_pair_chosen(self, row: int) -> None:
        if 0 <= row < len(self.pairs):
            self.show_pair(self.pairs[row])

    def compare_chosen(self) -> None:
        ids = [index.data(ID_ROLE) for index in self.people_table.selectionModel().selectedRows()]
        if len(ids) == 2:
            self._compare(ids[0], ids[1])

    def _compare(self, first_id: str, second_id: str) -> None:
        QueryOp(
            self,
            op=lambda session: compare(session, first_id, second_id),
            success=self.show_pair,
        ).failure(self._on_failed).run()

    def show_pair(self, pair: DuplicatePair | None) -> None:
        self.pair = pair
        self.keep_group.setExclusive(False)
        self.keep_first.setChecked(False)
        self.keep_second.setChecked(False)
        self.keep_group.setExclusive(True)
        if pair is None:
            self.compare_table.setRowCount(0)
            self.reason_label.setText(
                self.tr(
                    "Choisissez un doublon probable, ou deux fiches dans la recherche, pour les "
                    "comparer."
                )
            )
            self._update_buttons()
            return
        self.reason_label.setText(
            self.tr("Raison : {reason}.").format(reason=pair.reason)
            if pair.reason
            else self.tr("Deux fiches choisies dans la recherche.")
        )
        rows: list[tuple[str, str, str]] = [
            (
                field_label(name)[:1].upper() + field_label(name)[1:],
                _value(pair.first.person, name, codes),
                _value(pair.second.person, name, codes),
            )
            for name, codes in COMPARED
        ]
        rows += [
            (self.tr("Contacts"), str(pair.first.contacts), str(pair.second.contacts)),
            (self.tr("Suivis"), str(pair.first.follow_ups), str(pair.second.follow_ups)),
            (self.tr("Orientations"), str(pair.first.referrals), str(pair.second.referrals)),
            (
                self.tr("Fiche créée le"),
                clock.format_moment(pair.first.person.created_at),
                clock.format_moment(pair.second.person.created_at),
            ),
        ]
        self.compare_table.setRowCount(len(rows))
        for row, (name, first, second) in enumerate(rows):
            label = QTableWidgetItem(name)
            font = label.font()
            font.setBold(True)
            label.setFont(font)
            self.compare_table.setItem(row, 0, label)
            for column, value in ((1, first), (2, second)):
                item = QTableWidgetItem(value)
                item.setToolTip(value)
                if first != second:
                    item.setBackground(self.palette().alternateBase())
                self.compare_table.setItem(row, column, item)
        self._update_buttons()

    def _update_buttons(self) -> None:
        self.compare_button.setEnabled(len(self.people_table.selectionModel().selectedRows()) == 2)
        chosen = self.keep_group.checkedId() in (0, 1)
        self.keep_first.setEnabled(self.pair is not None)
        self.keep_second.setEnabled(self.pair is not None)
        self.merge_button.setEnabled(self.pair is not None and chosen)

    # Merging

    def sides(self) -> tuple[MergeSide, MergeSide] | None:
        """(kept, merged) as chosen, or None."""
        if self.pair is None or self.keep_group.checkedId() not in (0, 1):
            return None
        first, second = self.pair.first, self.pair.second
        return (first, second) if self.keep_group.checkedId() == 0 else (second, first)

    def confirm_merge(self) -> None:
        sides = self.sides()
        if sides is None:
            return
        kept, other = sides
        text = self.tr(
            "Fusionner les deux fiches de {name} ?\n\n"
            "La fiche conservée est celle créée le {kept_day}. L'autre fiche (créée le "
            "{other_day}) lui transmet ses {contacts} contact(s), {follow_ups} suivi(s) et "
            "{referrals} orientation(s), ainsi que les informations qui manquent à la fiche "
            "conservée ; elle est ensuite supprimée. L'entrée, la sortie et les choix de partage "
            "restent ceux de la fiche conservée. Les autres postes recevront la fusion à "
            "leur prochaine synchronisation. On ne peut pas revenir en arrière."
        ).format(
            name=kept.person.display_name,
            kept_day=clock.format_moment(kept.person.created_at),
            other_day=clock.format_moment(other.person.created_at),
            contacts=other.contacts,
            follow_ups=other.follow_ups,
            referrals=other.referrals,
        )
        keep_id, duplicate_id = kept.person.id, other.person.id
        self.confirmation = ask_user(
            self.window(),
            text,
            lambda: self.merge(keep_id, duplicate_id),
            yes_label=self.tr("Fusionner"),
        )

    def merge(self, keep_id: str, duplicate_id: str) -> None:
        self.merge_button.setEnabled(False)
        WriteOp(
            self,
            op=lambda uow: merge_beneficiaries(uow=uow, keep_id=keep_id, duplicate_id=duplicate_id),
            success=self._on_merged,
        ).failure(self._on_failed).run()

    def _on_merged(self, report: MergeReport) -> None:
        filled = ", ".join(field_label(name) for name in report.filled_fields)
        text = self.tr(
            "Fiches fusionnées : {contacts} contact(s), {follow_ups} suivi(s) et {referrals} "
            "orientation(s) rattachés à la fiche conservée."
        ).format(contacts=report.contacts, follow_ups=report.follow_ups, referrals=report.referrals)
        if filled:
            text += " " + self.tr("Complétée avec : {fields}.").format(fields=filled)
        show_message(self.message_label, text, Tone.SUCCESS)
        self.people_table.setRowCount(0)
        self.search_edit.clear()
        self.show_pair(None)
        self.merged.emit()
        self.load()

    def _on_failed(self, error: Exception) -> None:
        self._update_buttons()
        show_failure(self, error)
