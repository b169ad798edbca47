"""The unlocked workspace: the side bar and the page it selects.

Pages are built on first display (an unlock does not pay for pages nobody opens) through the
registry, and kept: a lock makes every built page drop its data, an unlock reloads the page on
screen, and the others reload when next shown; a sync that moved records does the same. Banners
(the sync's warnings) sit above the page. Ctrl+1 … Ctrl+7 jump to the entries shown; arrow keys
move in the side bar.

Entries for managers (Revue) are shown only while the profile is logged in with a manager's
account: the role is read from the vault after each unlock and after saves (a login is one), and
a hidden entry's page is never built.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from mediateur.ui.context import AppContext
from mediateur.ui.pages.base import Page, PageKey
from mediateur.ui.pages.registry import PageEntry, build_page, page_entries
from mediateur.ui.tasks import QueryOp

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

SIDEBAR_WIDTH = 210


class Workspace(QWidget):
    page_changed = Signal(str)  # PageKey

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.entries = page_entries()
        self._pages: dict[PageKey, Page] = {}
        self._stale: set[PageKey] = set()
        # A managers' page on screen at the last lock, shown again once the role is confirmed.
        self._resume: PageKey | None = None
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.sidebar = QListWidget(self)
        self.sidebar.setObjectName("sidebar")
        self.sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar.setAccessibleName(self.tr("Navigation"))
        font = self.sidebar.font()
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.sidebar.setFont(font)
        self.sidebar.setStyleSheet("QListWidget#sidebar::item { padding: 8px 12px; }")
        for number, entry in enumerate(self.entries, start=1):
            item = QListWidgetItem(entry.title, self.sidebar)
            item.setData(Qt.ItemDataRole.UserRole, entry.key.value)
            item.setHidden(entry.managers_only)
            shortcut = QShortcut(QKeySequence(f"Ctrl+{number}"), self)
            shortcut.activated.connect(lambda n=number: self._on_shortcut(n))
        self._number_entries()
        self.stack = QStackedWidget(self)
        self.main_column = QVBoxLayout()
        self.main_column.setContentsMargins(0, 0, 0, 0)
        self.main_column.setSpacing(0)
        self.main_column.addWidget(self.stack, 1)
        layout.addWidget(self.sidebar)
        layout.addLayout(self.main_column, 1)
        self.sidebar.currentRowChanged.connect(self._on_sidebar_row_changed)
        context.locked.connect(self._on_locked)
        context.unlocked.connect(self._on_unlocked)
        context.beneficiary_requested.connect(self._on_beneficiary_requested)
        context.referral_requested.connect(self._on_referral_requested)
        context.new_referral_requested.connect(self._on_new_referral_requested)
        context.synced.connect(self._on_synced)
        context.changes_saved.connect(self._check_role)

    @property
    def current_key(self) -> PageKey | None:
        row = self.sidebar.currentRow()
        return self.entries[row].key if 0 <= row < len(self.entries) else None

    def add_banner(self, banner: QWidget) -> None:
        """Show `banner` above every page (the sync's warnings)."""
        self.main_column.insertWidget(self.main_column.count() - 1, banner)

    def page(self, key: PageKey) -> Page | None:
        """The page of `key` if it was built."""
        return self._pages.get(key)

    def is_shown(self, key: PageKey) -> bool:
        """Whether the side bar offers `key` to this profile."""
        row = next(i for i, entry in enumerate(self.entries) if entry.key is key)
        item = self.sidebar.item(row)
        return item is not None and not item.isHidden()

    def show_page(self, key: PageKey, *, focus: bool = False) -> Page:
        row = next(i for i, entry in enumerate(self.entries) if entry.key is key)
        if not self.is_shown(key):
            raise LookupError(f"the {key.value} page is not offered to this profile")
        self.sidebar.setCurrentRow(row)
        page = self._pages[key]
        if focus:
            self.focus_current_page()
        return page

    def focus_current_page(self) -> None:
        """Focus the first control of the page on screen, else the side bar."""
        key = self.current_key
        page = self._pages.get(key) if key is not None else None
        if page is None or not page.focus_first_field():
            self.sidebar.setFocus(Qt.FocusReason.OtherFocusReason)

    def _entry(self, key: PageKey) -> PageEntry:
        return next(entry for entry in self.entries if entry.key is key)

    def _visible_rows(self) -> list[int]:
        return [row for row in range(len(self.entries)) if not self.sidebar.item(row).isHidden()]

    def _number_entries(self) -> None:
        """Tooltips give each entry shown its shortcut, counted over the entries shown."""
        for number, row in enumerate(self._visible_rows(), start=1):
            entry = self.entries[row]
            self.sidebar.item(row).setToolTip(
                self.tr("{description} (Ctrl+{number})").format(
                    description=entry.description, number=number
                )
            )

    def _on_shortcut(self, number: int) -> None:
        rows = self._visible_rows()
        if number <= len(rows):
            self.show_page(self.entries[rows[number - 1]].key, focus=True)

    def _check_role(self) -> None:
        if self.context.is_unlocked:
            QueryOp(self, op=_is_manager, success=self._show_manager_entries).run()

    def _show_manager_entries(self, manager: bool) -> None:
        resume, self._resume = self._resume, None
        changed = False
        for row, entry in enumerate(self.entries):
            item = self.sidebar.item(row)
            if entry.managers_only and item.isHidden() == manager:
                item.setHidden(not manager)
                changed = True
        if changed:
            self._number_entries()
        current = self.sidebar.currentRow()
        if 0 <= current < len(self.entries) and self.sidebar.item(current).isHidden():
            self.sidebar.setCurrentRow(self._visible_rows()[0])
        if manager and resume is not None and self.context.is_unlocked:
            self.show_page(resume)

    def _on_sidebar_row_changed(self, row: int) -> None:
        if not 0 <= row < len(self.entries) or self.sidebar.item(row).isHidden():
            return
        key = self.entries[row].key
        page = self._pages.get(key)
        if page is None:
            page = build_page(self._entry(key), self.context)
            page.setObjectName(f"page_{key.value}")
            self._pages[key] = page
            self.stack.addWidget(page)
            self._stale.add(key)
        self.stack.setCurrentWidget(page)
        if key in self._stale and self.context.is_unlocked:
            self._stale.discard(key)
            page.load()
        self.page_changed.emit(key.value)

    def _on_beneficiary_requested(self, beneficiary_id: str) -> None:
        if self.context.is_unlocked:
            self.show_page(PageKey.COHORT).show_record(beneficiary_id)

    def _on_referral_requested(self, referral_id: str) -> None:
        if self.context.is_unlocked:
            self.show_page(PageKey.REFERRALS).show_record(referral_id)

    def _on_new_referral_requested(
        self, beneficiary_id: str | None, contact_id: str | None
    ) -> None:
        # Imported here: the dialog uses the services, which start-up does not load.
        from mediateur.ui.referrals.new_referral import start_new_referral

        start_new_referral(
            self.context, self.window(), beneficiary_id=beneficiary_id, contact_id=contact_id
        )

    def _on_locked(self) -> None:
        for key, page in self._pages.items():
            page.drop_data()
            self._stale.add(key)
        # The next unlock may be another account's: its role is read before these come back.
        current = self.current_key
        resume = current if current is not None and self._entry(current).managers_only else None
        self._show_manager_entries(False)
        self._resume = resume

    def _on_synced(self) -> None:
        """Records arrived: reload the page on screen; the others reload when next shown."""
        self._stale.update(self._pages)
        key = self.current_key
        if key is not None and key in self._pages and self.context.is_unlocked:
            self._stale.discard(key)
            self._pages[key].load()

    def _on_unlocked(self) -> None:
        self._check_role()
        if self.current_key is None:
            self.sidebar.setCurrentRow(0)
            return
        self._on_sidebar_row_changed(self.sidebar.currentRow())


def _is_manager(session: Session) -> bool:
    # Imported here: start-up does not load the database stack before the first screen.
    from mediateur.sync import local_state

    return local_state.get(session, local_state.ROLE) == "manager"
