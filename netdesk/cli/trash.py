"""``netdesk trash list|restore|empty``: what was deleted in the last 30 days, back or gone."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, print_json
from netdesk.domain.clock import SystemClock
from netdesk.paths import resolve_paths
from netdesk.services.errors import ServiceError
from netdesk.services.trash import KEEP_DAYS, TrashService
from netdesk.store.db import CLI_BUSY_TIMEOUT_MS, StoreError, open_database


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="trash_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="list the deleted contacts, newest first")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    restore = sub.add_parser("restore", help="put deleted contacts back, with their activity")
    restore.add_argument("ids", metavar="ID", nargs="+", type=int,
                         help="trash entry ids, as `netdesk trash list` shows them")
    sub.add_parser("empty", help="remove everything in the trash for good")


def _open(args: argparse.Namespace) -> TrashService:
    try:
        database = open_database(resolve_paths(args.data_dir).data_dir, CLI_BUSY_TIMEOUT_MS)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    return TrashService(database, SystemClock())


def _run(args: argparse.Namespace) -> int:
    trash = _open(args)
    try:
        trash.purge_expired()  # entries past 30 days are gone, as in the app
        if args.trash_command == "list":
            return _list(trash, args.json)
        if args.trash_command == "restore":
            restored = trash.restore(args.ids)
            names = ", ".join(r.contact.display_name for r in restored.records)
            print(f"Restored {len(restored.records)} from the trash: {names}")
            return 0
        removed = trash.empty()
        print(f"Emptied the trash: {len(removed)} removed for good")
        return 0
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        trash.db.dispose()


def _list(trash: TrashService, as_json: bool) -> int:
    entries = trash.entries()
    if as_json:
        print_json([{"id": e.id, "contact_id": e.contact_id, "name": e.name,
                     "deleted_at": e.deleted_at.isoformat()} for e in entries])
        return 0
    if not entries:
        print("The trash is empty")
        return 0
    for e in entries:
        when = e.deleted_at.astimezone().strftime("%Y-%m-%d %H:%M")
        print(f"{e.id:>6}  {when}  {e.name}")
    print(f"Kept {KEEP_DAYS} days after deletion; `netdesk trash restore ID` puts one back")
    return 0


COMMANDS = (("trash", "list, restore or empty deleted contacts (kept 30 days)", _configure, _run),)
