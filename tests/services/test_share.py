"""QR codes and "my card": the PNG decodes with a real decoder and imports as the same person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtGui import QImage

from netdesk.cli import main
from netdesk.domain.contact import Contact, LabeledValue
from netdesk.services.share import QR_FIELDS, compact_vcard, make_qr


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def decode_png(path: Path) -> str:
    """Qt decodes the PNG file, zxing-cpp (a real QR reader) the picture."""
    image = QImage(str(path))
    assert not image.isNull(), path
    (barcode,) = zxingcpp.read_barcodes(image.convertToFormat(QImage.Format.Format_Grayscale8))
    assert barcode.format == zxingcpp.BarcodeFormat.QRCode
    return barcode.text


def busy_contact() -> Contact:
    return Contact(
        display_name="Dr. Maria-José Fernández-Łukasiewicz",
        given_name="Maria-José",
        family_name="Fernández-Łukasiewicz",
        name_prefix="Dr.",
        org="Universidad Politécnica; Departamento de Ingeniería",
        title="Head of Research Partnerships, EMEA",
        phones=[
            LabeledValue("+34 600 123 456", "mobile"),
            LabeledValue("+34 91 000 00 00", "work"),
        ],
        emails=[LabeledValue("maria.jose@upm.example", "work", True), LabeledValue("mj@x.example")],
        urls=[LabeledValue("https://www.linkedin.com/in/maria-jose-fernandez-lukasiewicz")],
        notes="Long notes never go into the QR code. " * 20,
        photo=b"\x89PNG" + b"0" * 5000,
    )


def test_compact_card_is_small_and_has_only_the_chosen_fields() -> None:
    card = compact_vcard(busy_contact())
    size = len(card.encode("utf-8"))
    assert size < 400, size  # a deliberately long name, org, title and URL
    assert "PHOTO" not in card and "NOTE" not in card and "+34 91" not in card
    assert "EMAIL:maria.jose@upm.example" in card  # the preferred one
    assert "ORG:Universidad Politécnica\\; Departamento de Ingeniería" in card
    # Even this long card stays well below a full export card's version 16-20 (which a
    # simulated phone camera could not read); an everyday card is much smaller.
    assert make_qr(card).version <= 14
    everyday = Contact(display_name="Ada Lovelace", given_name="Ada", family_name="Lovelace")
    everyday.org, everyday.title = "Analytical Engines Ltd", "Founder"
    everyday.phones = [LabeledValue("+44 20 7946 0018")]
    everyday.emails = [LabeledValue("ada@engines.example")]
    everyday.urls = [LabeledValue("https://www.linkedin.com/in/ada-lovelace")]
    assert make_qr(compact_vcard(everyday)).version <= 10
    only = compact_vcard(busy_contact(), ("name", "phone"))
    assert "TEL:+34 600 123 456" in only and "EMAIL" not in only and "ORG" not in only


def test_qr_png_decodes_and_reimports_as_the_same_person(tmp_path: Path, capsys) -> None:
    source = tmp_path / "source"
    card = tmp_path / "in.vcf"
    from netdesk.vcard import write_vcard

    card.write_text(write_vcard(busy_contact()), encoding="utf-8")
    assert run(capsys, "--data-dir", str(source), "import", str(card))[0] == 0
    png = tmp_path / "maria.png"
    code, _, err = run(capsys, "--data-dir", str(source), "qr", "Maria", "-o", str(png))
    assert code == 0, err
    image = QImage(str(png))
    modules = make_qr(compact_vcard(busy_contact())).symbol_size(scale=1, border=0)[0]
    assert image.width() / (modules + 8) >= 5  # at least 5 pixels per module
    decoded = decode_png(png)
    scanned = tmp_path / "scanned.vcf"
    scanned.write_text(decoded, encoding="utf-8")
    target = tmp_path / "phone"
    code, out, _ = run(capsys, "--data-dir", str(target), "import", "--json", str(scanned))
    assert json.loads(out)["created"] == 1
    _, out, _ = run(capsys, "--data-dir", str(target), "show", "1", "--json")
    person = json.loads(out)
    assert person["name"] == "Dr. Maria-José Fernández-Łukasiewicz"
    assert (person["given_name"], person["family_name"]) == ("Maria-José", "Fernández-Łukasiewicz")
    assert person["phones"] == ["+34 600 123 456"]
    assert person["emails"] == ["maria.jose@upm.example"]


def test_my_card_as_qr_and_svg(tmp_path: Path, capsys) -> None:
    d = str(tmp_path / "store")
    cards = tmp_path / "two.vcf"
    cards.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Me Myself\r\nN:Myself;Me;;;\r\nTEL:+1 555 0100\r\n"
        "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Someone Else\r\nEMAIL:s@x.org\r\n"
        "END:VCARD\r\n"
    )
    run(capsys, "--data-dir", d, "import", str(cards))
    code, _, err = run(capsys, "--data-dir", d, "qr", "--me")
    assert code == 1 and "netdesk me CONTACT" in err
    code, out, _ = run(capsys, "--data-dir", d, "me", "Me Myself", "--json")
    assert code == 0 and json.loads(out)["name"] == "Me Myself"
    png = tmp_path / "me.png"
    assert run(capsys, "--data-dir", d, "qr", "--me", "-o", str(png))[0] == 0
    assert "FN:Me Myself" in decode_png(png)
    svg = tmp_path / "me.svg"
    assert run(capsys, "--data-dir", d, "qr", "--me", "-o", str(svg))[0] == 0
    assert svg.read_text().lstrip().startswith("<?xml") and "<svg" in svg.read_text()
    code, out, _ = run(capsys, "--data-dir", d, "qr", "--me", "--text", "--fields", "name")
    assert out.startswith("BEGIN:VCARD") and "TEL" not in out
    code, out, _ = run(capsys, "--data-dir", d, "qr", "--me")
    assert code == 0 and "█" in out


@pytest.mark.parametrize(
    ("argv", "status", "message"),
    [
        (["qr"], 2, "CONTACT or --me"),
        (["qr", "1", "--fields", "shoe"], 2, "unknown field"),
        (["qr", "1", "-o", "x.jpg"], 1, ".png or .svg"),
        (["qr", "nobody-here"], 1, "no contact"),
    ],
)
def test_qr_errors(tmp_path: Path, capsys, argv, status, message) -> None:
    cards = tmp_path / "a.vcf"
    cards.write_text("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\nEND:VCARD\r\n")
    run(capsys, "--data-dir", str(tmp_path), "import", str(cards))
    argv = [a if a != "x.jpg" else str(tmp_path / a) for a in argv]
    code, _, err = run(capsys, "--data-dir", str(tmp_path), *argv)
    assert code == status and message.lower() in err.lower() and "Traceback" not in err


def test_all_fields_listed() -> None:
    assert QR_FIELDS == ("name", "org", "title", "phone", "email", "url")
