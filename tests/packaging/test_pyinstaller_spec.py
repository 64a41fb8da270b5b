"""Static checks of packaging/pyinstaller/netdesk.spec, without PyInstaller or a build.

The spec is executed with stand-ins for PyInstaller's helpers and build steps, and what it
would pass to ``Analysis`` is checked: the files netdesk opens at run time (Alembic's
migration scripts as source, the app icon) are bundled where the code looks for them, and no
Qt module netdesk imports is excluded. The real build is checked by smoke.sh.
"""

from __future__ import annotations

import re
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SPEC = ROOT / "packaging" / "pyinstaller" / "netdesk.spec"


class _Step:
    """Records the arguments of Analysis/PYZ/EXE/COLLECT."""

    def __init__(self, *args, **kwargs) -> None:
        self.args, self.kwargs = args, kwargs
        self.pure, self.scripts, self.binaries, self.datas = [], [], [], []


@pytest.fixture
def spec(monkeypatch: pytest.MonkeyPatch) -> dict:
    hooks = types.ModuleType("PyInstaller.utils.hooks")
    hooks.collect_data_files = lambda package, **_kw: [(f"/site/{package}/zone", package)]
    hooks.collect_submodules = lambda package, filter=None: [  # noqa: A002 - PyInstaller's name
        name
        for name in (package, f"{package}.__main__", f"{package}.store.migrations.env")
        if filter is None or filter(name)
    ]
    utils = types.ModuleType("PyInstaller.utils")
    utils.hooks = hooks
    package = types.ModuleType("PyInstaller")
    package.utils = utils
    monkeypatch.setitem(sys.modules, "PyInstaller", package)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils", utils)
    monkeypatch.setitem(sys.modules, "PyInstaller.utils.hooks", hooks)
    namespace = {
        "__file__": str(SPEC),
        "__name__": "__main__",
        "SPECPATH": str(SPEC.parent),
        "Analysis": _Step,
        "PYZ": _Step,
        "EXE": _Step,
        "COLLECT": _Step,
    }
    exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), namespace)
    return namespace


def _bundled(spec: dict) -> dict[str, Path]:
    """Destination path inside the bundle -> source file."""
    return {f"{dest}/{Path(src).name}": Path(src) for src, dest in spec["a"].kwargs["datas"]}


def test_migration_scripts_are_bundled_as_source_next_to_db_py(spec: dict) -> None:
    bundled = _bundled(spec)
    versions = sorted((ROOT / "netdesk/store/migrations/versions").glob("[0-9]*.py"))
    assert versions
    for path in [ROOT / "netdesk/store/migrations/env.py", *versions]:
        dest = path.relative_to(ROOT).as_posix()
        assert dest in bundled, dest
        assert bundled[dest] == path
    assert not any("__pycache__" in dest or dest.endswith(".pyc") for dest in bundled)


def test_app_icon_is_bundled_where_icons_py_looks(spec: dict) -> None:
    # netdesk.ui.icons tries <package>/resources, then <package>/../resources; frozen, the
    # package folder is <bundle>/netdesk, so <bundle>/resources is the second place.
    assert _bundled(spec)["resources/netdesk.svg"] == ROOT / "resources" / "netdesk.svg"


def test_hidden_imports_cover_what_alembic_loads_by_name(spec: dict) -> None:
    hidden = spec["a"].kwargs["hiddenimports"]
    for name in ("alembic", "sqlalchemy.dialects.sqlite", "logging.config", "netdesk"):
        assert name in hidden
    assert "netdesk.__main__" not in hidden
    assert not any(name.startswith("netdesk.store.migrations") for name in hidden)


def test_no_qt_module_that_netdesk_imports_is_excluded(spec: dict) -> None:
    used = set()
    for path in (ROOT / "netdesk").rglob("*.py"):
        used |= set(re.findall(r"\bPySide6\.(Qt\w+)", path.read_text(encoding="utf-8")))
    assert {"QtCore", "QtGui", "QtWidgets", "QtNetwork"} <= used
    excluded = {name.removeprefix("PySide6.") for name in spec["a"].kwargs["excludes"]}
    assert not used & excluded


def test_no_upx_and_docstrings_kept(spec: dict) -> None:
    assert spec["a"].kwargs["optimize"] == 0
    assert spec["exe"].kwargs["upx"] is False
    assert spec["coll"].kwargs["upx"] is False
