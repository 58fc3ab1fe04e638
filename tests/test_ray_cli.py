"""The Ray engine's command line without a Ray run: nothing of Ray is imported unless asked for,
and bad uses of --engine, --out and --data are one-line errors (exit status 2)."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest
from typer.testing import CliRunner

from eventwire.cli import app

NO_RAY = textwrap.dedent(
    """
    import sys
    from typer.testing import CliRunner
    import eventwire.cli
    assert "ray" not in sys.modules, "import eventwire.cli imported ray"
    got = CliRunner().invoke(eventwire.cli.app, ["ingest", sys.argv[1], "--db", sys.argv[2],
                                                 "--workers", "1"])
    assert got.exit_code == 0, got.output
    got = CliRunner().invoke(eventwire.cli.app, ["events", "--db", sys.argv[2]])
    assert got.exit_code == 0, got.output
    loaded = sorted(m for m in sys.modules if m == "ray" or m.startswith("ray."))
    assert not loaded, loaded
    print("no ray")
    """
)


def test_the_local_engine_imports_nothing_of_ray(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Police in Lagos arrested two journalists on Monday, a rights group said.")
    got = subprocess.run(
        [sys.executable, "-c", NO_RAY, str(story), str(tmp_path / "x.duckdb")],
        capture_output=True, text=True, timeout=300, check=False,
    )  # fmt: skip
    assert got.returncode == 0, got.stderr[-2000:]
    assert got.stdout.strip() == "no ray"


def _one_line_error(args: list[str], needle: str) -> None:
    got = CliRunner().invoke(app, args)
    assert got.exit_code == 2, got.output
    lines = got.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and needle in lines[0], got.output


def test_bad_uses_are_one_line_errors(tmp_path):
    story = tmp_path / "a.txt"
    story.write_text("Talks in Geneva.")
    _one_line_error(["ingest", str(story), "--engine", "spark"], "unknown engine 'spark'")
    _one_line_error(["ingest", str(story), "--engine", "ray"], "--out DIR")
    _one_line_error(["ingest", "-", "--engine", "ray", "--out", str(tmp_path / "o")], "stdin")
    _one_line_error(["events", "--data", str(tmp_path / "none")], "no such dataset")
    _one_line_error(["events", "--data", str(tmp_path)], "not an eventwire dataset")
    _one_line_error(["export", "-", "--data", str(story)], "not a directory")
    (tmp_path / "d").mkdir()
    (tmp_path / "d" / "_dataset.json").write_text("{not json")
    _one_line_error(["serve", "--data", str(tmp_path / "d")], "unreadable")


def test_an_unreachable_cluster_is_a_one_line_error(tmp_path):
    import importlib.util
    import socket

    if importlib.util.find_spec("ray") is None:
        pytest.skip("the ray extra is not installed")
    story = tmp_path / "a.txt"
    story.write_text("Talks in Geneva.")
    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    args = ["ingest", str(story), "--engine", "ray", "--out", str(tmp_path / "o")]
    _one_line_error([*args, "--address", f"127.0.0.1:{port}"], "cannot reach the Ray cluster")
    _one_line_error([*args, "--address", "nowhere"], "use auto, HOST:PORT")
