"""Is a process still running? Used to release a sync lock left by a crashed app at once.

POSIX asks the kernel with signal 0. Windows has no such signal (`os.kill` there terminates the
process!), so it opens the process and asks whether it has ended (`WaitForSingleObject` with no
wait: an exit code of 259, STILL_ACTIVE, could also be a real exit code). On both, a process we
may not query (another user's) counts as running: a live sync must never be taken over.
"""

from __future__ import annotations

import os
import sys
from typing import Any

_SYNCHRONIZE = 0x00100000
_PROCESS_QUERY_LIMITED_INFORMATION = 0x1000
_WAIT_TIMEOUT = 0x102
_ERROR_ACCESS_DENIED = 5


def process_alive(pid: int, *, platform: str = sys.platform, kernel32: Any = None) -> bool:
    """`kernel32` stands in for the Windows library in tests; it is loaded when not given."""
    if pid <= 0:
        return False
    if platform == "win32":
        return _windows_process_alive(pid, kernel32 or _Kernel32())
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # it exists, owned by someone else
    return True


def _windows_process_alive(pid: int, kernel32: Any) -> bool:
    handle = kernel32.OpenProcess(_SYNCHRONIZE | _PROCESS_QUERY_LIMITED_INFORMATION, False, pid)
    if not handle:
        return bool(kernel32.get_last_error() == _ERROR_ACCESS_DENIED)
    try:
        return bool(kernel32.WaitForSingleObject(handle, 0) == _WAIT_TIMEOUT)
    finally:
        kernel32.CloseHandle(handle)


class _Kernel32:
    """The three kernel32 calls, typed (a HANDLE is pointer-sized), and the thread's last error."""

    def __init__(self) -> None:
        import ctypes
        from ctypes import wintypes

        library = ctypes.WinDLL("kernel32", use_last_error=True)  # type: ignore[attr-defined,unused-ignore]
        self.OpenProcess = library.OpenProcess
        self.OpenProcess.argtypes = (wintypes.DWORD, wintypes.BOOL, wintypes.DWORD)
        self.OpenProcess.restype = wintypes.HANDLE
        self.WaitForSingleObject = library.WaitForSingleObject
        self.WaitForSingleObject.argtypes = (wintypes.HANDLE, wintypes.DWORD)
        self.WaitForSingleObject.restype = wintypes.DWORD
        self.CloseHandle = library.CloseHandle
        self.CloseHandle.argtypes = (wintypes.HANDLE,)
        self.CloseHandle.restype = wintypes.BOOL
        self.get_last_error = ctypes.get_last_error  # type: ignore[attr-defined,unused-ignore]
