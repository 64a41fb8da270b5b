"""Alembic environment. netdesk runs migrations from code (``netdesk.store.migrate``), which
hands over an open connection in ``config.attributes["connection"]``."""

from alembic import context

from netdesk.store.models import Base

target_metadata = Base.metadata


def include_object(obj, name, type_, reflected, compare_to):
    # The FTS5 search index and its shadow tables are managed by hand, not by the ORM.
    return not (type_ == "table" and name.startswith("contacts_fts"))


def run_migrations_online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("netdesk migrations run from code with an open connection")
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        include_object=include_object,
        render_as_batch=True,  # SQLite can't ALTER most things; batch mode copies tables.
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations_online()
