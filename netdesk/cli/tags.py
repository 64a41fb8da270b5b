"""``netdesk tag list|rename|delete``: tags as a whole, as the sidebar's tag menu has them."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, print_json
from netdesk.paths import resolve_paths
from netdesk.services.contacts import ContactService
from netdesk.services.errors import ServiceError
from netdesk.services.tags import TagService
from netdesk.store.db import CLI_BUSY_TIMEOUT_MS, StoreError, open_database


def _configure(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="tag_command", metavar="ACTION", required=True)
    listing = sub.add_parser("list", help="every tag with how many contacts have it")
    listing.add_argument("--json", action="store_true", help="machine-readable output")
    rename = sub.add_parser("rename", help="rename a tag (onto another tag's name: --merge)")
    rename.add_argument("old", metavar="OLD")
    rename.add_argument("new", metavar="NEW")
    rename.add_argument("--merge", action="store_true",
                        help="NEW is another tag: give its tag to everyone tagged OLD and "
                             "delete OLD")
    rename.add_argument("--json", action="store_true", help="machine-readable output")
    delete = sub.add_parser("delete", help="take a tag from every contact and delete it")
    delete.add_argument("name", metavar="NAME")
    delete.add_argument("--json", action="store_true", help="machine-readable output")


def _run(args: argparse.Namespace) -> int:
    try:
        database = open_database(resolve_paths(args.data_dir).data_dir, CLI_BUSY_TIMEOUT_MS)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    tags, contacts = TagService(database), ContactService(database)
    try:
        if args.tag_command == "list":
            return _list(contacts, args.json)
        if args.tag_command == "rename":
            return _rename(tags, args)
        change = tags.delete(args.name)
        result = {"deleted": change.tag.name, "contacts": len(change.ids)}
        if args.json:
            print_json(result)
        else:
            print(f"Deleted tag “{change.tag.name}” from {len(change.ids)} contact(s)")
        return 0
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    finally:
        contacts.close()
        database.dispose()


def _list(contacts: ContactService, as_json: bool) -> int:
    found = contacts.tags()
    if as_json:
        print_json([{"name": t.name, "contacts": t.count,
                     "keep_in_touch_days": t.keep_in_touch_days} for t in found])
        return 0
    if not found:
        print("No tags.")
    for t in found:
        every = f"  (keep in touch every {t.keep_in_touch_days} days)" if \
            t.keep_in_touch_days else ""
        print(f"{t.count:>7}  {t.name}{every}")
    return 0


def _rename(tags: TagService, args: argparse.Namespace) -> int:
    target = tags.merge_target(args.old, args.new)
    if target is not None and not args.merge:
        raise CliError(f"there is already a tag “{target.name}”; add --merge to merge "
                       f"“{args.old}” into it")
    if target is not None:
        merge = tags.merge(args.old, target.name)
        result = {"renamed": merge.source.name, "to": target.name, "merged": True,
                  "contacts": len(merge.members)}
    else:
        before, after, members = tags.rename(args.old, args.new)
        result = {"renamed": before.name, "to": after.name, "merged": False,
                  "contacts": len(members)}
    if args.json:
        print_json(result)
    else:
        verb = "Merged" if result["merged"] else "Renamed"
        print(f"{verb} tag “{result['renamed']}” into “{result['to']}” "
              f"({result['contacts']} contact(s))")
    return 0


COMMANDS = (("tag", "list, rename (or merge) and delete tags", _configure, _run),)
