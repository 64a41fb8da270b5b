"""Helpers for the hostile-input tests (issue 17): run netdesk in-process or as a process."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from netdesk.cli import main

ONE_CARD = "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.org\r\nEND:VCARD\r\n"


class Cli:
    """``netdesk --data-dir D ...`` in this process (``run``) or as a subprocess (``proc``)."""

    def __init__(self, data_dir: Path, capsys) -> None:
        self.data_dir = data_dir
        self.capsys = capsys

    def run(self, *argv: str) -> tuple[int, str, str]:
        self.capsys.readouterr()
        code = main(["--data-dir", str(self.data_dir), *argv])
        out, err = self.capsys.readouterr()
        return code, out, err

    def proc(self, *argv: str | bytes, env: dict | None = None, **kw) -> subprocess.CompletedProcess:  # noqa: E501
        full_env = {**os.environ, **(env or {})}
        return subprocess.run(
            [sys.executable, "-m", "netdesk", "--data-dir", str(self.data_dir), *argv],
            check=False,
            capture_output=True,
            env=full_env,
            timeout=kw.pop("timeout", 60),
            **kw,
        )


@pytest.fixture
def cli(tmp_path: Path, capsys) -> Cli:
    return Cli(tmp_path / "data", capsys)


@pytest.fixture
def one_contact(cli: Cli, tmp_path: Path) -> Cli:
    vcf = tmp_path / "one.vcf"
    vcf.write_text(ONE_CARD, encoding="utf-8")
    assert cli.run("import", str(vcf))[0] == 0
    return cli
