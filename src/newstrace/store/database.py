"""Opening a store: an SQLAlchemy engine for SQLite or PostgreSQL, migrated to the newest schema.

SQLite is tuned for a server and its job processes writing at once (write-ahead log, a busy
timeout instead of "database is locked"); PostgreSQL needs nothing special.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine, create_engine, event

from newstrace.errors import MissingExtraError, ServiceError

MIGRATIONS = Path(__file__).parent / "migrations"
_SQLITE_BUSY_MS = 30_000


def open_engine(url: str) -> Engine:
    """An engine for ``url`` (``sqlite:///file.db`` or ``postgresql://...``), schema up to date."""
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    if not url.startswith(("sqlite", "postgresql+psycopg://")):
        raise ServiceError(f"unsupported database URL {url!r}: use sqlite:///FILE or postgresql://")
    try:
        engine = create_engine(url, pool_pre_ping=True)
    except ModuleNotFoundError as error:
        raise MissingExtraError(
            f"{url.split('://')[0]} needs the {error.name} package: "
            "pip install 'newstrace[postgres]'"
        ) from error
    if engine.dialect.name == "sqlite":
        database = engine.url.database
        if database and database != ":memory:":
            Path(database).parent.mkdir(parents=True, exist_ok=True)
        event.listen(engine, "connect", _tune_sqlite)
    migrate(engine)
    return engine


def migrate(engine: Engine) -> None:
    """Run every Alembic migration the database has not had yet."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")


def _tune_sqlite(connection, _record) -> None:
    cursor = connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={_SQLITE_BUSY_MS}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.close()
