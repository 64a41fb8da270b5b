"""fold letters of their own (ł, ø, đ, ß, æ, œ, ı, þ, ħ) in sort keys and the search index;
the trash of deleted contacts

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-03 08:10:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from netdesk.domain.text import fold

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    _refold()
    # Deleted contacts with their activity, kept 30 days (restorable after a restart).
    op.create_table(
        "trash",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("display_name", sa.String(), nullable=False),
        sa.Column("deleted_at", sa.DateTime(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_trash")),
        sqlite_autoincrement=True,
    )
    with op.batch_alter_table("trash", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_trash_deleted_at"), ["deleted_at"], unique=False)


def _refold() -> None:
    # fold() now maps "Ł" to "l" and "ø" to "o": recompute the stored sort keys, and give
    # every non-ASCII search document its folded copy (store/fts.py with_folded), so
    # "lukasiewicz" finds a contact stored before this revision.
    conn = op.get_bind()
    names = conn.exec_driver_sql("SELECT id, display_name FROM contacts").fetchall()
    changed = [(fold(name), cid) for cid, name in names if not name.isascii()]
    if changed:
        conn.exec_driver_sql("UPDATE contacts SET sort_name = ? WHERE id = ?", changed)
    bodies = conn.exec_driver_sql("SELECT rowid, body FROM contacts_fts").fetchall()
    folded = [(f"{body}\n{fold(body)}", rowid) for rowid, body in bodies if not body.isascii()]
    if folded:
        conn.exec_driver_sql("UPDATE contacts_fts SET body = ? WHERE rowid = ?", folded)


def downgrade() -> None:
    with op.batch_alter_table("trash", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_trash_deleted_at"))
    op.drop_table("trash")
    # The older keys and documents still find and sort everything the older fold did; the
    # extra folded text is harmless to it.
