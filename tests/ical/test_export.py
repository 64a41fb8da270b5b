"""The .ics export, read back with vobject as a calendar app would."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import pytest
import vobject

from netdesk.domain.activity import FollowUp
from netdesk.domain.due import CadenceInput
from netdesk.ical import export_ics

UTC = dt.UTC
STAMP = dt.datetime(2026, 6, 10, 12, 0, tzinfo=UTC)

try:
    BERLIN = ZoneInfo("Europe/Berlin")
except ZoneInfoNotFoundError:  # pragma: no cover - only on a machine without tz data
    pytest.skip("no time zone data (install tzdata)", allow_module_level=True)


def utc(*args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=UTC)


def followups() -> list[tuple[FollowUp, str]]:
    return [
        (
            FollowUp(1, utc(2026, 6, 12, 7), "Send the slides, and the repo; soon\nthanks", id=10),
            "Smith, John",
        ),
        # Stored in UTC, but a Berlin-aware value must come out as the same instant in UTC.
        (FollowUp(2, dt.datetime(2026, 12, 1, 9, tzinfo=BERLIN), id=11), "Ada Lovelace"),
        (
            FollowUp(3, utc(2026, 6, 1), "snoozed", snoozed_until=utc(2026, 6, 20, 8), id=12),
            "Grace Hopper",
        ),
        (FollowUp(4, utc(2026, 5, 1), "done", done_at=utc(2026, 5, 2), id=13), "Alan Turing"),
    ]


def components(text: str, name: str) -> dict[str, vobject.base.Component]:
    calendar = vobject.readOne(text)
    return {c.uid.value: c for c in calendar.components() if c.name == name}


def test_vtodo_export_reads_back_with_due_in_utc_summary_and_description():
    text = export_ics(followups(), dtstamp=STAMP)
    todos = components(text, "VTODO")
    assert sorted(todos) == [
        "followup-10@netdesk",
        "followup-11@netdesk",
        "followup-12@netdesk",
    ]  # the done one is left out
    first = todos["followup-10@netdesk"]
    assert first.summary.value == "Follow up with Smith, John"
    assert first.description.value == "Send the slides, and the repo; soon\nthanks"
    assert first.due.value == utc(2026, 6, 12, 7)
    assert first.due.value.utcoffset() == dt.timedelta(0)
    assert first.status.value == "NEEDS-ACTION"
    assert first.dtstamp.value == STAMP
    assert todos["followup-11@netdesk"].due.value == utc(2026, 12, 1, 8)
    assert not hasattr(todos["followup-11@netdesk"], "description")  # no empty notes
    assert todos["followup-12@netdesk"].due.value == utc(2026, 6, 20, 8)  # the snooze time
    # Written as UTC ("Z"), not with a TZID the reader would have to resolve.
    assert "DUE:20261201T080000Z" in text
    assert "TZID" not in text
    assert text.startswith("BEGIN:VCALENDAR\r\n")
    assert "PRODID:-//netdesk//netdesk//EN" in text


def test_vevent_export_has_dtstart_and_dtend_in_utc():
    text = export_ics(followups(), dtstamp=STAMP, component="VEVENT")
    events = components(text, "VEVENT")
    event = events["followup-11@netdesk"]
    assert event.dtstart.value == utc(2026, 12, 1, 8)
    assert event.dtend.value == utc(2026, 12, 1, 8, 15)
    assert event.summary.value == "Follow up with Ada Lovelace"
    assert "DTSTART:20261201T080000Z" in text
    assert components(text, "VTODO") == {}


def test_done_followups_can_be_included_as_completed():
    todos = components(export_ics(followups(), dtstamp=STAMP, include_done=True), "VTODO")
    done = todos["followup-13@netdesk"]
    assert done.status.value == "COMPLETED"
    assert done.completed.value == utc(2026, 5, 2)


def test_cadences_export_with_their_own_stable_uids():
    cadence = CadenceInput(5, "Katherine Johnson", 30, utc(2026, 6, 1, 10), utc(2026, 1, 1))
    text = export_ics(followups(), dtstamp=STAMP, cadences=[cadence])
    todos = components(text, "VTODO")
    item = todos["cadence-5@netdesk"]
    assert item.summary.value == "Get in touch with Katherine Johnson"
    assert item.due.value == utc(2026, 7, 1, 10)
    uids = [line for line in text.splitlines() if line.startswith("UID:")]
    assert len(uids) == len(set(uids)) == 4


def test_uids_are_stable_between_exports_so_reimport_updates_entries():
    first = export_ics(followups(), dtstamp=STAMP)
    later = export_ics(followups(), dtstamp=STAMP + dt.timedelta(days=3))
    assert sorted(components(first, "VTODO")) == sorted(components(later, "VTODO"))


def test_unsaved_followups_duplicates_and_naive_times_are_refused():
    with pytest.raises(ValueError, match="have an id"):
        export_ics([(FollowUp(1, utc(2026, 1, 1)), "Ada")], dtstamp=STAMP)
    twice = [(FollowUp(1, utc(2026, 1, 1), id=1), "Ada")] * 2
    with pytest.raises(ValueError, match="duplicate"):
        export_ics(twice, dtstamp=STAMP)
    with pytest.raises(ValueError, match="timezone-aware"):
        export_ics(followups(), dtstamp=dt.datetime(2026, 1, 1))
    with pytest.raises(ValueError, match="VTODO or VEVENT"):
        export_ics(followups(), dtstamp=STAMP, component="VJOURNAL")  # type: ignore[arg-type]


def test_an_empty_export_is_still_a_valid_calendar():
    calendar = vobject.readOne(export_ics([], dtstamp=STAMP))
    assert calendar.name == "VCALENDAR"
    assert list(calendar.components()) == []


def vobject_export(entries: list[tuple[FollowUp, str]], component: str) -> str:
    """What the export wrote before its plain writer: vobject's object model (the oracle)."""
    from dateutil import tz as dateutil_tz

    def u(value: dt.datetime) -> dt.datetime:
        return value.astimezone(UTC).replace(tzinfo=dateutil_tz.UTC)

    calendar = vobject.iCalendar()
    calendar.add("prodid").value = "-//netdesk//netdesk//EN"
    for f, name in sorted(entries, key=lambda e: (e[0].effective_due, e[0].id)):
        comp = calendar.add(component.lower())
        comp.add("uid").value = f"followup-{f.id}@netdesk"
        comp.add("dtstamp").value = u(STAMP)
        comp.add("summary").value = f"Follow up with {name}"
        if f.note:
            comp.add("description").value = f.note
        if component == "VTODO":
            comp.add("due").value = u(f.effective_due)
            comp.add("status").value = "COMPLETED" if f.done_at else "NEEDS-ACTION"
            if f.done_at:
                comp.add("completed").value = u(f.done_at)
        else:
            comp.add("dtstart").value = u(f.effective_due)
            comp.add("dtend").value = u(f.effective_due) + dt.timedelta(minutes=15)
            comp.add("transp").value = "TRANSPARENT"
        comp.add("x-netdesk-contact-id").value = str(f.contact_id)
    return calendar.serialize()


@pytest.mark.parametrize("component", ["VTODO", "VEVENT"])
def test_the_plain_writer_writes_what_vobject_wrote(component: str) -> None:
    long_notes = [
        "x" * 200,
        "commas, semicolons; back\\slashes and\r\nnew\nlines\r" * 5,
        "Grüße aus Łódź — 東京で会いましょう " * 6,  # folded between characters, not bytes
    ]
    entries = followups() + [
        (FollowUp(5 + i, utc(2026, 7, 1 + i), note, id=20 + i), f"Name {i}, Jr.")
        for i, note in enumerate(long_notes)
    ]
    ours = export_ics(entries, dtstamp=STAMP, component=component, include_done=True)
    assert ours == vobject_export(entries, component)
    for line in ours.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75


def test_short_lines_of_wide_characters_are_folded_by_octets() -> None:
    # 40 characters but 120 octets: RFC 5545 counts octets (vobject counted characters here).
    text = export_ics([(FollowUp(1, utc(2026, 7, 1), "東" * 40, id=1), "A")], dtstamp=STAMP)
    assert all(len(line.encode("utf-8")) <= 75 for line in text.split("\r\n"))
    assert components(text, "VTODO")["followup-1@netdesk"].description.value == "東" * 40
