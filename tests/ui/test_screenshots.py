"""Pictures of the window for people: always into the artifacts dir (see the ``artifacts``
fixture; $NETDESK_ARTIFACTS keeps them), and into
docs/screenshots/ with NETDESK_UPDATE_SCREENSHOTS=1 (the README's images).

The dark-palette pictures (artifacts only) are there to catch colours that are hard-coded
for a light theme: look at them after changing anything that paints.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from tests.ui.driver import Ui

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs" / "screenshots"


def _save(window, artifacts: Path, name: str, docs: bool = True) -> None:  # noqa: ANN001
    for _ in range(5):
        QApplication.processEvents()
    image = window.grab()
    assert image.save(str(artifacts / name))
    if docs and os.environ.get("NETDESK_UPDATE_SCREENSHOTS") == "1":
        DOCS.mkdir(parents=True, exist_ok=True)
        assert image.save(str(DOCS / name))


def _open(qtbot, data_dir: Path):  # noqa: ANN001, ANN202
    from netdesk.app import create_window

    window = create_window(data_dir)
    qtbot.addWidget(window)
    # The offscreen screen is 800x600; the picture is made at a laptop-like size.
    window.setMinimumSize(1200, 760)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    return window


def _with_samples(window, qtbot) -> None:  # noqa: ANN001
    ui = Ui(window)
    ui.add_sample_contacts()
    qtbot.waitUntil(lambda: window.view_badge(ui.today)[0] > 0)
    ui.search_edit.setText("amara okafor")
    ui.select_name("Amara Okafor")


def test_screenshots(qtbot, data_dir: Path, artifacts: Path) -> None:
    window = _open(qtbot, data_dir)
    _save(window, artifacts, "empty-state.png")
    _with_samples(window, qtbot)
    _save(window, artifacts, "main-window.png")
    window.show_view(Ui(window).today)
    _save(window, artifacts, "today-view.png")
    window.close()


def dark_palette() -> QPalette:
    """A dark palette like the ones desktop themes hand to Fusion."""
    p = QPalette()
    roles = QPalette.ColorRole
    for role, color in (
        (roles.Window, "#2b2b2e"), (roles.WindowText, "#e6e6e6"), (roles.Base, "#1f1f22"),
        (roles.AlternateBase, "#27272b"), (roles.ToolTipBase, "#3a3a3e"),
        (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#9a9aa0"),
        (roles.Text, "#e6e6e6"), (roles.Button, "#35353a"), (roles.ButtonText, "#e6e6e6"),
        (roles.BrightText, "#ff6b6b"), (roles.Light, "#4a4a50"), (roles.Midlight, "#3d3d42"),
        (roles.Mid, "#505056"), (roles.Dark, "#18181a"), (roles.Shadow, "#000000"),
        (roles.Highlight, "#3d7cc9"), (roles.HighlightedText, "#ffffff"),
        (roles.Link, "#7cb4ff"),
    ):
        p.setColor(role, QColor(color))
    for role in (roles.Text, roles.WindowText, roles.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#7a7a80"))
    return p


@pytest.fixture
def dark_app(qapp):  # noqa: ANN001, ANN201
    style, palette = qapp.style().name(), QPalette(qapp.palette())
    qapp.setStyle("Fusion")
    qapp.setPalette(dark_palette())
    yield qapp
    qapp.setStyle(style)
    qapp.setPalette(palette)


def test_dark_palette_screenshots(dark_app, qtbot, data_dir: Path, artifacts: Path) -> None:
    window = _open(qtbot, data_dir)
    _with_samples(window, qtbot)
    _save(window, artifacts, "main-window-dark.png", docs=False)
    window.show_view(Ui(window).today)
    _save(window, artifacts, "today-view-dark.png", docs=False)
    window.close()
