"""``netdesk log/followup/cadence/due/calendar`` through ``netdesk.cli.main``."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from netdesk.cli import main
from netdesk.domain.contact import Contact, LabeledValue, PartialDate
from netdesk.services.activity import ActivityService


@pytest.fixture
def env(data_dir, contact_service, monkeypatch):
    # Times without a zone are local: pin the zone so the expected text is fixed.
    monkeypatch.setenv("TZ", "Europe/Berlin")
    monkeypatch.setenv("NETDESK_DATA_DIR", str(data_dir))
    ada = contact_service.create(
        Contact(display_name="Ada Lovelace", emails=[LabeledValue("ada@example.org")])
    )
    contact_service.create(Contact(display_name="Bob Smith"))
    contact_service.create(Contact(display_name="Bob Jones"))
    return ada.id, ActivityService(contact_service.db)


def run(capsys, *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def snapshot(database) -> tuple:
    """Everything the activity commands could change."""
    con = database.connect_raw()
    try:
        return tuple(
            con.execute(sql).fetchall()
            for sql in (
                "SELECT * FROM interactions",
                "SELECT * FROM followups",
                "SELECT id, keep_in_touch_days, updated_at FROM contacts",
            )
        )
    finally:
        con.close()


def test_log_reads_local_time_and_confirms(env, capsys):
    ada, activity = env
    status, out, _ = run(
        capsys,
        "log",
        "ada@example.org",
        "--channel",
        "call",
        "--note",
        "engines",
        "--at",
        "2026-11-27T14:00",
    )
    assert status == 0
    assert out.strip() == "Logged a call with Ada Lovelace on Fri 27 Nov 2026 14:00"
    [logged] = activity.interactions(ada)
    assert logged.at == dt.datetime(2026, 11, 27, 13, 0, tzinfo=dt.UTC)  # 14:00 CET
    assert (logged.channel, logged.note) == ("call", "engines")


def test_log_defaults_to_now(env, capsys):
    ada, activity = env
    before = dt.datetime.now(dt.UTC)
    assert run(capsys, "log", "Ada Lovelace")[0] == 0
    [logged] = activity.interactions(ada)
    assert logged.channel == "other" and before - dt.timedelta(seconds=1) <= logged.at


def test_followup_and_due_json(env, capsys):
    ada, _ = env
    status, out, _ = run(
        capsys, "followup", str(ada), "--due", "2026-12-01", "--note", "send slides"
    )
    assert status == 0
    assert out.startswith("Follow-up with Ada Lovelace due Tue 1 Dec 2026 09:00: send slides")
    status, out, _ = run(capsys, "due", "--json", "--at", "2026-12-02T10:00")
    assert status == 0
    assert json.loads(out) == [
        {
            "contact_id": ada,
            "name": "Ada Lovelace",
            "due": "2026-12-01T09:00:00+01:00",
            "kind": "followup",
            "note": "send slides",
            "overdue": True,
            "followup_id": 1,
        }
    ]
    # Before it falls due and outside the default 7 days it is not listed.
    assert json.loads(run(capsys, "due", "--json", "--at", "2026-11-01")[1]) == []
    assert len(json.loads(run(capsys, "due", "--json", "--all", "--at", "2026-11-01")[1])) == 1


def test_due_human_output(env, capsys):
    ada, activity = env
    activity.add_followup(ada, dt.datetime(2026, 11, 24, 8, 0, tzinfo=dt.UTC), "call back")
    status, out, _ = run(capsys, "due", "--at", "2026-11-27T14:00")
    assert status == 0
    assert out.strip() == "Overdue 3 days  Ada Lovelace — call back (#1)"
    assert run(capsys, "due", "--at", "2026-11-01")[1].strip() == (
        "Nothing due in the next 7 days."
    )


def test_cadence_on_and_off(env, capsys, contact_service):
    ada, _ = env
    status, out, _ = run(capsys, "cadence", "Ada", "30")
    assert status == 0 and out.startswith("Keeping in touch with Ada Lovelace every 30 days")
    assert contact_service.get(ada).keep_in_touch_days == 30
    status, out, _ = run(capsys, "cadence", "Ada", "off")
    assert status == 0 and "No keep-in-touch cadence" in out
    assert contact_service.get(ada).keep_in_touch_days is None
    due = json.loads(run(capsys, "due", "--json", "--all")[1])
    assert due == []


def test_cadence_shows_in_due(env, capsys):
    ada, _ = env
    run(capsys, "cadence", str(ada), "1")
    later = (dt.datetime.now() + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M")
    [item] = json.loads(run(capsys, "due", "--json", "--at", later)[1])
    assert item["kind"] == "cadence" and item["overdue"] is True
    assert item["note"] == "Keep in touch every 1 days"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["log", "nobody"], "no contact matches"),
        (["log", "bob"], "matches 2 contacts"),
        (["log", "Ada", "--channel", "fax"], "unknown channel"),
        (["log", "Ada", "--at", "yesterday"], "not a date or time"),
        (["followup", "Ada", "--due", "2026-13-45"], "not a date or time"),
        (["followup", "4242", "--due", "2026-12-01"], "no contact with id 4242"),
        (["cadence", "Ada", "-3"], "at least 1 day"),
        (["cadence", "Ada", "0"], "at least 1 day"),
        (["cadence", "Ada", "often"], "not a number of days"),
        (["due", "--at", "soon"], "not a date or time"),
    ],
)
def test_bad_input_is_one_line_and_changes_nothing(env, capsys, database, argv, message):
    _ada, _ = env
    run(capsys, "cadence", "Ada", "7")
    before = snapshot(database)
    status, out, err = run(capsys, *argv)
    assert status != 0
    assert out == ""
    assert message in err
    assert err.startswith("netdesk: ") and err.count("\n") == 1
    assert "Traceback" not in err
    assert snapshot(database) == before


def test_calendar_to_file_and_stdout(env, capsys, tmp_path):
    ada, activity = env
    activity.add_followup(ada, dt.datetime(2026, 12, 1, 8, 0, tzinfo=dt.UTC), "slides")
    target = tmp_path / "followups.ics"
    status, out, _ = run(capsys, "calendar", "-o", str(target))
    assert status == 0 and out.strip() == f"Wrote 1 entry to {target}"
    assert b"SUMMARY:Follow up with Ada Lovelace\r\n" in target.read_bytes()
    status, out, _ = run(capsys, "calendar")
    assert status == 0 and out.startswith("BEGIN:VCALENDAR")


def test_calendar_to_unwritable_file_fails_cleanly(env, capsys, tmp_path):
    status, out, err = run(capsys, "calendar", "-o", str(tmp_path / "no" / "such" / "x.ics"))
    assert status == 1 and out == "" and err.startswith("netdesk: ")


def test_tag_cadence_applies_to_everyone_with_the_tag(env, capsys, contact_service):
    ada, _ = env
    contact = contact_service.get(ada)
    contact.tags = ["Mentors"]
    contact_service.update(contact)
    status, out, _ = run(capsys, "cadence", "--tag", "mentors", "14")
    assert status == 0 and "everyone tagged “Mentors” every 14 days (1 contact" in out
    later = (dt.datetime.now() + dt.timedelta(days=15)).strftime("%Y-%m-%dT%H:%M")
    [item] = json.loads(run(capsys, "due", "--json", "--at", later)[1])
    assert (item["contact_id"], item["kind"]) == (ada, "cadence")
    # The contact's own cadence wins over the tag's default.
    run(capsys, "cadence", "Ada", "60")
    assert json.loads(run(capsys, "due", "--json", "--at", later)[1]) == []
    status, out, _ = run(capsys, "cadence", "--tag", "Mentors", "off")
    assert status == 0 and "No default keep-in-touch cadence" in out
    assert [t.keep_in_touch_days for t in contact_service.tags()] == [None]


def test_tag_cadence_errors_change_nothing(env, capsys, contact_service):
    status, _, err = run(capsys, "cadence", "--tag", "nosuch", "7")
    assert status == 1 and "no tag “nosuch”" in err
    status, _, err = run(capsys, "cadence", "Ada", "7", "--tag", "x")
    assert status == 2 and "either a CONTACT or --tag" in err
    status, _, err = run(capsys, "cadence", "30")
    assert status == 2 and "either a CONTACT or --tag" in err
    assert contact_service.tags() == []


def test_remind_and_due_show_birthdays_and_anniversaries(env, capsys, contact_service):
    ada_id, _ = env
    ada = contact_service.get(ada_id)
    ada.birthday = PartialDate(1815, 12, 10)
    ada.anniversary = PartialDate(None, 12, 20)
    contact_service.update(ada)
    at = "2026-12-05T12:00"
    # Nothing reminds until asked to.
    status, out, _ = run(capsys, "due", "--json", "--at", at)
    assert status == 0 and json.loads(out) == []
    assert run(capsys, "remind", "Ada Lovelace", "7")[0] == 0
    status, out, _ = run(capsys, "due", "--json", "--at", at)
    (item,) = json.loads(out)  # the anniversary's reminder day (13 Dec) is beyond 7 days
    assert item["kind"] == "birthday" and item["name"] == "Ada Lovelace"
    # A reminder that has started is coming up, not late.
    assert item["due"] == "2026-12-03T09:00:00+01:00" and item["overdue"] is False
    assert item["note"] == "Birthday on 2026-12-10 (211th)" and item["followup_id"] is None
    # The global default applies to contacts without their own setting; "off" clears it.
    assert run(capsys, "remind", "Ada Lovelace", "off")[0] == 0
    assert run(capsys, "remind", "--default", "0")[0] == 0
    status, out, _ = run(capsys, "due", "--json", "--all", "--at", at)
    assert [(i["kind"], i["due"][:10]) for i in json.loads(out)] == [
        ("birthday", "2026-12-10"),
        ("anniversary", "2026-12-20"),
    ]
    status, out, _ = run(capsys, "show", "--json", "Ada Lovelace")
    assert json.loads(out)["remind_days_before"] is None
    status, _, err = run(capsys, "remind", "--default", "99")
    assert status == 1 and "0 to 60" in err and "Traceback" not in err
