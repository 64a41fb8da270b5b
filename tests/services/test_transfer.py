"""Import and export through the real store: matching, idempotence, cancel, round trip."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from netdesk.services.transfer import ImportCancelled, TransferService

CORPUS = Path(__file__).resolve().parents[1] / "vcard" / "corpus"


def card(fn: str, *lines: str, version: str = "3.0") -> str:
    body = "".join(f"{line}\r\n" for line in lines)
    return f"BEGIN:VCARD\r\nVERSION:{version}\r\nFN:{fn}\r\n{body}END:VCARD\r\n"


def write(tmp_path: Path, name: str, *cards: str) -> Path:
    path = tmp_path / name
    path.write_text("".join(cards), encoding="utf-8")
    return path


@pytest.fixture
def transfer(database) -> TransferService:
    return TransferService(database)


def test_whole_corpus_imports_and_reimport_changes_nothing(transfer, contact_service) -> None:
    files = sorted(CORPUS.glob("*.vcf"))
    expected = json.loads((CORPUS / "expected.json").read_text(encoding="utf-8"))
    first = transfer.import_files(files)
    assert not first.files_failed
    cards_in_corpus = sum(
        entry["card_count"]
        for entry in [*expected["files"].values(), *expected["malformed_files"].values()]
    )
    # Every card is accounted for: created, merged into an earlier card (the same person
    # twice), updating a contact from an earlier file, or skipped with a problem.
    counted = first.created + first.updated + first.unchanged + first.merged + first.skipped
    assert counted == cards_in_corpus
    before = [(r.id, r.name, r.emails, r.phones) for r in contact_service.summaries()]
    again = transfer.import_files(files)
    assert (again.created, again.updated) == (0, 0)
    after = [(r.id, r.name, r.emails, r.phones) for r in contact_service.summaries()]
    assert after == before


def test_same_person_in_two_files_is_updated_not_duplicated(
    transfer, contact_service, tmp_path
) -> None:
    transfer.import_files(
        [write(tmp_path, "phone.vcf", card("Ada Lovelace", "EMAIL:ada@example.org"))]
    )
    report = transfer.import_files(
        [
            write(
                tmp_path,
                "laptop.vcf",
                card("Ada Lovelace", "EMAIL:ADA@example.org", "TEL:+44 20 7946 0018"),
            )
        ]
    )
    assert (report.created, report.updated) == (0, 1)
    (row,) = contact_service.summaries()
    assert row.phones == ("+44 20 7946 0018",) and row.emails == ("ada@example.org",)


def test_different_people_sharing_a_name_are_never_merged(
    transfer, contact_service, tmp_path
) -> None:
    transfer.import_files([write(tmp_path, "a.vcf", card("John Smith", "EMAIL:j1@a.org"))])
    report = transfer.import_files([write(tmp_path, "b.vcf", card("John Smith", "EMAIL:j2@b.org"))])
    assert report.created == 1
    assert len(contact_service.summaries()) == 2


def test_a_shared_switchboard_number_does_not_merge_two_people(
    transfer, contact_service, tmp_path
) -> None:
    report = transfer.import_files(
        [
            write(
                tmp_path,
                "office.vcf",
                card("Grace Hopper", "TEL:+1 555 0100"),
                card("Alan Turing", "TEL:+1 555 0100"),
            )
        ]
    )
    assert report.created == 2
    assert {r.name for r in contact_service.summaries()} == {"Grace Hopper", "Alan Turing"}


def test_same_uid_updates_even_when_the_name_changed(transfer, contact_service, tmp_path) -> None:
    transfer.import_files([write(tmp_path, "1.vcf", card("Jo March", "UID:abc-1"))])
    report = transfer.import_files(
        [write(tmp_path, "2.vcf", card("Josephine Bhaer", "UID:abc-1", "TITLE:Author"))]
    )
    assert (report.created, report.updated) == (0, 1)
    (row,) = contact_service.summaries()
    assert row.name == "Josephine Bhaer" and row.title == "Author"


def test_duplicate_card_within_one_file_is_merged(transfer, contact_service, tmp_path) -> None:
    report = transfer.import_files(
        [
            write(
                tmp_path,
                "dup.vcf",
                card("Ada Lovelace", "EMAIL:ada@example.org"),
                card("Ada Lovelace", "EMAIL:ada@example.org", "TEL:+1 555 0199"),
            )
        ]
    )
    assert report.created == 1
    (row,) = contact_service.summaries()
    assert row.phones == ("+1 555 0199",)


def test_cancel_leaves_the_store_as_it_was(transfer, contact_service, tmp_path) -> None:
    transfer.import_files([write(tmp_path, "a.vcf", card("Existing Person"))])
    from netdesk.services import transfer as transfer_module

    count = transfer_module.BATCH * 2 + 100  # several batches, cancelled after the first
    big = write(
        tmp_path, "big.vcf", *(card(f"Person {i}", f"EMAIL:p{i}@x.org") for i in range(count))
    )
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> None:
        seen.append((done, total))

    with pytest.raises(ImportCancelled):
        transfer.import_files([big], progress=progress, cancelled=lambda: len(seen) > 1)
    assert [r.name for r in contact_service.summaries()] == ["Existing Person"]
    assert seen[0] == (0, count)


def test_progress_reaches_the_total(transfer, tmp_path) -> None:
    path = write(tmp_path, "p.vcf", *(card(f"P {i}") for i in range(1200)))
    seen: list[tuple[int, int]] = []
    transfer.import_files([path], progress=lambda d, t: seen.append((d, t)))
    assert seen[-1] == (1200, 1200)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_export_then_import_into_a_fresh_store_gives_the_same_contacts(
    transfer, contact_service, tmp_path
) -> None:
    from netdesk.services.contacts import ContactService
    from netdesk.store.db import open_database

    transfer.import_files(sorted(CORPUS.glob("*.vcf")))
    for version in ("3.0", "4.0"):
        out = tmp_path / f"all-{version}.vcf"
        n = transfer.export(out, version=version)
        assert n == contact_service.count()
        fresh_db = open_database(tmp_path / f"fresh-{version}")
        fresh = ContactService(fresh_db)
        report = TransferService(fresh_db).import_files([out])
        assert report.problems == [] and report.created == n
        original = {c.uid: c for c in contact_service.get_many(contact_service.search_ids(""))}
        for c in fresh.get_many(fresh.search_ids("")):
            o = original[c.uid]
            assert (c.display_name, c.emails, c.phones, c.org, c.tags, c.birthday, c.photo) == (
                o.display_name,
                o.emails,
                o.phones,
                o.org,
                o.tags,
                o.birthday,
                o.photo,
            ), c.display_name
        fresh.close()


def test_export_to_an_unwritable_place_fails_cleanly(transfer, tmp_path) -> None:
    from netdesk.services.errors import ServiceError

    with pytest.raises(ServiceError, match="could not write"):
        transfer.export(tmp_path / "no-such-dir" / "x.vcf")


def test_same_person_in_different_batches_of_one_file_is_merged(
    transfer, contact_service, tmp_path, monkeypatch
) -> None:
    from netdesk.services import transfer as transfer_module

    # Batches of 2: the second card for Ada comes after the first one was written.
    monkeypatch.setattr(transfer_module, "BATCH", 2)
    report = transfer.import_files(
        [
            write(
                tmp_path,
                "long.vcf",
                card("Ada Lovelace", "EMAIL:ada@example.org"),
                card("Grace Hopper", "EMAIL:grace@example.org"),
                card("Alan Turing", "EMAIL:alan@example.org"),
                card("Ada Lovelace", "EMAIL:ada@example.org", "TEL:+44 20 7946 0018"),
                card("Grace Hopper", "UID:g-1"),
            )
        ]
    )
    assert (report.created, report.merged, report.updated) == (4, 1, 0)
    ada = [r for r in contact_service.summaries() if r.name == "Ada Lovelace"]
    assert len(ada) == 1 and ada[0].phones == ("+44 20 7946 0018",)
    # The second Grace has no e-mail: a name alone never merges two contacts.
    assert [r.name for r in contact_service.summaries()].count("Grace Hopper") == 2
