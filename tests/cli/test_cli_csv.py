"""CSV through the CLI: samples import right, re-imports change nothing, exports round-trip."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from netdesk.cli import main

DATA = Path(__file__).parents[1] / "csvimport" / "data"
SAMPLES = sorted(p.name for p in DATA.glob("*.csv"))


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def import_json(capsys, data_dir: Path, *args: str) -> dict:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "import", "--json", *args)
    assert code == 0, err
    return json.loads(out)


def shown(capsys, data_dir: Path) -> dict[str, dict]:
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0
    people = {}
    for row in json.loads(out):
        _, detail, _ = run(capsys, "--data-dir", str(data_dir), "show", str(row["id"]), "--json")
        people[row["name"]] = json.loads(detail) | {"last_contact": row["last_contact"]}
    return people


def test_linkedin_both_shapes(tmp_path: Path, capsys) -> None:
    first = import_json(capsys, tmp_path, str(DATA / "linkedin_connections.csv"))
    assert (first["created"], first["skipped"], first["errors"]) == (4, 0, [])
    second = import_json(capsys, tmp_path, str(DATA / "linkedin_excel.csv"))
    # José and Zoë are the same LinkedIn profiles: found again, not duplicated.
    assert (second["created"], second["unchanged"]) == (1, 2)
    people = shown(capsys, tmp_path)
    jose = people["José Müller-Lüdenscheidt"]
    assert (jose["org"], jose["title"], jose["met_event"]) == (
        "Acme, Inc.",
        "Head of Talent",
        "LinkedIn",
    )
    assert jose["social_profiles"][0]["value"] == "https://www.linkedin.com/in/jose-mueller"
    assert jose["last_contact"].startswith("2026-02-06")
    assert people["Zoë O'Brien"]["emails"] == ["zoe@example.org"]
    assert people["Zoë O'Brien"]["title"] == "Senior Engineer, Platform"
    assert people["Priya Raman"]["last_contact"].startswith("2024-03-03")


def test_google_both_formats(tmp_path: Path, capsys) -> None:
    report = import_json(
        capsys, tmp_path, str(DATA / "google.csv"), str(DATA / "google_legacy.csv")
    )
    assert (report["created"], report["errors"]) == (5, [])
    people = shown(capsys, tmp_path)
    soren = people["Søren Kierkegård"]
    assert soren["emails"][0] == "soren@fjord.example"
    assert set(soren["emails"]) == {
        "soren@fjord.example",
        "s.k@fjord.example",
        "soren.k@mail.example",
    }
    assert soren["phones"] == ["+45 20 12 34 56", "+45 33 11 22 33"]
    assert sorted(soren["tags"]) == ["Friends", "PyData 2025"]
    assert [u["value"] for u in soren["urls"]] == ["https://fjord.example/soren"]
    lukasz = people["Łukasz Wróbel"]
    assert (lukasz["org"], lukasz["title"], lukasz["tags"]) == (
        "Smok Software",
        "CTO",
        ["Meetup Kraków"],
    )
    assert lukasz["phones"] == ["+48 601 234 567"]


def test_outlook_english_utf16_and_german_cp1252(tmp_path: Path, capsys) -> None:
    report = import_json(
        capsys, tmp_path, str(DATA / "outlook_utf16.csv"), str(DATA / "outlook_de_cp1252.csv")
    )
    assert (report["created"], report["errors"]) == (4, [])
    people = shown(capsys, tmp_path)
    chloe = people["Dr. Chloé Martin-Noël"]
    assert (chloe["org"], chloe["title"]) == ("Hôpital Saint-Éloi", "Chief Medical Officer")
    assert chloe["emails"] == ["chloe.martin@hopital.example", "chloe@home.example"]
    assert set(chloe["phones"]) == {"+1 (415) 555-0134", "+1 415 555 0100"}
    assert sorted(chloe["tags"]) == ["Conference", "Healthcare"]
    juergen = next(p for p in people.values() if p["given_name"] == "Jürgen")
    assert (juergen["org"], juergen["title"]) == ("Müller & Söhne GmbH", "Geschäftsführer")
    assert juergen["emails"] == ["j.groessmann@mueller-soehne.example"]
    assert set(juergen["phones"]) == {"+49 211 123456", "+49 171 9876543"}
    assert sorted(juergen["tags"]) == ["Kunden", "Messe Köln"]


def test_reimporting_every_sample_changes_nothing(tmp_path: Path, capsys) -> None:
    files = [str(DATA / name) for name in SAMPLES]
    import_json(capsys, tmp_path, *files)
    before = shown(capsys, tmp_path)
    again = import_json(capsys, tmp_path, *files)
    assert (again["created"], again["updated"], again["merged"]) == (0, 0, 0)
    after = shown(capsys, tmp_path)
    for person in (*before.values(), *after.values()):
        person.pop("updated_at")
    assert after == before


def test_profile_map_and_encoding_options(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "mine.csv"
    sample.write_bytes("Wer;Mail;Handy\nZoë Ångström;zoe@x.org;+46 70 1\n".encode("cp1252"))
    report = import_json(
        capsys,
        tmp_path / "store",
        "--profile",
        "generic",
        "--encoding",
        "cp1252",
        "--map",
        "Wer=name",
        "--map",
        "Mail=email",
        "--map",
        "Handy=phone:mobile",
        str(sample),
    )
    assert report["created"] == 1
    person = shown(capsys, tmp_path / "store")["Zoë Ångström"]
    assert (person["emails"], person["phones"]) == (["zoe@x.org"], ["+46 70 1"])
    assert person["phone_details"][0]["label"] == "mobile"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--map", "Wer=shoe size"], "unknown field"),
        (["--map", "no equals sign"], "Column=field"),
    ],
)
def test_bad_options_are_one_line_errors(tmp_path: Path, capsys, argv, message) -> None:
    sample = tmp_path / "x.csv"
    sample.write_text("Name,Email\nA,a@x.org\n")
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "import", *argv, str(sample))
    assert code == 2 and message in err and "Traceback" not in err


def test_unreadable_csv_is_reported_and_nothing_lost(tmp_path: Path, capsys) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_text("Foo,Bar\n1,2\n")
    good = DATA / "google_legacy.csv"
    code, out, err = run(
        capsys, "--data-dir", str(tmp_path), "import", "--json", str(bad), str(good)
    )
    report = json.loads(out)
    assert code == 1 and report["created"] == 2
    assert report["errors"][0]["file"] == str(bad) and "none of the columns" in err


def _export(capsys, data_dir: Path, *args: str) -> str:
    out_file = data_dir / "out.csv"
    code, _, err = run(
        capsys, "--data-dir", str(data_dir), "export", "--format", "csv", *args, "-o", str(out_file)
    )
    assert code == 0, err
    raw = out_file.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # a BOM, so Excel reads UTF-8
    return raw.decode("utf-8-sig")


@pytest.mark.parametrize("profile", ["google", "outlook"])
def test_csv_export_round_trip(tmp_path: Path, capsys, profile: str) -> None:
    source, target = tmp_path / "a", tmp_path / "b"
    import_json(
        capsys,
        source,
        str(DATA / "google.csv"),
        str(DATA / "outlook_utf16.csv"),
        str(DATA / "linkedin_connections.csv"),
    )
    exported = tmp_path / f"{profile}.csv"
    exported.write_text(_export(capsys, source, "--profile", profile), encoding="utf-8")
    report = import_json(capsys, target, str(exported))
    assert report["created"] == 9 and report["errors"] == []
    before, after = shown(capsys, source), shown(capsys, target)
    assert set(after) == set(before)
    for name, person in before.items():
        got = after[name]
        for key in ("given_name", "family_name", "org", "title", "birthday"):
            if key == "birthday" and profile == "outlook" and (person[key] or "").startswith("--"):
                assert got[key] is None  # Outlook's m/d/yyyy has no year-less form
                continue
            assert got[key] == person[key], (name, key)
        assert set(got["tags"]) == set(person["tags"])
        assert set(got["phones"]) == set(person["phones"])
        wanted_emails = person["emails"] if profile == "google" else person["emails"][:3]
        assert set(got["emails"]) == set(wanted_emails)
        assert got["social_profiles"] == person["social_profiles"]  # LinkedIn kept as such
    # Imported into the store it came from, the file changes nothing there.
    again = import_json(capsys, source, str(exported))
    assert (again["created"], again["updated"], again["merged"]) == (0, 0, 0)


def test_formula_injection_is_neutralised(tmp_path: Path, capsys) -> None:
    evil = tmp_path / "evil.csv"
    evil.write_text(
        'First Name,Last Name,Company,Notes\n=HYPERLINK("http://x"),Smith,@SUM(A1),"-2+3"\n'
        "Ann,Lee,+cmd|' /C calc'!A0,\tTAB\n"
    )
    import_json(capsys, tmp_path, str(evil))
    for profile in ("google", "outlook"):
        text = _export(capsys, tmp_path, "--profile", profile)
        cells = [c for row in csv.reader(io.StringIO(text)) for c in row]
        assert not [c for c in cells if c[:1] in ("=", "+", "-", "@", "\t", "\r")], profile
        assert '\'=HYPERLINK("http://x")' in cells and "'@SUM(A1)" in cells
    # And reading our own export back gives the original text.
    store2 = tmp_path / "again"
    exported = tmp_path / "exported.csv"
    exported.write_text(_export(capsys, tmp_path, "--profile", "google"), encoding="utf-8")
    import_json(capsys, store2, str(exported))
    people = shown(capsys, store2)
    assert people['=HYPERLINK("http://x") Smith']["org"] == "@SUM(A1)"


def test_vcard_import_export_json_unchanged(tmp_path: Path, capsys) -> None:
    card = tmp_path / "a.vcf"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEMAIL:ada@x.org\r\nEND:VCARD\r\n")
    report = import_json(capsys, tmp_path, str(card))
    assert set(report) == {"created", "updated", "unchanged", "merged", "skipped", "errors"}
    code, out, _ = run(capsys, "--data-dir", str(tmp_path), "export")
    assert code == 0 and out.startswith("BEGIN:VCARD")
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "export", "--profile", "google")
    assert code == 2 and "--format csv" in err


def test_row_problems_use_the_vcard_error_shape(tmp_path: Path, capsys) -> None:
    sample = tmp_path / "Connections.csv"
    sample.write_text(
        "First Name,Last Name,URL,Email Address,Company,Position,Connected On\n"
        "Ada,Lovelace,,,Engines,,someday\n"
        ",,,,,,\n"
        ",,,,,Intern,\n"
    )
    report = import_json(capsys, tmp_path / "store", str(sample))
    assert (report["created"], report["skipped"]) == (1, 1)
    assert report["errors"] == [
        {
            "file": "Connections.csv",
            "card": 1,
            "line": 2,
            "message": report["errors"][0]["message"],
        },
        {
            "file": "Connections.csv",
            "card": 2,
            "line": 4,
            "message": report["errors"][1]["message"],
        },
    ]
    assert "not a date" in report["errors"][0]["message"]
    assert "no name" in report["errors"][1]["message"]


def test_files_are_told_apart_by_content_when_the_suffix_does_not_say(
    tmp_path: Path, capsys
) -> None:
    tabs = tmp_path / "outlook export.txt"
    tabs.write_text("First Name\tLast Name\tE-mail Address\nAda\tLovelace\tada@x.org\n")
    card = tmp_path / "card.txt"
    card.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bo\r\nEMAIL:bo@x.org\r\nEND:VCARD\r\n")
    report = import_json(capsys, tmp_path / "store", str(tabs), str(card))
    assert (report["created"], report["errors"]) == (2, [])
    people = shown(capsys, tmp_path / "store")
    assert people["Ada Lovelace"]["emails"] == ["ada@x.org"]
    assert people["Bo"]["emails"] == ["bo@x.org"]
