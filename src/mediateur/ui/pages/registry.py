"""The side-bar entries, in order, and the factory that builds each entry's page.

A page is plugged in with `register_page(PageKey.TERRAIN, TerrainPage)` (any callable taking the
`AppContext` and returning a `Page`), or by adding it to `_FACTORIES` below. Entries without a
factory show a `ComingSoonPage`: scaffolding until their page lands.

The data pages are imported when first built (`_lazy`): they use the services, hence the
database stack, which start-up does not load before the first screen shows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication

from mediateur.ui.context import AppContext
from mediateur.ui.pages.base import Page, PageKey
from mediateur.ui.pages.coming_soon import ComingSoonPage
from mediateur.ui.pages.settings import SettingsPage

PageFactory = Callable[[AppContext], Page]


@dataclass(frozen=True, slots=True)
class PageEntry:
    key: PageKey
    title: str
    description: str
    # Shown in the side bar only when the profile is logged in with a manager's account.
    managers_only: bool = False


def page_entries() -> list[PageEntry]:
    """The side bar, top to bottom (Ctrl+1 is the first entry shown)."""
    return [
        PageEntry(
            PageKey.TERRAIN,
            QCoreApplication.translate("Pages", "Terrain"),
            QCoreApplication.translate("Pages", "Saisie rapide des contacts d'aller-vers."),
        ),
        PageEntry(
            PageKey.COHORT,
            QCoreApplication.translate("Pages", "Cohorte"),
            QCoreApplication.translate(
                "Pages", "Bénéficiaires suivis : liste, inscription, fiches et tâches à faire."
            ),
        ),
        PageEntry(
            PageKey.REFERRALS,
            QCoreApplication.translate("Pages", "Orientations"),
            QCoreApplication.translate(
                "Pages", "Orientations vers les partenaires, fiches de liaison et réponses."
            ),
        ),
        PageEntry(
            PageKey.EVENTS,
            QCoreApplication.translate("Pages", "Événements"),
            QCoreApplication.translate("Pages", "Événements d'aller-vers et leurs contacts."),
        ),
        PageEntry(
            PageKey.REVIEW,
            QCoreApplication.translate("Pages", "Revue"),
            QCoreApplication.translate(
                "Pages",
                "Responsables : revue des contacts, indicateurs, exports, appareils, conflits, "
                "doublons.",
            ),
            managers_only=True,
        ),
        PageEntry(
            PageKey.SYNC,
            QCoreApplication.translate("Pages", "Synchronisation"),
            QCoreApplication.translate(
                "Pages", "Envoi et réception des données avec le serveur de la Cité de l'emploi."
            ),
        ),
        PageEntry(
            PageKey.SETTINGS,
            QCoreApplication.translate("Pages", "Paramètres"),
            QCoreApplication.translate(
                "Pages", "Verrouillage, phrase de passe, code de récupération, serveur, intégrité."
            ),
        ),
    ]


def _lazy(module: str, name: str) -> PageFactory:
    def build(context: AppContext) -> Page:
        page_class: PageFactory = getattr(importlib.import_module(module), name)
        return page_class(context)

    return build


_FACTORIES: dict[PageKey, PageFactory] = {
    PageKey.TERRAIN: _lazy("mediateur.ui.pages.terrain", "TerrainPage"),
    PageKey.COHORT: _lazy("mediateur.ui.pages.cohort", "CohortPage"),
    PageKey.REFERRALS: _lazy("mediateur.ui.pages.orientations", "OrientationsPage"),
    PageKey.EVENTS: _lazy("mediateur.ui.pages.events", "EventsPage"),
    PageKey.REVIEW: _lazy("mediateur.ui.pages.review", "ReviewPage"),
    PageKey.SYNC: _lazy("mediateur.ui.pages.sync_page", "SyncPage"),
    PageKey.SETTINGS: SettingsPage,
}


def register_page(key: PageKey, factory: PageFactory) -> None:
    _FACTORIES[key] = factory


def build_page(entry: PageEntry, context: AppContext) -> Page:
    factory = _FACTORIES.get(entry.key)
    if factory is None:
        return ComingSoonPage(context, title=entry.title, description=entry.description)
    return factory(context)
