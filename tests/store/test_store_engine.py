"""Engine factory: the default location, DATABASE_URL, SQLite settings, migrations."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import inspect

from core.errors import StoreError
from store.engine import default_url, is_locked_error, make_engine, migrate


def test_default_url_is_the_sqlite_file_in_the_data_dir(monkeypatch, tmp_path: Path):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("CONFLICTMAP_HOME", str(tmp_path))
    assert default_url() == f"sqlite:///{tmp_path / 'conflictmap.sqlite'}"
    monkeypatch.setenv("DATABASE_URL", "postgres://u:secret@db.example:5432/cm")
    assert default_url() == "postgresql+psycopg://u:secret@db.example:5432/cm"


@pytest.mark.parametrize("url", ["mysql://u@h/db", "not a url"])
def test_unusable_urls_are_refused_without_leaking_secrets(url: str):
    with pytest.raises(StoreError) as err:
        make_engine(url.replace("u@", "u:hunter2@"))
    assert "hunter2" not in str(err.value)


def test_sqlite_settings_and_idempotent_migration(tmp_path: Path):
    engine = make_engine(f"sqlite:///{tmp_path / 'sub' / 'x.sqlite'}")
    migrate(engine)
    migrate(engine)  # a no-op the second time
    with engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA busy_timeout").scalar() >= 5000
        assert conn.exec_driver_sql("SELECT version_num FROM alembic_version").scalar()
    tables = set(inspect(engine).get_table_names())
    assert {"sources", "articles", "mentions", "places", "claims", "corrections"} <= tables
    uniques = inspect(engine).get_unique_constraints("articles")
    assert any(u["column_names"] == ["content_hash"] for u in uniques)


def test_locked_error_detection():
    assert is_locked_error(Exception("database is locked"))
    assert not is_locked_error(Exception("no such table: claims"))


def test_migrations_match_the_models(db_url: str):
    """The migrated schema equals the models: a model change needs a new revision."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from store.models import Base
    from store.spatial import include_object

    engine = make_engine(db_url)
    migrate(engine)
    with engine.connect() as conn:  # PostGIS columns are optional, not in the models
        diff = compare_metadata(MigrationContext.configure(
            conn, opts={"include_object": include_object}), Base.metadata)
    engine.dispose()
    assert diff == []


def test_a_damaged_file_gives_a_store_error_naming_it(tmp_path: Path):
    from store import open_store

    path = tmp_path / "garbage.sqlite"
    path.write_bytes(bytes(range(256)) * 32)
    with pytest.raises(StoreError, match="garbage.sqlite.*not a database"):
        open_store(f"sqlite:///{path}", merge_places=False)
