"""Password hashes and session tokens.

Passwords are hashed with Argon2id through argon2-cffi (cost from the settings; hashes made with
another cost are upgraded at the next successful login). Tokens are 32 random bytes given to the
client once; the database keeps only their SHA-256, so a copy of the database opens no session.
"""

from __future__ import annotations

import hashlib
import secrets

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from mediateur.server.core.config import Settings

TOKEN_BYTES = 32
MIN_PASSWORD_LENGTH = 12
MAX_PASSWORD_LENGTH = 1024


class Passwords:
    def __init__(self, settings: Settings) -> None:
        self._hasher = PasswordHasher(
            time_cost=settings.argon2_time_cost,
            memory_cost=settings.argon2_memory_kib,
            parallelism=settings.argon2_parallelism,
        )
        self._dummy_hash: str | None = None

    def hash(self, password: str) -> str:
        return self._hasher.hash(password)

    def verify(self, stored_hash: str | None, password: str) -> bool:
        """Whether `password` matches; an unknown account (`None`) costs the same time."""
        if stored_hash is None:
            if self._dummy_hash is None:
                self._dummy_hash = self._hasher.hash(secrets.token_urlsafe(16))
            stored_hash = self._dummy_hash
            password = ""
        try:
            return self._hasher.verify(stored_hash, password)
        except (VerificationError, InvalidHashError):
            return False

    def needs_rehash(self, stored_hash: str) -> bool:
        return self._hasher.check_needs_rehash(stored_hash)


def password_problem(password: str) -> str | None:
    """Why `password` cannot be set (a French sentence), or None when it is acceptable."""
    if len(password) < MIN_PASSWORD_LENGTH:
        return f"le mot de passe doit compter au moins {MIN_PASSWORD_LENGTH} caractères."
    if len(password) > MAX_PASSWORD_LENGTH:
        return f"le mot de passe ne doit pas dépasser {MAX_PASSWORD_LENGTH} caractères."
    if password.strip() != password:
        return "le mot de passe ne doit ni commencer ni finir par un espace."
    return None


def new_token() -> str:
    return secrets.token_urlsafe(TOKEN_BYTES)


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
