"""`mediateur self-test` from the sources: every check OK on a sound installation, nothing left
behind; a failing check reported KO in French while the others still run; the slip check
refuses a PDF whose fonts are not embedded."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from io import BytesIO
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas

from mediateur import __version__
from mediateur.cli import main
from mediateur.cli.selftest import CheckFailed, SelfTest, describe_pdf

CHECKS = (
    "Données de référence",
    "Fuseau horaire Europe/Paris",
    "Chiffrement SQLCipher",
    "Coffre chiffré",
    "Écriture et relecture",
    "Intégrité de la base",
    "Fiche de liaison",
    "Interface",
)


def test_every_check_passes_from_the_sources_and_nothing_is_left_behind(tmp_path: Path) -> None:
    temp = tmp_path / "temp"
    temp.mkdir()
    env = {**os.environ, "TMPDIR": str(temp), "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-m", "mediateur", "self-test"],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    lines = done.stdout.splitlines()
    assert lines[0].startswith(f"mediateur {__version__} : autotest de l'installation (sources")
    assert [line.split(" : ")[0] for line in lines[1:-1]] == [f"OK  {c}" for c in CHECKS]
    assert lines[-1] == f"Autotest réussi : {len(CHECKS)} contrôles OK."
    assert "écran de déverrouillage affiché (offscreen), Qt en français" in done.stdout
    assert list(temp.iterdir()) == [], "the temporary vault is removed"


def test_a_failing_check_is_reported_and_the_others_still_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    root = tmp_path / "root"
    root.mkdir()
    (root / "Accueil José Dupont").write_text("un fichier là où le profil doit être créé")
    monkeypatch.setattr(tempfile, "mkdtemp", lambda **_kwargs: str(root))
    assert main(["self-test"]) == 1
    lines = capsys.readouterr().out.splitlines()[1:]
    verdicts = {line[4:].split(" : ")[0]: line[:2] for line in lines[:-1]}
    assert verdicts == {
        "Données de référence": "OK",
        "Fuseau horaire Europe/Paris": "OK",
        "Chiffrement SQLCipher": "OK",
        "Coffre chiffré": "KO",
        "Écriture et relecture": "KO",
        "Intégrité de la base": "KO",
        "Fiche de liaison": "OK",
        "Interface": "KO",
    }
    assert "KO  Écriture et relecture : non vérifié : le coffre n'a pas pu être créé." in lines
    assert lines[-1] == "Autotest en échec : 4 contrôle(s) KO sur 8."
    assert not root.exists(), "removed even after a failure"


def test_outcomes_keep_the_order_of_the_checks(tmp_path: Path) -> None:
    (tmp_path / "Accueil José Dupont").write_text("")
    outcomes = SelfTest(tmp_path).run()
    assert [o.label for o in outcomes] == list(CHECKS)


def _pdf(pages: int, font: str) -> bytes:
    buffer = BytesIO()
    canvas = Canvas(buffer)
    for _ in range(pages):
        canvas.setFont(font, 12)
        canvas.drawString(72, 720, "Fiche de liaison")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def test_the_slip_check_refuses_fonts_that_are_not_embedded() -> None:
    with pytest.raises(CheckFailed, match="polices non incorporées"):
        describe_pdf(_pdf(1, "Helvetica"))


def test_the_slip_check_counts_pages() -> None:
    with pytest.raises(CheckFailed, match="2 pages au lieu d'une"):
        describe_pdf(_pdf(2, "Helvetica"))


def test_the_slip_check_refuses_a_truncated_pdf() -> None:
    with pytest.raises(CheckFailed, match="incomplet"):
        describe_pdf(_pdf(1, "Helvetica")[:-200])
