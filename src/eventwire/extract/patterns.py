"""News-page patterns (agencies, boilerplate lines, labels) loaded from TOML and validated.

The bundled file is ``eventwire/data/extract/news.toml``; users extend it with their own
files via :func:`load_patterns` or the ``EVENTWIRE_EXTRACT_PATTERNS`` environment variable.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from eventwire.extract.dates import DEFAULT_LANGUAGES, parse_published

BUILTIN = Path(__file__).resolve().parent.parent / "data" / "extract" / "news.toml"
ENV_VAR = "EVENTWIRE_EXTRACT_PATTERNS"
_KEYS = {
    "version",
    "max_boilerplate_words",
    "byline_labels",
    "byline_roles",
    "date_labels",
    "date_languages",
    "not_places",
    "lines",
    "agency",
}


class PatternsError(ValueError):
    """A patterns file is unreadable or malformed; the message names the file and key."""


@dataclass
class NewsPatterns:
    """Compiled patterns used by the news clean-up."""

    agencies: dict[str, list[str]] = field(default_factory=dict)  # name -> aliases
    noise: list[re.Pattern[str]] = field(default_factory=list)
    footer: list[re.Pattern[str]] = field(default_factory=list)
    byline_labels: list[str] = field(default_factory=list)
    byline_roles: list[str] = field(default_factory=list)
    date_labels: list[str] = field(default_factory=list)
    date_languages: list[str] = field(default_factory=list)
    not_places: set[str] = field(default_factory=set)
    max_boilerplate_words: int = 30

    def __post_init__(self) -> None:
        self._compile()

    def _compile(self) -> None:
        self._noise_re = _Union(self.noise)
        self._footer_re = _Union(self.footer)
        self._alias_to_name = {
            _key(alias): name for name, aliases in self.agencies.items() for alias in aliases
        }
        self._alias_to_name.update({_key(name): name for name in self.agencies})
        spellings = {a for name, aliases in self.agencies.items() for a in (name, *aliases)}
        names = sorted(spellings, key=len, reverse=True)
        self.agency_re = "|".join(re.escape(a) for a in names) or r"(?!x)x"
        labels = sorted(self.byline_labels, key=len, reverse=True)
        self.byline_label_re = "|".join(re.escape(lab) for lab in labels) or r"(?!x)x"
        dlabels = sorted(self.date_labels, key=len, reverse=True)
        self.date_label_re = re.compile(
            r"^(?:" + ("|".join(re.escape(d) for d in dlabels) or r"(?!x)x") + r")\b\s*:?\s*",
            re.IGNORECASE,
        )

    def agency_name(self, text: str | None) -> str | None:
        """Canonical agency name for an alias ("AP" -> "Associated Press"), else None."""
        if not text:
            return None
        return self._alias_to_name.get(_key(text))

    def published(self, text: str) -> str | None:
        """ISO publication time of a date line ("Published: 3 May 2024 10:00 GMT"), or None."""
        langs = self.date_languages or DEFAULT_LANGUAGES
        # dateparser (the slow fallback) only for lines short enough to be a date line:
        # wire copy wrapped at 70 columns is full of short lines with years in them
        return parse_published(
            text, label_re=self.date_label_re, languages=langs, fallback=len(text.split()) <= 8
        )

    def is_noise(self, line: str) -> bool:
        """True if ``line`` is short and matches a noise pattern."""
        return self._short(line) and self._noise_re.search(line)

    def is_footer(self, line: str) -> bool:
        """True if ``line`` is short and matches a footer pattern."""
        return self._short(line) and self._footer_re.search(line)

    def _short(self, line: str) -> bool:
        return len(line.split()) <= self.max_boilerplate_words

    def merge(self, data: dict[str, Any], where: str) -> None:
        """Add validated ``data`` (one parsed TOML file) to these patterns."""
        _validate(data, where)
        if "max_boilerplate_words" in data:
            self.max_boilerplate_words = data["max_boilerplate_words"]
        self.byline_labels += [s.lower() for s in data.get("byline_labels", [])]
        self.byline_roles += [s.lower() for s in data.get("byline_roles", [])]
        self.date_labels += [s.lower() for s in data.get("date_labels", [])]
        self.not_places |= {_key(s) for s in data.get("not_places", [])}
        self.date_languages += [
            s for s in data.get("date_languages", []) if s not in self.date_languages
        ]
        lines = data.get("lines", {})
        for key, target in (("noise", self.noise), ("footer", self.footer)):
            for i, pattern in enumerate(lines.get(key, [])):
                try:
                    target.append(re.compile(pattern, re.IGNORECASE))
                except re.error as exc:
                    msg = f"{where}: lines.{key}[{i}]: bad regex {pattern!r}: {exc}"
                    raise PatternsError(msg) from exc
        for entry in data.get("agency", []):
            aliases = self.agencies.setdefault(entry["name"], [])
            aliases += [a for a in entry.get("aliases", []) if a not in aliases]
        self._compile()


class _Union:
    """Matches where any of ``patterns`` matches: the ``^``-anchored ones joined into one
    regex tried at the line start, the others searched one by one (a joined unanchored regex
    would be tried at every position and is slower)."""

    def __init__(self, patterns: list[re.Pattern[str]]) -> None:
        anchored = [p.pattern[1:] for p in patterns if p.pattern.startswith("^")]
        body = "|".join(f"(?:{p})" for p in anchored) or r"(?!x)x"
        self.anchored = re.compile(body, re.IGNORECASE)
        self.others = [p for p in patterns if not p.pattern.startswith("^")]

    def search(self, line: str) -> bool:
        return bool(self.anchored.match(line)) or any(p.search(line) for p in self.others)


def _key(text: str) -> str:
    return " ".join(text.lower().replace(".", "").split())


def _str_list(value: Any, where: str) -> None:
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise PatternsError(f"{where}: must be a list of non-empty strings")


def _validate(data: dict[str, Any], where: str) -> None:
    """Raise PatternsError naming the file and key for anything malformed."""
    unknown = set(data) - _KEYS
    if unknown:
        raise PatternsError(f"{where}: unknown keys {sorted(unknown)}; allowed: {sorted(_KEYS)}")
    if data.get("version", 1) != 1:
        raise PatternsError(f"{where}: unsupported version {data['version']!r} (expected 1)")
    mbw = data.get("max_boilerplate_words", 30)
    if not isinstance(mbw, int) or isinstance(mbw, bool) or mbw < 1:
        raise PatternsError(f"{where}: max_boilerplate_words must be a positive integer")
    for key in ("byline_labels", "byline_roles", "date_labels", "date_languages", "not_places"):
        if key in data:
            _str_list(data[key], f"{where}: {key}")
    lines = data.get("lines", {})
    if not isinstance(lines, dict) or set(lines) - {"noise", "footer"}:
        raise PatternsError(f"{where}: [lines] may only contain 'noise' and 'footer' lists")
    for key, value in lines.items():
        _str_list(value, f"{where}: lines.{key}")
    agencies = data.get("agency", [])
    if not isinstance(agencies, list):
        raise PatternsError(f"{where}: agency must be an array of tables ([[agency]])")
    for i, entry in enumerate(agencies):
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise PatternsError(f"{where}: agency[{i}] needs a string 'name'")
        if set(entry) - {"name", "aliases"}:
            raise PatternsError(f"{where}: agency[{i}] may only have 'name' and 'aliases'")
        _str_list(entry.get("aliases", []), f"{where}: agency[{i}].aliases")


def _read(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise PatternsError(f"{path}: cannot read patterns file: {exc.strerror or exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise PatternsError(f"{path}: invalid TOML: {exc}") from exc


def load_patterns(*extra: str | Path, use_env: bool = True) -> NewsPatterns:
    """Load the bundled patterns plus ``extra`` files (and those named by the
    ``EVENTWIRE_EXTRACT_PATTERNS`` environment variable when ``use_env``)."""
    patterns = NewsPatterns()
    paths = [BUILTIN, *map(Path, extra)]
    if use_env and os.environ.get(ENV_VAR):
        paths += [Path(p) for p in os.environ[ENV_VAR].split(os.pathsep) if p]
    for path in paths:
        patterns.merge(_read(path), str(path))
    return patterns


@lru_cache(maxsize=1)
def default_patterns() -> NewsPatterns:
    """The bundled patterns (plus any named by the environment), loaded once."""
    return load_patterns()
