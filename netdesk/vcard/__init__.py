"""vCard 2.1/3.0/4.0 reading and writing. Pure: bytes in, domain objects and problems out.

No I/O, no Qt, no SQLAlchemy. The hot paths are plain string work; vobject (the project's
vCard library) is used by the tests to cross-check what this package writes.
"""

from netdesk.vcard.problems import CardProblem, VCardError
from netdesk.vcard.reader import iter_cards, read_vcards
from netdesk.vcard.writer import write_vcard, write_vcards

__all__ = ["CardProblem", "VCardError", "iter_cards", "read_vcards", "write_vcard", "write_vcards"]
