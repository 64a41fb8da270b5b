"""Small user choices: ``settings.json`` in the data directory, and the store's
``app_settings`` table for choices the CLI shares with the window.

``settings.json``: which contact is "my card" and the CSV column mappings the user chose per
header row (written atomically, private to the user). ``app_settings`` (``AppSettings``):
the default region of phone numbers (duplicates, the editor's "already has this phone").
Where each setting lives is listed in docs/ARCHITECTURE.md ("Settings").
"""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Mapping, Sequence
from pathlib import Path

from netdesk.services.errors import ServiceError, ValidationError, storage_errors
from netdesk.store import dates as settings_store
from netdesk.store.db import Database

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


PHONE_REGION_KEY = "phones.default_region"


class AppSettings:
    """Choices kept in the store (shared by the window and the CLI)."""

    def __init__(self, database: Database) -> None:
        self.db = database

    def _get(self, key: str) -> str | None:
        con = self.db.connect_raw()
        try:
            with storage_errors():
                return settings_store.get_setting(con, key)
        finally:
            con.close()

    def _set(self, key: str, value: str | None) -> None:
        con = self.db.connect_raw()
        try:
            with storage_errors():
                settings_store.set_setting(con, key, value)
                con.commit()
        finally:
            con.close()

    def phone_region(self) -> str | None:
        """The chosen region of national phone numbers ("DE"), None: automatic."""
        return self._get(PHONE_REGION_KEY) or None

    def automatic_phone_region(self) -> str:
        """The region without a choice: $NETDESK_PHONE_REGION or the locale's ("" none)."""
        from netdesk.dedupe.phones import default_region

        return default_region()

    def effective_phone_region(self) -> str:
        """The chosen region, else the automatic one."""
        return self.phone_region() or self.automatic_phone_region()

    def known_regions(self) -> list[str]:
        """The country codes phone numbers can be read for ("DE", "US", …), sorted."""
        import phonenumbers

        return sorted(phonenumbers.SUPPORTED_REGIONS)

    def set_phone_region(self, region: str | None) -> None:
        import phonenumbers

        region = (region or "").strip().upper() or None
        if region is not None and region not in phonenumbers.SUPPORTED_REGIONS:
            raise ValidationError(f"{region!r} is not a country code such as DE or US",
                                  "region")
        self._set(PHONE_REGION_KEY, region)
