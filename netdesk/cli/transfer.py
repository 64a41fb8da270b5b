"""``netdesk import`` and ``netdesk export``."""

from __future__ import annotations

import argparse
import sqlite3
import sys
from pathlib import Path

from netdesk.cli.common import CliError, open_services, print_json
from netdesk.services.errors import ServiceError


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("files", nargs="+", metavar="FILE", help="vCard files (.vcf)")


def _run_import(args: argparse.Namespace) -> int:
    from netdesk.services.transfer import TransferService

    services = open_services(args)
    try:
        report = TransferService(services.contacts.db).import_files(args.files)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    if args.json:
        print_json(
            {
                "created": report.created,
                "updated": report.updated,
                "unchanged": report.unchanged,
                "merged": report.merged,
                "skipped": report.skipped,
                "errors": [
                    {"file": p.file, "card": p.card, "line": p.line, "message": p.message}
                    for p in report.problems
                ]
                + [
                    {"file": f, "card": None, "line": None, "message": m}
                    for f, m in report.files_failed
                ],
            }
        )
    else:
        print(f"Imported: {report.summary()}.")
        for problem in report.problems:
            print(f"  {problem}", file=sys.stderr)
    for name, message in report.files_failed:
        print(f"netdesk: cannot read {name}: {message}", file=sys.stderr)
    # Exit 0 when every file was read, even if some cards in them were skipped.
    return 1 if report.files_failed else 0


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    p.add_argument("--tag", metavar="TAG", help="only contacts with this tag")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument(
        "--plain",
        action="store_true",
        help="leave out netdesk's own X-NETDESK-* lines (where you met, cadence, last contact)",
    )


def _run_export(args: argparse.Namespace) -> int:
    from netdesk.services.transfer import TransferService

    services = open_services(args)
    transfer = TransferService(services.contacts.db)
    notes: list[str] = []
    try:
        if args.output:
            n = transfer.export(
                Path(args.output),
                tag=args.tag,
                version=args.vcard_version,
                notes=notes,
                plain=args.plain,
            )
            print(f"Exported {n} contact{'s' if n != 1 else ''} to {args.output}.", file=sys.stderr)
        else:
            text = transfer.export_text(
                tag=args.tag, version=args.vcard_version, notes=notes, plain=args.plain
            )
            sys.stdout.write(text)
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    # What had no valid form in this vCard version and was left out or changed.
    for note in notes:
        print(f"note: {note}", file=sys.stderr)
    return 0


def _configure_backup(p: argparse.ArgumentParser) -> None:
    p.add_argument("target", metavar="FILE", help="where to write the copy of the database")


def _run_backup(args: argparse.Namespace) -> int:
    from netdesk.store.db import backup_file

    services = open_services(args)
    target = Path(args.target).expanduser()
    if target.is_dir():
        target = target / services.contacts.db.path.name
    try:
        backup_file(services.contacts.db.path, target)
    except (OSError, sqlite3.Error) as exc:
        raise CliError(f"could not write the backup to {target}: {exc}") from exc
    print(f"Backed up {services.contacts.count():,} contacts to {target}.", file=sys.stderr)
    return 0


COMMANDS = (
    ("import", "import contacts from vCard files", _configure_import, _run_import),
    ("export", "export contacts as vCard", _configure_export, _run_export),
    (
        "backup",
        "copy the database to a file (safe while netdesk runs)",
        _configure_backup,
        _run_backup,
    ),
)
