"""Benchmark of the vCard engine against vobject (a script, not a test).

    .venv/bin/python tests/bench/bench_vcard.py --cards 10000
    .venv/bin/python tests/bench/bench_vcard.py --cards 100000
    .venv/bin/python tests/bench/bench_vcard.py --cards 10000 --process   # whole CLI runs

Generates N realistic cards (names in Latin with accents, Cyrillic, CJK and Greek; two
phones, two e-mails, org, address, long folded notes, categories, birthdays, some year-less),
writes them to a temporary file and reports cards/s (median of repeats) for netdesk's
``iter_cards`` and ``write_vcards`` next to vobject's ``readComponents`` and ``serialize()``.
Peak parse memory is measured in fresh subprocesses at 10k and at N cards to show it stays
flat. ``--process`` also times ``netdesk --data-dir TMP import FILE`` (and ``export``) as
whole processes, when that command exists, against vobject's bare parse of the same file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import json
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from netdesk.domain.contact import Address, Contact, LabeledValue, PartialDate  # noqa: E402
from netdesk.vcard import iter_cards, write_vcards  # noqa: E402

GIVEN = {
    "latin": ["José", "Zoë", "François", "Łukasz", "Søren", "Ana", "Jürgen", "Élodie", "Mark"],
    "cyrillic": ["Дмитрий", "Анна", "Сергей", "Ольга", "Иван"],
    "cjk": ["太郎", "花子", "伟", "秀英", "민준"],
    "greek": ["Γιώργος", "Μαρία", "Νίκος", "Ελένη"],
}
FAMILY = {
    "latin": ["García", "Müller", "Nowak", "Åström", "O'Neil", "Dubois", "Smith, Jr."],
    "cyrillic": ["Иванов", "Смирнова", "Кузнецов", "Попова"],
    "cjk": ["山田", "佐藤", "王", "李", "김"],
    "greek": ["Παπαδόπουλος", "Γεωργίου", "Νικολάου"],
}
ORGS = ["Acme, Inc.", "Globex; EMEA", "Initech", "Umbrella Corp.", "株式会社テスト", "ООО Ромашка"]
TAGS = ["meetup", "conference", "recruiter", "founder", "PyCon 2024", "Berlin, DE"]
NOTE = (
    "Met at the {event} after the talk on distributed systems; wants an intro to the data "
    "team, follow up in two weeks. Prefers e-mail, not calls; likes hiking, chess and "
    "Ethiopian coffee.\nSecond line: ask about the job post (senior backend, remote)."
)


def make_contacts(n: int, seed: int = 7) -> list[Contact]:
    rnd = random.Random(seed)
    scripts = list(GIVEN)
    out = []
    for i in range(n):
        script = scripts[i % len(scripts)]
        given, family = rnd.choice(GIVEN[script]), rnd.choice(FAMILY[script])
        display = f"{family}{given}" if script == "cjk" else f"{given} {family}"
        year = None if i % 5 == 0 else rnd.randint(1950, 2004)
        out.append(
            Contact(
                display_name=display,
                uid=f"urn:uuid:00000000-0000-4000-8000-{i:012d}",
                family_name=family,
                given_name=given,
                org=rnd.choice(ORGS),
                org_units=["Sales"] if i % 3 == 0 else [],
                title="Head of Partnerships",
                birthday=PartialDate(year, rnd.randint(1, 12), rnd.randint(1, 28)),
                notes=NOTE.format(event=rnd.choice(["PyCon", "FOSDEM", "Meetup München"])),
                phones=[
                    LabeledValue(f"+49 30 {rnd.randint(1000000, 9999999)}", "work", True),
                    LabeledValue(f"+1 555 {rnd.randint(100, 999)} {i % 10000:04d}", "mobile"),
                ],
                emails=[
                    LabeledValue(f"person{i}@example.com", "work", True),
                    LabeledValue(f"p{i}.private@example.org", "home"),
                ],
                addresses=[
                    Address(
                        street=f"Hauptstraße {i % 200 + 1}",
                        locality="Köln",
                        postal_code=f"{50000 + i % 999}",
                        country="Germany",
                        label="work",
                    )
                ],
                tags=rnd.sample(TAGS, 2),
                rev="2024-05-01T10:00:00Z",
            )
        )
    return out


def timed(fn, repeats: int) -> float:
    """Median seconds of ``repeats`` runs."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def parse_netdesk(data: bytes) -> int:
    return sum(1 for item in iter_cards(data, "bench.vcf") if not hasattr(item, "message"))


def parse_vobject(data: bytes) -> int:
    """vobject's own parse, streamed like ours (nothing held, so no GC handicap)."""
    import vobject

    return sum(1 for _ in vobject.readComponents(data.decode("utf-8")))


def vobject_components(data: bytes, limit: int) -> list:
    import vobject

    out = []
    for component in vobject.readComponents(data.decode("utf-8")):
        out.append(component)
        if len(out) == limit:
            break
    return out


_MEMORY_CHILD = r"""
import json, resource, sys, tracemalloc
sys.path.insert(0, {root!r})
from netdesk.vcard import iter_cards
data = open({path!r}, "rb").read()
traced = {traced!r}
if traced:
    tracemalloc.start()
n = sum(1 for item in iter_cards(data) if not hasattr(item, "message"))
peak = tracemalloc.get_traced_memory()[1] if traced else 0
try:  # VmHWM is this process's own peak; ru_maxrss would carry the parent's over the exec
    with open("/proc/self/status") as f:
        hwm = next(int(x.split()[1]) for x in f if x.startswith("VmHWM:"))
except (OSError, StopIteration):
    hwm = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({{"cards": n, "peak": peak, "file": len(data), "maxrss_kb": hwm}}))
"""


def parse_memory(path: Path) -> dict:
    """Parse in fresh processes: one traced (peak Python allocations during the parse, the
    input bytes excluded), one untraced (tracemalloc inflates RSS) for the max RSS."""
    out = {}
    for traced in (True, False):
        code = _MEMORY_CHILD.format(root=str(ROOT), path=str(path), traced=traced)
        res = subprocess.run(
            [sys.executable, "-c", code], capture_output=True, text=True, check=True
        )
        got = json.loads(res.stdout)
        if traced:
            out.update(cards=got["cards"], peak=got["peak"], file=got["file"])
        else:
            out["maxrss_kb"] = got["maxrss_kb"]
    return out


def run_process(template: str, data_dir: Path, file: Path) -> tuple[float, str]:
    """Wall time of one CLI run; raises RuntimeError with its stderr when it fails."""
    argv = [a.format(data_dir=data_dir, file=file) for a in template.split()]
    if not Path(argv[0]).exists() and shutil.which(argv[0]) is None:
        raise RuntimeError(f"{argv[0]} not found")
    t0 = time.perf_counter()
    res = subprocess.run(argv, capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - t0
    if res.returncode != 0:
        raise RuntimeError((res.stderr or res.stdout).strip()[-300:])
    return elapsed, res.stdout.strip()[-200:]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--cards", type=int, default=10000)
    ap.add_argument("--repeats", type=int, default=0, help="default: 5 (3 above 20k cards)")
    ap.add_argument(
        "--vobject-repeats",
        type=int,
        default=0,
        help="default: 3 (1 above 20k cards: vobject needs over a minute then)",
    )
    ap.add_argument(
        "--process", action="store_true", help="also time the whole netdesk import/export processes"
    )
    ap.add_argument(
        "--import-cmd",
        default=str(ROOT / ".venv/bin/netdesk") + " --data-dir {data_dir} import {file}",
    )
    ap.add_argument(
        "--export-cmd",
        default=str(ROOT / ".venv/bin/netdesk") + " --data-dir {data_dir} export -o {file}",
    )
    ap.add_argument(
        "--serialize-sample",
        type=int,
        default=10000,
        help="vobject serialize() is timed on this many cards and scaled (it is linear)",
    )
    args = ap.parse_args()
    n = args.cards
    big = n > 20000
    repeats = args.repeats or (3 if big else 5)
    vrepeats = args.vobject_repeats or (1 if big else 3)

    serialize_sample = min(n, args.serialize_sample)
    contacts = make_contacts(n)
    with tempfile.TemporaryDirectory(prefix="netdesk-bench-") as tmp:
        path = Path(tmp) / f"bench-{n}.vcf"
        with path.open("w", encoding="utf-8", newline="") as f:
            for card in write_vcards(contacts):
                f.write(card)
        small = Path(tmp) / "mem-10000.vcf"
        if n > 10000:
            with small.open("w", encoding="utf-8", newline="") as f:
                for card in write_vcards(contacts[:10000]):
                    f.write(card)
        # Parsers are timed with no contacts alive, as in an import: 100k live objects
        # would make every cyclic GC pass slow and bill it to whoever allocates.
        contacts.clear()
        gc.collect()
        data = path.read_bytes()
        print(
            f"{n} cards, {len(data) / 1e6:.1f} MB, python {sys.version.split()[0]}, "
            f"{dt.datetime.now():%Y-%m-%d %H:%M}"
        )

        assert parse_netdesk(data) == n, "netdesk did not read back every card"
        t_parse = timed(lambda: parse_netdesk(data), repeats)
        vcount: list[int] = []
        t_vparse = timed(lambda: vcount.append(parse_vobject(data)), vrepeats)
        assert vcount[0] == n, "vobject did not read every card"

        components = vobject_components(data, serialize_sample)
        t_vser = timed(lambda: [c.serialize() for c in components], vrepeats)
        t_vser *= n / serialize_sample
        components.clear()
        contacts = make_contacts(n)
        t_write = timed(lambda: sum(len(s) for s in write_vcards(contacts)), repeats)
        contacts.clear()

        sample = "" if serialize_sample == n else f" (timed on {serialize_sample:,}, scaled)"
        rows = [
            ("parse  netdesk iter_cards", t_parse, repeats),
            ("parse  vobject readComponents", t_vparse, vrepeats),
            ("write  netdesk write_vcards", t_write, repeats),
            ("write  vobject serialize()" + sample, t_vser, vrepeats),
        ]
        print()
        print(f"{'operation':50} {'seconds':>9} {'cards/s':>10} {'runs':>5}")
        for name, secs, runs in rows:
            print(f"{name:50} {secs:9.3f} {n / secs:10,.0f} {runs:5}")
        print(f"{'parse: netdesk time / vobject time':50} {t_parse / t_vparse:9.3f}")
        print(f"{'write: netdesk time / vobject time':50} {t_write / t_vser:9.3f}")

        print()
        print("peak memory of a parse (fresh subprocess; tracemalloc peak excludes the input)")
        for p in [small, path] if n > 10000 else [path]:
            mem = parse_memory(p)
            print(
                f"  {mem['cards']:>7} cards: file {mem['file'] / 1e6:6.1f} MB, "
                f"parse peak {mem['peak'] / 1e6:6.1f} MB, "
                f"process max RSS {mem['maxrss_kb'] / 1e3:6.1f} MB"
            )

        if args.process:
            print()
            data_dir = Path(tmp) / "data"
            try:
                t_imp, out = run_process(args.import_cmd, data_dir, path)
                print(f"netdesk import process: {t_imp:.2f} s ({out!r})")
                print(
                    f"  vs vobject readComponents {t_vparse:.2f} s: "
                    f"{t_imp / t_vparse:.2f} of it (target <= 0.50)"
                )
                t_exp, _ = run_process(args.export_cmd, data_dir, Path(tmp) / "out.vcf")
                print(
                    f"netdesk export process: {t_exp:.2f} s; vs vobject serialize "
                    f"{t_vser:.2f} s: {t_exp / t_vser:.2f} of it (target <= 0.25)"
                )
            except (RuntimeError, OSError) as exc:
                print(f"process timing skipped: {exc}")


if __name__ == "__main__":
    main()
