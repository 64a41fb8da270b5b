"""CardDAV sync: accounts, per-card sync state, conflicts

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-03 07:50:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "sync_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("name", sa.String(), nullable=False),
        sa.Column("server_url", sa.String(), nullable=False),
        sa.Column("username", sa.String(), nullable=False),
        sa.Column("book_url", sa.String(), nullable=False),
        sa.Column("insecure_http", sa.Boolean(), nullable=False),
        sa.Column("sync_token", sa.String(), nullable=False),
        sa.Column("capabilities", sa.String(), nullable=False),
        sa.Column("preferred_version", sa.String(), nullable=False),
        sa.Column("last_sync", sa.String(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_accounts")),
        sa.UniqueConstraint("name", name=op.f("uq_sync_accounts_name")),
    )
    op.create_table(
        "sync_items",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("href", sa.String(), nullable=False),
        sa.Column("etag", sa.String(), nullable=False),
        sa.Column("server_uid", sa.String(), nullable=False),
        # No foreign key to contacts: a local delete must leave the link for sync to see.
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("contact_uid", sa.String(), nullable=False),
        sa.Column("synced_text", sa.Text(), nullable=False),
        sa.Column("local_updated", sa.String(), nullable=False),
        sa.Column("local_hash", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sync_accounts.id"],
            name=op.f("fk_sync_items_account_id_sync_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_items")),
    )
    op.create_index(
        "ix_sync_items_account_id_href", "sync_items", ["account_id", "href"], unique=True
    )
    op.create_index(
        "ix_sync_items_account_id_contact_id", "sync_items", ["account_id", "contact_id"]
    )
    op.create_table(
        "sync_conflicts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("account_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.Column("field", sa.String(), nullable=False),
        sa.Column("local_value", sa.Text(), nullable=False),
        sa.Column("server_value", sa.Text(), nullable=False),
        sa.Column("server_card", sa.Text(), nullable=False),
        sa.Column("created_at", sa.String(), nullable=False),
        sa.ForeignKeyConstraint(
            ["account_id"],
            ["sync_accounts.id"],
            name=op.f("fk_sync_conflicts_account_id_sync_accounts"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_sync_conflicts")),
    )
    op.create_index(
        op.f("ix_sync_conflicts_contact_id"), "sync_conflicts", ["contact_id"], unique=False
    )


def downgrade() -> None:
    op.drop_table("sync_conflicts")
    op.drop_table("sync_items")
    op.drop_table("sync_accounts")
