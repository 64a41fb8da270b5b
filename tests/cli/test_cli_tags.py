"""``netdesk tag list|rename|delete`` through ``netdesk.cli.main``."""

from __future__ import annotations

import json

from netdesk.cli import main
from netdesk.domain.contact import Contact


def _run(capsys, *argv: str) -> tuple[int, str, str]:  # noqa: ANN001
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def _tags(capsys) -> dict[str, int]:  # noqa: ANN001
    status, out, _ = _run(capsys, "tag", "list", "--json")
    assert status == 0
    return {t["name"]: t["contacts"] for t in json.loads(out)}


def test_list_rename_merge_delete(data_dir, contact_service, capsys, monkeypatch) -> None:
    monkeypatch.setenv("NETDESK_DATA_DIR", str(data_dir))
    contact_service.create(Contact(display_name="Ada", tags=["work", "friends"]))
    contact_service.create(Contact(display_name="Bob", tags=["colleagues"]))
    assert _tags(capsys) == {"colleagues": 1, "friends": 1, "work": 1}

    status, out, _ = _run(capsys, "tag", "rename", "work", "Job", "--json")
    assert status == 0
    assert json.loads(out) == {"renamed": "work", "to": "Job", "merged": False, "contacts": 1}

    # Onto an existing tag: refused without --merge, nothing changed.
    status, _, err = _run(capsys, "tag", "rename", "colleagues", "job")
    assert status != 0 and "--merge" in err
    assert _tags(capsys) == {"colleagues": 1, "friends": 1, "Job": 1}
    status, out, _ = _run(capsys, "tag", "rename", "colleagues", "job", "--merge")
    assert status == 0 and "Merged tag “colleagues” into “Job” (1 contact(s))" in out
    assert _tags(capsys) == {"friends": 1, "Job": 2}

    status, out, _ = _run(capsys, "tag", "delete", "JOB", "--json")
    assert status == 0 and json.loads(out) == {"deleted": "Job", "contacts": 2}
    assert _tags(capsys) == {"friends": 1}
    assert [c.tags for c in contact_service.get_many(contact_service.search_ids(""))] == [
        ["friends"], []]

    status, _, err = _run(capsys, "tag", "delete", "nope")
    assert status != 0 and "no tag “nope”" in err
    status, _, err = _run(capsys, "tag", "rename", "friends", "   ")
    assert status != 0 and "needs a name" in err
