"""events as first-class data; interactions with several people

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-03 08:10:00

Events get dates, a place (or URL) and the people met there (``event_people``). Everyone whose
where-met already named an event (``contacts.met_event_id``) is linked to it; a where-met note
(``contacts.met_note``) that names an existing event ("PyData Berlin", "at PyData Berlin") links
the contact to that event too, matched by name the way the store matches event names (case and
accents folded). The note itself is kept: nothing the user typed is lost.

An interaction keeps its first person in ``interactions.contact_id`` (so every existing read of
one person's log still works); everyone else who was there is in ``interaction_people``.
"""

import re
import unicodedata
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# "met at X", "at X", "X" all name the event X.
_LEADING = re.compile(r"^(?:met\s+)?(?:at|@)\s+", re.IGNORECASE)


def _fold(text: str) -> str:
    # The same folding as netdesk.domain.text.fold, copied so the migration keeps working
    # whatever later versions of the domain do (a migration is frozen in time).
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


def upgrade() -> None:
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.add_column(sa.Column("start_date", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("end_date", sa.String(), nullable=True))
        batch_op.add_column(sa.Column("place", sa.String(), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_events_start_date"), ["start_date"], unique=False)
    op.create_table(
        "event_people",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"],
                                name=op.f("fk_event_people_event_id_events"), ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"],
                                name=op.f("fk_event_people_contact_id_contacts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "contact_id", name=op.f("pk_event_people")),
    )
    op.create_index(op.f("ix_event_people_contact_id"), "event_people", ["contact_id"])
    op.create_table(
        "interaction_people",
        sa.Column("interaction_id", sa.Integer(), nullable=False),
        sa.Column("contact_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["interaction_id"], ["interactions.id"],
                                name=op.f("fk_interaction_people_interaction_id_interactions"),
                                ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["contact_id"], ["contacts.id"],
                                name=op.f("fk_interaction_people_contact_id_contacts"),
                                ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("interaction_id", "contact_id",
                                name=op.f("pk_interaction_people")),
    )
    op.create_index(op.f("ix_interaction_people_contact_id"), "interaction_people",
                    ["contact_id"])
    _link_where_met(op.get_bind())


def _link_where_met(conn) -> None:
    rows = conn.execute(sa.text("SELECT id, name FROM events"))
    events = {_fold(name): eid for eid, name in rows}
    notes = conn.execute(sa.text(
        "SELECT id, met_note FROM contacts WHERE met_event_id IS NULL AND met_note != ''"
    )).fetchall()
    for contact_id, note in notes:
        key = _fold(_LEADING.sub("", note.strip()))
        if key in events:
            conn.execute(sa.text("UPDATE contacts SET met_event_id = :e WHERE id = :c"),
                         {"e": events[key], "c": contact_id})
    conn.execute(sa.text(
        "INSERT INTO event_people (event_id, contact_id) "
        "SELECT met_event_id, id FROM contacts WHERE met_event_id IS NOT NULL"
    ))


def downgrade() -> None:
    op.drop_index(op.f("ix_interaction_people_contact_id"), table_name="interaction_people")
    op.drop_table("interaction_people")
    op.drop_index(op.f("ix_event_people_contact_id"), table_name="event_people")
    op.drop_table("event_people")
    with op.batch_alter_table("events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_events_start_date"))
        batch_op.drop_column("place")
        batch_op.drop_column("end_date")
        batch_op.drop_column("start_date")
