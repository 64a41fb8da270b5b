"""The Qt user interface. Only this package and ``netdesk.app`` import Qt.

PySide6 (6.11+) creates its Python types lazily, on first use, and start-up relies on that
(creating them all up front costs start-up time, see docs/PERFORMANCE.md). Lazy creation
is only safe while a single thread uses PySide6, so no worker thread ever touches Qt:
background work (the import, the contacts loader) runs as pure Python on a plain
``threading.Thread``, and the GUI thread polls it and emits the signals itself. See
``netdesk.ui.background.BackgroundJob``, which also tells the crash this avoids.
"""
