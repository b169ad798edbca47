"""Every command of the admin CLI (`mediateur-server`, DESIGN.md §5), called through `main()`
(and `serve` and the password prompt through real processes), on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import pty
import re
import select as select_module
import signal
import socket
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from mediateur.domain.values import now_utc
from mediateur.server import migrations
from mediateur.server.app import create_app
from mediateur.server.cli import main
from mediateur.server.core.db import Database
from mediateur.server.models import audit_log, auth_token, device, job_run, user_account
from tests.server.helpers import PASSWORD, FakeClock, World, fast_settings, login_body

HEAD = migrations.head_revision()

UUID_LINE = re.compile(r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$")
CHEAP_HASH_ENV = {
    "MEDIATEUR_ARGON2_TIME_COST": "1",
    "MEDIATEUR_ARGON2_MEMORY_KIB": "64",
    "MEDIATEUR_ARGON2_PARALLELISM": "1",
}


@pytest.fixture(autouse=True)
def _cheap_hashes(monkeypatch: pytest.MonkeyPatch) -> None:
    for name, value in CHEAP_HASH_ENV.items():
        monkeypatch.setenv(name, value)
    monkeypatch.delenv("MEDIATEUR_DATABASE_URL", raising=False)
    monkeypatch.delenv("MEDIATEUR_PASSWORD", raising=False)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_migrate_creates_then_leaves_the_database_alone(
    capsys: pytest.CaptureFixture[str], empty_database_url: str
) -> None:
    code, out, _ = run(capsys, "migrate", "--db", empty_database_url)
    assert code == 0
    assert f"mise à jour : vide → {HEAD}" in out

    code, out, _ = run(capsys, "migrate", "--db", empty_database_url)
    assert code == 0
    assert f"déjà à jour (révision {HEAD})" in out
    db = Database(empty_database_url)
    assert migrations.is_current(db)
    db.dispose()


def test_without_db_a_sqlite_file_is_made_in_the_data_directory(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "données"))

    code, out, _ = run(capsys, "migrate")
    assert code == 0
    assert run(capsys, "create-org", "Mission Locale")[0] == 0

    expected = tmp_path / "données" / "mediateur-server" / "mediateur-server.db"
    assert f"Base {expected} mise à jour : vide → {HEAD}." in out
    assert expected.is_file()


def test_commands_refuse_a_database_that_was_not_migrated(
    capsys: pytest.CaptureFixture[str], empty_database_url: str
) -> None:
    code, out, err = run(capsys, "orgs", "list", "--db", empty_database_url)
    assert code == 1
    assert out == ""
    assert "mediateur-server migrate" in err


def test_accounts_lifecycle(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    database_url: str,
    clock: FakeClock,
) -> None:
    db = ["--db", database_url]
    code, org_out, _ = run(capsys, "create-org", "PLIE des Hauts de Garonne", *db)
    assert code == 0
    assert UUID_LINE.match(org_out)
    org = org_out.strip()

    monkeypatch.setenv("MEDIATEUR_PASSWORD", PASSWORD)
    code, user_out, _ = run(
        capsys,
        "create-user",
        "Marie.Dupont",
        "--org",
        org,
        "--role",
        "mediator",
        "--display-name",
        "Marie Dupont",
        "--phone",
        "05 56 00 00 00",
        "--email",
        "marie.dupont@plie.example",
        *db,
    )
    assert code == 0
    assert UUID_LINE.match(user_out)

    code, out, _ = run(capsys, "orgs", "list", *db)
    assert code == 0
    assert re.search(rf"{org}\s+PLIE des Hauts de Garonne\s+1$", out, re.MULTILINE)

    code, out, _ = run(capsys, "set-role", "marie.dupont", "manager", *db)
    assert (code, out) == (0, "Rôle de marie.dupont : responsable.\n")

    code, out, _ = run(capsys, "users", "list", *db)
    assert re.search(r"marie\.dupont\s+Marie Dupont\s+responsable\s+PLIE .*actif$", out, re.M)

    app = create_app(fast_settings(database_url), clock=clock)
    world = World(app.state.database, app.state.passwords, clock)
    with TestClient(app) as client:
        session = world.login(client, "marie.dupont")
        assert client.get("/api/v1/devices", headers=session.headers).status_code == 200

        monkeypatch.setenv("MEDIATEUR_PASSWORD", "un tout nouveau mot de passe")
        code, out, _ = run(capsys, "reset-password", "marie.dupont", *db)
        assert code == 0
        assert "sessions ouvertes sont fermées" in out
        assert client.get("/api/v1/devices", headers=session.headers).status_code == 401
        old = client.post("/api/v1/auth/login", json=login_body("marie.dupont"))
        assert old.status_code == 401
        world.login(client, "marie.dupont", password="un tout nouveau mot de passe")

        code, out, _ = run(capsys, "disable-user", "marie.dupont", *db)
        assert (code, out.startswith("Compte marie.dupont désactivé")) == (0, True)
        refused = client.post(
            "/api/v1/auth/login",
            json=login_body("marie.dupont", password="un tout nouveau mot de passe"),
        )
        assert refused.json()["code"] == "account_disabled"
        code, out, _ = run(capsys, "users", "list", *db)
        assert out.rstrip().endswith("désactivé")

        code, out, _ = run(capsys, "enable-user", "marie.dupont", *db)
        assert (code, out) == (0, "Compte marie.dupont réactivé.\n")
        world.login(client, "marie.dupont", password="un tout nouveau mot de passe")
    app.state.database.dispose()

    with world.db.read() as conn:
        actions = list(conn.execute(select(audit_log.c.action).order_by(audit_log.c.id)).scalars())
    assert [a for a in actions if not a.startswith(("login", "device"))] == [
        "organisation_created",
        "user_created",
        "role_changed",
        "password_reset",
        "user_disabled",
        "user_enabled",
    ]


def test_user_errors_are_french_with_exit_code_1(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    db = ["--db", database_url]
    org = run(capsys, "create-org", "Mission Locale", *db)[1].strip()
    monkeypatch.setenv("MEDIATEUR_PASSWORD", "court")

    cases = [
        (("create-user", "amina", "--org", org, "--role", "mediator"), "au moins 12 caractères"),
        (("create-org", "mission  locale"), "une organisation porte déjà ce nom"),
        (("set-role", "personne", "admin"), "utilisateur inconnu"),
        (("devices", "revoke", str(uuid.uuid4()), "--mode", "wipe"), "Appareil inconnu"),
    ]
    for argv, message in cases:
        code, out, err = run(capsys, *argv, *db)
        assert code == 1, argv
        assert out == ""
        assert err.startswith("mediateur-server : ")
        assert message in err

    monkeypatch.setenv("MEDIATEUR_PASSWORD", PASSWORD)
    bad_org = ("create-user", "amina", "--org", str(uuid.uuid4()), "--role", "mediator")
    code, _, err = run(capsys, *bad_org, *db)
    assert code == 1
    assert "organisation inconnue" in err
    code, _, err = run(capsys, "create-user", "a b", "--org", org, "--role", "mediator", *db)
    assert code == 1
    assert "identifiant : de 2 à 150 caractères" in err


def test_usage_errors_exit_2_in_french(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "set-role", "amina", "chef")
    assert code == 2
    assert "choix invalide" in err
    code, _, err = run(capsys, "create-user", "amina")
    assert code == 2
    assert "arguments obligatoires manquants : --org, --role" in err
    code, _, err = run(capsys, "devices")
    assert code == 2
    code, out, _ = run(capsys, "--help")
    assert code == 0
    assert "afficher cette aide et quitter" in out


def test_a_missing_password_without_terminal_is_an_error(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    org = run(capsys, "create-org", "Mission Locale", "--db", database_url)[1].strip()
    code, _, err = run(
        capsys, "create-user", "amina", "--org", org, "--role", "admin", "--db", database_url
    )
    assert code == 1
    assert "définissez MEDIATEUR_PASSWORD" in err


def test_the_database_url_can_come_from_the_environment(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, database_url: str
) -> None:
    monkeypatch.setenv("MEDIATEUR_DATABASE_URL", database_url)
    code, out, _ = run(capsys, "create-org", "Cité de l'emploi")
    assert code == 0
    code, out, _ = run(capsys, "orgs", "list")
    assert "Cité de l'emploi" in out


def test_unreachable_database_is_a_clear_error(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(
        capsys, "users", "list", "--db", "postgresql://gestion:secret@127.0.0.1:1/mediateur"
    )
    assert code == 1
    assert "base de données injoignable" in err
    assert "secret" not in err
    code, _, err = run(capsys, "users", "list", "--db", "mysql://hote/base")
    assert code == 1
    assert "adresse de base de données non prise en charge" in err


def _prompted(argv: list[str], answers: list[str], env: dict[str, str]) -> tuple[int, str]:
    """Run the CLI on a pseudo-terminal, typing `answers` at each password prompt."""
    code = "import sys; from mediateur.server.cli import main; sys.exit(main(sys.argv[1:]))"
    pid, fd = pty.fork()
    if pid == 0:  # the child: its terminal is the pty, as in an operator's session
        os.execve(sys.executable, [sys.executable, "-c", code, *argv], env)
    output = b""
    answered = 0
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        ready, _, _ = select_module.select([fd], [], [], 0.5)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        output += chunk
        # Answer each prompt once, when it is fully shown (getpass flushes earlier typing).
        prompts = output.count(b"Mot de passe")
        if answered < min(prompts, len(answers)) and output.endswith(b": "):
            os.write(fd, answers[answered].encode() + b"\n")
            answered += 1
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), output.decode(errors="replace")


def test_passwords_are_prompted_twice_on_a_terminal(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    org = run(capsys, "create-org", "Mission Locale", "--db", database_url)[1].strip()
    env = {k: v for k, v in os.environ.items() if k != "MEDIATEUR_PASSWORD"}
    argv = ["create-user", "amina", "--org", org, "--role", "manager", "--db", database_url]

    code, output = _prompted(argv, [PASSWORD, "autre chose tapée"], env)
    assert code == 1
    assert "les deux saisies du mot de passe diffèrent" in output

    code, output = _prompted(argv, [PASSWORD, PASSWORD], env)
    assert code == 0, output
    assert "Mot de passe (à nouveau) :" in output
    assert PASSWORD not in output
    db = Database(database_url)
    with db.read() as conn:
        assert conn.execute(select(user_account.c.username)).scalars().all() == ["amina"]
    db.dispose()


def test_devices_list_and_revoke(
    capsys: pytest.CaptureFixture[str], database_url: str, clock: FakeClock
) -> None:
    app = create_app(fast_settings(database_url), clock=clock)
    world = World(app.state.database, app.state.passwords, clock)
    org_a, org_b = world.organisation("PLIE"), world.organisation("Mission Locale")
    world.user("amina", org_a)
    world.user("bruno", org_b)
    with TestClient(app) as client:
        laptop = world.login(client, "amina", device_name="PC Lormont")
        world.login(client, "bruno", device_name="PC Cenon")

        code, out, _ = run(capsys, "devices", "list", "--db", database_url)
        assert code == 0
        assert "PC Lormont" in out
        assert "PC Cenon" in out
        assert "02/03/2026 10:30" in out  # last contact, Paris time
        code, out, _ = run(capsys, "devices", "list", "--org", org_b, "--db", database_url)
        assert "PC Cenon" in out
        assert "PC Lormont" not in out

        code, out, _ = run(
            capsys, "devices", "revoke", laptop.device_id, "--mode", "wipe", "--db", database_url
        )
        assert code == 0
        assert "effacement à distance" in out
        refused = client.get("/api/v1/directory", headers=laptop.headers)
        assert refused.json()["mode"] == "wipe"
        code, out, _ = run(capsys, "devices", "list", "--org", org_a, "--db", database_url)
        assert out.splitlines()[1].endswith("effacement à distance")
    app.state.database.dispose()


def test_purge_removes_audit_entries_older_than_twelve_months(
    capsys: pytest.CaptureFixture[str], database_url: str
) -> None:
    db = Database(database_url)
    now = now_utc()
    with db.begin() as conn:
        for age_days in (400, 366, 364, 10):
            conn.execute(
                insert(audit_log).values(at=now - timedelta(days=age_days), action="login")
            )

    code, out, _ = run(capsys, "purge", "--db", database_url)

    assert code == 0
    lines = out.splitlines()
    assert len(lines) == 6
    assert (
        "2 entrée(s) du journal d'audit au-delà de la durée de conservation supprimée(s)" in lines
    )
    with db.read() as conn:
        ages = sorted((now - at).days for at in conn.execute(select(audit_log.c.at)).scalars())
        started = conn.execute(select(job_run.c.started_at)).scalar_one()
    assert ages == [10, 364]
    assert started is not None
    db.dispose()


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serve_runs_two_workers_that_share_rate_limits(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    empty_database_url: str,
    tmp_path: Path,
) -> None:
    """`serve` migrates the database itself, then its two workers answer on one port."""
    port = _free_port()
    env = os.environ | CHEAP_HASH_ENV | {"MEDIATEUR_LOGIN_FAILURES_PER_ACCOUNT": "3"}
    code = "import sys; from mediateur.server.cli import main; sys.exit(main(sys.argv[1:]))"
    argv = ["serve", "--port", str(port), "--workers", "2", "--db", empty_database_url]
    log = tmp_path / "serve.log"
    with log.open("wb") as log_file:
        server = subprocess.Popen(
            [sys.executable, "-c", code, *argv], env=env, stdout=log_file, stderr=log_file
        )
    try:
        base = f"http://127.0.0.1:{port}/api/v1"
        _wait_until_up(f"{base}/meta", server, log)
        db = ["--db", empty_database_url]
        org = run(capsys, "create-org", "Mission Locale", *db)[1].strip()
        monkeypatch.setenv("MEDIATEUR_PASSWORD", PASSWORD)
        assert run(capsys, "create-user", "amina", "--org", org, "--role", "manager", *db)[0] == 0

        statuses = []
        for _ in range(6):
            # A new connection each time, so the kernel spreads them over both workers.
            with httpx.Client(timeout=10) as http:
                wrong = login_body("amina", password="mauvais mot de passe")
                statuses.append(http.post(f"{base}/auth/login", json=wrong).status_code)
        assert statuses == [401, 401, 401, 429, 429, 429]

        with httpx.Client(timeout=10) as http:
            other = login_body("inconnu", password="mauvais mot de passe")
            assert http.post(f"{base}/auth/login", json=other).status_code == 401
            listed = http.get(f"{base}/devices")
            assert listed.status_code == 401
            assert listed.headers["content-type"] == "application/problem+json"
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    output = log.read_text()
    assert f"mise à jour : vide → {HEAD}" in output
    assert "Started parent process" in output
    assert output.count("Application startup complete") == 2
    # The daily jobs ran in exactly one worker, and the workers' own log lines reach the output.
    assert output.count("job audit_log removed 0 rows") == 1
    database = Database(empty_database_url)
    with database.read() as conn:
        # The daily jobs ran once at startup, claimed by one of the two workers.
        assert conn.execute(select(job_run.c.started_at)).scalar_one() is not None
        assert conn.execute(select(device.c.id)).first() is None
        assert conn.execute(select(auth_token.c.token_hash)).first() is None
    database.dispose()


def _wait_until_up(url: str, server: subprocess.Popen[bytes], log: Path) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"serve s'est arrêté : {log.read_text()}")
        try:
            if httpx.get(url, timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    pytest.fail(f"serve n'a pas répondu à temps : {log.read_text()}")
