"""Start at login on Linux and the BSDs: an XDG autostart entry (freedesktop.org Desktop
Application Autostart Specification), as pure functions: where it goes and what it says."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path

_RESERVED = ('\\', '"', "`", "$")


def autostart_dir(env: Mapping[str, str], home: Path) -> Path:
    """``$XDG_CONFIG_HOME/autostart``, or ``~/.config/autostart`` when it is unset or not
    absolute (the spec says to ignore a relative one)."""
    config = env.get("XDG_CONFIG_HOME", "")
    base = Path(config) if config and Path(config).is_absolute() else home / ".config"
    return base / "autostart"


def exec_quote(arg: str) -> str:
    """One argument of a desktop entry's Exec key: quoted when it needs to be, with the
    reserved characters escaped and ``%`` doubled (a field code otherwise)."""
    arg = arg.replace("%", "%%")
    if arg and not any(c in arg for c in ' \t\n"\'\\><~|&;$*?#()`'):
        return arg
    for c in _RESERVED:
        arg = arg.replace(c, "\\" + c)
    return f'"{arg}"'


def autostart_entry(command: Sequence[str], name: str, comment: str) -> str:
    """The text of the autostart ``.desktop`` file that runs ``command`` at login."""
    exec_line = " ".join(exec_quote(a) for a in command)
    return (
        "[Desktop Entry]\n"
        "Type=Application\n"
        f"Name={name}\n"
        f"Comment={comment}\n"
        f"Exec={exec_line}\n"
        "Terminal=false\n"
        "X-GNOME-Autostart-enabled=true\n"
    )


def supports_autostart(platform: str) -> bool:
    """Whether netdesk knows how to start at login on ``platform`` (``sys.platform``)."""
    return platform.startswith(("linux", "freebsd", "openbsd", "netbsd"))
