"""How the probable duplicates of a person are listed (intake form, Terrain's identification):
one line per existing file with what tells people apart, the matching rule in its tooltip."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QListWidget, QListWidgetItem

from mediateur.services.beneficiaries import DuplicateCandidate, display_name
from mediateur.services.clock import format_day

ID_ROLE = Qt.ItemDataRole.UserRole
NAME_ROLE = Qt.ItemDataRole.UserRole + 1


def list_candidates(listing: QListWidget, candidates: Iterable[DuplicateCandidate]) -> None:
    """Fill `listing` (ids in ID_ROLE, names in NAME_ROLE) and select the first line."""
    listing.clear()
    for candidate in candidates:
        name = display_name(candidate.last_name, candidate.first_name)
        known = []
        if candidate.birth_date:
            known.append(
                QCoreApplication.translate("duplicates", "naissance {date}").format(
                    date=format_day(candidate.birth_date)
                )
            )
        if candidate.intake_date:
            known.append(
                QCoreApplication.translate("duplicates", "entrée {date}").format(
                    date=format_day(candidate.intake_date)
                )
            )
        text = name
        if known:
            text = QCoreApplication.translate("duplicates", "{name} — {known}").format(
                name=name, known=", ".join(known)
            )
        item = QListWidgetItem(text, listing)
        item.setToolTip(candidate.reason)
        item.setData(ID_ROLE, candidate.id)
        item.setData(NAME_ROLE, name)
    listing.setCurrentRow(0)
