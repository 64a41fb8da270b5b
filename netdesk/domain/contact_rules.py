"""What a contact must have to be saved, and what is worth a second look: pure rules used by
the editor (through the service) and every other way of saving a contact."""

from __future__ import annotations

from dataclasses import dataclass

from netdesk.domain.contact import Contact

NEEDS_SOMETHING = ("A contact needs a name, an organisation, an e-mail address or a phone "
                   "number")


@dataclass(frozen=True)
class Problem:
    """``field`` as the editor names it ("emails[1]"); ``blocking`` problems stop a save,
    the others are warnings the user may accept."""

    field: str
    message: str
    blocking: bool


def _has_text(*values: str) -> bool:
    return any(v.strip() for v in values)


def is_empty(contact: Contact) -> bool:
    """Nothing to tell this contact from any other: the "(no name)" contact."""
    c = contact
    return not (
        _has_text(c.display_name, c.given_name, c.family_name, c.additional_names, c.nickname,
                  c.org)
        or any(e.value.strip() for e in c.emails)
        or any(p.value.strip() for p in c.phones)
    )


def email_warning(value: str) -> str | None:
    """A warning for an address whose domain has no dot ("foo@bar"): usually a typo, but an
    intranet host can be called that, so it is a warning and never a block."""
    value = value.strip()
    _, at, domain = value.rpartition("@")
    if at and domain and "." not in domain.strip("."):
        return f"“{value}” has no dot after the @; is the domain complete?"
    return None


def contact_problems(contact: Contact) -> list[Problem]:
    """Every problem of ``contact``, blocking ones first."""
    problems = []
    if is_empty(contact):
        problems.append(Problem("display_name", NEEDS_SOMETHING, blocking=True))
    for i, e in enumerate(contact.emails):
        warning = email_warning(e.value)
        if warning:
            problems.append(Problem(f"emails[{i}]", warning, blocking=False))
    return problems
