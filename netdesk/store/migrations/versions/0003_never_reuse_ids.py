"""never reuse the ids of deleted contacts, interactions and follow-ups

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-03

SQLite hands a new row max(id)+1, so deleting the newest contact and then importing one gave
the newcomer the deleted contact's id: undoing the delete then collided with it (and crashed
the window). ``AUTOINCREMENT`` keeps the largest id ever used in ``sqlite_sequence`` and never
hands it out again. SQLite cannot add it with ALTER TABLE, so each table is rebuilt (batch
mode: create, copy every row with its id, drop, rename; indexes recreated). ``migrate()`` turns
foreign keys off around migrations, so dropping the old ``contacts`` does not cascade to the
rows that refer to it, and checks them again afterwards.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("contacts", "interactions", "followups")


def upgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": True}):
            pass


def downgrade() -> None:
    for table in TABLES:
        with op.batch_alter_table(table, recreate="always",
                                  table_kwargs={"sqlite_autoincrement": False}):
            pass
