"""``netdesk import`` and ``netdesk export``."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from netdesk.cli.common import CliError, open_services, print_json, say
from netdesk.services.errors import ServiceError


def _configure_import(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument(
        "--profile",
        choices=("linkedin", "google", "outlook", "generic"),
        help="CSV files: the export they come from (default: detected from the header row)",
    )
    p.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="COLUMN=FIELD",
        help='CSV files: read COLUMN as FIELD (e.g. "Handy=phone:mobile", "Notiz=ignore")',
    )
    p.add_argument(
        "--encoding",
        metavar="ENC",
        help="CSV files: the text encoding (default: BOM, then UTF-8, then Windows-1252)",
    )
    p.add_argument("files", nargs="+", metavar="FILE", help="vCard (.vcf) or CSV (.csv) files")


def _csv_options(args: argparse.Namespace):
    from netdesk.csvimport.fields import parse_target
    from netdesk.services.csv_transfer import CsvOptions

    overrides: dict[str, str] = {}
    for spec in args.map:
        column, sep, field = spec.rpartition("=")
        if not sep or not column.strip():
            raise CliError(f'--map {spec!r}: expected "Column=field"', status=2)
        try:
            parse_target(field, "")
        except ValueError as exc:
            raise CliError(f"--map {spec!r}: {exc}", status=2) from exc
        overrides[column.strip()] = field.strip()
    return CsvOptions(args.profile, overrides, args.encoding)


def _import_all(args: argparse.Namespace, services):
    from netdesk.services.csv_transfer import CsvImportService, is_csv_path
    from netdesk.services.transfer import ImportReport, TransferService

    csv_files = [f for f in args.files if is_csv_path(f)]
    vcard_files = [f for f in args.files if not is_csv_path(f)]
    if not csv_files and (args.profile or args.map or args.encoding):
        raise CliError("--profile, --map and --encoding apply to CSV files only", status=2)
    options = _csv_options(args)
    report = ImportReport()
    if vcard_files:
        report.add(TransferService(services.contacts.db).import_files(vcard_files))
    importer = CsvImportService(services.contacts.db)
    for name in csv_files:
        try:
            report.add(importer.import_file(name, options))
        except ServiceError as exc:
            report.files_failed.append((name, str(exc)))
    return report


def _run_import(args: argparse.Namespace) -> int:
    services = open_services(args)
    try:
        report = _import_all(args, services)
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
            say(f"  {problem}", file=sys.stderr)
    for name, message in report.files_failed:
        say(f"netdesk: cannot read {name}: {message}", file=sys.stderr)
    # Exit 0 when every file was read, even if some cards in them were skipped.
    return 1 if report.files_failed else 0


def _configure_export(p: argparse.ArgumentParser) -> None:
    p.add_argument("--vcard-version", choices=("3.0", "4.0"), default="3.0")
    p.add_argument("--tag", metavar="TAG", help="only contacts with this tag")
    p.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    p.add_argument("--format", choices=("vcard", "csv"), default="vcard", help="file format")
    p.add_argument(
        "--profile",
        choices=("google", "outlook"),
        help="CSV: whose import format to write (default: google)",
    )

    p.add_argument(
        "--plain",
        action="store_true",
        help="leave out netdesk's own X-NETDESK-* lines (where you met, cadence, last contact)",
    )


def _run_csv_export(args: argparse.Namespace, services) -> int:
    from netdesk.services.csv_transfer import CsvExportService

    exporter = CsvExportService(services.contacts.db)
    profile = args.profile or "google"
    try:
        if args.output:
            n = exporter.export(Path(args.output), profile, tag=args.tag)
            print(f"Exported {n} contact{'s' if n != 1 else ''} to {args.output}.", file=sys.stderr)
        else:
            text, _count = exporter.export_text(profile, tag=args.tag)
            sys.stdout.buffer.write(text.encode("utf-8"))
            sys.stdout.flush()
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    return 0


def _run_export(args: argparse.Namespace) -> int:
    from netdesk.services.transfer import TransferService

    if args.profile and args.format != "csv":
        raise CliError("--profile applies to --format csv only", status=2)
    services = open_services(args)
    if args.format == "csv":
        return _run_csv_export(args, services)
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
    from netdesk.services.backup import BackupService

    services = open_services(args)
    try:
        target = BackupService(services.contacts.db.path).backup(Path(args.target))
    except ServiceError as exc:
        raise CliError(str(exc)) from exc
    print(f"Backed up {services.contacts.count():,} contacts to {target}.", file=sys.stderr)
    return 0


COMMANDS = (
    ("import", "import contacts from vCard or CSV files", _configure_import, _run_import),
    ("export", "export contacts as vCard or CSV", _configure_export, _run_export),
    (
        "backup",
        "copy the database to a file (safe while netdesk runs)",
        _configure_backup,
        _run_backup,
    ),
)
