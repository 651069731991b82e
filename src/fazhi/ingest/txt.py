"""Plain text in UTF-8 (with or without BOM), UTF-16, or the GB family (decoded as GB18030)."""

from __future__ import annotations

import re

from .. import furniture
from ..text import HAN_BASIC
from .base import RawDocument, ReadError

# Share of undecodable or control characters above which bytes are taken for binary data.
BINARY_CONTROL_SHARE = 0.05
# UTF-16 without a BOM is accepted only if this share of characters is ordinary text (ASCII, Latin-1,
# CJK, CJK and full-width punctuation): random binary decodes to arbitrary code points, so scores low.
UTF16_PLAIN_SHARE = 0.9
# Bytes that are UTF-8 but for a few bad sequences stay UTF-8 if valid non-ASCII characters outnumber
# the bad sequences this many times; GBK text read as UTF-8 fails on nearly every Chinese character.
UTF8_VALID_PER_ERROR = 100
# NUL bytes are looked for in this many leading bytes to tell UTF-16 (or binary) from 8-bit text.
NUL_SCAN_BYTES = 4096

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
_PLAIN_CHAR_RE = re.compile(
    rf"[\t\n\r\x20-\x7e\u00a0-\u00ff\u2000-\u206f\u3000-\u303f\u3400-\u4dff{HAN_BASIC}\uff00-\uffef]"
)
NOT_TEXT = "不是文本文件（含二进制数据）"


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes of a text file, trying BOMs, UTF-8, GB18030, then charset-normalizer."""
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return data[len(bom) :].decode(enc, errors="replace")
    if b"\x00" in data[:NUL_SCAN_BYTES]:
        # UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_textual(text) and _plain_share(text) >= UTF16_PLAIN_SHARE:
                return text
        raise ReadError(source, NOT_TEXT)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    text = data.decode("utf-8", errors="replace")
    errors = text.count("\ufffd")
    if sum(1 for ch in text if ord(ch) > 127) - errors >= errors * UTF8_VALID_PER_ERROR:
        return text  # UTF-8 with a few damaged bytes (a cut-off last character, a bad copy)
    try:
        text = data.decode("gb18030")
        if _looks_textual(text):
            return text
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError(source, "无法识别文本编码")
    text = str(best)
    if not _looks_textual(text):
        raise ReadError(source, NOT_TEXT)
    return text


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return bad / len(text) < BINARY_CONTROL_SHARE


def _plain_share(text: str) -> float:
    return len(_PLAIN_CHAR_RE.findall(text)) / len(text) if text else 1.0


def read_txt(data: bytes, source: str) -> RawDocument:
    """Read a .txt file."""
    text = decode_text(data, source)
    if not _looks_textual(text):
        raise ReadError(source, NOT_TEXT)
    return RawDocument(source=source, text=text, format="txt", published=furniture.published_date(text))
