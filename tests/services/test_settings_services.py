"""The services behind Settings and File → Backup…: start at login, the phone region, the
reminder hour, and a backup that refuses the data dir and a read-only target."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
from pathlib import Path

import pytest

from netdesk.services.autostart import AutostartService, default_command
from netdesk.services.backup import BackupService, default_backup_name
from netdesk.services.errors import ServiceError, ValidationError
from netdesk.services.settings import AppSettings


def test_autostart_entry_is_written_and_removed(tmp_path: Path, data_dir: Path) -> None:
    service = AutostartService(default_command(data_dir), "linux",
                               {"XDG_CONFIG_HOME": str(tmp_path / "cfg")}, tmp_path)
    assert not service.is_enabled()
    service.set_enabled(True)
    entry = tmp_path / "cfg/autostart/io.github.netdesk.Netdesk.desktop"
    assert service.is_enabled() and entry.is_file()
    assert f"--data-dir {data_dir}" in entry.read_text()
    service.set_enabled(False)
    assert not entry.exists() and not service.is_enabled()
    service.set_enabled(False)  # already off: nothing to do, no error


def test_autostart_on_other_systems_says_not_supported(tmp_path: Path) -> None:
    service = AutostartService(["netdesk"], "win32", {}, tmp_path)
    assert not service.supported and not service.is_enabled()
    with pytest.raises(ServiceError, match="not supported"):
        service.set_enabled(True)


def test_phone_region_is_stored_and_checked(database, monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_PHONE_REGION", "AT")
    settings = AppSettings(database)
    assert settings.phone_region() is None
    assert settings.effective_phone_region() == "AT"
    settings.set_phone_region(" de ")
    assert AppSettings(database).phone_region() == "DE"
    assert settings.effective_phone_region() == "DE"
    with pytest.raises(ValidationError):
        settings.set_phone_region("XX")
    assert settings.phone_region() == "DE"  # the bad value lost nothing
    settings.set_phone_region("")
    assert settings.phone_region() is None


def test_reminder_hour_moves_birthday_reminders(database, contact_service) -> None:
    from netdesk.domain.contact import Contact, PartialDate
    from netdesk.services.dates import DateReminderService
    from tests.helpers.fakes import FakeClock
    from tests.helpers.zones import BERLIN, NOW

    contact_service.create(Contact(display_name="Ada", birthday=PartialDate(1990, 12, 1)))
    dates = DateReminderService(database, FakeClock(NOW), BERLIN)
    dates.set_default_days_before(7)
    assert dates.reminder_hour() == 9
    assert dates.due()[0].due.astimezone(BERLIN).hour == 9
    dates.set_reminder_hour(18)
    assert dates.due()[0].due.astimezone(BERLIN).hour == 18
    with pytest.raises(ValidationError):
        dates.set_reminder_hour(24)


def test_backup_copies_and_refuses_the_data_dir(database, contact_service, tmp_path) -> None:
    from netdesk.domain.contact import Contact

    contact_service.create(Contact(display_name="Ada"))
    service = BackupService(database.path)
    name = default_backup_name(dt.date(2026, 12, 3))
    assert name == "netdesk-backup-2026-12-03.sqlite3"
    written = service.backup(tmp_path / name)
    con = sqlite3.connect(written)
    assert con.execute("SELECT display_name FROM contacts").fetchall() == [("Ada",)]
    con.close()
    with pytest.raises(ServiceError, match="data directory"):
        service.backup(database.path.parent / "copy.sqlite3")


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only directories")
def test_backup_to_a_read_only_place_is_a_clear_error(database, tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ServiceError, match="could not write the backup"):
            BackupService(database.path).backup(locked / "b.sqlite3")
    finally:
        locked.chmod(0o700)
    assert list(locked.iterdir()) == []


def test_backup_to_an_unwritable_place_is_a_clear_error(database, tmp_path: Path) -> None:
    # Works as root too: no one can create a file under a regular file.
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x")
    with pytest.raises(ServiceError, match=r"could not write the backup to .*not-a-dir"):
        BackupService(database.path).backup(blocker / "b.sqlite3")
    assert blocker.read_text() == "x"
