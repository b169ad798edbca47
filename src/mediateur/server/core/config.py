"""Server settings: declared once with their type, default and environment variable.

`Settings.from_env()` reads `MEDIATEUR_*` variables (the admin CLI sets `MEDIATEUR_DATABASE_URL`
from `--db` before `serve` starts its workers, so every worker reads the same settings). Tests and
benchmarks build `Settings(...)` directly with their own limits and a cheap password hash.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import platformdirs

DATABASE_URL_ENV = "MEDIATEUR_DATABASE_URL"
SQLITE_FILE_NAME = "mediateur-server.db"


class ConfigError(Exception):
    """A setting with a wrong value: the French message names the variable."""


def _env(name: str, minimum: int | float) -> dict[str, object]:
    return {"env": name, "minimum": minimum}


@dataclass(frozen=True, slots=True)
class Settings:
    database_url: str
    # Argon2id cost of stored password hashes (RFC 9106 second recommendation by default).
    argon2_time_cost: int = field(default=3, metadata=_env("MEDIATEUR_ARGON2_TIME_COST", 1))
    argon2_memory_kib: int = field(default=65536, metadata=_env("MEDIATEUR_ARGON2_MEMORY_KIB", 64))
    argon2_parallelism: int = field(default=4, metadata=_env("MEDIATEUR_ARGON2_PARALLELISM", 1))
    # Failed logins tolerated per account and per client address within the window.
    login_failures_per_account: int = field(
        default=10, metadata=_env("MEDIATEUR_LOGIN_FAILURES_PER_ACCOUNT", 1)
    )
    login_failures_per_address: int = field(
        default=50, metadata=_env("MEDIATEUR_LOGIN_FAILURES_PER_ADDRESS", 1)
    )
    login_window_seconds: int = field(
        default=900, metadata=_env("MEDIATEUR_LOGIN_WINDOW_SECONDS", 1)
    )
    # Largest request body accepted, measured after gzip decompression.
    max_body_bytes: int = field(
        default=2 * 1024 * 1024, metadata=_env("MEDIATEUR_MAX_BODY_BYTES", 1024)
    )
    # A client has this long to send its whole request body.
    body_timeout_seconds: float = field(
        default=30.0, metadata=_env("MEDIATEUR_BODY_TIMEOUT_SECONDS", 0.1)
    )
    # PostgreSQL aborts a statement (and the request) running longer than this.
    statement_timeout_ms: int = field(
        default=30_000, metadata=_env("MEDIATEUR_STATEMENT_TIMEOUT_MS", 100)
    )
    # Responses at least this large are gzip-compressed when the client accepts it.
    gzip_min_bytes: int = field(default=1000, metadata=_env("MEDIATEUR_GZIP_MIN_BYTES", 0))
    audit_retention_days: int = field(
        default=365, metadata=_env("MEDIATEUR_AUDIT_RETENTION_DAYS", 1)
    )
    # Retention (DESIGN.md §2, §5): people not seen for this long are anonymised; referrals sent
    # or received with no change for this long expire; tombstones and removes older than the
    # horizon are purged (older cursors then get 410); idempotency keys are kept this long.
    anonymise_after_months: int = field(
        default=24, metadata=_env("MEDIATEUR_ANONYMISE_AFTER_MONTHS", 1)
    )
    referral_expiry_days: int = field(
        default=30, metadata=_env("MEDIATEUR_REFERRAL_EXPIRY_DAYS", 1)
    )
    tombstone_horizon_days: int = field(
        default=180, metadata=_env("MEDIATEUR_TOMBSTONE_HORIZON_DAYS", 30)
    )
    idempotency_key_days: int = field(
        default=14, metadata=_env("MEDIATEUR_IDEMPOTENCY_KEY_DAYS", 7)
    )
    # A push whose worker died (its claim on the idempotency key still "in progress") is taken
    # over by the laptop's retry after this long; until then the retry hears 409 Retry-After.
    push_takeover_seconds: int = field(
        default=60, metadata=_env("MEDIATEUR_PUSH_TAKEOVER_SECONDS", 1)
    )
    # How often each `serve` worker looks for due daily jobs; 0 turns the in-process jobs off.
    jobs_check_seconds: int = field(default=3600, metadata=_env("MEDIATEUR_JOBS_CHECK_SECONDS", 0))

    def __post_init__(self) -> None:
        # Argon2 needs at least 8 KiB of memory per lane.
        if self.argon2_memory_kib < 8 * self.argon2_parallelism:
            raise ConfigError(
                "MEDIATEUR_ARGON2_MEMORY_KIB doit valoir au moins 8 fois "
                "MEDIATEUR_ARGON2_PARALLELISM."
            )

    @classmethod
    def from_env(
        cls, *, database_url: str | None = None, environ: Mapping[str, str] | None = None
    ) -> Settings:
        """Settings from `environ` (default `os.environ`); `database_url` wins over the variable."""
        env = os.environ if environ is None else environ
        url = database_url or env.get(DATABASE_URL_ENV) or default_database_url()
        values: dict[str, object] = {"database_url": normalise_database_url(url)}
        for spec in dataclasses.fields(cls):
            name = spec.metadata.get("env")
            if name is None or name not in env:
                continue
            values[spec.name] = _parse_number(
                name, env[name], float if spec.type == "float" else int, spec.metadata["minimum"]
            )
        return cls(**values)  # type: ignore[arg-type]


def _parse_number(name: str, text: str, kind: type, minimum: int | float) -> int | float:
    try:
        value = kind(text.strip())
    except ValueError:
        expected = "un nombre entier" if kind is int else "un nombre"
        raise ConfigError(f"{name} doit être {expected} (valeur reçue illisible).") from None
    if value < minimum:
        raise ConfigError(f"{name} doit valoir au moins {minimum}.")
    return value  # type: ignore[no-any-return]


def default_database_url() -> str:
    """A SQLite file in the platform's data directory (the embedded default of DESIGN.md §5)."""
    directory = Path(platformdirs.user_data_dir("mediateur-server", appauthor=False))
    return f"sqlite:///{directory / SQLITE_FILE_NAME}"


def normalise_database_url(url: str) -> str:
    """Accept the URLs operators paste (`postgres://`, `postgresql://`); pin the psycopg driver."""
    url = url.strip()
    for prefix in ("postgres://", "postgresql://"):
        if url.startswith(prefix):
            return "postgresql+psycopg://" + url[len(prefix) :]
    if url.startswith(("postgresql+psycopg://", "sqlite:///")):
        return url
    raise ConfigError(
        "adresse de base de données non prise en charge : utilisez "
        "postgresql+psycopg://utilisateur@hôte/base ou sqlite:///chemin/vers/fichier.db."
    )
