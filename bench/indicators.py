"""Indicators over 100 000 contacts and 5 000 beneficiaries (budget < 1 s, DESIGN.md §10), and the
import of a 5 000-row cohort file.

The data is bulk-inserted with Core into a real SQLCipher vault (not through 100 000 units of
work, which the store benchmark already measures), spread over two years, all QPV, channels and
outcomes; a tenth of the people have no birth date and count by their age band."""

from __future__ import annotations

import csv
import random
import statistics
import tempfile
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

from sqlalchemy import insert

from bench.common import median_of, publish, verdict
from mediateur.domain.reference import reference_data
from mediateur.reports.indicators import compute_indicators
from mediateur.services.importer import import_sheet
from mediateur.services.spreadsheet import read_sheet
from mediateur.store.schema import beneficiary, contact
from mediateur.store.vault import Vault

CONTACTS = 100_000
BENEFICIARIES = 5_000
IMPORT_ROWS = 5_000
PASSPHRASE = "phrase de passe du banc d'essai"
BUDGET_S = 1.0
START = datetime(2024, 1, 1, 7, tzinfo=UTC)


def _system(rng: random.Random, moment: datetime) -> dict[str, Any]:
    return {
        "id": str(uuid.UUID(int=rng.getrandbits(128))),
        "organisation_id": None,
        "created_at": moment,
        "created_by": None,
        "updated_hlc": f"{int(moment.timestamp() * 1000):013d}-0000-{'0' * 32}",
        "deleted": False,
        "server_seq": 0,
    }


def _fill(vault: Vault, rng: random.Random) -> None:
    ref = reference_data()
    qpv, channels, outcomes = ref["qpv"].slugs, ref["channels"].slugs, ref["outcomes"].slugs
    freins, statuses = ref["freins"].slugs, ref["statuses"].slugs
    contacts = []
    for _ in range(CONTACTS):
        moment = START + timedelta(minutes=rng.randrange(2 * 365 * 24 * 60))
        contacts.append(
            {
                **_system(rng, moment),
                "occurred_at": moment,
                "qpv": rng.choice(qpv),
                "channel": rng.choice(channels),
                "outcome": rng.choice(outcomes),
                "gender": rng.choice(("f", "m", "nr")),
                "age_band": rng.choice(("16_24", "25_44", "45_54")),
                "themes": rng.sample(freins, k=2),
                "statuses": [],
                "anonymous": True,
                "note": "Rencontre au pied de l'immeuble",
            }
        )
    people = []
    for n in range(BENEFICIARIES):
        intake = date(2024, 1, 1) + timedelta(days=rng.randrange(700))
        birth = intake - timedelta(days=rng.randrange(16 * 366, 60 * 365))
        exited = rng.random() < 0.2
        people.append(
            {
                **_system(rng, START),
                "last_name": f"Nom{n}",
                "first_name": "Prénom",
                "birth_date": None if n % 10 == 0 else birth,
                "age_band": rng.choice(("16_24", "25_44")),
                "gender": rng.choice(("f", "m", "x", "nr")),
                "qpv": rng.choice(qpv),
                "statuses": rng.sample(statuses, k=2),
                "barriers": {rng.choice(freins): "fort"},
                "intake_date": intake,
                "status": "sorti" if exited else "actif",
                "exit_date": intake + timedelta(days=90) if exited else None,
                "exit_reason": "emploi_durable" if exited else None,
                "shared_with": [],
            }
        )
    with vault.write_session() as session, session.begin():
        session.execute(insert(contact), contacts)
        session.execute(insert(beneficiary), people)


def _import_file(path: Path, rng: random.Random) -> Path:
    qpv = [i.label for i in reference_data()["qpv"].items if i.extra["rive_droite"]]
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(
            [
                "nom",
                "prenom",
                "date_naissance",
                "genre",
                "telephone",
                "email",
                "code_postal",
                "qpv",
                "statuts",
                "freins",
                "date_entree",
            ]
        )
        for n in range(IMPORT_ROWS):
            writer.writerow(
                [
                    f"Nom{''.join(chr(97 + int(d)) for d in str(n))}",
                    rng.choice(("Inès", "Awa", "Mamadou", "Léa", "Karim")),
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/{rng.randint(1965, 2005)}",
                    rng.choice("FMX"),
                    f"06 {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)}",
                    f"personne{n}@exemple.fr",
                    "33310",
                    rng.choice(qpv),
                    "rsa;inscrit_ft" if n % 5 == 0 else "inscrit_ft",
                    "mobilite:fort;sante:moyen",
                    f"{rng.randint(1, 28):02d}/{rng.randint(1, 12):02d}/2025",
                ]
            )
    return path


def _n(value: int) -> str:
    return f"{value:,}".replace(",", " ")


def main() -> None:
    rng = random.Random(20260316)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        created, _ = Vault.create(root / "stats", PASSPHRASE)
        key = created._dek()
        created.lock()
        filling = Vault.open_with_key(root / "stats", key)
        started = time.perf_counter()
        try:
            _fill(filling, rng)
        finally:
            filling.lock()  # the last connection to close checkpoints the WAL, as in daily use
        fill_s = time.perf_counter() - started
        vault = Vault.open_with_key(root / "stats", key)
        try:

            def stats(**period: date) -> None:
                with vault.session() as session:
                    compute_indicators(session, **period)

            first = median_of(stats, runs=1)
            whole = [median_of(stats, runs=1) for _ in range(5)]
            period = median_of(lambda: stats(date_from=date(2025, 1, 1), date_to=date(2025, 6, 30)))
        finally:
            vault.lock()
        importing, _ = Vault.create(root / "import", PASSPHRASE)
        try:
            path = _import_file(root / "cohorte.csv", rng)
            started = time.perf_counter()
            sheet = read_sheet(path)
            read_s = time.perf_counter() - started
            with importing.unit_of_work() as uow:
                report = import_sheet(uow=uow, sheet=sheet)
            import_s = time.perf_counter() - started
            assert report.imported == IMPORT_ROWS, report
        finally:
            importing.lock()
    median = statistics.median(whole)
    results = {
        "contacts": CONTACTS,
        "beneficiaries": BENEFICIARIES,
        "bulk_fill_s": round(fill_s, 2),
        "stats_first_s": round(first, 3),
        "stats_median_s": round(median, 3),
        "stats_max_s": round(max(whole), 3),
        "stats_half_year_median_s": round(period, 3),
        "import_rows": IMPORT_ROWS,
        "import_read_s": round(read_s, 2),
        "import_total_s": round(import_s, 2),
        "budget_s": BUDGET_S,
    }
    table = f"""
| what | measured | budget | |
|---|---|---|---|
| `stats` over {_n(CONTACTS)} contacts and {_n(BENEFICIARIES)} beneficiaries, median of 5 (max) | {median * 1000:.0f} ms ({max(whole) * 1000:.0f} ms) | < 1 s | {verdict(max(whole) < BUDGET_S)} |
| same, first run after opening the vault | {first * 1000:.0f} ms | < 1 s | {verdict(first < BUDGET_S)} |
| same over a half-year period, median of 5 | {period * 1000:.0f} ms | < 1 s | {verdict(period < BUDGET_S)} |
| import of a {_n(IMPORT_ROWS)}-row CSV (read, validate, duplicates, rows + outbox in one transaction) | {import_s:.2f} s ({_n(round(IMPORT_ROWS / import_s))} rows/s; reading {read_s:.2f} s) | — | |

Data bulk-inserted with Core into a real SQLCipher vault in {fill_s:.1f} s (not timed as a budget).
"""
    publish("indicators", results, table)
    print(table)


if __name__ == "__main__":
    main()
