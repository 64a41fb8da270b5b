"""Screenshots of everyday use for the README, taken from the real, fully wired window
(``netdesk.app.compose``) over a temporary data dir with the sample contacts: the Today view,
the contact editor, the Trash and the Settings dialog.

Run:  QT_QPA_PLATFORM=offscreen .venv/bin/python packaging/screenshots/everyday.py
      [--out docs/screenshots]
      (or under Xvfb with DISPLAY set, for the platform's own fonts and window frame)
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

SIZE = (1280, 780)


def _settle(app, rounds: int = 30) -> None:  # noqa: ANN001
    import time

    for _ in range(rounds):
        app.processEvents()
        time.sleep(0.02)


def _find(window, kind, name: str):  # noqa: ANN001, ANN202
    found = window.findChild(kind, name)
    if found is None:
        raise SystemExit(f"screenshots: no {kind.__name__} named {name!r} in the window")
    return found


def _grab_dialog(app, window, out: Path, name: str, open_it) -> None:  # noqa: ANN001
    from PySide6.QtWidgets import QDialog

    before = set(window.findChildren(QDialog))
    open_it()
    _settle(app)
    opened = [d for d in window.findChildren(QDialog) if d not in before and d.isVisible()]
    if not opened:
        raise SystemExit(f"screenshots: nothing opened for {name}")
    dialog = opened[-1]
    dialog.grab().save(str(out / name))
    print(out / name)
    dialog.reject()
    _settle(app, 5)


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--out", default=str(ROOT / "docs" / "screenshots"))
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)

    from PySide6.QtWidgets import QApplication, QTableView, QWidget

    from netdesk.app import compose

    app = QApplication(sys.argv[:1])
    app.setStyle("Fusion")
    with tempfile.TemporaryDirectory() as tmp:
        parts = compose(Path(tmp) / "data")
        window = parts.window
        window.resize(*SIZE)
        window.show()
        _settle(app)
        window.action("sampleAction").trigger()
        _settle(app, 60)

        table = _find(window, QTableView, "contactsTable")
        table.selectRow(0)
        table.setFocus()
        _settle(app)
        _grab_dialog(app, window, out, "contact-editor.png",
                     window.action("editAction").trigger)

        today = _find(window, QWidget, "todayView")
        window.show_view(today)
        _settle(app)
        window.grab().save(str(out / "today-view.png"))
        print(out / "today-view.png")

        # Three people deleted (into the Trash), then the Trash shown.
        window.select_tag(None)  # back to all contacts
        _settle(app)
        for _ in range(3):
            table.selectRow(1)
            window.action("deleteAction").trigger()
            _settle(app, 10)
        window.show_view(_find(window, QWidget, "trashView"))
        _settle(app)
        _find(window, QTableView, "trashTable").selectRow(0)
        _settle(app, 5)
        window.grab().save(str(out / "trash-view.png"))
        print(out / "trash-view.png")

        _grab_dialog(app, window, out, "settings-dialog.png",
                     _find_action(window, "settingsAction").trigger)
        window.close()
        _settle(app, 5)
        parts.contacts.close()
    app.shutdown()
    return 0


def _find_action(window, name: str):  # noqa: ANN001, ANN202
    from PySide6.QtGui import QAction

    return _find(window, QAction, name)


if __name__ == "__main__":
    sys.exit(main())
