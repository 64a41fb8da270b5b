"""other dates, related people, date reminder settings per contact and app settings

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03 07:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _child_table(name: str, *columns: sa.Column) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        *columns,
        sa.Column("position", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f(f"fk_{name}_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_contact_id"), ["contact_id"], unique=False)


def upgrade() -> None:
    # Labelled dates besides birthday and anniversary ("graduation", Apple X-ABDATE...).
    _child_table(
        "contact_dates",
        sa.Column("date", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
    )
    # People related to the contact (RELATED, X-ABRELATEDNAMES, X-MS-SPOUSE...).
    _child_table(
        "related_people",
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("relation", sa.String(), nullable=False),
    )
    # A table of its own rather than a contacts column: few contacts have one, and the
    # contacts row (written 100k times by an import) stays as it is.
    op.create_table(
        "date_reminder_settings",
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["contact_id"],
            ["contacts.id"],
            name=op.f("fk_date_reminder_settings_contact_id_contacts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("contact_id", name=op.f("pk_date_reminder_settings")),
    )


    # Global preferences of the store (first: "remind N days before" for every contact).
    op.create_table(
        "app_settings",
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_app_settings")),
    )


def downgrade() -> None:
    op.drop_table("app_settings")
    op.drop_table("date_reminder_settings")
    for name in ("related_people", "contact_dates"):
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_contact_id"))
        op.drop_table(name)
