"""Throw-away databases for the reliability tests: a new PostgreSQL database per test."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

import pytest

__all__ = ["fresh_postgres_url"]


@contextmanager
def fresh_postgres_url() -> Iterator[str]:
    """Create an empty database on ``CONFLICTMAP_TEST_POSTGRES_URL``'s server; drop it after.

    Skips (or fails, when ``CONFLICTMAP_REQUIRE_SERVICES`` is set as in CI) without a server.
    """
    base = os.environ.get("CONFLICTMAP_TEST_POSTGRES_URL")
    if not base:
        if os.environ.get("CONFLICTMAP_REQUIRE_SERVICES"):
            pytest.fail("CONFLICTMAP_TEST_POSTGRES_URL is not set but services are required")
        pytest.skip("no PostgreSQL server (set CONFLICTMAP_TEST_POSTGRES_URL)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    name = f"cm_reliability_{uuid.uuid4().hex[:12]}"
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))  # noqa: S608 - generated name
        yield make_url(base).set(database=name).render_as_string(hide_password=False)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))  # noqa: S608
        admin.dispose()
