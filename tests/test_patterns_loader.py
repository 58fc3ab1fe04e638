"""The pattern loader: user extension and validation that names the file and line."""

from __future__ import annotations

import pytest

from eventwire.coding.patterns import load_patterns
from eventwire.data_files import DataError


def test_packaged_word_sets_are_loaded():
    ps = load_patterns()
    assert "willing" in ps.cues["willing_adjective"]
    assert "illegally" in ps.cues["allegation_adverb"]


def test_user_rows_extend_the_packaged_ones(tmp_path):
    (tmp_path / "events.tsv").write_text(
        "id\tpos\tlemma\tparticle\tobject\ttarget\tcode\tflags\tnote\n"
        "snub\tV\tsnub\t\t\tdobj\t110\t\tslights another actor\n",
        encoding="utf-8",
    )
    (tmp_path / "cues.tsv").write_text("set\tword\tnote\nwilling_adjective\tpoised\t\n")
    ps = load_patterns([tmp_path])
    assert ps.by_id["snub"].code == "110"
    assert "poised" in ps.cues["willing_adjective"] and "willing" in ps.cues["willing_adjective"]
    assert "meet" in ps.verbs  # the packaged rows are still there


@pytest.mark.parametrize(
    ("name", "text", "fragment"),
    [
        ("cues.tsv", "set\tword\tnote\nmood_adverb\tsadly\t\n", "unknown word set"),
        (
            "events.tsv",
            "id\tpos\tlemma\tparticle\tobject\ttarget\tcode\tflags\tnote\nx\tV\tx\t\t\tdobj\t999\t\t\n",
            "not a CAMEO event code",
        ),
        (
            "events.tsv",
            "id\tpos\tlemma\tparticle\tobject\ttarget\tcode\tflags\tnote\nx\tV\tx\t\t\tdobj\t110\tloud\t\n",
            "unknown flag",
        ),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, name, text, fragment):
    (tmp_path / name).write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_patterns([tmp_path])
    assert f"{tmp_path / name}:2" in str(err.value) and fragment in str(err.value)
