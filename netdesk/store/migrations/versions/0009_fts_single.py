"""one folded copy of each search document instead of the as-written text plus its fold

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-03 14:00:00

Revision 0007 gave every non-ASCII search document its ``fold()`` after the text as written
(``body + "\\n" + fold(body)``), and tag edits kept each tag's line in step as a pair. Queries
are folded before they reach the index, so the as-written half never finds anything the
folded half does not: it only doubled the index and every rewrite of a document (tagging
100,000 contacts). This keeps one folded copy: every line of a non-ASCII document is folded,
and each distinct line is kept half as many times as it occurs (rounded up), which undoes
the doubling line by line (a tag's line stays once, so removing the tag later takes its
words away) and never drops a line that had no twin.
"""

from collections import Counter
from collections.abc import Sequence

from alembic import op

from netdesk.domain.text import fold

# The file is 0009_fts_single.py; the id is "0009" like every other revision here
# (store/db.known_revisions reads ids from the file names' first part).
revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

BATCH = 5000


def single(body: str) -> str:
    """The 0009 document for a 0007/0008 one."""
    if body.isascii():
        return body
    # Folded one by one (an ASCII line only lowered: unicode61 lowers it anyway), so a line
    # and its twin from the folded half read the same.
    lines = [fold(line) for line in body.split("\n")]
    counts = Counter(line for line in lines if line)
    out = []
    for line, count in counts.items():
        out += [line] * ((count + 1) // 2)
    return "\n".join(out)


def upgrade() -> None:
    # The index is built again rather than updated row by row: an FTS5 update takes out the
    # old document's words before it adds the new ones, and at 100,000 contacts writing
    # every document into an empty table took about a third of the time.
    conn = op.get_bind()
    rows = conn.exec_driver_sql("SELECT rowid, body FROM contacts_fts").fetchall()
    op.execute("DROP TABLE contacts_fts")
    op.execute(  # as revision 0001 made it
        "CREATE VIRTUAL TABLE contacts_fts USING fts5("
        "body, tokenize = 'unicode61 remove_diacritics 2', detail = none, prefix = '1 2')"
    )
    for start in range(0, len(rows), BATCH):
        conn.exec_driver_sql("INSERT INTO contacts_fts (rowid, body) VALUES (?, ?)",
                             [(rowid, single(body)) for rowid, body in rows[start:start + BATCH]])


def downgrade() -> None:
    # Nothing to undo: 0008's code finds everything in the folded documents (its queries
    # are folded too) and its tag edits still find a tag's folded line.
    pass
