"""A locked database gives a clear message and leaves the store as it was."""

from __future__ import annotations

import sqlite3

import pytest

from netdesk.domain.contact import Contact
from netdesk.services.errors import ServiceError
from netdesk.services.transfer import TransferService


def test_import_into_a_locked_database_fails_cleanly(contact_service, database, tmp_path) -> None:
    contact_service.create(Contact(display_name="Already here"))
    vcf = tmp_path / "a.vcf"
    vcf.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:New Person\r\nEND:VCARD\r\n")
    blocker = sqlite3.connect(database.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ServiceError, match="locked by another program"):
            TransferService(database).import_files([vcf])
    finally:
        blocker.rollback()
        blocker.close()
    assert [r.name for r in contact_service.summaries()] == ["Already here"]


def test_create_in_a_locked_database_fails_cleanly(contact_service, database) -> None:
    blocker = sqlite3.connect(database.path, timeout=0)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(ServiceError, match="Nothing was changed"):
            contact_service.create(Contact(display_name="Blocked"))
    finally:
        blocker.rollback()
        blocker.close()
    assert contact_service.count() == 0
