"""The composition root: start-up imports, the store error dialog, application names."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from netdesk import APP_ID

ROOT = Path(__file__).resolve().parents[2]


def test_start_up_path_leaves_heavy_imports_for_later(data_dir: Path) -> None:
    # SQLAlchemy's ORM, Alembic and vobject cost hundreds of ms; the first paint needs none.
    from netdesk.store.db import open_database

    open_database(data_dir).dispose()  # migrate first: that part may use Alembic
    code = textwrap.dedent(f"""
        import sys
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        from netdesk.app import create_window
        w = create_window({str(data_dir)!r})
        heavy = [m for m in ("sqlalchemy.orm", "alembic", "vobject") if m in sys.modules]
        print(",".join(heavy))
    """)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin"},
                         timeout=60, check=True)
    assert out.stdout.strip() == ""


def test_store_error_shows_a_dialog_not_a_traceback(tmp_path, monkeypatch, qapp) -> None:
    from netdesk import app

    shown = []
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.critical",
                        lambda parent, title, text: shown.append((title, text)))
    bad = tmp_path / "data"
    bad.mkdir()
    (bad / "netdesk.sqlite3").write_bytes(b"this is not sqlite" * 100)
    assert app.run_gui(str(bad), []) == 1
    assert shown and "not a netdesk database" in shown[0][1]
    assert qapp.applicationName() == "netdesk"
    assert qapp.desktopFileName() == APP_ID


@pytest.mark.parametrize("name", ["netdesk.svg"])
def test_app_icon_loads(qapp, name: str) -> None:
    from netdesk.ui.icons import app_icon

    assert (ROOT / "resources" / name).exists()
    assert not app_icon().isNull()
