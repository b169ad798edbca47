"""Scheduled jobs (purge, the daily claim shared by workers), the migrated schema, and the
startup check that refuses a database that is behind."""

from __future__ import annotations

import time
from collections.abc import Callable
from datetime import timedelta

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import insert, select

from mediateur.server import jobs
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.models import audit_log, job_run, login_failure, metadata
from tests.server.helpers import FakeClock, fast_settings


def test_the_migrated_schema_is_the_declared_one(database_url: str) -> None:
    db = Database(database_url)
    with db.read() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), metadata)
    db.dispose()
    assert differences == []


def test_the_app_refuses_to_start_on_a_database_that_is_behind(
    make_app: Callable[[Settings], FastAPI], empty_database_url: str
) -> None:
    app = make_app(fast_settings(empty_database_url))
    with pytest.raises(RuntimeError, match="mediateur-server migrate"), TestClient(app):
        pass


def test_purge_keeps_twelve_months_of_audit_and_drops_stale_login_failures(
    database_url: str, clock: FakeClock
) -> None:
    db = Database(database_url)
    settings = fast_settings(database_url)
    now = clock()
    with db.begin() as conn:
        for age in (timedelta(days=366), timedelta(days=364), timedelta(hours=1)):
            conn.execute(insert(audit_log).values(at=now - age, action="login"))
            conn.execute(
                insert(login_failure).values(at=now - age, account_key="k", address="10.0.0.1")
            )

    results = jobs.run_all(db, settings=settings, now=now)

    assert [(r.name, r.count, r.failed) for r in results] == [
        ("anonymisation", 0, False),
        ("referral_expiry", 0, False),
        ("tombstones", 0, False),
        ("sync_keys", 0, False),
        ("audit_log", 1, False),
        ("login_failures", 2, False),
    ]
    with db.read() as conn:
        assert len(conn.execute(select(audit_log.c.id)).all()) == 2
        assert len(conn.execute(select(login_failure.c.id)).all()) == 1
    db.dispose()


def test_the_daily_run_is_claimed_by_one_worker_once_a_day(
    database_url: str, clock: FakeClock
) -> None:
    settings = fast_settings(database_url)
    first_worker, second_worker = Database(database_url), Database(database_url)

    assert jobs.run_due(first_worker, settings=settings, now=clock()) is not None
    assert jobs.run_due(second_worker, settings=settings, now=clock()) is None
    clock.advance(hours=23)
    assert jobs.run_due(second_worker, settings=settings, now=clock()) is None
    clock.advance(hours=1)
    assert jobs.run_due(second_worker, settings=settings, now=clock()) is not None
    assert jobs.run_due(first_worker, settings=settings, now=clock()) is None
    with first_worker.read() as conn:
        row = conn.execute(select(job_run)).one()
    assert (row.name, row.started_at, row.finished_at) == ("purge", clock(), clock())
    first_worker.dispose()
    second_worker.dispose()


def test_a_failing_job_does_not_stop_the_others(
    database_url: str, clock: FakeClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(*_: object) -> int:
        raise ValueError("donnée personnelle")

    healthy = [(job.name, False) for job in jobs.JOBS]
    monkeypatch.setattr(jobs, "JOBS", (jobs.Job("broken", "cassée", broken), *jobs.JOBS))
    db = Database(database_url)

    results = jobs.run_all(db, settings=fast_settings(database_url), now=clock())

    assert [(r.name, r.failed) for r in results] == [
        ("broken", True),
        *healthy,
    ]
    db.dispose()


def test_serve_workers_run_the_daily_jobs_in_the_background(
    make_app: Callable[[Settings], FastAPI], database_url: str, clock: FakeClock
) -> None:
    app = make_app(fast_settings(database_url, jobs_check_seconds=3600))
    with app.state.database.begin() as conn:
        conn.execute(insert(audit_log).values(at=clock() - timedelta(days=400), action="login"))

    with TestClient(app):
        for _ in range(100):
            with app.state.database.read() as conn:
                if conn.execute(select(job_run.c.finished_at)).scalar_one() is not None:
                    break
            time.sleep(0.05)

    with app.state.database.read() as conn:
        assert conn.execute(select(audit_log.c.id)).first() is None
