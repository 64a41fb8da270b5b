"""Benchmark (a script, not a test): one absurd card between two normal ones (issue 17).

    .venv/bin/python tests/bench/bench_hostile_card.py [--lines 7300000] [--repeats 3]

Writes a file whose middle card has N short lines (7.3 million lines are ~49 MB: what a
tester used), imports it with ``netdesk import`` as a whole process and reports the median
wall time and the peak RSS of the process. Before issue 17 this took ~51 s and ~2.3 GB; the
card is now skipped with a problem once it passes 100,000 lines / 20 MB, and the reader
works through it a megabyte at a time.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def write_file(path: Path, lines: int) -> None:
    with path.open("w", encoding="ascii", newline="") as f:
        f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Before\r\nEND:VCARD\r\n")
        f.write("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Huge\r\n")
        chunk = "X-L:1\r\n" * 100_000
        for _ in range(lines // 100_000):
            f.write(chunk)
        f.write("END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:After\r\nEND:VCARD\r\n")


def run_once(data_dir: Path, vcf: Path) -> tuple[float, int]:
    script = (
        "import resource, sys\n"
        "from netdesk.cli import main\n"
        "code = main(sys.argv[1:])\n"
        "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)\n"
        "sys.exit(code)\n"
    )
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", script, "--data-dir", str(data_dir), "import", str(vcf)],
        capture_output=True, text=True, check=True,
    )
    elapsed = time.perf_counter() - started
    peak_kb = int(done.stderr.strip().splitlines()[-1])
    return elapsed, peak_kb


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=7_300_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        vcf = Path(tmp) / "huge.vcf"
        write_file(vcf, args.lines)
        size_mb = vcf.stat().st_size / 1e6
        times, peaks = [], []
        for i in range(args.repeats):
            elapsed, peak = run_once(Path(tmp) / f"d{i}", vcf)
            times.append(elapsed)
            peaks.append(peak)
        print(
            f"{args.lines:,} lines, {size_mb:.0f} MB file: median {statistics.median(times):.2f} s,"
            f" peak RSS median {statistics.median(peaks) / 1024:.0f} MB "
            f"(runs: {', '.join(f'{t:.2f}' for t in times)} s)"
        )


if __name__ == "__main__":
    main()
