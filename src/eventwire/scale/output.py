"""Where the Ray engine writes: a directory, or an object-store URI (``s3://``, ``gs://``), through
pyarrow filesystems, so workers on other machines write to the same place.

Layout under the root::

    _manifest/<shard>.json           a finished shard (written last, after its coded results)
    _shards/<shard>.pkl.gz           a shard's coded documents (internal to the engine)
    documents/ingest_day=D/part-R.parquet
    events/event_date=D/part-R.parquet      (event_date=none: undated)
    mentions/event_date=D/part-R.parquet
    story_bands/part-R.parquet, event_merges/part-R.parquet, ingest_errors/part-R.parquet
    _dataset.json                    the current run R and its files; readers read only those
"""

from __future__ import annotations

import gzip
import json
import os
import pickle
import uuid
from pathlib import Path
from typing import Any

import pyarrow.fs as pafs

MANIFEST = "_manifest"
SHARDS = "_shards"
DATASET = "_dataset.json"
FORMAT = 1  # version of the coded-shard files and of this layout


class OutputError(RuntimeError):
    """The output location cannot be used."""


class Output:
    """A root directory on a pyarrow filesystem (local by default)."""

    def __init__(self, uri: str | os.PathLike[str]):
        text = os.fspath(uri)
        self.uri = text
        if "://" in text:
            try:
                self.fs, self.root = pafs.FileSystem.from_uri(text)
            except Exception as exc:
                raise OutputError(f"{text}: cannot open the output location: {exc}") from exc
        else:
            self.fs, self.root = pafs.LocalFileSystem(), str(Path(text).resolve())
        self.local = isinstance(self.fs, pafs.LocalFileSystem)
        try:
            self.fs.create_dir(self.root, recursive=True)
        except Exception as exc:
            raise OutputError(f"{text}: cannot create the output directory: {exc}") from exc
        if self.local and not os.access(self.root, os.W_OK):
            raise OutputError(f"{text}: the output directory is not writable")

    def path(self, rel: str) -> str:
        return f"{self.root.rstrip('/')}/{rel}"

    def write(self, rel: str, data: bytes) -> None:
        """Write a whole file; on a local disk atomically (a temporary name, then a rename)."""
        target = self.path(rel)
        self.fs.create_dir(target.rsplit("/", 1)[0], recursive=True)
        if not self.local:  # an object store's PUT is atomic
            with self.fs.open_output_stream(target, compression=None) as fh:
                fh.write(data)
            return
        tmp = f"{target}.{uuid.uuid4().hex[:8]}.tmp"
        with open(tmp, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)

    def read(self, rel: str) -> bytes:
        with self.fs.open_input_stream(self.path(rel), compression=None) as fh:
            return fh.read()

    def exists(self, rel: str) -> bool:
        return self.fs.get_file_info(self.path(rel)).type != pafs.FileType.NotFound

    def names(self, rel: str) -> list[str]:
        """File names directly under ``rel`` (none when it does not exist)."""
        sel = pafs.FileSelector(self.path(rel), allow_not_found=True)
        return sorted(
            i.base_name for i in self.fs.get_file_info(sel) if i.type == pafs.FileType.File
        )

    def delete(self, rel: str) -> None:
        try:
            self.fs.delete_file(self.path(rel))
        except (FileNotFoundError, OSError):
            pass

    # ------------------------------------------------------------ shards and the manifest

    def finished(self) -> set[str]:
        """Ids of the shards whose results are complete."""
        return {n[: -len(".json")] for n in self.names(MANIFEST) if n.endswith(".json")}

    def save_shard(self, shard_id: str, results: list, info: dict) -> None:
        """A shard's coded results, then its manifest entry (so an entry means complete)."""
        blob = gzip.compress(pickle.dumps((FORMAT, results), protocol=5), compresslevel=3)
        self.write(f"{SHARDS}/{shard_id}.pkl.gz", blob)
        self.write(f"{MANIFEST}/{shard_id}.json", json.dumps(info, sort_keys=True).encode())

    def load_shard(self, shard_id: str) -> list:
        try:
            fmt, results = pickle.loads(gzip.decompress(self.read(f"{SHARDS}/{shard_id}.pkl.gz")))
        except Exception as exc:
            raise OutputError(f"{self.uri}: shard {shard_id} is unreadable: {exc}") from exc
        if fmt != FORMAT:
            raise OutputError(f"{self.uri}: shard {shard_id} was written by another version")
        return results

    def forget(self, shard_id: str) -> None:
        """Drop a shard's manifest entry (its results are redone by the next run)."""
        self.delete(f"{MANIFEST}/{shard_id}.json")

    def dataset(self) -> dict[str, Any] | None:
        if not self.exists(DATASET):
            return None
        return json.loads(self.read(DATASET))
