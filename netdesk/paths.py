"""Where netdesk keeps its files. Nothing is written anywhere else.

Order of precedence for the data directory: ``--data-dir``, then ``NETDESK_DATA_DIR``, then
the platform's user data dir (``~/.local/share/netdesk`` on Linux).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from netdesk import APP_NAME

ENV_DATA_DIR = "NETDESK_DATA_DIR"


class PathsError(RuntimeError):
    """No place for netdesk's files can be found; the message says what to do."""


@dataclass(frozen=True)
class AppPaths:
    data_dir: Path
    log_dir: Path


def resolve_paths(data_dir: str | os.PathLike | None = None) -> AppPaths:
    """The data and log directories for this run (not created here)."""
    import platformdirs

    chosen = data_dir or os.environ.get(ENV_DATA_DIR) or None
    if chosen:
        base = Path(chosen).expanduser().resolve()
        # With an explicit data dir everything stays inside it, logs included, so a test or a
        # portable install never writes to the user's real profile.
        return AppPaths(base, base / "logs")
    try:
        found = AppPaths(
            Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)),
            Path(platformdirs.user_log_dir(APP_NAME, appauthor=False)),
        )
    except (KeyError, OSError, RuntimeError):  # no passwd entry, on some platforms
        found = None
    # With HOME unset and no passwd entry, "~" stays "~": the data would land in a folder
    # called "~" wherever netdesk happened to start.
    if found is None or not (found.data_dir.is_absolute() and found.log_dir.is_absolute()):
        raise PathsError(
            "cannot find your home directory (HOME is not set and your user has no passwd "
            f"entry); set HOME, or choose a data directory with --data-dir or {ENV_DATA_DIR}"
        )
    return found
