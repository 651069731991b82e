"""What many test modules share: the seed reports, one rule's findings on a text, and the raw-offset check.

Import it as `from helpers import …` (tests/ is on sys.path: tests/conftest.py lives there).
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
# The five seed reports (samples/ = shared/seeds), in name order; their ids are the first three characters.
SEED_FILES = sorted(SAMPLES.glob("*.txt"))
SEED_IDS = [p.name[:3] for p in SEED_FILES]

# What normalization may drop between two characters of a quote: white space and invisible characters
# (fazhi.normalize `_newlines`, `_invisible`, `_spaces`, `_cjk_spaces`, `_wrapped_lines`).
_DROPPED_RE = re.compile(r"[\s\ufeff\u200b-\u200d\u2060\x00-\x08\x0e-\x1f\x7f]+")


# ---------------------------------------------------------------- the seeds


def seed_file(prefix: str) -> Path:
    """The seed whose file name starts with prefix ('000' … '004')."""
    (path,) = [p for p in SEED_FILES if p.name.startswith(prefix)]
    return path


@cache
def seed_report(prefix: str):
    """The analysis of the seed whose file name starts with prefix (cached across tests)."""
    import fazhi

    return fazhi.analyze(seed_file(prefix))


def make_zip(members: dict[str, bytes]) -> bytes:
    """A zip archive holding these members (name -> bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


def seeds_zip() -> bytes:
    """The five seed reports as one zip."""
    return make_zip({p.name: p.read_bytes() for p in SEED_FILES})


def squash(text: str) -> str:
    """Text without any white space, to compare content regardless of line wrapping."""
    return "".join(text.split())


# ---------------------------------------------------------------- one rule on a text


def found(text: str, code: str, **cfg) -> list[tuple[str, object]]:
    """(quote, finding) of every finding of one rule, the text analysed with that rule alone selected."""
    import fazhi
    from fazhi.config import Config

    r = fazhi.analyze(text, Config(select=[code], **cfg))
    return [(r.text[f.start : f.end], f) for f in r.findings if f.rule == code]


def hits(text: str, code: str, **cfg) -> list[tuple[str, str | None]]:
    """(quote, suggestion) of every finding of one rule on a text."""
    return [(q, f.suggestion) for q, f in found(text, code, **cfg)]


def quotes(text: str, code: str, **cfg) -> list[str]:
    """The quotes of one rule's findings on a text."""
    return [q for q, _f in found(text, code, **cfg)]


# ---------------------------------------------------------------- spans back in the original file


def _spans(obj) -> list[dict]:
    """Every dict with a span and a quote inside an analysis JSON (findings, indicators, facts, parts …)."""
    if isinstance(obj, dict):
        here = [obj] if obj.get("start") is not None and "quote" in obj and "end" in obj else []
        return here + [d for v in obj.values() for d in _spans(v)]
    if isinstance(obj, list):
        return [d for v in obj for d in _spans(v)]
    return []


def check_spans_in_raw(result: dict, raw: str, offset_map=None) -> int:
    """Each span of an analysis, mapped through the offset map onto `raw` (the original file's text),
    shows there what the reviewer is quoted: the same characters, in order, apart from white space and
    invisible characters normalization dropped (exactly the quote where the map says EXACT).

    `result` is the analysis JSON (`Report.to_dict()`, or what the store or the API returns); without
    `offset_map`, raw is normalized again and must give the result's text. Returns the spans checked.
    """
    from fazhi.normalize import normalize
    from fazhi.text import Alignment

    text = result["text"]
    if offset_map is None:
        again, offset_map = normalize(raw)
        assert again == text, "the stored text is not the normalization of the original file"
    spans = _spans({k: v for k, v in result.items() if k != "text"})
    for d in spans:
        assert 0 <= d["start"] <= d["end"] <= len(text), d
        span = offset_map.char_span(d["start"], d["end"], text)
        piece = raw[span.start : span.end]
        if span.alignment == Alignment.EXACT:
            assert piece == d["quote"], (d, piece)
        else:
            assert _DROPPED_RE.sub("", piece) == _DROPPED_RE.sub("", d["quote"]), (d, piece, span)
    return len(spans)


# ---------------------------------------------------------------- rules


@contextmanager
def temporary_rule(code: str, name: str, check: Callable) -> Iterator[None]:
    """Register `check` as an info-level format rule `code` for the block, then remove it."""
    from fazhi.model import Category, Severity
    from fazhi.rules.base import rule, unregister

    check.__doc__ = "测试用规则。"
    rule(
        code=code,
        name=name,
        category=Category.FORMAT,
        severity=Severity.INFO,
        summary="测试",
        bad=[],
        good=[],
    )(check)
    try:
        yield
    finally:
        unregister(code)
