"""index the contacts that have a keep-in-touch cadence

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27 18:40:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # A partial index: the due check reads only contacts with a cadence, a few among 100k.
    op.create_index(
        "ix_contacts_keep_in_touch_days",
        "contacts",
        ["keep_in_touch_days"],
        sqlite_where=sa.text("keep_in_touch_days IS NOT NULL"),
    )


def downgrade() -> None:
    op.drop_index("ix_contacts_keep_in_touch_days", table_name="contacts")
