"""The sync server under load (DESIGN.md §10): 50 devices syncing for 60 s, and an initial pull
of 50 000 records, against a real `mediateur-server serve --workers 2` on PostgreSQL.

A fresh PostgreSQL database is created (and dropped at the end) on the local server; the server
listens on 127.0.0.1 only, on a free port, and is stopped at the end whatever happens. Accounts
are created in-process with a cheap Argon2id (the server is started with the same cost, so logins
do not rehash): login cost is not what is measured here.

Load model: 50 devices (10 per organisation, five organisations), each its own account, device
id and token, each on its own thread with the production HTTP transport (requests, gzip bodies
above 1 KiB). A device syncs in rounds: it records 1 to 6 new contacts or people and edits one of
its own records, pushes them in one batch, then pulls until `has_more` is false, on a new
connection each round; then it waits 2 to 4 s (a laptop in the field syncs every few minutes:
this is some fifty times busier). Before the timed minute every device syncs once (warm-up), and
devices then start at staggered moments, as laptops do. Every request
is timed. At the end every device pulls once more, and the bench checks that nothing was lost
or duplicated: every mutation sent was applied exactly once, the server holds exactly the
records the devices created, and each device holds exactly its organisation's records.

Initial pull: 50 000 records (10 000 people, 40 000 contacts) are pushed into one organisation in
batches of 200 by four devices at once (that throughput is reported too), then a new device of
that organisation pulls everything from scratch, pages of 500 (the client's default) and 2 000
(the maximum), decoding every page.
"""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import psycopg
from sqlalchemy import func, select

from bench.common import percentile, publish, verdict
from mediateur.server import accounts
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.core.security import Passwords
from mediateur.server.models import applied_mutation, change_feed, record_tables
from mediateur.server.roles import Role
from mediateur.sync.hlc import HybridClock, node_of
from mediateur.sync.protocol import (
    HEADER_CLIENT_TIME,
    HEADER_IDEMPOTENCY_KEY,
    SCHEMA_VERSION,
)
from mediateur.sync.transport import HttpTransport, Request, Response

ADMIN_URL = os.environ.get("MEDIATEUR_BENCH_PG", "postgresql://postgres@127.0.0.1:5432/postgres")
SERVER = Path(sys.executable).with_name("mediateur-server")
DEVICES = 50
ORGANISATIONS = 5
LOAD_SECONDS = 60.0
THINK_S = (2.0, 4.0)
INITIAL_RECORDS = 50_000
INITIAL_PEOPLE = 10_000
BATCH = 200
LOADERS = 4
P95_BUDGET_MS = 300.0
PULL_BUDGET_PER_S = 5_000.0
PASSWORD = "mot de passe du banc d'essai"
CHEAP_ARGON2 = {
    "MEDIATEUR_ARGON2_TIME_COST": "1",
    "MEDIATEUR_ARGON2_MEMORY_KIB": "64",
    "MEDIATEUR_ARGON2_PARALLELISM": "1",
}


@contextlib.contextmanager
def fresh_database() -> Iterator[str]:
    name = f"mediateur_bench_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0].split("://", 1)[1]
    try:
        yield f"postgresql+psycopg://{base}/{name}"
    finally:
        with psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=5) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@contextlib.contextmanager
def running_server(url: str) -> Iterator[str]:
    port = free_port()
    env = {**os.environ, **CHEAP_ARGON2, "MEDIATEUR_JOBS_CHECK_SECONDS": "0"}
    command = [str(SERVER), "serve", "--host", "127.0.0.1", "--port", str(port)]
    process = subprocess.Popen(
        [*command, "--workers", "2", "--db", url],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        transport = HttpTransport(base, timeout=(2, 5))
        deadline = time.monotonic() + 60
        while True:
            try:
                if transport.send(Request("GET", "/api/v1/meta")).status == 200:
                    break
            except Exception:
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError("the server did not start") from None
            time.sleep(0.2)
        yield base
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=40)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def seed_accounts(url: str) -> list[tuple[str, str]]:
    """Five organisations of ten mediators each: (username, organisation id)."""
    settings = Settings(
        database_url=url, argon2_time_cost=1, argon2_memory_kib=64, argon2_parallelism=1
    )
    db = Database(url)
    passwords = Passwords(settings)
    now = datetime.now(UTC)
    users = []
    with db.begin() as conn:
        for o in range(ORGANISATIONS):
            org = accounts.create_organisation(conn, name=f"Structure {o + 1}", now=now).id
            for u in range(DEVICES // ORGANISATIONS + 1):
                username = f"mediatrice-{o + 1}-{u + 1}"
                accounts.create_user(
                    conn,
                    passwords=passwords,
                    username=username,
                    password=PASSWORD,
                    organisation_id=org,
                    role=Role.MEDIATOR,
                    now=now,
                )
                users.append((username, org))
    db.dispose()
    return users


@dataclass
class Device:
    base: str
    username: str
    organisation_id: str
    rng: random.Random
    device_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    token: str = ""
    seq: int = 0
    cursor: str | None = None
    known: dict[str, int] = field(default_factory=dict)
    own: list[tuple[str, str]] = field(default_factory=list)
    sent: list[str] = field(default_factory=list)
    push_ms: list[float] = field(default_factory=list)
    pull_ms: list[float] = field(default_factory=list)
    pulled: int = 0
    problems: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.transport = HttpTransport(self.base, timeout=(5, 60))
        self.clock = HybridClock(node_of(self.device_id))

    def _headers(self) -> dict[str, str]:
        return {
            "Authorization": f"Bearer {self.token}",
            "X-Schema-Version": str(SCHEMA_VERSION),
            HEADER_CLIENT_TIME: str(int(time.time() * 1000)),
        }

    def login(self) -> None:
        body = {
            "username": self.username,
            "password": PASSWORD,
            "device_id": self.device_id,
            "device_name": "banc d'essai",
        }
        response = self.transport.send(
            Request("POST", "/api/v1/auth/login", {}, body=json.dumps(body).encode())
        )
        assert response.status == 200, response.body[:300]
        self.token = json.loads(response.body)["token"]

    def mutation(self, entity: str, record_id: str, fields: dict[str, Any]) -> dict[str, Any]:
        self.seq += 1
        mutation_id = str(uuid.uuid4())
        self.sent.append(mutation_id)
        return {
            "seq": self.seq,
            "mutation_id": mutation_id,
            "entity": entity,
            "id": record_id,
            "op": "upsert",
            "base_seq": self.known.get(record_id, 0),
            "hlc": self.clock.tick(),
            "fields": fields,
        }

    def new_record(self) -> dict[str, Any]:
        record_id = str(uuid.UUID(int=self.rng.getrandbits(128), version=4))
        if self.rng.random() < 0.2:
            self.own.append(("beneficiary", record_id))
            return self.mutation("beneficiary", record_id, person(self.rng))
        self.own.append(("contact", record_id))
        return self.mutation("contact", record_id, encounter(self.rng))

    def timed(self, request: Request, into: list[float]) -> Response:
        started = time.perf_counter()
        response = self.transport.send(request)
        into.append((time.perf_counter() - started) * 1000)
        return response

    def push(self, mutations: list[dict[str, Any]], *, timed: bool = True) -> None:
        body = {"device_id": self.device_id, "schema_version": SCHEMA_VERSION}
        body["mutations"] = mutations  # type: ignore[assignment]
        headers = {**self._headers(), HEADER_IDEMPOTENCY_KEY: str(uuid.uuid4())}
        request = Request("POST", "/api/v1/sync/push", headers, body=json.dumps(body).encode())
        response = self.timed(request, self.push_ms if timed else [])
        if response.status != 200:
            self.problems.append(f"push {response.status}")
            return
        for result in json.loads(response.body)["results"]:
            if result["status"] not in ("applied", "merged"):
                self.problems.append(f"push result {result['status']}")
            if result["row"] is not None:
                self.known[result["row"]["id"]] = result["row"]["server_seq"]

    def pull(self, *, limit: int = 500, timed: bool = True) -> int:
        """Pull to the end; the number of changes received."""
        count = 0
        while True:
            params = {"limit": str(limit)}
            if self.cursor:
                params["cursor"] = self.cursor
            request = Request("GET", "/api/v1/sync/pull", self._headers(), params=params)
            response = self.timed(request, self.pull_ms if timed else [])
            if response.status != 200:
                self.problems.append(f"pull {response.status}")
                return count
            page = json.loads(response.body)
            ids = [change["id"] for change in page["changes"]]
            if len(ids) != len(set(ids)):
                self.problems.append("a record twice in one page")
            for change in page["changes"]:
                if change["op"] == "remove":
                    self.known.pop(change["id"], None)
                else:
                    self.known[change["id"]] = change["server_seq"]
            count += len(ids)
            self.cursor = page["next_cursor"]
            self.clock.receive(page["server_hlc"])
            if not page["has_more"]:
                self.pulled += count
                return count

    def round(self) -> None:
        mutations = [self.new_record() for _ in range(self.rng.randint(1, 6))]
        if self.own and self.rng.random() < 0.5:
            entity, record_id = self.rng.choice(self.own)
            if record_id in self.known:
                change = {"note": "Revue le lendemain"} if entity == "contact" else {}
                change = change or {"phone": f"06 {self.rng.randrange(10**8):08d}"}
                mutations.append(self.mutation(entity, record_id, change))
        self.push(mutations)
        self.pull()
        # A laptop syncing every few minutes opens a new connection each time (keep-alive
        # would have expired), which also spreads devices over the server's workers.
        self.transport.session.close()


def person(rng: random.Random) -> dict[str, Any]:
    return {
        "last_name": rng.choice(["Martin", "Diallo", "Nguyen", "Benali", "Lopez"]),
        "first_name": rng.choice(["Awa", "Karim", "Julie", "Mehdi", "Sarah"]),
        "gender": rng.choice(["f", "m"]),
        "age_band": rng.choice(["16_24", "25_44", "45_54"]),
        "qpv": rng.choice(["avenir", "carriet", "jean_jaures"]),
        "statuses": rng.sample(["rsa", "neet", "inscrit_ft"], rng.randint(0, 2)),
        "intake_date": "2026-02-10",
        "phone": f"06 {rng.randrange(10**8):08d}",
        "sharing_agreed": False,
        "restricted": False,
    }


def encounter(rng: random.Random) -> dict[str, Any]:
    return {
        "occurred_at": f"2026-03-{rng.randint(1, 28):02d}T{rng.randint(8, 18):02d}:00:00Z",
        "channel": rng.choice(["pied_immeuble", "porte_a_porte", "evenement"]),
        "outcome": rng.choice(["information", "orientation", "rdv_pris"]),
        "qpv": rng.choice(["avenir", "carriet", "genicart_est"]),
        "themes": rng.sample(["mobilite", "numerique", "logement"], rng.randint(0, 2)),
        "note": "Échange au pied de l'immeuble, à rappeler la semaine prochaine.",
    }


def run_load(devices: list[Device]) -> float:
    # Warm-up (not timed): every device syncs once, so that connections, the workers' caches
    # and the feed are in their steady state; then devices start at staggered moments, as
    # laptops do, instead of all in the same millisecond.
    for device in devices:
        device.round()
        device.push_ms.clear()
        device.pull_ms.clear()
    stop = time.monotonic() + LOAD_SECONDS

    def work(device: Device) -> None:
        time.sleep(device.rng.uniform(*THINK_S))
        while time.monotonic() < stop:
            try:
                device.round()
            except Exception as exc:
                device.problems.append(type(exc).__name__)
            time.sleep(device.rng.uniform(*THINK_S))

    threads = [threading.Thread(target=work, args=(d,)) for d in devices]
    started = time.monotonic()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=LOAD_SECONDS + 120)
    return time.monotonic() - started


def verify(url: str, devices: list[Device]) -> list[str]:
    """Nothing lost, nothing duplicated; an empty list when all holds."""
    for device in devices:
        device.pull(timed=False)
    problems = [p for d in devices for p in d.problems]
    db = Database(url)
    with db.read() as conn:
        applied = conn.execute(select(func.count()).select_from(applied_mutation)).scalar_one()
        stored: dict[str, set[str]] = {}
        for entity in ("beneficiary", "contact"):
            table = record_tables[entity]
            for record_id, org in conn.execute(select(table.c.id, table.c.organisation_id)):
                stored.setdefault(org, set()).add(record_id)
        feed_rows = conn.execute(select(func.count()).select_from(change_feed)).scalar_one()
    db.dispose()
    sent = sum(len(d.sent) for d in devices)
    if applied != sent:
        problems.append(f"{sent} mutations sent, {applied} applied")
    created: dict[str, set[str]] = {}
    for device in devices:
        created.setdefault(device.organisation_id, set()).update(i for _e, i in device.own)
    if created != stored:
        problems.append("the server's records differ from those the devices created")
    if feed_rows != sum(len(ids) for ids in stored.values()):
        problems.append("the feed does not hold one entry per record")
    for device in devices:
        if set(device.known) != stored.get(device.organisation_id, set()):
            problems.append(f"{device.username} does not hold its organisation's records")
    return problems


def initial_pull(
    url: str, base: str, organisation: tuple[str, str], rng: random.Random
) -> dict[str, Any]:
    username, org = organisation
    loaders = [Device(base, username, org, random.Random(rng.random())) for _ in range(LOADERS)]
    for loader in loaders:
        loader.login()
    plan: list[list[tuple[str, dict[str, Any]]]] = [[] for _ in loaders]
    for n in range(INITIAL_RECORDS):
        kind = "beneficiary" if n < INITIAL_PEOPLE else "contact"
        plan[n % LOADERS].append((kind, person(rng) if kind == "beneficiary" else encounter(rng)))

    def load(loader: Device, records: list[tuple[str, dict[str, Any]]]) -> None:
        for start in range(0, len(records), BATCH):
            mutations = []
            for kind, fields in records[start : start + BATCH]:
                record_id = str(uuid.uuid4())
                loader.own.append((kind, record_id))
                mutations.append(loader.mutation(kind, record_id, fields))
            loader.push(mutations)

    started = time.perf_counter()
    threads = [
        threading.Thread(target=load, args=(loader, records))
        for loader, records in zip(loaders, plan, strict=True)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    insert_s = time.perf_counter() - started
    problems = [p for loader in loaders for p in loader.problems]
    pushes = [ms for loader in loaders for ms in loader.push_ms]
    results: dict[str, Any] = {
        "insert_records": INITIAL_RECORDS,
        "insert_s": round(insert_s, 1),
        "insert_records_per_s": round(INITIAL_RECORDS / insert_s),
        "push_200_p50_ms": round(percentile(pushes, 50)),
        "push_200_p95_ms": round(percentile(pushes, 95)),
    }
    for limit in (500, 2000):
        reader = Device(base, username, org, random.Random(0))
        reader.login()
        started = time.perf_counter()
        received = reader.pull(limit=limit)
        elapsed = time.perf_counter() - started
        if received < INITIAL_RECORDS:
            problems.append(f"initial pull got {received} records")
        results[f"pull_{limit}_records"] = received
        results[f"pull_{limit}_s"] = round(elapsed, 2)
        results[f"pull_{limit}_records_per_s"] = round(received / elapsed)
    results["problems"] = problems
    return results


def main() -> None:
    rng = random.Random(20260302)
    with fresh_database() as url:
        subprocess.run([str(SERVER), "migrate", "--db", url], check=True, capture_output=True)
        users = seed_accounts(url)
        per_org = DEVICES // ORGANISATIONS
        by_org: dict[str, list[tuple[str, str]]] = {}
        for username, org in users:
            by_org.setdefault(org, []).append((username, org))
        chosen = [u for members in by_org.values() for u in members[:per_org]]
        spare = next(members[per_org] for members in by_org.values())
        with running_server(url) as base:
            devices = [Device(base, u, o, random.Random(rng.random())) for u, o in chosen]
            for device in devices:
                device.login()
            elapsed = run_load(devices)
            problems = verify(url, devices)
            initial = initial_pull(url, base, spare, rng)
    pushes = [ms for d in devices for ms in d.push_ms]
    pulls = [ms for d in devices for ms in d.pull_ms]
    both = pushes + pulls
    records = sum(len(d.own) for d in devices)
    p95 = percentile(both, 95)
    results = {
        "devices": DEVICES,
        "seconds": round(elapsed, 1),
        "think_s": list(THINK_S),
        "requests": len(both),
        "requests_per_s": round(len(both) / elapsed, 1),
        "records_created": records,
        "mutations_sent": sum(len(d.sent) for d in devices),
        "changes_pulled": sum(d.pulled for d in devices),
        "push": {p: round(percentile(pushes, p), 1) for p in (50, 95, 99)},
        "pull": {p: round(percentile(pulls, p), 1) for p in (50, 95, 99)},
        "all": {p: round(percentile(both, p), 1) for p in (50, 95, 99)},
        "problems": problems,
        "initial": initial,
    }
    ok_load = p95 < P95_BUDGET_MS and not problems
    best_pull = max(initial["pull_500_records_per_s"], initial["pull_2000_records_per_s"])
    table = f"""
| what | measured | budget | |
|---|---|---|---|
| {DEVICES} devices syncing for {elapsed:.0f} s, push + pull p50 / p95 / p99 | {percentile(both, 50):.0f} / {p95:.0f} / {percentile(both, 99):.0f} ms | p95 < 300 ms | {verdict(p95 < P95_BUDGET_MS)} |
| push only, p50 / p95 / p99 ({len(pushes)} batches of 1–7 mutations) | {percentile(pushes, 50):.0f} / {percentile(pushes, 95):.0f} / {percentile(pushes, 99):.0f} ms | | |
| pull only, p50 / p95 / p99 ({len(pulls)} pages) | {percentile(pulls, 50):.0f} / {percentile(pulls, 95):.0f} / {percentile(pulls, 99):.0f} ms | | |
| throughput | {len(both) / elapsed:.0f} requests/s; {records} records created, {results["changes_pulled"]} changes pulled | | |
| lost or duplicated records (checked at the end) | {len(problems)} problem(s) | 0 | {verdict(ok_load)} |
| initial pull of {initial["pull_500_records"]:,} records, pages of 500 | {initial["pull_500_s"]:.1f} s ({initial["pull_500_records_per_s"]:,} records/s) | ≥ 5 000 records/s | {verdict(initial["pull_500_records_per_s"] >= PULL_BUDGET_PER_S)} |
| same, pages of 2 000 | {initial["pull_2000_s"]:.1f} s ({initial["pull_2000_records_per_s"]:,} records/s) | ≥ 5 000 records/s | {verdict(initial["pull_2000_records_per_s"] >= PULL_BUDGET_PER_S)} |
| loading those records: pushes of {BATCH} by {LOADERS} devices at once | {initial["insert_s"]:.0f} s ({initial["insert_records_per_s"]:,} records/s; push p50 / p95 {initial["push_200_p50_ms"]} / {initial["push_200_p95_ms"]} ms) | | |

`mediateur-server serve --workers 2` on 127.0.0.1 with PostgreSQL (fresh database), load
generator on the same 2 cores. Each device syncs in rounds (1–6 new records and an edit, one
push, pulls to the end) with {THINK_S[0]}–{THINK_S[1]} s between rounds; best initial pull
{best_pull:,} records/s.
"""
    publish("server_load", results, table)
    print(table)
    if problems or initial["problems"]:
        print("problems:", problems, initial["problems"])


if __name__ == "__main__":
    main()
