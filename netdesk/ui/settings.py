"""Where the window remembers its size, splitters and columns.

The settings live in an ini file inside the data directory rather than in the platform's
registry or ~/.config: everything netdesk writes stays under one directory (see paths.py),
and a test's temporary data dir can never touch the user's real settings.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

SETTINGS_FILENAME = "netdesk-ui.ini"


def open_settings(data_dir: Path) -> QSettings:
    return QSettings(str(Path(data_dir) / SETTINGS_FILENAME), QSettings.Format.IniFormat)


def read_bytes(settings: QSettings, key: str) -> QByteArray | None:
    """A saved QByteArray (geometry, splitter or header state), or None when absent."""
    value = settings.value(key)
    if isinstance(value, QByteArray) and not value.isEmpty():
        return value
    return None


# Choices made in Settings that only the window needs (the store keeps those the CLI shares:
# services/settings.py AppSettings, services/dates.py).
START_IN_TRAY_KEY = "general/startInTray"
LANGUAGE_KEY = "general/language"  # "" follows the system, else "en", "de"


def read_bool(settings: QSettings, key: str, default: bool = False) -> bool:
    value = settings.value(key, default)
    if isinstance(value, str):
        return value.strip().lower() in ("1", "true", "yes", "on")
    return bool(value)


def read_language(settings: QSettings) -> str:
    value = settings.value(LANGUAGE_KEY, "")
    return value if isinstance(value, str) else ""
