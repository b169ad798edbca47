"""The Indicateurs tab of the Revue page: for a chosen period, the programme's cohort table
(received, % RSA, % under 25, % women, origin by QPV, exits by reason), contacts by month, QPV,
channel, kind of event and outcome, referrals by status and by partner with the share honoured
and expired — each as a table and a QtCharts bar chart, with exactly the numbers of
`mediateur stats --json` (`reports.indicators`) and `reports.breakdowns` — and the activity of
each mediator of the manager's organisation, for service quality (CNIL: not to evaluate people).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mediateur.reports.breakdowns import (
    Dashboard,
    MediatorActivity,
    figure_label,
    mediator_activity,
    month_label,
    programme_dashboard,
    short_month_label,
)
from mediateur.ui.context import AppContext
from mediateur.ui.errors import show_failure
from mediateur.ui.fields import DateField, DateFormatError
from mediateur.ui.models.base import SORT_ROLE
from mediateur.ui.review.models import MediatorsModel, PartnersModel, percent_text
from mediateur.ui.tasks import QueryOp
from mediateur.ui.widgets import Tone, show_message, style_title

if TYPE_CHECKING:
    from sqlalchemy.orm import Session

KEY_ROLE = Qt.ItemDataRole.UserRole
BAR_COLOUR = QColor("#1D3F6E")
CHART_LABEL_CHARS = 28


@dataclass(frozen=True, slots=True)
class IndicatorsData:
    dashboard: Dashboard
    mediators: list[MediatorActivity]


def read_indicators(session: Session, start: date | None, end: date | None) -> IndicatorsData:
    return IndicatorsData(
        dashboard=programme_dashboard(session, date_from=start, date_to=end),
        mediators=mediator_activity(session, date_from=start, date_to=end),
    )


def format_number(n: int) -> str:
    return f"{n:,}".replace(",", "\u202f")


def _short(label: str) -> str:
    if len(label) <= CHART_LABEL_CHARS:
        return label
    return label[: CHART_LABEL_CHARS - 1].rstrip() + "…"


def _table(name: str, headers: Sequence[str], parent: QWidget) -> QTableWidget:
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
    table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    table.verticalHeader().setVisible(False)
    table.setWordWrap(False)
    header = table.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, len(headers)):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return table


def _fit_height(table: QTableWidget | QTableView, rows: int) -> None:
    """Show every row without an inner scroll bar (the tab scrolls as a whole)."""
    row_height = table.verticalHeader().defaultSectionSize()
    header = table.horizontalHeader().sizeHint().height()
    table.setFixedHeight(header + row_height * max(rows, 1) + 2 * table.frameWidth() + 2)


class BarChart(QChartView):
    """One series of counts as bars; horizontal bars for long labels, vertical for months."""

    def __init__(self, name: str, *, horizontal: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.horizontal = horizontal
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setMinimumHeight(220)
        self.setMinimumWidth(340)
        self.bars = QBarSet("", self)
        self.bars.setColor(BAR_COLOUR)

    def values(self) -> list[float]:
        return [self.bars.at(i) for i in range(self.bars.count())]

    def categories(self) -> list[str]:
        chart = self.chart()
        axes = chart.axes(Qt.Orientation.Vertical if self.horizontal else Qt.Orientation.Horizontal)
        axis = axes[0] if axes else None
        return list(axis.categories()) if isinstance(axis, QBarCategoryAxis) else []

    def show_counts(self, items: Sequence[tuple[str, int]]) -> None:
        chart = QChart()
        chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        chart.legend().hide()
        chart.setMargins(QMargins(4, 4, 4, 4))
        chart.setBackgroundRoundness(0)
        # Horizontal bars are drawn bottom-up: reversed so the first item sits on top.
        ordered = list(reversed(items)) if self.horizontal else list(items)
        self.bars = QBarSet("", chart)
        self.bars.setColor(BAR_COLOUR)
        self.bars.setLabelColor(self.palette().text().color())
        self.bars.append([float(n) for _, n in ordered])
        series = QHorizontalBarSeries(chart) if self.horizontal else QBarSeries(chart)
        series.append(self.bars)
        series.setLabelsVisible(True)
        series.setLabelsFormat("@value")
        series.setLabelsPosition(QBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        categories = QBarCategoryAxis(chart)
        categories.append([_short(label) for label, _ in ordered])
        values = QValueAxis(chart)
        values.setLabelFormat("%d")
        values.setRange(0, max([n for _, n in items] + [1]) * 1.15)
        values.setVisible(False)
        if self.horizontal:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(values, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(categories)
        series.attachAxis(values)
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()
        if self.horizontal:
            self.setMinimumHeight(max(160, 30 * len(items) + 40))


class Breakdown(QWidget):
    """A titled breakdown: a table of (label, count) with its total, and its bar chart."""

    def __init__(
        self, name: str, title: str, column: str, *, horizontal: bool, parent: QWidget
    ) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        heading = QLabel(title, self)
        style_title(heading, scale=1.1)
        self.table = _table(f"{name}_table", (self.tr("Catégorie"), column), self)
        self.chart = BarChart(f"{name}_chart", horizontal=horizontal, parent=self)
        self.empty_label = QLabel(self.tr("Aucune donnée sur la période."), self)
        layout.addWidget(heading, 0, 0, 1, 2)
        layout.addWidget(self.table, 1, 0, Qt.AlignmentFlag.AlignTop)
        layout.addWidget(self.chart, 1, 1)
        layout.addWidget(self.empty_label, 2, 0, 1, 2)
        layout.setColumnStretch(0, 5)
        layout.setColumnStretch(1, 6)

    def show_counts(
        self,
        counts: Mapping[str, int],
        label: Callable[[str], str],
        chart_label: Callable[[str], str] | None = None,
    ) -> None:
        items = [(key, label(key), n) for key, n in counts.items()]
        axis = chart_label or label
        self.table.setRowCount(len(items) + 1)
        for row, (key, text, n) in enumerate(items):
            name = QTableWidgetItem(text)
            name.setData(KEY_ROLE, key)
            name.setToolTip(text)
            self.table.setItem(row, 0, name)
            self.table.setItem(row, 1, _number_item(n))
        total = QTableWidgetItem(self.tr("Total"))
        font = total.font()
        font.setBold(True)
        total.setFont(font)
        self.table.setItem(len(items), 0, total)
        total_value = _number_item(sum(counts.values()))
        total_value.setFont(font)
        self.table.setItem(len(items), 1, total_value)
        _fit_height(self.table, len(items) + 1)
        self.chart.show_counts([(axis(key), n) for key, _, n in items])
        self.empty_label.setVisible(not items)
        self.chart.setVisible(bool(items))

    def counts(self) -> dict[str, int]:
        """What the table shows, by key (the total row left out)."""
        shown: dict[str, int] = {}
        for row in range(self.table.rowCount()):
            key = _cell(self.table, row, 0).data(KEY_ROLE)
            if key is not None:
                shown[key] = int(_cell(self.table, row, 1).text().replace("\u202f", ""))
        return shown


def _cell(table: QTableWidget, row: int, column: int) -> QTableWidgetItem:
    item = table.item(row, column)
    assert item is not None, (row, column)
    return item


def _number_item(n: int) -> QTableWidgetItem:
    item = QTableWidgetItem(format_number(n))
    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return item


class IndicatorsTab(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.data: IndicatorsData | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 6, 0, 0)
        period = QHBoxLayout()
        self.from_edit = DateField(self)
        self.from_edit.setObjectName("indicators_from_edit")
        self.to_edit = DateField(self)
        self.to_edit.setObjectName("indicators_to_edit")
        for edit in (self.from_edit, self.to_edit):
            edit.setMaximumWidth(edit.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        from_label = QLabel(self.tr("Période du"), self)
        from_label.setBuddy(self.from_edit)
        to_label = QLabel(self.tr("au"), self)
        to_label.setBuddy(self.to_edit)
        self.refresh_button = QPushButton(self.tr("&Actualiser"), self)
        self.refresh_button.setObjectName("indicators_refresh_button")
        self.period_message = QLabel(self)
        for widget in (from_label, self.from_edit, to_label, self.to_edit, self.refresh_button):
            period.addWidget(widget)
        period.addStretch(1)
        outer.addLayout(period)
        outer.addWidget(self.period_message)

        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        body = QWidget(self.scroll_area)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(0, 0, 12, 12)
        self.scroll_area.setWidget(body)
        outer.addWidget(self.scroll_area, 1)

        layout.addWidget(self._section(self.tr("Cohorte"), body))
        self.cohort_table = _table("cohort_table", (self.tr("Indicateur"), self.tr("Valeur")), body)
        layout.addWidget(self.cohort_table)
        self.by_qpv = Breakdown(
            "cohort_by_qpv",
            self.tr("Origine géographique des bénéficiaires reçus (QPV)"),
            self.tr("Bénéficiaires"),
            horizontal=True,
            parent=body,
        )
        self.exits = Breakdown(
            "cohort_exits",
            self.tr("Sorties de la cohorte par motif"),
            self.tr("Sorties"),
            horizontal=True,
            parent=body,
        )
        layout.addWidget(self.by_qpv)
        layout.addWidget(self.exits)

        layout.addWidget(self._section(self.tr("Contacts d'aller-vers"), body))
        self.contacts_total = QLabel(body)
        self.contacts_total.setObjectName("contacts_total_label")
        layout.addWidget(self.contacts_total)
        self.contacts_by_month = Breakdown(
            "contacts_by_month",
            self.tr("Contacts par mois"),
            self.tr("Contacts"),
            horizontal=False,
            parent=body,
        )
        self.contacts_by_qpv = Breakdown(
            "contacts_by_qpv",
            self.tr("Contacts par QPV"),
            self.tr("Contacts"),
            horizontal=True,
            parent=body,
        )
        self.contacts_by_channel = Breakdown(
            "contacts_by_channel",
            self.tr("Contacts par canal"),
            self.tr("Contacts"),
            horizontal=True,
            parent=body,
        )
        self.contacts_by_event_kind = Breakdown(
            "contacts_by_event_kind",
            self.tr("Contacts par type d'événement"),
            self.tr("Contacts"),
            horizontal=True,
            parent=body,
        )
        self.contacts_by_outcome = Breakdown(
            "contacts_by_outcome",
            self.tr("Contacts par suite donnée"),
            self.tr("Contacts"),
            horizontal=True,
            parent=body,
        )
        for breakdown in (
            self.contacts_by_month,
            self.contacts_by_qpv,
            self.contacts_by_channel,
            self.contacts_by_event_kind,
            self.contacts_by_outcome,
        ):
            layout.addWidget(breakdown)

        layout.addWidget(self._section(self.tr("Orientations vers les partenaires"), body))
        self.referrals_summary = QLabel(body)
        self.referrals_summary.setObjectName("referrals_summary_label")
        self.referrals_summary.setWordWrap(True)
        layout.addWidget(self.referrals_summary)
        self.referrals_by_status = Breakdown(
            "referrals_by_status",
            self.tr("Orientations par statut actuel"),
            self.tr("Orientations"),
            horizontal=True,
            parent=body,
        )
        layout.addWidget(self.referrals_by_status)
        partners_title = QLabel(self.tr("Orientations par partenaire"), body)
        style_title(partners_title, scale=1.1)
        layout.addWidget(partners_title)
        self.partners_model = PartnersModel(self)
        self.partners_view = self._sorted_view("partners_view", self.partners_model, body)
        layout.addWidget(self.partners_view)

        layout.addWidget(self._section(self.tr("Activité par personne de votre structure"), body))
        note = QLabel(
            self.tr(
                "Pour la qualité du service et l'organisation de l'équipe, pas pour évaluer les "
                "personnes (recommandation de la CNIL). Visible des seuls responsables de votre "
                "structure ; les médiatrices en sont informées."
            ),
            body,
        )
        note.setWordWrap(True)
        note.setStyleSheet("color: palette(placeholder-text);")
        layout.addWidget(note)
        self.mediators_model = MediatorsModel(self)
        self.mediators_view = self._sorted_view("mediators_view", self.mediators_model, body)
        layout.addWidget(self.mediators_view)
        layout.addStretch(1)

        self.refresh_button.clicked.connect(self.load)
        self.from_edit.editingFinished.connect(self.load)
        self.to_edit.editingFinished.connect(self.load)
        show_message(self.period_message, "")

    def _section(self, title: str, parent: QWidget) -> QLabel:
        label = QLabel(title, parent)
        style_title(label, scale=1.3)
        label.setContentsMargins(0, 14, 0, 2)
        return label

    def _sorted_view(
        self, name: str, model: PartnersModel | MediatorsModel, parent: QWidget
    ) -> QTableView:
        proxy = QSortFilterProxyModel(self)
        proxy.setSourceModel(model)
        proxy.setSortRole(SORT_ROLE)
        view = QTableView(parent)
        view.setObjectName(name)
        view.setModel(proxy)
        view.setSortingEnabled(True)
        view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        view.verticalHeader().setVisible(False)
        view.setWordWrap(False)
        header = view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, model.columnCount()):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        return view

    # Loading

    def period(self) -> tuple[date | None, date | None]:
        """The period typed; DateFormatError if a date cannot be read."""
        return self.from_edit.day(), self.to_edit.day()

    def load(self) -> None:
        try:
            start, end = self.period()
        except DateFormatError as bad:
            show_message(self.period_message, str(bad), Tone.ERROR)
            return
        if start and end and start > end:
            show_message(
                self.period_message,
                self.tr("La date de début est postérieure à la date de fin."),
                Tone.ERROR,
            )
            return
        show_message(self.period_message, "")
        QueryOp(
            self, op=lambda session: read_indicators(session, start, end), success=self.show_data
        ).failure(lambda error: show_failure(self, error)).run()

    def drop_data(self) -> None:
        self.data = None
        self.from_edit.clear()
        self.to_edit.clear()
        self.cohort_table.setRowCount(0)
        for breakdown in self.findChildren(Breakdown):
            breakdown.show_counts({}, str)
        self.contacts_total.setText("")
        self.referrals_summary.setText("")
        self.partners_model.set_rows([])
        self.mediators_model.set_rows([])

    # Showing

    def show_data(self, data: IndicatorsData) -> None:
        self.data = data
        indicators = data.dashboard.indicators
        cohort = indicators.cohort
        rows = [
            ("received", self.tr("Bénéficiaires reçus"), format_number(cohort.received)),
            ("pct_rsa", self.tr("Allocataires du RSA à l'entrée"), percent_text(cohort.pct_rsa)),
            (
                "pct_under_25",
                self.tr("Moins de 25 ans à l'entrée"),
                percent_text(cohort.pct_under_25),
            ),
            ("pct_women", self.tr("Femmes"), percent_text(cohort.pct_women)),
            ("unknown_age", self.tr("Âge inconnu"), format_number(cohort.unknown_age)),
            (
                "unknown_gender",
                self.tr("Genre inconnu ou non renseigné"),
                format_number(cohort.unknown_gender),
            ),
            ("active", self.tr("Accompagnés en fin de période"), format_number(cohort.active)),
        ]
        self.cohort_table.setRowCount(len(rows))
        for row, (key, label, value) in enumerate(rows):
            name = QTableWidgetItem(label)
            name.setData(KEY_ROLE, key)
            self.cohort_table.setItem(row, 0, name)
            shown = QTableWidgetItem(value)
            shown.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.cohort_table.setItem(row, 1, shown)
        _fit_height(self.cohort_table, len(rows))
        self.by_qpv.show_counts(cohort.by_qpv, lambda key: figure_label("qpv", key))
        self.exits.show_counts(cohort.exits, lambda key: figure_label("exit_reasons", key))
        contacts = indicators.contacts
        self.contacts_total.setText(
            self.tr("Contacts sur la période : {count}").format(count=format_number(contacts.total))
        )
        self.contacts_by_month.show_counts(contacts.by_month, month_label, short_month_label)
        self.contacts_by_qpv.show_counts(contacts.by_qpv, lambda key: figure_label("qpv", key))
        self.contacts_by_channel.show_counts(
            contacts.by_channel, lambda key: figure_label("channels", key)
        )
        self.contacts_by_event_kind.show_counts(
            data.dashboard.contacts_by_event_kind, lambda key: figure_label("event_kinds", key)
        )
        self.contacts_by_outcome.show_counts(
            contacts.by_outcome, lambda key: figure_label("outcomes", key)
        )
        rates = data.dashboard.referral_rates
        self.referrals_summary.setText(
            self.tr(
                "Orientations créées sur la période : {total} ; fiches de liaison remises : "
                "{issued} ; rendez-vous honorés : {honoured} ; expirées sans réponse : "
                "{expired} (parts calculées sur les fiches remises)."
            ).format(
                total=format_number(indicators.referrals.total),
                issued=format_number(rates.issued),
                honoured=percent_text(rates.pct_honoured),
                expired=percent_text(rates.pct_expired),
            )
        )
        self.referrals_by_status.show_counts(
            indicators.referrals.by_status, lambda key: figure_label("referral_statuses", key)
        )
        self.partners_model.set_rows(data.dashboard.referrals_by_partner)
        _fit_height(self.partners_view, len(data.dashboard.referrals_by_partner))
        self.mediators_model.set_rows(data.mediators)
        _fit_height(self.mediators_view, len(data.mediators))

    def cohort_values(self) -> dict[str, str]:
        """What the cohort table shows, by key."""
        table = self.cohort_table
        return {
            _cell(table, row, 0).data(KEY_ROLE): _cell(table, row, 1).text()
            for row in range(table.rowCount())
        }
