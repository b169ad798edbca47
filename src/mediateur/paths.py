"""Where things live on disk: the home, its profiles, and bundled resources.

The home is `MEDIATEUR_HOME`, else the platform's user data directory; it holds
`profiles/<name>/`, one vault each (DESIGN.md §9). `resource_path()` is the one way to find
files under `resources/`, from a source checkout, an installed package or a PyInstaller bundle.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

APP_NAME = "mediateur"
APP_AUTHOR = "CiteEmploiRiveDroite"


def home_dir() -> Path:
    explicit = os.environ.get("MEDIATEUR_HOME")
    if explicit:
        return Path(explicit).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR, roaming=False))


def profiles_dir(home: Path | None = None) -> Path:
    return (home or home_dir()) / "profiles"


def list_profiles(home: Path | None = None) -> list[Path]:
    """Profile directories of the home that hold a vault, sorted by name."""
    root = profiles_dir(home)
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if (p / "vault.json").is_file())


def resources_dir() -> Path:
    bundle_root = getattr(sys, "_MEIPASS", None)
    if bundle_root is not None:
        return Path(bundle_root) / "resources"
    # src/mediateur/paths.py -> repository root / resources
    return Path(__file__).resolve().parents[2] / "resources"


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)
