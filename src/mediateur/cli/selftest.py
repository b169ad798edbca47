"""`mediateur self-test`: is this installation sound? Run by IT staff after an install or an
upgrade, and by the test suite on the built bundle.

Each check prints OK or KO with what it saw, in French; the exit code is 0 when all pass, 1
otherwise. In order: the reference data; Europe/Paris from the `tzdata` package (Windows has no
system time-zone database); SQLCipher; a new vault (the real Argon2id key derivation, the store
migrations run up to the newest revision, a file unreadable without the key) locked and opened
again with its passphrase; a record written through the unit of work with its outbox entry, and
read back; the integrity check; a referral slip rendered (one A4 page, every font embedded); the
desktop window started offscreen, showing that vault's unlock screen with Qt in French and the
SVG icon. Everything happens in a temporary folder whose path has accents, spaces and an
apostrophe, as many Windows user names do; it is removed at the end. The data is fictional.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from importlib import resources
from pathlib import Path
from typing import Any

from mediateur import __version__

PASSPHRASE = "autotest : phrase de passe jetable"  # noqa: S105 - a throw-away test vault
SQLITE_HEADER = b"SQLite format 3\x00"
STANDARD_PDF_FONTS = (b"Helvetica", b"Times", b"Courier", b"Symbol", b"ZapfDingbats")


class CheckFailed(Exception):
    """A check saw something wrong; the French message says what."""


@dataclass(frozen=True, slots=True)
class Outcome:
    label: str
    ok: bool
    detail: str

    def line(self) -> str:
        return f"{'OK' if self.ok else 'KO'}  {self.label} : {self.detail}"


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    parser = subparsers.add_parser(
        "self-test",
        help="vérifier l'installation (coffre chiffré, fiche de liaison, interface)",
        description=(
            "Vérifie l'installation dans un dossier temporaire supprimé ensuite : données de "
            "référence, fuseau horaire, chiffrement SQLCipher, coffre (création, ouverture, "
            "mise à jour du schéma), écriture et relecture, intégrité, fiche de liaison PDF et "
            "démarrage de l'interface hors écran. Aucune donnée réelle n'est lue ni écrite. "
            "Code de sortie 0 si tout est OK, 1 sinon."
        ),
    )
    parser.set_defaults(handler=run_self_test)


def run_self_test(_args: argparse.Namespace) -> int:
    frozen = getattr(sys, "frozen", False)
    where = "application installée" if frozen else "sources"
    print(f"mediateur {__version__} : autotest de l'installation ({where}, {sys.executable})")
    root = Path(tempfile.mkdtemp(prefix="mediateur-autotest-"))
    try:
        outcomes = SelfTest(root).run()
    finally:
        shutil.rmtree(root, ignore_errors=True)
    failed = sum(not outcome.ok for outcome in outcomes)
    if failed:
        print(f"Autotest en échec : {failed} contrôle(s) KO sur {len(outcomes)}.")
        return 1
    print(f"Autotest réussi : {len(outcomes)} contrôles OK.")
    return 0


class SelfTest:
    def __init__(self, root: Path) -> None:
        self.home = root / "Accueil José Dupont"
        self.profile = self.home / "profiles" / "Profil d'essai à l'écart"
        self.vault: Any = None  # the open Vault, once created

    def run(self) -> list[Outcome]:
        checks: list[tuple[str, Callable[[], str]]] = [
            ("Données de référence", self.reference_data),
            ("Fuseau horaire Europe/Paris", self.time_zone),
            ("Chiffrement SQLCipher", self.sqlcipher),
            ("Coffre chiffré", self.new_vault),
            ("Écriture et relecture", self.write_and_read),
            ("Intégrité de la base", self.integrity),
            ("Fiche de liaison", self.slip),
            ("Interface", self.interface),
        ]
        outcomes = []
        try:
            for label, check in checks:
                outcome = _attempt(label, check)
                print(outcome.line(), flush=True)
                outcomes.append(outcome)
        finally:
            if self.vault is not None:
                self.vault.lock()
        return outcomes

    def reference_data(self) -> str:
        from mediateur.domain.reference import reference_data
        from mediateur.paths import resource_path

        names = reference_data().names
        return f"{len(names)} listes chargées depuis {resource_path('reference')}."

    def time_zone(self) -> str:
        from zoneinfo import ZoneInfo

        import tzdata  # type: ignore[import-untyped]

        paris_file = resources.files("tzdata").joinpath("zoneinfo", "Europe", "Paris")
        if not paris_file.read_bytes().startswith(b"TZif"):
            raise CheckFailed("le fichier Europe/Paris de la base tzdata est illisible.")
        paris = ZoneInfo("Europe/Paris")
        winter = datetime(2026, 1, 15, 12, tzinfo=UTC).astimezone(paris).utcoffset()
        summer = datetime(2026, 7, 15, 12, tzinfo=UTC).astimezone(paris).utcoffset()
        if (winter, summer) != (timedelta(hours=1), timedelta(hours=2)):
            raise CheckFailed(f"décalages inattendus (hiver {winter}, été {summer}).")
        return f"base tzdata {tzdata.IANA_VERSION}, UTC+1 en hiver et UTC+2 en été."

    def sqlcipher(self) -> str:
        import sqlcipher3

        from mediateur.store.engine import cipher_version

        connection = sqlcipher3.connect(":memory:")
        try:
            version = cipher_version(connection)
        finally:
            connection.close()
        if not version:
            raise CheckFailed("le module de base de données ne chiffre pas (cipher_version vide).")
        return f"SQLCipher {version}."

    def new_vault(self) -> str:
        from mediateur.store import migrations
        from mediateur.store.vault import DB_FILE, Vault

        created, _recovery_code = Vault.create(self.profile, PASSPHRASE)
        created.lock()
        self.vault = Vault.unlock(self.profile, PASSPHRASE)
        revision = migrations.current_revision(self.vault.engine)
        if revision != migrations.head_revision():
            raise CheckFailed(f"schéma à la révision {revision}, pas à la plus récente.")
        if (self.profile / DB_FILE).read_bytes()[: len(SQLITE_HEADER)] == SQLITE_HEADER:
            raise CheckFailed("le fichier de la base est lisible sans clé : il n'est pas chiffré.")
        return (
            "créé, verrouillé puis rouvert avec sa phrase de passe ; schéma à jour "
            f"(révision {revision}) ; fichier illisible sans la clé."
        )

    def write_and_read(self) -> str:
        from sqlalchemy import func, select

        from mediateur.domain.values import now_utc
        from mediateur.store.schema import contact, outbox

        vault = self._vault()
        note = "Autotest : contact fictif, à supprimer."
        with vault.unit_of_work() as uow:
            record_id = uow.create(
                "contact",
                {
                    "occurred_at": now_utc(),
                    "channel": "autre",
                    "outcome": "information",
                    "note": note,
                },
            )
        with vault.session() as session:
            stored = session.scalar(select(contact.c.note).where(contact.c.id == record_id))
            pending = session.scalar(
                select(func.count()).select_from(outbox).where(outbox.c.row_id == record_id)
            )
        if stored != note:
            raise CheckFailed("le contact écrit n'a pas été relu à l'identique.")
        if pending != 1:
            raise CheckFailed(f"{pending} entrée(s) d'envoi pour le contact au lieu d'une.")
        return "un contact et son entrée d'envoi enregistrés dans une transaction, puis relus."

    def integrity(self) -> str:
        problems = self._vault().check_integrity()
        if problems:
            raise CheckFailed(f"{len(problems)} problème(s), dont : {problems[0]}")
        return "aucune page altérée."

    def slip(self) -> str:
        from mediateur.slips import load_branding, render_slip

        pdf = render_slip(sample_slip(), load_branding())
        return describe_pdf(pdf)

    def interface(self) -> str:
        # Offscreen unless the caller chose a platform: no window opens, and no display is needed.
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        from mediateur.ui.startup_probe import UNLOCK, first_screen

        self._vault().lock()
        self.vault = None
        shown = first_screen(home=self.home, profile=self.profile)
        problems = []
        if shown.name != UNLOCK:
            problems.append(f"premier écran « {shown.name} » au lieu du déverrouillage")
        if not shown.french:
            problems.append("traductions françaises de Qt absentes")
        if not shown.icon:
            problems.append("icône SVG non chargée (greffons Qt SVG absents)")
        if problems:
            raise CheckFailed(" ; ".join(problems) + ".")
        platform = os.environ["QT_QPA_PLATFORM"]
        return f"écran de déverrouillage affiché ({platform}), Qt en français, icône chargée."

    def _vault(self) -> Any:
        if self.vault is None:
            raise CheckFailed("non vérifié : le coffre n'a pas pu être créé.")
        return self.vault


def _attempt(label: str, check: Callable[[], str]) -> Outcome:
    try:
        return Outcome(label, True, check())
    except CheckFailed as failure:
        return Outcome(label, False, str(failure))
    except Exception as exc:  # every failure is reported, and the other checks still run
        return Outcome(label, False, f"{type(exc).__name__} : {exc}")


def describe_pdf(pdf: bytes) -> str:
    """What the check needs of a slip PDF, read from its bytes (the font dictionaries of a
    reportlab PDF are not compressed): one page, every font embedded."""
    if not pdf.startswith(b"%PDF-") or b"%%EOF" not in pdf[-32:]:
        raise CheckFailed("le PDF produit est incomplet.")
    pages = len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf))
    if pages != 1:
        raise CheckFailed(f"{pages} pages au lieu d'une.")
    fonts = re.findall(rb"/BaseFont\s*/([\w+.-]+)", pdf)
    standard = [f for f in fonts if f.split(b"+")[-1].startswith(STANDARD_PDF_FONTS)]
    embedded = len(re.findall(rb"/FontFile2\b", pdf))
    if not fonts or standard or embedded < len(fonts):
        raise CheckFailed(
            f"polices non incorporées ({len(fonts)} polices, {embedded} incorporées) : "
            "le dossier resources/fonts manque-t-il ?"
        )
    return f"PDF d'une page ({len(pdf) // 1024} Kio), {len(fonts)} polices incorporées."


def sample_slip() -> Any:
    """A fictional slip with accents, long lines and an appointment."""
    from mediateur.slips import (
        Beneficiary,
        Destination,
        NextStep,
        NextStepKind,
        Orienter,
        Shared,
        SlipData,
    )

    return SlipData(
        number="RD-000000-20260115-1",
        issued_at=datetime(2026, 1, 15, 9, 30, tzinfo=UTC),
        issued_place="Cenon, forum de l'emploi",
        orienter=Orienter(
            name="Médiatrice d'essai", structure="Cité de l'emploi — Rive Droite (autotest)"
        ),
        beneficiary=Beneficiary(civility="Madame", first_name="Éloïse", last_name="Exemple"),
        destination=Destination(
            partner_name="Partenaire fictif de l'autotest",
            address="1 place de l'Église",
            postcode="33150",
            commune="Cenon",
            opening_hours="Mo-Fr 09:00-12:00",
        ),
        reason="Vérifier que la fiche s'imprime : accents, typographie française, code QR.",
        next_step=NextStep(
            kind=NextStepKind.APPOINTMENT,
            appointment_at=datetime(2026, 1, 20, 13, 30, tzinfo=UTC),
        ),
        shared_with_partner=frozenset({Shared.FIRST_NAME, Shared.REASON}),
    )
