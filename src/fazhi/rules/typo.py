"""Typo rules (TY): wrong, missing or extra characters inside known terms and fixed phrases.

TY001-TY004 are data: curated confusions (confusions.tsv) and the misspellings generated from the
domain lexicon (variants.tsv, built by bench/build_term_variants.py), found by the shared automaton of
rules/kinds.py. TY005-TY006 read a trigger word in its context, because the wrong word is itself a
valid word and no dictionary look-up alone can tell.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from ..text import HAN_BASIC
from . import kinds
from .base import Hit, rule
from .kinds import TRIGGER, Entry
from .lawtitle import in_slipped_title

kinds.table("confusion", "confusions.tsv")
kinds.table("variant", "variants.tsv")
kinds.register("xingshi", lambda: [Entry("xingshi", TRIGGER, "形式")])
kinds.register("jiezhi", lambda: [Entry("jiezhi", TRIGGER, "截止")])

_CONFUSION = kinds.PreferredForms("confusion", "“{wrong}”应为“{right}”（{note}）")
_SUBSTITUTED = kinds.PreferredForms("variant", "“{wrong}”疑为“{right}”之误（同音或形近字）")
_MISSING = kinds.PreferredForms("variant", "“{wrong}”疑为“{right}”，缺了字")
_DOUBLED = kinds.PreferredForms("variant", "“{wrong}”疑为“{right}”，多了一个字")

# Nouns of power that 行使 governs: `形式` directly before one of them is the homophone slip.
_POWER = (
    r"(?:职权|权力|公权力|(?:行政)?(?:处罚|许可|强制|检查|执法|监督|管理|审批|决定|裁量|调查|征收|复议)权)"
)
# Modifiers that may stand between 行使 and its object (`行使下放的行政处罚权`).
_MODIFIER = r"(?:行政|法定|相关|部分|上述|该项|各项|有关|全部|相应|下放的|赋予的|承接的)?"
_XINGSHI_AFTER = re.compile(rf"(?:的)?{_MODIFIER}{_POWER}")
# 形式 as a noun is preceded by a quantifier or a 的-phrase (`任何形式的权力寻租`): not a slip.
_NOUN_BEFORE = re.compile(
    r"(?:任何|各种|多种|一切|某种|不同|这种|那种|各类|其他|其它|书面|口头|电子|表现|组织|合法|的|种)$"
)
# 截至 takes a point in time; 截止 (to end) takes none. These start a point in time.
_TIME_AFTER = re.compile(
    r"(?:目前|当前|今年|今天|本年|本月|本周|去年|上年|年底|年末|发稿|日前|\d{4}\s*年|\d{1,2}\s*月|[〇○零一二三四五六七八九]{4}年)"
)


@rule(
    code="TY001",
    name="confusion-in-fixed-term",
    category=Category.TYPO,
    severity=Severity.ERROR,
    summary="固定词语中的已知错别字",
    bad=["要重大限度化解社会矛盾。", "各村要再接再励，巩固创建成果。", "司法所指导人民调节委员会开展工作。"],
    good=["要最大限度化解社会矛盾。", "各村要再接再厉，巩固创建成果。", "司法所指导人民调解委员会开展工作。"],
    fixable=True,
)
def confusion_in_fixed_term(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """固定词语、成语中的已知错别字（收录在 confusions.tsv 中、出现即错的写法）。

    ## 检查内容
    confusions.tsv 收录的已知错误写法，如“重大限度”（最大限度）、“再接再励”（再接再厉）、“人民调节”（人民调解）、
    “公证文明执法”（公正文明执法）。用户可在 fazhi.toml 的 `[lexicon] confusions` 中补充。
    ## 为什么
    这些写法是校对中反复出现的错字，错误写法本身不成词或在该搭配中不成立，出现即错，公开的报告中出现会损害
    发文机关的严肃性。
    ## 示例
    “坚持调解优先，重大限度化解社会矛盾。”
    ## 建议写法
    “坚持调解优先，最大限度化解社会矛盾。”
    ## 误报与局限
    只认得表中收录的写法；表中写法若在专名中确属正确，可在 `[lexicon] allowed` 中允许。
    """
    yield from _CONFUSION(report, cfg)


@rule(
    code="TY002",
    name="homophone-in-term",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="规范词语中的同音字、形近字或同音词",
    bad=["排查检查九小城所1000余家。", "全面落实行政执法三项质度。", "镇政府依法形式职权。"],
    good=["排查检查九小场所1000余家。", "全面落实行政执法三项制度。", "镇政府依法行使职权。"],
    fixable=True,
)
def homophone_in_term(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """规范词语中一个字被同音字、形近字替换，或一个词被同音词替换。

    ## 检查内容
    领域词表 lexicon.txt 中四字以上的规范词语（法治政府、规范性文件、九小场所、行使职权……），逐字换成同音字
    （拼音相同、不计声调，取常用字）或形近字、逐词换成常用同音词，得到的写法若不是词、也不是更长词语的一部分，
    就收入 variants.tsv；文中出现即报告。
    ## 为什么
    拼音输入法选错字、选错词是公文中最常见的错别字来源；通用拼写检查的词典缺少法治领域词语，查不出来。
    ## 示例
    “排查检查九小城所1000余家。”“镇政府依法形式职权。”
    ## 建议写法
    “排查检查九小场所1000余家。”“镇政府依法行使职权。”
    ## 误报与局限
    生成的写法逐条用结巴词典和干净语料核对过；仍可能与人名、地名或少见搭配重合，可加入 `[lexicon] allowed`，
    或在 variants_stop.txt 中登记后重新生成。词表之外的词语查不到。书名号中与真实法律法规名称只差一个字的名称
    由 TE012 报告（给出完整名称），本规则不重复。
    """
    yield from _SUBSTITUTED(
        report, cfg, lambda m: m.entry.note in ("sub", "word") and not _in_title(report, m)
    )


# A truncated term ending in one of these is usually a phrase boundary, not a lost character:
# `以依法行政、规范执法为目标` is not `执法为民` cut short (为, 以, 有, 可 … stand alone as words).
STANDALONE_ENDS = frozenset("为以有可在与和及于之而对向将是的下自就作")


@rule(
    code="TY003",
    name="missing-char-in-term",
    category=Category.TYPO,
    severity=Severity.ERROR,
    summary="规范词语中缺字",
    bad=["接到通知后，第一时组建工作专班。", "严格执行重大行决策程序。", "加快行审批服务改革。"],
    good=[
        "接到通知后，第一时间组建工作专班。",
        "在第一时段完成报名，严格执行重大行政决策程序。",
        "全面推行审批服务“马上办”。",
        "切实履行推进法治建设第一责任人责任。",
    ],
    fixable=True,
)
def missing_char_in_term(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """规范词语中漏掉一个字（词中缺字，或末字缺失后接上了下一个词）。

    ## 检查内容
    领域词表中六字以上的词语缺掉中间一个字（“重大行决策”），以及四字以上的词语缺掉末字、而后面接的字又不能
    与之成词（“第一时组建”：“第一时”后面应是“间”，“时组”不成词）。
    ## 为什么
    缺字使固定说法断裂，读者需要猜测原意；这类错误在快速录入和删改后最常见，通读时又容易被大脑自动补全。
    ## 示例
    “接到通知后，第一时组建工作专班。”
    ## 建议写法
    “接到通知后，第一时间组建工作专班。”
    ## 误报与局限
    末字缺失只在后一个字不能与前一个字组成常用词时报告（“第一时段”不报）；可接的字来自结巴词典，
    偶有新词或简称（如“依法行权”）未收，会误报，可加入 `[lexicon] allowed`。词边的双字词缺了一个字、
    剩下的字又能与文中相邻的字组成常用词时不报（“全面推行审批服务”的“推行”，“第一责任人责任”的“责任”），
    因此“进行审批服务”一类真缺字也会漏报。书名号中的法律法规名称缺字由 TE012 报告，本规则不重复。
    """

    def broken(m: kinds.Match) -> bool:
        if _in_title(report, m):
            return False
        if m.entry.note == "del":
            return not _joins_neighbour(report.text, m)
        if m.entry.note != "trunc" or m.entry.text[-1] in STANDALONE_ENDS:
            return False
        nxt = report.text[m.end : m.end + 1]
        return not nxt or nxt not in m.entry.extra

    yield from _MISSING(report, cfg, broken)


def _joins_neighbour(text: str, m: kinds.Match) -> bool:
    """Whether a term missing a character at its edge reads as its stray edge character joined to the
    neighbouring character into a word (the table lists those characters after `<` or `>`)."""
    extra = m.entry.extra
    if extra.startswith("<"):
        return m.start > 0 and text[m.start - 1] in extra[1:]
    if extra.startswith(">"):
        return text[m.end : m.end + 1] in extra[1:] and m.end < len(text)
    return False


@rule(
    code="TY004",
    name="doubled-char-in-term",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="规范词语中多出重复的字",
    bad=["全面推进依法法行政。", "加强规范性性文件管理。"],
    good=["全面推进依法行政。", "加强规范性文件管理。"],
    fixable=True,
)
def doubled_char_in_term(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """规范词语中间的某个字重复了一次。

    ## 检查内容
    领域词表中四字以上的词语，中间某字重复一次（“依法法行政”“规范性性文件”）。词首、词尾的重复不查，
    因为前后词语相连时常常合法（“宪法法治”）。
    ## 为什么
    重复字多由录入时按键重复或复制粘贴造成，出现在规范词语中十分显眼。
    ## 示例
    “全面推进依法法行政。”
    ## 建议写法
    “全面推进依法行政。”
    ## 误报与局限
    只查词表中的词语；重复后恰好构成其他合法说法的写法在生成时已排除。书名号中的法律法规名称多字由 TE012 报告。
    """
    yield from _DOUBLED(report, cfg, lambda m: m.entry.note == "dup" and not _in_title(report, m))


def _in_title(report: Analysis, m: kinds.Match) -> bool:
    """Whether a generated misspelling lies in a law's title that TE012 reports with the whole title."""
    return in_slipped_title(report.text, m.start, m.end)


@rule(
    code="TY005",
    name="xingshi-for-exercise-power",
    category=Category.TYPO,
    severity=Severity.ERROR,
    summary="“行使”误作“形式”",
    bad=["对照《交由街道办事处形式的行政处罚权事项清单》承接事项。", "乡镇综合执法队集中形式行政处罚权。"],
    good=[
        "对照《交由街道办事处行使的行政处罚权事项清单》承接事项。",
        "坚决杜绝任何形式的权力寻租，以书面形式行使权利。",
    ],
    fixable=True,
)
def xingshi_for_exercise_power(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """“行使职权”的“行使”误写成同音的“形式”。

    ## 检查内容
    “形式”后面直接（或隔一个“的”和“行政、法定、下放的”等修饰语）跟着“职权、权力、处罚权、许可权……”等
    权力名词。（“依法形式”“依法形式职权”是词表生成的同音词写法，由 TY002 报告。）
    ## 为什么
    “形式”和“行使”拼音相同，输入法容易选错；两者都是常用词，查词典发现不了，只能看搭配：支配权力的动词是
    “行使”。写错后“交由街道办事处行使的行政处罚权”变成了“形式的行政处罚权”，意思完全不通。
    ## 示例
    “《交由街道办事处形式的行政处罚权事项清单》”
    ## 建议写法
    “《交由街道办事处行使的行政处罚权事项清单》”
    ## 误报与局限
    “形式”前面是“任何、各种、书面、……的”等名词用法的标志时不报（“任何形式的权力寻租”）。
    “形式”与权力名词之间隔着较长修饰语时查不到。已由 TY002 报告的写法（“依法形式职权”）不重复报告。
    """
    text = report.text
    # a generated variant (`依法形式职权`, TY002) already reports the same slip
    taken = [(v.start, v.end) for v in kinds.wrong_forms(report, cfg, "variant")]
    hits = []
    for m in kinds.triggers(report, cfg, "xingshi"):
        if any(s < m.end and m.start < e for s, e in taken):
            continue
        before = text[max(0, m.start - 2) : m.start]
        if _XINGSHI_AFTER.match(text, m.end) and not _NOUN_BEFORE.search(before):
            hits.append(
                Hit(m.start, m.end, "“形式”应为“行使”（这里说的是行使职权，同音误用）", suggestion="行使")
            )
    yield from kinds.allowed_only(report, cfg, hits)


@rule(
    code="TY006",
    name="jiezhi-before-date",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="表示“到某时为止”应写“截至”",
    bad=["截止目前，已办结信访事项43件。", "截止2023年底，全镇培养法律明白人60名。"],
    good=["截至目前，已办结信访事项43件。", "报名截止日期为3月1日，截止到2023年底共培养法律明白人60名。"],
    fixable=True,
)
def jiezhi_before_date(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """“截止”后面直接跟时间点，应写“截至”。

    ## 检查内容
    “截止”后紧接“目前、年底、2023年、12月”等时间点。
    ## 为什么
    “截至”意为“截止到某时”，后面要带时间；“截止”意为“到期停止”，后面不带宾语（“报名已经截止”“截止日期”）。
    报告统计数据时常用“截至目前”“截至2023年底”，写成“截止”是常见错误。
    ## 示例
    “截止2023年底，全镇培养法律明白人60名。”
    ## 建议写法
    “截至2023年底，全镇培养法律明白人60名。”
    ## 误报与局限
    “截止到”“截止于”可以接受，不报；“截止”和时间之间有其他字时不查。
    """
    text = report.text
    hits = [
        Hit(m.start, m.end, "“截止”后接时间点应写“截至”（截至目前、截至2023年底）", suggestion="截至")
        for m in kinds.triggers(report, cfg, "jiezhi")
        if _TIME_AFTER.match(text, m.end)
    ]
    yield from kinds.allowed_only(report, cfg, hits)


# `共` that starts a count phrase; `共同`, `共享`… are words of their own, not the counting adverb.
_GONG_RE = re.compile(
    r"共(?![同享建治产青性识商赢鸣有计])[^，,。；;：:！？\n“”《》]{1,14}?(共计?)(?=[\d一二三四五六七八九十两百千万])"
)


@rule(
    code="TY007",
    name="doubled-gong-in-count",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="一个计数短语里用了两次“共”",
    bad=["全年共处理群众信访事项共30件。", "今年共开展普法活动共计12场。"],
    good=["全年共处理群众信访事项30件。", "与共同体成员共建法治示范点，共5个。"],
    fixable=True,
)
def doubled_gong_in_count(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """同一个计数短语里“共”出现两次（“共处理……共30件”），多了一个“共”。

    ## 检查内容
    “共”引出一个计数短语后，在同一分句内、数字前又出现“共”或“共计”。
    ## 为什么
    “共”是总括副词，一个短语里用一次即可；重复是改稿时留下的多字。
    ## 示例
    “全年共处理群众信访事项共30件。”
    ## 建议写法
    “全年共处理群众信访事项30件。”或“全年处理群众信访事项共30件。”
    ## 误报与局限
    只查同一分句（两次“共”之间没有逗号、句号等）且第二个“共”紧接数字的情形；“共同”“共享”等词不算。
    """
    text = report.text
    hits = [
        Hit(m.start(1), m.end(1), f"一个计数短语里用了两次“共”，删去后一个“{m.group(1)}”", suggestion="")
        for m in _GONG_RE.finditer(text)
    ]
    yield from kinds.allowed_only(report, cfg, hits)


# `运用的不够` → `运用得不够`: a degree complement after a verb takes 得. Only 不够 and 不到位, which
# follow a verb and are no nouns (`存在的不足` is a noun phrase and stays silent).
_DE_RE = re.compile(rf"(?<=[{HAN_BASIC}])的(?=(?:还|仍|都)?(?:不够|不到位))")


@rule(
    code="TY008",
    name="de-before-degree-complement",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="补语前应用“得”",
    bad=["利用新媒体开展普法还运用的不够。", "部分制度落实的还不到位。"],
    good=["利用新媒体开展普法还运用得不够。", "存在的不足主要是制度落实不到位。"],
    fixable=True,
)
def de_before_degree_complement(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """动词后接“不够”“不到位”等补语时，用“得”不用“的”（“运用的不够”应为“运用得不够”）。

    ## 检查内容
    汉字后的“的”紧接（还、仍、都）“不够”“不到位”。
    ## 为什么
    “得”连接动词和补语，“的”连接定语和中心语；“落实的不到位”是常见的“的”“得”混用。
    ## 示例
    “利用新媒体开展普法还运用的不够。”
    ## 建议写法
    “利用新媒体开展普法还运用得不够。”
    ## 误报与局限
    只查“不够”“不到位”两种补语；“存在的不足”等名词性结构不报。“的”“地”混用（“具体的公开”）目前不查。
    """
    hits = [
        Hit(m.start(), m.end(), "动词后接补语应用“得”", suggestion="得") for m in _DE_RE.finditer(report.text)
    ]
    yield from kinds.allowed_only(report, cfg, hits)
