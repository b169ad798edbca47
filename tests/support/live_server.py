"""A real `mediateur-server serve` process on 127.0.0.1, for end-to-end and fault tests.

Started on a free port against a given database, waited for until `/api/v1/meta` answers,
killed (SIGKILL when asked: a crash) and restartable on the same port. Cheap Argon2id settings
keep logins fast; everything else is production code.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import requests

ROOT = Path(__file__).resolve().parents[2]
FAST_ENV = {
    "MEDIATEUR_ARGON2_TIME_COST": "1",
    "MEDIATEUR_ARGON2_MEMORY_KIB": "64",
    "MEDIATEUR_ARGON2_PARALLELISM": "1",
    "MEDIATEUR_JOBS_CHECK_SECONDS": "0",
}


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_cli(database_url: str, *args: str, env: dict[str, str] | None = None) -> str:
    """Run an admin command of `mediateur-server` and return its standard output."""
    done = subprocess.run(
        [sys.executable, "-m", "mediateur.server.cli", *args, "--db", database_url],
        cwd=ROOT,
        env={**os.environ, **FAST_ENV, **(env or {})},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    if done.returncode != 0:
        raise RuntimeError(f"mediateur-server {args[0]} failed: {done.stderr}")
    return done.stdout


def team_server(
    database_url: str, team: Iterable[tuple[str, str, str]], password: str
) -> LiveServer:
    """A migrated server with one organisation and its `(username, role, display name)`
    accounts, all with `password`, started."""
    server_cli(database_url, "migrate")
    created = server_cli(database_url, "create-org", "Cité de l'emploi Rive Droite")
    organisation = created.split()[-1]
    for username, role, name in team:
        server_cli(
            database_url,
            "create-user",
            username,
            "--org",
            organisation,
            "--role",
            role,
            "--display-name",
            name,
            env={"MEDIATEUR_PASSWORD": password},
        )
    return LiveServer(database_url).start()


class LiveServer:
    def __init__(self, database_url: str, *, workers: int = 1, env: dict[str, str] | None = None):
        self.database_url = database_url
        self.workers = workers
        self.env = env or {}
        self.port = free_port()
        self.process: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self, extra_env: dict[str, str] | None = None) -> LiveServer:
        command = [
            sys.executable,
            "-m",
            "mediateur.server.cli",
            "serve",
            "--db",
            self.database_url,
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--workers",
            str(self.workers),
        ]
        self.process = subprocess.Popen(
            command,
            cwd=ROOT,
            env={**os.environ, **FAST_ENV, **self.env, **(extra_env or {})},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError("the server exited at start-up")
            try:
                if requests.get(f"{self.url}/api/v1/meta", timeout=1).status_code == 200:
                    return self
            except requests.RequestException:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("the server did not answer within 30 s")

    def kill(self) -> None:
        """SIGKILL the whole process group: a crash, no clean shutdown."""
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()
        self.process = None
