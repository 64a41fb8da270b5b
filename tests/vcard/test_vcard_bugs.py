"""One test per vobject 0.9.9 failure listed in DESIGN.md, plus the other reader promises."""

from __future__ import annotations

import base64
from pathlib import Path

import vobject

from netdesk.domain.contact import Contact, PartialDate, RelatedPerson
from netdesk.vcard import CardProblem, iter_cards, read_vcards, write_vcard

CORPUS = Path(__file__).parent / "corpus"
JPEG = b"\xff\xd8\xff\xe0" + bytes(range(256)) * 3 + b"\xff\xd9"


def card(*lines: str, version: str = "3.0", eol: str = "\r\n") -> bytes:
    body = ["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]
    return (eol.join(body) + eol).encode("utf-8")


def one(data: bytes) -> Contact:
    contacts, problems = read_vcards(data, "t.vcf")
    assert len(contacts) == 1, problems
    return contacts[0]


# -- text values are not cut at commas -------------------------------------------------------


def test_comma_in_fn_and_org_is_kept() -> None:
    data = card("FN:Smith, John", "N:Smith;John;;;", "ORG:Acme, Inc.")
    c = one(data)
    assert c.display_name == "Smith, John"
    assert (c.org, c.org_units) == ("Acme, Inc.", [])
    # The bug this guards against, so the test keeps its meaning if vobject changes.
    vcard = vobject.readOne(data.decode())
    assert vcard.fn.value != "Smith, John" or vcard.org.value != ["Acme, Inc."]


def test_url_and_data_uri_with_commas_are_kept_whole() -> None:
    c = one(card("FN:x", "URL:https://example.com/a,b;c?x=1,2", r"URL:http\://example.org/p\,q"))
    assert [u.value for u in c.urls] == [
        "https://example.com/a,b;c?x=1,2",
        "http://example.org/p,q",
    ]


def test_escapes_in_text_values() -> None:
    c = one(
        card(
            r"FN:A\, B\; C\\D",
            r"NOTE:line 1\nline 2\, with\; \\ backslash\N3",
            r"CATEGORIES:friends,a\,b, work ,",
            "CATEGORIES:friends,later",
        )
    )
    assert c.display_name == "A, B; C\\D"
    assert c.notes == "line 1\nline 2, with; \\ backslash\n3"
    assert c.tags == ["friends", "a,b", "work", "later"]


def test_structured_values_keep_escaped_separators() -> None:
    c = one(
        card(
            "FN:x",
            r"N:O\;Neil;Mary\, Ann;;;",
            r"ORG:Foo\; Bar;R\,D;",
            r"ADR;TYPE=work:;Suite 5\; back;1 Main St\, rear;Town;;123;",
        )
    )
    assert (c.family_name, c.given_name) == ("O;Neil", "Mary, Ann")
    assert (c.org, c.org_units) == ("Foo; Bar", ["R,D"])
    assert c.addresses[0].parts() == ("", "Suite 5; back", "1 Main St, rear", "Town", "", "123", "")


# -- bytes and line endings ------------------------------------------------------------------


def test_utf8_bom() -> None:
    c = one(b"\xef\xbb\xbf" + card("FN:Zoë"))
    assert c.display_name == "Zoë"


def test_bom_in_front_of_every_concatenated_card() -> None:
    data = b"\xef\xbb\xbf" + card("FN:A") + b"\xef\xbb\xbf" + card("FN:B")
    contacts, problems = read_vcards(data)
    assert [c.display_name for c in contacts] == ["A", "B"] and problems == []


def test_cr_cr_lf_and_mixed_line_endings() -> None:
    (c,), problems = read_vcards((CORPUS / "thunderbird_dos_vcard_addressbook.vcf").read_bytes())
    assert c.display_name == "Name Surname" and c.emails[0].value == "example@gmail.com"
    assert problems == []
    mixed = b"BEGIN:VCARD\r\r\nVERSION:3.0\nFN:Mixed\r\nNOTE:a\r\n  b\rEMAIL:x@y.z\rEND:VCARD"
    c = one(mixed)
    assert (c.display_name, c.notes, c.emails[0].value) == ("Mixed", "a b", "x@y.z")


def test_utf16_file() -> None:
    c = one(card("FN:Ольга").decode().encode("utf-16"))
    assert c.display_name == "Ольга"


# -- quoted-printable and charsets -----------------------------------------------------------


def test_lower_case_quoted_printable_with_soft_breaks() -> None:
    c = one(
        card(
            "FN;charset=utf-8;encoding=quoted-printable:J=c3=bcrgen M=",
            "=C3=BCller",
            "NOTE;ENCODING=QUOTED-PRINTABLE:one=0D=0Atwo=",
            " three",
            version="2.1",
        )
    )
    assert c.display_name == "Jürgen Müller"
    # A leading space after a soft break is content; =0D=0A is a line break, kept as "\n"
    # (what a round trip through 3.0 gives back, so a re-import changes nothing).
    assert c.notes == "one\ntwo three"


def test_bare_quoted_printable_and_base64_parameters() -> None:
    note = base64.b64encode("Grüße".encode()).decode()
    c = one(
        card(
            "FN;QUOTED-PRINTABLE;CHARSET=UTF-8:Gr=C3=BC=C3=9Fe",
            f"NOTE;BASE64:{note}",
            version="2.1",
        )
    )
    assert c.display_name == "Grüße" and c.notes == "Grüße"
    assert isinstance(c.notes, str)


def test_charset_latin1_quoted_printable_and_raw_bytes() -> None:
    c = one(card("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:M=FCller", version="2.1"))
    assert c.display_name == "Müller"
    raw = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=ISO-8859-1:Fran\xe7ois\r\nEND:VCARD\r\n"
    assert one(raw).display_name == "François"


def test_charset_shift_jis_raw_and_quoted_printable() -> None:
    # "表" is 0x95 0x5C in Shift_JIS: the second byte is a backslash, so the bytes must be
    # decoded before escapes are looked at.
    name = "山田 表示"
    raw = b"BEGIN:VCARD\r\nVERSION:2.1\r\nFN;CHARSET=SHIFT_JIS:" + name.encode("shift_jis")
    raw += b"\r\nEND:VCARD\r\n"
    assert one(raw).display_name == name
    qp = "".join(f"={b:02X}" for b in name.encode("shift_jis"))
    c = one(card(f"FN;CHARSET=Shift_JIS;ENCODING=QUOTED-PRINTABLE:{qp}", version="2.1"))
    assert c.display_name == name


def test_windows_1252_file_without_charset_and_utf8_lines_next_to_it() -> None:
    data = b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Caf\xe9 \x80 \x93quoted\x94\r\nEND:VCARD\r\n" + card(
        "FN:Zoë Ωmega"
    )
    contacts, problems = read_vcards(data)
    assert [c.display_name for c in contacts] == ["Café € “quoted”", "Zoë Ωmega"]
    assert problems == []


def test_invalid_charset_falls_back_and_is_reported() -> None:
    items = list(
        iter_cards(
            card("FN;CHARSET=no-such-thing;ENCODING=QUOTED-PRINTABLE:Gr=C3=BC", version="2.1"),
            "bad.vcf",
        )
    )
    problem, contact = items
    assert isinstance(problem, CardProblem) and not problem.skipped
    assert "unknown CHARSET 'no-such-thing'" in problem.message and problem.line == 3
    assert contact.display_name == "Grü"


# -- types, labels, preferred ------------------------------------------------------------------


def test_every_type_parameter_form() -> None:
    c = one(
        card(
            "FN:x",
            "TEL;TYPE=cell,pref:1",
            "TEL;TYPE=CELL;TYPE=PREF:2",
            "TEL;CELL;PREF:3",
            "TEL;TYPE=cell;PREF=1:4",
            "TEL;type=HOME;type=FAX:5",
            "TEL;TYPE=work,voice:6",
            "TEL;PREF=2;TYPE=X-Custom:7",
            'TEL;TYPE="main number":8',
        )
    )
    assert [(p.value, p.label, p.preferred) for p in c.phones] == [
        ("1", "mobile", True),
        ("2", "mobile", True),
        ("3", "mobile", True),
        ("4", "mobile", True),
        ("5", "home fax", False),
        ("6", "work", False),
        ("7", "custom", False),
        ("8", "main number", False),
    ]


def test_bare_21_types_survive_a_write() -> None:
    c = one(card("FN:x", "TEL;CELL;PREF:+1 555", "ADR;HOME:;;1 Main St;Town;;;", version="2.1"))
    text = write_vcard(c)
    assert "TEL;TYPE=CELL,PREF:+1 555\r\n" in text
    assert "ADR;TYPE=HOME:;;1 Main St;Town;;;\r\n" in text
    assert one(text.encode()).phones == c.phones
    assert "TEL;TYPE=cell;PREF=1:+1 555\r\n" in write_vcard(c, "4.0")


def test_apple_item_labels() -> None:
    c = one(
        card(
            "FN:x",
            "item1.TEL:1",
            "item1.X-ABLabel:_$!<Mobile>!$_",
            "item2.TEL:2",
            "item2.X-ABLabel:Hotline",
            "item3.EMAIL;type=INTERNET;type=pref:a@b.c",
            "item3.X-ABLabel:_$!<Other>!$_",
            "item4.X-ABRELATEDNAMES:Jenny",
            "item4.X-ABLabel:_$!<Spouse>!$_",
            "ITEM5.URL:http://x",
            "item5.X-ABLabel:blog",
        )
    )
    assert [(p.value, p.label) for p in c.phones] == [("1", "mobile"), ("2", "Hotline")]
    assert (c.emails[0].label, c.emails[0].preferred) == ("other", True)
    assert c.urls[0].label == "blog"  # group names are case-insensitive
    assert c.related == [RelatedPerson("Jenny", "spouse")] and c.raw_properties == []
    again = one(write_vcard(c).encode())
    assert (again.phones, again.emails, again.urls) == (c.phones, c.emails, c.urls)
    assert again.related == c.related


# -- names -------------------------------------------------------------------------------------


def test_card_without_fn_gets_a_name_and_a_warning() -> None:
    cases = [
        (("N:Doe;Jane;Q;Dr.;PhD",), "Dr. Jane Q Doe PhD"),
        (("ORG:Acme, Inc.;Sales",), "Acme, Inc."),
        (("EMAIL:jane@example.com",), "jane@example.com"),
        (("TEL:+1 555 0100",), "+1 555 0100"),
        (("FN:   ", "NOTE:only a note"), "(no name)"),
    ]
    for lines, expected in cases:
        items = list(iter_cards(card(*lines), "nofn.vcf"))
        problem, contact = items
        assert contact.display_name == expected
        assert problem.card == 1 and problem.line == 1 and "no FN" in problem.message
    # vobject cannot even write such a card back
    assert "FN:Dr. Jane Q Doe PhD\r\n" in write_vcard(one(card("N:Doe;Jane;Q;Dr.;PhD")))


def test_fn_whitespace_is_kept_and_nickname_list_is_joined() -> None:
    c = one(card("FN:Android Name ", "NICKNAME:Johnny,JQP", "NICKNAME:J"))
    assert c.display_name == "Android Name "
    assert c.nickname == "Johnny, JQP, J"


# -- photos ------------------------------------------------------------------------------------


def fold_value(prefix: str, value: str) -> list[str]:
    line = prefix + value
    return [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]


def test_photo_in_every_version_is_bytes_equal() -> None:
    b64 = base64.b64encode(JPEG).decode()
    v21 = one(card(*fold_value("PHOTO;ENCODING=BASE64;JPEG:", b64), "", version="2.1"))
    v30 = one(card(*fold_value("PHOTO;ENCODING=b;TYPE=JPEG:", b64)))
    v40 = one(card(*fold_value("PHOTO:data:image/jpeg;base64,", b64), version="4.0"))
    for c in (v21, v30, v40):
        assert c.photo == JPEG and c.photo_mime == "image/jpeg" and c.photo_uri == ""


def test_21_base64_block_without_indentation_ends_at_the_blank_line() -> None:
    b64 = base64.b64encode(JPEG).decode()
    lines = [b64[i : i + 64] for i in range(0, len(b64), 64)]
    c = one(
        card(
            "FN:x",
            "PHOTO;ENCODING=BASE64;TYPE=JPEG:" + lines[0],
            *lines[1:],
            "",
            "TEL:1",
            version="2.1",
        )
    )
    assert c.photo == JPEG and c.phones[0].value == "1"


def test_photo_uri_is_text_and_never_fetched() -> None:
    c = one(card("FN:x", "PHOTO;VALUE=uri:https://example.com/p.jpg?a=1,2"))
    assert c.photo is None and c.photo_uri == "https://example.com/p.jpg?a=1,2"
    assert "PHOTO;VALUE=uri:https://example.com/p.jpg?a=1,2" in write_vcard(c)
    assert "PHOTO:https://example.com/p.jpg?a=1,2" in write_vcard(c, "4.0")


def test_photo_without_type_is_sniffed_and_bad_base64_is_reported() -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 20
    c = one(card("FN:x", "PHOTO;BASE64:", "  " + base64.b64encode(png).decode()))
    assert c.photo == png and c.photo_mime == "image/png"
    for bad in ("PHOTO:data:image/png;base64,a", "PHOTO:data:image/png;base64"):
        problem, contact = list(iter_cards(card("FN:x", bad)))
        assert "PHOTO data: URI" in problem.message
        assert contact.raw_properties == [bad] and contact.photo is None


# -- dates -------------------------------------------------------------------------------------


def test_yearless_birthdays_in_all_forms() -> None:
    for line in (
        "BDAY:--0509",
        "BDAY:--05-09",
        "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-09",
        "BDAY:1604-05-09",
        "BDAY;VALUE=date:--0509",
    ):
        assert one(card("FN:x", line)).birthday == PartialDate(None, 5, 9), line
    c = one(card("FN:x", "BDAY:19850415", "ANNIVERSARY:--1231", version="4.0"))
    assert c.birthday == PartialDate(1985, 4, 15)
    assert c.anniversary == PartialDate(None, 12, 31)
    assert one(card("FN:x", "X-ANNIVERSARY:2001-02-03")).anniversary == PartialDate(2001, 2, 3)


def test_yearless_birthdays_are_written_per_version() -> None:
    c = Contact("x", birthday=PartialDate(None, 5, 9), anniversary=PartialDate(2010, 6, 12))
    v3 = write_vcard(c)
    assert "BDAY;X-APPLE-OMIT-YEAR=1604:1604-05-09\r\n" in v3
    assert "X-ANNIVERSARY:2010-06-12\r\n" in v3
    v4 = write_vcard(c, "4.0")
    assert "BDAY:--0509\r\n" in v4 and "ANNIVERSARY:20100612\r\n" in v4
    for text in (v3, v4):
        again = one(text.encode())
        assert (again.birthday, again.anniversary) == (c.birthday, c.anniversary)


def test_a_bad_date_is_kept_and_reported() -> None:
    problem, c = list(iter_cards(card("FN:x", "BDAY:sometime in May")))
    assert c.birthday is None and c.raw_properties == ["BDAY:sometime in May"]
    assert "not a date" in problem.message and problem.line == 4
    # a 4.0 text birthday is legal: kept without complaint
    assert read_vcards(card("FN:x", "BDAY;VALUE=text:circa 1800", version="4.0"))[1] == []


# -- unknown properties ------------------------------------------------------------------------


def test_unknown_properties_round_trip_verbatim() -> None:
    # Lines valid in 3.0 and 4.0 alike; version-only ones are converted (test_vcard_kept).
    unknown = [
        'X-FOO;BAR=baz;QUOTED="a:b;c":value, with; everything\\n',
        "KEY;TYPE=PGP:http://example.com/key.asc",
        "item7.X-ABADR:de",
        "item7.X-ABLabel:CustomAddressThing",
        "X-LONG:" + "x" * 200,
    ]
    c = one(card("FN:x", "PRODID:-//Other//EN", *unknown))
    assert c.raw_properties == unknown
    for version in ("3.0", "4.0"):
        text = write_vcard(c, version)
        assert "PRODID:-//Other//EN" not in text
        assert one(text.encode()).raw_properties == unknown


def test_21_agent_with_an_embedded_card() -> None:
    c = one(
        card(
            "FN:Boss",
            "AGENT:",
            "BEGIN:VCARD",
            "VERSION:2.1",
            "FN:Assistant",
            "TEL:555",
            "END:VCARD",
            "TEL:111",
            version="2.1",
        )
    )
    assert c.display_name == "Boss" and [p.value for p in c.phones] == ["111"]
    assert c.raw_properties == [
        "AGENT:BEGIN:VCARD\\nVERSION:2.1\\nFN:Assistant\\nTEL:555\\nEND:VCARD"
    ]


# -- broken cards ------------------------------------------------------------------------------


def test_one_broken_card_in_the_middle_loses_nothing_after_it() -> None:
    data = (
        card("FN:First")
        + b"BEGIN:VCARD\r\nVERSION:3.0\r\n\x00\x01garbage\r\n@@@ no colon @@@\r\nEND:VCARD\r\n"
        + card("FN:Third")
    )
    items = list(iter_cards(data, "three.vcf"))
    contacts = [i for i in items if isinstance(i, Contact)]
    problems = [i for i in items if isinstance(i, CardProblem)]
    assert [c.display_name for c in contacts] == ["First", "Third"]
    assert [(p.card, p.line, p.skipped) for p in problems] == [
        (2, 7, False),
        (2, 8, False),
        (2, 5, True),
    ]
    assert "unreadable line" in problems[0].message
    assert str(problems[2]) == "three.vcf: card 2, line 5: card skipped: no readable properties"
    # vobject on the same bytes stops for good at the bad line
    try:
        got = list(vobject.readComponents(data.decode()))
    except Exception:
        got = []
    assert len(got) < 2


def test_bad_line_inside_a_card_is_skipped_and_the_card_imported() -> None:
    items = list(iter_cards(card("FN:Kept", "this line has no colon", "TEL:1"), "f.vcf"))
    problem, contact = items
    assert (problem.card, problem.line, problem.skipped) == (1, 4, False)
    assert "'this line has no colon'" in problem.message
    assert contact.display_name == "Kept" and contact.phones[0].value == "1"


def test_missing_end_before_next_begin_and_at_eof() -> None:
    data = b"BEGIN:VCARD\nVERSION:3.0\nFN:A\nBEGIN:VCARD\nVERSION:3.0\nFN:B\nEND:VCARD\n"
    data += b"BEGIN:VCARD\nVERSION:3.0\nFN:C\nTEL:1\n"
    items = list(iter_cards(data, "x.vcf"))
    kinds = [
        (type(i).__name__, getattr(i, "display_name", None) or getattr(i, "line", None))
        for i in items
    ]
    assert kinds == [
        ("CardProblem", 1),
        ("Contact", "A"),
        ("Contact", "B"),
        ("CardProblem", 8),
        ("Contact", "C"),
    ]
    assert "next BEGIN:VCARD" not in items[0].message
    assert "a new BEGIN:VCARD at line 4" in items[0].message
    assert "the end of the file" in items[3].message


def test_not_a_vcard_gives_one_problem() -> None:
    for data in (b"\x89PNG\r\n\x1a\n\x00\x00binary", b"name,email\nJo,jo@x.y\n", b"", b"\n\n  \n"):
        contacts, problems = read_vcards(data, "x.csv")
        assert contacts == [] and len(problems) == 1
        assert problems[0].card == 0 and problems[0].skipped
    assert "not a vCard" in read_vcards(b"hello", "x")[1][0].message


def test_text_outside_cards_is_reported_once_per_run() -> None:
    data = b"From: someone\r\nSubject: cards\r\n" + card("FN:A") + b"stray\r\n" + card("FN:B")
    items = list(iter_cards(data, "m.vcf"))
    assert [type(i).__name__ for i in items] == ["CardProblem", "Contact", "CardProblem", "Contact"]
    assert (items[0].line, items[2].line) == (1, 7)
    assert "2 lines outside" in items[0].message


def test_empty_card_is_skipped_with_a_problem() -> None:
    contacts, problems = read_vcards(card() + card("FN:B"))
    assert [c.display_name for c in contacts] == ["B"]
    assert problems[0].card == 1 and problems[0].skipped and "nothing in it" in problems[0].message


def test_str_input_and_generator_streaming() -> None:
    it = iter_cards(card("FN:A").decode() + card("FN:B").decode())  # type: ignore[arg-type]
    assert next(it).display_name == "A"
    assert next(it).display_name == "B"


# -- big files: chunked decoding keeps line numbers and works on mapped files --------------


def test_line_numbers_stay_right_across_chunks() -> None:
    filler = card("FN:Filler Person", "NOTE:" + "x" * 500, eol="\n")
    bad = card("FN:Bad", "no colon here", eol="\r\n")
    latin1 = b"BEGIN:VCARD\nVERSION:3.0\nFN:Fran\xe7ois\nEND:VCARD\n"
    data = filler * 3000 + bad + latin1 + filler * 10  # about 1.6 MB: two chunks or more
    expected_line = data[: data.index(b"no colon here")].count(b"\n") + 1
    items = list(iter_cards(data, "big.vcf"))
    problems = [i for i in items if isinstance(i, CardProblem)]
    contacts = [i for i in items if isinstance(i, Contact)]
    assert len(contacts) == 3012
    assert [(p.card, p.line) for p in problems] == [(3001, expected_line)]
    assert contacts[3001].display_name == "François"


def test_mapped_file_input(tmp_path: Path) -> None:
    import mmap

    path = tmp_path / "cards.vcf"
    path.write_bytes(b"\xef\xbb\xbf" + card("FN:A") + card("FN:B"))
    with path.open("rb") as f, mmap.mmap(f.fileno(), 0, access=mmap.ACCESS_READ) as mapped:
        contacts, problems = read_vcards(mapped, "cards.vcf")  # type: ignore[arg-type]
    assert [c.display_name for c in contacts] == ["A", "B"] and problems == []


def test_caret_text_in_an_address_is_just_text() -> None:
    # Found by hypothesis: "^n" typed into a street is no sign of a leaked parameter.
    c = one(card("FN:x", "ADR:;;Main St ^n 5: rear;Town;;;"))
    assert c.addresses[0].street == "Main St ^n 5: rear"
    assert read_vcards(card("FN:x", "ADR:;;Main St ^n 5: rear;Town;;;"))[1] == []
