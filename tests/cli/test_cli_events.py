"""``netdesk event``, ``stats``, ``log`` with several people and ``calendar --events``."""

from __future__ import annotations

import json

import pytest

from netdesk.cli import main
from netdesk.domain.contact import Contact
from netdesk.services.activity import ActivityService


@pytest.fixture
def env(data_dir, contact_service, monkeypatch):
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("NETDESK_DATA_DIR", str(data_dir))
    ids = [contact_service.create(Contact(display_name=n)).id for n in ("Ada", "Bob", "Cleo")]
    return ids, ActivityService(contact_service.db)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_event_add_met_list_show(env, capsys) -> None:
    status, out, _ = run(capsys, "event", "add", "PyData Berlin", "--kind", "meetup",
                         "--date", "2026-11-05", "--place", "https://pydata.berlin")
    assert status == 0 and "meetup “PyData Berlin” (2026-11-05)" in out
    assert run(capsys, "event", "met", "pydata berlin", "Ada", "Bob")[0] == 0
    status, out, _ = run(capsys, "event", "list", "--json")
    (listed,) = json.loads(out)
    assert (listed["name"], listed["met"], listed["followed_up"]) == ("PyData Berlin", 2, 0)
    status, out, _ = run(capsys, "event", "show", str(listed["id"]), "--json")
    assert [p["name"] for p in json.loads(out)["people"]] == ["Ada", "Bob"]
    assert "met 2, followed up with 0" in run(capsys, "event", "list")[1]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("event", "add", "X", "--kind", "party"), "unknown kind of event"),
        (("event", "add", "X", "--date", "5 Nov"), "not a date"),
        (("event", "add", "X", "--date", "2026-11-05", "--end", "2026-11-01"), "ends before"),
        (("event", "add", " "), "needs a name"),
        (("event", "show", "Nowhere"), "no event called"),
        (("event", "met", "Nowhere", "Ada"), "no event called"),
    ],
)
def test_bad_event_input_is_one_line_and_writes_nothing(env, capsys, argv, message) -> None:
    status, _out, err = run(capsys, *argv)
    assert status == 1 and message in err and "Traceback" not in err
    assert json.loads(run(capsys, "event", "list", "--json")[1]) == []


def test_duplicate_event_names_are_refused(env, capsys) -> None:
    run(capsys, "event", "add", "PyData")
    status, _, err = run(capsys, "event", "add", "pydata")
    assert status == 1 and "already an event called “PyData”" in err


def test_log_with_several_people_is_one_interaction(env, capsys) -> None:
    (ada, bob, cleo), activity = env
    status, out, _ = run(capsys, "log", "Ada", "Bob", "Cleo", "--channel", "meeting",
                         "--note", "lunch", "--at", "2026-11-20T12:00")
    assert status == 0
    assert out == "Logged a meeting with Ada, Bob and Cleo on Fri 20 Nov 2026 12:00\n"
    (one,) = activity.interactions(cleo)
    assert activity.interactions(ada) == [one] and set(one.people) == {ada, bob, cleo}


def test_log_with_an_unknown_person_logs_nothing(env, capsys) -> None:
    (ada, _bob, _cleo), activity = env
    status, _, err = run(capsys, "log", "Ada", "Nobody")
    assert status == 1 and "Nobody" in err
    assert activity.interactions(ada) == []


def test_stats_json_counts_a_group_interaction_once(env, capsys) -> None:
    (ada, bob, _cleo), _activity = env
    run(capsys, "log", "Ada", "Bob", "--channel", "meeting")
    status, out, _ = run(capsys, "stats", "--json")
    numbers = json.loads(out)
    this_week = numbers["interactions_per_week"][-1]
    assert status == 0 and this_week["total"] == 1 and this_week["by_channel"]["meeting"] == 1
    assert this_week["contact_ids"] == sorted([ada, bob])
    assert numbers["new_people_per_month"][-1]["value"] == 3
    assert "Interactions per week:" in run(capsys, "stats")[1]


def test_calendar_events_exports_dated_events_with_the_people_met(env, capsys, tmp_path) -> None:
    run(capsys, "event", "add", "PyData", "--date", "2026-11-05", "--place", "Berlin")
    run(capsys, "event", "add", "Someday")  # no date: not in a calendar
    run(capsys, "event", "met", "PyData", "Ada", "Cleo")
    target = tmp_path / "events.ics"
    status, out, _ = run(capsys, "calendar", "--events", "-o", str(target))
    assert status == 0 and out == f"Wrote 1 entry to {target}\n"
    text = target.read_text()
    assert "SUMMARY:PyData" in text and "LOCATION:Berlin" in text
    assert "DTSTART;VALUE=DATE:20261105" in text and "Met: Ada\\, Cleo" in text
    assert "Someday" not in text
