"""Fixtures for the GUI tests: the real window from create_window over a temporary data dir."""

from __future__ import annotations

from pathlib import Path

import pytest

# The offscreen platform warns that it can't propagate size hints or raise a window whenever
# a window shows or is raised; that says nothing about netdesk, so it must not fail the run
# (qt_log_level_fail=WARNING).
OFFSCREEN_NOISE = r"This plugin does not support (propagateSizeHints|raise)\(\)"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if Path(item.path).parent == here:
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


@pytest.fixture
def parts(qtbot, data_dir: Path):
    """Everything app.compose wired over a temporary data dir: the window (shown), the
    runner and the services (for setting up data and checking the store)."""
    from netdesk.app import compose

    composed = compose(data_dir)
    qtbot.addWidget(composed.window)
    composed.window.show()
    qtbot.waitExposed(composed.window)
    yield composed
    composed.window.close()


@pytest.fixture
def window(parts):
    return parts.window


@pytest.fixture
def ui(window):
    from tests.ui.driver import Ui

    return Ui(window)


@pytest.fixture
def sample_window(window, ui, qtbot):
    ui.add_sample_contacts()
    qtbot.waitUntil(lambda: ui.model.rowCount() == 40)
    return window


@pytest.fixture
def sample_ui(sample_window, ui):
    return ui


@pytest.fixture
def vcf_writer():
    return write_cards


def write_cards(path: Path, count: int, start: int = 0, broken_at: int | None = None) -> Path:
    """A vCard 3.0 file of ``count`` simple generated cards (optionally one broken card)."""
    cards = []
    for i in range(start, start + count):
        if i == broken_at:
            cards.append(
                "BEGIN:VCARD\r\nVERSION:3.0\r\nthis line is not a property\r\nEND:VCARD\r\n"
            )
            continue
        cards.append(
            "BEGIN:VCARD\r\nVERSION:3.0\r\n"
            f"UID:urn:uuid:test-{i}\r\nFN:Person {i:05d}\r\nN:{i:05d};Person;;;\r\n"
            f"EMAIL;TYPE=work:person{i}@example.org\r\nORG:Company {i % 50}\r\n"
            "END:VCARD\r\n"
        )
    path.write_text("".join(cards), encoding="utf-8")
    return path


@pytest.fixture
def clock():
    """A fake clock at Friday 27 November 2026, 14:00 Berlin time."""
    from tests.helpers.fakes import FakeClock
    from tests.helpers.zones import NOW

    return FakeClock(NOW)


@pytest.fixture
def activity(database, clock):
    """The real ActivityService on the test's store, in Berlin time, on the fake clock."""
    from netdesk.services.activity import ActivityService
    from tests.helpers.zones import BERLIN

    return ActivityService(database, clock, BERLIN)
