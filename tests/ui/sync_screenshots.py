"""Screenshots of what every user sees of sync, for the documentation, from the real widgets and
a real server (not a test).

Run under Xvfb so Qt renders with the xcb platform, as on a desktop (Paris time, as the users):

    TZ=Europe/Paris xvfb-run -s "-screen 0 1280x800x24" \
        .venv/bin/python -m tests.ui.sync_screenshots docs/screenshots

It starts `mediateur-server` on loopback over a SQLite database set up through its admin CLI
(mediators Amina and Bruno, manager Chloé), makes Amina's profile in a throw-away home with a few
records, and syncs it so that the server refuses one edit (a partner added by a mediator) and
Bruno's laptop wins one field of a shared file. It then captures the Synchronisation page with
the dead letter, the conflict and the "no sync for a week" banner, the login dialog with a refused
password, the clock banner (the laptop two hours ahead), and Terrain's "À corriger" list after
Chloé's review.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from tests.ui.screenshots import PASSPHRASE, SIZE, settle, wait_until

PASSWORD = "un mot de passe du serveur"


def prepare(home: Path) -> tuple[object, str]:
    """The server with its accounts, and Amina's profile with a dead letter and a conflict."""
    from mediateur.services import clock
    from mediateur.services.beneficiaries import (
        BeneficiaryInput,
        create_beneficiary,
        get_beneficiary,
        input_from,
        update_beneficiary,
    )
    from mediateur.services.contacts import ContactInput, record_contact
    from mediateur.services.partners import PartnerInput, create_partner
    from mediateur.store.vault import Vault
    from mediateur.sync.engine import SyncEngine
    from mediateur.sync.transport import HttpTransport
    from tests.support.live_server import team_server

    team = (
        ("amina", "mediator", "Amina Diallo"),
        ("bruno", "mediator", "Bruno Martin"),
        ("chloe", "manager", "Chloé Roux"),
    )
    server = team_server(f"sqlite:///{home / 'server.db'}", team, PASSWORD)

    vault, _code = Vault.create(home / "profiles" / "amina", PASSPHRASE)
    with vault.unit_of_work() as uow:
        # Added before the first login, when the profile could still edit the directory.
        create_partner(uow=uow, data=PartnerInput(nom="Atelier vélo solidaire"))
        person = create_beneficiary(
            uow=uow,
            data=BeneficiaryInput(
                last_name="Traoré",
                first_name="Aminata",
                intake_date=clock.today() - timedelta(days=20),
                birth_date=date(1996, 7, 3),
                gender="f",
                phone="06 39 98 12 34",
                qpv="genicart_est",
            ),
            allow_duplicate=True,
        )
        for days, note in ((0, "Cherche une formation d'aide-soignante"), (3, "Permis B")):
            record_contact(
                uow=uow,
                data=ContactInput(
                    occurred_at=clock.now() - timedelta(days=days, minutes=40),
                    channel="pied_immeuble",
                    outcome="information",
                    gender="f",
                    age_band="25_44",
                    qpv="genicart_est",
                    themes=("mobilite",),
                    note=note,
                ),
            )
    amina = SyncEngine(vault, HttpTransport(server.url))
    amina.login(server.url, "amina", PASSWORD, "Portable d'Amina")
    amina.sync()

    other = Vault.create(home / "poste-bruno", PASSPHRASE)[0]
    bruno = SyncEngine(other, HttpTransport(server.url))
    bruno.login(server.url, "bruno", PASSWORD, "Portable de Bruno")
    bruno.sync()

    def edit(on: object, **changes: object) -> None:
        import dataclasses

        assert isinstance(on, Vault)
        with on.session() as session:
            current = input_from(get_beneficiary(session, person))
        with on.unit_of_work() as uow:
            update_beneficiary(
                uow=uow,
                beneficiary_id=person,
                data=dataclasses.replace(current, **changes),  # type: ignore[arg-type]
                allow_duplicate=True,
            )

    edit(vault, phone="06 12 34 56 78")
    edit(other, phone="07 98 76 54 32")
    bruno.sync()
    amina.sync()
    other.lock()

    from mediateur.domain.values import format_datetime, now_utc
    from mediateur.sync import local_state

    with vault.write_session() as session, session.begin():
        # As if the last sync had been nine days ago: the banner asks for one.
        local_state.put(
            session,
            local_state.LAST_SYNC_OK_AT,
            format_datetime(now_utc() - timedelta(days=9, hours=3)),
        )
    with vault.unit_of_work() as uow:
        record_contact(
            uow=uow,
            data=ContactInput(
                occurred_at=clock.now() - timedelta(minutes=5),
                channel="porte_a_porte",
                outcome="orientation",
                themes=("numerique",),
            ),
        )
    vault.lock()
    return server, person


def review_by_chloe(home: Path, server_url: str) -> None:
    """Chloé's laptop sends one of Amina's contacts back "à corriger"."""
    from mediateur.services.contacts import ContactFilter, list_contacts
    from mediateur.services.review import review_contacts
    from mediateur.store.vault import Vault
    from mediateur.sync.engine import SyncEngine
    from mediateur.sync.transport import HttpTransport

    vault = Vault.create(home / "poste-chloe", PASSPHRASE)[0]
    engine = SyncEngine(vault, HttpTransport(server_url))
    engine.login(server_url, "chloe", PASSWORD, "Poste de Chloé")
    engine.sync()
    with vault.session() as session:
        chosen = next(c for c in list_contacts(session, ContactFilter()) if c.note == "Permis B")
    with vault.unit_of_work() as uow:
        review_contacts(
            uow=uow,
            contact_ids=[chosen.id],
            status="a_corriger",
            comment="Préciser le QPV et la suite donnée",
        )
    engine.sync()
    vault.lock()


def main(target: Path) -> int:
    home = Path(tempfile.mkdtemp(prefix="mediateur-captures-sync-"))
    os.environ["MEDIATEUR_HOME"] = str(home)
    target.mkdir(parents=True, exist_ok=True)
    server, _person = prepare(home)
    try:
        capture(home, target, server.url)  # type: ignore[attr-defined]
    finally:
        server.stop()  # type: ignore[attr-defined]
    print(f"Captures enregistrées dans {target}")
    return 0


def capture(home: Path, target: Path, server_url: str) -> None:
    from PySide6.QtWidgets import QApplication

    from mediateur.ui.app import setup_application
    from mediateur.ui.context import AppContext
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.pages.sync_page import SyncPage
    from mediateur.ui.pages.terrain import TerrainPage
    from mediateur.ui.preferences import profile_preferences
    from mediateur.ui.sync.auto import SYNC_AUTOMATIC
    from mediateur.ui.sync.controller import SyncState
    from mediateur.ui.sync.coordinator import SyncCoordinator
    from mediateur.ui.tasks import TaskRunner, install_runner

    # The captures show a state the test set up: no automatic sync behind their back.
    profile_preferences(home / "profiles" / "amina").set(SYNC_AUTOMATIC, 0)
    app = QApplication(sys.argv)
    setup_application(app)
    runner = TaskRunner()
    install_runner(runner)
    window = MainWindow(AppContext(home=home, runner=runner))
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.unlock_screen.form.passphrase_edit.setText(PASSPHRASE)
    window.unlock_screen.form.unlock_button.click()
    wait_until(app, lambda: window.context.is_unlocked)
    assert window.workspace is not None
    sync = SyncCoordinator.of(window.context)
    assert sync is not None

    page = window.workspace.show_page(PageKey.SYNC)
    assert isinstance(page, SyncPage)
    wait_until(app, lambda: page.data is not None and page.lost_model.rowCount() > 0)
    wait_until(app, lambda: sync.banners.isVisible())
    page.lost_view.selectRow(0)
    page.refused_view.selectRow(0)
    page.lost_view.setFocus()
    settle(app, 0.8)
    window.grab().save(str(target / "synchronisation.png"))

    sync.open_login(expired=True, then_sync=False)
    wait_until(app, lambda: sync.login_dialog is not None)
    dialog = sync.login_dialog
    assert dialog is not None
    dialog.form.password_edit.setText("mot de passe oublié")
    dialog.form.connect_button.click()
    wait_until(app, lambda: not dialog.busy)
    settle(app, 0.5)
    dialog.grab().save(str(target / "connexion-serveur.png"))
    dialog.reject()
    settle(app)

    review_by_chloe(home, server_url)
    # The laptop's clock runs two hours ahead: the automatic check measures it, then syncs.
    sync.controller.settings.wall = lambda: time.time() + 2 * 3600 + 5 * 60
    sync.auto.set_enabled(True)
    wait_until(app, lambda: sync.controller.state is SyncState.UP_TO_DATE, timeout=60)
    sync.auto.set_enabled(False)
    wait_until(app, lambda: sync.banners.clock.isVisible())
    terrain = window.workspace.show_page(PageKey.TERRAIN)
    assert isinstance(terrain, TerrainPage)
    wait_until(app, lambda: terrain.form.to_correct_button.isEnabled())
    terrain.form.to_correct_button.click()
    terrain.focus_first_field()
    terrain.form.contacts_view.selectRow(0)
    terrain.edit_selected()
    settle(app, 0.8)
    window.grab().save(str(target / "terrain-a-corriger.png"))
    sync.banners.grab().save(str(target / "bandeau-horloge.png"))

    window.context.lock()
    runner.shutdown()
    QApplication.processEvents()


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
