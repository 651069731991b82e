"""Duplicate rules (DU): a sentence or a long clause repeated within the report, also with small edits.

Units are sentences and clauses of the body; candidates come from an index of character shingles,
near-duplicates are confirmed with difflib's ratio. Each repeated unit is reported once, at its later
occurrence, quoting the first words of the earlier one.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..model import Category, Report, Severity
from ..text import sentences
from .base import Hit, rule

# Only these characters are compared: punctuation, spaces and half/full width differences are ignored.
CONTENT_RE = re.compile(r"[\u4e00-\u9fffA-Za-z0-9]")
CLAUSE_SPLIT_RE = re.compile(r"[，,；;：:。！？!?]")
# Heading number or bullet in front of a paragraph: not content.
MARKER_RE = re.compile(
    r"\s*(?:[-•·●▪]\s*)?(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．]"
    r"|\d{1,2}[.．、](?!\d)|[一二三四五六七八九十]{1,3}是)\s*"
)
# A whole sentence repeated: at least this many content characters (fixed phrases not counted) …
MIN_SENTENCE_CHARS = 20
# … and this similar (difflib ratio): one or two characters added or dropped in ~25 still match.
SENTENCE_SIMILARITY = 0.85
# A clause repeated inside another sentence must be longer (shorter ones are set phrases) …
MIN_CLAUSE_CHARS = 16
# … and nearly identical.
CLAUSE_SIMILARITY = 0.9
# Character n-grams of the candidate index; 3 keeps a one-character edit from hiding a match.
SHINGLE = 3
# Candidates sharing less than this share of shingles (Jaccard) are not compared with difflib.
MIN_JACCARD = 0.5
# How much of the earlier occurrence the message quotes.
QUOTE_CHARS = 16
# Standard wordings every report repeats (规范表述); they do not count towards a unit's length.
FIXED_PHRASES = (
    "以习近平新时代中国特色社会主义思想为指导",
    "习近平新时代中国特色社会主义思想",
    "党的二十大和二十届历次全会精神",
    "党政主要负责人履行推进法治建设第一责任人职责",
    "履行推进法治建设第一责任人职责",
    "职能科学权责法定执法严明公开公正智能高效廉洁诚信人民满意的法治政府",
    "运用法治思维和法治方式深化改革推动发展化解矛盾维护稳定",
    "行政执法人员持证上岗和资格管理制度",
    "严格规范公正文明执法",
    "重大行政决策程序暂行条例",
    "法治政府建设实施纲要",
)
FIXED_RE = re.compile("|".join(sorted(FIXED_PHRASES, key=len, reverse=True)))


@dataclass
class Unit:
    """A sentence or clause: its span, its content characters and their shingles."""

    start: int
    end: int
    norm: str
    sentence: int  # index of the sentence it belongs to
    shingles: frozenset[str]
    weight: int  # content characters outside fixed phrases


@dataclass
class Sentence:
    """A sentence of the body and the paragraph it sits in."""

    start: int
    end: int
    paragraph: int


def _unit(text: str, s: int, e: int, sentence: int) -> Unit:
    norm = "".join(CONTENT_RE.findall(text, s, e))
    shingles = frozenset(norm[i : i + SHINGLE] for i in range(max(1, len(norm) - SHINGLE + 1)))
    return Unit(s, e, norm, sentence, shingles, len(FIXED_RE.sub("", norm)))


def _standalone_titles(report: Report) -> list[tuple[int, int]]:
    """Spans of headings that stand alone on their line without a full stop (restated freely)."""
    text = report.text
    out = []
    for sec in report.sections():
        line_end = text.find("\n", sec.start)
        line_end = len(text) if line_end < 0 else line_end
        if sec.heading_end >= line_end and not text[sec.start : line_end].rstrip().endswith("。"):
            out.append((sec.start, line_end))
    return out


def _units(report: Report) -> tuple[list[Sentence], list[Unit], list[Unit]]:
    text = report.text
    sents: list[Sentence] = []
    whole: list[Unit] = []
    clauses: list[Unit] = []
    for p, (ps, pe) in enumerate(report.paragraphs):
        m = MARKER_RE.match(text, ps, pe)
        first = m.end() if m else ps
        for s, e in sentences(text, first, pe):
            k = len(sents)
            sents.append(Sentence(s, e, p))
            whole.append(_unit(text, s, e, k))
            pos = s
            for c in [*CLAUSE_SPLIT_RE.finditer(text, s, e), None]:
                c_end = c.start() if c else e
                if c_end > pos:
                    clauses.append(_unit(text, pos, c_end if c else e, k))
                pos = c.end() if c else e
    return sents, whole, clauses


def _matches(units: list[Unit], min_chars: int, threshold: float) -> dict[int, Unit]:
    """For each unit index, the earliest earlier unit (of another sentence) it nearly repeats."""
    index: dict[str, list[int]] = defaultdict(list)
    found: dict[int, Unit] = {}
    for i, u in enumerate(units):
        if u.weight < min_chars:
            continue
        shared: dict[int, int] = defaultdict(int)
        for sh in u.shingles:
            for j in index[sh]:
                shared[j] += 1
        for j in sorted(shared):
            v = units[j]
            if v.sentence == u.sentence:
                continue
            jac = shared[j] / (len(u.shingles) + len(v.shingles) - shared[j])
            if jac >= MIN_JACCARD and SequenceMatcher(None, v.norm, u.norm, autojunk=False).ratio() >= threshold:
                found[i] = v
                break
        for sh in u.shingles:
            index[sh].append(i)
    return found


@rule(
    code="DU001",
    name="repeated-text",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="句子或段落内容与前文重复",
    bad=[
        "一、主要举措\n全面落实权责清单、负面清单制度，清理取消了无法定依据的收费项目。"
        "全面落实权责清单、负面清单制度，清理取消无法定依据的收费项目。",
        "一、主要举措\n组织开展普法宣传活动，在各村社区广泛宣传民法典和未成年人保护法的主要内容。\n"
        "二、下一步安排\n继续开展执法培训，在各村社区广泛宣传民法典和未成年人保护法的主要内容。",
    ],
    good=[
        "一、主要举措\n全面落实权责清单制度，清理取消无法定依据的收费项目。全年开展普法宣传活动12次。",
        "（一）加强法治宣传教育\n加强法治宣传教育，全年开展普法宣传活动12次，发放资料3000份。",
        "一、主要举措\n以习近平新时代中国特色社会主义思想为指导，开展学习。\n"
        "二、下一步安排\n以习近平新时代中国特色社会主义思想为指导，继续推进。",
    ],
)
def repeated_text(report: Report) -> Iterator[Hit]:
    """句子或较长的分句与前文重复（含个别字不同的近似重复）。

    ## 检查内容
    正文中两句话几乎相同（如只差一个“了”字），或一个较长的分句在后文另一句中再次出现
    （复制粘贴后又改了几个字）。连续的重复句合为一条，指向后出现的位置，并引出前文开头几个字。
    ## 为什么
    重复内容多来自复制粘贴和多人合稿，既凑篇幅又显得材料不实，是审核和第三方评估中常见的扣分点。
    ## 示例
    “全面落实权责清单、负面清单制度，清理取消了无法定依据收费项目。全面落实权责清单、负面清单制度，清理取消无法定依据收费项目。”
    ## 建议写法
    删去重复的一句，或改写为新的内容。
    ## 误报与局限
    短分句和“以习近平新时代中国特色社会主义思想为指导”等规范表述不计；单独成行的标题在正文中被复述不报。
    不同报告之间的雷同见“抄袭雷同”类规则。
    """
    text = report.text
    sents, whole, clauses = _units(report)
    titles = _standalone_titles(report)

    def restated(v: Unit) -> bool:
        return any(a <= v.start < b for a, b in titles)

    spans: dict[int, tuple[int, int, Unit]] = {}
    for i, v in _matches(whole, MIN_SENTENCE_CHARS, SENTENCE_SIMILARITY).items():
        if not restated(v):
            spans[whole[i].sentence] = (whole[i].start, whole[i].end, v)
    for i, v in _matches(clauses, MIN_CLAUSE_CHARS, CLAUSE_SIMILARITY).items():
        c = clauses[i]
        if restated(v):
            continue
        s, e, src = spans.get(c.sentence, (c.start, c.end, v))
        spans[c.sentence] = (min(s, c.start), max(e, c.end), src if src.start <= v.start else v)
    merged: list[tuple[int, int, Unit, int]] = []
    for k in sorted(spans):
        s, e, src = spans[k]
        if merged and merged[-1][3] == k - 1 and sents[k - 1].paragraph == sents[k].paragraph:
            ps, _pe, psrc, _ = merged[-1]
            merged[-1] = (ps, e, psrc, k)
        else:
            merged.append((s, e, src, k))
    for s, e, src, _k in merged:
        sent = sents[src.sentence]
        first = text[sent.start : sent.end].strip()
        quote = first if len(first) <= QUOTE_CHARS else first[:QUOTE_CHARS] + "…"
        yield Hit(s, e, f"与前文重复：“{quote}”，请删除或改写")
