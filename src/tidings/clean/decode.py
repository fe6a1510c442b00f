"""Bytes → text, or the reason the bytes are not a report's text."""

from __future__ import annotations

import re

import charset_normalizer

from tidings.errors import Reason

# Leading bytes of formats that are never a report's text.
MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF", "PDF document"),
    (b"\x89PNG", "PNG image"),
    (b"GIF8", "GIF image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"PK\x03\x04", "ZIP archive"),
    (b"\x1f\x8b", "gzip data"),
    (b"7z\xbc\xaf", "7-Zip archive"),
    (b"Rar!", "RAR archive"),
    (b"\x7fELF", "executable"),
)


# A word that mixes Latin letters with Cyrillic, Greek or CJK ones ("cafБ") is the mark of bytes
# read in the wrong character set.
_MIXED = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff\u3040-\u9fff])\w+\b")


def _decode_text(data: bytes) -> tuple[str | None, str]:
    """UTF-8, then Windows-1252 (the usual other encoding of English news), then a detected charset."""
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding), ""
        except UnicodeDecodeError:
            continue
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None, "not UTF-8 or Windows-1252, and no other character set fits the bytes"
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None, f"not UTF-8 or Windows-1252, and not {best.encoding} throughout either"
    words = len(text.split()) or 1
    if len(_MIXED.findall(text)) > 0.02 * words:
        return None, f"not UTF-8 or Windows-1252; read as {best.encoding} it gives mixed-script words (mojibake)"
    return text, ""


def decode(data: bytes, max_bytes: int) -> tuple[str | None, Reason | None, str]:
    """Return (text, None, "") or (None, reason, detail)."""
    if len(data) > max_bytes:
        return None, Reason.TOO_LARGE, f"{len(data)} bytes, over the limit of {max_bytes} (raise --max-bytes)"
    if not data.strip():
        return None, Reason.EMPTY, "no text at all"
    for magic, what in MAGIC:
        if data.startswith(magic):
            return None, Reason.BINARY, f"this is a {what}, not text"
    head = data[:8192]
    if b"\x00" in head:
        return None, Reason.BINARY, "NUL bytes: binary data, not text"
    text, why = _decode_text(data)
    if text is None:
        return None, Reason.UNDECODABLE, why
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        return None, Reason.BINARY, "control characters: binary data, not text"
    if text.count("\ufffd") > max(3, 0.01 * len(text)):
        return None, Reason.UNDECODABLE, "replacement characters throughout: the text was broken before it came here"
    return text.replace("\r\n", "\n").replace("\r", "\n"), None, ""
