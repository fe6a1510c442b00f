"""Bytes → text, or the reason the bytes are not a report's text."""

from __future__ import annotations

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
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            continue
        controls = sum(1 for ch in text[:8192] if ord(ch) < 32 and ch not in "\n\r\t\f")
        if controls > 0.01 * min(len(text), 8192):
            return None, Reason.BINARY, "control characters: binary data, not text"
        return text.replace("\r\n", "\n").replace("\r", "\n"), None, ""
    return None, Reason.UNDECODABLE, "neither UTF-8 nor Windows-1252"
