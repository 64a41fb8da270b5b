"""Composition root: paths, database, services, QApplication, main window.

Placeholder until the main-window work lands: it opens the store and shows an empty window.
"""

from __future__ import annotations

from pathlib import Path


def create_window(data_dir: Path):  # noqa: ANN201
    from PySide6.QtWidgets import QMainWindow

    from netdesk.store.db import open_database

    open_database(Path(data_dir))
    window = QMainWindow()
    window.setWindowTitle("netdesk")
    return window


def run_gui(data_dir: str | None, files: list[str]) -> int:
    import sys

    from PySide6.QtWidgets import QApplication

    from netdesk.paths import resolve_paths

    paths = resolve_paths(data_dir)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = create_window(paths.data_dir)
    window.show()
    return app.exec()
