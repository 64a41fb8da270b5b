"""Issue 17: values a hostile tester typed. Each ends with a clear one-line message, no
traceback, and the store as it was."""

from __future__ import annotations

import json
import sqlite3

import pytest


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (("show", "²"), "no contact matches “²”"),
        (("show", "9223372036854775808"), "no contact has id 9223372036854775808"),
        (("show", "0"), "no contact has id 0"),
        (("followup", "1", "--due", "0001-01-01T00:00+05:00"), "between the years 1000 and 9000"),
        (("followup", "1", "--due", "9999-12-31T23:30-05:00"), "between the years 1000 and 9000"),
        (("log", "1", "--at", "0001-01-01"), "between the years 1000 and 9000"),
        (("due", "--days", "3000000"), "between 0 and 36,500"),
        (("due", "--days", "-1"), "between 0 and 36,500"),
        (("cadence", "1", "99999999999999999999"), "1 to 3650 days"),
        (("cadence", "1", "9999999"), "at most 3650 days"),
        (("cadence", "1", "0"), "at least 1 day"),
        (("cadence", "1", "¹²"), "is not a number of days"),
    ],
)
def test_bad_values_are_refused_with_a_message(one_contact, argv, message) -> None:
    code, out, err = one_contact.run(*argv)
    assert code == 1
    assert message in err
    assert "Traceback" not in err and err.count("\n") == 1
    # Nothing was written: no follow-up, no interaction, no cadence.
    code, out, _ = one_contact.run("show", "--json", "1")
    assert json.loads(out)["keep_in_touch_days"] is None
    assert json.loads(one_contact.run("due", "--all", "--json")[1]) == []


def test_bad_values_as_a_process_print_no_traceback(one_contact) -> None:
    for argv in (("show", "²"), ("cadence", "1", "99999999999999999999")):
        done = one_contact.proc(*argv)
        assert done.returncode == 1
        assert b"Traceback" not in done.stderr and done.stderr.startswith(b"netdesk: ")


def test_tag_cadence_has_the_same_limit(one_contact, tmp_path) -> None:
    vcf = tmp_path / "tagged.vcf"
    vcf.write_text(
        "BEGIN:VCARD\nVERSION:3.0\nFN:Bo\nCATEGORIES:friends\nEND:VCARD\n", encoding="utf-8"
    )
    one_contact.run("import", str(vcf))
    code, _, err = one_contact.run("cadence", "--tag", "friends", "4000")
    assert code == 1 and "at most 3650 days" in err
    assert one_contact.run("cadence", "--tag", "friends", "3650")[0] == 0


def test_the_longest_cadence_is_accepted(one_contact) -> None:
    code, out, _ = one_contact.run("cadence", "1", "3650")
    assert code == 0 and "every 3650 days" in out


def test_a_store_holding_a_bad_cadence_still_lists_and_exports(one_contact, tmp_path) -> None:
    # Written by a version that accepted any number: one value must not poison the store.
    db = one_contact.data_dir / "netdesk.sqlite3"
    con = sqlite3.connect(db)
    con.execute("UPDATE contacts SET keep_in_touch_days = 9999999")
    con.commit()
    con.close()
    code, out, err = one_contact.run("list")
    assert code == 0 and "Ann Lee" in out, err
    code, out, err = one_contact.run("due", "--all", "--json")
    assert code == 0, err
    (item,) = json.loads(out)
    assert item["kind"] == "cadence" and item["name"] == "Ann Lee"
    assert one_contact.run("due")[0] == 0
    code, out, err = one_contact.run("calendar")
    assert code == 0 and "BEGIN:VCALENDAR" in out, err
    assert one_contact.run("show", "1")[0] == 0


def test_services_apply_the_same_limits(database) -> None:
    # The GUI and scripts reach the services without the CLI's checks in front.
    import datetime as dt

    from netdesk.domain.contact import Contact
    from netdesk.services.activity import ActivityService
    from netdesk.services.contacts import ContactService
    from netdesk.services.errors import ValidationError

    contacts = ContactService(database)
    activity = ActivityService(database, tz=dt.UTC)
    with pytest.raises(ValidationError, match="at most 3650 days"):
        contacts.create(Contact(display_name="Too Slow", keep_in_touch_days=9999999))
    person = contacts.create(Contact(display_name="Fine"))
    with pytest.raises(ValidationError, match="at most 3650 days"):
        activity.set_cadence(person.id, 4000)
    with pytest.raises(ValidationError, match="between the years 1000 and 9000"):
        activity.add_followup(person.id, dt.datetime(1, 1, 1, tzinfo=dt.UTC))
    with pytest.raises(ValidationError, match="between 0 and 36,500"):
        activity.due(horizon=dt.timedelta(days=3_000_000))
    assert activity.due(horizon=dt.timedelta(days=36_500)) == []
