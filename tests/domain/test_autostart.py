"""Start at login: where the XDG autostart entry goes and what it says."""

from __future__ import annotations

from pathlib import Path

from netdesk.domain.autostart import (
    autostart_dir,
    autostart_entry,
    exec_quote,
    supports_autostart,
)


def test_autostart_dir_follows_xdg_config_home() -> None:
    home = Path("/home/ada")
    assert autostart_dir({}, home) == home / ".config/autostart"
    assert autostart_dir({"XDG_CONFIG_HOME": "/cfg"}, home) == Path("/cfg/autostart")
    # A relative XDG_CONFIG_HOME is invalid by the spec and ignored.
    assert autostart_dir({"XDG_CONFIG_HOME": "cfg"}, home) == home / ".config/autostart"


def test_exec_arguments_are_quoted_and_escaped() -> None:
    assert exec_quote("/usr/bin/python3") == "/usr/bin/python3"
    assert exec_quote("/home/ada/My Data") == '"/home/ada/My Data"'
    assert exec_quote('a"b$c') == '"a\\"b\\$c"'
    assert exec_quote("50%") == "50%%"  # not a field code


def test_entry_runs_the_command() -> None:
    text = autostart_entry(["/usr/bin/python3", "-m", "netdesk", "--data-dir", "/d x"],
                           "netdesk", "Reminders")
    assert text.startswith("[Desktop Entry]\nType=Application\n")
    assert 'Exec=/usr/bin/python3 -m netdesk --data-dir "/d x"\n' in text
    assert "X-GNOME-Autostart-enabled=true" in text


def test_only_freedesktop_systems_are_supported() -> None:
    assert supports_autostart("linux")
    assert supports_autostart("freebsd14")
    assert not supports_autostart("win32")
    assert not supports_autostart("darwin")
