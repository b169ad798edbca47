"""The table models of the lists pass pytest-qt's model tester (with their proxies too), and
their sort keys order rows the way a user reads them."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest
from PySide6.QtCore import QSortFilterProxyModel, Qt

from mediateur.services.beneficiaries import BeneficiarySummary
from mediateur.services.beneficiary_file import FileEntry
from mediateur.services.contacts import Contact
from mediateur.services.events import Event
from mediateur.services.field_entry import FieldContact
from mediateur.services.todo import TodoItem
from mediateur.ui.models.base import ID_ROLE, ROW_ROLE, SORT_ROLE, RowsModel
from mediateur.ui.models.cohort import CohortModel
from mediateur.ui.models.events import EventsModel
from mediateur.ui.models.field_contacts import FieldContactsModel
from mediateur.ui.models.timeline import TimelineModel
from mediateur.ui.models.todo import TodoModel

NOW = datetime(2026, 11, 20, 14, 30, tzinfo=UTC)


def contact(n: int, **overrides: object) -> FieldContact:
    values: dict[str, object] = {
        "id": f"contact-{n}",
        "created_at": NOW,
        "created_by": None,
        "occurred_at": NOW - timedelta(minutes=n),
        "channel": "pied_immeuble",
        "outcome": "information",
        "gender": "f",
        "age_band": "16_24",
        "themes": ("mobilite",),
    }
    values.update(overrides)
    return FieldContact(Contact(**values), None)  # type: ignore[arg-type]


def person(n: int, last: str, **overrides: object) -> BeneficiarySummary:
    values: dict[str, object] = {
        "id": f"person-{n}",
        "last_name": last,
        "first_name": "Léa",
        "birth_date": date(1990, 1, 1),
        "gender": "f",
        "qpv": "carriet",
        "intake_date": date(2026, 1, n),
        "referent_user_id": None,
        "referent_name": None,
        "status": "actif",
        "exit_date": None,
        "exit_reason": None,
        "phone": None,
        "email": None,
        "anonymised_at": None,
    }
    values.update(overrides)
    return BeneficiarySummary(**values)  # type: ignore[arg-type]


def models() -> list[RowsModel]:  # type: ignore[type-arg]
    field = FieldContactsModel()
    field.set_rows(
        [
            contact(1),
            contact(
                2,
                review_status="a_corriger",
                review_comment="Préciser",
                note="Cherche un stage",
            ),
        ]
    )
    cohort = CohortModel()
    cohort.set_people(
        [
            person(1, "Martin", referent_user_id="u1"),
            person(2, "Abadie", status="sorti", exit_date=date(2026, 6, 1)),
            person(3, None, anonymised_at=NOW),  # type: ignore[arg-type]
        ],
        {"u1": "Nadia Ben"},
    )
    events = EventsModel()
    events.set_rows(
        [
            Event(id="e1", kind="forum", title="Forum emploi", starts_at=NOW, headcount=12),
            Event(id="e2", kind="autre", title="Atelier CV", starts_at=NOW - timedelta(days=2)),
        ]
    )
    todo = TodoModel()
    todo.set_rows(
        [
            TodoItem(
                "follow_up", date(2026, 11, 1), "Suivi prévu : CV", None, "p1", "MARTIN Léa", "f1"
            ),
            TodoItem(
                "referral", date(2026, 11, 5), "Relancer ML", "Orientation…", None, None, "r1"
            ),
        ]
    )
    timeline = TimelineModel()
    timeline.set_rows(
        [
            FileEntry(NOW, "intake", "Entrée dans la cohorte", None, "beneficiary", "p1"),
            FileEntry(NOW, "contact", "Contact", "Note", "contact", "c1", "a_corriger", "À revoir"),
        ]
    )
    return [field, cohort, events, todo, timeline]


@pytest.mark.parametrize("model", models(), ids=lambda m: type(m).__name__)
def test_models_pass_the_model_tester(qtmodeltester, model: RowsModel) -> None:  # type: ignore[type-arg]
    qtmodeltester.check(model)
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    for column in range(model.columnCount()):
        proxy.sort(column, Qt.SortOrder.DescendingOrder)
        qtmodeltester.check(proxy)
    assert model.headerData(0, Qt.Orientation.Horizontal)
    assert model.data(model.index(0, 0), ROW_ROLE) is model.row_at(0)
    assert model.data(model.index(0, 0), ID_ROLE) == model.row_id(model.row_at(0))


def test_upsert_replaces_or_inserts_first(qtmodeltester) -> None:
    model = FieldContactsModel()
    model.set_rows([contact(1)])
    qtmodeltester.check(model)
    assert model.upsert(contact(2)) == 0
    assert model.rowCount() == 2
    assert model.upsert(contact(1, outcome="rdv_pris")) == 1
    assert model.rowCount() == 2
    assert model.data(model.index(1, FieldContactsModel.Col.OUTCOME)) == "Rendez-vous pris"


def test_cohort_sorting_reads_like_a_person_expects() -> None:
    model = CohortModel()
    model.set_people(
        [
            person(1, "Zidane"),
            person(2, None, anonymised_at=NOW),  # type: ignore[arg-type]
            person(3, "Émile"),
            person(4, "abadie"),
        ],
        {},
    )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setSortRole(SORT_ROLE)
    proxy.sort(CohortModel.Col.NAME, Qt.SortOrder.AscendingOrder)
    names = [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    assert names == ["ABADIE Léa", "ÉMILE Léa", "ZIDANE Léa", "Personne anonymisée"]
    proxy.sort(CohortModel.Col.INTAKE, Qt.SortOrder.DescendingOrder)
    assert proxy.index(0, 0).data() == "ABADIE Léa", "the most recent intake first"
