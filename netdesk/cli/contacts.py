"""``netdesk list`` and ``netdesk show``."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, open_services, print_json, say
from netdesk.domain.contact import Contact
from netdesk.services.errors import ServiceError


def _configure_list(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.add_argument("--search", metavar="TEXT", default="", help="only contacts matching TEXT")
    p.add_argument("--tag", metavar="TAG", help="only contacts with this tag")


def _run_list(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        rows = services.contacts.summaries(args.search, args.tag)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "name": r.name,
                    "emails": list(r.emails),
                    "phones": list(r.phones),
                    "org": r.org,
                    "title": r.title,
                    "tags": list(r.tags),
                    "last_contact": r.last_contact.isoformat() if r.last_contact else None,
                    "next_due": r.next_due.isoformat() if r.next_due else None,
                }
                for r in rows
            ]
        )
        return 0
    if not rows:
        print("No contacts." if not (args.search or args.tag) else "No contacts match.")
        return 0
    width = min(max(len(r.name) for r in rows), 40)
    for r in rows:
        extra = "  ".join(x for x in (r.org, r.email, r.phone) if x)
        tags = f"  [{', '.join(r.tags)}]" if r.tags else ""
        say(f"{r.id:>6}  {r.name[:40]:<{width}}  {extra}{tags}".rstrip())
    return 0


def contact_json(c: Contact) -> dict:
    def values(items):
        return [{"value": v.value, "label": v.label, "preferred": v.preferred} for v in items]

    return {
        "id": c.id,
        "uid": c.uid,
        "name": c.display_name,
        "given_name": c.given_name,
        "family_name": c.family_name,
        "additional_names": c.additional_names,
        "prefix": c.name_prefix,
        "suffix": c.name_suffix,
        "nickname": c.nickname,
        "org": c.org,
        "org_units": c.org_units,
        "title": c.title,
        "role": c.role,
        "emails": [e.value for e in c.emails],
        "phones": [p.value for p in c.phones],
        "email_details": values(c.emails),
        "phone_details": values(c.phones),
        "urls": values(c.urls),
        "social_profiles": values(c.social_profiles),
        "addresses": [
            {
                "po_box": a.po_box,
                "extended": a.extended,
                "street": a.street,
                "locality": a.locality,
                "region": a.region,
                "postal_code": a.postal_code,
                "country": a.country,
                "label": a.label,
                "preferred": a.preferred,
            }
            for a in c.addresses
        ],
        "birthday": c.birthday.iso() if c.birthday else None,
        "anniversary": c.anniversary.iso() if c.anniversary else None,
        "other_dates": [{"date": d.date.iso(), "label": d.label} for d in c.other_dates],
        "related": [{"name": r.name, "relation": r.relation} for r in c.related],
        "remind_days_before": c.remind_days_before,
        "tags": c.tags,
        "notes": c.notes,
        "met_event": c.met_event,
        "met_event_kind": c.met_event_kind,
        "met_note": c.met_note,
        "keep_in_touch_days": c.keep_in_touch_days,
        "has_photo": bool(c.photo),
        "photo_uri": c.photo_uri or None,
        "created_at": c.created_at.isoformat() if c.created_at else None,
        "updated_at": c.updated_at.isoformat() if c.updated_at else None,
    }


def _configure_show(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.add_argument("contact", metavar="CONTACT", help="id, or a unique name or e-mail")


def _run_show(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        c = services.contacts.resolve(args.contact)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(contact_json(c))
        return 0
    lines = [c.display_name]
    job = ", ".join(x for x in (c.title, " / ".join([c.org, *c.org_units]).strip(" /")) if x)
    if job:
        lines.append(job)
    for label, items in (("Email", c.emails), ("Phone", c.phones), ("Web", c.urls)):
        for v in items:
            lines.append(f"  {label}: {v.value}" + (f" ({v.label})" if v.label else ""))
    for v in c.social_profiles:
        lines.append(f"  Profile: {v.value}" + (f" ({v.label})" if v.label else ""))
    for a in c.addresses:
        lines.append(f"  Address: {a.one_line()}" + (f" ({a.label})" if a.label else ""))
    if c.birthday:
        lines.append(f"  Birthday: {c.birthday.iso()}")
    if c.anniversary:
        lines.append(f"  Anniversary: {c.anniversary.iso()}")
    for d in c.other_dates:
        lines.append(f"  Date: {d.date.iso()}" + (f" ({d.label})" if d.label else ""))
    for r in c.related:
        lines.append(f"  Related: {r.name}" + (f" ({r.relation})" if r.relation else ""))
    if c.tags:
        lines.append(f"  Tags: {', '.join(c.tags)}")
    if c.met_event or c.met_note:
        lines.append(f"  Met: {' — '.join(x for x in (c.met_event, c.met_note) if x)}")
    if c.keep_in_touch_days:
        lines.append(f"  Keep in touch every {c.keep_in_touch_days} days")
    if c.notes:
        lines.append("  Notes:")
        lines += [f"    {line}" for line in c.notes.splitlines()]
    lines.append(f"  id {c.id}")
    say("\n".join(lines))
    return 0


COMMANDS = (
    ("list", "list contacts", _configure_list, _run_list),
    ("show", "show one contact", _configure_show, _run_show),
)
