"""Reading a Parquet dataset (``eventwire ingest --engine ray --out DIR``) as a store.

:func:`open_dataset` makes a small DuckDB file (in a temporary directory, removed at exit)
whose tables are views over the dataset's current Parquet files (``DIR/_dataset.json`` names
them), with the store's other tables empty, so everything that reads a database file
(``eventwire events``, ``export``, ``serve``, ``eventwire.open``) reads the dataset unchanged.
"""

from __future__ import annotations

import atexit
import json
import os
import shutil
import tempfile
from pathlib import Path

import duckdb

from . import schema, versions
from .core import StoreError

DATASET = "_dataset.json"
_PARQUET_TABLES = (
    "documents",
    "events",
    "mentions",
    "story_bands",
    "event_merges",
    "ingest_errors",
)
_tmp: list[str] = []


def is_dataset(path: str | os.PathLike[str]) -> bool:
    return (Path(path) / DATASET).is_file()


def _describe(root: Path) -> dict:
    if not root.exists():
        raise StoreError(f"{root}: no such dataset directory")
    if not root.is_dir():
        raise StoreError(
            f"{root}: not a directory (--data takes the --out directory of a Ray ingest)"
        )
    try:
        desc = json.loads((root / DATASET).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise StoreError(
            f"{root}: not an eventwire dataset (no {DATASET}: run `eventwire ingest --engine ray "
            f"--out {root}` first, or let it finish)"
        ) from None
    except (OSError, ValueError) as exc:
        raise StoreError(f"{root / DATASET}: unreadable: {exc}") from exc
    if desc.get("format") != "eventwire-dataset" or not isinstance(desc.get("files"), dict):
        raise StoreError(f"{root / DATASET}: not an eventwire dataset description")
    if desc.get("schema_version") != schema.SCHEMA_VERSION:
        raise StoreError(
            f"{root}: made by another eventwire version (schema {desc.get('schema_version')}, "
            f"this one reads {schema.SCHEMA_VERSION})"
        )
    return desc


def _quote(s: str) -> str:
    return "'" + s.replace("'", "''") + "'"


def _cleanup() -> None:
    for d in _tmp:
        shutil.rmtree(d, ignore_errors=True)


def open_dataset(path: str | os.PathLike[str]) -> Path:
    """A DuckDB file presenting the dataset at ``path`` as the store's tables (read-only use)."""
    root = Path(path).resolve()
    desc = _describe(root)
    if not _tmp:
        atexit.register(_cleanup)
    tmp = tempfile.mkdtemp(prefix="eventwire-data-")
    _tmp.append(tmp)
    db = Path(tmp) / "views.duckdb"
    con = duckdb.connect(str(db))
    try:
        for stmt in schema.ddl():  # every table, so the store's checks pass; views replace them
            con.execute(stmt)
        versions.ensure(con)
        con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [schema.SCHEMA_VERSION])
        con.execute("INSERT INTO meta VALUES ('dataset', ?)", [str(root)])
        for table in _PARQUET_TABLES:
            files = [str(root / f) for f in desc["files"].get(table, [])]
            missing = [f for f in files if not Path(f).is_file()]
            if missing:
                raise StoreError(f"{root}: dataset file missing: {missing[0]}")
            if not files:
                continue  # stays an empty table
            cols = ", ".join(f'"{n}"' for n in schema.names(schema.TABLES[table]))
            listing = "[" + ", ".join(_quote(f) for f in files) + "]"
            con.execute(f"DROP TABLE {table}")
            con.execute(f"CREATE VIEW {table} AS SELECT {cols} FROM read_parquet({listing})")
    except duckdb.Error as exc:
        raise StoreError(f"{root}: cannot read the dataset: {exc}") from exc
    finally:
        con.close()
    return db
