"""``netdesk remind``: "remind me N days before" birthdays and anniversaries."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, open_services
from netdesk.services.errors import ServiceError


def _configure_remind(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "contact",
        nargs="?",
        metavar="CONTACT",
        help="id, or a unique name or e-mail; leave out with --default",
    )
    p.add_argument("days", metavar="DAYS|off", help="days before the date (0 = on the day)")
    p.add_argument(
        "--default", action="store_true", help="set the default for every contact instead"
    )


def _days(text: str) -> int | None:
    if text.lower() == "off":
        return None
    try:
        return int(text)
    except ValueError:
        raise CliError(f"DAYS must be a whole number or 'off', not {text!r}") from None


def _run_remind(args: argparse.Namespace) -> int:
    from netdesk.services.dates import DateReminderService

    if args.default == bool(args.contact):
        raise CliError("give either a CONTACT or --default")
    days = _days(args.days)
    contacts = open_services(args).contacts
    service = DateReminderService(contacts.db)
    when = "off" if days is None else f"{days} day{'s' if days != 1 else ''} before"
    try:
        if args.default:
            service.set_default_days_before(days)
            print(f"Birthday and anniversary reminders for everyone: {when}")
        else:
            contact = contacts.resolve(args.contact)
            service.set_contact_days_before(contact.id, days)
            print(f"Birthday and anniversary reminders for {contact.display_name}: {when}")
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    return 0


COMMANDS = (
    (
        "remind",
        "remind of birthdays and anniversaries N days before (per contact or --default)",
        _configure_remind,
        _run_remind,
    ),
)
