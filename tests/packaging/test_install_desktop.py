"""install-desktop.sh puts the desktop integration where menus and software centres look."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

import netdesk

REPO_ROOT = Path(__file__).resolve().parents[2]
SCRIPT = REPO_ROOT / "packaging" / "linux" / "install-desktop.sh"

pytestmark = pytest.mark.skipif(
    os.name != "posix" or shutil.which("sh") is None, reason="POSIX shell script"
)


def _run(env_overrides: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in {"XDG_DATA_HOME", "PREFIX", "DESTDIR"}}
    env.update(env_overrides)
    return subprocess.run(
        ["sh", str(SCRIPT), *args],
        capture_output=True,
        check=False,
        text=True,
        env=env,
        timeout=120,
    )


def _expected(data_dir: Path) -> dict[str, Path]:
    app_id = netdesk.APP_ID
    return {
        "desktop": data_dir / "applications" / f"{app_id}.desktop",
        "metainfo": data_dir / "metainfo" / f"{app_id}.metainfo.xml",
        "icon": data_dir / "icons" / "hicolor" / "scalable" / "apps" / f"{app_id}.svg",
    }


def test_installs_into_xdg_data_home(tmp_path: Path) -> None:
    data = tmp_path / "xdg-data"
    result = _run({"XDG_DATA_HOME": str(data), "HOME": str(tmp_path / "home")})
    assert result.returncode == 0, result.stderr
    files = _expected(data)
    for path in files.values():
        assert path.is_file(), path
    assert (
        files["desktop"].read_bytes()
        == (REPO_ROOT / "packaging" / "linux" / files["desktop"].name).read_bytes()
    )
    assert files["icon"].read_bytes() == (REPO_ROOT / "resources" / "netdesk.svg").read_bytes()
    assert not (tmp_path / "home").exists(), "nothing goes outside XDG_DATA_HOME"


def test_defaults_to_home_local_share(tmp_path: Path) -> None:
    result = _run({"HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    for path in _expected(tmp_path / ".local" / "share").values():
        assert path.is_file(), path


def test_prefix_and_destdir_for_staged_installs(tmp_path: Path) -> None:
    stage = tmp_path / "stage"
    result = _run({"PREFIX": "/usr/local", "DESTDIR": str(stage), "HOME": str(tmp_path / "h")})
    assert result.returncode == 0, result.stderr
    files = _expected(stage / "usr" / "local" / "share")
    for path in files.values():
        assert path.is_file(), path
    # Caches are the package manager's business in a staged install.
    assert not (files["desktop"].parent / "mimeinfo.cache").exists()
    assert not (files["icon"].parents[2] / "icon-theme.cache").exists()


def test_exec_override_and_uninstall(tmp_path: Path) -> None:
    data = tmp_path / "data"
    env = {"XDG_DATA_HOME": str(data), "NETDESK_EXEC": "/opt/my venv/bin/netdesk"}
    assert _run(env).returncode == 0
    files = _expected(data)
    assert 'Exec="/opt/my venv/bin/netdesk" %F' in files["desktop"].read_text(encoding="utf-8")
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(
            ["desktop-file-validate", str(files["desktop"])],
            capture_output=True,
            check=False,
            text=True,
            timeout=60,
        )
        assert check.returncode == 0, check.stdout

    result = _run({"XDG_DATA_HOME": str(data)}, "--uninstall")
    assert result.returncode == 0, result.stderr
    for path in files.values():
        assert not path.exists(), path


def test_rejects_unknown_arguments(tmp_path: Path) -> None:
    result = _run({"XDG_DATA_HOME": str(tmp_path)}, "--bogus")
    assert result.returncode == 2
    assert "usage" in result.stderr
