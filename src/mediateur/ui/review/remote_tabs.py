"""The Revue page's tabs that ask the server (online only): the devices of the organisation with
their sync health and their revocation ("Retirer", "Effacer à distance"), and the server's
conflict log.

Calls go through `sync.remote.ManagerRemote` with the account this profile logged in with, on the
pool lane (never the GUI thread, never the database lane). Their failures are French messages
shown in the tab: the page stays usable offline.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.sync.errors import SyncError
from mediateur.sync.protocol import ConflictLogEntry, DeviceInfo
from mediateur.sync.remote import CONFLICT_PAGE, ManagerRemote
from mediateur.ui.context import AppContext
from mediateur.ui.errors import ask_user, show_failure
from mediateur.ui.models.base import ROW_ROLE, SORT_ROLE, RowsModel
from mediateur.ui.review.models import ConflictsModel, DeviceCol, DevicesModel
from mediateur.ui.tasks import Lane, VaultOp
from mediateur.ui.widgets import Tone, set_enabled, show_message

if TYPE_CHECKING:
    from mediateur.store.vault import Vault

T = TypeVar("T")


def _table(name: str, model: RowsModel[T], parent: QWidget) -> QTableView:
    proxy = QSortFilterProxyModel(parent)
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    view = QTableView(parent)
    view.setObjectName(name)
    view.setModel(proxy)
    view.setSortingEnabled(True)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setTabKeyNavigation(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setStretchLastSection(True)
    return view


class _RemoteTab(QWidget):
    """What both tabs share: a status line, an "Actualiser" button, calls on the pool lane."""

    def __init__(self, context: AppContext, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.context = context
        self.layout_ = QVBoxLayout(self)
        self.layout_.setContentsMargins(0, 6, 0, 0)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.refresh_button = QPushButton(self.tr("&Actualiser"), self)
        self.busy = False

    def call(
        self,
        op: Callable[[ManagerRemote], T],
        success: Callable[[T], object],
        *,
        waiting: str,
    ) -> None:
        """Run `op` with the server client of this profile, off the GUI thread."""
        show_message(self.message_label, waiting)
        self.busy = True
        self._update_buttons()

        def run(vault: Vault) -> T:
            return op(ManagerRemote.from_vault(vault))

        def done(result: T) -> None:
            self.busy = False
            show_message(self.message_label, "")
            success(result)
            self._update_buttons()

        VaultOp(self, op=run, success=done).failure(self._on_failed).on_lane(Lane.POOL).run()

    def _on_failed(self, error: Exception) -> None:
        self.busy = False
        self._update_buttons()
        if isinstance(error, SyncError):
            show_message(self.message_label, str(error), Tone.ERROR)
            return
        show_message(self.message_label, "")
        show_failure(self, error)

    def _update_buttons(self) -> None:
        self.refresh_button.setEnabled(not self.busy)


class DevicesTab(_RemoteTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        intro = QLabel(
            self.tr(
                "Les postes de votre structure et l'état de leur synchronisation, tels que le "
                "serveur les a vus à leur dernière connexion."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.model = DevicesModel(self)
        self.view = _table("devices_view", self.model, self)
        self.view.sortByColumn(DeviceCol.USER, Qt.SortOrder.AscendingOrder)
        self.view.setAccessibleName(self.tr("Appareils"))
        self.layout_.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.refresh_button.setObjectName("devices_refresh_button")
        self.retire_button = QPushButton(self.tr("&Retirer…"), self)
        self.retire_button.setObjectName("retire_button")
        self.retire_button.setToolTip(
            self.tr("Poste rendu, remplacé ou réaffecté : il envoie ses saisies puis s'efface")
        )
        self.wipe_button = QPushButton(self.tr("&Effacer à distance…"), self)
        self.wipe_button.setObjectName("wipe_button")
        self.wipe_button.setToolTip(
            self.tr("Poste perdu ou volé : il s'efface dès sa prochaine connexion")
        )
        buttons.addWidget(self.refresh_button)
        buttons.addStretch(1)
        buttons.addWidget(self.retire_button)
        buttons.addWidget(self.wipe_button)
        self.layout_.addLayout(buttons)
        self.message_label.setObjectName("devices_message_label")
        self.layout_.addWidget(self.message_label)
        self.confirmation: QMessageBox | None = None
        self.refresh_button.clicked.connect(self.load)
        self.retire_button.clicked.connect(lambda: self.confirm_revoke("retire"))
        self.wipe_button.clicked.connect(lambda: self.confirm_revoke("wipe"))
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        show_message(self.message_label, "")
        self._update_buttons()

    def load(self) -> None:
        self.call(
            lambda remote: remote.devices(),
            self._show_devices,
            waiting=self.tr("Interrogation du serveur…"),
        )

    def drop_data(self) -> None:
        self.model.set_rows([])
        show_message(self.message_label, "")
        self._update_buttons()

    def _show_devices(self, devices: list[DeviceInfo]) -> None:
        self.model.set_rows(devices)
        if not devices:
            show_message(
                self.message_label, self.tr("Aucun poste enregistré pour votre structure.")
            )

    def selected(self) -> DeviceInfo | None:
        rows = self.view.selectionModel().selectedRows()
        return self.view.model().data(rows[0], ROW_ROLE) if rows else None

    def select_device(self, device_id: str) -> None:
        for row in range(self.view.model().rowCount()):
            index = self.view.model().index(row, 0)
            if self.view.model().data(index, ROW_ROLE).id == device_id:
                self.view.selectRow(row)
                return

    def _is_this_laptop(self, device: DeviceInfo) -> bool:
        return (
            self.context.is_unlocked and device.id.lower() == self.context.vault.install_id.lower()
        )

    def _update_buttons(self) -> None:
        super()._update_buttons()
        device = self.selected()
        usable = device is not None and not self.busy and not self._is_this_laptop(device)
        set_enabled((self.retire_button,), usable and device is not None and device.revoked is None)
        set_enabled((self.wipe_button,), usable and device is not None and device.revoked != "wipe")

    def confirm_revoke(self, mode: str) -> None:
        device = self.selected()
        if device is None:
            return
        name = device.name or self.tr("sans nom")
        if mode == "retire":
            text = self.tr(
                "Retirer le poste « {name} » de {user} ?\n\n"
                "À sa prochaine connexion au serveur, ce poste envoie les saisies qu'il détient "
                "encore, puis son profil est effacé de l'ordinateur. Il ne pourra plus se "
                "connecter. À utiliser pour un poste rendu, remplacé ou confié à quelqu'un "
                "d'autre."
            ).format(name=name, user=device.user)
            label = self.tr("Retirer le poste")
        else:
            pending = device.pending or 0
            text = self.tr(
                "Effacer à distance le poste « {name} » de {user} ?\n\n"
                "Pour un poste perdu ou volé : à sa prochaine connexion, il efface aussitôt son "
                "profil sans rien envoyer. Les saisies qu'il n'a pas synchronisées seront "
                "perdues ({pending} en attente à sa dernière synchronisation). Ce poste ne "
                "pourra plus jamais se connecter, et on ne peut pas revenir en arrière."
            ).format(name=name, user=device.user, pending=pending)
            label = self.tr("Effacer à distance")
        device_id = device.id
        self.confirmation = ask_user(
            self.window(), text, lambda: self.revoke(device_id, mode), yes_label=label
        )

    def revoke(self, device_id: str, mode: str) -> None:
        self.call(
            lambda remote: remote.revoke(device_id, "wipe" if mode == "wipe" else "retire"),
            self._on_revoked,
            waiting=self.tr("Envoi au serveur…"),
        )

    def _on_revoked(self, device: DeviceInfo) -> None:
        self.model.upsert(device)
        text = (
            self.tr("Le poste « {name} » sera effacé à sa prochaine connexion.")
            if device.revoked == "wipe"
            else self.tr(
                "Le poste « {name} » est retiré : il enverra ses dernières saisies puis "
                "s'effacera à sa prochaine connexion."
            )
        ).format(name=device.name or self.tr("sans nom"))
        show_message(self.message_label, text, Tone.SUCCESS)
        self._update_buttons()


@dataclass(frozen=True, slots=True)
class ConflictPage:
    entries: list[ConflictLogEntry]
    device_names: dict[str, str]


class ConflictsTab(_RemoteTab):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        intro = QLabel(
            self.tr(
                "Quand deux postes modifient le même champ d'une fiche avant de se synchroniser, "
                "le serveur garde la modification la plus récente et note ici l'autre valeur ; "
                "la personne dont la valeur a été écartée peut la rétablir depuis sa page "
                "Synchronisation. Une modification arrivée après la suppression de la fiche est "
                "notée aussi."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.layout_.addWidget(intro)
        self.model = ConflictsModel(self)
        self.view = _table("conflicts_view", self.model, self)
        self.view.setAccessibleName(self.tr("Journal des conflits"))
        self.view.setSortingEnabled(False)
        self.layout_.addWidget(self.view, 1)
        buttons = QHBoxLayout()
        self.refresh_button.setObjectName("conflicts_refresh_button")
        self.older_button = QPushButton(self.tr("Entrées &plus anciennes"), self)
        self.older_button.setObjectName("older_button")
        buttons.addWidget(self.refresh_button)
        buttons.addWidget(self.older_button)
        buttons.addStretch(1)
        self.layout_.addLayout(buttons)
        self.message_label.setObjectName("conflicts_message_label")
        self.layout_.addWidget(self.message_label)
        self.has_more = False
        self.refresh_button.clicked.connect(self.load)
        self.older_button.clicked.connect(self.load_older)
        show_message(self.message_label, "")
        self._update_buttons()

    def load(self) -> None:
        self.call(
            lambda remote: ConflictPage(
                entries=remote.conflicts(),
                device_names={d.id: f"{d.name or d.user}" for d in remote.devices()},
            ),
            self._show_first,
            waiting=self.tr("Interrogation du serveur…"),
        )

    def load_older(self) -> None:
        rows = self.model.rows()
        if not rows:
            return
        before = rows[-1].id
        self.call(
            lambda remote: ConflictPage(entries=remote.conflicts(before=before), device_names={}),
            self._show_more,
            waiting=self.tr("Interrogation du serveur…"),
        )

    def drop_data(self) -> None:
        self.model.set_rows([])
        self.has_more = False
        show_message(self.message_label, "")
        self._update_buttons()

    def _show_first(self, page: ConflictPage) -> None:
        self.model.device_names = page.device_names
        self.model.set_rows(page.entries)
        self.has_more = len(page.entries) == CONFLICT_PAGE
        if not page.entries:
            show_message(self.message_label, self.tr("Aucun conflit enregistré par le serveur."))

    def _show_more(self, page: ConflictPage) -> None:
        self.model.append(page.entries)
        self.has_more = len(page.entries) == CONFLICT_PAGE

    def _update_buttons(self) -> None:
        super()._update_buttons()
        self.older_button.setEnabled(self.has_more and not self.busy)
