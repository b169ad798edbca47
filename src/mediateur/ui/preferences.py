"""Interface preferences, each declared once with its key, type and default, kept in `QSettings`.

Two INI files, both free of personal data: the home's `interface.ini` (last profile used, window
geometry) and each profile's own `interface.ini` beside its vault (idle-lock delay; the Terrain
screen's current event, QPV and channel, as ids and codes only). Business data,
the server address and the sync state live in the vault instead (DESIGN.md §9).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

T = TypeVar("T", int, str, bytes)

FILE_NAME = "interface.ini"


@dataclass(frozen=True)
class Preference(Generic[T]):
    key: str
    default: T
    minimum: int | None = None
    maximum: int | None = None

    def clamp(self, value: T) -> T:
        if isinstance(value, int):
            if self.minimum is not None and value < self.minimum:
                return self.minimum
            if self.maximum is not None and value > self.maximum:
                return self.maximum
        return value


IDLE_LOCK_MINUTES = Preference[int]("security/idle_lock_minutes", 10, minimum=1, maximum=120)
TERRAIN_EVENT = Preference[str]("terrain/event_id", "")
TERRAIN_QPV = Preference[str]("terrain/qpv", "")
TERRAIN_CHANNEL = Preference[str]("terrain/channel", "pied_immeuble")
LAST_PROFILE = Preference[str]("session/last_profile", "")
WINDOW_GEOMETRY = Preference[bytes]("window/geometry", b"")


class PreferenceStore:
    """Typed access to one INI file; a missing or unreadable value reads as the default."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._settings = QSettings(str(path), QSettings.Format.IniFormat)

    def get(self, preference: Preference[T]) -> T:
        raw = self._settings.value(preference.key)
        if raw is None:
            return preference.default
        default = preference.default
        try:
            if isinstance(default, bytes):
                value: object = bytes(raw.data()) if isinstance(raw, QByteArray) else default
            elif isinstance(default, int):
                value = int(raw)
            else:
                value = str(raw)
        except (TypeError, ValueError):
            return default
        return preference.clamp(value)  # type: ignore[arg-type]

    def set(self, preference: Preference[T], value: T) -> None:
        if preference.clamp(value) != value:
            raise ValueError(f"{preference.key}: {value!r} out of range")
        stored: object = QByteArray(value) if isinstance(value, bytes) else value
        self._settings.setValue(preference.key, stored)
        self._settings.sync()


def home_preferences(home: Path) -> PreferenceStore:
    home.mkdir(parents=True, exist_ok=True)
    return PreferenceStore(home / FILE_NAME)


def profile_preferences(profile_dir: Path) -> PreferenceStore:
    return PreferenceStore(profile_dir / FILE_NAME)
