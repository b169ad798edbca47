"""The Revue page on real widgets: only managers see it; the indicators are those of
`mediateur stats --json`; reviewing from the log; exports of the filtered log and the COPIL
report; merging two records of one person; every tab fits the window; the models pass the model
tester."""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from PySide6.QtCore import Qt
from sqlalchemy import func, select

from mediateur.cli import main
from mediateur.reports.breakdowns import programme_dashboard
from mediateur.reports.indicators import compute_indicators
from mediateur.services import clock
from mediateur.services.beneficiaries import create_beneficiary
from mediateur.services.contacts import ContactInput, get_contact, record_contact
from mediateur.services.context import current_context
from mediateur.services.follow_ups import FollowUpInput, record_follow_up
from mediateur.store.schema import (
    contact,
    directory_organisation,
    directory_user,
    follow_up,
    outbox,
)
from mediateur.store.vault import Vault
from mediateur.sync.protocol import ConflictLogEntry, DeviceInfo
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.review import ReviewPage
from mediateur.ui.referrals.printing import PdfFileDialog
from mediateur.ui.review.comment_dialog import ReviewCommentDialog
from mediateur.ui.review.exports_tab import ExportFileDialog
from mediateur.ui.review.indicators_tab import Breakdown
from mediateur.ui.review.models import (
    ConflictsModel,
    ContactLogModel,
    ContactLogProxy,
    DevicesModel,
    MediatorsModel,
    PartnersModel,
)
from mediateur.ui.tasks import TaskRunner
from tests.services.helpers import intake
from tests.support.vaults import PASSPHRASE, VaultFactory
from tests.ui.review_support import (
    MANAGER,
    ORG,
    OTHER_ORG,
    answer,
    as_role,
    demo,
    question,
    review_page,
)
from tests.ui.test_layout import SIZES, cut_off

NOW = datetime.now(UTC).replace(microsecond=0)


@pytest.fixture
def window(runner: TaskRunner, open_window) -> MainWindow:
    shown: MainWindow = open_window()
    as_role(shown, "manager")
    return shown


def _contacts(vault: Vault, count: int, **fields: object) -> list[str]:
    with vault.unit_of_work() as uow:
        return [
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=NOW - timedelta(hours=n + 1),
                    channel=str(fields.get("channel", "porte_a_porte")),
                    outcome="information",
                    qpv="carriet",
                    note=f"Rencontre {n}",
                ),
            )
            for n in range(count)
        ]


# Who sees the page


@pytest.mark.parametrize("role", ["mediator", "admin", None])
def test_a_mediator_never_sees_the_revue_page(
    qtbot, runner: TaskRunner, open_window, role: str | None
) -> None:
    window: MainWindow = open_window()
    as_role(window, role)
    workspace = window.workspace
    assert workspace is not None
    shown = [
        workspace.sidebar.item(row).text()
        for row in range(workspace.sidebar.count())
        if not workspace.sidebar.item(row).isHidden()
    ]
    assert shown == [
        "Terrain",
        "Cohorte",
        "Orientations",
        "Événements",
        "Synchronisation",
        "Paramètres",
    ]
    with pytest.raises(LookupError):
        workspace.show_page(PageKey.REVIEW)
    workspace.sidebar.setFocus()
    for number in range(1, 8):
        qtbot.keyClick(
            workspace.sidebar, Qt.Key(Qt.Key.Key_0 + number), Qt.KeyboardModifier.ControlModifier
        )
        assert workspace.current_key is not PageKey.REVIEW
    # Ctrl+5 is the fifth entry shown: Synchronisation.
    qtbot.keyClick(workspace.sidebar, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_key is PageKey.SYNC
    assert workspace.page(PageKey.REVIEW) is None, "the page is never even built"


def test_the_page_follows_the_account_of_the_profile(qtbot, window: MainWindow) -> None:
    workspace = window.workspace
    assert workspace is not None
    assert workspace.is_shown(PageKey.REVIEW)
    review_page(window)
    assert workspace.current_key is PageKey.REVIEW
    qtbot.keyClick(workspace.sidebar, Qt.Key.Key_6, Qt.KeyboardModifier.ControlModifier)
    assert workspace.current_key is PageKey.SYNC
    workspace.show_page(PageKey.REVIEW)
    # The account becomes a mediator's: the entry and the page on screen go away.
    as_role(window, "mediator")
    assert not workspace.is_shown(PageKey.REVIEW)
    assert workspace.current_key is PageKey.TERRAIN


def test_a_lock_hides_the_page_until_the_role_is_read_again(
    qtbot, window: MainWindow, vault_factory: VaultFactory
) -> None:
    workspace = window.workspace
    assert workspace is not None
    page = review_page(window)
    _contacts(window.context.vault, 2)
    page.load()
    assert page.log_tab.model.rowCount() == 2
    vault = window.context.vault
    window.lock()
    assert not workspace.is_shown(PageKey.REVIEW)
    assert page.log_tab.model.rowCount() == 0
    window.unlock_screen.unlocked.emit(vault_factory.open(vault.directory))
    assert workspace.is_shown(PageKey.REVIEW)
    assert workspace.current_key is PageKey.REVIEW
    assert page.log_tab.model.rowCount() == 2


# Indicators


def _number(text: str) -> float:
    return float(text.replace("\u202f", "").replace("\u00a0%", "").replace(",", "."))


def test_the_indicators_are_those_of_stats_json(
    qtbot, window: MainWindow, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.context.vault
    demo(vault)
    page = review_page(window)
    page.tabs.setCurrentWidget(page.indicators_tab)
    tab = page.indicators_tab

    monkeypatch.setenv("MEDIATEUR_PASSPHRASE", PASSPHRASE)
    capsys.readouterr()
    assert main(["stats", "--json", "--profile", str(vault.directory)]) == 0
    expected = json.loads(capsys.readouterr().out)
    with vault.session() as session:
        assert compute_indicators(session).to_json() == expected
        dashboard = programme_dashboard(session)

    values = tab.cohort_values()
    cohort = expected["cohort"]
    shown_cohort = {
        "received": int(_number(values["received"])),
        "pct_rsa": _number(values["pct_rsa"]),
        "pct_under_25": _number(values["pct_under_25"]),
        "pct_women": _number(values["pct_women"]),
        "by_qpv": tab.by_qpv.counts(),
        "exits": tab.exits.counts(),
        "active": int(_number(values["active"])),
        "unknown": {
            "age": int(_number(values["unknown_age"])),
            "gender": int(_number(values["unknown_gender"])),
        },
    }
    assert shown_cohort == cohort
    total = re.fullmatch(r"Contacts sur la période : (.+)", tab.contacts_total.text())
    assert total is not None
    shown_contacts = {
        "total": int(_number(total.group(1))),
        "by_qpv": tab.contacts_by_qpv.counts(),
        "by_channel": tab.contacts_by_channel.counts(),
        "by_outcome": tab.contacts_by_outcome.counts(),
        "by_month": tab.contacts_by_month.counts(),
    }
    assert shown_contacts == expected["contacts"]
    created = re.match(r"Orientations créées sur la période : (\d+)", tab.referrals_summary.text())
    assert created is not None
    assert {
        "total": int(created.group(1)),
        "by_status": tab.referrals_by_status.counts(),
    } == expected["referrals"]
    assert tab.contacts_by_event_kind.counts() == dashboard.contacts_by_event_kind
    assert tab.partners_model.rows() == dashboard.referrals_by_partner

    # Every chart draws the numbers of its table (horizontal bars bottom-up).
    for breakdown in tab.findChildren(Breakdown):
        counts = list(breakdown.counts().values())
        drawn = breakdown.chart.values()
        assert drawn == [float(n) for n in (counts[::-1] if breakdown.chart.horizontal else counts)]
        assert len(breakdown.chart.categories()) == len(counts)


def test_the_indicators_follow_the_period(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    demo(vault)
    page = review_page(window)
    page.tabs.setCurrentWidget(page.indicators_tab)
    tab = page.indicators_tab
    start = clock.today().replace(day=1)
    tab.from_edit.setText(clock.format_day(start))
    tab.to_edit.setText(clock.format_day(clock.today()))
    tab.refresh_button.click()
    with vault.session() as session:
        expected = compute_indicators(session, date_from=start, date_to=clock.today()).to_json()
    assert tab.contacts_by_month.counts() == expected["contacts"]["by_month"]
    assert list(expected["contacts"]["by_month"]) == [f"{start:%Y-%m}"]
    assert tab.cohort_values()["received"] == str(expected["cohort"]["received"])

    tab.to_edit.setText("31/02/2026")
    tab.refresh_button.click()
    assert tab.period_message.text() == "cette date n'existe pas dans le calendrier."


def test_figures_per_mediator_cover_the_own_organisation_only(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    amina = "0190b5b4-0000-7000-8000-00000000a111"
    damien = "0190b5b4-0000-7000-8000-00000000d111"
    with vault.write_session() as session, session.begin():
        session.execute(
            directory_organisation.insert(),
            [{"id": ORG, "name": "Cité de l'emploi"}, {"id": OTHER_ORG, "name": "PLIE"}],
        )
        session.execute(
            directory_user.insert(),
            [
                {
                    "id": MANAGER,
                    "display_name": "Chloé Roux",
                    "organisation_id": ORG,
                    "role": "manager",
                },
                {
                    "id": amina,
                    "display_name": "Amina Diallo",
                    "organisation_id": ORG,
                    "role": "mediator",
                },
                {
                    "id": damien,
                    "display_name": "Damien Petit",
                    "organisation_id": OTHER_ORG,
                    "role": "mediator",
                },
            ],
        )
    ids = _contacts(vault, 5)
    with vault.write_session() as session, session.begin():
        for contact_id, (author, organisation) in zip(
            ids, [(amina, ORG)] * 3 + [(damien, OTHER_ORG)] * 2, strict=True
        ):
            session.execute(
                contact.update()
                .where(contact.c.id == contact_id)
                .values(created_by=author, organisation_id=organisation)
            )
    page = review_page(window)
    page.tabs.setCurrentWidget(page.indicators_tab)
    rows = {m.name: m.contacts for m in page.indicators_tab.mediators_model.rows()}
    assert rows == {"Amina Diallo": 3, "Chloé Roux": 0}
    assert "Damien Petit" not in str(rows)

    page.tabs.setCurrentWidget(page.log_tab)
    log = page.log_tab
    authors = {entry.author for entry in log.model.entries()}
    assert authors == {"Amina Diallo", "Autre structure : PLIE"}
    mediators = [log.mediator_combo.itemText(i) for i in range(log.mediator_combo.count())]
    assert mediators == ["Toute l'équipe", "Amina Diallo", "Chloé Roux"]


# Reviewing from the log


def _outbox_fields(vault: Vault, contact_id: str) -> list[dict[str, object]]:
    with vault.session() as session:
        rows = session.execute(
            select(outbox.c.fields).where(outbox.c.row_id == contact_id).order_by(outbox.c.seq)
        ).scalars()
        return list(rows)


def test_a_manager_reviews_contacts_from_the_log(
    qtbot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.context.vault
    ids = _contacts(vault, 3)
    page = review_page(window)
    log = page.log_tab
    assert log.count_label.text() == "3 contacts"
    assert not log.validate_button.isEnabled()

    log.select_rows([0, 1])
    assert log.detail_label.text().startswith("2 contacts sélectionnés.")
    log.validate_button.click()
    with vault.session() as session:
        statuses = [get_contact(session, cid).review_status for cid in ids]
    assert statuses == ["valide", "valide", None]
    assert [log.model.entry(r).review_status for r in range(3)] == ["valide", "valide", None]
    assert log.message_label.text().startswith("2 contacts marqués « Validé »")
    # Only what changed goes to the server (there was no comment to clear).
    assert set(_outbox_fields(vault, ids[0])[-1]) == {"review_status", "reviewed_by", "reviewed_at"}

    asked: list[int] = []

    def fake_ask(_parent: object, *, count: int, comment: str | None = None) -> str:
        asked.append(count)
        return "Préciser la tranche d'âge"

    monkeypatch.setattr(ReviewCommentDialog, "ask", fake_ask)
    log.select_rows([2])
    assert "Rencontre 2" in log.detail_label.text()
    log.correct_button.click()
    assert asked == [1]
    with vault.session() as session:
        corrected = get_contact(session, ids[2])
    assert (corrected.review_status, corrected.review_comment) == (
        "a_corriger",
        "Préciser la tranche d'âge",
    )
    assert log.model.data(log.model.index(2, 8)) == "Préciser la tranche d'âge"
    assert "Préciser la tranche d'âge" in log.detail_label.text()

    log.review_combo.setCurrentIndex(log.review_combo.findData("a_corriger"))
    assert [e.id for e in log.model.entries()] == [ids[2]]
    assert log.count_label.text() == "1 contact"


def test_a_contact_of_another_organisation_is_listed_but_not_reviewed(
    qtbot, window: MainWindow
) -> None:
    vault = window.context.vault
    _own, foreign = _contacts(vault, 2)
    with vault.write_session() as session, session.begin():
        session.execute(
            contact.update().where(contact.c.id == foreign).values(organisation_id=OTHER_ORG)
        )
    log = review_page(window).log_tab
    row = next(r for r in range(2) if log.model.entry(r).id == foreign)
    log.select_rows([row])
    assert not log.validate_button.isEnabled()
    assert "contact d'une autre structure" in log.detail_label.text()
    log.select_rows([0, 1])
    assert not log.correct_button.isEnabled()
    assert "1 viennent d'une autre structure" in log.detail_label.text()


def test_the_comment_dialog_says_what_is_missing(qtbot, runner: TaskRunner) -> None:
    dialog = ReviewCommentDialog(None, count=3)
    qtbot.addWidget(dialog)
    assert "Les 3 contacts sélectionnés" in dialog.form.summary_label.text()
    dialog.form.save_button.click()
    assert dialog.result() == 0
    assert dialog.form.message_label.text() == "Dites à la médiatrice ce qu'il faut corriger."
    dialog.form.comment_edit.setPlainText("NIR 2 85 05 78 006 084 41")
    dialog.form.save_button.click()
    assert "sécurité sociale" in dialog.form.message_label.text()
    dialog.form.comment_edit.setPlainText("x" * 501)
    assert dialog.form.count_label.text() == "501 / 500 caractères"
    dialog.form.comment_edit.setPlainText("  Le QPV n'est pas le bon  ")
    dialog.form.save_button.click()
    assert dialog.result() == 1
    assert dialog.comment() == "Le QPV n'est pas le bon"


# Exports


def test_the_filtered_log_exports_to_csv_and_xlsx(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.context.vault
    _contacts(vault, 4, channel="telephone")
    _contacts(vault, 3, channel="permanence")
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=NOW - timedelta(minutes=5),
                channel="telephone",
                outcome="information",
                note='=HYPERLINK("http://exemple.fr")',
            ),
        )
    page = review_page(window)
    log = page.log_tab
    log.channel_combo.setCurrentIndex(log.channel_combo.findData("telephone"))
    page.tabs.setCurrentWidget(page.exports_tab)
    exports = page.exports_tab
    assert exports.filter_label.text().endswith("Canal : Téléphone")
    target = tmp_path / "journal.csv"
    monkeypatch.setattr(ExportFileDialog, "ask", lambda *_args: target)
    exports.csv_button.click()
    text = target.read_bytes().decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text), delimiter=";"))
    assert len(rows) == 5
    assert {row["canal"] for row in rows} == {"Téléphone"}
    assert rows[0]["note"] == '\'=HYPERLINK("http://exemple.fr")'
    assert rows[0]["saisi_par"] == "Chloé Roux"
    assert exports.message_label.text() == f"5 contact(s) exporté(s) dans {target}."

    workbook_path = tmp_path / "journal.xlsx"
    monkeypatch.setattr(ExportFileDialog, "ask", lambda *_args: workbook_path)
    exports.xlsx_button.click()
    sheet = load_workbook(workbook_path).active
    assert sheet is not None
    header = [cell.value for cell in sheet[1]]
    assert sheet.max_row == 6
    assert header[-3:] == ["saisi_par", "revu_par", "revu_le"]
    note = sheet.cell(row=2, column=header.index("note") + 1)
    assert (note.value, note.data_type) == ('\'=HYPERLINK("http://exemple.fr")', "s")


def test_the_copil_report_is_saved_and_previewed(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    demo(window.context.vault)
    page = review_page(window)
    page.tabs.setCurrentWidget(page.exports_tab)
    exports = page.exports_tab
    start = clock.today() - timedelta(days=60)
    exports.from_edit.setText(clock.format_day(start))
    target = tmp_path / "copil.pdf"
    monkeypatch.setattr(PdfFileDialog, "ask", lambda *_args: target)
    exports.pdf_button.click()
    text = "\n".join(page.extract_text() or "" for page in PdfReader(target).pages)
    assert f"Période : depuis le {clock.format_day(start)}" in text
    assert "Comité de pilotage" in text
    assert exports.message_label.text() == f"Rapport enregistré dans {target}."

    exports.preview_button.click()
    preview = exports.preview
    assert preview is not None
    qtbot.waitUntil(lambda: preview.page_count >= 2, timeout=5000)
    preview.dialog.reject()

    exports.to_edit.setText(clock.format_day(start - timedelta(days=1)))
    exports.pdf_button.click()
    assert exports.message_label.text() == (
        "Période du rapport : la date de début est postérieure à la date de fin."
    )


# Merging


def test_two_records_of_one_person_are_merged_from_the_page(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        context = current_context(uow.session, vault.install_id)
        first = create_beneficiary(uow=uow, data=intake(email=None), context=context)
        second = create_beneficiary(
            uow=uow,
            data=intake(last_name="BENALI", first_name="Ines", intake_date=date(2026, 3, 9)),
            context=context,
            allow_duplicate=True,
        )
        for person, kinds in ((first, ["entretien"]), (second, ["appel", "atelier"])):
            for kind in kinds:
                record_follow_up(
                    uow=uow,
                    data=FollowUpInput(
                        beneficiary_id=person, occurred_at=NOW - timedelta(days=2), kind=kind
                    ),
                )
    page = review_page(window)
    page.tabs.setCurrentWidget(page.merge_tab)
    merge = page.merge_tab
    merge.search_edit.setText("benali")
    assert merge.people_table.rowCount() == 2
    assert not merge.compare_button.isEnabled()
    merge.people_table.selectAll()
    merge.compare_button.click()
    assert merge.pair is not None
    assert merge.reason_label.text() == "Deux fiches choisies dans la recherche."
    assert merge.pairs_table.rowCount() == 1
    merge.pairs_table.setCurrentCell(0, 0)
    assert merge.reason_label.text() == "Raison : même nom, prénom et date de naissance."
    assert merge.pair is not None
    table = merge.compare_table
    shown = {
        table.item(r, 0).text(): (table.item(r, 1).text(), table.item(r, 2).text())
        for r in range(table.rowCount())
    }
    assert shown["Suivis"] in (("1", "2"), ("2", "1"))
    assert not merge.merge_button.isEnabled()
    keep = first if merge.pair.first.person.id == first else second
    (merge.keep_first if merge.pair.first.person.id == keep else merge.keep_second).setChecked(True)
    merge.merge_button.click()
    box = question(window)
    assert "lui transmet ses" in box.text()
    answer(window, "Fusionner")
    with vault.session() as session:
        kept = session.scalar(
            select(func.count()).where(
                follow_up.c.beneficiary_id == keep, follow_up.c.deleted.is_(False)
            )
        )
    assert kept == 3
    assert merge.message_label.text().startswith("Fiches fusionnées")
    assert merge.pairs_table.item(0, 0).text() == "Aucun doublon probable."


# Layout


@pytest.mark.parametrize("size", SIZES)
def test_every_tab_fits(qtbot, runner: TaskRunner, open_window, size: tuple[int, int]) -> None:
    window: MainWindow = open_window(size=size)
    as_role(window, "manager")
    vault = window.context.vault
    demo(vault)
    with vault.unit_of_work() as uow:
        context = current_context(uow.session, vault.install_id)
        for first_name in ("Marie-Bernadette", "MARIE-BERNADETTE"):
            create_beneficiary(
                uow=uow,
                data=intake(last_name="Nguyen-Delacroix-Fontaine", first_name=first_name),
                context=context,
                allow_duplicate=True,
            )
    page = review_page(window)
    page.log_tab.select_rows([0])
    page.merge_tab.search_edit.setText("nguyen")
    for index in range(page.tabs.count()):
        if page.tab(index) in (page.devices_tab, page.conflicts_tab):
            continue
        page.tabs.setCurrentIndex(index)
        if page.tab(index) is page.merge_tab:
            page.merge_tab.pairs_table.setCurrentCell(0, 0)
            assert page.merge_tab.pair is not None
        qtbot.wait(10)
        assert cut_off(window) == [], page.tabs.tabText(index)


# Models


def test_the_log_model_passes_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    _contacts(window.context.vault, 23)
    model = ContactLogModel(first_size=7, page_size=5)
    model.set_filters(model.filters)
    assert model.rowCount() == 7
    assert model.canFetchMore()
    qtmodeltester.check(model)
    proxy = ContactLogProxy()
    proxy.setSourceModel(model)
    qtmodeltester.check(proxy)
    while model.canFetchMore():
        model.fetchMore()
    moments = [model.entry(r).occurred_at for r in range(model.rowCount())]
    assert len(moments) == len(set(model.entry(r).id for r in range(model.rowCount()))) == 23
    assert moments == sorted(moments, reverse=True)
    proxy.sort(0, Qt.SortOrder.AscendingOrder)
    assert model.entry(0).occurred_at == min(moments)


def _device(**fields: object) -> DeviceInfo:
    values: dict[str, object] = {
        "id": "0190b5b4-0000-7000-8000-0000000000d1",
        "user": "Amina Diallo",
        "user_id": "0190b5b4-0000-7000-8000-00000000a111",
        "organisation_id": "0190b5b4-0000-7000-8000-00000000c17e",
        "name": "Portable Amina",
        "last_seen": NOW,
        "app_version": "0.1.0",
        "pending": 3,
        "dead": 1,
        "clock_skew_ms": 420_000,
        "revoked": None,
    }
    values.update(fields)
    return DeviceInfo.model_validate(values)


def test_the_small_models_pass_the_model_tester(qtmodeltester, window: MainWindow) -> None:
    devices = DevicesModel()
    devices.set_rows(
        [
            _device(),
            _device(
                id="0190b5b4-0000-7000-8000-0000000000d2",
                revoked="wipe",
                last_seen=None,
                pending=None,
                dead=None,
                clock_skew_ms=None,
            ),
        ]
    )
    qtmodeltester.check(devices)
    assert devices.display(devices.row_at(0), devices.Col.SKEW) == "+7 min"
    assert devices.warning(devices.row_at(0), devices.Col.SKEW)
    assert devices.display(devices.row_at(1), devices.Col.STATE) == "Effacement à distance demandé"
    conflicts = ConflictsModel()
    conflicts.set_rows(
        [
            ConflictLogEntry(
                id=7,
                entity="contact",
                row_id="0190b5b4-0000-7000-8000-0000000000e1",
                field="channel",
                reason="concurrent",
                winner_value="telephone",
                loser_value="porte_a_porte",
                winner_device=None,
                loser_device="0190b5b4-0000-7000-8000-0000000000d1",
                at=NOW,
            )
        ]
    )
    conflicts.device_names = {"0190b5b4-0000-7000-8000-0000000000d1": "Portable Amina"}
    qtmodeltester.check(conflicts)
    assert (
        conflicts.display(conflicts.row_at(0), conflicts.Col.LOST)
        == "Porte-à-porte (Portable Amina)"
    )
    assert conflicts.display(conflicts.row_at(0), conflicts.Col.FIELD) == "canal"
    _contacts(window.context.vault, 2)
    with window.context.vault.session() as session:
        dashboard = programme_dashboard(session)
    mediators = MediatorsModel()
    qtmodeltester.check(mediators)
    partners = PartnersModel()
    partners.set_rows(dashboard.referrals_by_partner)
    qtmodeltester.check(partners)
    assert isinstance(review_page(window), ReviewPage)
