"""What the reminders already announced, kept in the settings file of the data dir, so a
restart does not announce the same due items again."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QSettings

from netdesk.domain.reminders import ReminderKey, key_text, parse_key

ANNOUNCED_KEY = "reminders/announced"


class ReminderMemory:
    def __init__(self, settings: QSettings) -> None:
        self._settings = settings

    def load(self) -> list[ReminderKey]:
        value = self._settings.value(ANNOUNCED_KEY, [])
        texts = [value] if isinstance(value, str) else list(value or [])
        return [k for k in (parse_key(str(t)) for t in texts) if k is not None]

    def save(self, keys: Iterable[ReminderKey]) -> None:
        self._settings.setValue(ANNOUNCED_KEY, [key_text(k) for k in keys])
        self._settings.sync()
