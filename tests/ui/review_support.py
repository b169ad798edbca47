"""Helpers of the Revue page tests: a window on a profile logged in as a manager (or not), the
page, and the question boxes the page opens."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QMessageBox

from mediateur.services.context import current_context
from mediateur.services.demo import populate_demo
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.review import ReviewPage
from tests.support.labs import act_as

ORG = "0190b5b4-0000-7000-8000-00000000c17e"
OTHER_ORG = "0190b5b4-0000-7000-8000-0000000091ee"
MANAGER = "0190b5b4-0000-7000-8000-0000000000c1"
MANAGER_NAME = "Chloé Roux"


def as_role(window: MainWindow, role: str | None) -> None:
    """Make the window's profile logged in with `role` (what a login stores), then let the
    workspace read it, as it does after a login."""
    vault = window.context.vault
    act_as(vault, role=role, organisation_id=ORG, user_id=MANAGER)
    with vault.write_session() as session, session.begin():
        local_state.put(session, local_state.DISPLAY_NAME, MANAGER_NAME)
    window.context.notify_changes_saved()


def demo(vault: Vault) -> None:
    with vault.unit_of_work() as uow:
        populate_demo(uow=uow, context=current_context(uow.session, vault.install_id))


def review_page(window: MainWindow) -> ReviewPage:
    assert window.workspace is not None
    page = window.workspace.show_page(PageKey.REVIEW)
    assert isinstance(page, ReviewPage)
    return page


def question(window: MainWindow) -> QMessageBox:
    boxes = [b for b in window.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1
    return boxes[0]


def answer(window: MainWindow, label: str) -> None:
    """Click the button labelled `label` of the question on screen."""
    box = question(window)
    next(b for b in box.buttons() if b.text() == label).click()


Fill = Callable[[Vault], None]
