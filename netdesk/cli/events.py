"""``netdesk event add/list/show`` and ``netdesk stats``: events and how the network is doing."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, open_services, print_json
from netdesk.domain.events import KIND_LABELS, Event
from netdesk.domain.timeparse import local_tz
from netdesk.services.errors import ServiceError
from netdesk.services.events import EventService, parse_day, parse_kind
from netdesk.services.stats import StatsService, as_json


def _events(args: argparse.Namespace) -> EventService:
    return EventService(open_services(args).contacts.db, tz=local_tz())


def _when(event: Event) -> str:
    if event.start is None:
        return "no date"
    if event.end and event.end != event.start:
        return f"{event.start.isoformat()} – {event.end.isoformat()}"
    return event.start.isoformat()


def _event_json(event: Event, people: list[tuple[int, str]] | None = None) -> dict:
    out = {
        "id": event.id,
        "name": event.name,
        "kind": event.kind,
        "start_date": event.start.isoformat() if event.start else None,
        "end_date": event.end.isoformat() if event.end else None,
        "place": event.place,
        "notes": event.notes,
    }
    if people is not None:
        out["people"] = [{"id": cid, "name": name} for cid, name in people]
    return out


def _configure_event(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="event_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add an event", description="add an event")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--kind", default="other",
                     help=f"one of: {', '.join(KIND_LABELS.values())} (default other)")
    add.add_argument("--date", default="", metavar="YYYY-MM-DD", help="when it starts")
    add.add_argument("--end", default="", metavar="YYYY-MM-DD", help="its last day")
    add.add_argument("--place", default="", metavar="PLACE|URL", help="where, or its URL")
    add.add_argument("--notes", default="", metavar="TEXT")
    lst = sub.add_parser("list", help="list events, newest first", description="list events")
    lst.add_argument("--json", action="store_true", help="print a JSON array")
    show = sub.add_parser("show", help="an event and the people met there",
                          description="an event and the people met there")
    show.add_argument("event", metavar="EVENT", help="id or name")
    show.add_argument("--json", action="store_true", help="print a JSON object")
    met = sub.add_parser("met", help="record the people met at an event",
                         description="record the people met at an event")
    met.add_argument("event", metavar="EVENT", help="id or name")
    met.add_argument("contacts", metavar="CONTACT", nargs="+",
                     help="id, or a unique name or e-mail")


def _run_event(args: argparse.Namespace) -> int:
    events = _events(args)
    try:
        if args.event_command == "add":
            return _add(events, args)
        if args.event_command == "list":
            return _list(events, args.json)
        if args.event_command == "met":
            return _met(events, args)
        return _show(events, args.event, args.json)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc


def _add(events: EventService, args: argparse.Namespace) -> int:
    event = Event(args.name, parse_kind(args.kind), parse_day(args.date, "date"),
                  parse_day(args.end, "end"), args.place, args.notes)
    added = events.add(event)
    print(f"Added {KIND_LABELS[added.kind]} “{added.name}” ({_when(added)}) (#{added.id})")
    return 0


def _list(events: EventService, as_json_output: bool) -> int:
    summaries = events.summaries()
    if as_json_output:
        print_json([
            {**_event_json(s.event), "met": len(s.met), "followed_up": len(s.followed_up)}
            for s in summaries
        ])
        return 0
    if not summaries:
        print("No events yet.")
        return 0
    for s in summaries:
        e = s.event
        print(f"#{e.id}  {_when(e):<23}  {e.name} ({KIND_LABELS[e.kind]}) — {s.wording()}")
    return 0


def _met(events: EventService, args: argparse.Namespace) -> int:
    contacts = open_services(args).contacts
    event = events.find(args.event)
    people = [contacts.resolve(ref) for ref in args.contacts]  # all checked before writing
    new = events.link(event.id, [c.id for c in people])
    print(f"Met at {event.name}: {', '.join(c.display_name for c in people)}"
          f" ({len(new)} new)")
    return 0


def _show(events: EventService, ref: str, as_json_output: bool) -> int:
    event = events.find(ref)
    people = events.people(event.id)
    if as_json_output:
        print_json(_event_json(event, people))
        return 0
    print(f"{event.name} ({KIND_LABELS[event.kind]}), {_when(event)}")
    if event.place:
        print(f"  Where: {event.place}")
    if event.notes:
        print(f"  Notes: {event.notes}")
    print(f"  Met {len(people)}:" if people else "  Met nobody yet")
    for cid, name in people:
        print(f"    {name} (#{cid})")
    return 0


# -- stats --------------------------------------------------------------------------------------
def _configure_stats(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON object")


def _run_stats(args: argparse.Namespace) -> int:
    service = StatsService(open_services(args).contacts.db, tz=local_tz())
    try:
        numbers = service.compute()
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(as_json(numbers))
        return 0
    print("New people per month:")
    for bar in numbers.new_people_per_month:
        print(f"  {bar.label:<9} {bar.value}")
    print("Interactions per week:")
    for week in numbers.interactions_per_week:
        parts = ", ".join(f"{c} {p.value}" for c, p in week.parts.items() if p.value)
        print(f"  {week.label:<7} {week.value}" + (f" ({parts})" if parts else ""))
    print("Follow-ups: " + ", ".join(f"{b.value} {b.label}" for b in numbers.followups))
    print(f"Keep-in-touch dates lapsed: {len(numbers.lapsed)}")
    for bar in numbers.lapsed:
        print(f"  {bar.label} ({bar.value} days ago)")
    print("Events with the most lasting contacts (still in touch 3 months later):")
    for bar in numbers.lasting_by_event or []:
        print(f"  {bar.label}: {bar.value}")
    if not numbers.lasting_by_event:
        print("  none yet")
    return 0


COMMANDS = (
    ("event", "add, list and show events (meetups, conferences…)", _configure_event, _run_event),
    ("stats", "how your network is doing (the dashboard's numbers)", _configure_stats, _run_stats),
)
