"""Duplicate rules (DU): a sentence or a long clause repeated within the report, also with small edits.

Units are sentences and clauses of the body, compared on their content characters only. A unit is
indexed by its first and its last few characters: a copy with an edit in the middle or at one end
keeps at least one of them, so only units sharing a head or a tail are compared (difflib's ratio).
An exact copy is found by its content as a dictionary key, and only the first MAX_BUCKET units under
a head or tail are kept for comparison: each unit costs a bounded number of comparisons, so the rule
stays linear in the length of the report (a 20 MB file made of one report copied many times included).
Each repeated unit is reported once, at its later occurrence, quoting the first words of the earlier one.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from difflib import SequenceMatcher

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN_BASIC, sentences
from .base import Hit, rule

# Only these characters are compared: punctuation, spaces and half/full width differences are ignored.
NONCONTENT_RE = re.compile(rf"[^{HAN_BASIC}A-Za-z0-9]+")
DIGITS_RE = re.compile(r"\d+")
# Clauses end at these single marks (a 顿号 joins items inside a clause).
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
# A clause repeated inside another sentence counts from this length (shorter ones are set phrases) …
MIN_CLAUSE_CHARS = 16
# … must be nearly identical …
CLAUSE_SIMILARITY = 0.9
# … and the repeated clauses of one sentence must add up to a passage: a single 20-character clause
# echoed in the next-year plan (继续深入开展……) is a restatement, not a copy.
MIN_PASSAGE_CHARS = 25
# Head and tail length of the index keys: long enough that shared openings (全面落实…) rarely collide,
# at most half the shortest unit so that one edit leaves a head or a tail intact.
ANCHOR = 8
# Before difflib, PROBES pieces of PROBE characters spread along a unit must mostly occur in the other
# one; an edit breaks at most two of them, a different sentence with the same opening most.
PROBES = 6
PROBE = 4
# Units compared per head or tail key: a key shared by more earlier units is a stock opening (全面落实…)
# or a mass copy, whose exact copies the content index finds anyway; capping the bucket keeps the cost
# per unit bounded (without it a report pasted 100 times compares every copy with every other).
MAX_BUCKET = 16
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
# A cited document title (its inner 〈…〉 included): a citation, not the report's own words.
BOOK_TITLE_RE = re.compile(r"《[^《》\n]*》")
FIXED_RE = re.compile("|".join(sorted(FIXED_PHRASES, key=len, reverse=True)))


@dataclass(slots=True)
class Unit:
    """A sentence or clause: its span, its content characters and their weight."""

    start: int
    end: int
    norm: str
    weight: int = -1  # content characters outside fixed phrases (computed when first needed)
    digits: str | None = None  # its digits in order (computed when first needed)
    own: int = -1  # content characters outside cited titles 《…》 (clauses only)


@dataclass(slots=True)
class Sentence:
    """A sentence of the body and the paragraph it sits in; content and clauses are read on demand."""

    start: int
    end: int
    paragraph: int
    unit: Unit | None = None
    clauses: list[Unit] | None = None


def _weight(u: Unit) -> int:
    """Content characters outside fixed phrases (a set phrase does not make a unit long)."""
    if u.weight < 0:
        u.weight = len(FIXED_RE.sub("", u.norm)) if len(u.norm) >= MIN_CLAUSE_CHARS else len(u.norm)
    return u.weight


def _sentences(report: Analysis) -> list[Sentence]:
    """Every sentence of the body, heading numbers left out."""
    text = report.text
    out: list[Sentence] = []
    for p, (ps, pe) in enumerate(report.paragraphs):
        m = MARKER_RE.match(text, ps, pe)
        out += [Sentence(s, e, p) for s, e in sentences(text, m.end() if m else ps, pe)]
    return out


def _whole(text: str, sent: Sentence) -> Unit:
    if sent.unit is None:
        sent.unit = Unit(sent.start, sent.end, NONCONTENT_RE.sub("", text[sent.start : sent.end]))
    return sent.unit


def _long_clauses(text: str, sent: Sentence) -> list[Unit]:
    """The sentence's clauses long enough to count (a clause is never longer than its raw text)."""
    if sent.clauses is None:
        sent.clauses, pos = [], sent.start
        for part in CLAUSE_SPLIT_RE.split(text[sent.start : sent.end]):
            if len(part) >= MIN_CLAUSE_CHARS:
                u = Unit(pos, pos + len(part), NONCONTENT_RE.sub("", part))
                # without a cited title its own characters are its content (no second pass needed)
                u.own = (
                    len(NONCONTENT_RE.sub("", BOOK_TITLE_RE.sub("", part))) if "《" in part else len(u.norm)
                )
                if _weight(u) >= MIN_CLAUSE_CHARS:
                    sent.clauses.append(u)
            pos += len(part) + 1  # every separator is one character
    return sent.clauses


def _keys(u: Unit) -> tuple[str, str]:
    return "^" + u.norm[:ANCHOR], "$" + u.norm[-ANCHOR:]


def _digits(u: Unit) -> str:
    if u.digits is None:
        u.digits = "".join(DIGITS_RE.findall(u.norm))
    return u.digits


def _similar(u: Unit, v: Unit, threshold: float) -> bool:
    """Nearly the same wording and the same numbers (other numbers state another fact)."""
    if u.norm == v.norm:
        return True
    la, lb = len(u.norm), len(v.norm)
    if 2 * min(la, lb) < threshold * (la + lb) or _digits(u) != _digits(v):
        return False  # the lengths alone keep the ratio below the threshold, or other numbers
    # Cheap test before difflib: most probes taken along u occur somewhere in v.
    probes = [u.norm[i * la // (PROBES + 1) :][:PROBE] for i in range(1, PROBES + 1)]
    if sum(pr in v.norm for pr in probes) < PROBES / 2:
        return False
    return SequenceMatcher(None, v.norm, u.norm, autojunk=False).ratio() >= threshold


def _titles(report: Analysis) -> list[tuple[int, int, int, bool]]:
    """(start, end, section end, stands alone without a full stop) of every heading title, by start."""
    text = report.text
    out = []
    for sec in report.sections():
        line_end = text.find("\n", sec.start)
        line_end = len(text) if line_end < 0 else line_end
        alone = sec.heading_end >= line_end and not text[sec.start : line_end].rstrip().endswith("。")
        out.append((sec.start, sec.heading_end, sec.end, alone))
    out.sort()
    return out


class _Index:
    """Earlier units by head, by tail (first MAX_BUCKET of each) and by their whole content."""

    def __init__(self) -> None:
        self.keyed: dict[str, list] = defaultdict(list)
        self.exact: dict[str, object] = {}

    def candidates(self, u: Unit) -> list:
        """Earlier entries that may be copies of u: same head or tail, or the same content."""
        out = [x for key in _keys(u) for x in self.keyed.get(key, ())]
        same = self.exact.get(u.norm)
        if same is not None:
            out.append(same)
        return out

    def add(self, u: Unit, entry) -> None:
        """Index a unit (entry is what candidates() gives back for it)."""
        for key in _keys(u):
            bucket = self.keyed[key]
            if len(bucket) < MAX_BUCKET:
                bucket.append(entry)
        self.exact.setdefault(u.norm, entry)


def _repeats(report: Analysis, sents: list[Sentence]) -> dict[int, tuple[int, int, int]]:
    """For each sentence that repeats earlier text: (span start, span end, earliest source sentence)."""
    text = report.text
    titles = _titles(report)
    title_starts = [t[0] for t in titles]

    def restated(v: Unit, u: Unit, whole: bool) -> bool:
        """A heading's title restated in its own section (a run-in title may not be repeated whole)."""
        i = bisect_right(title_starts, v.start) - 1  # heading titles do not overlap: one can hold v
        if i < 0:
            return False
        a, b, end, alone = titles[i]
        return a <= v.start < b and a <= u.start < end and (alone or not whole)

    whole_index, clause_index = _Index(), _Index()
    found: dict[int, tuple[int, int, int]] = {}
    for k, sent in enumerate(sents):
        if sent.end - sent.start < MIN_CLAUSE_CHARS:
            continue
        u = _whole(text, sent)
        if _weight(u) >= MIN_SENTENCE_CHARS:
            cands = sorted(set(whole_index.candidates(u)))
            j = next((j for j in cands if _similar(u, _whole(text, sents[j]), SENTENCE_SIMILARITY)), None)
            if j is not None and not restated(sents[j].unit, u, True):
                found[k] = (u.start, u.end, j)
            whole_index.add(u, k)
        pairs: list[tuple[Unit, int]] = []
        for c in _long_clauses(text, sent):
            cands = sorted(clause_index.candidates(c), key=lambda jv: (jv[0], jv[1].start))
            j = next(
                (j for j, v in cands if _similar(c, v, CLAUSE_SIMILARITY) and not restated(v, c, False)), None
            )
            if j is not None:
                pairs.append((c, j))
            clause_index.add(c, (k, c))
        # citing the same documents again (根据《…》，结合《…》和《…》) is not copying: one repeated
        # clause must say something of its own outside the cited titles
        if (
            k not in found
            and sum(c.weight for c, _j in pairs) >= MIN_PASSAGE_CHARS
            and any(c.own >= MIN_CLAUSE_CHARS for c, _j in pairs)
        ):
            found[k] = (pairs[0][0].start, pairs[-1][0].end, min(j for _c, j in pairs))
    return found


def _extend(text: str, sents: list[Sentence], found: dict[int, tuple[int, int, int]]) -> dict:
    """Grow each repeat over the neighbouring sentences that repeat the source's neighbours, however
    short: a copied passage is reported whole."""
    out = dict(found)
    for k, (_s, _e, j) in found.items():
        for step in (1, -1):
            a, b = k + step, j + step
            while 0 <= b < len(sents) and b != k and a < len(sents) and a not in out:
                if sents[a].paragraph != sents[k].paragraph:
                    break
                u, v = _whole(text, sents[a]), _whole(text, sents[b])
                if len(u.norm) < ANCHOR or not _similar(u, v, SENTENCE_SIMILARITY):
                    break
                out[a] = (u.start, u.end, j)
                a, b = a + step, b + step
    return out


@rule(
    code="DU001",
    name="repeated-text",
    category=Category.DUPLICATE,
    severity=Severity.WARNING,
    summary="句子或段落内容与前文重复",
    bad=[
        "一、主要举措\n全面落实权责清单、负面清单制度，清理取消了无法定依据的收费项目。"
        "全面落实权责清单、负面清单制度，清理取消无法定依据的收费项目。",
        "一、主要举措\n组织开展普法宣传活动，在各村社区广泛宣传民法典和未成年人保护法的主要内容和典型案例。\n"
        "二、下一步安排\n继续开展执法培训，在各村社区广泛宣传民法典和未成年人保护法的主要内容和典型案例。",
    ],
    good=[
        "一、主要举措\n全面落实权责清单制度，清理取消无法定依据的收费项目。全年开展普法宣传活动12次。",
        "（一）加强法治宣传教育\n加强法治宣传教育，全年开展普法宣传活动12次，发放资料3000份。",
        "一、主要举措\n以习近平新时代中国特色社会主义思想为指导，开展学习。\n"
        "二、下一步安排\n以习近平新时代中国特色社会主义思想为指导，继续推进。",
    ],
)
def repeated_text(report: Analysis) -> Iterator[Hit]:
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
    短分句和“以习近平新时代中国特色社会主义思想为指导”等规范表述不计；单独成行的标题在正文中被复述不报；
    数字不同的两句表述的是不同事实，不报。开头和结尾都改过的近似句可能漏报。
    不同报告之间的雷同见“抄袭雷同”类规则。
    """
    text = report.text
    sents = _sentences(report)
    merged: list[list[int]] = []  # [start, end, source, last sentence]
    for k, (s, e, j) in sorted(_extend(text, sents, _repeats(report, sents)).items()):
        if merged and merged[-1][3] == k - 1 and sents[k - 1].paragraph == sents[k].paragraph:
            merged[-1][1:4:2] = [e, k]
        else:
            merged.append([s, e, j, k])
    for s, e, j, _k in merged:
        first = text[sents[j].start : sents[j].end].strip()
        quote = first if len(first) <= QUOTE_CHARS else first[:QUOTE_CHARS] + "…"
        yield Hit(s, e, f"与前文重复：“{quote}”，请删除或改写")
