"""The searchable partner picker: free text, commune and thématique over the partner directory,
a table of services (and of partners that list none), and the details of the one selected.

The directory is read once (`set_entries`, from a `QueryOp` of the caller); every keystroke then
filters it with the directory service's own search (`filter_directory`: every word must appear,
accents and case folded, names first), so the picker and the tests agree on what matches.
Keyboard: Down from the search field enters the table, Enter chooses the selected line.
"""

from __future__ import annotations

from collections.abc import Sequence
from enum import IntEnum
from html import escape

from PySide6.QtCore import QEvent, QItemSelectionModel, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.domain.reference import reference_data
from mediateur.services.partners import (
    DirectoryEntry,
    DirectoryQuery,
    directory_categories,
    directory_communes,
    filter_directory,
)
from mediateur.slips import describe_opening_hours
from mediateur.ui.models.base import ROW_ROLE, RowsModel


def category_labels(entry: DirectoryEntry) -> list[str]:
    labels = reference_data()["thematiques"]
    return [labels.label(c) for c in entry.categories if c in labels]


class DirectoryModel(RowsModel[DirectoryEntry]):
    class Col(IntEnum):
        PARTNER = 0
        SERVICE = 1
        COMMUNE = 2
        THEMES = 3

    def headers(self) -> Sequence[str]:
        return (self.tr("Partenaire"), self.tr("Service"), self.tr("Commune"), self.tr("Thèmes"))

    def row_id(self, row: DirectoryEntry) -> str:
        return row.key

    def display(self, row: DirectoryEntry, column: Col) -> str:  # type: ignore[override]
        if column is self.Col.PARTNER:
            return row.partner.nom
        if column is self.Col.SERVICE:
            return row.service.nom if row.service else self.tr("(aucun service décrit)")
        if column is self.Col.COMMUNE:
            return row.commune or ""
        return ", ".join(category_labels(row))


class PartnerPicker(QWidget):
    """`chosen(entry)` when the user picks a line (Enter or double-click); `selection_changed`
    whenever the selected line changes (None when there is none)."""

    chosen = Signal(object)  # DirectoryEntry
    selection_changed = Signal(object)  # DirectoryEntry | None

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._entries: list[DirectoryEntry] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        filters = QHBoxLayout()
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")
        self.search_edit.setPlaceholderText(
            self.tr("Rechercher : nom, service, commune, thème, mot-clé…")
        )
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Rechercher un partenaire"))
        self.commune_combo = QComboBox(self)
        self.commune_combo.setObjectName("commune_combo")
        self.commune_combo.setAccessibleName(self.tr("Commune"))
        self.theme_combo = QComboBox(self)
        self.theme_combo.setObjectName("theme_combo")
        self.theme_combo.setAccessibleName(self.tr("Thème"))
        filters.addWidget(self.search_edit, 3)
        filters.addWidget(self.commune_combo, 1)
        filters.addWidget(self.theme_combo, 2)
        layout.addLayout(filters)
        self.model = DirectoryModel(self)
        self.table = QTableView(self)
        self.table.setObjectName("directory_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.table.setAccessibleName(self.tr("Partenaires et services"))
        layout.addWidget(self.table, 1)
        self.count_label = QLabel(self)
        self.count_label.setObjectName("count_label")
        layout.addWidget(self.count_label)
        self.details_label = QLabel(self)
        self.details_label.setObjectName("details_label")
        self.details_label.setWordWrap(True)
        self.details_label.setTextFormat(Qt.TextFormat.RichText)
        self.details_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details_label.setMinimumHeight(self.fontMetrics().lineSpacing() * 5)
        self.details_label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.details_label)
        self.search_edit.textChanged.connect(self._refilter)
        self.commune_combo.currentIndexChanged.connect(self._refilter)
        self.theme_combo.currentIndexChanged.connect(self._refilter)
        self.search_edit.installEventFilter(self)
        self.table.installEventFilter(self)
        self.table.doubleClicked.connect(lambda _index: self._choose())
        self.table.selectionModel().currentRowChanged.connect(self._on_current_changed)
        self._fill_filters()

    # Content

    def set_entries(self, entries: Sequence[DirectoryEntry]) -> None:
        self._entries = list(entries)
        self._fill_filters()
        self._refilter()

    def clear(self) -> None:
        self._entries = []
        self.search_edit.clear()
        self._fill_filters()
        self._refilter()

    def query(self) -> DirectoryQuery:
        return DirectoryQuery(
            text=self.search_edit.text(),
            commune=self.commune_combo.currentData(),
            thematique=self.theme_combo.currentData(),
        )

    def visible_entries(self) -> list[DirectoryEntry]:
        return list(self.model.rows())

    def current_entry(self) -> DirectoryEntry | None:
        index = self.table.currentIndex()
        if not index.isValid():
            return None
        entry: DirectoryEntry = self.model.data(index, ROW_ROLE)
        return entry

    def select(self, key: str) -> bool:
        """Select the line of `key` (a service or partner id); False if it is not shown."""
        position = self.model.position(key)
        if position is None:
            return False
        self._select_row(position)
        return True

    def _fill_filters(self) -> None:
        labels = reference_data()["thematiques"]
        for combo, first, values in (
            (
                self.commune_combo,
                self.tr("Toutes les communes"),
                [(c, c) for c in directory_communes(self._entries)],
            ),
            (
                self.theme_combo,
                self.tr("Tous les thèmes"),
                [(labels.label(c), c) for c in directory_categories(self._entries)],
            ),
        ):
            wanted = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(first, None)
            for label, value in values:
                combo.addItem(label, value)
            combo.setCurrentIndex(max(combo.findData(wanted), 0) if wanted else 0)
            combo.blockSignals(False)

    def _refilter(self) -> None:
        before = self.current_entry()
        shown = filter_directory(self._entries, self.query())
        self.model.set_rows(shown)
        self.table.resizeColumnsToContents()
        for column in (DirectoryModel.Col.PARTNER, DirectoryModel.Col.SERVICE):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), 300))
        if self._entries and not shown:
            self.count_label.setText(
                self.tr("Aucun partenaire ne correspond : élargissez la recherche.")
            )
        elif not self._entries:
            self.count_label.setText(
                self.tr("L'annuaire des partenaires est vide : importez-le (responsables).")
            )
        else:
            self.count_label.setText(
                self.tr("{shown} sur {total} partenaires et services").format(
                    shown=len(shown), total=len(self._entries)
                )
            )
        kept = self.model.position(before.key) if before else None
        if kept is not None:
            self._select_row(kept)
        elif shown:
            self._select_row(0)
        else:
            self._on_current_changed()

    def _select_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        self.table.scrollTo(index)

    def _on_current_changed(self, *_args: object) -> None:
        entry = self.current_entry()
        self.details_label.setText(self._describe(entry) if entry else "")
        self.selection_changed.emit(entry)

    def _describe(self, entry: DirectoryEntry) -> str:
        """The details under the table, as rich text (every value escaped)."""
        partner, offer = entry.partner, entry.service

        def line(label: str, value: str | None) -> str:
            return f"<b>{escape(label)}</b> {escape(value)}" if value else ""

        place = offer if offer and (offer.adresse or offer.commune) else partner
        town = " ".join(p for p in (place.code_postal, place.commune) if p)
        address = ", ".join(p for p in (place.adresse, place.complement_adresse, town) if p)
        hours = (offer.horaires_accueil if offer else None) or partner.horaires_accueil
        phone = (offer.telephone if offer else None) or partner.telephone
        email = (offer.courriel if offer else None) or partner.courriel
        modes = ", ".join(self._mode(m) for m in offer.modes_mobilisation) if offer else ""
        title = escape(partner.nom) + (f" — {escape(offer.nom)}" if offer else "")
        lines = [
            f"<b>{title}</b>",
            line(self.tr("Adresse :"), address),
            line(self.tr("Téléphone :"), phone),
            line(self.tr("Courriel :"), email),
            line(self.tr("Horaires :"), describe_opening_hours(hours) if hours else None),
            line(self.tr("Pour prendre contact :"), modes),
            line(self.tr("Conditions d'accès :"), offer.conditions_acces if offer else None),
        ]
        return "<br>".join(part for part in lines if part)

    def _mode(self, mode: str) -> str:
        labels = {
            "se-presenter": self.tr("se présenter"),
            "telephoner": self.tr("téléphoner"),
            "envoyer-un-courriel": self.tr("envoyer un courriel"),
            "utiliser-lien-mobilisation": self.tr("s'inscrire en ligne"),
        }
        return labels.get(mode, mode.replace("-", " "))

    def _choose(self) -> None:
        entry = self.current_entry()
        if entry is not None:
            self.chosen.emit(entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.KeyPress or not isinstance(event, QKeyEvent):
            return False
        key = event.key()
        if watched is self.search_edit and key == Qt.Key.Key_Down and self.model.rowCount():
            self.table.setFocus(Qt.FocusReason.ShortcutFocusReason)
            return True
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and watched in (
            self.search_edit,
            self.table,
        ):
            self._choose()
            return True
        return False
