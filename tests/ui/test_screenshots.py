"""Pictures of the window for people: always into tests/_artifacts/, and into
docs/screenshots/ with NETDESK_UPDATE_SCREENSHOTS=1 (the README's images)."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtWidgets import QApplication

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "_artifacts"
DOCS = ROOT / "docs" / "screenshots"


def _save(window, name: str) -> None:  # noqa: ANN001
    for _ in range(5):
        QApplication.processEvents()
    image = window.grab()
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    assert image.save(str(ARTIFACTS / name))
    if os.environ.get("NETDESK_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(DOCS / name))


def test_screenshots(qtbot, data_dir: Path) -> None:
    from netdesk.app import create_window

    window = create_window(data_dir)
    qtbot.addWidget(window)
    # The offscreen screen is 800x600; the picture is made at a laptop-like size.
    window.setMinimumSize(1200, 760)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    _save(window, "empty-state.png")
    window.add_sample_contacts()
    target = window.contacts.search_ids("amara okafor")[0]
    window.show_contact(target)
    _save(window, "main-window.png")
    window.close()
