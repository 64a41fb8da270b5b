"""The desktop entry and AppStream metainfo agree with the app and with the freedesktop specs."""

from __future__ import annotations

import configparser
import shutil
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import netdesk

REPO_ROOT = Path(__file__).resolve().parents[2]
LINUX = REPO_ROOT / "packaging" / "linux"
DESKTOP = LINUX / f"{netdesk.APP_ID}.desktop"
METAINFO = LINUX / f"{netdesk.APP_ID}.metainfo.xml"
ICON = REPO_ROOT / "resources" / "netdesk.svg"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # keys are case-sensitive
    parser.read(DESKTOP, encoding="utf-8")
    return parser["Desktop Entry"]


def _list(value: str) -> list[str]:
    return [item for item in value.split(";") if item]


def test_desktop_file_is_named_after_the_app_id() -> None:
    assert DESKTOP.is_file()
    assert METAINFO.is_file()


def test_desktop_entry_keys() -> None:
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == netdesk.APP_NAME
    assert entry["GenericName"] == "Personal CRM"
    assert entry["Comment"]
    assert entry["Exec"] == "netdesk %F"
    assert entry["Icon"] == netdesk.APP_ID
    assert entry["Terminal"] == "false"
    assert entry["StartupWMClass"] == "netdesk"
    assert _list(entry["Categories"]) == ["Office", "ContactManagement"]
    assert _list(entry["MimeType"]) == ["text/vcard", "text/x-vcard"]
    assert "contacts" in _list(entry["Keywords"])
    # SingleMainWindow (spec 1.5) once the validator knows it; its GNOME forerunner until then.
    assert "true" in (entry.get("SingleMainWindow"), entry.get("X-GNOME-SingleWindow"))


def test_metainfo_matches_the_app() -> None:
    root = ET.parse(METAINFO).getroot()
    assert root.tag == "component"
    assert root.get("type") == "desktop-application"
    assert root.findtext("id") == netdesk.APP_ID
    assert root.findtext("name") == netdesk.APP_NAME
    assert root.findtext("metadata_license") == "CC0-1.0"
    assert root.findtext("project_license") == "MIT"
    launchable = root.find("launchable")
    assert launchable is not None
    assert launchable.get("type") == "desktop-id"
    assert launchable.text == DESKTOP.name
    assert root.findtext("provides/binary") == "netdesk"
    assert root.findtext("provides/mediatype") == "text/vcard"
    assert root.find("content_rating").get("type") == "oars-1.1"
    versions = [r.get("version") for r in root.iterfind("releases/release")]
    assert versions[0] == netdesk.__version__, "newest release first, matching __version__"
    images = [i.text for i in root.iterfind("screenshots/screenshot/image")]
    assert [Path(i).name for i in images] == ["main-window.png", "today-view.png"]
    assert all(s.findtext("caption") for s in root.iterfind("screenshots/screenshot"))


def test_icon_is_a_self_contained_128px_svg() -> None:
    root = ET.parse(ICON).getroot()
    assert root.tag == "{http://www.w3.org/2000/svg}svg"
    assert root.get("viewBox") == "0 0 128 128"
    text = ICON.read_text(encoding="utf-8")
    assert "<text" not in text
    assert "href" not in text, "no external (or embedded) references"


def _run_validator(*command: str) -> subprocess.CompletedProcess[str]:
    if shutil.which(command[0]) is None:
        pytest.skip(f"{command[0]} not installed (Debian: desktop-file-utils / appstream)")
    return subprocess.run(command, capture_output=True, check=False, text=True, timeout=120)


def test_desktop_file_validate() -> None:
    result = _run_validator("desktop-file-validate", str(DESKTOP))
    assert result.returncode == 0, result.stdout + result.stderr
    # Hints and warnings are printed too, and we want none.
    assert result.stdout.strip() == "", result.stdout


def test_appstreamcli_validate() -> None:
    result = _run_validator("appstreamcli", "validate", "--no-net", str(METAINFO))
    assert result.returncode == 0, result.stdout + result.stderr
    warnings = [line for line in result.stdout.splitlines() if line.startswith(("W:", "E:"))]
    assert warnings == []


def test_validate_script() -> None:
    if not (shutil.which("desktop-file-validate") and shutil.which("appstreamcli")):
        pytest.skip("desktop-file-validate / appstreamcli not installed")
    result = subprocess.run(
        ["sh", str(LINUX / "validate.sh")],
        capture_output=True,
        check=False,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
