"""Console streams that never fail on a character the console's encoding lacks.

On Windows, output redirected to a file or a pipe is encoded in the ANSI code page (cp1252 in
France), which has no « → » or « ≤ », nor the letters of many names; Python would stop the
command with `UnicodeEncodeError` halfway through its output. There, such a character is
replaced by « ? » instead. The GUI executable has no console at all (`sys.stdout` is None).
"""

from __future__ import annotations

import io
import sys


def protect_console_streams(*, platform: str = sys.platform) -> None:
    if platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(errors="replace")
