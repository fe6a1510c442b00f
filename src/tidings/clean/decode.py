"""Bytes → text, or the reason the bytes are not a report's text.

UTF-8 first (with or without a byte-order mark), then UTF-16 (marked, or told by its NUL bytes),
then Windows-1252 for bytes that are not UTF-8 (a file in Latin-1 or Windows-1252, or one that
mixes them with UTF-8: each UTF-8 sequence is read as UTF-8 and each stray byte as Windows-1252),
then a detected charset. A reading that gives mojibake (letters of another script, or symbols,
among English words) is turned away as ``undecodable``, never stored.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

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
# Symbols a news text in a Latin character set has beside its punctuation and currency signs.
_NEWS_SYMBOLS = frozenset("©®°™§¶·•×÷±¬¦¨¯´¸µ")
# A "word" of accented letters and symbols without one ASCII character ("ÀÁ", "þ§"): stray high bytes.
_HIGH_WORD = re.compile(r"(?<!\S)[^\x00-\x7f]{2,}(?!\S)")


def _stray_byte(err: UnicodeError) -> tuple[str, int]:
    """Error handler for mixed files: a byte that is not part of a UTF-8 sequence is read as
    Windows-1252 (where the byte has no character there, the decoding fails as a whole)."""
    if not isinstance(err, UnicodeDecodeError):
        raise err
    byte = err.object[err.start : err.start + 1]
    return byte.decode("cp1252"), err.start + 1  # raises UnicodeDecodeError for 0x81, 0x8d, 0x8f, 0x90, 0x9d


codecs.register_error("tidings-cp1252", _stray_byte)


def _utf16_without_bom(head: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when the bytes look like ASCII text in UTF-16 (a NUL in every
    other byte, and only there), else None."""
    pairs = len(head) // 2
    if pairs < 4:
        return None
    even, odd = head[0 : 2 * pairs : 2], head[1 : 2 * pairs : 2]
    for zeros, chars, name in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.9 * pairs and chars.count(0) <= 0.02 * pairs:
            return name
    return None


def _odd_characters(text: str) -> int:
    """Characters that a reading of an English text in the right character set does not give:
    letters of a script other than Latin, and symbols other than punctuation, currency and the
    few news symbols (© ° §)."""
    n = 0
    for ch in text:
        if ch.isascii() or ch in _NEWS_SYMBOLS:
            continue
        cat = unicodedata.category(ch)
        if cat[0] == "L":
            n += not unicodedata.name(ch, "").startswith("LATIN")
        elif cat[0] not in "PZN" and cat != "Sc":
            n += 1
    return n


def _stray_words(text: str) -> int:
    return sum(1 for w in _HIGH_WORD.findall(text) if any(ch.isalpha() for ch in w))


def _mojibake(text: str) -> bool:
    """English words (mostly ASCII letters) beside letters of another script or stray symbols."""
    letters = [ch for ch in text if ch.isalpha()]
    if not letters or sum(ch.isascii() for ch in letters) < 0.5 * len(letters):
        return False  # a text in another script: the language check decides
    return _odd_characters(text) > 0


def _decode_text(data: bytes) -> tuple[str | None, str]:
    """The text of the bytes, or None and why not (see the module's docstring for the order)."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16"), ""
        except UnicodeDecodeError:
            return None, "marked as UTF-16 but not UTF-16 throughout"
    wide = _utf16_without_bom(data[:8192])
    if wide is not None:
        try:
            return data.decode(wide), ""
        except UnicodeDecodeError:
            return None, f"looks like {wide} (no byte-order mark) but is not {wide} throughout"
    try:
        return data.decode("utf-8-sig"), ""
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("utf-8", errors="tidings-cp1252")
    except UnicodeDecodeError:
        pass
    else:
        if _odd_characters(text) + _stray_words(text) <= 0.001 * len(text):
            return text, ""
        return None, "not UTF-8; read as Windows-1252 it gives symbols among the words (mojibake)"
    best = charset_normalizer.from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        return None, "not UTF-8 or Windows-1252, and no other character set fits the bytes"
    try:
        text = data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        return None, f"not UTF-8 or Windows-1252, and not {best.encoding} throughout either"
    words = len(text.split()) or 1
    if len(_MIXED.findall(text)) > 0.02 * words or _mojibake(text):
        return None, f"not UTF-8 or Windows-1252; read as {best.encoding} it gives mojibake (other scripts or symbols among English words)"
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
    wide = data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or _utf16_without_bom(head) is not None
    if b"\x00" in head and not wide:
        return None, Reason.BINARY, "NUL bytes: binary data, not text"
    text, why = _decode_text(data)
    if text is None:
        return None, Reason.UNDECODABLE, why
    if not text.strip():
        return None, Reason.EMPTY, "no text at all"
    controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
    if controls > 0.01 * min(len(text), 8192):
        return None, Reason.BINARY, "control characters: binary data, not text"
    if text.count("\ufffd") > max(3, 0.01 * len(text)):
        return None, Reason.UNDECODABLE, "replacement characters throughout: the text was broken before it came here"
    return text.replace("\r\n", "\n").replace("\r", "\n"), None, ""
