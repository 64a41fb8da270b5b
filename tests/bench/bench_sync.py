"""CardDAV sync benchmark against a real Radicale on loopback, with vdirsyncer as the peer.

Run:  .venv/bin/python tests/bench/bench_sync.py [--sizes 1000 10000] [--repeat 3]
      [--upload-max 1000] [--no-vdirsyncer]

For each book size N: first download (cards/s), first upload of N local contacts (only up to
--upload-max: Radicale scans the whole book per new UID, ~0.9 s per card at 10k), a no-op
sync, and a sync with 10 changes on each side (10 local edits, 10 cards rewritten on the
server by a plain HTTP writer, as a phone would). Then vdirsyncer's no-op sync of the same
book, installed by this script into its own venv (it is never a netdesk dependency).
The big book is written straight into Radicale's storage folder (one file per card), which
is how Radicale stores it anyway; uploading 10k cards over HTTP would take hours.
Prints medians; not a test.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import httpx  # noqa: E402

from netdesk.domain.contact import Contact, LabeledValue  # noqa: E402
from netdesk.services.accounts import AccountService  # noqa: E402
from netdesk.services.contacts import ContactService  # noqa: E402
from netdesk.store.contacts import ContactRepository  # noqa: E402
from netdesk.store.db import open_database  # noqa: E402
from tests.helpers.radicale_server import RadicaleServer  # noqa: E402

AUTH = ("alice", "secret")
HTTP_SECONDS = [0.0]  # time spent waiting on HTTP (the server's share plus transfer)


def _count_http_time() -> None:
    """Wrap the client's one request method to add up the time spent on HTTP (bench only)."""
    from netdesk.sync.client import CardDavClient

    plain = CardDavClient.request

    def request(self, method, url, **kwargs):
        start = time.perf_counter()
        try:
            return plain(self, method, url, **kwargs)
        finally:
            HTTP_SECONDS[0] += time.perf_counter() - start

    CardDavClient.request = request


def timed_sync(accounts) -> tuple[float, float, float, object]:
    """(seconds, HTTP seconds, netdesk CPU seconds, report) of one sync. HTTP time is summed
    over the parallel PUT connections, so it can exceed the wall time."""
    HTTP_SECONDS[0] = 0.0
    cpu = time.process_time()
    secs, report = timed(lambda: accounts.sync("bench", "secret"))
    return secs, HTTP_SECONDS[0], time.process_time() - cpu, report


def share(runs: list[tuple[float, float, float]]) -> str:
    total, http, cpu = (statistics.median(r[i] for r in runs) for i in range(3))
    return f"{total:.3f} s (HTTP {http:.3f} s, netdesk CPU {cpu:.3f} s)"


def card(i: int, uid: str, note: str = "") -> str:
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", f"UID:{uid}", f"FN:Person {i:05d}",
        f"N:{i:05d};Person;;;", f"EMAIL;TYPE=INTERNET:p{i}@example.org",
        f"TEL;TYPE=CELL:+33 6 {i % 100:02d} {i // 100 % 100:02d} 00 00", "ORG:Bench Inc",
    ]  # fmt: skip
    if note:
        lines.append(f"NOTE:{note}")
    return "\r\n".join([*lines, "END:VCARD", ""])


def fill_book_on_disk(server: RadicaleServer, book: str, n: int) -> list[str]:
    """Write N cards into the (existing, empty) book's folder; returns their hrefs."""
    folder = server.root / "collections" / "collection-root" / "alice" / book
    hrefs = []
    for i in range(n):
        uid = f"bench-{i:05d}"
        (folder / f"{uid}.vcf").write_text(card(i, uid), encoding="utf-8", newline="")
        hrefs.append(f"/alice/{book}/{uid}.vcf")
    return hrefs


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def side(root: Path, name: str, server: RadicaleServer, book_url: str):
    d = root / name
    db = open_database(d)
    accounts = AccountService(db, d)
    accounts.add("bench", server.url, "alice", "secret", book=book_url)
    return db, accounts, ContactService(db)


def bench_size(server: RadicaleServer, root: Path, n: int, args, results: dict) -> str:
    book = f"book{n}"
    folder = server.root / "collections" / "collection-root" / "alice" / book
    if folder.is_dir() and len(list(folder.glob("*.vcf"))) == n:  # kept from a --keep run
        book_url = server.book_url("alice", book)
        hrefs = [f"/alice/{book}/bench-{i:05d}.vcf" for i in range(n)]
    else:
        book_url = server.make_book("alice", book)
        hrefs = fill_book_on_disk(server, book, n)
    # Radicale builds its item cache on the first listing of new files; a live server has
    # done that long ago, so it is timed apart and not charged to the first download.
    warm = timed(lambda: httpx.request("PROPFIND", book_url, auth=AUTH, timeout=None,
                                       headers={"Depth": "1"}))[0]  # fmt: skip
    results[f"{n}: (Radicale cache warm-up, not netdesk)"] = f"{warm:.2f} s"
    db, accounts, contacts = side(root, f"down{n}-{uuid.uuid4().hex[:6]}", server, book_url)
    secs, http, _cpu, report = timed_sync(accounts)
    assert report.downloaded == n, report.as_dict()
    results[f"{n}: first download"] = f"{secs:.2f} s ({n / secs:.0f} cards/s; HTTP {http:.2f} s)"

    noop = [timed_sync(accounts)[:3] for _ in range(args.repeat)]
    results[f"{n}: no-op sync (median)"] = share(noop)

    changed = []
    run_id = uuid.uuid4().hex[:6]  # fresh values, so a --keep re-run changes something too
    for r in range(args.repeat):
        ids = [s.id for s in contacts.summaries()][r * 10 : r * 10 + 10]
        for c in contacts.get_many(ids):
            c.title = f"round {r} {run_id}"
            contacts.update(c)
        for i in range(500 + r * 10, 510 + r * 10):  # the "phone" rewrites 10 other cards
            url = f"{server.url.rstrip('/')}{hrefs[i]}"
            httpx.put(url, content=card(i, f"bench-{i:05d}", f"phone {r} {run_id}"), auth=AUTH)
        secs, http, cpu, report = timed_sync(accounts)
        assert (report.updated_remote, report.updated_local) == (10, 10), report.as_dict()
        changed.append((secs, http, cpu))
    results[f"{n}: 10 changes each side (median)"] = share(changed)
    contacts.close()
    db.dispose()

    if n <= args.upload_max:
        bench_upload(server, root, n, results)
    return book_url


def bench_upload(server: RadicaleServer, root: Path, n: int, results: dict) -> None:
    name = f"up{n}-{uuid.uuid4().hex[:6]}"
    book_url = server.make_book("alice", name)
    db, accounts, contacts = side(root, name, server, book_url)
    with db.engine.begin() as conn:
        ContactRepository(conn).add_many(
            Contact(display_name=f"Up {i}", family_name=str(i), uid=f"up-{uuid.uuid4()}",
                    emails=[LabeledValue(f"u{i}@example.org")])
            for i in range(n)
        )  # fmt: skip
    secs, http, _cpu, report = timed_sync(accounts)
    assert report.uploaded == n, report.as_dict()
    results[f"{n}: first upload"] = f"{secs:.2f} s ({n / secs:.0f} cards/s; HTTP {http:.2f} s)"
    contacts.close()
    db.dispose()


def vdirsyncer_noop(root: Path, server: RadicaleServer, book_url: str, repeat: int) -> float:
    venv = root / "vdirsyncer-venv"
    if not (venv / "bin" / "vdirsyncer").exists():
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(venv / "bin" / "pip"), "install", "-q", "vdirsyncer"], check=True)
    local = root / "vdir"
    local.mkdir(exist_ok=True)
    config = root / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{root / "vdir-status"}"\n\n'
        '[pair book]\na = "dav"\nb = "disk"\ncollections = null\nconflict_resolution = "a wins"\n\n'
        f'[storage dav]\ntype = "carddav"\nurl = "{book_url}"\nusername = "alice"\n'
        'password = "secret"\n\n'
        f'[storage disk]\ntype = "filesystem"\npath = "{local}"\nfileext = ".vcf"\n'
    )
    cmd = [str(venv / "bin" / "vdirsyncer"), "-c", str(config)]
    subprocess.run([*cmd, "discover"], check=True, capture_output=True, input=b"y\n" * 4)
    subprocess.run([*cmd, "sync"], check=True, capture_output=True)  # the first, full one
    runs = []
    for _ in range(repeat):
        secs, done = timed(lambda: subprocess.run([*cmd, "sync"], capture_output=True, check=False))
        assert done.returncode == 0, done.stderr
        runs.append(secs)
    return statistics.median(runs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--upload-max", type=int, default=1000)
    parser.add_argument("--no-vdirsyncer", action="store_true")
    parser.add_argument("--vdirsyncer-root", type=Path, help="reuse this folder's venv")
    parser.add_argument("--keep", type=Path, help="keep Radicale's storage here for re-runs")
    args = parser.parse_args()
    _count_http_time()
    results: dict[str, str] = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
        server_root = (args.keep or root) / "radicale"
        server = RadicaleServer(server_root, {"alice": "secret"}).start()
        try:
            last_book = ""
            for n in args.sizes:
                last_book = bench_size(server, root, n, args, results)
                print(json.dumps(results, indent=1), flush=True)
            if not args.no_vdirsyncer:
                vroot = args.vdirsyncer_root or root
                vroot.mkdir(parents=True, exist_ok=True)
                secs = vdirsyncer_noop(vroot, server, last_book, args.repeat)
                results[f"{args.sizes[-1]}: vdirsyncer no-op sync (median)"] = f"{secs:.3f} s"
        finally:
            server.stop()
    print(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
