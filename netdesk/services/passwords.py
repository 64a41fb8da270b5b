"""Where CardDAV passwords live: the system keyring; a private file only if the user asked.

Nothing here logs or returns a password except ``get``. Without a keyring backend (a bare
server, CI) and without the file opt-in, nothing is stored and the caller asks every run.
"""

from __future__ import annotations

import contextlib
import json
import os
from pathlib import Path

KEYRING_SERVICE = "netdesk-carddav"
PASSWORD_FILE = "carddav-passwords.json"


class NoKeyring(Exception):
    """No usable system keyring on this machine."""


def _keyring():
    import keyring
    from keyring.errors import KeyringError

    return keyring, KeyringError


class PasswordStore:
    def __init__(self, data_dir: Path) -> None:
        self.file = Path(data_dir) / PASSWORD_FILE

    # -- keyring ------------------------------------------------------------------------------
    def keyring_available(self) -> bool:
        keyring, _error = _keyring()
        try:
            backend = keyring.get_keyring()
        except Exception:
            return False
        return getattr(backend, "priority", 0) > 0 and "fail" not in type(backend).__module__

    def _keyring_get(self, account: str) -> str | None:
        keyring, error = _keyring()
        try:
            return keyring.get_password(KEYRING_SERVICE, account)
        except (error, RuntimeError):
            return None

    # -- the opt-in file ----------------------------------------------------------------------
    def _file_entries(self) -> dict[str, str]:
        try:
            return dict(json.loads(self.file.read_text(encoding="utf-8")))
        except (OSError, ValueError, TypeError):
            return {}

    def _write_file(self, entries: dict[str, str]) -> None:
        if not entries:
            self.file.unlink(missing_ok=True)
            return
        tmp = self.file.with_suffix(".tmp")
        fd = os.open(tmp, os.O_CREAT | os.O_WRONLY | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            json.dump(entries, out)
        os.chmod(tmp, 0o600)
        tmp.replace(self.file)

    # -- the API ------------------------------------------------------------------------------
    def get(self, account: str) -> str | None:
        found = self._keyring_get(account) if self.keyring_available() else None
        return found if found is not None else self._file_entries().get(account)

    def save(self, account: str, password: str, to_file: bool = False) -> str:
        """Store the password; returns "keyring" or "file". Raises NoKeyring when there is
        no keyring and the user did not opt in to the file."""
        if to_file:
            entries = self._file_entries()
            entries[account] = password
            self._write_file(entries)
            return "file"
        keyring, error = _keyring()
        if not self.keyring_available():
            raise NoKeyring("no system keyring is available")
        try:
            keyring.set_password(KEYRING_SERVICE, account, password)
        except (error, RuntimeError) as exc:
            raise NoKeyring(
                f"the system keyring refused the password ({type(exc).__name__})"
            ) from None
        return "keyring"

    def delete(self, account: str) -> None:
        if self.keyring_available():
            keyring, error = _keyring()
            with contextlib.suppress(error, RuntimeError):
                keyring.delete_password(KEYRING_SERVICE, account)
        entries = self._file_entries()
        if entries.pop(account, None) is not None:
            self._write_file(entries)
