"""Alembic environment: runs on the connection handed over by fazhi.store.db.upgrade."""

from alembic import context

from fazhi.store.models import Base

target_metadata = Base.metadata
connection = context.config.attributes.get("connection")
if connection is None:  # `alembic` command line: use FAZHI_DATABASE_URL
    from fazhi.store.db import database_url, make_engine

    connection = make_engine(database_url()).connect()
context.configure(connection=connection, target_metadata=target_metadata, render_as_batch=True)
with context.begin_transaction():
    context.run_migrations()
