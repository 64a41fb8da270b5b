"""The CSV reader on its own: encodings, header below a preamble, delimiters, profiles, fields."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from netdesk.csvimport import CsvError, read_csv
from netdesk.csvimport.dates import parse_date
from netdesk.csvimport.decoding import decode_csv_bytes, detect_encoding
from netdesk.csvimport.profiles import detect_profile
from netdesk.domain.contact import PartialDate

DATA = Path(__file__).parent / "data"


def read(name: str, **kwargs):
    return read_csv((DATA / name).read_bytes(), name, **kwargs)


def by_name(result) -> dict:
    return {c.display_name: c for c in result.contacts}


@pytest.mark.parametrize(
    ("name", "profile", "encoding", "delimiter", "header_line"),
    [
        ("linkedin_connections.csv", "linkedin", "utf-8-sig", ",", 4),
        ("linkedin_excel.csv", "linkedin", "utf-8", ",", 1),
        ("google.csv", "google", "utf-8", ",", 1),
        ("google_legacy.csv", "google-legacy", "utf-8", ",", 1),
        ("outlook_utf16.csv", "outlook-en", "utf-16", ",", 1),
        ("outlook_de_cp1252.csv", "outlook-de", "cp1252", ";", 1),
        ("outlook_cp1252.csv", "outlook-en", "cp1252", ",", 1),
    ],
)
def test_layout_is_detected(name, profile, encoding, delimiter, header_line) -> None:
    layout = read(name).layout
    assert (layout.profile.id, layout.encoding, layout.delimiter, layout.header_line) == (
        profile,
        encoding,
        delimiter,
        header_line,
    )


def test_linkedin_with_preamble_maps_company_position_url_and_connection_date() -> None:
    result = read("linkedin_connections.csv")
    people = by_name(result)
    assert set(people) == {"José Müller-Lüdenscheidt", "Zoë O'Brien", "李 小龙", "Amélie Dubois"}
    jose = people["José Müller-Lüdenscheidt"]
    assert (jose.org, jose.title, jose.emails) == ("Acme, Inc.", "Head of Talent", [])
    assert [(p.value, p.label) for p in jose.social_profiles] == [
        ("https://www.linkedin.com/in/jose-mueller", "linkedin")
    ]
    assert (jose.met_event, jose.met_event_kind) == ("LinkedIn", "online")
    # A quoted line break in a one-line field becomes a space.
    assert people["Amélie Dubois"].title == "Founder & CEO"
    assert people["Zoë O'Brien"].emails[0].value == "zoe@example.org"
    meetings = {m.uid: m.at for m in result.first_meetings}
    assert meetings[jose.uid] == dt.datetime(2026, 2, 6, 12, tzinfo=dt.UTC)
    assert len(meetings) == 4 and not result.problems


def test_linkedin_excel_copy_reads_short_dates_and_gives_the_same_uids() -> None:
    original = by_name(read("linkedin_connections.csv"))
    excel = read("linkedin_excel.csv")
    copy = by_name(excel)
    assert copy["José Müller-Lüdenscheidt"].uid == original["José Müller-Lüdenscheidt"].uid
    assert {m.at.date() for m in excel.first_meetings} == {
        dt.date(2026, 2, 6),
        dt.date(2023, 1, 15),
        dt.date(2024, 3, 3),
    }
    # The trailing ",,,,,," row is not a contact and not a problem.
    assert len(excel.contacts) == 3 and not excel.problems


def test_google_numbered_groups_multi_values_labels_and_tags() -> None:
    people = by_name(read("google.csv"))
    soren = people["Søren Kierkegård"]
    assert [(e.value, e.label, e.preferred) for e in soren.emails] == [
        ("soren@fjord.example", "work", True),
        ("s.k@fjord.example", "work", False),
        ("soren.k@mail.example", "home", False),
    ]
    assert [(p.value, p.label) for p in soren.phones] == [
        ("+45 20 12 34 56", "mobile"),
        ("+45 33 11 22 33", "work"),
    ]
    assert soren.tags == ["Friends", "PyData 2025"]
    assert (soren.org, soren.org_units, soren.title) == (
        "Fjord Analytics",
        ["Research"],
        "Data Lead",
    )
    assert soren.birthday == PartialDate(1985, 4, 12)
    assert soren.notes == "Met at PyData;\nlikes chess, coffee"
    (address,) = soren.addresses
    assert (address.street, address.locality, address.postal_code, address.label) == (
        "Nyhavn 17",
        "København",
        "1051",
        "work",
    )
    assert [u.value for u in soren.urls] == ["https://fjord.example/soren"]
    assert people["Nadia Haddad"].birthday == PartialDate(None, 7, 14)
    # A row with only a company is named after it.
    assert people["Blue Door Recruiting"].tags == ["Recruiters"]


def test_google_legacy_layout() -> None:
    people = by_name(read("google_legacy.csv"))
    lukasz = people["Łukasz Wróbel"]
    assert (lukasz.org, lukasz.title, lukasz.tags) == ("Smok Software", "CTO", ["Meetup Kraków"])
    assert [(e.value, e.preferred) for e in lukasz.emails] == [("lukasz@wrobel.example", True)]
    assert people["Ana Lima"].tags == []


def test_outlook_utf16_english() -> None:
    people = by_name(read("outlook_utf16.csv"))
    chloe = people["Dr. Chloé Martin-Noël"]
    assert (chloe.name_prefix, chloe.given_name, chloe.family_name) == (
        "Dr.",
        "Chloé",
        "Martin-Noël",
    )
    assert [e.value for e in chloe.emails] == ["chloe.martin@hopital.example", "chloe@home.example"]
    assert {(p.value, p.label) for p in chloe.phones} == {
        ("+1 (415) 555-0134", "mobile"),
        ("+1 415 555 0100", "work"),
    }
    assert chloe.tags == ["Conference", "Healthcare"]
    assert chloe.birthday == PartialDate(1980, 4, 12)
    assert chloe.notes == 'Keynote speaker, "HealthTech" 2025'
    assert people["Björn Ångström"].birthday is None  # Outlook's 0/0/00


def test_outlook_german_cp1252_semicolons() -> None:
    people = by_name(read("outlook_de_cp1252.csv"))
    juergen = next(c for c in people.values() if c.given_name == "Jürgen")
    assert (juergen.family_name, juergen.org, juergen.title) == (
        "Größmann",
        "Müller & Söhne GmbH",
        "Geschäftsführer",
    )
    assert juergen.org_units == ["Vertrieb"]
    assert juergen.birthday == PartialDate(1971, 5, 3)
    assert juergen.tags == ["Kunden", "Messe Köln"]
    assert juergen.addresses[0].street == "Königsallee 12"
    assert juergen.addresses[0].locality == "Düsseldorf"
    assert [u.value for u in juergen.urls] == ["https://mueller-soehne.example"]
    assert "Änne Weiß" in people


def test_cp1252_is_not_read_as_another_code_page() -> None:
    (renee,) = read("outlook_cp1252.csv").contacts
    assert (renee.family_name, renee.org, renee.title) == ("D’Arcy", "Café € Co", "Owner – Founder")


def test_encoding_order_bom_then_utf8_then_cp1252() -> None:
    assert detect_encoding("Zoë".encode()) == "utf-8"
    assert detect_encoding(b"\xef\xbb\xbfx") == "utf-8-sig"
    assert detect_encoding("Zoë".encode("cp1252")) == "cp1252"
    assert detect_encoding("a,b".encode("utf-16")) == "utf-16"
    assert detect_encoding("First,Last".encode("utf-16-le")) == "utf-16-le"
    # cp1252's undefined bytes do not fail the file.
    assert decode_csv_bytes(b"a\x81b,c")[0] == "a\x81b,c"


def test_forced_encoding_that_does_not_fit_is_a_clear_error() -> None:
    with pytest.raises(CsvError, match="not utf-8"):
        read_csv("Name,E-mail\nZoë,z@x.org\n".encode("cp1252"), encoding="utf-8")
    with pytest.raises(CsvError, match="unknown encoding"):
        read_csv(b"Name,Email\n", encoding="klingon")


def test_generic_file_with_tabs_and_overrides() -> None:
    data = "Name\tMail\tHandy\tFirma\nAda Lovelace\tada@example.org\t+44 20 1\tEngines\n"
    result = read_csv(data.encode(), overrides={"Mail": "email", "Handy": "phone:mobile"})
    (ada,) = result.contacts
    assert result.layout.profile.id == "generic" and result.layout.delimiter == "\t"
    assert ada.display_name == "Ada Lovelace"
    assert [(e.value, e.label) for e in ada.emails] == [("ada@example.org", "")]
    assert [(p.value, p.label) for p in ada.phones] == [("+44 20 1", "mobile")]
    assert ada.org == ""  # "Firma" is not a generic column name and was not mapped


def test_bad_override_and_unknown_columns_are_errors() -> None:
    with pytest.raises(CsvError, match="no column 'Nope'"):
        read_csv(b"Name,Email\nA,a@x.org\n", overrides={"Nope": "email"})
    with pytest.raises(CsvError, match="none of the columns"):
        read_csv(b"Foo,Bar\n1,2\n")
    with pytest.raises(CsvError, match="no header row"):
        read_csv(b"just one column\nand another line\n")


def test_rows_without_a_name_are_skipped_and_reported_others_kept() -> None:
    data = b"First Name,Last Name,Email\nAda,Lovelace,ada@x.org\n,,\n,,,extra\nBob,,\n"
    result = read_csv(data, "people.csv")
    assert [c.display_name for c in result.contacts] == ["Ada Lovelace", "Bob"]
    (problem,) = result.problems
    assert (problem.file, problem.card, problem.line, problem.skipped) == ("people.csv", 2, 4, True)


def test_explicit_profile_family_is_honoured() -> None:
    assert detect_profile(["Name", "Email"]).id == "generic"
    headers = ["First Name", "Last Name", "Company"]
    assert detect_profile(headers).id == "outlook-en"
    assert detect_profile(headers, "google").id == "google"
    assert detect_profile(headers, "linkedin").id == "linkedin"


@pytest.mark.parametrize(
    ("text", "day_first", "expected"),
    [
        ("06 Feb 2026", False, PartialDate(2026, 2, 6)),
        ("6-Feb-26", False, PartialDate(2026, 2, 6)),
        ("15-Jan-99", False, PartialDate(1999, 1, 15)),
        ("1985-04-12", False, PartialDate(1985, 4, 12)),
        ("--07-14", False, PartialDate(None, 7, 14)),
        ("4/12/1980", False, PartialDate(1980, 4, 12)),
        ("4/12/1980", True, PartialDate(1980, 12, 4)),
        ("25/12/1980", False, PartialDate(1980, 12, 25)),
        ("3.5.1971", False, PartialDate(1971, 5, 3)),
        ("0/0/00", False, None),
        ("", False, None),
    ],
)
def test_dates(text, day_first, expected) -> None:
    assert parse_date(text, day_first) == expected


def test_not_a_date_is_a_warning_not_a_skip() -> None:
    data = (
        b"First Name,Last Name,URL,Email Address,Company,Position,Connected On\nA,B,,,,,someday\n"
    )
    result = read_csv(data)
    (problem,) = result.problems
    assert not problem.skipped and "not a date" in problem.message
    assert len(result.contacts) == 1 and result.first_meetings == []


def test_empty_binary_and_runaway_files_are_clear_errors_or_problems() -> None:
    with pytest.raises(CsvError, match="no header row"):
        read_csv(b"")
    with pytest.raises(CsvError, match="not a text file"):
        read_csv(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR,\x00,\x01")
    import csv

    limit = csv.field_size_limit()
    try:
        csv.field_size_limit(50)
        data = b'First Name,Last Name,Email\nAda,L,a@x.org\n"' + b"x" * 80 + b'",B,b@x.org\n'
        result = read_csv(data, "big.csv")
    finally:
        csv.field_size_limit(limit)
    assert [c.display_name for c in result.contacts] == ["Ada L"]
    (problem,) = result.problems
    assert problem.card == 2 and "reading stopped" in problem.message


@pytest.mark.parametrize(
    ("header", "row", "profile"),
    [
        (
            "Titre,Prénom,Nom,Société,Service,Titre,Adresse de messagerie,Tél. mobile,Catégories",
            "M.,Élodie,Dupré,Lumière SA,Ventes,Directrice commerciale,e@l.example,+33 6 1,VIP",
            "outlook-fr",
        ),
        (
            "Tratamiento,Nombre,Apellidos,Organización,Puesto,Dirección de correo electrónico,"
            "Teléfono móvil,Categorías",
            "Sra.,Élodie,Dupré,Lumière SA,Directrice commerciale,e@l.example,+33 6 1,VIP",
            "outlook-es",
        ),
    ],
)
def test_french_and_spanish_outlook_headers(header: str, row: str, profile: str) -> None:
    result = read_csv(f"{header}\n{row}\n".encode())
    assert result.layout.profile.id == profile
    (elodie,) = result.contacts
    assert (elodie.given_name, elodie.family_name, elodie.org) == ("Élodie", "Dupré", "Lumière SA")
    assert elodie.title == "Directrice commerciale" and elodie.name_prefix in ("M.", "Sra.")
    assert [e.value for e in elodie.emails] == ["e@l.example"]
    assert [(p.value, p.label) for p in elodie.phones] == [("+33 6 1", "mobile")]
    assert elodie.tags == ["VIP"]


def test_a_whole_address_in_one_cell_is_kept_when_there_are_no_parts() -> None:
    header = "First Name,Last Name,Labels,Address 1 - Label,Address 1 - Formatted,Address 1 - City"
    data = (
        f'{header}\nAda,L,,Home,"12 Rue Verte\n75001 Paris\nFrance",\nBo,K,,Work,"1 Main St",Oslo\n'
    )
    ada, bo = read_csv(data.encode()).contacts
    assert [(a.street, a.label) for a in ada.addresses] == [
        ("12 Rue Verte, 75001 Paris, France", "home")
    ]
    assert [(a.street, a.locality) for a in bo.addresses] == [("", "Oslo")]
