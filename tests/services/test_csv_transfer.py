"""The CSV import service: preview without writing, first meetings, cancel, remembered mappings."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.activity import ActivityService
from netdesk.services.csv_transfer import CsvImportService, CsvOptions
from netdesk.services.errors import ServiceError
from netdesk.services.settings import CsvMappings, SettingsFile
from netdesk.services.transfer import ImportCancelled

LINKEDIN = (
    b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    b"Ada,Lovelace,linkedin.com/in/ada/,ada@engines.example,Engines,Founder,06 Feb 2026\r\n"
    b"Grace,Hopper,https://www.linkedin.com/in/grace,,Navy,Rear Admiral,6-Feb-24\r\n"
)


def test_preview_counts_without_writing(database, contact_service) -> None:
    service = CsvImportService(database)
    preview = service.preview(LINKEDIN, "Connections.csv", CsvOptions())
    assert preview.layout.profile.id == "linkedin"
    assert [row[0] for row in preview.rows] == ["Ada", "Grace"]
    assert (preview.report.created, preview.report.updated) == (2, 0)
    assert contact_service.count() == 0
    service.import_bytes(LINKEDIN, "Connections.csv")
    again = service.preview(LINKEDIN, "Connections.csv", CsvOptions())
    assert (again.report.created, again.report.unchanged) == (0, 2)


def test_first_meeting_lands_on_a_contact_matched_by_email(database, contact_service) -> None:
    ada = contact_service.create(
        Contact(
            display_name="Ada Lovelace",
            given_name="Ada",
            family_name="Lovelace",
            emails=[LabeledValue("ada@engines.example")],
            uid="urn:uuid:ada-from-phone",
        )
    )
    report = CsvImportService(database).import_bytes(LINKEDIN, "Connections.csv")
    assert (report.created, report.updated) == (1, 1)
    activity = ActivityService(database)
    (met,) = activity.interactions(ada.id)
    assert met.at == dt.datetime(2026, 2, 6, 12, tzinfo=dt.UTC)
    merged = contact_service.get(ada.id)
    assert [p.value for p in merged.social_profiles] == ["https://www.linkedin.com/in/ada"]
    assert (merged.met_event, merged.met_event_kind) == ("LinkedIn", "online")
    CsvImportService(database).import_bytes(LINKEDIN, "Connections.csv")
    assert len(activity.interactions(ada.id)) == 1  # not logged twice


def test_cancel_leaves_the_store_as_it_was(database, contact_service) -> None:
    rows = "".join(f"P{i},Q{i},,p{i}@x.example,,,\r\n" for i in range(2500))
    data = LINKEDIN + rows.encode()
    with pytest.raises(ImportCancelled):
        CsvImportService(database).import_bytes(data, "big.csv", cancelled=lambda: True)
    assert contact_service.count() == 0


def test_unreadable_file_is_a_service_error(database, tmp_path: Path) -> None:
    with pytest.raises(ServiceError, match="cannot read"):
        CsvImportService(database).import_file(tmp_path / "missing.csv")
    with pytest.raises(ServiceError, match="unknown profile"):
        CsvImportService(database).import_bytes(LINKEDIN, "x.csv", CsvOptions(profile="myspace"))


def test_mappings_are_remembered_per_header_row(tmp_path: Path) -> None:
    memory = CsvMappings(tmp_path)
    headers = ["Wer", "Mail"]
    assert memory.get(headers) == {}
    memory.remember(headers, {"Wer": "display_name", "Mail": "email"})
    assert CsvMappings(tmp_path).get([" wer ", "MAIL"]) == {"Wer": "display_name", "Mail": "email"}
    assert CsvMappings(tmp_path).get(["Wer", "Mail", "Tel"]) == {}
    (tmp_path / "settings.json").write_text("{not json")
    with pytest.raises(ServiceError, match="cannot read"):
        SettingsFile(tmp_path).get("csv_mappings")
