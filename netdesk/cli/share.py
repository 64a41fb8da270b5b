"""``netdesk qr`` (a contact as a QR code for a phone camera) and ``netdesk me`` (my card)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netdesk.cli.common import CliError, open_services, print_json
from netdesk.services.errors import ServiceError


def _configure_qr(p: argparse.ArgumentParser) -> None:
    p.add_argument("contact", metavar="CONTACT", nargs="?", help="id, or a unique name or e-mail")
    p.add_argument("--me", action="store_true", help="your own card (see: netdesk me)")
    p.add_argument("-o", "--output", metavar="FILE", help="write a .png or .svg file")
    p.add_argument(
        "--fields",
        metavar="LIST",
        help="comma-separated: name,org,title,phone,email,url (default: all; the name is "
        "always in)",
    )
    p.add_argument("--text", action="store_true", help="print the vCard text instead of the QR")


def _fields(text: str | None) -> tuple[str, ...]:
    from netdesk.services.share import QR_FIELDS

    if not text:
        return QR_FIELDS
    chosen = tuple(f.strip().lower() for f in text.split(",") if f.strip())
    unknown = [f for f in chosen if f not in QR_FIELDS]
    if unknown:
        raise CliError(
            f"unknown field(s) {', '.join(unknown)}; choose from {','.join(QR_FIELDS)}", status=2
        )
    return chosen


def _run_qr(args: argparse.Namespace) -> int:
    from netdesk.services.share import MyCard, compact_vcard, qr_terminal_text, save_qr

    if bool(args.contact) == bool(args.me):
        raise CliError("give either a CONTACT or --me", status=2)
    fields = _fields(args.fields)
    services = open_services(args)
    contacts = services.contacts
    try:
        if args.me:
            contact = MyCard(contacts.db.path.parent).get(contacts)
        else:
            contact = contacts.resolve(args.contact)
        card = compact_vcard(contact, fields)
        if args.output:
            save_qr(card, Path(args.output))
            size = len(card.encode("utf-8"))
            print(
                f"Wrote a QR code of {contact.display_name} ({size} bytes) to {args.output}.",
                file=sys.stderr,
            )
        elif args.text:
            sys.stdout.write(card.replace("\r\n", "\n"))
        else:
            sys.stdout.write(qr_terminal_text(card))
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    return 0


def _configure_me(p: argparse.ArgumentParser) -> None:
    p.add_argument(
        "contact", metavar="CONTACT", nargs="?", help="your own contact (omit to show it)"
    )
    p.add_argument("--json", action="store_true", help="print as JSON")


def _run_me(args: argparse.Namespace) -> int:
    from netdesk.services.share import MyCard

    contacts = open_services(args).contacts
    mine = MyCard(contacts.db.path.parent)
    try:
        if args.contact:
            contact = contacts.resolve(args.contact)
            mine.set(contact)
        else:
            contact = mine.get(contacts)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json({"id": contact.id, "name": contact.display_name})
    else:
        print(f"Your card: {contact.display_name} (id {contact.id}).")
    return 0


COMMANDS = (
    ("qr", "show or save a contact as a QR code a phone camera reads", _configure_qr, _run_qr),
    ("me", "choose (or show) which contact is your own card", _configure_me, _run_me),
)
