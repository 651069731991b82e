"""TY101: the statistical typo corrector (lm/corrector.py) as a rule of the catalogue.

The rule decides what the corrector may not touch in this report (titles in 《》, the report's own
unit names and title, person and place names, accepted terms of the lexicon and of fazhi.toml) and
drops a proposal that a table-driven typo rule already reports at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache

import ahocorasick
import numpy as np

from ..analysis import Analysis
from ..config import Config
from ..lm import confusion, indel
from ..lm.corrector import correct
from ..model import Category, Severity
from ..text import find_all, han_before, is_han_basic
from . import kinds
from .base import REGISTRY, Hit, rule

# Quoted titles of laws, documents and campaigns are proper names: never rewritten; so are short
# quoted slogans and brand names, which pun on purpose (“枫桥经验”, a service named after a homophone).
_TITLE_RE = re.compile(r"《[^《》\n]{1,80}》|“[^“”\n]{1,10}”")
# A person named before a title or form of address (`张明同志`, `王芳副局长`): two or three characters
# (the spans of `[{HAN_BASIC}]{2,3}(?=同志|书记|副?(?:局长|…|秘书长)|等同志)`, found by text.han_before).
_TITLES = ("局长", "主任", "区长", "县长", "市长", "镇长", "乡长", "处长", "科长", "部长", "主席", "秘书长")
_PERSON_AFTER = ("同志", "书记", *_TITLES, *("副" + t for t in _TITLES), "等同志")
# A place named by its administrative suffix (`荣昌区`, `昌州街道`, `石桥村`): the two characters before.
_PLACE_AFTER = ("省", "市", "县", "区", "镇", "乡", "村", "街道", "社区", "州", "旗", "盟")
# How far around a unit name's own characters the protection reaches (none: exact occurrences).
_TYPO_TABLE_RULES = ("TY001", "TY002", "TY003", "TY004", "TY005", "TY006", "TY007", "TY008")


@lru_cache(maxsize=4)
def _terms_automaton(user: tuple[str, ...]) -> ahocorasick.Automaton:
    auto = ahocorasick.Automaton()
    for r in kinds.rows("lexicon.txt"):
        t = r[0].strip()
        if t:
            auto.add_word(t, len(t))
    for t in user:
        if t:
            auto.add_word(t, len(t))
    auto.make_automaton()
    return auto


def protected_mask(report: Analysis, cfg: Config) -> np.ndarray:
    """True where the corrector must not change a character of the report's text (kept on the report)."""
    user = tuple(sorted(set(cfg.terms) | set(cfg.allowed)))
    mask = report.typo_masks.get(user)
    if mask is None:
        mask = report.typo_masks[user] = _protected_mask(report, user)
        mask.flags.writeable = False  # shared by TY101 and TY102: a reader may not change it
    return mask


def _protected_mask(report: Analysis, user: tuple[str, ...]) -> np.ndarray:
    text = report.text
    spans = [m.span() for m in _TITLE_RE.finditer(text)]
    spans += han_before(text, _PERSON_AFTER, 2, 3)
    spans += han_before(text, _PLACE_AFTER, 2, 2)
    names = {u for u in (*report.units, report.unit, report.title) if u and len(u) >= 2}
    for name in names:
        spans += find_all(text, name)
    if text:
        spans += [(end + 1 - n, end + 1) for end, n in _terms_automaton(user).iter(text)]
    if report.title_span:
        spans.append(tuple(report.title_span))
    # the union of the spans: +1 where one starts, -1 where one ends, covered where the sum is > 0
    depth = np.zeros(len(text) + 1, dtype=np.int32)
    if spans:
        starts, ends = np.array(spans, dtype=np.int64).reshape(-1, 2).T
        starts, ends = np.clip(starts, 0, len(text)), np.clip(ends, 0, len(text))
        depth += np.bincount(starts, minlength=len(text) + 1).astype(np.int32)
        depth -= np.bincount(ends, minlength=len(text) + 1).astype(np.int32)
    return np.cumsum(depth[:-1]) > 0


def _taken(report: Analysis, cfg: Config) -> list[tuple[int, int]]:
    """Spans already reported by the selected table-driven typo rules."""
    spans = []
    for code in _TYPO_TABLE_RULES:
        r = REGISTRY.get(code)
        if r is None or not cfg.is_selected(r):
            continue
        spans += [(h.start, h.end) for h in r.hits(report, cfg) if h.start is not None and h.end is not None]
    return spans


def _context(text: str, pos: int, right: str) -> str:
    """`原句片段→改后片段` around position pos, cut at punctuation, for the message."""
    a, b = pos, pos + 1
    while a > 0 and pos - a < 3 and is_han_basic(text[a - 1]):
        a -= 1
    while b < len(text) and b - pos < 4 and is_han_basic(text[b]):
        b += 1
    return f"{text[a:b]}→{text[a:pos]}{right}{text[pos + 1 : b]}"


@rule(
    code="TY101",
    name="statistical-typo",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="语言模型判断的同音、近音或形近错字（词表之外）",
    bad=[
        "县政府门户网站开设政务公开专栏，及时发布政府信息，接受社会监杜。",
        "加大执法力度，严励打击各类违法犯罪行为。",
    ],
    good=[
        "县政府门户网站开设政务公开专栏，及时发布政府信息，接受社会监督。",
        "加大执法力度，严厉打击各类违法犯罪行为。",
    ],
    fixable=True,
)
def statistical_typo(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """词表之外的错别字：统计语言模型认为某个字极不通顺、换成同音或形近字后明显通顺时提示。

    ## 检查内容
    随软件发布一个汉字五元语言模型（由约1900万字的法律法规文本和本项目编写的报告体例句、领域词表训练，
    Kneser-Ney 平滑），给每个字按前四个字打分；紧挨汉字的半角标点（, ; : ( ) ! ?）按对应的全角标点打分，
    用半角标点录入的报告与用全角标点的得到同样的判断。只在模型认为不通顺的位置（该字或其后一两个字的概率很低）
    尝试替换，候选字来自同音（同调、异调）、近音（平翘舌、前后鼻音、n/l）和形近字表，以及补全成语、固定
    说法（“重大限度”→“最大限度”）的字。换字后覆盖该字的五个字串的概率须提高一万倍以上（对数增益不小于4），
    再加上通道先验（同音字最容易、近音和形近字要求更高）与词语奖励（新写法组成更长的常用词）后超过阈值，
    才报告并给出建议字；原字本身已与相邻字组成词语、换字后并不组成更长词语的，不报告。词语取自 jieba 词典、
    领域词表和随软件发布的报告常用语表（data/lm/genre_words.txt：建强、走深走实、落实见效、接诉即办等）。
    不改：书名号内的名称、10字以内引号中的口号和品牌名、报告中的单位名称和标题、人名（“某某同志”“某某局长”）、
    地名（“某某区、某某镇”）、数字、外文、数词和虚词、表示行政层级的字（省市县区乡镇村街……），以及领域词表
    （lexicon.txt 和 fazhi.toml `[lexicon]`）中的词语。TY001–TY008 已报告的地方不重复报告。
    ## 为什么
    词表只能收录已知的错误写法，而输入法选错同音字、看错形近字造成的错别字千变万化。语言模型不依赖词表，
    能发现没人登记过的错字（“接受社会监杜”“严励打击”），是对词表规则的补充。
    ## 示例
    “及时发布政府信息，接受社会监杜。”
    ## 建议写法
    “及时发布政府信息，接受社会监督。”
    ## 误报与局限
    只查一个字被另一个字替换的错误，不查多字、缺字、词序错误；两个字都写错的同音词（“形式”误为“行使”）
    查不到；“法治/法制”“察/查”这类两种写法都成立的用字交给规范表述规则。为保证准确只在把握很大时提示，
    注入错别字的测试中约三分之一的错字查不到（docs/benchmarks.md）。模型主要由法律法规训练，报告常用语表
    未收的新说法、简称可能被误判为错字；反过来，错字恰好构成常用语表中的词（“加强”误写为“建强”）时不再
    提示。误判的词可加入 fazhi.toml 的 `[lexicon] terms` 或 `allowed`；
    整条规则可用 `[rules] ignore = ["TY101"]` 关闭。
    """
    text = report.text
    if not text:
        return
    found = correct(text, protected_mask(report, cfg))
    if not found:
        return
    taken = _taken(report, cfg)
    hits = []
    for c in found:
        if any(s <= c.pos < e for s, e in taken):
            continue
        kind = confusion.CHANNEL_ZH[c.channel]
        msg = f"“{c.wrong}”疑为“{c.right}”之误（{kind}：{_context(text, c.pos, c.right)}）"
        hits.append(Hit(c.pos, c.pos + 1, msg, suggestion=c.right))
    yield from kinds.allowed_only(report, cfg, hits)


@rule(
    code="TY102",
    name="missing-or-stray-character",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="语言模型判断的漏字或多字（少写一个字、多写或重复一个字）",
    bad=[
        "我局高度重视法治政府建设工作，主要领导亲自部署、亲自推推动。",
        "全面落实重大行政决策程序规定，切实做到科学决策、民主决、依法决策。",
    ],
    good=[
        "我局高度重视法治政府建设工作，主要领导亲自部署、亲自推动。",
        "全面落实重大行政决策程序规定，切实做到科学决策、民主决策、依法决策。",
    ],
    fixable=True,
)
def missing_or_stray_character(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """漏字、多字：统计语言模型认为补上一个字或删去重复的字后明显通顺时提示。

    ## 检查内容
    用 TY101 的同一个汉字五元语言模型，在模型认为不通顺的位置试两种改法。补字：在一个汉字之后补一个字，
    候选字为常被漏写的虚词“为、以、和、与、及、对、在、将、由、于、从、向、并、等”，以及补上后能组成
    三到四字常用词的字（“民主决、”补“策”、“有错必。”补“纠”）；补字后整句的概率须提高一千倍以上，
    加上词语奖励后超过阈值才提示。删字：只删与相邻字重复、且两字不构成常用叠词（常常、人人）的字
    （“亲自推推动”“宣宣传”），删后整句的概率须提高一千倍以上。数字后的量词不删。保护范围与 TY101 相同：
    书名号内的名称、短引号、单位名称和标题、人名地名、领域词表中的词语不改；TY001–TY008 已报告的地方不重复报告。
    ## 为什么
    漏字、多字是报告中常见的错误（词语末字漏掉、重复敲入一个字），同音字替换和词表都查不到。
    ## 示例
    “主要领导亲自部署、亲自推推动”；“切实做到科学决策、民主决、依法决策”。
    ## 建议写法
    “主要领导亲自部署、亲自推动”；“切实做到科学决策、民主决策、依法决策”。
    ## 误报与局限
    模型只看前后四个字，相隔较远的搭配查不到：“为……提供保障”漏掉“为”、“以……为抓手”漏掉“以”、
    “负责人”写成“负责”后接介词、“制定发《……》”（“制定”“制发”都通顺）等都不提示；不删不重复的多余字
    （模型由法律法规训练，删去报告常用语中的字如“以上率下”“抓线”常被误判为更通顺，故关闭）；漏掉两字词的
    一个字只在补成三四字常用词时才查到；一次只补或删一个字，漏掉整个词查不到。为保证准确只在把握很大时提示，
    注入漏字、多字的测试中八成以上查不到（docs/benchmarks.md）。并列的简省写法（“月调度、季通报、年考核”）
    可能被提示补字；可将该词加入 fazhi.toml 的 `[lexicon] terms` 或 `allowed`，或用
    `[rules] ignore = ["TY102"]` 关闭本规则。
    """
    text = report.text
    if not text:
        return
    found = indel.edits(text, protected_mask(report, cfg))
    if not found:
        return
    taken = _taken(report, cfg)
    hits = []
    for e in found:
        if e.op == indel.INSERT:
            a, b = e.pos - 1, e.pos + 1
            new = text[a] + e.char + text[e.pos]
            msg = f"“{text[a:b]}”之间疑漏“{e.char}”字（{_context(text, a, text[a] + e.char)}）"
        else:
            a, b = e.pos - 1, e.pos + 2
            new = text[a] + text[e.pos + 1]
            msg = f"“{text[a:b]}”中的“{e.char}”疑为多字（{_context(text, e.pos, '')}）"
        if any(s < b and a < t for s, t in taken):
            continue
        hits.append(Hit(a, b, msg, suggestion=new))
    yield from kinds.allowed_only(report, cfg, hits)
