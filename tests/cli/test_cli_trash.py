"""``netdesk trash list|restore|empty`` through ``netdesk.cli.main``."""

from __future__ import annotations

import json

from netdesk.cli import main
from netdesk.domain.clock import SystemClock
from netdesk.domain.contact import Contact
from netdesk.services.trash import TrashService


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_list_restore_and_empty(data_dir, database, contact_service, capsys,
                                monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_DATA_DIR", str(data_dir))
    ada = contact_service.create(Contact(display_name="Ada Lovelace")).id
    bob = contact_service.create(Contact(display_name="Bob Smith")).id
    TrashService(database, SystemClock()).delete([ada, bob])

    status, out, _ = _run(capsys, "trash", "list", "--json")
    entries = json.loads(out)
    assert status == 0 and sorted(e["name"] for e in entries) == ["Ada Lovelace", "Bob Smith"]
    ada_entry = next(e["id"] for e in entries if e["name"] == "Ada Lovelace")

    status, out, _ = _run(capsys, "trash", "restore", str(ada_entry))
    assert status == 0 and "Ada Lovelace" in out
    assert contact_service.get(ada).display_name == "Ada Lovelace"

    status, out, _ = _run(capsys, "trash", "list")
    assert "Bob Smith" in out and "Ada Lovelace" not in out
    status, out, _ = _run(capsys, "trash", "empty")
    assert status == 0 and "1 removed" in out
    assert _run(capsys, "trash", "list")[1].startswith("The trash is empty")


def test_restoring_an_unknown_entry_is_a_one_line_error(data_dir, database, capsys,
                                                        monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_DATA_DIR", str(data_dir))
    status, out, err = _run(capsys, "trash", "restore", "999")
    assert status == 1 and out == ""
    assert err.strip() == "netdesk: those entries are no longer in the trash"
