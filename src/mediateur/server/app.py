"""The application factory: `create_app(settings)` builds one FastAPI app on one database.

Everything a request needs hangs off `app.state` (`settings`, `database`, `passwords`, `clock`) and
is reached through the dependencies of `api/deps.py`, so tests build as many apps as they like (two
apps on one database stand for two workers). `serve` runs `app_from_environment` in each uvicorn
worker. At startup the app refuses a database that is not migrated, then (unless
`jobs_check_seconds` is 0) looks every so often for the daily jobs, which one worker claims.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Callable
from datetime import datetime
from typing import Any

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.middleware.gzip import GZipMiddleware

from mediateur.domain.values import now_utc
from mediateur.server import SERVER_VERSION, jobs, migrations
from mediateur.server.api import build_router, problems
from mediateur.server.api.middleware import ProblemGuardMiddleware, RequestBodyMiddleware
from mediateur.server.core.config import Settings
from mediateur.server.core.db import Database
from mediateur.server.core.security import Passwords
from mediateur.sync.protocol import API_PREFIX

log = logging.getLogger(__name__)


def create_app(settings: Settings, *, clock: Callable[[], datetime] = now_utc) -> FastAPI:
    app = FastAPI(
        title="mediateur — serveur de synchronisation",
        version=SERVER_VERSION,
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=None,
        redoc_url=None,
        lifespan=_lifespan,
    )
    app.state.settings = settings
    app.state.database = Database(
        settings.database_url, statement_timeout_ms=settings.statement_timeout_ms
    )
    app.state.passwords = Passwords(settings)
    app.state.clock = clock
    problems.install(app)
    app.include_router(build_router())
    _document_problems(app)
    # Added innermost first: the guard wraps everything, bodies are read before routing.
    app.add_middleware(
        RequestBodyMiddleware,
        max_bytes=settings.max_body_bytes,
        timeout_seconds=settings.body_timeout_seconds,
    )
    # Level 6 compresses JSON almost as well as the default 9 at a fraction of the CPU (pull
    # pages are hundreds of kilobytes).
    app.add_middleware(GZipMiddleware, minimum_size=settings.gzip_min_bytes, compresslevel=6)
    app.add_middleware(ProblemGuardMiddleware)
    return app


def app_from_environment() -> FastAPI:
    """The app of a `serve` worker, configured by the `MEDIATEUR_*` environment variables."""
    return create_app(Settings.from_env())


def _document_problems(app: FastAPI) -> None:
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = problems.use_problem_media_type(build())
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


@contextlib.asynccontextmanager
async def _lifespan(app: FastAPI) -> AsyncIterator[None]:
    database: Database = app.state.database
    settings: Settings = app.state.settings
    if not await run_in_threadpool(migrations.is_current, database):
        raise RuntimeError(
            "la base du serveur n'est pas à jour : lancez « mediateur-server migrate »."
        )
    task = None
    if settings.jobs_check_seconds > 0:
        task = asyncio.create_task(_run_jobs_periodically(app))
    try:
        yield
    finally:
        if task is not None:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
        database.dispose()


async def _run_jobs_periodically(app: FastAPI) -> None:
    database: Database = app.state.database
    settings: Settings = app.state.settings
    while True:
        try:
            await run_in_threadpool(
                jobs.run_due, database, settings=settings, now=app.state.clock()
            )
        except Exception as exc:
            log.error("scheduled jobs failed: %s", type(exc).__name__)
        await asyncio.sleep(settings.jobs_check_seconds)
