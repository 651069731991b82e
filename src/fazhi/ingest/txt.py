"""Plain text in UTF-8 (with or without BOM), UTF-16, or the GB family (decoded as GB18030)."""

from __future__ import annotations

from .base import RawDocument, ReadError

# Share of undecodable or control characters above which bytes are taken for binary data.
BINARY_CONTROL_SHARE = 0.05


def decode_text(data: bytes, source: str) -> str:
    """Decode bytes of a text file, trying BOMs, UTF-8, GB18030, then charset-normalizer."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data[:4096]:
        # UTF-16 without BOM shows NULs in every other byte; anything else with NULs is binary.
        for enc in ("utf-16-le", "utf-16-be"):
            try:
                text = data.decode(enc)
            except UnicodeDecodeError:
                continue
            if _looks_textual(text):
                return text
        raise ReadError(source, "不是文本文件（含二进制数据）")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
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
        raise ReadError(source, "不是文本文件（含二进制数据）")
    return text


def _looks_textual(text: str) -> bool:
    if not text:
        return True
    bad = sum(1 for ch in text if (ord(ch) < 32 and ch not in "\r\n\t\f") or ch == "\ufffd")
    return bad / len(text) < BINARY_CONTROL_SHARE


def read_txt(data: bytes, source: str) -> RawDocument:
    """Read a .txt file."""
    text = decode_text(data, source)
    if not _looks_textual(text):
        raise ReadError(source, "不是文本文件（含二进制数据）")
    return RawDocument(source=source, text=text, format="txt")
