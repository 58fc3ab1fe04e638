"""Content sniffing for ingest: document ids, format detection and text decoding."""

from __future__ import annotations

import codecs
import hashlib
import json
import re
import unicodedata
from pathlib import PurePath

FORMATS = ("text", "html", "jsonl", "warc")

EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".shtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".warc": "warc",
}

BINARY_MAGIC = {
    b"%PDF": "PDF",
    b"\x89PNG": "PNG image",
    b"\xff\xd8\xff": "JPEG image",
    b"GIF8": "GIF image",
    b"PK\x03\x04": "ZIP archive",
    b"\x7fELF": "executable",
    b"BZh": "bzip2 archive",
    b"\xfd7zXZ": "xz archive",
}

_STRONG_HTML = re.compile(
    r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)\b",
    re.IGNORECASE | re.DOTALL,
)
_HTML_TAG = re.compile(
    r"</?(?:html|head|body|div|p|span|article|section|nav|header|footer|script|style|meta|"
    r"title|h[1-6]|ul|ol|li|table|tr|td|br|a|img|link|main|aside)\b[^>]*>",
    re.IGNORECASE,
)
_CHARSET = re.compile(rb"""charset\s*=\s*["']?([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


_SURROGATE = re.compile(r"[\ud800-\udfff]")
WIDE_ENCODINGS = ["utf_16_le", "utf_16_be", "utf_32_le", "utf_32_be"]


class BinaryContentError(ValueError):
    """The bytes are not text (a binary blob)."""


def scrub_text(text: str) -> tuple[str, int]:
    """``text`` with lone surrogates (from JSON escapes such as ``"\\ud800"``, which no
    encoder accepts) replaced by U+FFFD, and how many were replaced."""
    if text.isascii():
        return text, 0
    return _SURROGATE.subn("\ufffd", text)


def doc_id_for(content: str) -> str:
    """Stable id for a document: sha1 of its whitespace- and Unicode-normalised content."""
    norm = " ".join(unicodedata.normalize("NFC", content).split())
    return hashlib.sha1(norm.encode("utf-8", "surrogatepass")).hexdigest()[:16]


def looks_like_html(text: str, *, strong_only: bool = False) -> bool:
    """True if ``text`` looks like an HTML page (a doctype/<html> start, or several tags)."""
    head = text[:8192]
    if _STRONG_HTML.match(head):
        return True
    if strong_only:
        return False
    tags = _HTML_TAG.findall(head)
    return len(tags) >= 3 and any(t.startswith("</") for t in tags)


def _first_line(head: bytes) -> bytes | None:
    for line in head.splitlines(keepends=True):
        if line.strip():
            return line if line.endswith(b"\n") else None  # None: line longer than the sample
    return None


def _jsonl_like(head: bytes) -> bool:
    start = head.lstrip(codecs.BOM_UTF8).lstrip()
    if not start.startswith(b"{"):
        return False
    line = _first_line(start)
    if line is None:
        return start.startswith((b'{"', b"{ "))
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        return False


def detect_format(name: str, head: bytes) -> str:
    """Guess the input format from the file name (``.gz`` ignored) and the first bytes.

    Strong content signatures (WARC header, a JSON object line, an HTML doctype) win over the
    extension; the extension wins over weak hints (a few tags); plain text is the default."""
    if head.lstrip().startswith(b"WARC/"):
        return "warc"
    if _jsonl_like(head):
        return "jsonl"
    sample = head.decode("utf-8", errors="replace")
    if looks_like_html(sample, strong_only=True):
        return "html"
    path = PurePath(name)
    suffix = path.suffix.lower()
    if suffix == ".gz":
        suffix = PurePath(path.stem).suffix.lower()
    if suffix in EXTENSIONS:
        return EXTENSIONS[suffix]
    return "html" if looks_like_html(sample) else "text"


def binary_kind(data: bytes) -> str | None:
    """Describe ``data`` if it is clearly a binary blob, else None."""
    for magic, kind in BINARY_MAGIC.items():
        if data.startswith(magic):
            return kind
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return None
    if b"\x00" in data[:65536] and wide_encoding(data) is None:
        return "contains NUL bytes"
    return None


def wide_encoding(data: bytes) -> str | None:
    """UTF-16 or UTF-32 (either byte order) of text without a BOM, as charset-normalizer
    detects it from the bytes; None for anything else (e.g. a binary blob with NUL bytes)."""
    sample = data[:65536]
    if b"\x00" not in sample:
        return None
    from charset_normalizer import from_bytes

    best = from_bytes(sample, cp_isolation=WIDE_ENCODINGS).best()
    if best is None:
        return None
    try:
        text = sample.decode(best.encoding, errors="strict")
    except UnicodeDecodeError:
        if len(data) <= len(sample):
            return None
        text = sample[: len(sample) // 4 * 4].decode(best.encoding, errors="replace")
    # a text: few control characters and mostly letters, spaces and punctuation
    if not text or len(_CONTROL.findall(text)) > max(2, len(text) // 100):
        return None
    return best.encoding


def _declared_charset(data: bytes) -> str | None:
    m = _CHARSET.search(data[:4096])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except LookupError:
        return None


def decode_bytes(data: bytes, *, charset: str | None = None) -> tuple[str, str | None]:
    """Decode document bytes to text; return (text, warning or None).

    Order: BOM, the given or declared charset, UTF-8, then cp1252 (latin-1 as last resort) with
    a warning. Raises BinaryContentError for binary data (NUL bytes, known binary magic,
    many control characters)."""
    kind = binary_kind(data)
    if kind:
        raise BinaryContentError(f"binary file ({kind}), not text")
    for bom, enc in (
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            try:
                return data.decode(enc), None
            except UnicodeDecodeError:
                break
    wide = wide_encoding(data)
    if wide:
        return data.decode(wide, errors="replace"), f"no byte-order mark; detected {wide}"
    warning = None
    candidates = [c for c in (charset, _declared_charset(data)) if c]
    text = None
    for enc in [*candidates, "utf-8"]:
        try:
            text = data.decode(enc)
            break
        except (UnicodeDecodeError, LookupError):
            continue
    if text is None:
        try:
            text = data.decode("cp1252")
            warning = "not valid UTF-8; decoded as cp1252"
        except UnicodeDecodeError:
            text = data.decode("latin-1")
            warning = "not valid UTF-8; decoded as latin-1"
    sample = text[:65536]
    if sample and len(_CONTROL.findall(sample)) > max(2, len(sample) // 100):
        raise BinaryContentError("binary file (many control characters), not text")
    return text, warning
