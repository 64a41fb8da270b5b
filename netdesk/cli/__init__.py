"""The ``netdesk`` command: the GUI when no subcommand is given, else one of the subcommands.

Errors for bad input go to stderr with exit status 1 (2 for wrong usage), never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from netdesk import __version__
from netdesk.cli import activity, contacts, transfer
from netdesk.cli.common import CliError

# Each module adds its subcommands: (name, help, configure(parser), run(args) -> int).
_MODULES = (contacts, transfer, activity)


def _build_parser() -> tuple[argparse.ArgumentParser, dict[str, Callable]]:
    parser = argparse.ArgumentParser(
        prog="netdesk",
        description="netdesk: a personal CRM for people who network. "
        "Without a subcommand it opens the desktop app (and imports any .vcf files given).",
    )
    parser.add_argument("--version", action="version", version=f"netdesk {__version__}")
    parser.add_argument(
        "--data-dir",
        metavar="DIR",
        help="where the database lives (default: $NETDESK_DATA_DIR or the user data dir)",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    runners: dict[str, Callable] = {}
    for module in _MODULES:
        for name, help_text, configure, run in module.COMMANDS:
            p = sub.add_parser(name, help=help_text, description=help_text)
            configure(p)
            runners[name] = run
    return parser, runners


def _gui_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="netdesk")
    parser.add_argument("--data-dir", metavar="DIR")
    parser.add_argument("files", nargs="*", help=".vcf files to import")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser, runners = _build_parser()
    words = [a for i, a in enumerate(argv) if not a.startswith("-")
             and (i == 0 or argv[i - 1] != "--data-dir")]
    if not words or words[0] not in runners:
        if any(a in ("-h", "--help", "--version") for a in argv):
            parser.parse_args(argv)
        gui_args = _gui_parser().parse_args(argv)
        from netdesk.app import run_gui

        return run_gui(gui_args.data_dir, gui_args.files)
    args = parser.parse_args(argv)
    try:
        return runners[args.command](args)
    except CliError as exc:
        print(f"netdesk: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("netdesk: interrupted", file=sys.stderr)
        return 130
