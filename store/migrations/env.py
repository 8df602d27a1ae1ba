"""Alembic environment: migrations always run on a connection handed in by the store.

``store.engine.migrate`` passes the connection through ``config.attributes`` so the
migration joins the caller's transaction (and its lock); no ini file or logging set-up.
"""

from __future__ import annotations

from alembic import context

from store.models import Base
from store.spatial import include_object

target_metadata = Base.metadata


def run_migrations_online() -> None:
    """Run the migrations on the connection given by the caller."""
    connection = context.config.attributes.get("connection")
    if connection is None:  # pragma: no cover - only reachable through the alembic CLI
        from sqlalchemy import create_engine

        url = context.config.get_main_option("sqlalchemy.url")
        with create_engine(url).connect() as conn:
            context.configure(connection=conn, target_metadata=target_metadata,
                              render_as_batch=True, include_object=include_object)
            with context.begin_transaction():
                context.run_migrations()
            conn.commit()
        return
    context.configure(connection=connection, target_metadata=target_metadata,
                      render_as_batch=True, include_object=include_object)
    with context.begin_transaction():
        context.run_migrations()


if context.is_offline_mode():  # pragma: no cover
    raise RuntimeError("offline (SQL script) migrations are not supported")
run_migrations_online()
