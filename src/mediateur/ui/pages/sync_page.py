"""The Synchronisation page: the server and the account (login dialog), the last successful sync,
the changes waiting to be sent, "Synchroniser maintenant" with its progress and "Annuler", the
automatic sync's setting, the edits the server refused ("Réessayer" / "Abandonner") and the
values lost to another computer's edit ("Rétablir ma valeur" / "Ignorer").

The sync itself runs on the controller's thread; this page only starts it, shows what it reports
and reads the lists again when it ends. Retrying or giving up an edit, restoring or dismissing a
value are vault writes on the database lane; a retry or a restore then syncs at once.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QLocale, QSortFilterProxyModel, Qt
from PySide6.QtGui import QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mediateur.services.sync_inbox import (
    LostValue,
    RefusedEdit,
    SyncOverview,
    lost_values,
    read_overview,
    refused_edits,
)
from mediateur.store.vault import Vault
from mediateur.sync import outbox
from mediateur.ui.context import AppContext
from mediateur.ui.errors import ask_user, show_failure
from mediateur.ui.models.base import ID_ROLE, ROW_ROLE, SORT_ROLE, RowsModel
from mediateur.ui.pages.base import Page
from mediateur.ui.sync.auto import SYNC_INTERVAL_MINUTES
from mediateur.ui.sync.coordinator import SYNC_NOW_KEYS, SyncCoordinator
from mediateur.ui.sync.models import LostCol, LostValuesModel, RefusedCol, RefusedEditsModel
from mediateur.ui.tasks import QueryOp, VaultOp
from mediateur.ui.widgets import Tone, describe_moment, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

    from mediateur.sync.engine import SyncReport


@dataclass(frozen=True, slots=True)
class SyncPageData:
    overview: SyncOverview
    refused: list[RefusedEdit]
    lost: list[LostValue]


def read_page(session: Session) -> SyncPageData:
    return SyncPageData(read_overview(session), refused_edits(session), lost_values(session))


class SyncPage(Page):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(context, parent)
        coordinator = SyncCoordinator.of(context)
        if coordinator is None:
            raise RuntimeError("the Synchronisation page needs the main window's sync")
        self.coordinator = coordinator
        self.controller = coordinator.controller
        self.data: SyncPageData | None = None
        self._stale = False
        self._push_total = 0
        self._build()
        controller = self.controller
        controller.started.connect(self._on_started)
        controller.progressed.connect(self._on_progressed)
        controller.finished.connect(self._on_finished)
        controller.failed.connect(self._on_failed)
        controller.cancelled.connect(self._on_cancelled)
        controller.stopped.connect(self._on_stopped)
        context.changes_saved.connect(self._on_changes_saved)
        self._show_idle()

    # Layout

    def _build(self) -> None:
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 12, 16, 12)
        outer.setSpacing(8)
        self.title_label = QLabel(self.tr("Synchronisation"), self)
        style_title(self.title_label)
        outer.addWidget(self.title_label)

        top = QHBoxLayout()
        account = QGroupBox(self.tr("Serveur et compte"), self)
        account_form = QFormLayout(account)
        self.server_label = QLabel(account)
        self.account_label = QLabel(account)
        for label in (self.server_label, self.account_label):
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.login_button = QPushButton(self.tr("Se c&onnecter…"), account)
        self.login_button.clicked.connect(self._on_login_clicked)
        account_form.addRow(self.tr("Serveur :"), self.server_label)
        account_form.addRow(self.tr("Compte :"), self.account_label)
        login_row = QHBoxLayout()
        login_row.addWidget(self.login_button)
        login_row.addStretch(1)
        account_form.addRow("", login_row)
        state = QGroupBox(self.tr("État"), self)
        state_form = QFormLayout(state)
        self.last_sync_label = QLabel(state)
        self.pending_label = QLabel(state)
        state_form.addRow(self.tr("Dernière synchronisation réussie :"), self.last_sync_label)
        state_form.addRow(self.tr("Modifications en attente d'envoi :"), self.pending_label)
        self.auto_check = QCheckBox(self.tr("Synchroniser &automatiquement, toutes les"), state)
        self.interval_spin = QSpinBox(state)
        self.interval_spin.setRange(
            SYNC_INTERVAL_MINUTES.minimum or 1, SYNC_INTERVAL_MINUTES.maximum or 120
        )
        self.interval_spin.setSuffix(self.tr(" min"))
        self.interval_spin.setAccessibleName(self.tr("Intervalle de synchronisation automatique"))
        automatic = QHBoxLayout()
        automatic.addWidget(self.auto_check)
        automatic.addWidget(self.interval_spin)
        automatic.addStretch(1)
        state_form.addRow(automatic)
        self.auto_check.toggled.connect(self._on_auto_toggled)
        self.interval_spin.valueChanged.connect(self._on_interval_changed)
        top.addWidget(account, 1)
        top.addWidget(state, 1)
        outer.addLayout(top)

        actions = QHBoxLayout()
        self.sync_button = QPushButton(
            self.tr("&Synchroniser maintenant ({keys})").format(
                keys=SYNC_NOW_KEYS.toString(QKeySequence.SequenceFormat.NativeText)
            ),
            self,
        )
        self.sync_button.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sync_button.clicked.connect(self.coordinator.sync_now)
        self.progress_bar = QProgressBar(self)
        self.progress_bar.setTextVisible(False)
        self.progress_label = QLabel(self)
        self.cancel_button = QPushButton(self.tr("A&nnuler"), self)
        self.cancel_button.clicked.connect(self.controller.cancel)
        actions.addWidget(self.sync_button)
        actions.addWidget(self.progress_bar, 1)
        actions.addWidget(self.progress_label)
        actions.addWidget(self.cancel_button)
        # Takes the room the progress bar leaves while no sync runs.
        actions.addStretch(0)
        outer.addLayout(actions)
        self.message_label = QLabel(self)
        self.message_label.setWordWrap(True)
        self.message_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        show_message(self.message_label, "")
        outer.addWidget(self.message_label)

        lists = QSplitter(Qt.Orientation.Vertical, self)
        lists.setChildrenCollapsible(False)
        self.refused_model = RefusedEditsModel(self)
        self.refused_group, self.refused_view, self.refused_empty = self._list_group(
            lists,
            self.refused_model,
            explanation=self.tr(
                "Le serveur a refusé ces modifications ; les autres sont parties. « Réessayer » "
                "renvoie la fiche telle qu'elle est sur ce poste (corrigez-la d'abord si le motif "
                "le demande) ; « Abandonner » renonce à la modification."
            ),
            empty=self.tr("Aucune modification refusée."),
            stretched=(RefusedCol.REASON,),
        )
        # The server's reason is a sentence: it wraps rather than being cut.
        self.refused_view.setWordWrap(True)
        self.refused_view.verticalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.retry_button = QPushButton(self.tr("&Réessayer"), self.refused_group)
        self.give_up_button = QPushButton(self.tr("A&bandonner…"), self.refused_group)
        self.retry_button.clicked.connect(self._on_retry_clicked)
        self.give_up_button.clicked.connect(self._on_give_up_clicked)
        self._add_buttons(self.refused_group, self.retry_button, self.give_up_button)
        self.lost_model = LostValuesModel(self)
        self.lost_group, self.lost_view, self.lost_empty = self._list_group(
            lists,
            self.lost_model,
            explanation=self.tr(
                "Ces champs ont aussi été modifiés sur un autre poste, dont la valeur a été "
                "retenue. « Rétablir ma valeur » la remplace par la vôtre ; « Ignorer » garde la "
                "valeur retenue."
            ),
            empty=self.tr("Aucun conflit à examiner."),
            stretched=(LostCol.RECORD, LostCol.YOURS, LostCol.KEPT),
        )
        self.restore_button = QPushButton(self.tr("Rétablir &ma valeur"), self.lost_group)
        self.dismiss_button = QPushButton(self.tr("&Ignorer"), self.lost_group)
        self.restore_button.clicked.connect(self._on_restore_clicked)
        self.dismiss_button.clicked.connect(self._on_dismiss_clicked)
        self._add_buttons(self.lost_group, self.restore_button, self.dismiss_button)
        outer.addWidget(lists, 1)
        for view in (self.refused_view, self.lost_view):
            view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._show_lists([], [])

    def _list_group(
        self,
        parent: QSplitter,
        model: RowsModel[Any],
        *,
        explanation: str,
        empty: str,
        stretched: tuple[int, ...],
    ) -> tuple[QGroupBox, QTableView, QLabel]:
        group = QGroupBox(parent)
        layout = QVBoxLayout(group)
        layout.setSpacing(4)
        text = QLabel(explanation, group)
        text.setWordWrap(True)
        layout.addWidget(text)
        proxy = QSortFilterProxyModel(group)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(group)
        view.setModel(proxy)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setAlternatingRowColors(True)
        view.setWordWrap(False)
        view.setSortingEnabled(True)
        view.verticalHeader().setVisible(False)
        view.setMinimumHeight(70)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        for column in stretched:
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
        empty_label = QLabel(empty, group)
        empty_label.setStyleSheet("color: palette(mid);")
        layout.addWidget(view, 1)
        layout.addWidget(empty_label)
        parent.addWidget(group)
        return group, view, empty_label

    def _add_buttons(self, group: QGroupBox, *buttons: QPushButton) -> None:
        row = QHBoxLayout()
        row.addStretch(1)
        for button in buttons:
            row.addWidget(button)
        layout = group.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.addLayout(row)

    # Life cycle

    def load(self) -> None:
        self._stale = False
        auto = self.coordinator.auto
        for widget, value in (
            (self.auto_check, auto.enabled),
            (self.interval_spin, auto.interval_minutes),
        ):
            widget.blockSignals(True)
            if isinstance(widget, QCheckBox):
                widget.setChecked(bool(value))
            else:
                widget.setValue(int(value))
            widget.blockSignals(False)
        self.interval_spin.setEnabled(auto.enabled)
        QueryOp(self, op=read_page, success=self._show).run()

    def drop_data(self) -> None:
        self.data = None
        self._stale = False
        self._show_lists([], [])
        for label in (self.server_label, self.account_label, self.last_sync_label):
            label.clear()
        self.pending_label.clear()
        show_message(self.message_label, "")
        self._show_idle()

    def focus_first_field(self) -> bool:
        self.sync_button.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale and self.context.is_unlocked:
            self.load()

    def _on_changes_saved(self) -> None:
        if self.isVisible() and self.context.is_unlocked:
            self.load()
        else:
            self._stale = True

    def _show(self, data: SyncPageData) -> None:
        self.data = data
        overview = data.overview
        self.server_label.setText(overview.server_url or self.tr("aucun (à saisir à la connexion)"))
        if not overview.linked:
            account = self.tr("non relié : connectez-vous pour envoyer vos saisies")
            self.login_button.setText(self.tr("Se c&onnecter…"))
        else:
            account = self.tr("{name} ({role}), identifiant {username}").format(
                name=overview.display_name or overview.username,
                role=overview.role_label,
                username=overview.username,
            )
            if not overview.logged_in:
                account = self.tr("{account} — session expirée").format(account=account)
            self.login_button.setText(self.tr("Se rec&onnecter…"))
        self.account_label.setText(account)
        self.last_sync_label.setText(
            describe_moment(overview.last_sync_ok_at)
            if overview.last_sync_ok_at is not None
            else self.tr("jamais")
        )
        self.pending_label.setText(QLocale().toString(overview.pending))
        self._show_lists(data.refused, data.lost)

    def _show_lists(self, refused: list[RefusedEdit], lost: list[LostValue]) -> None:
        self._show_list(
            self.refused_group,
            self.refused_view,
            self.refused_empty,
            self.refused_model,
            refused,
            self.tr("Modifications refusées par le serveur ({count})"),
        )
        self._show_list(
            self.lost_group,
            self.lost_view,
            self.lost_empty,
            self.lost_model,
            lost,
            self.tr("Conflits à examiner ({count})"),
        )
        self._update_buttons()

    def _show_list(
        self,
        group: QGroupBox,
        view: QTableView,
        empty: QLabel,
        model: RowsModel[Any],
        rows: Sequence[Any],
        title: str,
    ) -> None:
        """Fill one list, keeping the row the user had selected if it is still there."""
        selected = view.selectionModel().selectedRows()
        kept = str(selected[0].data(ID_ROLE)) if selected else None
        model.set_rows(rows)
        group.setTitle(title.format(count=len(rows)))
        view.setVisible(bool(rows))
        empty.setVisible(not rows)
        if rows:
            position = model.position(kept) if kept is not None else None
            proxy = view.model()
            assert isinstance(proxy, QSortFilterProxyModel)
            view.selectRow(proxy.mapFromSource(model.index(position or 0, 0)).row())

    # Sync runs

    def _on_login_clicked(self) -> None:
        linked = self.data is not None and self.data.overview.linked
        self.coordinator.open_login(expired=linked, then_sync=True)

    def _on_auto_toggled(self, enabled: bool) -> None:
        self.interval_spin.setEnabled(enabled)
        self.coordinator.auto.set_enabled(enabled)

    def _on_interval_changed(self, minutes: int) -> None:
        self.coordinator.auto.set_interval_minutes(minutes)

    def _on_started(self) -> None:
        overview = self.data.overview if self.data is not None else None
        self._push_total = overview.pending if overview is not None else 0
        self.progress_bar.setRange(0, 0)
        self.progress_label.setText(self.tr("Connexion au serveur…"))
        show_message(self.message_label, "")
        self._show_busy()

    def _on_progressed(self, phase: str, done: int) -> None:
        if not self.controller.running:
            return
        count = QLocale().toString(done)
        if phase == "push":
            total = max(self._push_total, done)
            if total:
                self.progress_bar.setRange(0, total)
                self.progress_bar.setValue(done)
                text = self.tr("Envoi : {done} sur {total}").format(
                    done=count, total=QLocale().toString(total)
                )
            else:
                text = self.tr("Envoi…")
        else:
            self.progress_bar.setRange(0, 0)
            text = self.tr("Réception : {count} fiches").format(count=count)
        self.progress_label.setText(text)

    def _on_finished(self, report: SyncReport) -> None:
        parts = [
            _count(
                report.sent,
                self.tr("{n} modification envoyée"),
                self.tr("{n} modifications envoyées"),
            ),
            _count(report.received, self.tr("{n} fiche reçue"), self.tr("{n} fiches reçues")),
        ]
        if report.conflicts:
            parts.append(_count(report.conflicts, self.tr("{n} conflit"), self.tr("{n} conflits")))
        if report.rejected:
            parts.append(self.tr("{n} refus").format(n=QLocale().toString(report.rejected)))
        show_message(
            self.message_label,
            self.tr("Synchronisation terminée : {details}.").format(details=", ".join(parts)),
            Tone.SUCCESS if not (report.conflicts or report.rejected) else Tone.NEUTRAL,
        )

    def _on_failed(self, error: Exception) -> None:
        show_message(self.message_label, str(error), Tone.ERROR)

    def _on_cancelled(self) -> None:
        show_message(self.message_label, "")

    def _on_stopped(self) -> None:
        self._show_idle()
        if self.context.is_unlocked:
            if self.isVisible():
                self.load()
            else:
                self._stale = True

    def _show_busy(self) -> None:
        self.sync_button.setEnabled(False)
        self.login_button.setEnabled(False)
        self.progress_bar.setVisible(True)
        self.progress_label.setVisible(True)
        self.cancel_button.setVisible(True)
        self.cancel_button.setEnabled(True)
        self._update_buttons()

    def _show_idle(self) -> None:
        running = self.controller.running
        self.sync_button.setEnabled(not running)
        self.login_button.setEnabled(not running)
        self.progress_bar.setVisible(False)
        self.progress_label.setVisible(False)
        self.progress_label.clear()
        self.cancel_button.setVisible(False)
        self._update_buttons()

    # The lists' actions

    def selected_refused(self) -> RefusedEdit | None:
        rows = self.refused_view.selectionModel().selectedRows()
        found = rows[0].data(ROW_ROLE) if rows else None
        return found if isinstance(found, RefusedEdit) else None

    def selected_lost(self) -> LostValue | None:
        rows = self.lost_view.selectionModel().selectedRows()
        found = rows[0].data(ROW_ROLE) if rows else None
        return found if isinstance(found, LostValue) else None

    def _update_buttons(self, *_args: object) -> None:
        idle = not self.controller.running and self.context.is_unlocked
        refused = self.selected_refused()
        lost = self.selected_lost()
        self.retry_button.setEnabled(idle and refused is not None)
        self.give_up_button.setEnabled(idle and refused is not None)
        self.restore_button.setEnabled(idle and lost is not None and lost.restorable)
        self.dismiss_button.setEnabled(idle and lost is not None)

    def _on_retry_clicked(self) -> None:
        chosen = self.selected_refused()
        if chosen is None:
            return
        self._write(lambda vault: outbox.retry_dead_letter(vault, chosen.id), then_sync=True)

    def _on_give_up_clicked(self) -> None:
        chosen = self.selected_refused()
        if chosen is None:
            return
        ask_user(
            self,
            self.tr(
                "Abandonner la modification de « {record} » ? Elle ne sera jamais envoyée au "
                "serveur ; une fiche que le serveur n'a jamais reçue est retirée de ce poste."
            ).format(record=chosen.record),
            lambda: self._write(
                lambda vault: outbox.discard_dead_letter(vault, chosen.id), then_sync=False
            ),
            yes_label=self.tr("Abandonner la modification"),
        )

    def _on_restore_clicked(self) -> None:
        chosen = self.selected_lost()
        if chosen is None or not chosen.restorable:
            return
        self._write(lambda vault: outbox.restore_my_value(vault, chosen.id), then_sync=True)

    def _on_dismiss_clicked(self) -> None:
        chosen = self.selected_lost()
        if chosen is None:
            return
        self._write(lambda vault: outbox.dismiss_conflict(vault, chosen.id), then_sync=False)

    def _write(self, op: Callable[[Vault], None], *, then_sync: bool) -> None:
        for button in (
            self.retry_button,
            self.give_up_button,
            self.restore_button,
            self.dismiss_button,
        ):
            button.setEnabled(False)
        VaultOp(self, op=op, success=lambda _result: self._on_written(then_sync)).failure(
            self._on_write_failed
        ).run()

    def _on_written(self, then_sync: bool) -> None:
        self.context.notify_changes_saved()
        if then_sync:
            self.controller.start()

    def _on_write_failed(self, error: Exception) -> None:
        self._update_buttons()
        show_failure(self, error)


def _count(n: int, one: str, many: str) -> str:
    """French agrees 0 and 1 in the singular."""
    return (one if n <= 1 else many).format(n=QLocale().toString(n))
