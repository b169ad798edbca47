"""Crash-safe file replacement: write a temporary file, fsync it, rename it over the target, fsync
the directory. On Windows a directory cannot be opened for fsync; NTFS journals the rename itself,
so that last step is skipped there."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from mediateur.failpoints import failpoint


def fsync_directory(directory: Path) -> None:
    if sys.platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restrict_permissions(path: Path) -> None:
    """Owner-only access (0600). On Windows, files under the user's profile are already private
    to that user and `chmod` only toggles read-only, so nothing is done there."""
    if sys.platform != "win32":
        path.chmod(0o600)


def write_atomically(path: Path, data: bytes, *, failpoint_prefix: str = "atomic") -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.write(fd, data)
        failpoint(f"{failpoint_prefix}.written")
        os.fsync(fd)
    finally:
        os.close(fd)
    restrict_permissions(tmp)
    failpoint(f"{failpoint_prefix}.synced")
    replace(tmp, path)
    failpoint(f"{failpoint_prefix}.replaced")
    fsync_directory(path.parent)


def replace(source: Path, target: Path) -> None:
    """`os.replace`, retried on Windows where a reader holding the target open makes it fail
    with PermissionError for a moment (antivirus, indexer)."""
    attempts = 20 if sys.platform == "win32" else 1
    for attempt in range(attempts):
        try:
            source.replace(target)
            return
        except PermissionError:
            if attempt == attempts - 1:
                raise
            time.sleep(0.05 * (attempt + 1))


def remove_if_exists(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()
