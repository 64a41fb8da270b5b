"""Issue 17 in the GUI: imported HTML stays text in tooltips, a bad stored cadence or an
unusable log dir does not stop the start-up."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

from PySide6.QtGui import Qt, QTextDocument

from netdesk.ui.contacts_model import EMAIL, NAME, TOOLTIP
from tests.ui.driver import Ui

ROOT = Path(__file__).resolve().parents[2]
HOSTILE_NAME = "<b><u>Mallory</u></b> <img src='http://example.invalid/x.png'>"
HOSTILE_EMAIL = "<b><u>mallory</u></b>@example.org"


def shown_as(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as HTML when it 'might be rich text'."""
    doc = QTextDocument()
    if Qt.mightBeRichText(tooltip):
        doc.setHtml(tooltip)
    else:
        doc.setPlainText(tooltip)
    return doc.toPlainText()


def _import_hostile(ui, qtbot, tmp_path: Path) -> None:  # noqa: ANN001
    vcf = tmp_path / "hostile.vcf"
    vcf.write_text(
        f"BEGIN:VCARD\nVERSION:3.0\nFN:{HOSTILE_NAME}\nEMAIL:{HOSTILE_EMAIL}\n"
        "NOTE:<i>note</i>\nEND:VCARD\n",
        encoding="utf-8",
    )
    ui.import_files([str(vcf)])
    qtbot.waitUntil(lambda: ui.model.rowCount() == 1, timeout=10_000)


def test_contact_table_tooltips_show_imported_html_as_text(ui, qtbot, tmp_path) -> None:
    _import_hostile(ui, qtbot, tmp_path)
    model = ui.model
    name_tip = model.data(model.index(0, NAME), TOOLTIP)
    email_tip = model.data(model.index(0, EMAIL), TOOLTIP)
    assert shown_as(name_tip) == HOSTILE_NAME
    assert shown_as(email_tip) == HOSTILE_EMAIL
    # The display text itself is unchanged.
    assert model.data(model.index(0, NAME)) == HOSTILE_NAME


def test_elided_email_tooltip_in_detail_pane_is_plain_text(qtbot) -> None:
    from netdesk.ui.detail_pane import ElidingLabel

    label = ElidingLabel(HOSTILE_EMAIL * 3)
    qtbot.addWidget(label)
    label.resize(60, 20)
    label.show()
    qtbot.waitUntil(lambda: bool(label.toolTip()))
    assert shown_as(label.toolTip()) == HOSTILE_EMAIL * 3


def test_plain_tooltip_keeps_line_breaks_and_ampersands() -> None:
    from netdesk.ui.plain_text import plain_tooltip

    text = "Tom & Jerry <tom@example.org>\nsecond line"
    assert shown_as(plain_tooltip(text)) == text
    assert plain_tooltip("") == ""


def test_window_starts_over_a_store_holding_a_bad_cadence(qtbot, data_dir: Path) -> None:
    from netdesk.app import create_window
    from netdesk.domain.contact import Contact
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database

    database = open_database(data_dir)
    ContactService(database).create(Contact(display_name="Bad Cadence"))
    # What an older netdesk let through: a cadence no date arithmetic survives.
    con = sqlite3.connect(database.path)
    con.execute("UPDATE contacts SET keep_in_touch_days = 9999999")
    con.commit()
    con.close()
    database.dispose()
    w = create_window(data_dir)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    ui = Ui(w)
    qtbot.waitUntil(lambda: ui.model.rowCount() >= 1, timeout=10_000)
    assert "Bad Cadence" in ui.names()
    w.close()


def test_gui_starts_when_the_log_dir_is_unusable(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    (data / "logs").write_text("a file where the log directory should be")
    script = textwrap.dedent(f"""
        import sys
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication
        app = QApplication([])
        QTimer.singleShot(2500, app.quit)
        from netdesk.app import run_gui
        sys.exit(run_gui({str(data)!r}, []))
    """)
    done = subprocess.run(
        [sys.executable, "-c", script],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin", "HOME": str(tmp_path)},
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "cannot write the log in" in done.stderr
    assert "logging to stderr instead" in done.stderr
    assert "Traceback" not in done.stderr
