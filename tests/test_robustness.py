"""Any text at all: the analyzer never crashes, and every span it reports maps back onto the text it was given."""

from __future__ import annotations

import random

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fazhi.ingest import ReadError
from fazhi.pipeline import analysis_of, looks_like_path
from helpers import SEED_FILES, check_spans_in_raw

PIECES = [
    "一、",
    "（一）",
    "(二)",
    "1.",
    "（1）",
    "一是",
    "二是",
    "- ",
    "关于2023年法治政府建设情况的报告",
    "区委、区政府：",
    "2024年1月16日",
    "某某镇人民政府",
    "调解纠纷420余件，调解成功415件，调解成功率99%。",
    "近700余人次",
    "“",
    "”",
    "《",
    "》",
    "(",
    ")",
    ",",
    "。",
    "，",
    "、",
    "\n",
    " ",
    "\u3000",
    "——",
    "—",
    "2021-2025年",
    "第一时间",
    "最大限度",
    "法制宣传",
    "共处理30件，比去年减少14件，同比减少31%。",
    "12.4",
    "〔2023〕4号",
    "百分之九十",
    "1.2万元",
    "十余次",
    "两三个",
    "\x00",
    "\ufeff",
    "😀",
    "ａｂｃ",
    "<script>alert(1)</script>",
]


def _check(text: str) -> None:
    try:
        r = analysis_of(text)
    except ReadError as e:  # a short line that looks like a file name and names none: said so, not analysed
        assert looks_like_path(text) and "文件不存在" in str(e), text
        return
    # the original is the text itself, unless it was read as an HTML page
    raw = text if r.format == "txt" else r.offset_map.raw
    check_spans_in_raw(r.report().to_dict(), raw, r.offset_map)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PIECES), max_size=60))
def test_pieces_of_the_genre_in_any_order(pieces):
    _check("".join(pieces))


@settings(max_examples=60, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_unicode(text):
    _check(text)


def test_seeds_cut_and_shuffled():
    rng = random.Random(7)
    for p in SEED_FILES:
        lines = p.read_text(encoding="utf-8").split("\n")
        for _ in range(5):
            rng.shuffle(lines)
            cut = "\n".join(lines)[: rng.randrange(1, 4000)]
            _check(cut)
