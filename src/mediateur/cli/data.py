"""Data commands (demo, import, stats, export, rights-export, erase): see the services issue."""

from __future__ import annotations

import argparse
from typing import Any


def register(subparsers: Any, common: argparse.ArgumentParser) -> None:
    """No data command yet."""
