"""Company names: business news names firms after countries and cities ("British Printing and
Communication Corp Plc", "Aluminum Co of America", "Trading Corp of Pakistan Ltd", "London
International Group Plc"), and wire copy marks stock tickers and unlisted companies in angle
brackets ("<BPCL.L>", "<Allen-Bradley Co Inc>"). A phrase that carries a legal-form word
(``company_designator`` in ``words.tsv``) or sits in angle brackets is a company: a business
actor (BUS), never the country or the government its name mentions.

Pure functions over spaCy tokens; the word list comes from the actor lexicon.
"""

from __future__ import annotations

from typing import Any


def in_angle_brackets(tok: Any) -> bool:
    """Whether a token sits between ``<`` and ``>`` on its line (a ticker or an unlisted
    company in wire copy): "<RTZL.L>", "<International Telecom Japan Inc>"."""
    doc = tok.doc
    lo = max(tok.sent.start, tok.i - 12)
    for j in range(tok.i - 1, lo - 1, -1):
        t = doc[j].text
        if ">" in t:
            return False
        if t.endswith("<") or t == "<":
            break
    else:
        if not (tok.text.startswith("<") and len(tok.text) > 1):
            return False
    hi = min(tok.sent.end, tok.i + 12)
    for j in range(tok.i, hi):
        t = doc[j].text
        if j > tok.i and "<" in t:
            return False
        if t.startswith(">") or t.endswith(">"):
            return True
    return False


def _designator(tok: Any, designators: frozenset[str]) -> bool:
    word = tok.text.rstrip(".,").lower()
    if word not in designators:
        return False
    # a capitalised legal form ("Corp", "Ltd", "PLC"), not the lower-case word ("co-")
    return tok.text[:1].isupper()


def company_tokens(head: Any, phrase: list[Any]) -> list[Any]:
    """The tokens that can show a phrase is a company's name: its own words, the rest of the
    named entity it is in, and the legal-form words right after it ("Aluminum Co of America",
    "Unicorp American Corp")."""
    toks = list(phrase)
    have = {t.i for t in toks}
    doc = head.doc
    if head.ent_type_ == "ORG":
        ent_start = head.i
        while ent_start > head.sent.start and doc[ent_start].ent_iob_ == "I":
            ent_start -= 1
        ent_end = head.i + 1
        while ent_end < head.sent.end and doc[ent_end].ent_iob_ == "I":
            ent_end += 1
        toks += [doc[j] for j in range(ent_start, ent_end) if j not in have]
    # "Cable and Wireless Plc", "Telephone and Telegraph Co", "Co Inc": legal forms among the
    # next few name words
    j = head.i + 1
    while j < min(head.sent.end, head.i + 6):
        t = doc[j]
        joins = (
            t.text in ("and", "&")
            and head.ent_type_ != "GPE"  # "the United States and Japan Inc": two parties
            and j + 1 < head.sent.end
            and doc[j + 1].text[:1].isupper()
        )
        if t.pos_ != "PROPN" and not joins:
            break
        toks.append(t)
        j += 1
    return toks


def is_company(head: Any, phrase: list[Any], designators: frozenset[str]) -> bool:
    """Whether the noun phrase with this head names a company."""
    if in_angle_brackets(head):
        return True
    if head.pos_ not in ("PROPN", "NOUN"):
        return False
    return any(_designator(t, designators) for t in company_tokens(head, phrase))


def named_as_company(name: str, doc: Any, designators: frozenset[str]) -> bool:
    """Whether the document names ``name`` as a company somewhere ("Cominco Ltd said ...")."""
    return any(
        t.text == name and t.i + 1 < len(doc) and _designator(doc[t.i + 1], designators)
        for t in doc
    )
