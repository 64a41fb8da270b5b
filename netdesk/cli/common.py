"""What every subcommand shares: opening the services, JSON output, error reporting."""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from typing import Any

from netdesk.paths import resolve_paths
from netdesk.services.contacts import ContactService
from netdesk.store.db import StoreError, open_database


class CliError(Exception):
    """Printed as ``netdesk: message`` on stderr; ``status`` is the exit code."""

    def __init__(self, message: str, status: int = 1) -> None:
        super().__init__(message)
        self.status = status


@dataclass
class Services:
    contacts: ContactService


def open_services(args: argparse.Namespace) -> Services:
    paths = resolve_paths(args.data_dir)
    try:
        database = open_database(paths.data_dir)
    except StoreError as exc:
        raise CliError(str(exc)) from exc
    return Services(ContactService(database))


def print_json(value: Any) -> None:
    json.dump(value, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")
