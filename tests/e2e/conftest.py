"""End-to-end fixtures: a real `mediateur-server` process on loopback over a fresh PostgreSQL
database, set up through its admin CLI, and `mediateur` commands run as subprocesses."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.support.live_server import ROOT, LiveServer, server_cli
from tests.support.postgres import fresh_database

PASSPHRASE = "une phrase de passe de terrain"
PASSWORD = "un mot de passe du serveur"


@dataclass
class Deployment:
    database_url: str
    server: LiveServer
    organisation_id: str

    def add_user(self, username: str, role: str = "mediator", org: str | None = None) -> None:
        server_cli(
            self.database_url,
            "create-user",
            username,
            "--org",
            org or self.organisation_id,
            "--role",
            role,
            "--display-name",
            username.capitalize(),
            env={"MEDIATEUR_PASSWORD": PASSWORD},
        )


def mediateur(
    *args: str, env: dict[str, str] | None = None, timeout: float = 180
) -> subprocess.CompletedProcess[str]:
    """Run the `mediateur` command as a user would (a new process each time)."""
    return subprocess.run(
        [sys.executable, "-m", "mediateur", *args],
        cwd=ROOT,
        env={
            **os.environ,
            "MEDIATEUR_PASSPHRASE": PASSPHRASE,
            "MEDIATEUR_PASSWORD": PASSWORD,
            **(env or {}),
        },
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )


@pytest.fixture
def deployment() -> Iterator[Deployment]:
    with fresh_database(prefix="mediateur_e2e") as url:
        server_cli(url, "migrate")
        organisation = (
            server_cli(url, "create-org", "Cité de l'emploi Rive Droite").strip().split()[-1]
        )
        server = LiveServer(url).start()
        try:
            yield Deployment(url, server, organisation)
        finally:
            server.stop()


@pytest.fixture
def profile(tmp_path: Path):  # type: ignore[no-untyped-def]
    """Make a profile directory logged in to the deployment as `username`."""

    def make(deployment: Deployment, username: str) -> Path:
        directory = tmp_path / username
        done = mediateur("init", "--profile", str(directory))
        assert done.returncode == 0, done.stderr
        done = mediateur(
            "login",
            "--server",
            deployment.server.url,
            "--username",
            username,
            "--profile",
            str(directory),
        )
        assert done.returncode == 0, done.stderr
        return directory

    return make
