"""Activity for the sample contacts: what a few weeks of networking leave behind.

"Try with sample contacts" should show netdesk working, not an empty Today view: so some of
the sample people get interactions (met at a meetup, a call, an e-mail), open follow-ups
(two overdue, three due later today, five in the next days) and keep-in-touch cadences, two
of which have lapsed. Every time is relative to the activity service's clock, so the picture
is the same whenever it is made; everything goes through ActivityService, like a user's.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from netdesk.domain.contact import Contact

# (name, days ago, local hour, minute, channel, note)
INTERACTIONS = [
    (
        "Amara Okafor",
        41,
        19,
        30,
        "meeting",
        "Met at Berlin Python Meetup after her talk on platform teams. Hiring two backend "
        "engineers in Q3.",
    ),
    (
        "Amara Okafor",
        34,
        10,
        5,
        "email",
        "Sent my CV and the write-up on background jobs she asked about.",
    ),
    (
        "Amara Okafor",
        12,
        16,
        0,
        "call",
        "30-minute call about the backend role: team of six, Python and Go, remote-friendly. "
        "She'll introduce me to the hiring manager.",
    ),
    (
        "Lukas Brenner",
        20,
        8,
        45,
        "meeting",
        "Coffee after Product Camp. Invests in B2B tools; wants the deck once we have ten pilots.",
    ),
    (
        "Priya Raman",
        6,
        11,
        0,
        "call",
        "Screening call for a staff role at a fintech client; salary band shared.",
    ),
    (
        "Jonas Lindqvist",
        9,
        8,
        30,
        "event",
        "Founders Breakfast Lisbon: talked about fleet data pipelines.",
    ),
    (
        "Hannah Schmidt",
        44,
        18,
        30,
        "meeting",
        "Women in Data DE meetup: offered to speak at the spring edition.",
    ),
    ("Kwame Mensah", 3, 21, 10, "message", "LinkedIn: asked about product roles at Sankofa Pay."),
    (
        "Ravi Kulkarni",
        15,
        14,
        20,
        "email",
        "Reviewed my docs pull request; suggested the collective's mentoring programme.",
    ),
    ("Mei Chen", 27, 17, 0, "call", "Catch-up call: Harbor Robotics is opening a Lisbon office."),
    (
        "Ben Carter",
        75,
        19,
        0,
        "event",
        "Spoke at Product Guild London; Ben runs the monthly meetup.",
    ),
    (
        "Zoë Andersen",
        1,
        15,
        30,
        "meeting",
        "Coffee at Lumen Health: the people team is growing, open HR business partner role.",
    ),
    ("Chloé Durand", 2, 9, 40, "email", "She shared her research-ops templates."),
    ("Oliver Hughes", 50, 12, 0, "call", "Intro call; Cobalt places contract data engineers."),
    (
        "Samuel Osei",
        8,
        13,
        15,
        "message",
        "Tech Careers Accra would like a remote talk in the spring.",
    ),
    ("Laura Bianchi", 18, 18, 0, "meeting", "Velvet AI demo day: looking for a founding designer."),
    ("Clara Novak", 24, 10, 0, "call", "Advice on freelance day rates and contract terms."),
    (
        "Emma Johansson",
        11,
        9,
        0,
        "email",
        "Asked about sponsoring the Northern Lights autumn conference.",
    ),
]

# (name, days from today — negative: overdue, 0: later today — local hour, minute, note)
FOLLOW_UPS = [
    ("Mei Chen", -5, 9, 0, "Ask about the Lisbon office timeline"),
    ("Priya Raman", -2, 10, 0, "Send her two references"),
    ("Amara Okafor", 0, 0, 0, "Send availability for the hiring-manager interview"),
    ("Kwame Mensah", 0, 0, 0, "Send portfolio and the payments case study"),
    ("Chloé Durand", 0, 0, 0, "Thank her; share our interview guide"),
    ("Jonas Lindqvist", 2, 9, 30, "Introduce Jonas to Kenji (data pipelines)"),
    ("Zoë Andersen", 3, 14, 0, "Send the two candidate profiles"),
    ("Emma Johansson", 4, 10, 30, "Reply with the sponsorship tiers"),
    ("Lukas Brenner", 5, 11, 0, "Send the pilot update and the deck"),
    ("Samuel Osei", 6, 16, 0, "Propose two talk titles"),
]

# Keep in touch every N days. With the interactions above, Hannah's and Ben's have lapsed.
CADENCES = [
    ("Hannah Schmidt", 30),
    ("Ben Carter", 60),
    ("Mei Chen", 90),
    ("Amara Okafor", 90),
    ("Ravi Kulkarni", 45),
]


class ActivityWriter(Protocol):
    """The part of ActivityService used here."""

    clock: object
    tz: dt.tzinfo

    def log_interaction(
        self, contact_id: int, channel: str, note: str, at: dt.datetime | None
    ) -> object: ...

    def add_followup(self, contact_id: int, due: dt.datetime, note: str) -> object: ...

    def set_cadence(self, contact_id: int, days: int | None) -> None: ...


def _local(day: dt.date, hour: int, minute: int, tz: dt.tzinfo) -> dt.datetime:
    return dt.datetime(day.year, day.month, day.day, hour, minute, tzinfo=tz)


def later_today(now: dt.datetime, tz: dt.tzinfo, part: int, parts: int) -> dt.datetime:
    """The ``part``-th of ``parts`` evenly spread moments between now and the local day's end
    (so "today" items stay today whatever time it is)."""
    local = now.astimezone(tz)
    end = _local(local.date(), 23, 45, tz)
    if end <= local:
        return now + dt.timedelta(minutes=part)
    return now + (end - local) * part / (parts + 1)


def add_sample_activity(activity: ActivityWriter, contacts: Sequence[Contact]) -> int:
    """Log the sample interactions, follow-ups and cadences for those of ``contacts`` (saved
    sample contacts) they name; returns how many things were written."""
    ids = {c.display_name: c.id for c in contacts if c.id is not None}
    tz = activity.tz
    now: dt.datetime = activity.clock.now()  # type: ignore[attr-defined]
    today = now.astimezone(tz).date()
    written = 0
    for name, days_ago, hour, minute, channel, note in INTERACTIONS:
        if name in ids:
            at = min(_local(today - dt.timedelta(days=days_ago), hour, minute, tz), now)
            activity.log_interaction(ids[name], channel, note, at)
            written += 1
    due_today = [f for f in FOLLOW_UPS if f[1] == 0]
    for name, days, hour, minute, note in FOLLOW_UPS:
        if name not in ids:
            continue
        if days == 0:
            due = later_today(
                now, tz, due_today.index((name, days, hour, minute, note)) + 1, len(due_today)
            )
        else:
            due = _local(today + dt.timedelta(days=days), hour, minute, tz)
        activity.add_followup(ids[name], due, note)
        written += 1
    for name, days in CADENCES:
        if name in ids:
            activity.set_cadence(ids[name], days)
            written += 1
    return written
