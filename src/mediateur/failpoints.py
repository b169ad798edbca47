"""Crash injection: `MEDIATEUR_FAILPOINT=name:n` kills the process at the n-th hit of `name`.

Crash tests run the real code in a child process and set the variable; production code calls
`failpoint("store.after_outbox")` at the steps where a crash matters. The exit is abrupt
(`os._exit`, no cleanup, no flush), the closest a Python process gets to a power cut or SIGKILL.
Several points can be armed at once, separated by commas.
"""

from __future__ import annotations

import os

FAILPOINT_EXIT_CODE = 97

_ENV = "MEDIATEUR_FAILPOINT"
_armed: dict[str, int] | None = None
_hits: dict[str, int] = {}


def _parse(spec: str) -> dict[str, int]:
    armed: dict[str, int] = {}
    for item in spec.split(","):
        item = item.strip()
        if not item:
            continue
        name, _, count = item.partition(":")
        armed[name] = int(count) if count else 1
    return armed


def failpoint(name: str) -> None:
    """Exit abruptly if `name` is armed and this is its n-th hit; a no-op otherwise."""
    global _armed
    if _armed is None:
        _armed = _parse(os.environ.get(_ENV, ""))
    if not _armed or name not in _armed:
        return
    _hits[name] = _hits.get(name, 0) + 1
    if _hits[name] == _armed[name]:
        os._exit(FAILPOINT_EXIT_CODE)


def reset() -> None:
    """Re-read the environment (for tests that arm points in-process)."""
    global _armed
    _armed = None
    _hits.clear()
