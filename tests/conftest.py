"""Shared fixtures: every test that needs a store gets a fresh SQLite file built by the
real Alembic migrations in its own temporary data directory."""

from __future__ import annotations

import gc
import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# As in the app (netdesk/ui/gui_gc.py): no automatic collection, so a worker thread never frees
# an earlier test's Qt objects; the main thread collects after each test instead. Without this
# the suite segfaulted now and then inside test_background.py.
gc.disable()


@pytest.fixture(autouse=True)
def _collect_garbage_on_the_main_thread():
    yield
    from netdesk.ui.gui_gc import collect_due_generations

    gc.disable()  # a test may have turned it back on
    collect_due_generations()


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def database(data_dir: Path):
    from netdesk.store.db import open_database

    db = open_database(data_dir)
    yield db
    db.dispose()


@pytest.fixture
def contact_service(database):
    from netdesk.services.contacts import ContactService

    service = ContactService(database)
    yield service
    service.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where a test leaves pictures for people: $NETDESK_ARTIFACTS when set (CI keeps them),
    else the test's own temporary directory — never the checkout."""
    d = Path(os.environ["NETDESK_ARTIFACTS"]) if os.environ.get("NETDESK_ARTIFACTS") else (
        tmp_path / "artifacts")
    d.mkdir(parents=True, exist_ok=True)
    return d
