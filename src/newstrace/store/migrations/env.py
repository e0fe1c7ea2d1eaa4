"""Alembic's entry point: migrate the connection the store hands over to the newest schema."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from newstrace.store.tables import Base


def _run(connection) -> None:
    # batch mode lets SQLite, which cannot ALTER most things, take the same migrations
    context.configure(connection=connection, target_metadata=Base.metadata, render_as_batch=True)
    with context.begin_transaction():
        context.run_migrations()


connection = context.config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line, with sqlalchemy.url set
    with create_engine(context.config.get_main_option("sqlalchemy.url")).connect() as own:
        _run(own)
