"""Screenshots of the managers' Revue page for the documentation, from the real widgets, a real
server and a real COPIL PDF (not a test).

Run under Xvfb so Qt renders with the xcb platform, as on a desktop:

    xvfb-run -s "-screen 0 1280x800x24" \
        .venv/bin/python -m tests.ui.review_screenshots docs/screenshots

In a throw-away home: the `demo` profile (`mediateur demo`) is logged in as the manager of a real
`mediateur-server` on loopback (SQLite) and synced; two mediators' laptops log in, record
contacts and sync — one with its clock ten minutes fast, one with a change the server refused —
and change the same contact at once, which the server's conflict log keeps. The manager reviews
a few contacts and a second record of one person is enrolled. The Revue page is then captured
tab by tab (contact log with filters, the review comment dialog, indicators with charts,
exports and the COPIL report, devices and the retirement question, conflicts, the merge of the
duplicate), and the first pages of a COPIL PDF are rendered with pdftoppm.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

from tests.ui.screenshots import PASSPHRASE, SIZE, settle, wait_until

PASSWORD = "un mot de passe du serveur"
TEAM = (
    ("chloe", "manager", "Chloé Roux"),
    ("amina", "mediator", "Amina Diallo"),
    ("bruno", "mediator", "Bruno Martin"),
)


def start_server(home: Path) -> tuple[object, str]:
    from tests.support.live_server import team_server

    server = team_server(f"sqlite:///{home / 'serveur.db'}", TEAM, PASSWORD)
    return server, server.url


def field_laptops(home: Path, server_url: str) -> None:
    """The manager's profile synced, two mediators' laptops at work, a conflict, reviews and a
    duplicate record."""
    from mediateur.services import clock
    from mediateur.services.beneficiaries import (
        create_beneficiary,
        get_beneficiary,
        input_from,
        list_beneficiaries,
    )
    from mediateur.services.contacts import (
        ContactFilter,
        ContactInput,
        list_contacts,
        record_contact,
    )
    from mediateur.services.context import current_context
    from mediateur.services.follow_ups import FollowUpInput, record_follow_up
    from mediateur.services.review import review_contacts
    from mediateur.store.vault import Vault
    from mediateur.sync.engine import SyncEngine
    from mediateur.sync.transport import HttpTransport

    demo = Vault.unlock(home / "profiles" / "demo", PASSPHRASE)
    manager = SyncEngine(demo, HttpTransport(server_url))
    manager.login(server_url, "chloe", PASSWORD, "Poste du bureau (Chloé)")
    manager.sync()

    laptops = {}
    for username, name, ahead in (
        ("amina", "Portable d'Amina", 600),
        ("bruno", "Portable de Bruno", 0),
    ):
        vault, _ = Vault.create(home / "postes" / username, PASSPHRASE)
        engine = SyncEngine(
            vault, HttpTransport(server_url), wall=lambda ahead=ahead: time.time() + ahead
        )
        engine.login(server_url, username, PASSWORD, name)
        engine.sync()
        laptops[username] = (vault, engine)

    places = ("Hall B, rue Jean Jaurès", "Place du marché", "Devant l'école", "Centre social")
    for index, (vault, engine) in enumerate(laptops.values()):
        with vault.unit_of_work() as uow:
            for n in range(28):
                record_contact(
                    uow=uow,
                    data=ContactInput(
                        occurred_at=clock.now() - timedelta(days=n // 2, hours=n % 5 + index),
                        channel=("porte_a_porte", "pied_immeuble", "permanence")[n % 3],
                        outcome=("information", "orientation", "rdv_pris", "sans_suite")[n % 4],
                        qpv=("genicart_est", "carriet", "jean_jaures", "avenir")[(n + index) % 4],
                        place=places[n % 4],
                        gender=("f", "m")[n % 2],
                        age_band=("16_24", "25_44", "45_54")[n % 3],
                        themes=(("mobilite",), ("numerique", "logement"), ())[n % 3],
                        note="Souhaite un accompagnement vers l'emploi" if n % 4 == 0 else None,
                    ),
                )
        engine.sync()
    # Bruno's laptop wrote a review field (only managers may): the server refuses it.
    vault, engine = laptops["bruno"]
    with vault.session() as session:
        own = list_contacts(session, ContactFilter())[0]
    with vault.unit_of_work() as uow:
        uow.update("contact", own.id, {"review_status": "valide"})
    engine.sync()
    # Amina and Bruno change the same contact before syncing: the server keeps one value.
    with demo.session() as session:
        shared = list_contacts(session, ContactFilter())[3]
    for username, channel in (("amina", "permanence"), ("bruno", "telephone")):
        vault, engine = laptops[username]
        engine.sync()
        with vault.unit_of_work() as uow:
            uow.update("contact", shared.id, {"channel": channel})
    for username in ("amina", "bruno"):
        laptops[username][1].sync()
    for vault, engine in laptops.values():
        engine.sync()  # the heartbeat reports the dead letter
        vault.lock()

    manager.sync()
    with demo.session() as session:
        recent = list_contacts(session, ContactFilter())[:12]
        person = next(p for p in list_beneficiaries(session) if p.birth_date and p.phone)
        twin = input_from(get_beneficiary(session, person.id))
        context = current_context(session, demo.install_id)
    with demo.unit_of_work() as uow:
        review_contacts(uow=uow, contact_ids=[c.id for c in recent[4:9]], status="valide")
        review_contacts(
            uow=uow,
            contact_ids=[recent[9].id],
            status="a_corriger",
            comment="Le QPV indiqué ne correspond pas au lieu : à vérifier.",
        )
        # The same person enrolled again at another permanence, with other details.
        duplicate = create_beneficiary(
            uow=uow,
            data=replace(
                twin,
                first_name=(twin.first_name or "").upper(),
                phone=None,
                email=None,
                contact_preference="referent",
                address="4 allée des Tilleuls",
                intake_date=clock.today() - timedelta(days=3),
            ),
            context=context,
            allow_duplicate=True,
        )
        record_follow_up(
            uow=uow,
            data=FollowUpInput(
                beneficiary_id=duplicate,
                occurred_at=clock.now() - timedelta(days=2),
                kind="entretien",
                summary="Premier entretien à la permanence de Génicart.",
            ),
        )
    manager.sync()
    demo.lock()


def copil_pages(home: Path, target: Path) -> None:
    from mediateur.reports.copil import build_copil_report
    from mediateur.services import clock
    from mediateur.store.vault import Vault

    vault = Vault.unlock(home / "profiles" / "demo", PASSPHRASE)
    try:
        with vault.session() as session:
            pdf = build_copil_report(session, date_from=clock.today() - timedelta(days=180))
    finally:
        vault.lock()
    path = Path(tempfile.mkdtemp(prefix="mediateur-copil-")) / "copil.pdf"
    path.write_bytes(pdf)
    prefix = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-r", "80", "-png", "-f", "1", "-l", "2", str(path), str(prefix)], check=True
    )
    for number, produced in enumerate(sorted(path.parent.glob(f"{prefix.name}-*.png")), start=1):
        produced.replace(target / f"copil-page-{number}.png")
    path.unlink()


def main(target: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="mediateur-captures-"))
    os.environ["MEDIATEUR_HOME"] = str(home)
    target.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [sys.executable, "-m", "mediateur", "demo"],
        check=True,
        env={**os.environ, "MEDIATEUR_PASSPHRASE": PASSPHRASE},
        stdout=subprocess.DEVNULL,
    )
    server, server_url = start_server(home)
    try:
        field_laptops(home, server_url)
        copil_pages(home, target)
        capture(home, target)
    finally:
        server.stop()  # type: ignore[attr-defined]
    print(f"Captures enregistrées dans {target}")
    return 0


def capture(home: Path, target: Path) -> None:
    from PySide6.QtWidgets import QApplication, QMessageBox

    from mediateur.services import clock
    from mediateur.ui.app import setup_application
    from mediateur.ui.context import AppContext
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.pages.review import ReviewPage
    from mediateur.ui.review.comment_dialog import ReviewCommentDialog
    from mediateur.ui.tasks import TaskRunner, install_runner

    app = QApplication(sys.argv)
    setup_application(app)
    runner = TaskRunner()
    install_runner(runner)
    window = MainWindow(AppContext(home=home, runner=runner))
    window.resize(*SIZE)
    window.show()
    settle(app)
    unlock = window.unlock_screen
    unlock.form.profile_combo.setCurrentText("demo")
    unlock.form.passphrase_edit.setText(PASSPHRASE)
    unlock.form.unlock_button.click()
    wait_until(app, lambda: window.context.is_unlocked)
    workspace = window.workspace
    assert workspace is not None
    wait_until(app, lambda: workspace.is_shown(PageKey.REVIEW))
    page = workspace.show_page(PageKey.REVIEW)
    assert isinstance(page, ReviewPage)

    log = page.log_tab
    wait_until(app, lambda: log.model.rowCount() > 0 and log.model.total is not None)
    log.review_combo.setCurrentIndex(log.review_combo.findData("a_revoir"))
    log.from_edit.setText(clock.format_day(clock.today() - timedelta(days=30)))
    log.apply_filters()
    wait_until(app, lambda: log.model.total is not None)
    log.select_rows([2])
    settle(app, 0.8)
    window.grab().save(str(target / "revue-journal.png"))

    dialog = ReviewCommentDialog(window, count=1)
    dialog.form.comment_edit.setPlainText(
        "La tranche d'âge manque, et le contact a eu lieu à Carriet, pas à Génicart."
    )
    dialog.show()
    settle(app, 0.5)
    dialog.grab().save(str(target / "revue-commentaire.png"))
    dialog.reject()

    page.tabs.setCurrentWidget(page.indicators_tab)
    wait_until(app, lambda: page.indicators_tab.data is not None)
    settle(app, 1.0)
    window.grab().save(str(target / "revue-indicateurs.png"))
    indicators = page.indicators_tab
    indicators.scroll_area.ensureWidgetVisible(indicators.contacts_by_month, 0, 0)
    settle(app, 0.8)
    window.grab().save(str(target / "revue-indicateurs-contacts.png"))
    indicators.scroll_area.ensureWidgetVisible(indicators.mediators_view, 0, 0)
    settle(app, 0.8)
    window.grab().save(str(target / "revue-indicateurs-equipe.png"))

    page.tabs.setCurrentWidget(page.exports_tab)
    page.exports_tab.from_edit.setText(clock.format_day(clock.today() - timedelta(days=180)))
    settle(app, 0.5)
    window.grab().save(str(target / "revue-exports.png"))

    page.tabs.setCurrentWidget(page.devices_tab)
    devices = page.devices_tab
    wait_until(app, lambda: devices.model.rowCount() >= 3)
    amina = next(d for d in devices.model.rows() if d.name == "Portable d'Amina")
    devices.select_device(amina.id)
    settle(app, 0.5)
    window.grab().save(str(target / "revue-appareils.png"))
    devices.retire_button.click()
    settle(app, 0.5)
    box = next(b for b in window.findChildren(QMessageBox) if b.isVisible())
    box.grab().save(str(target / "revue-retirer.png"))
    box.button(QMessageBox.StandardButton.Cancel).click()

    page.tabs.setCurrentWidget(page.conflicts_tab)
    wait_until(app, lambda: page.conflicts_tab.model.rowCount() > 0)
    settle(app, 0.5)
    window.grab().save(str(target / "revue-conflits.png"))

    page.tabs.setCurrentWidget(page.merge_tab)
    merge = page.merge_tab
    wait_until(app, lambda: merge.pairs_table.rowCount() > 0)
    merge.pairs_table.setCurrentCell(0, 0)
    wait_until(app, lambda: merge.pair is not None)
    merge.keep_first.setChecked(True)
    settle(app, 0.5)
    window.grab().save(str(target / "revue-doublons.png"))

    window.context.lock()
    runner.shutdown()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
