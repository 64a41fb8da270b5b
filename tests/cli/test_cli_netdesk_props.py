"""What netdesk adds survives a vCard round trip (X-NETDESK-*, docs/VCARD.md): where and how
the user met someone, the cadence, the last contact and the date reminder setting go out and
come back in on another machine; ``export --plain`` leaves them out."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from netdesk.cli import main
from netdesk.domain.contact import Contact, PartialDate
from netdesk.services.activity import ActivityService


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def _json(capsys, data: Path, *argv: str):
    code, out, _ = run(capsys, "--data-dir", str(data), *argv, "--json")
    assert code == 0
    return json.loads(out)


def _without_ids(shown: dict) -> dict:
    return {k: v for k, v in shown.items() if k not in ("id", "created_at", "updated_at")}


def test_netdesk_fields_round_trip_and_plain_leaves_them_out(
    tmp_path, capsys, contact_service
) -> None:
    c = contact_service.create(
        Contact(
            "Zoë Ångström",
            met_event="PyCon Berlin",
            met_event_kind="conference",
            met_note="Talked about CRDTs; introduced by Ana",
            keep_in_touch_days=30,
            birthday=PartialDate(None, 3, 4),
            remind_days_before=2,
        )
    )
    met = dt.datetime(2026, 11, 30, 14, 0, tzinfo=dt.UTC)
    ActivityService(contact_service.db).log_interaction(c.id, "meeting", "coffee", at=met)
    source = contact_service.db.path.parent
    out = tmp_path / "out.vcf"
    assert run(capsys, "--data-dir", str(source), "export", "-o", str(out))[0] == 0
    text = out.read_bytes().decode("utf-8")
    for line in (
        "X-NETDESK-MET-EVENT;X-KIND=conference:PyCon Berlin",
        "X-NETDESK-MET-NOTE:Talked about CRDTs\\; introduced by Ana",
        "X-NETDESK-CADENCE:30",
        "X-NETDESK-LAST-CONTACT:2026-11-30T14:00:00Z",
        "X-NETDESK-REMIND-DAYS:2",
    ):
        assert line in text.split("\r\n"), line

    other = tmp_path / "laptop"
    for _ in range(2):  # a second import changes nothing and logs nothing twice
        assert run(capsys, "--data-dir", str(other), "import", str(out))[0] == 0
    before = _json(capsys, source, "show", str(c.id))
    (row,) = _json(capsys, other, "list")
    after = _json(capsys, other, "show", str(row["id"]))
    assert _without_ids(after) == _without_ids(before)
    assert row["last_contact"] == _json(capsys, source, "list")[0]["last_contact"]
    assert row["next_due"] == _json(capsys, source, "list")[0]["next_due"]

    code, plain, _ = run(capsys, "--data-dir", str(source), "export", "--plain")
    assert code == 0 and "X-NETDESK" not in plain and "FN:Zoë Ångström" in plain
