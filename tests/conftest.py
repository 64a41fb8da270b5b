"""Shared fixtures: every test that needs a store gets a fresh SQLite file built by the
real Alembic migrations in its own temporary data directory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


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
