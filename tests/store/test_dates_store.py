"""Other dates, related people and the per-contact reminder setting are stored (migration
0004) and come back; an update replaces them; deleting the contact deletes them."""

from __future__ import annotations

import dataclasses

from netdesk.domain.contact import Contact, ContactDate, PartialDate, RelatedPerson


def test_dates_related_and_reminder_setting_round_trip(contact_service, database) -> None:
    c = contact_service.create(
        Contact(
            "Ann",
            anniversary=PartialDate(None, 6, 12),
            other_dates=[
                ContactDate(PartialDate(2001, 2, 3), "graduation"),
                ContactDate(PartialDate(None, 9, 1), ""),
            ],
            related=[RelatedPerson("Jenny", "spouse"), RelatedPerson("urn:uuid:42", "")],
            remind_days_before=3,
        )
    )
    got = contact_service.get(c.id)
    assert (got.other_dates, got.related, got.remind_days_before) == (
        c.other_dates,
        c.related,
        3,
    )
    contact_service.update(
        dataclasses.replace(got, other_dates=[], related=got.related[:1], remind_days_before=None)
    )
    again = contact_service.get(c.id)
    assert (again.other_dates, again.related, again.remind_days_before) == (
        [],
        [RelatedPerson("Jenny", "spouse")],
        None,
    )
    contact_service.delete([c.id])
    con = database.connect_raw()
    try:
        for table in ("contact_dates", "related_people", "date_reminder_settings"):
            assert con.execute(f"SELECT count(*) FROM {table}").fetchone() == (0,)
    finally:
        con.close()
