"""TE012: a cited title of a law or regulation one character away from a real one.

The real titles are those of the laws' own text (data/terms/law_titles.txt, built by
scripts/build_law_titles.py from ../shared/lm-corpus); the search is in fazhi.lawtitles.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

from .. import lawtitles
from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from . import kinds
from .base import Hit, rule

# A title in book-title marks with no title nested in it (`《…〈…〉…》` is left alone).
CITED = re.compile(r"《([^《》〈〉\n]{2,60})》")
# Term tables whose wrong forms are reported by their own rule, which TE012 does not repeat. The
# generated misspellings (`variant`, TY002-TY004) are not among them: inside a title TE012's fix (the
# whole real title) is the better one, and those rules stay silent there (`in_slipped_title`).
OWN_RULE_KINDS = ("phrase", "fixed_name", "outdated", "confusion", "fazhi", "numeral", "day")
# Texts whose slipped titles are kept (TE012 and the typo rules ask about the same text in turn).
SLIP_CACHE = 4


@lru_cache(maxsize=SLIP_CACHE)
def slipped_titles(text: str) -> tuple[tuple[int, int, str, str, tuple[int, int]], ...]:
    """(start, end, written, real, slip) of every cited title one edit from a real one."""
    out = []
    for m in CITED.finditer(text):
        written = lawtitles.strip_revision(m.group(1))
        if not lawtitles.may_be_law_title(written):
            continue
        found = lawtitles.nearest(written)
        if found is not None:
            out.append((m.start(1), m.start(1) + len(written), written, found[0], found[1]))
    return tuple(out)


def in_slipped_title(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies in a cited title that TE012 reports."""
    return any(s <= start and end <= e for s, e, *_ in slipped_titles(text))


def describe(written: str, real: str, span: tuple[int, int]) -> str:
    """A short Chinese account of the slip: the character missing, stray, wrong or swapped."""
    a, b = span
    if len(written) < len(real):
        return f"少了“{real[a]}”"
    if len(written) > len(real):
        return f"多了“{written[a]}”"
    if b - a == 2 and written[a:b] == real[a:b][::-1]:
        return f"“{written[a:b]}”次序颠倒"
    return f"“{written[a]}”应为“{real[a]}”"


@rule(
    code="TE012",
    name="misspelled-law-title",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="所引法律法规名称多字、少字、错字或字序颠倒",
    bad=[
        "认真学习《中华人民共和国行政处法》。",
        "贯彻落实《优化营商环境例条》。",
        "严格执行《中华人民共和国政府信息公开条列》。",
        "组织学习《中国人民共和国行政复议法》。",
    ],
    good=[
        "认真学习《中华人民共和国行政处罚法》。",
        "贯彻落实《优化营商环境条例》。",
        "组织学习《行政复议法》《民法典》。",
        "贯彻《某某县行政规范性文件管理办法》和《法治政府建设实施纲要（2021—2025年）》。",
    ],
    fixable=True,
)
def misspelled_law_title(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """书名号中的法律法规名称与某部真实法律法规的名称只差一个字。

    ## 检查内容
    书名号中以“法”“条例”“规定”“办法”“细则”“规则”“决定”“解释”等结尾的名称，不在法律法规名称表中，
    但与表中恰好一个名称只差一个字：少一个字（《招投标法》）、多一个字、错一个字（《政府信息公开条列》；
    错字须是同音、近音或形近字，用纠错模型的混淆字表判断）、相邻两字颠倒（《优化营商环境例条》），
    或“中华人民共和国”写错（《中国人民共和国行政复议法》）。
    名称表（law_titles.txt，约4800个）由 scripts/build_law_titles.py 从法律、行政法规、部门规章、司法解释和
    地方性法规的原文中取出，不是手工列举；以“中华人民共和国”开头的名称同时收录简称，所以写全称、写简称都不报。
    ## 为什么
    法律法规的名称是确定的；名称错一个字，引用的就是不存在的文件，公开的报告会因此被质疑依据是否准确。
    ## 示例
    “认真学习《中华人民共和国行政处法》。”
    ## 建议写法
    “认真学习《中华人民共和国行政处罚法》。”
    ## 误报与局限
    只查与表中名称差一个字的写法；差两个字以上（《治安处罚法》，见 TE101）、表中没有的新法规或
    未收录的地方性法规不查。名称开头的地名中的差别（杭州市/湖州市）不报，因为表中的地方性法规不全；
    数字的差别不报；不足6个字的名称只查多字、少字，不查错字（统计法、会计法、审计法都是真实名称）；
    换的字不是同音、近音或形近字时不报（公证法/公司法、医师法/律师法都是真实法律）。
    把表中没有的真实名称当作错写的比例，用留出法估计约为0.4%（bench/bench_lawtitle.py），
    多为只差一个字的两部真实法规（环境保护法/环境保护税法）；表中名称来自法规原文，原文引用中的个别错字
    （已剔除与标题只差一个字的引用）可能仍在表中。
    党内法规、规划、纲要、意见和各地的规范性文件不在表中，也不以上述字样结尾的，不查；
    与表中多个名称都只差一个字时不报。书名号中套有书名号的名称不查。术语表已收录的错误写法（《招投标法》见 TE001）
    由相应规则报告，本规则不重复。
    """
    scan = kinds.scan(report, cfg).wrong
    tabled = [(w.start, w.end) for k in OWN_RULE_KINDS for w in scan.get(k, ())]
    hits = []
    for start, end, written, real, slip in slipped_titles(report.text):
        if any(s < end + 1 and start - 1 < e for s, e in tabled):
            continue  # a wrong form a term table already names (TE001, TE101): reported there
        msg = f"《{written}》不是法律法规的名称，疑为《{real}》：{describe(written, real, slip)}"
        hits.append(Hit(start, end, msg, suggestion=real))
    yield from kinds.allowed_only(report, cfg, hits)
