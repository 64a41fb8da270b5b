"""Small user choices kept in ``settings.json`` in the data directory.

Which contact is "my card" and the CSV column mappings the user chose per header row: a
few values that need no table (and no migration). Written atomically, private to the user.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from netdesk.services.errors import ServiceError

SETTINGS_FILE = "settings.json"


class SettingsFile:
    def __init__(self, data_dir: Path) -> None:
        self.path = Path(data_dir) / SETTINGS_FILE

    def load(self) -> dict:
        try:
            value = json.loads(self.path.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return {}
        except (OSError, ValueError) as exc:
            raise ServiceError(f"cannot read {self.path}: {exc}") from exc
        return value if isinstance(value, dict) else {}

    def get(self, key: str, default=None):
        return self.load().get(key, default)

    def set(self, key: str, value) -> None:
        settings = self.load()
        settings[key] = value
        tmp = self.path.with_name(self.path.name + ".tmp")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
            fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(json.dumps(settings, indent=2, ensure_ascii=False) + "\n")
            os.replace(tmp, self.path)
        except OSError as exc:
            raise ServiceError(f"cannot write {self.path}: {exc.strerror or exc}") from exc


def header_key(headers: Sequence[str]) -> str:
    """One key per header row (case and spacing ignored), for remembered CSV mappings."""
    joined = "\x1f".join(" ".join(h.split()).lower() for h in headers)
    return hashlib.sha1(joined.encode("utf-8")).hexdigest()[:20]


class CsvMappings:
    """The column overrides the user chose for a header row, offered again next time."""

    KEY = "csv_mappings"

    def __init__(self, data_dir: Path) -> None:
        self.settings = SettingsFile(data_dir)

    def get(self, headers: Sequence[str]) -> dict[str, str]:
        found = self.settings.get(self.KEY, {}).get(header_key(headers), {})
        return {str(k): str(v) for k, v in found.items()} if isinstance(found, dict) else {}

    def remember(self, headers: Sequence[str], overrides: Mapping[str, str]) -> None:
        stored = self.settings.get(self.KEY, {})
        stored = stored if isinstance(stored, dict) else {}
        stored[header_key(headers)] = dict(overrides)
        self.settings.set(self.KEY, stored)
