"""Number rules added for real reports (issue 15): a breakdown of outcomes that adds up to more than
its total, a count without its measure word, a share (占X%) its own part and total contradict, the
change of a rate written in % instead of 百分点, and a change in % its year's and previous year's
counts contradict (NC108). (余 after one digit and 约 on a precise count are
NC007/NC008, rules/approx.py.)

NC101 and NC103 read the quantities of stage 7 (fazhi.indicators.mentions), as the NC rules of
consistency.py do; NC102 looks for what that stage cannot find: a number with no measure word at all;
NC104 reads the wording of a change.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..indicators import mentions
from ..indicators.quantities import interval
from ..indicators.relations import breakdowns, fmt, ratio, rounding
from ..model import Category, Severity
from ..text import HAN_BASIC
from .base import Hit, rule

# Outcomes of one procedure are mutually exclusive: a case is upheld or revoked, not both. A breakdown
# whose every item is introduced by one of these may not exceed its total.
OUTCOMES = (
    "维持",
    "撤销",
    "驳回",
    "变更",
    "确认违法",
    "责令履行",
    "终止",
    "撤诉",
    "和解",
    "调解结案",
    "不予受理",
    "败诉",
    "胜诉",
    "办结",
    "在办",
    "结案",
    "未结",
    "已结",
)
_OUTCOME_BEFORE = re.compile(r"(?:" + "|".join(OUTCOMES) + r")(?:的|了|案件|决定)?$")

# A count followed straight by a noun of people or bodies, with no measure word (我镇45公职人员).
COUNTED_NOUNS = (
    "公职人员|执法人员|工作人员|机关干部|村干部|干部|党员|群众|村民|居民|律师|学生|职工|网格员|调解员|"
    "法律顾问|志愿者|商户|经营户|企业"
)
_BARE_COUNT = re.compile(rf"(?<![\d.．第０-９])([0-9０-９]{{1,5}})(?:余|多)?(?=(?:{COUNTED_NOUNS}))")
# A four-digit number that may be a year missing its 年 (2024执法人员) is another slip; not this rule's.
_YEAR_LIKE = re.compile(r"(?:19|20)\d\d")


@rule(
    code="NC101",
    name="outcomes-exceed-total",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="各项办理结果之和大于总数",
    bad=["全年审结行政复议案件5件，其中维持3件、撤销3件。", "共办理诉讼案件10件，其中胜诉7件，败诉4件。"],
    good=["全年审结行政复议案件6件，其中维持3件、撤销3件。", "共受理案件5件，其中涉企3件、涉农3件。"],
)
def outcomes_exceed_total(report: Analysis) -> Iterator[Hit]:
    """“其中”之后列出的办理结果（维持、撤销、驳回、胜诉、败诉……）加起来多于总数。

    ## 检查内容
    同一句中“共N件，其中维持a件、撤销b件……”这样的分项，每一项都以互相排斥的办理结果开头
    （维持、撤销、驳回、变更、确认违法、终止、撤诉、和解、胜诉、败诉、办结、在办……），且计量单位与总数相同，
    分项之和（按“余”“近”的可能范围）超过总数时报告。
    ## 为什么
    一件案件只有一个办理结果，各结果之和不可能超过总数；超过说明某个数字写错或漏写了总数的一部分。
    ## 示例
    “全年审结行政复议案件5件，其中维持3件、撤销3件。”
    ## 建议写法
    核对台账：“全年审结行政复议案件6件，其中维持3件、撤销3件。”
    ## 误报与局限
    分项是可以重叠的类别（涉企、涉农）时不查；分项少于总数不报（可能只列了一部分）。
    只看同一句中的“其中”分项。
    """
    text = report.text
    for whole, parts in breakdowns(mentions(report), text):
        labels = [_OUTCOME_BEFORE.search(text, whole.q.end, p.q.start) for p in parts]
        if len(parts) < 2 or not all(labels):
            continue
        low = sum(interval(p.q)[0] for p in parts)
        if low > interval(whole.q)[1]:
            items = "、".join(text[lab.start() : p.q.end] for lab, p in zip(labels, parts, strict=True))
            yield Hit(
                labels[0].start(),
                parts[-1].q.end,
                f"各项结果（{items}）合计{fmt(low)}{whole.q.unit}，多于总数“{text[whole.q.start : whole.q.end]}”，请核对",
            )


@rule(
    code="NC102",
    name="count-without-measure-word",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="数字后缺少量词",
    bad=["我镇45公职人员全部参加考试。", "辖区内12企业完成整改。"],
    good=["我镇45名公职人员全部参加考试。", "辖区内12家企业完成整改，第3网格员到岗。"],
)
def count_without_measure_word(report: Analysis) -> Iterator[Hit]:
    """数字直接连着人员、单位名词，中间缺了量词（45公职人员、12企业）。

    ## 检查内容
    阿拉伯数字后面直接跟着“公职人员、执法人员、干部、党员、群众、村民、律师、网格员、企业、商户”等名词，或中间只有“余”“多”（“30余执法人员”“200多企业”）。
    ## 为什么
    现代汉语中数词一般不能直接修饰名词，计数要用量词（45名公职人员、12家企业）；缺量词多是删改时漏字，
    也让数字读不清是人数还是编号。
    ## 示例
    “我镇45公职人员全部参加年度学法考试。”
    ## 建议写法
    “我镇45名公职人员全部参加年度学法考试。”
    ## 误报与局限
    只查表中的名词；“第3网格”这样的序号、像年份的四位数（2024企业，多半缺“年”）不报。
    用汉字数字（五干部）的写法不查。
    """
    text = report.text
    for m in _BARE_COUNT.finditer(text):
        if _YEAR_LIKE.fullmatch(m.group(1)):
            continue
        noun = re.match(COUNTED_NOUNS, text[m.end() :])
        end = m.end() + (noun.end() if noun else 0)
        yield Hit(m.start(), end, f"“{text[m.start() : end]}”数字后缺少量词（名、个、家……）")


# Between a part of a `其中` breakdown and its share: `其中行政处罚30件，占40%` / `（占比40%）`.
_SHARE_LINK = re.compile(r"[，,、（(]?\s*(?:占比|占总数的?|占全部的?|占总量的?|占|比例为?|比重为?)\s*")
# Tolerance on computed percentages, for float error only (rounding is handled by `rounding`).
EPS = 1e-9


@rule(
    code="NC103",
    name="share-disagrees-with-counts",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="“占X%”与所列分项、总数不符",
    bad=[
        "全年共受理各类案件100件，其中行政处罚案件30件，占40%。",
        "共排查隐患80处，其中重大隐患20处（占比20%）。",
    ],
    good=[
        "全年共受理各类案件100件，其中行政处罚案件30件，占30%。",
        "共排查隐患80处，其中重大隐患20处（占比25%）。",
    ],
)
def share_disagrees_with_counts(report: Analysis) -> Iterator[Hit]:
    """“其中”分项后面写的“占X%”与分项÷总数算出的比例不符（超出四舍五入的范围）。

    ## 检查内容
    同一句“共N件，其中A M件，占X%”：M÷N与X%比较；文中写到几位小数就按几位小数四舍五入判断，
    带“余”“近”的数按可能的取值范围计算，范围也不相容时才报告。
    ## 为什么
    占比是读者最容易验算的数字；对不上多是改了分项或总数而没有改比例，会让人怀疑全文数字。
    ## 示例
    “全年共受理各类案件100件，其中行政处罚案件30件，占40%。”
    ## 建议写法
    “全年共受理各类案件100件，其中行政处罚案件30件，占30%。”
    ## 误报与局限
    只查紧跟在“其中”分项后面的“占”“占比”“占总数的”“比例为”；“占全市的”这类占另一个总数的写法、
    不在同一句里的比例都不查。分项与总数口径不同而又紧接着写“占”时会误报，可在 `[lexicon] allowed` 中允许。
    """
    ms = mentions(report)
    text = report.text
    shares: dict[tuple[int, int], list] = {}
    for x in ms:
        if x.q.unit == "%":
            shares.setdefault(x.sentence, []).append(x)
    for whole, parts in breakdowns(ms, text):
        for p in parts:
            share = next(
                (
                    x
                    for x in shares.get(p.sentence, ())
                    if x.q.start > p.q.end and _SHARE_LINK.fullmatch(text, p.q.end, x.q.start)
                ),
                None,
            )
            r = ratio(p, whole) if share is not None else None
            if r is None:
                continue
            lo, hi = rounding(share)
            if r[0] <= hi + EPS and lo - EPS <= r[1]:
                continue
            calc = 100 * float(p.q.value) / float(whole.q.value)
            yield Hit(
                share.q.start,
                share.q.end,
                f"按“{text[p.q.start : p.q.end]}”÷“{text[whole.q.start : whole.q.end]}”计算应占{fmt(round(calc, 1))}%，"
                f"文中为{text[share.q.start : share.q.end]}，请核对",
            )


# A rate (…率, 占比, 比例) as the subject of a change written in %: `参训率同比增长8.5%`. Rates that are
# not shares of a whole (效率, 频率 …) change by a relative amount and are left out.
NOT_SHARES = ("效率", "频率", "功率", "速率", "汇率", "概率", "税率")
_RATE_CHANGE = re.compile(
    rf"(?P<rate>[{HAN_BASIC}]{{0,6}}(?:率|占比|比例|比重))(?P<gap>[^，。；,;\n]{{0,8}}?)"
    r"(?P<cmp>同比|较上年|比上年|较去年|比去年|较上一年|比上一年|较20\d\d年|比20\d\d年)(?:同期)?"
    r"(?P<verb>增长|提高|上升|下降|降低|减少|提升|增加)了?(?P<n>\d+(?:\.\d+)?)[%％]"
)


@rule(
    code="NC104",
    name="rate-change-in-percent",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="比率的增减用了“%”，应为“个百分点”",
    bad=["干部学法参训率同比增长8.5%。", "案卷合格率较上年提高5%，达到98%。"],
    good=["干部学法参训率同比提高8.5个百分点。", "办案效率同比提高20%，案件数量同比增长12%。"],
)
def rate_change_in_percent(report: Analysis) -> Iterator[Hit]:
    """比率（合格率、参学率、占比……）的增减写成了“增长N%”，应写“提高N个百分点”。

    ## 检查内容
    以“率”“占比”“比例”“比重”结尾的词作主语，后面“同比”“较上年”等接“增长、提高、下降……N%”。
    效率、频率、汇率等不是占比的“率”不查。
    ## 为什么
    两个百分数之差用“百分点”表示（国家统计局用法）；“合格率同比增长5%”既可理解为从90%到95%，也可理解为
    从90%到94.5%，数字读不清，评估时会被指出。
    ## 示例
    “干部学法参训率同比增长8.5%。”
    ## 建议写法
    “干部学法参训率同比提高8.5个百分点。”（若确指相对增幅，写明“增长了8.5%（相对）”。）
    ## 误报与局限
    确实要表达相对增幅时会误报；主语与“同比”之间隔得较远（超过8个字）时不查。
    """
    text = report.text
    for m in _RATE_CHANGE.finditer(text):
        rate = m.group("rate")
        if any(rate.endswith(x) for x in NOT_SHARES) or len(rate) < 2:
            continue
        n = m.group("n")
        yield Hit(
            m.start("cmp"),
            m.end(),
            f"“{rate}”是比率，其增减应写“{n}个百分点”，写“{n}%”读不清是绝对还是相对变化",
        )


# `办理案件120件，同比增长50%，上年为100件`: the previous year's count named as such (上年/去年 …
# right before its number), the year's count and the change in % in one sentence.
PREV_YEAR_BEFORE = re.compile(r"(?:上年|去年|上一年|上年度)(?:同期)?(?:的|为|是|共|有|共计)?\s*$")
# How far before a number the words naming it the previous year's may start.
PREV_YEAR_LOOKBACK = 10
# Slack in percentage points on top of the written rounding (float noise).
PCT_EPS = 1e-6


@rule(
    code="NC108",
    name="change-disagrees-with-previous-year",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="同比增减的百分比与本年数、上年数不符",
    bad=[
        "全年办理案件120件，同比增长50%，上年为100件。",
        "受理信访事项80件，较去年同期的100件下降25%。",
        "行政复议案件由上年的40件增至50件，增长20%。",
    ],
    good=[
        "全年办理案件120件，同比增长20%，上年为100件。",
        "受理信访事项80件，较去年同期的100件下降20%。",
        "全年办理案件120件，同比增长20%。",
        "行政复议案件由上年的40件增至50件，增长25%；办理时限由20个工作日压缩至5个工作日，压缩75%。",
    ],
)
def change_disagrees_with_previous_year(report: Analysis) -> Iterator[Hit]:
    """同一句中写了本年数、上年数和同比增减的百分比，百分比与两个数算出的不符。

    ## 检查内容
    同一句中：一个带“上年”“去年”“上年同期”等字样的数（上年数P），一个同单位、不带这些字样的数（本年数N），
    和一个“同比增长/下降X%”：应有 X = |N − P| ÷ P × 100，按文中写法的精度比较；增减方向与两数不符时也报告。
    “由（上年的、2022年的）P件增至（增加到、减少到、压缩至）N件，增长（增幅为、下降）X%”这种写法同样检查。
    ## 为什么
    同比幅度是读者最常引用的数字；幅度、本年数、上年数三者只要有一处录错，读者就无法判断哪个是对的。
    ## 示例
    “全年办理案件120件，同比增长50%，上年为100件。”——按所列数字应为增长20%。
    ## 建议写法
    按台账核对后改正，如“全年办理案件120件，同比增长20%，上年为100件”。
    ## 误报与局限
    只查三个数都是确数（不带“余”“近”等）、在同一句、计量单位相同的写法；比率的增减（“百分点”）由 NC104 看，
    这里不查；一句中有几个本年数时取离百分比最近的那一个。“由……增至……”的写法只查两个数紧挨着、量词相同、
    百分比紧跟其后的（中间隔了别的话不查），比率之间的变化（由85%提高到90%）不查。
    """
    yield from _from_to_changes(report)
    ms = mentions(report)
    text = report.text
    for pct in ms:
        if pct.change is None or pct.q.unit != "%" or not _exact(pct):
            continue
        same = [x for x in ms if x.sentence == pct.sentence and x is not pct and x.q.unit != "%"]
        # The previous year's figure may read as a change to stage 7 (`较去年同期的100件下降`): its words decide.
        prev = [x for x in same if is_previous_year(text, x)]
        if len(prev) != 1 or not _exact(prev[0]):
            continue
        p = prev[0]
        now = [x for x in same if x is not p and not x.change and x.q.unit == p.q.unit and _exact(x)]
        if not now or float(p.q.value) <= 0:
            continue
        n = min(now, key=lambda x: abs(x.q.start - pct.q.start))
        calc = 100 * (float(n.q.value) - float(p.q.value)) / float(p.q.value)
        sign = 1 if pct.change == "+" else -1
        lo, hi = rounding(pct)
        if lo - PCT_EPS <= sign * calc <= hi + PCT_EPS:
            continue
        word = "增长" if calc >= 0 else "下降"
        yield Hit(
            pct.q.start,
            pct.q.end,
            f"按所列数字，本年{fmt(n.q.value)}{n.q.unit}、上年{fmt(p.q.value)}{p.q.unit}，应为{word}{abs(calc):.1f}%，"
            f"文中为{'增长' if sign > 0 else '下降'}{fmt(pct.q.value)}%",
        )


# `由上年的40件增至50件，增长20%`, `从2022年的200次增加到2023年的300次，增幅为40%`: the previous figure
# after 由/从, the new one after 增至/减少到 …, the change in % right after, one measure word for both.
_NUM = r"\d+(?:\.\d+)?"
_UP, _DOWN = "增加|增长|上升|提高|增", "减少|下降|降低|回落|压缩|缩短|缩减|降"
FROM_TO_RE = re.compile(
    r"(?:由|从)(?:上年|去年|上一年度?|上年度|(?:19|20)\d\d年度?)?(?:同期)?的?"
    rf"(?P<p>{_NUM})(?P<u>万?(?:人次|件次|户次|万元|亿元|个工作日|工作日|件|次|人|个|家|起|项|场|名|户|份|条|元|篇|天|日|小时))"
    rf"(?:{_UP}|{_DOWN})(?:至|到)(?:(?:19|20)\d\d年度?)?的?(?P<n>{_NUM})(?P=u)(?![\d.%％])"
    rf"[，,]?(?:同比|比上年|较上年)?(?P<dir>{_UP}|{_DOWN})(?:了|幅为|幅达|幅|率为|率达)?(?P<x>{_NUM})[%％]"
)


def _from_to_changes(report: Analysis) -> Iterator[Hit]:
    """NC108's second form: `由P增至N，增长X%` (the previous figure named by 由/从, not by 上年)."""
    for m in FROM_TO_RE.finditer(report.text):
        p, n, x = float(m.group("p")), float(m.group("n")), m.group("x")
        if p <= 0:
            continue
        calc = 100 * (n - p) / p
        sign = -1 if re.match(_DOWN, m.group("dir")) else 1
        half = 0.5 * 10 ** -(len(x.split(".")[1]) if "." in x else 0)
        if float(x) - half - PCT_EPS <= sign * calc <= float(x) + half + PCT_EPS:
            continue
        u = m.group("u")
        word = "增长" if calc >= 0 else "下降"
        yield Hit(
            m.start("x"),
            m.end(),
            f"按所列数字，由{m.group('p')}{u}到{m.group('n')}{u}应为{word}{abs(calc):.1f}%，文中为{m.group('dir')}{x}%",
        )


def _exact(m) -> bool:
    """Whether a mention's quantity is an exact figure (no 余, 近, 约 …)."""
    return m.q.qualifier.value == "exact" and m.q.kind != "range"


def is_previous_year(text: str, m) -> bool:
    """Whether the words right before a quantity's number name it the previous year's."""
    lo = max(m.sentence[0], m.q.start - PREV_YEAR_LOOKBACK)
    return PREV_YEAR_BEFORE.search(text[lo : m.q.start]) is not None


# `合格86人，合格率为98%`: a rate whose name (the characters after the clause's start, before 率) also opens
# the clause of its numerator (`合格86人`, `有效问卷450份`: the name, at most NAMED_PART_GAP characters, the
# number). Names of changes and shares are no such rates.
RATE_NAME_RE = re.compile(
    rf"(?:^|(?<=[，,；;。：:、\n]))(?P<name>[{HAN_BASIC}]{{2,6}})率(?:为|达|达到|是)?\s*$"
)
NOT_A_PART_RATE = re.compile(r"增长|下降|增加|减少|上升|提高|降低|同比|环比|占比|比例|利用|使用|发生|变化")
NAMED_PART_GAP = 4


def named_part_rates(report: Analysis, ms: list, judged: set[int]) -> Iterator[Hit]:
    """NC002 beyond the taxonomy: a rate named after its numerator's clause, against every possible whole."""
    text = report.text
    for i, m in enumerate(ms):
        if m.q.unit != "%" or m.q.start in judged or not _exact(m) or m.q.value > 100:
            continue
        named = RATE_NAME_RE.search(text, m.sentence[0], m.q.start)
        if named is None or NOT_A_PART_RATE.search(named.group("name")):
            continue
        name = named.group("name")
        before = [x for x in ms[:i] if x.sentence == m.sentence and x.q.unit != "%" and not x.change]
        part_at = re.compile(rf"{name}[{HAN_BASIC}]{{0,{NAMED_PART_GAP}}}$")
        parts = [x for x in before if part_at.search(text, m.sentence[0], x.q.start)]
        if not parts or not _exact(parts[-1]) or float(parts[-1].q.value) <= 0:
            continue
        part = parts[-1]
        wholes = [
            x for x in before if x is not part and x.q.unit == part.q.unit and x.q.value >= part.q.value
        ]
        if not wholes or not all(_exact(w) for w in wholes):
            continue
        x = m.q.value
        half = 0.5 * 10 ** -(len(str(x).split(".")[1]) if "." in str(x) else 0)
        calcs = [100 * float(part.q.value) / float(w.q.value) for w in wholes]
        if any(float(x) - half - PCT_EPS <= c <= float(x) + half + PCT_EPS for c in calcs):
            continue
        w = wholes[-1]
        yield Hit(
            m.q.start,
            m.q.end,
            f"按所列数字{fmt(part.q.value)}{part.q.unit}÷{fmt(w.q.value)}{w.q.unit}计算，{name}率应为{calcs[-1]:.1f}%，"
            f"文中为{fmt(x)}%，请核对",
        )
