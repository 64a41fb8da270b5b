"""``netdesk duplicates`` and ``netdesk merge``."""

from __future__ import annotations

import argparse

from netdesk.cli.common import CliError, open_services, print_json
from netdesk.cli.contacts import contact_json
from netdesk.services.errors import ServiceError

_TIERS = ("same", "likely", "maybe")


def _configure_duplicates(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print a JSON array of groups")
    p.add_argument("--tier", choices=_TIERS, help="only groups of this tier")
    p.add_argument(
        "--region",
        metavar="CC",
        help="country of phone numbers written without one, e.g. DE "
        "(default: the one chosen in Settings, else $NETDESK_PHONE_REGION or the locale's)",
    )
    p.add_argument(
        "--not-same",
        nargs=2,
        metavar=("A", "B"),
        help="remember that contacts A and B are different people (ids, names or e-mails)",
    )


def _run_duplicates(args: argparse.Namespace) -> int:
    from netdesk.services.duplicates import DuplicateService

    services = open_services(args)
    from netdesk.services.settings import AppSettings

    region = args.region or AppSettings(services.contacts.db).phone_region()
    service = DuplicateService(services.contacts.db, region)
    try:
        if args.not_same:
            a, b = (services.contacts.resolve(ref) for ref in args.not_same)
            service.mark_not_same(a.id, b.id)
            if args.json:
                print_json({"not_same": [a.id, b.id]})
            else:
                print(
                    f"Noted: {a.display_name} (id {a.id}) and {b.display_name} (id {b.id}) "
                    "are different people."
                )
            return 0
        groups = service.groups(args.tier)
        names = {
            c.id: c.display_name
            for c in services.contacts.get_many(sorted({i for g in groups for i in g.ids}))
        }
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            [
                {
                    "ids": list(g.ids),
                    "names": [names.get(i, "") for i in g.ids],
                    "tier": g.tier,
                    "score": g.score,
                    "shared": list(g.shared),
                }
                for g in groups
            ]
        )
        return 0
    if not groups:
        print("No duplicates found.")
        return 0
    for g in groups:
        people = "  ~  ".join(f"{names.get(i, '?')} (id {i})" for i in g.ids)
        print(f"{g.tier:<6} {g.score:.2f}  {people}  [{', '.join(g.shared)}]")
    return 0


def _configure_merge(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the result as JSON")
    p.add_argument(
        "--undo-last", action="store_true", help="undo the newest merge (restores everyone)"
    )
    p.add_argument("keep", nargs="?", metavar="KEEP", help="the contact to keep (its values win)")
    p.add_argument("others", nargs="*", metavar="OTHER", help="contacts merged into KEEP")


def _run_merge(args: argparse.Namespace) -> int:
    from netdesk.services.merge import MergeService

    services = open_services(args)
    merger = MergeService(services.contacts.db)
    try:
        if args.undo_last:
            if args.keep:
                raise CliError("--undo-last takes no contacts", status=2)
            undone = merger.undo_last()
            ids = [c.id for c in undone.restored]
            if args.json:
                print_json({"merge_id": undone.merge_id, "restored_ids": ids})
            else:
                names = ", ".join(f"{c.display_name} (id {c.id})" for c in undone.restored)
                print(f"Undid merge {undone.merge_id}: restored {names}.")
            return 0
        if not args.keep or not args.others:
            raise CliError("give KEEP and at least one OTHER contact, or --undo-last", status=2)
        keep = services.contacts.resolve(args.keep)
        others = [services.contacts.resolve(ref).id for ref in args.others]
        result = merger.merge(keep.id, others)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            {
                "merge_id": result.merge_id,
                "kept": contact_json(result.survivor),
                "merged_ids": list(result.merged_ids),
            }
        )
    else:
        merged = ", ".join(f"id {i}" for i in result.merged_ids)
        print(
            f"Merged {merged} into {result.survivor.display_name} (id {result.survivor.id}). "
            "Undo with: netdesk merge --undo-last"
        )
    return 0


COMMANDS = (
    (
        "duplicates",
        "find contacts that are the same person",
        _configure_duplicates,
        _run_duplicates,
    ),
    ("merge", "merge contacts into one (undo with --undo-last)", _configure_merge, _run_merge),
)
