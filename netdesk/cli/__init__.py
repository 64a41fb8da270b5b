"""The ``netdesk`` command: the GUI when no subcommand is given, else one of the subcommands.

Errors for bad input go to stderr with exit status 1 (2 for wrong usage), never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import os
import sys
from collections.abc import Callable, Sequence

from netdesk import __version__

# Modules whose COMMANDS tuples hold (name, help, configure(parser), run(args) -> int).
# They are imported only when a subcommand runs, so starting the GUI stays cheap.
_MODULES = (
    "netdesk.cli.contacts",
    "netdesk.cli.transfer",
    "netdesk.cli.activity",
    "netdesk.cli.share",
    "netdesk.cli.duplicates",
    "netdesk.cli.sync",
    "netdesk.cli.events",
    "netdesk.cli.dates",
    "netdesk.cli.trash",
    "netdesk.cli.tags",
)
# Their names, known without importing them (tests/cli checks the two agree).
SUBCOMMANDS = frozenset(
    {
        "list",
        "show",
        "import",
        "export",
        "backup",
        "log",
        "followup",
        "cadence",
        "due",
        "calendar",
        "qr",
        "me",
        "duplicates",
        "merge",
        "account",
        "sync",
        "conflicts",
        "event",
        "stats",
        "remind",
        "trash",
        "tag",
    }
)


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
    for module_name in _MODULES:
        module = importlib.import_module(module_name)
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


def _tolerant_output() -> None:
    """Never fail on printing: a stdout that is not UTF-8 (LANG=C, PYTHONIOENCODING=ascii)
    or a file name with undecodable bytes would otherwise raise after the work was saved,
    and a retrying script would then do it twice."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(Exception):
                reconfigure(errors="backslashreplace")


def main(argv: Sequence[str] | None = None) -> int:
    _tolerant_output()
    argv = list(sys.argv[1:] if argv is None else argv)
    words = [
        a
        for i, a in enumerate(argv)
        if not a.startswith("-") and (i == 0 or argv[i - 1] != "--data-dir")
    ]
    if not words or words[0] not in SUBCOMMANDS:
        if any(a in ("-h", "--help", "--version") for a in argv):
            _build_parser()[0].parse_args(argv)
        gui_args = _gui_parser().parse_args(argv)
        from netdesk.app import run_gui

        return run_gui(gui_args.data_dir, gui_args.files)
    parser, runners = _build_parser()
    args = parser.parse_args(argv)
    from netdesk.cli.common import CliError, say

    try:
        return runners[args.command](args)
    except CliError as exc:
        say(f"netdesk: {exc}", file=sys.stderr)
        return exc.status
    except KeyboardInterrupt:
        print("netdesk: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`netdesk list | head`): stop quietly, as other tools do.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except Exception as exc:  # the promise is "never a traceback"; say what it was instead
        say(f"netdesk: unexpected error ({type(exc).__name__}: {exc})", file=sys.stderr)
        return 1
