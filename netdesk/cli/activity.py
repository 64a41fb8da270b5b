"""``netdesk log``, ``followup``, ``cadence``, ``due`` and ``calendar``.

Times typed without a zone are local time. Every command checks all of its input before it
writes, so a bad date or an unknown contact leaves the store as it was.
"""

from __future__ import annotations

import argparse
import datetime as dt

from netdesk.cli.common import CliError, open_services, print_json, say
from netdesk.domain.activity import CHANNELS
from netdesk.domain.contact import Contact
from netdesk.domain.due import MAX_CADENCE_DAYS, validate_cadence
from netdesk.domain.timeparse import local_tz, parse_user_datetime
from netdesk.domain.validation import check_horizon_days
from netdesk.services.activity import ActivityService, format_local, relative_when
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError

# "Logged a call with …": what each channel is called in a sentence.
_CHANNEL_PHRASE = {
    "meeting": "a meeting",
    "call": "a call",
    "email": "an email",
    "message": "a message",
    "event": "meeting at an event",
    "other": "an interaction",
}


def _open(args: argparse.Namespace,
          with_dates: bool = False) -> tuple[ContactService, ActivityService]:
    """The services; ``with_dates``: due() includes birthday/anniversary reminders, merged by
    the service as in the window."""
    contacts = open_services(args).contacts
    tz = local_tz()
    dates = None
    if with_dates:
        from netdesk.services.dates import DateReminderService

        dates = DateReminderService(contacts.db, tz=tz)
    return contacts, ActivityService(contacts.db, tz=tz, dates=dates)


def _resolve(contacts: ContactService, ref: str) -> Contact:
    try:
        return contacts.resolve(ref)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc


def _when(text: str, tz: dt.tzinfo) -> dt.datetime:
    try:
        return parse_user_datetime(text, tz)
    except ValueError as exc:
        raise CliError(str(exc)) from exc


# -- log ----------------------------------------------------------------------------------------
def _configure_log(p: argparse.ArgumentParser) -> None:
    p.add_argument("contacts", metavar="CONTACT", nargs="+",
                   help="id, or a unique name or e-mail; several for one meeting with them all")
    p.add_argument("--channel", default="other", metavar="C", help=f"one of {', '.join(CHANNELS)}")
    p.add_argument("--note", default="", metavar="TEXT", help="what was said or agreed")
    p.add_argument("--at", metavar="ISO", help="when (default now; local time unless a zone)")


def _run_log(args: argparse.Namespace) -> int:
    contacts, activity = _open(args)
    if args.channel not in CHANNELS:
        raise CliError(f"unknown channel “{args.channel}” (use one of: {', '.join(CHANNELS)})")
    at = _when(args.at, activity.tz) if args.at else None
    people = list({c.id: c for c in (_resolve(contacts, ref) for ref in args.contacts)}.values())
    try:
        done = activity.log_interaction(people[0].id, args.channel, args.note, at,
                                        with_ids=[c.id for c in people[1:]])
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    phrase = _CHANNEL_PHRASE[done.channel]
    names = [c.display_name for c in people]
    who = names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"
    say(f"Logged {phrase} with {who} on {format_local(done.at, activity.tz)}")
    return 0


# -- followup -----------------------------------------------------------------------------------
def _configure_followup(p: argparse.ArgumentParser) -> None:
    p.add_argument("contact", metavar="CONTACT", help="id, or a unique name or e-mail")
    p.add_argument(
        "--due", required=True, metavar="ISO", help="when (YYYY-MM-DD means 09:00 local time)"
    )
    p.add_argument("--note", default="", metavar="TEXT", help="what to follow up about")


def _run_followup(args: argparse.Namespace) -> int:
    contacts, activity = _open(args)
    due = _when(args.due, activity.tz)
    contact = _resolve(contacts, args.contact)
    try:
        f = activity.add_followup(contact.id, due, args.note)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    about = f": {f.note}" if f.note else ""
    say(
        f"Follow-up with {contact.display_name} due {format_local(f.due, activity.tz)}{about}"
        f" (#{f.id})"
    )
    return 0


# -- cadence ------------------------------------------------------------------------------------
def _configure_cadence(p: argparse.ArgumentParser) -> None:
    p.add_argument("contact", metavar="CONTACT", nargs="?", help="id, or a unique name or e-mail")
    p.add_argument("days", metavar="DAYS|off", help="keep in touch every DAYS days, or off")
    p.add_argument(
        "--tag", metavar="TAG", help="set the default for everyone with TAG instead of one contact"
    )


def _parse_days(text: str) -> int | None:
    if text.strip().lower() in ("off", "none", "never"):
        return None
    cleaned = text.strip()
    if not (cleaned.isascii() and cleaned.lstrip("-").isdigit()):
        raise CliError(f"“{text}” is not a number of days (or “off”)")
    if len(cleaned) > 12:
        raise CliError(f"a keep-in-touch cadence is 1 to {MAX_CADENCE_DAYS} days")
    try:
        return validate_cadence(int(cleaned))
    except ValueError as exc:
        raise CliError(str(exc)) from None


def _run_cadence(args: argparse.Namespace) -> int:
    if (args.contact is None) == (args.tag is None):
        raise CliError("give either a CONTACT or --tag TAG", status=2)
    contacts, activity = _open(args)
    days = _parse_days(args.days)
    if args.tag is not None:
        return _run_tag_cadence(contacts, args.tag, days)
    contact = _resolve(contacts, args.contact)
    try:
        activity.set_cadence(contact.id, days)
        found = [c for c in activity.cadences() if c.contact_id == contact.id]
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    name = contact.display_name
    if days is None:
        # A tag's default cadence still applies when the contact's own one is turned off.
        inherited = f"; a tag still asks for every {found[0].days} days" if found else ""
        say(f"No keep-in-touch cadence of its own for {name} any more{inherited}")
    else:
        nxt = f", next due {format_local(found[0].due, activity.tz)}" if found else ""
        say(f"Keeping in touch with {name} every {days} days{nxt}")
    return 0


def _run_tag_cadence(contacts: ContactService, tag: str, days: int | None) -> int:
    try:
        contacts.set_tag_cadence(tag, days)
        info = next(t for t in contacts.tags() if t.name.casefold() == tag.casefold())
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    people = f"{info.count} contact{'s' if info.count != 1 else ''}"
    if days is None:
        say(f"No default keep-in-touch cadence for “{info.name}” any more ({people})")
    else:
        say(
            f"Keeping in touch with everyone tagged “{info.name}” every {days} days ({people};"
            " a contact's own cadence still wins)"
        )
    return 0


# -- due ----------------------------------------------------------------------------------------
def _configure_due(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--at", metavar="ISO", help="as if it were this moment (default now)")
    group = p.add_mutually_exclusive_group()
    group.add_argument(
        "--days", type=int, default=7, metavar="N", help="also what falls due in N days (7)"
    )
    group.add_argument("--all", action="store_true", help="everything, however far ahead")


def _run_due(args: argparse.Namespace) -> int:
    _contacts, activity = _open(args, with_dates=True)
    now = _when(args.at, activity.tz) if args.at else activity.clock.now()
    try:
        check_horizon_days(args.days)
    except ValueError as exc:
        raise CliError(f"--days: {exc}") from None
    horizon = None if args.all else dt.timedelta(days=args.days)
    try:
        items = activity.due(now, horizon)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            [
                {
                    "contact_id": i.contact_id,
                    "name": i.name,
                    "due": i.due.astimezone(activity.tz).isoformat(),
                    "kind": i.kind,
                    "note": i.note,
                    "overdue": i.overdue(now),
                    "followup_id": i.followup_id,
                }
                for i in items
            ]
        )
        return 0
    if not items:
        print("Nothing due." if args.all else f"Nothing due in the next {args.days} days.")
        return 0
    whens = [relative_when(i.due, now, activity.tz) for i in items]
    width = max(len(w) for w in whens)
    for item, when in zip(items, whens, strict=True):
        note = f" — {item.note}" if item.note else ""
        ref = f" (#{item.followup_id})" if item.followup_id else ""
        say(f"{when:<{width}}  {item.name}{note}{ref}")
    return 0


# -- calendar -----------------------------------------------------------------------------------
def _configure_calendar(p: argparse.ArgumentParser) -> None:
    p.add_argument("-o", "--output", metavar="FILE", help="write to FILE (default: stdout)")
    p.add_argument(
        "--no-cadences", action="store_true", help="only follow-ups, not keep-in-touch dates"
    )
    p.add_argument(
        "--events", action="store_true",
        help="export events (meetups, conferences) with the people met there instead",
    )


def _run_calendar(args: argparse.Namespace) -> int:
    _contacts, activity = _open(args)
    try:
        if args.events:
            from netdesk.services.events import EventService

            text = EventService(activity.db, tz=activity.tz).export_ics(args.output)
        else:
            text = activity.export_ics(args.output, with_cadences=not args.no_cadences)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.output:
        count = text.count("BEGIN:VEVENT" if args.events else "BEGIN:VTODO")
        print(f"Wrote {count} entr{'y' if count == 1 else 'ies'} to {args.output}")
    else:
        print(text, end="")
    return 0


COMMANDS = (
    ("log", "log an interaction with a contact", _configure_log, _run_log),
    ("followup", "schedule a follow-up with a contact", _configure_followup, _run_followup),
    ("cadence", "keep in touch with a contact every N days", _configure_cadence, _run_cadence),
    ("due", "show follow-ups and keep-in-touch dates that are due", _configure_due, _run_due),
    ("calendar", "export follow-ups as iCalendar (.ics)", _configure_calendar, _run_calendar),
)
