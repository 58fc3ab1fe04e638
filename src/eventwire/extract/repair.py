"""Broken encodings repaired before anything reads the text.

Archives and crawls are full of mojibake: UTF-8 read as Windows-1252 and saved again
("the front\u00e2\u20ac\u2122s protest" for "the front's protest"), HTML entities left over,
stray control characters. ``ftfy`` undoes these; quotes keep their curly form.
"""

from __future__ import annotations


def repair_text(text: str) -> str:
    """``text`` with mojibake and stray control characters repaired (unchanged when clean)."""
    if text.isascii():
        return text
    from ftfy import TextFixerConfig, fix_text

    return fix_text(text, TextFixerConfig(uncurl_quotes=False, fix_line_breaks=False))
