"""`mediateur slip NUMBER -o FILE.pdf` and `mediateur partners import FILE` as a user runs them:
the real command from a shell on the demo profile, French messages, exit codes 0/1/2/3."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

import pypdf
import pytest

from mediateur.cli import main
from mediateur.paths import resource_path
from mediateur.store.vault import Vault
from mediateur.sync import local_state

PASSPHRASE = "une phrase de passe solide"


@pytest.fixture
def home(_isolated_home: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("MEDIATEUR_PASSPHRASE", PASSPHRASE)
    return _isolated_home


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    capsys.readouterr()
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = int(exit_.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_slip_from_the_shell_on_the_demo_profile(home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MEDIATEUR_HOME": str(home), "MEDIATEUR_PASSPHRASE": PASSPHRASE}

    def shell(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mediateur", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=180,
            check=False,
        )

    assert shell("demo").returncode == 0
    listing = tmp_path / "orientations.csv"
    assert shell("export", "referrals", "-o", str(listing)).returncode == 0
    with listing.open(encoding="utf-8-sig") as handle:
        rows = list(csv.DictReader(handle, delimiter=";"))
    drafts = [r["numero"] for r in rows if r["statut"] == "Brouillon"]
    assert drafts
    number = drafts[0]
    before = json.loads(shell("stats", "--json").stdout)["referrals"]["by_status"]

    output = tmp_path / "fiche.pdf"
    result = shell("slip", number, "-o", str(output))
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == (
        f"Fiche de liaison {number} enregistrée dans {output} ; l'orientation passe de "
        "« Brouillon » à « Émise »."
    )
    reader = pypdf.PdfReader(output)
    assert len(reader.pages) == 1
    text = reader.pages[0].extract_text()
    assert text.count(number) >= 2
    assert "COUPON RETOUR" in text
    after = json.loads(shell("stats", "--json").stdout)["referrals"]["by_status"]
    assert after["brouillon"] == before["brouillon"] - 1
    assert after["emise"] == before["emise"] + 1

    again = shell("slip", number, "-o", str(output))
    assert again.returncode == 0
    assert again.stdout.strip().endswith("statut inchangé (« Émise »).")

    missing = shell("slip", "RD-000000-20260101-1", "-o", str(tmp_path / "x.pdf"))
    assert (missing.returncode, missing.stderr.strip()) == (
        1,
        "mediateur : Aucune orientation ne porte le numéro RD-000000-20260101-1.",
    )
    assert not (tmp_path / "x.pdf").exists()


def test_slip_arguments_and_outputs(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "slip", "RD-1")
    assert code == 2
    assert "arguments obligatoires manquants : -o/--output" in err
    run(capsys, "init")
    code, _, err = run(capsys, "slip", "RD-1", "-o", str(tmp_path / "absent" / "f.pdf"))
    assert (code, err.strip()) == (1, f"mediateur : le dossier {tmp_path / 'absent'} n'existe pas.")
    code, _, err = run(capsys, "slip", "RD-1", "-o", str(tmp_path / "f.txt"))
    assert (code, err.strip()) == (1, "mediateur : f.txt : donnez un nom de fichier en .pdf.")
    code, _, err = run(capsys, "slip", "RD-1", "-o", str(tmp_path))
    assert code == 1
    assert "est un dossier" in err


def write_services_csv(path: Path, *, bad: bool) -> Path:
    rows = [
        {
            "id": "dora--s1",
            "structure_id": "demo--plie",
            "source": "dora",
            "nom": "Job dating du PLIE",
            "thematiques": "trouver-un-emploi--repondre-a-des-offres-demploi",
            "courriel": "jobdating@exemple.fr",
        },
        {
            "id": "dora--s2",
            "structure_id": "demo--plie",
            "source": "dora",
            "nom": "Atelier CV",
            "thematiques": "preparer-sa-candidature",
            "courriel": "pas une adresse" if bad else "cv@exemple.fr",
        },
    ]
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), delimiter=";")
        writer.writeheader()
        writer.writerows(rows)
    return path


def test_partners_import_json_then_csv_with_report_and_exit_codes(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "init")
    sample = resource_path("partners", "rive-droite.json")
    code, out, _ = run(capsys, "partners", "import", str(sample))
    assert code == 0
    assert out.splitlines() == [
        "Import de l'annuaire rive-droite.json : 26 élément(s) lu(s).",
        "Partenaires : 12 créé(s), 0 mis à jour, 0 inchangé(s).",
        "Services : 14 créé(s), 0 mis à jour, 0 inchangé(s).",
    ]
    code, out, _ = run(capsys, "partners", "import", str(sample))
    assert code == 0
    assert "Partenaires : 0 créé(s), 0 mis à jour, 12 inchangé(s)." in out

    bad = write_services_csv(tmp_path / "services.csv", bad=True)
    code, out, err = run(capsys, "partners", "import", str(bad))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "mediateur : Import de l'annuaire annulé, rien n'a été importé : 1 élément(s) "
        "invalide(s) sur 2.",
        "- ligne 3 (id dora--s2) : courriel : adresse de courriel invalide.",
    ]
    code, out, err = run(capsys, "partners", "import", str(bad), "--skip-invalid")
    assert code == 3
    assert "Services : 1 créé(s), 0 mis à jour, 0 inchangé(s)." in out
    assert "1 élément(s) invalide(s) ignoré(s) :" in err
    good = write_services_csv(tmp_path / "services.csv", bad=False)
    code, out, _ = run(capsys, "partners", "import", str(good))
    assert code == 0
    assert "Services : 1 créé(s), 0 mis à jour, 1 inchangé(s)." in out

    code, _, err = run(capsys, "partners", "import", str(tmp_path / "absent.json"))
    assert (code, err.strip()) == (
        1,
        f"mediateur : Fichier introuvable : {tmp_path / 'absent.json'}",
    )


def test_partners_import_is_for_managers(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "init")
    profile = home / "profiles" / "principal"
    vault = Vault.unlock(profile, PASSPHRASE)
    try:
        with vault.unit_of_work() as uow:
            local_state.put(uow.session, local_state.USER_ID, "u-1")
            local_state.put(uow.session, local_state.ROLE, "mediator")
    finally:
        vault.lock()
    code, _, err = run(
        capsys, "partners", "import", str(resource_path("partners", "rive-droite.json"))
    )
    assert code == 1
    assert err.startswith("mediateur : Seuls les responsables modifient l'annuaire")
