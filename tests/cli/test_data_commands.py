"""The data commands as a new user runs them on a fresh profile: French help and errors, exit
codes 0/1/2/3 (DESIGN.md §9), import all-or-nothing, stats, exports, RGPD commands, demo."""

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
from tests.reports import known_cohort

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


def write_rows(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle, delimiter=";").writerows(rows)
    return path


def thousand(bad_line: int | None) -> list[list[str]]:
    rows = [["nom", "prenom", "date_naissance", "telephone", "date_entree"]]
    for n in range(2, 1002):
        first = "".join(chr(ord("a") + int(d)) for d in str(n)).capitalize()
        phone = "06 12 34" if n == bad_line else f"06 12 34 {n // 100:02d} {n % 100:02d}"
        rows.append(["Martin", first, "01/01/1980", phone, "01/02/2026"])
    return rows


def test_help_and_usage_errors_are_french(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "--help")
    assert code == 0
    for command in ("demo", "import", "stats", "export", "rights-export", "erase", "init", "check"):
        assert command in out
    code, out, _ = run(capsys, "import", "--help")
    assert code == 0
    assert out.startswith("usage : mediateur import")
    assert "--skip-invalid" in out
    assert "Une ligne invalide annule tout l'import" in " ".join(out.split())
    code, _, err = run(capsys, "export", "tableaux", "-o", "x.csv")
    assert code == 2
    assert "choix invalide" in err
    code, _, err = run(capsys, "stats", "--from", "2026-13-01")
    assert code == 2
    assert "date invalide, AAAA-MM-JJ attendu" in err
    code, _, err = run(capsys, "import")
    assert code == 2
    assert "arguments obligatoires manquants : FICHIER" in err


def test_a_new_user_from_init_to_erase(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    code, _, err = run(capsys, "stats")
    assert (code, err.strip()) == (
        1,
        f"mediateur : aucun profil dans {home} : créez-en un avec « mediateur init ».",
    )
    code, out, _ = run(capsys, "init")
    assert code == 0
    assert "Code de récupération" in out
    cohort = known_cohort.write(tmp_path / "cohorte.csv")
    code, out, _ = run(capsys, "import", str(cohort))
    assert (code, out.strip()) == (0, "Import de cohorte.csv : 97 personne(s) importée(s) sur 97.")
    code, out, _ = run(capsys, "import", str(cohort))
    assert code == 0
    assert "97 déjà présente(s) dans la cohorte, non importée(s)" in out
    code, out, _ = run(capsys, "stats")
    assert code == 0
    assert "Bénéficiaires reçus" in out
    assert "19,6 %" in out
    assert "Génicart Est" in out
    export = tmp_path / "beneficiaires.xlsx"
    code, out, _ = run(capsys, "export", "beneficiaries", "-o", str(export))
    assert (code, out.strip()) == (0, f"97 ligne(s) exportée(s) dans {export} (XLSX).")
    csv_export = tmp_path / "beneficiaires.txt"
    code, out, _ = run(capsys, "export", "beneficiaries", "--format", "csv", "-o", str(csv_export))
    assert code == 0
    with csv_export.open(encoding="utf-8-sig") as handle:
        first = next(csv.DictReader(handle, delimiter=";"))
    person_id = first["id"]
    code, _, err = run(capsys, "export", "contacts", "-o", str(tmp_path / "contacts"))
    assert (code, err.strip()) == (
        1,
        "mediateur : précisez --format csv ou --format xlsx (ou un fichier .csv ou .xlsx).",
    )
    code, out, _ = run(capsys, "rights-export", person_id[-12:], "-o", str(tmp_path / "acces"))
    assert code == 0
    document = json.loads((tmp_path / "acces" / f"droit-acces-{person_id}.json").read_text("utf-8"))
    assert document["personne"]["last_name"] == first["nom"]
    pdf_text = (
        pypdf.PdfReader(tmp_path / "acces" / f"droit-acces-{person_id}.pdf").pages[0].extract_text()
    )
    assert first["nom"] in pdf_text
    code, _, err = run(capsys, "erase", person_id)
    assert code == 1
    assert "relancez la commande avec --yes" in err
    code, out, _ = run(capsys, "erase", person_id, "--yes")
    assert code == 0
    assert out.startswith(f"Personne {person_id} effacée")
    code, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["cohort"]["received"] == 96
    code, _, err = run(capsys, "erase", person_id, "--yes")
    assert (code, err.strip()) == (
        1,
        f"mediateur : Aucune personne de la cohorte n'a l'identifiant {person_id}.",
    )


def test_one_bad_row_among_1000_then_skip_invalid(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run(capsys, "init")
    path = write_rows(tmp_path / "mille.csv", thousand(bad_line=517))
    code, out, err = run(capsys, "import", str(path))
    assert code == 1
    assert out == ""
    assert err.splitlines() == [
        "mediateur : Import annulé, rien n'a été importé : 1 ligne(s) invalide(s) sur 1000.",
        "ligne 517, colonne « telephone » : numéro de téléphone français attendu (fixe ou mobile), "
        "par exemple 06 12 34 56 78 ou +33 6 12 34 56 78.",
    ]
    code, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["cohort"]["received"] == 0
    code, out, err = run(capsys, "import", str(path), "--skip-invalid")
    assert code == 3
    assert out.strip() == "Import de mille.csv : 999 personne(s) importée(s) sur 1000."
    assert "1 ligne(s) invalide(s) ignorée(s) :" in err
    assert "ligne 517, colonne « telephone »" in err
    code, out, _ = run(capsys, "stats", "--json")
    assert json.loads(out)["cohort"]["received"] == 999


def test_wrong_passphrase_and_unreadable_file(
    home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    run(capsys, "init")
    code, _, err = run(capsys, "import", str(tmp_path / "absent.xlsx"))
    assert (code, err.strip()) == (
        1,
        f"mediateur : Fichier introuvable : {tmp_path / 'absent.xlsx'}",
    )
    monkeypatch.setenv("MEDIATEUR_PASSPHRASE", "ce n'est pas la bonne phrase")
    code, _, err = run(capsys, "stats")
    assert code == 1
    assert err.startswith("mediateur : Phrase de passe incorrecte.")


def test_demo_profile(home: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "demo")
    assert code == 0
    assert f"Profil créé : {home / 'profiles' / 'demo'}" in out
    assert "Code de récupération" in out
    assert "100 bénéficiaires" in out
    code, out, _ = run(capsys, "stats", "--json")
    stats = json.loads(out)
    assert stats["cohort"]["received"] == 100
    assert stats["contacts"]["total"] == 300
    assert len(stats["referrals"]["by_status"]) == 11
    code, _, err = run(capsys, "demo")
    assert code == 1
    assert "un profil existe déjà" in err


def test_the_installed_command_runs_from_a_shell(home: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MEDIATEUR_HOME": str(home), "MEDIATEUR_PASSPHRASE": PASSPHRASE}
    profile = tmp_path / "terrain"

    def shell(*argv: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "mediateur", *argv],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )

    assert shell("--version").stdout.startswith("mediateur ")
    assert shell("init", "--profile", str(profile)).returncode == 0
    cohort = known_cohort.write(tmp_path / "cohorte.csv")
    # Options after the subcommand, as DESIGN.md §9 requires.
    assert shell("import", str(cohort), "--profile", str(profile)).returncode == 0
    result = shell("stats", "--json", "--profile", str(profile))
    assert result.returncode == 0
    assert json.loads(result.stdout) == known_cohort.EXPECTED
