"""The Qt user interface. Only this package and ``netdesk.app`` import Qt.

PySide6 (6.11+) creates its Python types lazily, on first use. When that first use happens on
the GUI thread while a worker thread (an import, the contacts loader) is also running Python,
the test suite crashed now and then (a segfault while dispatching an event to a Python
``eventFilter``); other projects traced the same crashes to lazy type creation. Creating every
type when PySide6 loads costs ~0.1 s of start-up and removes the race. It must be set before
PySide6 is first imported, so ``netdesk.app`` imports this package first.
"""

import os

os.environ.setdefault("PYSIDE6_OPTION_LAZY", "0")
