"""Shared fixtures: paths to the shared material and a coder loaded once per session."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
ACCEPTANCE = SHARED / "acceptance" / "reuters-2014-03-20-crimea.txt"
EXAMPLES = ROOT / "src" / "eventwire" / "examples"
# the JSONL event contract: field names other tools rely on
CONTRACT_FIELDS = (
    "doc_id",
    "event_id",
    "source",
    "target",
    "cameo",
    "root",
    "plover",
    "quad_class",
    "goldstein",
    "date",
    "date_text",
    "location",
    "modality",
    "sentence",
    "span",
    "rule",
    "confidence",
)


@pytest.fixture(scope="session")
def coder():
    from eventwire.pipeline import get_coder

    return get_coder()


@pytest.fixture(scope="session")
def code_text(coder):
    """Code a text as one article published on a given date; returns asserted-or-not events."""
    from eventwire.model import Article
    from eventwire.nlp import mask_dateline, parse

    def _code(text: str, date: str = "2021-06-10"):
        art = Article(doc_id="t", body=text, published=date)
        return coder.code_doc(parse(mask_dateline(text)), art)

    return _code


@pytest.fixture()
def acceptance_path():
    if not ACCEPTANCE.exists():
        pytest.skip(f"acceptance document not found at {ACCEPTANCE}")
    return ACCEPTANCE
