"""duplicates: aliases of merged-away contacts, "not the same person" pairs, the merge log

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-03 07:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # The UIDs of contacts merged into another: a re-import or a sync of the old card then
    # updates the survivor instead of re-creating the merged-away contact.
    op.create_table(
        "contact_aliases",
        sa.Column("uid", sa.String(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_contact_aliases_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("uid", name=op.f("pk_contact_aliases")),
    )
    with op.batch_alter_table("contact_aliases", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_contact_aliases_contact_id"), ["contact_id"], unique=False
        )
    # Pairs the user said are two different people (first_id < second_id).
    op.create_table(
        "not_duplicates",
        sa.Column("first_id", sa.Integer(), nullable=False),
        sa.Column("second_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["first_id"],
            ["contacts.id"],
            name=op.f("fk_not_duplicates_first_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["second_id"],
            ["contacts.id"],
            name=op.f("fk_not_duplicates_second_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("first_id", "second_id", name=op.f("pk_not_duplicates")),
    )
    with op.batch_alter_table("not_duplicates", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_not_duplicates_second_id"), ["second_id"], unique=False
        )
    # Each merge with a JSON snapshot of everything it changed, so `merge --undo-last` (a
    # later process) can put both contacts back exactly.
    op.create_table(
        "merge_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("survivor_id", sa.Integer(), nullable=False),
        sa.Column("merged_ids", sa.String(), nullable=False),
        sa.Column("snapshot", sa.Text(), nullable=False),
        sa.Column("undone_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_merge_log")),
    )


def downgrade() -> None:
    op.drop_table("merge_log")
    with op.batch_alter_table("not_duplicates", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_not_duplicates_second_id"))
    op.drop_table("not_duplicates")
    with op.batch_alter_table("contact_aliases", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_contact_aliases_contact_id"))
    op.drop_table("contact_aliases")
