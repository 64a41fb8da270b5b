"""What every subcommand shares: opening the services, JSON output, error reporting."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any, TextIO

from netdesk.domain.text import escape_controls
from netdesk.paths import PathsError, resolve_paths
from netdesk.services.contacts import ContactService
from netdesk.store.db import CLI_BUSY_TIMEOUT_MS, StoreError, open_database


class CliError(Exception):
    """Printed as ``netdesk: message`` on stderr; ``status`` is the exit code."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Services:
    contacts: ContactService


def open_services(args: argparse.Namespace) -> Services:
    try:
        paths = resolve_paths(args.data_dir)
    except PathsError as exc:
        raise CliError(str(exc)) from exc
    try:
        database = open_database(paths.data_dir, CLI_BUSY_TIMEOUT_MS)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    return Services(ContactService(database))


def say(text: str = "", file: TextIO | None = None) -> None:
    """Print human-readable text, one line or several, with control characters escaped:
    names and notes come from imported cards and must not drive the terminal."""
    print("\n".join(escape_controls(line) for line in text.split("\n")), file=file)


def print_json(value: Any) -> None:
    # JSON stays exact: on a stdout that can't hold every character, \u escapes (valid JSON)
    # rather than the backslash replacements human output gets.
    encoding = (getattr(sys.stdout, "encoding", None) or "").lower().replace("-", "")
    json.dump(value, sys.stdout, ensure_ascii=encoding not in ("utf8", "utf8sig"), indent=2)
    sys.stdout.write("\n")
