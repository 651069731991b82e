"""Web pages saved from government sites: the article without navigation, footers and link lists."""

from __future__ import annotations

import codecs
import email
import email.policy
import re

from .. import furniture
from .base import RawDocument, ReadError
from .txt import decode_text

# The meta charset declaration is looked for this far into the page.
CHARSET_SCAN_BYTES = 4096
# If trafilatura keeps fewer non-blank characters than this, the simple lxml extraction is used instead.
MIN_ARTICLE_CHARS = 30
_GB_FAMILY = {"gb2312", "gbk", "gb18030", "x-gbk", "cp936", "euc-cn", "gb_2312-80", "csgb2312", "x-euc-cn"}
_META_CHARSET_RE = re.compile(rb"<meta[^>]{0,300}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.I)
_XML_DECL_RE = re.compile(r"^\s*<\?xml[^>]*\?>", re.I)
# <meta> names (lower case) that carry the publication date: PubDate is what Chinese government sites
# write (their content-management systems follow one metadata convention); the others are common CMS,
# Dublin Core and Open Graph names.
_DATE_META = frozenset(
    "pubdate publishdate pub_date publish_date publishtime firstpublishedtime article:published_time"
    " og:published_time datepublished dc.date dc.date.issued dcterms.issued dcterms.created".split()
)
_INVISIBLE_TAGS = frozenset({"script", "style", "noscript", "template", "head", "iframe", "object", "svg"})
# The fallback extraction also drops page furniture (dates are still looked for there).
_FURNITURE_TAGS = _INVISIBLE_TAGS | {"nav", "header", "footer", "aside"}
_BLOCK_TAGS = frozenset(
    "p div br li tr table section article main blockquote pre ul ol dl dt dd h1 h2 h3 h4 h5 h6 form"
    " center hr address figure figcaption caption tbody thead tfoot body".split()
)
_CELL_TAGS = {"td", "th"}
_TABLE_ROW_RE = re.compile(r"^\|\s?(.*?)\s?\|\s*$")


def decode_html(data: bytes, source: str) -> tuple[str, str]:
    """Decode page bytes: BOM, then valid UTF-8, then the meta charset, then detection; returns (text, encoding)."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return decode_text(data, source), "bom"
    try:
        return data.decode("utf-8"), "utf-8"  # valid UTF-8 wins: saved pages often keep a stale meta charset
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET_RE.search(data[:CHARSET_SCAN_BYTES])
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        enc = "gb18030" if name in _GB_FAMILY else name
        try:
            codecs.lookup(enc)
        except LookupError:
            enc = ""
        if enc:
            return data.decode(enc, errors="replace"), enc
    return decode_text(data, source), "detected"


def read_html(data: bytes, source: str, fmt: str = "html", text: str | None = None) -> RawDocument:
    """Read a web page: trafilatura for the article, lxml as fallback; title and publication date."""
    import lxml.html

    encoding = "str"
    if text is None:
        text, encoding = decode_html(data, source)
    text = _XML_DECL_RE.sub("", text, count=1)
    if not text.strip():
        raise ReadError(source, "文件为空")
    try:
        tree = lxml.html.document_fromstring(text)
    except Exception as e:  # lxml refuses documents without any element
        raise ReadError(source, "网页无法解析") from e
    article, traf_title, traf_date = _trafilatura(text)
    extractor = "trafilatura"
    if len("".join(article.split())) < MIN_ARTICLE_CHARS:
        fallback = _plain_text(tree)
        if len(fallback) > len(article):
            article, extractor = fallback, "lxml"
    meta = {"encoding": encoding, "extractor": extractor}
    article_title = _meta_content(tree, {"articletitle", "og:title"}) or traf_title
    if article_title:
        meta["article_title"] = article_title
    title = " ".join((tree.findtext(".//title") or "").split()) or article_title
    published = _published(tree) or traf_date
    return RawDocument(
        source=source, text=article, format=fmt, html_title=title or None, published=published, meta=meta
    )


def read_mhtml(data: bytes, source: str) -> RawDocument:
    """Read a saved web archive (.mht, also Word's 'single file web page' saved as .doc): its HTML part."""
    msg = email.message_from_bytes(data, policy=email.policy.default)
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True) or b""
            charset = part.get_content_charset()
            if charset:
                enc = "gb18030" if charset.lower() in _GB_FAMILY else charset
                try:
                    return read_html(payload, source, "mhtml", payload.decode(enc, errors="replace"))
                except LookupError:
                    pass
            return read_html(payload, source, "mhtml")
    raise ReadError(source, "网页存档中没有 HTML 内容")


def _trafilatura(text: str) -> tuple[str, str | None, str | None]:
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            text,
            include_comments=False,
            include_tables=True,
            favor_precision=False,
            with_metadata=True,
            # Dates only from markup (meta, time elements, structured data): extensive search guesses.
            date_extraction_params={"extensive_search": False, "original_date": True},
        )
    except Exception:  # trafilatura is best effort; the lxml fallback follows
        return "", None, None
    if doc is None:
        return "", None, None
    body = doc.text or ""
    lines = []
    for line in body.replace("\r\n", "\n").split("\n"):
        m = _TABLE_ROW_RE.match(line)  # trafilatura writes table rows as `| a | b |`
        lines.append(m.group(1) if m and " | " in line else line)
    return "\n".join(lines).strip("\n"), doc.title or None, _iso_date(doc.date or "")


def _plain_text(tree, drop: frozenset[str] = _FURNITURE_TAGS) -> str:
    """Visible text with one line per block element and ` | ` between table cells."""
    out: list[str] = []

    def walk(el) -> None:
        tag = el.tag.lower() if isinstance(el.tag, str) else ""
        if tag and tag not in drop:
            if tag in _BLOCK_TAGS:
                out.append("\n")
            if el.text:
                out.append(_spaces(el.text))
            for child in el:
                walk(child)
            out.append("\n" if tag in _BLOCK_TAGS else " | " if tag in _CELL_TAGS else "")
        if el.tail:
            out.append(_spaces(el.tail))

    walk(tree)
    lines = (ln.strip().removesuffix(" |").strip() for ln in "".join(out).split("\n"))
    return "\n".join(ln for ln in lines if ln)


def _spaces(s: str) -> str:
    """HTML white space: line breaks and tabs in the source are spaces on the page."""
    return re.sub(r"[\r\n\t]+", " ", s)


def _meta_content(tree, names: set[str]) -> str | None:
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in names and (meta.get("content") or "").strip():
            return " ".join(meta.get("content").split())
    return None


def _published(tree) -> str | None:
    """The publication date the page states: a date <meta>, else a labelled date in the visible text."""
    for meta in tree.iter("meta"):
        key = (meta.get("name") or meta.get("property") or meta.get("itemprop") or "").strip().lower()
        if key in _DATE_META:
            found = _iso_date(meta.get("content") or "")
            if found:
                return found
    for el in tree.iter("time"):
        if el.get("pubdate") is not None or (el.get("itemprop") or "").lower() == "datepublished":
            found = _iso_date(el.get("datetime") or el.text_content())
            if found:
                return found
    return furniture.labelled_date(_plain_text(tree, _INVISIBLE_TAGS))


def _iso_date(s: str) -> str | None:
    m = furniture.DATE_RE.search(s)
    return furniture.ymd(*m.groups()) if m else None
