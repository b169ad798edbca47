"""The Revue page, for managers only (DESIGN.md §7): the contact log and its review, the
indicators, the exports (filtered log, COPIL report), the devices of the organisation, the
server's conflict log and the merge of duplicates — one tab each.

The side bar shows the page only to a profile logged in with a manager's account; the services
behind every tab check it again (`services.review.require_manager`), so the page shows nothing to
anyone else. Tabs load when first shown and after each unlock or sync; the devices and conflict
tabs ask the server, so they load only when opened, or on "Actualiser".
"""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from mediateur.ui.context import AppContext
from mediateur.ui.fields import combo_value
from mediateur.ui.pages.base import Page
from mediateur.ui.review.exports_tab import ExportsTab
from mediateur.ui.review.indicators_tab import IndicatorsTab
from mediateur.ui.review.log_tab import ContactLogTab
from mediateur.ui.review.merge_tab import MergeTab
from mediateur.ui.review.remote_tabs import ConflictsTab, DevicesTab
from mediateur.ui.widgets import style_title

Tab = ContactLogTab | IndicatorsTab | ExportsTab | DevicesTab | ConflictsTab | MergeTab


class ReviewPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Revue (responsables)"), self)
        title.setObjectName("review_title_label")
        style_title(title)
        layout.addWidget(title)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("review_tabs")
        self.log_tab = ContactLogTab(context, self.tabs)
        self.indicators_tab = IndicatorsTab(context, self.tabs)
        self.exports_tab = ExportsTab(
            context,
            log_filter=self.log_tab.current_filter,
            describe_filter=self.describe_log_filter,
            parent=self.tabs,
        )
        self.devices_tab = DevicesTab(context, self.tabs)
        self.conflicts_tab = ConflictsTab(context, self.tabs)
        self.merge_tab = MergeTab(context, self.tabs)
        self.tabs.addTab(self.log_tab, self.tr("&Journal des contacts"))
        self.tabs.addTab(self.indicators_tab, self.tr("&Indicateurs"))
        self.tabs.addTab(self.exports_tab, self.tr("E&xports"))
        self.tabs.addTab(self.devices_tab, self.tr("&Appareils"))
        self.tabs.addTab(self.conflicts_tab, self.tr("C&onflits"))
        self.tabs.addTab(self.merge_tab, self.tr("&Doublons"))
        layout.addWidget(self.tabs, 1)
        self._stale: set[int] = set(range(self.tabs.count()))
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.log_tab.reviewed.connect(self._on_records_changed)
        self.merge_tab.merged.connect(self._on_records_changed)

    def tab(self, index: int) -> Tab:
        widget = self.tabs.widget(index)
        assert isinstance(
            widget,
            ContactLogTab | IndicatorsTab | ExportsTab | DevicesTab | ConflictsTab | MergeTab,
        )
        return widget

    # Page

    def load(self) -> None:
        """Everything read from the vault is read again when next shown; the tab on screen
        now. Server tabs keep what they showed until "Actualiser"."""
        local = {self.tabs.indexOf(t) for t in (self.log_tab, self.indicators_tab, self.merge_tab)}
        self._stale |= local | {self.tabs.indexOf(self.exports_tab)}
        self._load_current()

    def drop_data(self) -> None:
        for index in range(self.tabs.count()):
            self.tab(index).drop_data()
        self._stale = set(range(self.tabs.count()))

    def _on_tab_changed(self, _index: int) -> None:
        if self.context.is_unlocked:
            self._load_current()

    def _load_current(self) -> None:
        index = self.tabs.currentIndex()
        # The exports tab says which filters of the log apply: they may have changed.
        if index in self._stale or self.tab(index) is self.exports_tab:
            self._stale.discard(index)
            self.tab(index).load()

    def _on_records_changed(self) -> None:
        """A review or a merge changed records: what other tabs show is stale."""
        current = self.tabs.currentIndex()
        for tab in (self.indicators_tab, self.merge_tab, self.log_tab):
            index = self.tabs.indexOf(tab)
            if index != current:
                self._stale.add(index)

    def describe_log_filter(self) -> str:
        """The log's filters in words, for the export tab."""
        tab = self.log_tab
        parts = []
        start, end = tab.from_edit.text().strip(), tab.to_edit.text().strip()
        if start and end:
            parts.append(self.tr("du {start} au {end}").format(start=start, end=end))
        elif start:
            parts.append(self.tr("depuis le {start}").format(start=start))
        elif end:
            parts.append(self.tr("jusqu'au {end}").format(end=end))
        for combo in (
            tab.qpv_combo,
            tab.event_combo,
            tab.channel_combo,
            tab.theme_combo,
            tab.outcome_combo,
            tab.review_combo,
            tab.mediator_combo,
        ):
            if combo_value(combo) is not None:
                parts.append(f"{combo.accessibleName()} : {combo.currentText()}")
        return " ; ".join(parts) if parts else self.tr("aucun, tout le journal")
