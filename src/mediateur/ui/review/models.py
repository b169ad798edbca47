"""Table models of the Revue page.

`ContactLogModel` is the virtualised contact log: it holds only the windows read so far and asks
for the next one when the view scrolls near the end (`canFetchMore`/`fetchMore`), each window a
`QueryOp` on the database lane continuing the previous one by keyset (`services.contact_log`),
its cells formatted there too, so painting only reads strings. The count is its own query on the
pool lane, started once the first rows are in: they never wait for it. A filter change or a sort
starts a new generation: results of the previous one are dropped. The view reaches the model
through `ContactLogProxy`, an identity proxy that hands sorting to the source, which sorts in SQL
(a sorting proxy would read all 100 000 rows to order them).

The other lists (devices, conflicts, mediators, partners) are small `RowsModel`s.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum
from typing import TYPE_CHECKING, Any, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QIdentityProxyModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)

from mediateur.domain.dictionary import ENTITIES
from mediateur.domain.reference import fold
from mediateur.reports.breakdowns import MediatorActivity, PartnerReferrals
from mediateur.services import clock
from mediateur.services.contact_log import (
    PAGE_SIZE,
    LogCursor,
    LogEntry,
    LogFilter,
    LogPage,
    count_entries,
    entries_by_id,
    read_page,
)
from mediateur.services.review import TO_CORRECT, VALIDATED
from mediateur.services.validation import field_label
from mediateur.sync.protocol import ConflictLogEntry, DeviceInfo
from mediateur.ui.fields import code_label
from mediateur.ui.models.base import ID_ROLE, ROW_ROLE, WARNING_COLOUR, RowsModel
from mediateur.ui.tasks import Lane, QueryOp, Task

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

Index = QModelIndex | QPersistentModelIndex
R = TypeVar("R")
# The first window fills a few screens; the following ones come as the view scrolls.
FIRST_WINDOW = 100
# A laptop whose clock is this far from the server's gets a warning (DESIGN.md §4: 5 min).
SKEW_WARNING_MS = 5 * 60 * 1000
# A device silent for this long while it still holds changes is flagged.
SILENT_DAYS = 7
_ENTITY_WORDS = {
    "beneficiary": "Bénéficiaire",
    "contact": "Contact",
    "follow_up": "Suivi",
    "referral": "Orientation",
    "referral_event": "Historique d'orientation",
    "event": "Événement",
    "partner": "Partenaire",
    "service": "Service",
}


def review_label(status: str | None) -> str:
    return code_label("review_statuses", status or "a_revoir")


class LogCol(IntEnum):
    OCCURRED = 0
    AUTHOR = 1
    QPV = 2
    CHANNEL = 3
    EVENT = 4
    THEMES = 5
    OUTCOME = 6
    REVIEW = 7
    COMMENT = 8


def log_cells(entry: LogEntry) -> tuple[str, ...]:
    """What each column shows of a contact, in `LogCol` order (computed with the window, on the
    database lane, so painting only reads strings)."""
    return (
        clock.format_moment(entry.occurred_at),
        entry.author,
        code_label("qpv", entry.qpv),
        code_label("channels", entry.channel),
        entry.event_title or "",
        ", ".join(code_label("freins", t) for t in entry.themes),
        code_label("outcomes", entry.outcome),
        review_label(entry.review_status),
        entry.review_comment or "",
    )


@dataclass(frozen=True, slots=True)
class LogWindow:
    """A window of the log with the text of its cells."""

    page: LogPage
    cells: tuple[tuple[str, ...], ...]


def read_window(
    session: Session, filters: LogFilter, after: LogCursor | None, limit: int
) -> LogWindow:
    page = read_page(session, filters, after=after, limit=limit)
    return LogWindow(page, tuple(log_cells(entry) for entry in page.entries))


def refreshed_rows(session: Session, ids: Sequence[str]) -> LogWindow:
    """These contacts as they stand now (after a review), with their cells."""
    entries = tuple(entries_by_id(session, ids))
    return LogWindow(LogPage(entries, None), tuple(log_cells(entry) for entry in entries))


_TOOLTIP_COLUMNS = frozenset((LogCol.QPV, LogCol.EVENT, LogCol.THEMES, LogCol.COMMENT))
_LOG_ROLES = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        ROW_ROLE,
        ID_ROLE,
    )
)


class ContactLogModel(QAbstractTableModel):
    first_rows_loaded = Signal()  # a new filter's first window is in
    counted = Signal(int)  # how many contacts match the filters
    failed = Signal(object)  # Exception

    def __init__(
        self,
        parent: QObject | None = None,
        *,
        first_size: int = FIRST_WINDOW,
        page_size: int = PAGE_SIZE,
    ) -> None:
        super().__init__(parent)
        self.first_size = first_size
        self.page_size = page_size
        self.filters = LogFilter()
        self.total: int | None = None
        self._entries: list[LogEntry] = []
        self._cells: list[tuple[str, ...]] = []
        self._cursor: LogCursor | None = None
        self._generation = 0
        self._fetching = False
        self._count_task: Task | None = None
        # Inside a reset or an insertion: a view asking for more then is answered afterwards.
        self._changing = False

    # Loading

    def set_filters(self, filters: LogFilter) -> None:
        """Read the first window, then the count, for `filters`; earlier reads are dropped."""
        self.filters = filters
        self._generation += 1
        generation = self._generation
        self._fetching = True
        self.total = None
        if self._count_task is not None:
            self._count_task.cancel()
            self._count_task = None
        size = self.first_size
        QueryOp(
            self,
            op=lambda session: read_window(session, filters, None, size),
            success=lambda window: self._on_first_window(generation, window),
        ).failure(lambda error: self._on_failed(generation, error)).run()

    def _count(self, generation: int) -> None:
        """Count on the pool lane, once the first rows are in: a slow count (a filter no index
        serves reads every row) neither delays them nor holds up the next filter's."""
        filters = self.filters
        self._count_task = (
            QueryOp(
                self,
                op=lambda session: count_entries(session, filters),
                success=lambda total: self._on_counted(generation, total),
            )
            .failure(lambda error: self._on_failed(generation, error))
            .on_lane(Lane.POOL)
            .run()
        )

    def reload(self) -> None:
        self.set_filters(self.filters)

    def clear(self) -> None:
        """Forget every row (the profile locked); pending reads are dropped."""
        self._generation += 1
        self._fetching = False
        self._changing = True
        self.beginResetModel()
        self._entries, self._cells = [], []
        self._cursor = None
        self.total = None
        self.endResetModel()
        self._changing = False

    def _on_first_window(self, generation: int, window: LogWindow) -> None:
        if generation != self._generation:
            return
        self._changing = True
        self.beginResetModel()
        self._entries = list(window.page.entries)
        self._cells = list(window.cells)
        self._cursor = window.page.cursor
        self._fetching = False
        self.endResetModel()
        self._changing = False
        self.first_rows_loaded.emit()
        self._count(generation)

    def _on_counted(self, generation: int, total: int) -> None:
        if generation == self._generation:
            self.total = total
            self.counted.emit(total)

    def _on_failed(self, generation: int, error: Exception) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._cursor = None
        self.failed.emit(error)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008 - Qt's signature
        return not parent.isValid() and self._cursor is not None and not self._fetching

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008 - Qt's signature
        if not self.canFetchMore(parent):
            return
        if self._changing:
            QTimer.singleShot(0, self.fetchMore)
            return
        self._fetching = True
        generation, cursor, filters = self._generation, self._cursor, self.filters
        size = self.page_size
        QueryOp(
            self,
            op=lambda session: read_window(session, filters, cursor, size),
            success=lambda window: self._on_next_window(generation, window),
        ).failure(lambda error: self._on_failed(generation, error)).run()

    def _on_next_window(self, generation: int, window: LogWindow) -> None:
        if generation != self._generation:
            return
        self._fetching = False
        self._cursor = window.page.cursor
        if not window.page.entries:
            return
        start = len(self._entries)
        self._changing = True
        self.beginInsertRows(QModelIndex(), start, start + len(window.page.entries) - 1)
        self._entries.extend(window.page.entries)
        self._cells.extend(window.cells)
        self.endInsertRows()
        self._changing = False

    def replace_rows(self, window: LogWindow) -> None:
        """Show these rows as they now stand (after a review), where they are."""
        fresh = dict(zip((e.id for e in window.page.entries), window.page.entries, strict=True))
        cells = dict(zip((e.id for e in window.page.entries), window.cells, strict=True))
        for row, entry in enumerate(self._entries):
            if entry.id in fresh:
                self._entries[row] = fresh[entry.id]
                self._cells[row] = cells[entry.id]
                self.dataChanged.emit(self.index(row, 0), self.index(row, len(LogCol) - 1))

    # Sorting: by date only, which the index serves in both directions.

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column != LogCol.OCCURRED:
            return
        oldest_first = order == Qt.SortOrder.AscendingOrder
        if oldest_first != self.filters.oldest_first:
            self.set_filters(dataclasses.replace(self.filters, oldest_first=oldest_first))

    # Reading

    def entry(self, row: int) -> LogEntry:
        return self._entries[row]

    def entries(self) -> tuple[LogEntry, ...]:
        return tuple(self._entries)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._entries)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(LogCol)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role != Qt.ItemDataRole.DisplayRole
            or orientation != Qt.Orientation.Horizontal
            or not 0 <= section < len(LogCol)
        ):
            return None
        return (
            self.tr("Date"),
            self.tr("Saisi par"),
            self.tr("QPV"),
            self.tr("Canal"),
            self.tr("Événement"),
            self.tr("Thèmes"),
            self.tr("Suite donnée"),
            self.tr("Revue"),
            self.tr("Commentaire de revue"),
        )[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # Views ask for many roles on every paint: the others are answered at once.
        if int(role) not in _LOG_ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._entries):
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._cells[row][column]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (self._cells[row][column] or None) if column in _TOOLTIP_COLUMNS else None
        if role == Qt.ItemDataRole.ForegroundRole:
            warn = column == LogCol.REVIEW and self._entries[row].review_status == TO_CORRECT
            return WARNING_COLOUR if warn else None
        if role == ROW_ROLE:
            return self._entries[row]
        return self._entries[row].id


class ContactLogProxy(QIdentityProxyModel):
    """What the view shows of the log: rows as they are, sorting handed to the source."""


class FiguresModel(RowsModel[R]):
    """A list whose figure columns are right-aligned, as numbers read best."""

    figures: frozenset[int] = frozenset()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if index.isValid() and index.column() in self.figures:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return None
        return super().data(index, role)


class DeviceCol(IntEnum):
    USER = 0
    NAME = 1
    LAST_SEEN = 2
    PENDING = 3
    DEAD = 4
    SKEW = 5
    VERSION = 6
    STATE = 7


def describe_skew(milliseconds: int | None) -> str:
    if milliseconds is None:
        return ""
    seconds = round(milliseconds / 1000)
    if abs(seconds) < 60:
        return f"{seconds:+d} s"
    minutes = round(seconds / 60)
    if abs(minutes) < 120:
        return f"{minutes:+d} min"
    return f"{round(minutes / 60):+d} h"


class DevicesModel(FiguresModel[DeviceInfo]):
    Col = DeviceCol
    figures = frozenset((DeviceCol.PENDING, DeviceCol.DEAD, DeviceCol.SKEW))

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.now = datetime.now(UTC)

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Personne"),
            self.tr("Poste"),
            self.tr("Dernière synchronisation"),
            self.tr("En attente"),
            self.tr("Rejetées"),
            self.tr("Écart d'horloge"),
            self.tr("Version"),
            self.tr("État"),
        ]

    def row_id(self, row: DeviceInfo) -> str:
        return row.id

    def state(self, row: DeviceInfo) -> str:
        if row.revoked == "wipe":
            return self.tr("Effacement à distance demandé")
        if row.revoked == "retire":
            return self.tr("Retiré")
        return self.tr("Actif")

    def display(self, row: DeviceInfo, column: DeviceCol) -> str:
        if column is DeviceCol.USER:
            return row.user
        if column is DeviceCol.NAME:
            return row.name or self.tr("(sans nom)")
        if column is DeviceCol.LAST_SEEN:
            return clock.format_moment(row.last_seen) if row.last_seen else self.tr("jamais")
        if column is DeviceCol.PENDING:
            return "" if row.pending is None else str(row.pending)
        if column is DeviceCol.DEAD:
            return "" if row.dead is None else str(row.dead)
        if column is DeviceCol.SKEW:
            return describe_skew(row.clock_skew_ms)
        if column is DeviceCol.VERSION:
            return row.app_version or ""
        return self.state(row)

    def sort_key(self, row: DeviceInfo, column: DeviceCol) -> str | int | float:
        if column is DeviceCol.LAST_SEEN:
            return row.last_seen.timestamp() if row.last_seen else 0.0
        if column is DeviceCol.PENDING:
            return row.pending or 0
        if column is DeviceCol.DEAD:
            return row.dead or 0
        if column is DeviceCol.SKEW:
            return abs(row.clock_skew_ms or 0)
        return fold(self.display(row, column))

    def warning(self, row: DeviceInfo, column: DeviceCol) -> bool:
        if column is DeviceCol.DEAD:
            return bool(row.dead)
        if column is DeviceCol.SKEW:
            return abs(row.clock_skew_ms or 0) > SKEW_WARNING_MS
        if column is DeviceCol.LAST_SEEN:
            silent = row.last_seen is None or (self.now - row.last_seen).days >= SILENT_DAYS
            return silent and row.revoked is None
        if column is DeviceCol.STATE:
            return row.revoked is not None
        return False

    def tooltip(self, row: DeviceInfo, column: DeviceCol) -> str | None:
        if column is DeviceCol.PENDING:
            return self.tr("Modifications pas encore envoyées lors de la dernière synchronisation")
        if column is DeviceCol.DEAD:
            return self.tr("Modifications refusées par le serveur, à reprendre sur ce poste")
        if column is DeviceCol.SKEW:
            return self.tr("Différence entre l'horloge du poste et celle du serveur")
        return None


class ConflictCol(IntEnum):
    AT = 0
    RECORD = 1
    FIELD = 2
    KEPT = 3
    LOST = 4
    REASON = 5


def _value_text(entity_name: str, field: str | None, value: Any) -> str:
    """A value of the conflict log (wire form) as people read it: coded values by their label."""
    if value is None:
        return "—"
    if isinstance(value, bool):
        return "oui" if value else "non"
    spec = ENTITIES.get(entity_name)
    codes = spec.field(field).codes if spec and field and spec.has_field(field) else None
    items = value if isinstance(value, list) else [value]
    if codes is not None:
        items = [code_label(codes, v) if isinstance(v, str) else v for v in items]
    return ", ".join(str(v) for v in items)


class ConflictsModel(RowsModel[ConflictLogEntry]):
    Col = ConflictCol

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.device_names: dict[str, str] = {}

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Date"),
            self.tr("Fiche"),
            self.tr("Champ"),
            self.tr("Valeur retenue"),
            self.tr("Valeur écartée"),
            self.tr("Cause"),
        ]

    def row_id(self, row: ConflictLogEntry) -> str:
        return str(row.id)

    def append(self, rows: Sequence[ConflictLogEntry]) -> None:
        if not rows:
            return
        start = self.rowCount()
        self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
        self._rows.extend(rows)
        self.endInsertRows()

    def _device(self, device_id: str | None) -> str:
        if device_id is None:
            return self.tr("serveur")
        return self.device_names.get(device_id, self.tr("poste {code}").format(code=device_id[:8]))

    def display(self, row: ConflictLogEntry, column: ConflictCol) -> str:
        if column is ConflictCol.AT:
            return clock.format_moment(row.at)
        if column is ConflictCol.RECORD:
            word = _ENTITY_WORDS.get(row.entity, row.entity)
            return f"{word} {row.row_id[:8]}"
        if column is ConflictCol.FIELD:
            return field_label(row.field) if row.field else self.tr("(fiche entière)")
        if column is ConflictCol.KEPT:
            if row.reason == "deleted":
                return self.tr("fiche supprimée")
            value = _value_text(row.entity, row.field, row.winner_value)
            return f"{value} ({self._device(row.winner_device)})"
        if column is ConflictCol.LOST:
            value = _value_text(row.entity, row.field, row.loser_value)
            return f"{value} ({self._device(row.loser_device)})"
        if row.reason == "deleted":
            return self.tr("Modification d'une fiche supprimée")
        return self.tr("Modifications simultanées")

    def sort_key(self, row: ConflictLogEntry, column: ConflictCol) -> str | int | float:
        if column is ConflictCol.AT:
            return row.at.timestamp()
        return fold(self.display(row, column))

    def tooltip(self, row: ConflictLogEntry, column: ConflictCol) -> str | None:
        if column in (ConflictCol.KEPT, ConflictCol.LOST, ConflictCol.RECORD):
            return self.display(row, column)
        return None


class MediatorCol(IntEnum):
    NAME = 0
    CONTACTS = 1
    VALIDATED = 2
    TO_CORRECT = 3
    UNREVIEWED = 4
    REFERRALS = 5


class MediatorsModel(FiguresModel[MediatorActivity]):
    Col = MediatorCol
    figures = frozenset(column for column in MediatorCol if column is not MediatorCol.NAME)

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Personne"),
            self.tr("Contacts"),
            code_label("review_statuses", VALIDATED),
            code_label("review_statuses", TO_CORRECT),
            self.tr("Pas encore revus"),
            self.tr("Orientations"),
        ]

    def row_id(self, row: MediatorActivity) -> str:
        return row.user_id or ""

    def _count(self, row: MediatorActivity, column: MediatorCol) -> int:
        return {
            MediatorCol.CONTACTS: row.contacts,
            MediatorCol.VALIDATED: row.validated,
            MediatorCol.TO_CORRECT: row.to_correct,
            MediatorCol.UNREVIEWED: row.unreviewed,
            MediatorCol.REFERRALS: row.referrals,
        }[column]

    def display(self, row: MediatorActivity, column: MediatorCol) -> str:
        if column is MediatorCol.NAME:
            return row.name
        return str(self._count(row, column))

    def sort_key(self, row: MediatorActivity, column: MediatorCol) -> str | int | float:
        if column is MediatorCol.NAME:
            return fold(row.name)
        return self._count(row, column)


class PartnerCol(IntEnum):
    NAME = 0
    TOTAL = 1
    ISSUED = 2
    HONOURED = 3
    EXPIRED = 4


def percent_text(value: float) -> str:
    return f"{value:.1f}\u00a0%".replace(".", ",")


class PartnersModel(FiguresModel[PartnerReferrals]):
    Col = PartnerCol
    figures = frozenset(column for column in PartnerCol if column is not PartnerCol.NAME)

    def headers(self) -> Sequence[str]:
        return [
            self.tr("Partenaire"),
            self.tr("Orientations"),
            self.tr("Fiches remises"),
            self.tr("Honorées"),
            self.tr("Expirées"),
        ]

    def row_id(self, row: PartnerReferrals) -> str:
        return row.partner_id

    def display(self, row: PartnerReferrals, column: PartnerCol) -> str:
        rates = row.rates
        if column is PartnerCol.NAME:
            return row.name
        if column is PartnerCol.TOTAL:
            return str(rates.total)
        if column is PartnerCol.ISSUED:
            return str(rates.issued)
        if column is PartnerCol.HONOURED:
            return percent_text(rates.pct_honoured)
        return percent_text(rates.pct_expired)

    def sort_key(self, row: PartnerReferrals, column: PartnerCol) -> str | int | float:
        rates = row.rates
        keys: dict[PartnerCol, str | int | float] = {
            PartnerCol.NAME: fold(row.name),
            PartnerCol.TOTAL: rates.total,
            PartnerCol.ISSUED: rates.issued,
            PartnerCol.HONOURED: rates.pct_honoured,
            PartnerCol.EXPIRED: rates.pct_expired,
        }
        return keys[column]
