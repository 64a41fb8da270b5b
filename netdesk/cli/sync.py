"""``netdesk account ...``, ``netdesk sync`` and ``netdesk conflicts`` (CardDAV, issue 12).

Passwords: ``--password-stdin`` reads one line from standard input; otherwise the keyring
(or the opt-in private file) is asked, then the terminal. A password is never printed,
logged or put in ``--json`` output.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from netdesk.cli.common import CliError, open_services, print_json
from netdesk.paths import resolve_paths
from netdesk.services.errors import ServiceError


def _accounts(args: argparse.Namespace):
    from netdesk.services.accounts import AccountService

    services = open_services(args)
    return AccountService(services.contacts.db, resolve_paths(args.data_dir).data_dir)


def _password(args: argparse.Namespace, accounts, name: str | None) -> str:
    if getattr(args, "password_stdin", False):
        line = sys.stdin.readline().rstrip("\r\n")
        if not line:
            raise CliError("--password-stdin: no password on standard input")
        return line
    if name is not None:
        stored = accounts.stored_password(name)
        if stored is not None:
            return stored
    if not sys.stdin.isatty():
        raise CliError(
            f"no password stored for “{name}”; give it with --password-stdin"
            if name
            else "give the password with --password-stdin (or run in a terminal)"
        )
    return getpass.getpass("CardDAV password: ")


def _guard(fn):
    def run(args: argparse.Namespace) -> int:
        try:
            return fn(args)
        except ServiceError as exc:
            raise CliError(str(exc)) from None

    return run


# -- account ----------------------------------------------------------------------------------
def _configure_account(p: argparse.ArgumentParser) -> None:
    sub = p.add_subparsers(dest="account_command", metavar="ACTION", required=True)
    add = sub.add_parser("add", help="add a CardDAV account (discovers its address books)")
    add.add_argument("name", metavar="NAME")
    add.add_argument("--url", required=True, help="server or address book URL (https)")
    add.add_argument("--user", required=True)
    add.add_argument(
        "--password-stdin",
        action="store_true",
        help="read the password from the first line of standard input",
    )
    add.add_argument("--book", metavar="HREF", help="which address book, when there are several")
    add.add_argument(
        "--create-book",
        action="store_true",
        help="create an address book when the account has none",
    )
    add.add_argument(
        "--insecure-http",
        action="store_true",
        help="allow plain http to another machine (password sent in clear)",
    )
    add.add_argument(
        "--store-password-in-file",
        action="store_true",
        help="keep the password in a private (0600) file in the data dir "
        "instead of the system keyring",
    )
    lst = sub.add_parser("list", help="list accounts")
    lst.add_argument("--json", action="store_true")
    books = sub.add_parser("books", help="list the address books of an account")
    books.add_argument("name", metavar="NAME")
    books.add_argument("--password-stdin", action="store_true")
    books.add_argument("--json", action="store_true")
    rm = sub.add_parser("remove", help="forget an account (its contacts stay here)")
    rm.add_argument("name", metavar="NAME")


@_guard
def _run_account(args: argparse.Namespace) -> int:
    accounts = _accounts(args)
    command = args.account_command
    if command == "add":
        return _account_add(args, accounts)
    if command == "list":
        listed = accounts.list()
        if args.json:
            print_json([_account_json(a) for a in listed])
        for a in listed if not args.json else ():
            print(f"{a.name}\t{a.username}\t{a.book_url}\tlast sync: {a.last_sync or 'never'}")
        return 0
    if command == "books":
        account = accounts.get(args.name)
        found = accounts.books(args.name, _password(args, accounts, account.name))
        if args.json:
            print_json([{"url": b.url, "name": b.name} for b in found])
        for b in found if not args.json else ():
            mark = "*" if b.url == account.book_url else " "
            print(f"{mark} {b.url}\t{b.name}")
        return 0
    accounts.remove(args.name)
    print(f"Removed account “{args.name}”; its contacts stay in netdesk.", file=sys.stderr)
    return 0


def _account_add(args: argparse.Namespace, accounts) -> int:
    password = _password(args, accounts, None)
    result = accounts.add(
        args.name,
        args.url,
        args.user,
        password,
        book=args.book,
        create_book=args.create_book,
        insecure_http=args.insecure_http,
        password_in_file=args.store_password_in_file,
    )
    print(f"Added “{args.name}”: {result.account.book_url}", file=sys.stderr)
    if result.password_stored == "file":
        print(
            "Warning: the password is kept in a private file in the data folder, readable "
            "by anything running as you; the system keyring is safer.",
            file=sys.stderr,
        )
    elif not result.password_stored:
        print(
            "No system keyring here: the password was not saved; netdesk will ask for it "
            "(or use --password-stdin, or add again with --store-password-in-file).",
            file=sys.stderr,
        )
    return 0


def _account_json(a) -> dict:
    return {
        "name": a.name,
        "url": a.server_url,
        "user": a.username,
        "book": a.book_url,
        "last_sync": a.last_sync or None,
        "sync_token_support": a.capabilities or None,
    }


# -- sync -------------------------------------------------------------------------------------
def _configure_sync(p: argparse.ArgumentParser) -> None:
    p.add_argument("account", nargs="?", metavar="ACCOUNT", help="default: every account")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.add_argument("--password-stdin", action="store_true")
    p.add_argument(
        "--yes",
        action="store_true",
        help="go ahead with many deletions or with one side suddenly empty",
    )


@_guard
def _run_sync(args: argparse.Namespace) -> int:
    accounts = _accounts(args)
    names = [args.account] if args.account else [a.name for a in accounts.list()]
    if not names:
        raise CliError("no account yet; add one with: netdesk account add NAME --url URL --user U")
    reports = {}
    for name in names:
        accounts.get(name)
        report = accounts.sync(name, _password(args, accounts, name), confirmed=args.yes)
        reports[name] = report.as_dict()
    if args.json:
        print_json(reports[names[0]] if args.account else reports)
    else:
        for name, r in reports.items():
            print(
                f"{name}: {r['uploaded']} uploaded, {r['downloaded']} downloaded, "
                f"{r['updated_local']} updated here, {r['updated_remote']} updated there, "
                f"{r['deleted_local']} deleted here, {r['deleted_remote']} deleted there, "
                f"{len(r['conflicts'])} conflicts"
            )
            for err in r["errors"]:
                print(f"  {err}", file=sys.stderr)
    return 0


# -- conflicts --------------------------------------------------------------------------------
def _configure_conflicts(p: argparse.ArgumentParser) -> None:
    p.add_argument("--json", action="store_true")
    p.add_argument("--resolve", type=int, metavar="ID", help="resolve this conflict")
    p.add_argument("--take", choices=("local", "server"), help="with --resolve: which value")


@_guard
def _run_conflicts(args: argparse.Namespace) -> int:
    accounts = _accounts(args)
    if args.resolve is not None:
        if not args.take:
            raise CliError("--resolve needs --take local or --take server")
        accounts.resolve(args.resolve, args.take)
        return 0
    found = accounts.conflicts()
    if args.json:
        print_json(
            [
                {
                    "id": c.id,
                    "contact_id": c.contact_id,
                    "field": c.field,
                    "local": c.local_value,
                    "server": c.server_value,
                }
                for c in found
            ]
        )
    for c in found if not args.json else ():
        print(
            f"{c.id}\tcontact {c.contact_id}\t{c.field}\tlocal: {c.local_value}\t"
            f"server: {c.server_value}"
        )
    return 0


COMMANDS = (
    (
        "account",
        "manage CardDAV accounts (add, list, books, remove)",
        _configure_account,
        _run_account,
    ),
    ("sync", "two-way sync with CardDAV accounts", _configure_sync, _run_sync),
    ("conflicts", "list or resolve sync conflicts", _configure_conflicts, _run_conflicts),
)
