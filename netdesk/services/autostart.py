"""Start netdesk at login: writes or removes the user's XDG autostart entry (Linux, BSD).
Other systems are reported as not supported yet; the entry file itself is the setting."""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

from netdesk import APP_ID, APP_NAME
from netdesk.domain.autostart import autostart_dir, autostart_entry, supports_autostart
from netdesk.services.errors import ServiceError
from netdesk.store.safe_files import atomic_text_writer


def default_command(data_dir: Path) -> list[str]:
    """How this netdesk is started again, over the same data dir (a PyInstaller build is
    its own executable)."""
    start = [sys.executable] if getattr(sys, "frozen", False) else [sys.executable, "-m",
                                                                    "netdesk"]
    return [*start, "--data-dir", str(data_dir)]


class AutostartService:
    def __init__(self, command: Sequence[str], platform: str = sys.platform,
                 env: Mapping[str, str] | None = None, home: Path | None = None) -> None:
        self.command = list(command)
        self.supported = supports_autostart(platform)
        env = os.environ if env is None else env
        self.path = autostart_dir(env, home or Path.home()) / f"{APP_ID}.desktop"

    def is_enabled(self) -> bool:
        return self.supported and self.path.is_file()

    def set_enabled(self, enabled: bool) -> None:
        """Write (or remove) the autostart entry; ServiceError with a sentence on failure."""
        if not self.supported:
            raise ServiceError("Starting at login is not supported on this system yet.")
        try:
            if enabled:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                text = autostart_entry(self.command, APP_NAME,
                                       "Reminders and follow-ups from netdesk")
                with atomic_text_writer(self.path) as out:
                    out.write(text)
            else:
                self.path.unlink(missing_ok=True)
        except OSError as exc:
            raise ServiceError(
                f"could not change {self.path}: {exc.strerror or exc}") from exc
