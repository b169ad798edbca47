"""Where the core does something POSIX-only, the Windows branch, taken here by simulating the
platform (`platform="win32"`) and standing in for the Win32 calls; and paths as Windows user
names make them (accents, spaces, apostrophes, "%"), for real on this machine."""

from __future__ import annotations

import io
import os
import stat
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from mediateur.cli.console import protect_console_streams
from mediateur.domain.values import now_utc
from mediateur.paths import resource_path
from mediateur.store import atomic
from mediateur.store.schema import contact
from mediateur.store.vault import Vault
from mediateur.sync.processes import process_alive

WINDOWS = "win32"
POSIX = "linux"
O_BINARY = 0x8000  # its value in the Windows C runtime


# Directory fsync


def test_a_directory_is_never_opened_for_fsync_on_windows(tmp_path: Path) -> None:
    missing = tmp_path / "absent"
    atomic.fsync_directory(missing, platform=WINDOWS)  # would fail if it tried to open it
    with pytest.raises(FileNotFoundError):
        atomic.fsync_directory(missing, platform=POSIX)


# Permissions


def test_permissions_are_restricted_on_posix_and_left_alone_on_windows(tmp_path: Path) -> None:
    on_windows, on_posix = tmp_path / "windows.json", tmp_path / "posix.json"
    for path in (on_windows, on_posix):
        path.write_bytes(b"{}")
        path.chmod(0o644)
    atomic.restrict_permissions(on_windows, platform=WINDOWS)
    atomic.restrict_permissions(on_posix, platform=POSIX)
    assert stat.S_IMODE(on_windows.stat().st_mode) == 0o644
    assert stat.S_IMODE(on_posix.stat().st_mode) == 0o600


# Binary writes


def test_low_level_writes_ask_for_binary_mode_on_windows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(os, "O_BINARY", O_BINARY, raising=False)
    assert atomic.write_flags(platform=WINDOWS) & O_BINARY
    assert not atomic.write_flags(platform=POSIX) & O_BINARY
    assert atomic.write_flags(platform=WINDOWS) & ~O_BINARY == atomic.write_flags(platform=POSIX)


def test_an_atomic_write_through_the_windows_branch_keeps_the_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "O_BINARY", 0, raising=False)  # no such mode on this kernel
    target = tmp_path / "vault.json"
    target.write_bytes(b"old")
    target.chmod(0o644)
    data = b'{\n  "slots": []\n}\n\x1a\r\n'
    atomic.write_atomically(target, data, platform=WINDOWS)
    assert target.read_bytes() == data
    assert not (tmp_path / "vault.json.tmp").exists()


# Replacing a file another process holds open


class FlakyReplace:
    """`os.replace` as Windows behaves while an antivirus holds the target open: refused
    `failures` times, then done."""

    def __init__(self, failures: int) -> None:
        self.failures = failures
        self.calls = 0
        self._replace = os.replace

    def __call__(self, source: Any, target: Any) -> None:
        self.calls += 1
        if self.calls <= self.failures:
            raise PermissionError(13, "Accès refusé", str(target))
        self._replace(source, target)


@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    source, target = tmp_path / "new", tmp_path / "current"
    source.write_bytes(b"new")
    target.write_bytes(b"current")
    return source, target


def test_replace_is_retried_on_windows_while_the_target_is_held(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = files
    flaky = FlakyReplace(failures=2)
    monkeypatch.setattr(os, "replace", flaky)
    atomic.replace(source, target, platform=WINDOWS)
    assert flaky.calls == 3
    assert target.read_bytes() == b"new"
    assert not source.exists()


def test_replace_gives_up_on_windows_after_its_attempts(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = files
    flaky = FlakyReplace(failures=100)
    monkeypatch.setattr(os, "replace", flaky)
    monkeypatch.setattr(atomic, "WINDOWS_REPLACE_ATTEMPTS", 3)
    with pytest.raises(PermissionError):
        atomic.replace(source, target, platform=WINDOWS)
    assert flaky.calls == 3
    assert target.read_bytes() == b"current"


def test_replace_is_not_retried_on_posix(
    files: tuple[Path, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    source, target = files
    flaky = FlakyReplace(failures=1)
    monkeypatch.setattr(os, "replace", flaky)
    with pytest.raises(PermissionError):
        atomic.replace(source, target, platform=POSIX)
    assert flaky.calls == 1


# Is the process that holds the sync lock alive?


class FakeKernel32:
    """Stands in for kernel32: a table of processes, and the handles it gave out."""

    WAIT_OBJECT_0 = 0
    WAIT_TIMEOUT = 0x102
    ERROR_ACCESS_DENIED = 5
    ERROR_INVALID_PARAMETER = 87

    def __init__(self, processes: dict[int, str]) -> None:
        self.processes = processes  # pid -> "running" | "ended" | "protected"
        self.open_handles: set[int] = set()
        self.access: list[int] = []
        self._last_error = 0

    def OpenProcess(self, access: int, inherit: bool, pid: int) -> int:
        self.access.append(access)
        state = self.processes.get(pid)
        if state is None:
            self._last_error = self.ERROR_INVALID_PARAMETER
            return 0
        if state == "protected":
            self._last_error = self.ERROR_ACCESS_DENIED
            return 0
        handle = 1000 + pid
        self.open_handles.add(handle)
        return handle

    def WaitForSingleObject(self, handle: int, milliseconds: int) -> int:
        assert milliseconds == 0, "never block the sync thread"
        pid = handle - 1000
        return self.WAIT_TIMEOUT if self.processes[pid] == "running" else self.WAIT_OBJECT_0

    def CloseHandle(self, handle: int) -> int:
        self.open_handles.remove(handle)
        return 1

    def get_last_error(self) -> int:
        return self._last_error


@pytest.mark.parametrize(
    ("pid", "alive"),
    [(41, True), (42, False), (43, True), (44, False)],
    ids=["running", "ended", "another-users", "no-such-process"],
)
def test_windows_liveness_opens_the_process_and_waits_zero_ms(pid: int, alive: bool) -> None:
    kernel32 = FakeKernel32({41: "running", 42: "ended", 43: "protected"})
    assert process_alive(pid, platform=WINDOWS, kernel32=kernel32) is alive
    synchronize, query_limited = 0x00100000, 0x1000
    assert kernel32.access == [synchronize | query_limited]
    assert kernel32.open_handles == set(), "every handle is closed"


def test_windows_liveness_never_asks_for_pid_zero() -> None:
    kernel32 = FakeKernel32({})
    assert not process_alive(0, platform=WINDOWS, kernel32=kernel32)
    assert kernel32.access == []


def test_posix_liveness_of_this_process_and_of_a_finished_child() -> None:
    assert process_alive(os.getpid(), platform=POSIX)
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert not process_alive(child.pid, platform=POSIX)


# Console output redirected to a file in the ANSI code page


def test_console_streams_replace_what_cp1252_lacks_on_windows(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for platform, expected in ((WINDOWS, "a ? b é\n".encode("cp1252")), (POSIX, None)):
        raw = io.BytesIO()
        stream = io.TextIOWrapper(raw, encoding="cp1252")
        monkeypatch.setattr(sys, "stdout", stream)
        protect_console_streams(platform=platform)
        if expected is None:
            with pytest.raises(UnicodeEncodeError):
                print("a → b é", file=stream)
            continue
        print("a → b é", file=stream)
        stream.flush()
        assert raw.getvalue() == expected


def test_console_streams_of_a_gui_executable_are_none(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    protect_console_streams(platform=WINDOWS)


# Paths as Windows user names make them


def test_a_vault_lives_in_a_folder_named_as_windows_users_are(tmp_path: Path) -> None:
    home = tmp_path / "Users" / "José D'Almeida 100%41 #2" / "AppData" / "Local"
    profile = home / "CiteEmploiRiveDroite" / "mediateur" / "profiles" / "Hélène Müller"
    vault, _code = Vault.create(profile, "une phrase de passe assez longue")
    try:
        with vault.unit_of_work() as uow:
            record = uow.create(
                "contact", {"occurred_at": now_utc(), "channel": "autre", "outcome": "information"}
            )
    finally:
        vault.lock()
    assert sorted(p.name for p in profile.iterdir() if p.name.startswith("mediateur.db")) == [
        "mediateur.db"
    ], "the database is where the profile is, whatever the characters of the path"
    assert not (tmp_path / "Users" / "José D'Almeida 100A #2").exists()
    reopened = Vault.unlock(profile, "une phrase de passe assez longue")
    try:
        with reopened.session() as session:
            assert session.scalar(select(contact.c.id)) == record
    finally:
        reopened.lock()


def test_resources_are_found_under_the_bundle_root(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "Programs" / "mediateur" / "_internal"
    monkeypatch.setattr(sys, "_MEIPASS", str(bundle), raising=False)
    assert resource_path("fonts", "DejaVuSans-Bold.ttf") == (
        bundle / "resources" / "fonts" / "DejaVuSans-Bold.ttf"
    )
