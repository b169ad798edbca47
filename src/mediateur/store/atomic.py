"""Crash-safe file replacement: write a temporary file, fsync it, rename it over the target, fsync
the directory.

Windows differs in four places, each behind a `platform` parameter so that tests can take that
branch anywhere: a directory cannot be opened for fsync (NTFS journals the rename itself, so the
step is skipped); `chmod` only toggles read-only (files under the user's profile are private to
that user already); a low-level write is in text mode unless `O_BINARY` asks otherwise (it would
turn every LF into CRLF); and a rename over a file that another process holds open (antivirus,
indexer) fails for a moment with PermissionError, so it is retried."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from pathlib import Path

from mediateur.failpoints import failpoint

WINDOWS_REPLACE_ATTEMPTS = 20


def fsync_directory(directory: Path, *, platform: str = sys.platform) -> None:
    if platform == "win32":
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def restrict_permissions(path: Path, *, platform: str = sys.platform) -> None:
    """Owner-only access (0600); nothing to do on Windows."""
    if platform != "win32":
        path.chmod(0o600)


def write_flags(*, platform: str = sys.platform) -> int:
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC
    if platform == "win32":
        flags |= os.O_BINARY  # type: ignore[attr-defined,unused-ignore]
    return flags


def write_atomically(
    path: Path, data: bytes, *, failpoint_prefix: str = "atomic", platform: str = sys.platform
) -> None:
    tmp = path.with_name(path.name + ".tmp")
    fd = os.open(tmp, write_flags(platform=platform), 0o600)
    try:
        os.write(fd, data)
        failpoint(f"{failpoint_prefix}.written")
        os.fsync(fd)
    finally:
        os.close(fd)
    restrict_permissions(tmp, platform=platform)
    failpoint(f"{failpoint_prefix}.synced")
    replace(tmp, path, platform=platform)
    failpoint(f"{failpoint_prefix}.replaced")
    fsync_directory(path.parent, platform=platform)


def replace(source: Path, target: Path, *, platform: str = sys.platform) -> None:
    """`os.replace`, retried on Windows (about 10 s in all) while another process holds the
    target open."""
    attempts = WINDOWS_REPLACE_ATTEMPTS if platform == "win32" else 1
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
