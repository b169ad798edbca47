"""Screenshots of the referral screens and a slip of the demo profile, for the documentation,
from the real widgets and the real PDF (not a test).

Run under Xvfb so Qt renders with the xcb platform, as on a desktop:

    xvfb-run -s "-screen 0 1280x800x24" \
        .venv/bin/python -m tests.ui.referral_screenshots docs/screenshots

It makes a throw-away home with the `demo` profile (`mediateur demo`), renders the slip of a demo
referral to PNG with pdftoppm (`mediateur slip NUMBER -o …`, then poppler), unlocks the profile
and captures the Orientations page, « Nouvelle orientation » (partner picker, then the details),
the print preview of the real PDF, the partner's answer, and the partner directory.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

from tests.ui.screenshots import PASSPHRASE, SIZE, settle, wait_until


def demo_slip(home: Path, target: Path) -> str:
    """The slip of a demo referral with an appointment and shared details, as PNG; its number."""
    from mediateur.services.referrals import list_referrals
    from mediateur.store.vault import Vault

    vault = Vault.unlock(home / "profiles" / "demo", PASSPHRASE)
    try:
        with vault.session() as session:
            rows = list_referrals(session)
    finally:
        vault.lock()
    chosen = next(
        r.referral
        for r in rows
        if r.referral.beneficiary_id
        and r.referral.status == "acceptee"
        and r.referral.expected_contact == "rdv_fixe"
        and "phone" in r.referral.shared_with_partner
    )
    pdf = Path(tempfile.mkdtemp(prefix="mediateur-slip-")) / "fiche.pdf"
    subprocess.run(
        [sys.executable, "-m", "mediateur", "slip", chosen.number or "", "-o", str(pdf)],
        check=True,
        env={**os.environ, "MEDIATEUR_PASSPHRASE": PASSPHRASE},
        stdout=subprocess.DEVNULL,
    )
    prefix = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-r", "110", "-png", str(pdf), str(prefix)], check=True)
    rendered = sorted(pdf.parent.glob(f"{prefix.name}-*.png"))
    rendered[0].replace(target / "fiche-de-liaison-demo.png")
    pdf.unlink()
    return chosen.id


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
    shown_referral = demo_slip(home, target)

    from PySide6.QtWidgets import QApplication

    from mediateur.services.beneficiaries import list_beneficiaries
    from mediateur.ui.app import setup_application
    from mediateur.ui.context import AppContext
    from mediateur.ui.main_window import MainWindow
    from mediateur.ui.pages.base import PageKey
    from mediateur.ui.pages.orientations import OrientationsPage
    from mediateur.ui.referrals.answer import ReferralAnswerDialog
    from mediateur.ui.referrals.new_referral import NewReferralDialog
    from mediateur.ui.tasks import TaskRunner, install_runner

    app = QApplication(sys.argv)
    setup_application(app)
    runner = TaskRunner()
    install_runner(runner)
    window = MainWindow(AppContext(home=home, runner=runner))
    window.resize(*SIZE)
    window.show()
    settle(app)
    window.unlock_screen.form.profile_combo.setCurrentText("demo")
    window.unlock_screen.form.passphrase_edit.setText(PASSPHRASE)
    window.unlock_screen.form.unlock_button.click()
    wait_until(app, lambda: window.context.is_unlocked)
    assert window.workspace is not None

    page = window.workspace.show_page(PageKey.REFERRALS)
    assert isinstance(page, OrientationsPage)
    wait_until(app, lambda: page.model.rowCount() > 0)
    page.status_combo.setCurrentIndex(page.status_combo.findData("a_relancer"))
    settle(app, 0.5)
    page.status_combo.setCurrentIndex(0)
    page.show_record(shown_referral)
    wait_until(app, lambda: page.detail is not None and page.detail.referral.id == shown_referral)
    settle(app, 0.8)
    window.grab().save(str(target / "orientations.png"))

    page.print_button.click()
    wait_until(app, lambda: page.printer.preview is not None)
    preview = page.printer.preview
    assert preview is not None
    wait_until(app, lambda: preview.page_count == 1)
    preview.dialog.resize(900, 780)
    settle(app, 1.0)
    preview.dialog.grab().save(str(target / "apercu-impression.png"))
    preview.dialog.reject()
    settle(app)

    assert page.detail is not None
    answer = ReferralAnswerDialog(
        window,
        number=page.detail.referral.number or "",
        status="emise",
        choices=("recue", "acceptee", "refusee", "annulee"),
    )
    answer.form.status_combo.setCurrentIndex(answer.form.status_combo.findData("refusee"))
    answer.form.refusal_combo.setCurrentIndex(
        answer.form.refusal_combo.findData("beneficiaire-non-joignable")
    )
    answer.show()
    settle(app, 0.5)
    answer.grab().save(str(target / "reponse-partenaire.png"))
    answer.reject()

    directory = page.open_directory()
    wait_until(app, lambda: directory.form.partners_list.count() > 0)
    directory.form.partners_list.setCurrentRow(1)
    settle(app, 0.8)
    directory.grab().save(str(target / "annuaire-partenaires.png"))
    directory.accept()
    settle(app)

    with window.context.vault.session() as session:
        person = next(p for p in list_beneficiaries(session) if p.status == "actif")
    window.context.request_new_referral(beneficiary_id=person.id)
    dialog = next(d for d in window.findChildren(NewReferralDialog) if d.isVisible())
    wait_until(app, lambda: dialog.subject is not None)
    dialog.form.picker.search_edit.setText("mobilité")
    settle(app, 0.8)
    dialog.grab().save(str(target / "nouvelle-orientation-partenaire.png"))
    dialog.form.next_button.click()
    form = dialog.form
    form.barriers_group.set_values(["mobilite"])
    form.reason_edit.setPlainText(
        "Souhaite un accompagnement pour passer le permis B ; disponible le matin."
    )
    form.next_group.set_value("rdv_fixe")
    form.sharing_group.set_values(["civility", "last_name", "first_name", "phone", "reason"])
    settle(app, 0.8)
    dialog.grab().save(str(target / "nouvelle-orientation-details.png"))
    dialog.reject()

    window.context.lock()
    runner.shutdown()
    QApplication.processEvents()
    print(f"Captures enregistrées dans {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
