"""Hardening, store rows of issue #13: same id with new content, resumed ingests, the file
lock (a reader during an ingest), and one-line CLI errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest
from typer.testing import CliRunner

from eventwire import cli, pipeline
from eventwire.ingest.sniff import doc_id_for
from eventwire.model import Article, DocResult, IngestError, RawDocument
from eventwire.store import Store, StoreLocked
from eventwire.store.versions import resume_screen

RUNNER = CliRunner()


def _res(doc_id: str, body: str) -> DocResult:
    return DocResult(article=Article(doc_id=doc_id, body=body, origin=f"in.jsonl:{doc_id}"))


def _rows(st: Store, sql: str) -> list[tuple]:
    return st._con.execute(sql).fetchall()


# --- same id, different content ----------------------------------------------------------


def test_same_id_new_content_is_a_recorded_conflict_by_default(tmp_path):
    with Store(tmp_path / "a.duckdb") as st:
        st.write([_res("d1", "Kiev protested to Moscow."), _res("d2", "Talks resumed.")])
        got = st.write([_res("d1", "Kiev   protested to Moscow."), _res("d2", "Talks collapsed.")])
        assert (got.documents, got.skipped_documents, got.conflicts, got.replaced) == (0, 2, 1, 0)
        assert _rows(st, "SELECT body FROM documents WHERE doc_id = 'd2'") == [("Talks resumed.",)]
        errs = _rows(st, "SELECT origin, stage, message FROM ingest_errors")
    assert errs == [
        (
            "in.jsonl:d2",
            "conflict",
            (
                "document id 'd2' is already stored with different content: kept the stored "
                "version; --on-conflict replace stores the new one"
            ),
        )
    ]


def test_on_conflict_skip_keeps_the_stored_one_and_says_so(tmp_path):
    with Store(tmp_path / "a.duckdb") as st:
        st.write([_res("d1", "Talks resumed.")])
        got = st.write([_res("d1", "Talks collapsed.")], on_conflict="skip")
        assert got.conflicts == 1
        assert _rows(st, "SELECT body FROM documents") == [("Talks resumed.",)]
        assert "--on-conflict skip" in _rows(st, "SELECT message FROM ingest_errors")[0][0]


def test_on_conflict_replace_stores_the_new_version_and_keeps_the_old(tmp_path):
    with Store(tmp_path / "a.duckdb") as st:
        st.write([_res("d1", "Talks resumed.")], raw_hashes={"d1": "h-old"})
        got = st.write([_res("d1", "Talks collapsed.")], on_conflict="replace",
                       raw_hashes={"d1": "h-new"})  # fmt: skip
        assert (got.conflicts, got.replaced) == (1, 1)
        assert _rows(st, "SELECT body FROM documents") == [("Talks collapsed.",)]
        assert _rows(st, "SELECT doc_id, body, raw_hash FROM document_versions") == [
            ("d1", "Talks resumed.", "h-old")
        ]
        assert st.known_documents() == {"d1": "h-new"}
        assert st.counts()["ingest_errors"] == 0


def test_a_repeat_within_one_batch_with_other_content_is_a_conflict(tmp_path):
    with Store(tmp_path / "a.duckdb") as st:
        got = st.write([_res("d1", "Talks resumed."), _res("d1", "Talks collapsed.")])
        assert (got.documents, got.conflicts) == (1, 1)
        assert _rows(st, "SELECT stage FROM ingest_errors") == [("conflict",)]


def test_unknown_on_conflict_mode_is_refused(tmp_path):
    with Store(tmp_path / "a.duckdb") as st, pytest.raises(ValueError, match="on_conflict"):
        st.write([_res("d1", "x")], on_conflict="merge")


# --- resumed ingest ----------------------------------------------------------------------


def test_resume_screen_skips_stored_documents_before_parsing():
    raw = [
        RawDocument(content="Talks resumed.", format="text", origin="a", doc_id="d1"),
        RawDocument(content="Talks collapsed.", format="text", origin="b", doc_id="d2"),
        RawDocument(content="New story.", format="text", origin="c", doc_id="d3"),
        RawDocument(content="Legacy.", format="text", origin="d", doc_id="d4"),
    ]
    known = {"d1": doc_id_for("Talks resumed."), "d2": doc_id_for("Talks resumed."), "d4": None}
    for mode, d2 in (("error", IngestError), ("skip", pipeline.Skipped), ("replace", None)):
        hashes: dict[str, str] = {}
        out = resume_screen(dict(known), hashes, mode)(raw)
        assert isinstance(out[0], pipeline.Skipped) and out[0].reason == "already stored"
        assert isinstance(out[3], pipeline.Skipped)  # no hash recorded: counts as unchanged
        assert 2 not in out and hashes["d3"] == doc_id_for("New story.")
        if d2 is None:
            assert 1 not in out and "d2" in hashes  # let through, to replace the stored one
        else:
            assert isinstance(out[1], d2)
        if mode == "error":
            assert out[1].stage == "conflict" and out[1].origin == "b"


def _corpus(path, n: int, start: int = 0, changed: dict | None = None) -> None:
    people = ["Russian troops", "Ukrainian forces", "Turkish police", "Iranian officials"]
    acts = ["attacked", "met", "criticised", "accused"]
    with open(path, "w") as fh:
        for i in range(start, start + n):
            text = (
                f"{people[i % 4]} {acts[(i // 4) % 4]} {people[(i + 1) % 4].split()[0]} "
                f"envoys in report {i} on Tuesday, officials said."
            )
            text = (changed or {}).get(i, text)
            fh.write(json.dumps({"id": f"doc{i}", "text": text, "date": "2021-06-10"}) + "\n")


def test_a_resumed_ingest_parses_nothing_already_stored(tmp_path, monkeypatch):
    src, db = tmp_path / "in.jsonl", tmp_path / "x.duckdb"
    _corpus(src, 12)
    first = RUNNER.invoke(cli.app, ["ingest", str(src), "--db", str(db), "-j", "1"])
    assert first.exit_code == 0, first.output
    assert "12 documents (0 already stored)" in first.output

    def no_parsing(items):
        raise AssertionError("a stored document went to extraction and parsing")

    monkeypatch.setattr(pipeline, "_extract_all", no_parsing)
    again = RUNNER.invoke(cli.app, ["ingest", str(src), "--db", str(db), "-j", "1"])
    assert again.exit_code == 0, again.output
    assert "12 documents (12 already stored)" in again.output
    _corpus(src, 12, changed={3: "Ukrainian forces shelled Russian positions on Tuesday."})
    third = RUNNER.invoke(cli.app, ["ingest", str(src), "--db", str(db), "-j", "1"])
    assert "already stored with different content" in third.output and "1 errors" in third.output


# --- the file lock: readers during an ingest ---------------------------------------------


HOLD = "import duckdb, sys, time; c = duckdb.connect(sys.argv[1]); print('ok', flush=True); time.sleep(60)"


def test_a_locked_database_is_one_clear_error_after_waiting(tmp_path):
    db = tmp_path / "x.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c",
         HOLD, str(db)],
        stdout=subprocess.PIPE, text=True,
    )  # fmt: skip
    try:
        assert holder.stdout.readline().strip() == "ok"
        t0 = time.monotonic()
        with pytest.raises(StoreLocked) as err:
            Store(db, read_only=True, wait=0.6)
        assert time.monotonic() - t0 >= 0.5
        msg = str(err.value)
        assert f"process {holder.pid}" in msg and "waited 0.6 s" in msg and "\n" not in msg
        for cmd in (["events"], ["export", str(tmp_path / "out.jsonl")], ["trends", "RUS"]):
            res = RUNNER.invoke(cli.app, [*cmd, "--db", str(db), "--wait", "0"])
            assert res.exit_code == 2 and "in use by process" in res.output, cmd
            assert len(res.output.strip().splitlines()) == 1
    finally:
        holder.kill()
        holder.wait(10)
    with Store(db, read_only=True, wait=5) as st:  # free again
        assert st.counts()["documents"] == 0


def test_readers_get_in_while_an_ingest_runs(tmp_path):
    """A real ingest subprocess (small batches) and a reader polling the same file: the reader
    sees the counts grow while the ingest is still running, and the ingest finishes."""
    src, db = tmp_path / "in.jsonl", tmp_path / "x.duckdb"
    _corpus(src, 90)
    proc = subprocess.Popen(
        [sys.executable, "-m", "eventwire.cli", "ingest", str(src), "--db", str(db), "-j", "1",
         "--batch", "8"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    seen: list[int] = []
    deadline = time.monotonic() + 240
    try:
        while proc.poll() is None and time.monotonic() < deadline:
            if db.exists():
                try:
                    with Store(db, read_only=True, wait=30) as st:
                        n = st.counts()["documents"]
                except StoreLocked:
                    n = -1
                if proc.poll() is None:
                    seen.append(n)
            time.sleep(0.3)
        _, err = proc.communicate(timeout=max(1, deadline - time.monotonic()))
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err[-2000:]
    assert "90 documents" in err
    during = [n for n in seen if n >= 0]
    assert -1 not in seen  # never locked out for 30 s
    assert len(during) >= 3 and during == sorted(during)  # it read a growing store
    assert any(0 < n < 90 for n in during)


# --- one-line CLI errors -----------------------------------------------------------------


def _main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    monkeypatch.setattr(sys, "argv", ["eventwire", *args])
    with pytest.raises(SystemExit) as ex:
        cli.main()
    cap = capsys.readouterr()
    return ex.value.code, cap.err


@pytest.mark.parametrize(
    "args, needle",
    [
        (["events", "--since", "2014-13-45"], "must be a YYYY-MM-DD date"),
        (["events", "--limit", "-1"], "Invalid value for '--limit'"),
        (["events", "--min-confidence", "nan"], "must be between 0 and 1"),
        (["events", "--code", "ZZZ"], "CAMEO code"),
        (["events", "--limit", "many"], "valid integer"),
        (["code", "x.txt", "--min-confidence", "nan"], "between 0 and 1"),
        (["code", "x.txt", "--input-format", "pdf"], "unknown --input-format"),
        (["ingest", "x.txt", "--on-conflict", "merge"], "--on-conflict"),
        (["explain"], "Missing argument"),
        (["extract", "no-such-file.txt"], "no such file or directory"),
        (["events", "--db", "no-such.duckdb"], "no such database"),
        (["events", "--bogus"], "No such option"),
    ],
)
def test_cli_misuse_is_one_line_and_a_non_zero_exit(tmp_path, monkeypatch, capsys, args, needle):
    db = tmp_path / "x.duckdb"
    Store(db).close()
    if args[0] == "events" and "--db" not in args:
        args = [*args, "--db", str(db)]
    monkeypatch.chdir(tmp_path)
    code, err = _main(monkeypatch, capsys, *args)
    assert code != 0
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], err
    assert "Traceback" not in err


def test_an_unexpected_error_is_one_line_and_debug_shows_the_traceback(monkeypatch, capsys):
    def broken(*a, **k):
        raise KeyError("boom")

    monkeypatch.setattr(pipeline, "run", broken)
    code, err = _main(monkeypatch, capsys, "code", "whatever.txt")
    assert code == 1 and err.strip().splitlines() == [
        "error: KeyError: 'boom'  (--debug shows the traceback)"
    ]
    monkeypatch.setattr(sys, "argv", ["eventwire", "code", "whatever.txt", "--debug"])
    with pytest.raises(KeyError):
        cli.main()


def test_a_bad_user_dictionary_row_is_one_line_naming_the_file(tmp_path):
    actors = tmp_path / "actors"
    actors.mkdir()
    (actors / "groups.tsv").write_text("code\tnames\tkind\tcountry\tsector\nbroken row\n")
    out = subprocess.run(
        [sys.executable, "-m", "eventwire.cli", "explain", "Russia attacked Ukraine."],
        capture_output=True, text=True, timeout=300, check=False,
        env={**os.environ, "EVENTWIRE_ACTORS": str(actors)},
    )  # fmt: skip
    assert out.returncode != 0
    lines = out.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "groups.tsv" in lines[0]
    assert "Traceback" not in out.stderr


def test_the_reading_api_waits_for_a_held_database(tmp_path):
    import eventwire

    db = tmp_path / "x.duckdb"
    Store(db).close()
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLD, str(db)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "ok"
        with pytest.raises(StoreLocked):
            eventwire.open(db, wait=0.3)
    finally:
        holder.kill()
        holder.wait(10)
    with eventwire.open(db, wait=5) as data:  # free again: it opens
        assert data.events().records() == []
