"""What the vCard engine reports instead of raising."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class CardProblem:
    """Something wrong with one card (or the file) that the user should hear about.

    ``card`` is the 1-based number of the card in the file, or 0 for trouble outside any card
    (no vCard at all, text between cards). ``line`` is the 1-based physical line where the card
    (or the bad line) starts. ``skipped`` says whether the card was dropped (True) or imported
    anyway with this warning (False), so an importer can count "imported / skipped" honestly.
    """

    file: str
    card: int
    line: int
    message: str
    skipped: bool = True

    def __str__(self) -> str:
        where = f"card {self.card}, line {self.line}" if self.card else f"line {self.line}"
        prefix = f"{self.file}: " if self.file else ""
        return f"{prefix}{where}: {self.message}"


class VCardError(ValueError):
    """Raised only by the writer, for a vCard version it cannot produce."""
