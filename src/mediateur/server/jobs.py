"""Scheduled jobs (DESIGN.md §5): run by `mediateur-server purge`, and at most daily by `serve`.

Each job is a function `(conn, now, settings) -> count` run in its own transaction, so one failing
job neither undoes nor blocks the others' work on the next run. `JOBS` lists them in the order they
run; the sync issue adds retention anonymisation, referral expiry and the tombstone horizon here.
The daily run is claimed with one conditional UPDATE of the `job_run` row, so among several workers
(or servers) on one database exactly one runs it per day.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Connection, or_, update

from mediateur.server import audit, login_limits
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.models import job_run
from mediateur.server.sync import jobs as sync_jobs

log = logging.getLogger(__name__)

PURGE = "purge"
DAILY = timedelta(days=1)


@dataclass(frozen=True, slots=True)
class Job:
    name: str
    # French, completes "N …" in the CLI's summary.
    label: str
    run: Callable[[Connection, datetime, Settings], int]


@dataclass(frozen=True, slots=True)
class JobResult:
    name: str
    label: str
    count: int
    failed: bool = False


JOBS: tuple[Job, ...] = (
    Job(
        "anonymisation",
        "personne(s) sans contact depuis la durée de conservation anonymisée(s)",
        sync_jobs.anonymise,
    ),
    Job(
        "referral_expiry",
        "orientation(s) sans réponse passée(s) à « expirée »",
        sync_jobs.expire_referrals,
    ),
    Job(
        "tombstones",
        "trace(s) de suppression au-delà de l'horizon purgée(s)",
        sync_jobs.purge_tombstones,
    ),
    Job(
        "sync_keys",
        "clé(s) d'envoi et modification(s) appliquée(s) expirées supprimée(s)",
        sync_jobs.purge_sync_keys,
    ),
    Job(
        "audit_log",
        "entrée(s) du journal d'audit au-delà de la durée de conservation supprimée(s)",
        lambda conn, now, settings: audit.purge(
            conn, now=now, retention_days=settings.audit_retention_days
        ),
    ),
    Job(
        "login_failures",
        "échec(s) de connexion expiré(s) supprimé(s)",
        lambda conn, now, settings: login_limits.purge(conn, now=now, settings=settings),
    ),
)


def run_all(db: Database, *, settings: Settings, now: datetime) -> list[JobResult]:
    """Run every job now (the `purge` command), and record the run."""
    with db.begin() as conn:
        conn.execute(update(job_run).where(job_run.c.name == PURGE).values(started_at=now))
    return _run_jobs(db, settings=settings, now=now)


def run_due(db: Database, *, settings: Settings, now: datetime) -> list[JobResult] | None:
    """Run the jobs if no run started in the last day; None when another run is recent."""
    with db.begin() as conn:
        claimed = conn.execute(
            update(job_run)
            .where(job_run.c.name == PURGE)
            .where(or_(job_run.c.started_at.is_(None), job_run.c.started_at <= now - DAILY))
            .values(started_at=now)
        ).rowcount
    if not claimed:
        return None
    return _run_jobs(db, settings=settings, now=now)


def _run_jobs(db: Database, *, settings: Settings, now: datetime) -> list[JobResult]:
    results = []
    for job in JOBS:
        try:
            with db.begin() as conn:
                count = job.run(conn, now, settings)
        except Exception as exc:
            # The exception text may quote database values: log its type only.
            log.error("job %s failed: %s", job.name, type(exc).__name__)
            results.append(JobResult(job.name, job.label, 0, failed=True))
            continue
        log.info("job %s removed %d rows", job.name, count)
        results.append(JobResult(job.name, job.label, count))
    with db.begin() as conn:
        conn.execute(update(job_run).where(job_run.c.name == PURGE).values(finished_at=now))
    return results
