"""The `mediateur` entry point starts the GUI before the subcommands' modules (and the database
stack they import) load, and `--startup-probe` reports the first screen the user would see."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from mediateur.cli import gui_arguments
from mediateur.paths import profiles_dir
from tests.support.vaults import VaultFactory


@pytest.mark.parametrize(
    ("argv", "profile", "probe"),
    [
        ([], None, False),
        (["--profile", "D:/Profils/Hélène"], "D:/Profils/Hélène", False),
        (["--profile=C:/Users/José Dupont/p"], "C:/Users/José Dupont/p", False),
        (["--startup-probe"], None, True),
    ],
)
def test_the_gui_is_recognised_before_the_subcommands_load(
    argv: list[str], profile: str | None, probe: bool
) -> None:
    args = gui_arguments(argv)
    assert args is not None
    assert (args.profile, args.startup_probe) == (profile, probe)


@pytest.mark.parametrize(
    "argv",
    [["init"], ["--version"], ["-h"], ["--profile"], ["--profile", "p", "check"], ["self-test"]],
)
def test_anything_else_goes_to_the_full_parser(argv: list[str]) -> None:
    assert gui_arguments(argv) is None


def test_the_entry_point_leaves_the_database_stack_unloaded_for_the_gui() -> None:
    code = (
        "import sys\n"
        "import mediateur.cli\n"
        "assert mediateur.cli.gui_arguments([]) is not None\n"
        "heavy = ('sqlalchemy', 'alembic', 'sqlcipher3', 'pydantic', 'cryptography', 'reportlab')\n"
        "loaded = sorted(m for m in heavy if m in sys.modules)\n"
        "assert not loaded, loaded\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)


def _probe(home: Path) -> tuple[int, list[str], float]:
    started = time.time()
    done = subprocess.run(
        [sys.executable, "-m", "mediateur", "--startup-probe"],
        env={**os.environ, "MEDIATEUR_HOME": str(home), "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    return done.returncode, done.stdout.split(), started


def test_the_probe_sees_the_unlock_screen_of_an_existing_profile(
    home: Path, vault_factory: VaultFactory
) -> None:
    vault_factory.copy(profiles_dir(home) / "principal")
    code, words, started = _probe(home)
    assert code == 0
    shown_at, screen = float(words[0]), words[1]
    assert screen == "unlock"
    assert started < shown_at < started + 60


def test_the_probe_sees_the_first_run_screen_of_an_empty_home(home: Path) -> None:
    code, words, _started = _probe(home)
    assert (code, words[1]) == (0, "first_run")
