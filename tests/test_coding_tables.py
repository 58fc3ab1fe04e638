"""The convention tables on hand-built input (no parsing): agentless actors, actor recodes,
and their loaders' validation."""

from __future__ import annotations

import pytest

from eventwire.coding.patterns import PatternSet, load_patterns
from eventwire.data_files import DataError


def _ps(**kw) -> PatternSet:
    return PatternSet(verbs={}, nouns={}, complements={}, by_id={}, **kw)


def test_agentless_sector_takes_the_longest_prefix():
    ps = _ps(agentless={"17": "GOV", "173": "COP"})
    assert ps.agentless_sector("1731") == "COP"
    assert ps.agentless_sector("172") == "GOV"
    assert ps.agentless_sector("190") is None


def test_actor_recode_matches_the_role_at_the_end_of_the_phrase():
    ps = _ps(
        actor_recodes=[
            ("violent-protest", ("rioter", "protester"), ("18", "19"), "145"),
            ("suicide-bombing", ("suicide bomber",), ("18", "19"), "1831"),
        ]
    )
    assert ps.actor_recode("190", "Palestinian rioters") == ("violent-protest", "145")
    assert ps.actor_recode("193", "two female suicide bombers") == ("suicide-bombing", "1831")
    assert ps.actor_recode("190", "soldiers") is None  # not the role
    assert ps.actor_recode("141", "rioters") is None  # not one of the listed codes
    assert ps.actor_recode("1831", "suicide bombers") is None  # already that act


def test_packaged_tables_load():
    ps = load_patterns()
    assert ps.agentless_sector("173") == "COP"
    assert any(r[0] == "violent-protest" for r in ps.actor_recodes)


@pytest.mark.parametrize(
    ("name", "text", "message"),
    [
        ("agentless.tsv", "code\tsector\tnote\n999\tCOP\tx\n", "not a CAMEO event code"),
        ("agentless.tsv", "code\tsector\tnote\n173\tXXX\tx\n", "unknown sector"),
        ("actor_recodes.tsv", "id\trole\tfrom\tcode\tnote\nr\trioter\t19\t999\tx\n", "not a CAMEO"),
        ("actor_recodes.tsv", "id\trole\tfrom\tcode\tnote\nr\t\t19\t145\tx\n", "must not be empty"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path, name, text, message):
    (tmp_path / name).write_text(text)
    with pytest.raises(DataError, match=message) as err:
        load_patterns([tmp_path])
    assert f"{name}:2" in str(err.value)


def test_user_rows_extend_the_tables(tmp_path):
    (tmp_path / "agentless.tsv").write_text("code\tsector\tnote\n1711\tCOP\tseizures\n")
    ps = load_patterns([tmp_path])
    assert ps.agentless_sector("1711") == "COP"
    assert ps.agentless_sector("173") == "COP"  # the packaged rows stay
