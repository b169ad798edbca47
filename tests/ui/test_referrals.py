"""Referrals in the desktop app on real vaults and real PDFs: « Nouvelle orientation » from a
person's file or a contact, the partner picker, printing (preview of the real PDF, save as PDF)
recorded as emission, the partner's answer, reprints, an event's batch print, the partner
directory window, and the Orientations list."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrintPreviewWidget
from PySide6.QtWidgets import QApplication

from mediateur.domain.values import now_utc
from mediateur.services import clock
from mediateur.services.beneficiaries import BeneficiaryInput, create_beneficiary
from mediateur.services.contacts import ContactInput, record_contact
from mediateur.services.context import current_context
from mediateur.services.events import EventInput, create_event
from mediateur.services.partners import (
    import_directory,
    list_directory,
    partner_record_id,
    sample_directory,
)
from mediateur.services.referrals import (
    ReferralInput,
    create_referral,
    get_referral,
    list_referral_events,
    list_referrals,
    record_printing,
)
from mediateur.slips import load_branding, render_slips
from mediateur.store.vault import Vault
from mediateur.sync import local_state
from mediateur.ui.main_window import MainWindow
from mediateur.ui.pages.base import PageKey
from mediateur.ui.pages.cohort import CohortPage
from mediateur.ui.pages.orientations import OrientationsPage
from mediateur.ui.referrals.answer import ReferralAnswerDialog, StatusAnswer
from mediateur.ui.referrals.models import ReferralModel
from mediateur.ui.referrals.new_referral import NewReferralDialog
from mediateur.ui.referrals.partner_picker import DirectoryModel, PartnerPicker
from mediateur.ui.referrals.printing import (
    PdfFileDialog,
    PrintPreview,
    a4_printer,
    open_pdf,
    page_dpi,
    paint_document,
)
from mediateur.ui.tasks import TaskRunner
from tests.slips.reading import halves, normalise
from tests.slips.samples import batch
from tests.ui.test_layout import cut_off

PERMIS = "Permis B à pédagogie adaptée"


def enrol(vault: Vault, **overrides: Any) -> str:
    values: dict[str, Any] = {
        "last_name": "Lefèvre",
        "first_name": "Françoise",
        "intake_date": clock.today() - timedelta(days=20),
        "birth_date": date(1990, 5, 14),
        "gender": "f",
        "phone": "06 39 98 12 34",
        "email": "f.lefevre@exemple.fr",
        "qpv": "genicart_est",
        "commune": "Lormont",
        "barriers": {"mobilite": "fort", "numerique": "sans_impact"},
    }
    values.update(overrides)
    with vault.unit_of_work() as uow:
        return create_beneficiary(uow=uow, data=BeneficiaryInput(**values))


@pytest.fixture
def window(qtbot, runner: TaskRunner, open_window: Callable[..., MainWindow]) -> MainWindow:
    shown = open_window()
    with shown.context.vault.unit_of_work() as uow:
        import_directory(uow=uow, items=sample_directory())
    return shown


def new_referral_dialog(qtbot, window: MainWindow, **who: str | None) -> NewReferralDialog:
    window.context.request_new_referral(**who)
    dialogs = [d for d in window.findChildren(NewReferralDialog) if d.isVisible()]
    assert len(dialogs) == 1
    dialog = dialogs[0]
    qtbot.waitUntil(lambda: dialog.subject is not None)
    return dialog


def pick(qtbot, dialog: NewReferralDialog, text: str) -> None:
    """Search the picker and choose the first line with Enter, as a user does."""
    picker = dialog.form.picker
    picker.search_edit.setFocus()
    picker.search_edit.setText(text)
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Return)
    assert dialog.form.steps_stack.currentIndex() == 1


def page(window: MainWindow) -> OrientationsPage:
    assert window.workspace is not None
    shown = window.workspace.show_page(PageKey.REFERRALS, focus=True)
    assert isinstance(shown, OrientationsPage)
    return shown


def referrals_of(vault: Vault, person: str) -> list[Any]:
    with vault.session() as session:
        return [r.referral for r in list_referrals(session, beneficiary_id=person)]


def test_referral_lifecycle_from_the_ui(
    qtbot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vault = window.context.vault
    person = enrol(vault)
    dialog = new_referral_dialog(qtbot, window, beneficiary_id=person)
    form = dialog.form
    assert form.person_label.text() == "Pour : LEFÈVRE Françoise"
    pick(qtbot, dialog, "permis")
    assert PERMIS in form.chosen_label.text()
    assert form.barriers_group.values() == ("mobilite",), "the person's strong freins"
    form.reason_edit.setPlainText("Souhaite passer le permis B pour un emploi en logistique.")
    form.print_button.click()
    assert dialog.messages.shown() == {
        "expected_contact": "Choisissez la suite prévue avec la personne."
    }
    assert referrals_of(vault, person) == [], "nothing written while the form is incomplete"
    form.next_group.set_value("partenaire_rappelle")
    form.sharing_group.set_values(["civility", "last_name", "first_name", "phone"])
    saved = tmp_path / "fiche.pdf"
    monkeypatch.setattr(PdfFileDialog, "ask", classmethod(lambda cls, parent, name: saved))
    form.pdf_button.click()
    assert not dialog.isVisible()

    (made,) = referrals_of(vault, person)
    assert made.status == "emise"
    assert made.printed_at is not None
    assert made.shared_with_partner == ("civility", "last_name", "first_name", "phone")
    pdf = saved.read_bytes()
    assert len(PdfReader(BytesIO(pdf)).pages) == 1
    parts = halves(pdf)
    assert parts["beneficiary"].count(normalise(made.number)) == 1
    assert normalise("Madame Françoise LEFÈVRE") in parts["partner"]
    assert normalise("06 39 98 12 34") in parts["partner"]
    assert normalise("f.lefevre@exemple.fr") not in parts["partner"], "e-mail not agreed"
    assert normalise("logistique") not in parts["partner"], "reason not agreed"
    assert made.number in window.statusBar().currentMessage()

    orientations = page(window)
    orientations.show_record(made.id)
    assert orientations.detail is not None
    assert orientations.detail.referral.id == made.id
    assert made.number in orientations.detail_label.text()
    answers = iter(
        [
            StatusAnswer(to_status="recue", at=now_utc()),
            StatusAnswer(
                to_status="refusee", at=now_utc(), refusal_reason="session-complete", note="Complet"
            ),
        ]
    )
    offered: list[tuple[str, ...]] = []

    def answer(cls: Any, parent: Any, *, number: str, status: str, choices: Any) -> Any:
        offered.append(tuple(choices))
        return next(answers)

    monkeypatch.setattr(ReferralAnswerDialog, "ask", classmethod(answer))
    orientations.answer_button.click()
    orientations.answer_button.click()
    assert offered == [
        ("recue", "acceptee", "refusee", "annulee"),
        ("acceptee", "refusee", "annulee"),
    ], "the transitions of DESIGN.md §2, expiry left to the server"
    with vault.session() as session:
        refused = get_referral(session, made.id)
        history = [
            (e.from_status, e.to_status, e.reason) for e in list_referral_events(session, made.id)
        ]
    assert (refused.status, refused.refusal_reason) == ("refusee", "session-complete")
    assert history == [
        (None, "brouillon", None),
        ("brouillon", "emise", None),
        ("emise", "recue", None),
        ("recue", "refusee", "Complet"),
    ]
    assert "Session complète" in orientations.detail_label.text()
    assert orientations.history_list.count() == 4

    # Reprint from the referral: through the preview, then as a PDF; the status stays.
    orientations.print_button.click()
    preview = orientations.printer.preview
    assert isinstance(preview, PrintPreview)
    assert preview.page_count == 1
    preview.printer.setOutputFileName(str(tmp_path / "imprimante.pdf"))
    preview.dialog.accept()
    with vault.session() as session:
        reprinted = get_referral(session, made.id)
    assert reprinted.status == "refusee"
    assert reprinted.printed_at is not None
    assert reprinted.printed_at > made.printed_at
    again = tmp_path / "reimpression.pdf"
    monkeypatch.setattr(PdfFileDialog, "ask", classmethod(lambda cls, parent, name: again))
    orientations.pdf_button.click()
    assert normalise(made.number) in halves(again.read_bytes())["partner"]
    with vault.session() as session:
        assert get_referral(session, made.id).status == "refusee"
    assert "enregistrée(s) dans" in orientations.message_label.text()


def test_a_cancelled_preview_keeps_one_draft_then_printing_emits_it(
    qtbot, window: MainWindow, tmp_path: Path
) -> None:
    vault = window.context.vault
    person = enrol(vault)
    dialog = new_referral_dialog(qtbot, window, beneficiary_id=person)
    pick(qtbot, dialog, "mission locale jeunes")
    dialog.form.next_group.set_value("rdv_fixe")
    dialog.form.print_button.click()
    preview = dialog.printer.preview
    assert preview is not None
    assert preview.page_count == 1
    preview.dialog.reject()
    (draft,) = referrals_of(vault, person)
    assert draft.status == "brouillon"
    assert draft.expected_contact == "rdv_fixe"
    assert draft.appointment_at is not None
    assert dialog.isVisible(), "the user may print again"
    dialog.form.print_button.click()
    preview = dialog.printer.preview
    assert preview is not None
    preview.printer.setOutputFileName(str(tmp_path / "imprimante.pdf"))
    preview.dialog.accept()
    (sent,) = referrals_of(vault, person)
    assert (sent.id, sent.status) == (draft.id, "emise"), "no duplicate"
    assert not dialog.isVisible()


def test_an_opposition_or_a_contact_limits_what_can_be_shared(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    opposed = enrol(vault, last_name="Martin", restricted=True)
    dialog = new_referral_dialog(qtbot, window, beneficiary_id=opposed)
    assert not dialog.form.sharing_group.isEnabled()
    assert "opposée au partage" in dialog.form.sharing_hint_label.text()
    dialog.reject()
    with vault.unit_of_work() as uow:
        met = record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=now_utc() - timedelta(hours=1),
                channel="porte_a_porte",
                outcome="orientation",
                qpv="carriet",
                themes=("numerique",),
            ),
        )
    dialog = new_referral_dialog(qtbot, window, contact_id=met)
    assert dialog.form.sharing_group.slugs == ("reason", "barriers")
    assert dialog.form.barriers_group.values() == ("numerique",)
    assert "contact sans nom" in dialog.form.person_label.text()
    pick(qtbot, dialog, "numerique")
    dialog.form.next_group.set_value("beneficiaire_appelle")
    dialog.form.sharing_group.set_values(["barriers"])
    dialog.form.draft_button.click()
    with vault.session() as session:
        (row,) = list_referrals(session, contact_id=met)
    assert (row.referral.status, row.referral.shared_with_partner) == ("brouillon", ("barriers",))
    assert "gardée en brouillon" in window.statusBar().currentMessage()


@pytest.fixture
def event_slips(window: MainWindow) -> tuple[str, list[str]]:
    """An action with four slips written there, and one written elsewhere."""
    vault = window.context.vault
    now = now_utc()
    with vault.unit_of_work() as uow:
        context = current_context(uow.session, uow.install_id)
        action = create_event(
            uow=uow,
            data=EventInput(
                kind="pied_immeuble",
                title="Pied d'immeuble emploi — Carriet",
                starts_at=now - timedelta(hours=3),
                ends_at=now + timedelta(hours=1),
                qpv="carriet",
                place="Place du Carriet",
            ),
        )
        made = []
        for n in range(5):
            met = record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=now - timedelta(minutes=30 + n),
                    channel="evenement",
                    outcome="orientation",
                    event_id=action if n < 4 else None,
                    qpv="carriet",
                ),
            )
            made.append(
                create_referral(
                    uow=uow,
                    data=ReferralInput(
                        partner_id=partner_record_id("demo--mobilite"),
                        contact_id=met,
                        expected_contact="beneficiaire_appelle",
                    ),
                    context=context,
                )
            )
    return action, [m.id for m in made[:4]]


def test_batch_print_of_an_event(
    qtbot,
    window: MainWindow,
    event_slips: tuple[str, list[str]],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    action, ids = event_slips
    vault = window.context.vault
    orientations = page(window)
    assert not orientations.batch_button.isEnabled()
    orientations.event_combo.setCurrentIndex(orientations.event_combo.findData(action))
    assert orientations.event_ids == tuple(ids), "in number order"
    assert orientations.proxy.rowCount() == 4
    assert orientations.batch_button.isEnabled()

    orientations.batch_preview_action.trigger()
    preview = orientations.printer.preview
    assert preview is not None
    assert preview.page_count == 4
    preview.dialog.reject()
    with vault.session() as session:
        assert {get_referral(session, i).status for i in ids} == {"brouillon"}

    batch = tmp_path / "lot.pdf"
    monkeypatch.setattr(PdfFileDialog, "ask", classmethod(lambda cls, parent, name: batch))
    orientations.batch_pdf_action.trigger()
    reader = PdfReader(batch)
    with vault.session() as session:
        numbers = [get_referral(session, i).number for i in ids]
        statuses = {get_referral(session, i).status for i in ids}
    assert len(reader.pages) == 4
    for number, sheet in zip(numbers, reader.pages, strict=True):
        assert normalise(sheet.extract_text()).count(normalise(number)) >= 2
    assert statuses == {"emise"}
    assert orientations.message_label.text() == f"4 fiche(s) enregistrée(s) dans {batch}."


def test_picker_search_and_keyboard(qtbot, window: MainWindow) -> None:
    picker = PartnerPicker()
    qtbot.addWidget(picker)
    with window.context.vault.session() as session:
        picker.set_entries(list_directory(session))
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is picker)

    def shown() -> list[str]:
        return [e.service.nom if e.service else e.partner.nom for e in picker.visible_entries()]

    picker.search_edit.setText("MOBILITÉ")
    assert shown()[0] == "Diagnostic mobilité et location solidaire"
    picker.search_edit.clear()
    picker.commune_combo.setCurrentIndex(picker.commune_combo.findData("Bassens"))
    assert shown() == ["Aides d'urgence et accompagnement budgétaire"]
    picker.commune_combo.setCurrentIndex(0)
    picker.theme_combo.setCurrentIndex(picker.theme_combo.findData("sante"))
    assert shown() == ["Bilan de santé et accès aux soins"]
    picker.theme_combo.setCurrentIndex(0)
    picker.search_edit.setText("zzz introuvable")
    assert shown() == []
    assert "Aucun partenaire ne correspond" in picker.count_label.text()
    picker.search_edit.setText("cidff")
    assert "9 rue de la Benauge" in picker.details_label.text()
    picker.search_edit.setText("centre social")
    picker.search_edit.setFocus()
    qtbot.keyClick(picker.search_edit, Qt.Key.Key_Down)
    assert QApplication.focusWidget() is picker.table
    qtbot.keyClick(picker.table, Qt.Key.Key_Down)
    with qtbot.waitSignal(picker.chosen) as chosen:
        qtbot.keyClick(picker.table, Qt.Key.Key_Return)
    assert chosen.args[0].service.nom == shown()[1]


def test_models(qtmodeltester, window: MainWindow, event_slips: tuple[str, list[str]]) -> None:
    vault = window.context.vault
    model = ReferralModel()
    with vault.session() as session:
        model.set_rows(list_referrals(session))
        entries = list_directory(session)
    qtmodeltester.check(model)
    directory = DirectoryModel()
    directory.set_rows(entries)
    qtmodeltester.check(directory)


def test_the_directory_window_edits_for_managers_only(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    orientations = page(window)
    dialog = orientations.open_directory()
    form = dialog.form
    assert form.save_partner_button.isVisible()
    assert form.partners_list.count() == 12
    form.search_edit.setText("auto ecole")
    assert form.partners_list.count() == 1
    form.partners_list.setCurrentRow(0)
    assert form.partner_nom.text() == "Auto-école sociale des Hauts de Garonne (démo)"
    assert form.service_nom.text() == PERMIS
    form.partner_courriel.setText("pas une adresse")
    form.save_partner_button.click()
    assert dialog.partner_messages.shown() == {"courriel": "Adresse de courriel invalide."}
    form.partner_courriel.setText("permis@exemple.fr")
    form.service_conditions_acces.setPlainText("Pièce d'identité et photos d'identité.")
    form.save_partner_button.click()
    form.save_service_button.click()
    with vault.session() as session:
        (entry,) = [e for e in list_directory(session) if e.service and e.service.nom == PERMIS]
    assert entry.partner.courriel == "permis@exemple.fr"
    assert entry.service is not None
    assert entry.service.conditions_acces == "Pièce d'identité et photos d'identité."
    dialog.accept()

    with vault.unit_of_work() as uow:
        local_state.put(uow.session, local_state.USER_ID, "u-1")
        local_state.put(uow.session, local_state.ROLE, "mediator")
    dialog = orientations.open_directory()
    assert not dialog.form.save_partner_button.isVisible()
    assert dialog.form.partner_nom.isReadOnly()
    assert "Consultation seule" in dialog.form.mode_label.text()


def test_the_list_shows_reminders_and_expired_ones(qtbot, window: MainWindow) -> None:
    vault = window.context.vault
    person = enrol(vault)
    long_ago = now_utc() - timedelta(days=15)
    with vault.unit_of_work() as uow:
        context = current_context(uow.session, uow.install_id)
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_record_id("demo--plie"), beneficiary_id=person),
            context=context,
            now=long_ago,
        )
        record_printing(uow=uow, referral_id=made.id, context=context, now=long_ago)
    orientations = page(window)
    assert "1 à relancer" in orientations.summary_label.text()
    orientations.status_combo.setCurrentIndex(orientations.status_combo.findData("a_relancer"))
    assert orientations.proxy.rowCount() == 1
    index = orientations.proxy.index(0, ReferralModel.Col.STATUS)
    assert index.data() == "Émise · à relancer"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None, "drawn in the warning colour"
    assert "plus de 10 jours" in orientations.detail_label.text()
    orientations.status_combo.setCurrentIndex(orientations.status_combo.findData("refusee"))
    assert orientations.proxy.rowCount() == 0


@pytest.mark.parametrize("size", [(1280, 800), (1024, 700)])
def test_page_and_dialog_fit(
    qtbot, runner: TaskRunner, open_window: Callable[..., MainWindow], size: tuple[int, int]
) -> None:
    window = open_window(size=size)
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        import_directory(uow=uow, items=sample_directory())
    person = enrol(vault)
    orientations = page(window)
    qtbot.wait(10)
    assert cut_off(window) == []
    dialog = new_referral_dialog(qtbot, window, beneficiary_id=person)
    qtbot.wait(10)
    assert cut_off(dialog) == []
    pick(qtbot, dialog, "plie")
    qtbot.wait(10)
    assert cut_off(dialog) == []
    dialog.reject()
    directory = orientations.open_directory()
    directory.form.partners_list.setCurrentRow(0)
    qtbot.wait(10)
    # The lists wrap long names (the side-bar width rule of `cut_off` is not theirs).
    assert directory.form.partners_list.wordWrap()
    assert [p for p in cut_off(directory) if not p.startswith("side-bar entry")] == []


def test_the_printer_receives_every_page_of_the_real_pdf(qtbot, tmp_path: Path) -> None:
    """What reaches the printer: each page of the slip PDF, rasterised at 300 dpi (150 in the
    preview, which only shows it)."""

    document = open_pdf(render_slips(batch(3), load_branding()), QApplication.instance())
    printer = a4_printer()
    printer.setOutputFileName(str(tmp_path / "imprimante.pdf"))
    assert page_dpi(printer) == 300
    paint_document(printer, document)
    reader = PdfReader(tmp_path / "imprimante.pdf")
    assert len(reader.pages) == 3
    (image,) = reader.pages[0].images
    assert image.image.width == round(595.2756 * 300 / 72)

    on_screen = a4_printer()  # the widget does not own its printer: keep it alive
    preview = QPrintPreviewWidget(on_screen)
    qtbot.addWidget(preview)
    seen: list[int] = []
    preview.paintRequested.connect(lambda target: seen.append(page_dpi(target)))
    preview.updatePreview()
    assert seen == [150]


def test_the_beneficiary_file_and_the_todo_list_reach_the_referrals(
    qtbot, window: MainWindow
) -> None:
    """« Nouvelle orientation » of a person's file opens the dialog; an item of À faire opens
    its referral in Orientations."""
    vault = window.context.vault
    person = enrol(vault)
    assert window.workspace is not None
    cohort = window.workspace.show_page(PageKey.COHORT)
    assert isinstance(cohort, CohortPage)
    cohort.open_file(person)
    cohort.file_view.referral_button.click()
    (dialog,) = [d for d in window.findChildren(NewReferralDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: dialog.subject is not None)
    assert dialog.subject is not None
    assert dialog.subject.beneficiary_id == person
    dialog.reject()

    with vault.unit_of_work() as uow:
        made = create_referral(
            uow=uow,
            data=ReferralInput(partner_id=partner_record_id("demo--ccas"), beneficiary_id=person),
            context=current_context(uow.session, uow.install_id),
        )
    window.context.request_referral(made.id)
    orientations = window.workspace.page(PageKey.REFERRALS)
    assert isinstance(orientations, OrientationsPage)
    assert window.workspace.current_key is PageKey.REFERRALS
    assert orientations.detail is not None
    assert orientations.detail.referral.id == made.id


def test_the_flow_with_the_real_worker_threads(
    qtbot,
    threaded_runner: TaskRunner,
    open_window: Callable[..., MainWindow],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The same flow with the production runner: every read and write on the database lane,
    results back on the GUI thread."""
    window = open_window()
    vault = window.context.vault
    with vault.unit_of_work() as uow:
        import_directory(uow=uow, items=sample_directory())
    person = enrol(vault)
    window.context.request_new_referral(beneficiary_id=person)
    (dialog,) = [d for d in window.findChildren(NewReferralDialog) if d.isVisible()]
    qtbot.waitUntil(lambda: len(dialog.form.picker.visible_entries()) == 14, timeout=10_000)
    pick(qtbot, dialog, "cidff")
    dialog.form.next_group.set_value("partenaire_rappelle")
    saved = tmp_path / "fiche.pdf"
    monkeypatch.setattr(PdfFileDialog, "ask", classmethod(lambda cls, parent, name: saved))
    dialog.form.pdf_button.click()
    qtbot.waitUntil(lambda: not shiboken6.isValid(dialog), timeout=15_000)  # closed, deleted
    (made,) = referrals_of(vault, person)
    assert made.status == "emise"
    assert saved.exists()
    orientations = page(window)
    qtbot.waitUntil(lambda: orientations.model.rowCount() == 1, timeout=10_000)
    qtbot.waitUntil(lambda: orientations.detail is not None, timeout=10_000)
    orientations.print_button.click()
    qtbot.waitUntil(lambda: orientations.printer.preview is not None, timeout=15_000)
    preview = orientations.printer.preview
    assert preview is not None
    assert preview.page_count == 1
    preview.dialog.reject()
