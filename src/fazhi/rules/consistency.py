"""Number consistency (NC): the report's figures must agree with each other.

Every rule reads the quantities of stage 7 (fazhi.indicators.mentions) and compares figures only
when the text ties them together (same paragraph, same sentence, `其中`, `每个村`); when in doubt it
stays silent.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..indicators import OTHER_ID, mentions, taxonomy
from ..indicators.mapping import Mention
from ..indicators.quantities import interval
from ..indicators.relations import (
    breakdowns,
    change_span,
    fmt,
    num,
    qualifier_kinds,
    ratio,
    rounding,
    same_paragraph,
)
from ..model import Category, Qualifier, Severity
from ..text import HAN_BASIC
from .base import Hit, rule
from .figures import is_previous_year, named_part_rates


def _quote(report: Analysis, m: Mention) -> str:
    return report.text[m.start : m.end]


# `，增长30%` right after a change (`比去年增加60件`): the rate of that change without 同比 before it.
BARE_RATE_RE = re.compile(
    r"[，,]\s*(?P<w>增长|增加|上升|提高|下降|减少|降低)(?:了|幅为|幅达|幅度为|幅度达)?\s*"
)


def _bare_rate_after(
    ms: list[Mention], i: int, text: str
) -> tuple[Mention | None, str | None, tuple[int, int]]:
    """The % mention right after ms[i] joined to it only by `，增长`, its direction and the span from the verb."""
    d = ms[i]
    x = ms[i + 1] if i + 1 < len(ms) else None
    if x is None or x.sentence != d.sentence or x.q.unit != "%":
        return None, None, (0, 0)
    m = BARE_RATE_RE.fullmatch(text, d.q.end, x.q.start)
    if m is None:
        return None, None, (0, 0)
    sign = "-" if m.group("w") in ("下降", "减少", "降低") else "+"
    return x, sign, (m.start("w"), x.q.end)


# Relative tolerance on computed percentages, for float error only (rounding is handled exactly).
EPS = 1e-9
# The per-unit figures NC003 can check: the unit they are per and the indicator that counts those units.
PER_VILLAGE_RE = re.compile(r"每个?(?:村|社区)")
VILLAGES_ID = "grassroots.villages"
# A per-unit figure preceded by these covers only some of the units (`其他每个村有4名`): not checkable.
PARTIAL_RE = re.compile(r"其他|其余|另外|其中")


@rule(
    code="NC001",
    name="part-exceeds-whole",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="部分大于整体",
    bad=["共调解纠纷400件，调解成功415件。", "累计发现安全隐患30条，其中重大隐患35条。"],
    good=["共调解纠纷420件，调解成功415件。", "累计发现安全隐患100余条，其中重大隐患5条。"],
)
def part_exceeds_whole(report: Analysis) -> Iterator[Hit]:
    """部分数超过总数（如调解成功件数多于调解总数，“其中”分项多于合计）。

    ## 检查内容
    同一句中，分项指标（如“调解成功”）的数值大于它所属的总量指标（如“调解纠纷”“排查纠纷”）；
    或同一句中“其中”之后的某一分项（同一计量单位）大于“其中”之前的总数。带“余”“近”等
    约数词时按可能的取值范围比较，只有范围也不相容时才报告。

    ## 为什么
    部分不可能大于整体。这类矛盾多是录入笔误或前后口径不一，审核时一眼可见，也会让读者怀疑全文数字的可靠性。

    ## 示例
    “共调解纠纷400件，调解成功415件。”——调解成功件数多于调解总数。

    ## 建议写法
    核对原始台账，改正笔误；口径不同时分别说明，如“共调解纠纷420件，调解成功415件”。

    ## 误报与局限
    只比较同一句中的数字（不同句可能是不同时段）；总数写作“以上”“超过”时无法判断，不报告。
    分项之和是否超过总数不检查（分项可能相互重叠）。
    """
    ms = mentions(report)
    tax = taxonomy()
    seen: set[int] = set()
    for m in ms:
        spec = tax.get(m.id)
        if not spec or not spec.part_of:
            continue
        wholes = [x for x in ms if x.sentence == m.sentence and x.id in spec.part_of and not x.per_unit]
        plo, _ = interval(m.q)
        if wholes and all(plo > interval(w.q)[1] + EPS for w in wholes):
            w = min(wholes, key=lambda x: abs(x.start - m.start))
            seen.add(m.start)
            yield Hit(
                m.start, m.end, f"“{_quote(report, m)}”多于“{_quote(report, w)}”，部分不应大于整体，请核对"
            )
    text = report.text
    for whole, parts in breakdowns(ms, text):
        whi = interval(whole.q)[1]
        for p in parts:
            if p.start not in seen and interval(p.q)[0] > whi + EPS:
                yield Hit(
                    p.start,
                    p.end,
                    f"“其中”分项“{_quote(report, p)}”多于总数“{_quote(report, whole)}”，请核对",
                )


@rule(
    code="NC002",
    name="rate-disagrees-with-counts",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="比率与所列数字不符",
    bad=[
        "共调解纠纷420件，调解成功415件，调解成功率95%。",
        "共排查矛盾纠纷200件，调解成功150件，调解成功率为90%。",
    ],
    good=[
        "共调解纠纷420件，调解成功415件，调解成功率99%。",
        "共调解各类纠纷420余件，调解成功415余件，调解成功率99%。",
    ],
)
def rate_disagrees_with_counts(report: Analysis) -> Iterator[Hit]:
    """文中写明的比率与同段所列的分子、分母算出的比率不符（超出四舍五入的范围）。

    ## 检查内容
    对有计算口径的比率（如“调解成功率”=调解成功件数÷调解件数），在同一段落中找到分子和分母，
    按文中写法的精度（“99%”即98.5%～99.5%）比较；带“余”“近”的数字按其可能范围计算。

    ## 为什么
    比率是报告中最常被引用的数字。415÷420=98.8%，写作99%没有问题，写作95%就与自身数字矛盾，说明数字或比率有一处错误。

    ## 示例
    “共调解纠纷420件，调解成功415件，调解成功率95%。”——按所列数字应为98.8%。

    ## 建议写法
    按台账重新计算，如“调解成功率98.8%”或“调解成功率99%”。

    ## 误报与局限
    只检查数据文件中定义了计算口径的比率；分母有多种可能（如“调解件数”“排查件数”）时，
    与任一口径相符即不报告。分子、分母不在同一段落时不检查。
    数据文件之外的比率（“合格率”“有效率”“出庭应诉率”……）只在同一句中能找到以比率名称开头的分子
    （“合格86人，合格率为98%”“有效问卷450份，有效率为85%”）时检查：分母取比率前面同一计量单位、不小于分子的确数，
    与其中任何一个相符就不报。比率名称带修饰（“按期办结率”而只写了“办结280件”）时不查。
    """
    ms = mentions(report)
    tax = taxonomy()
    judged: set[int] = set()
    for m in ms:
        spec = tax.get(m.id)
        if not spec or not spec.rate_part or m.q.qualifier is not Qualifier.EXACT:
            continue
        near = [x for x in same_paragraph(ms, m) if x.start < m.start and not x.per_unit]
        parts = [x for x in near if x.id in spec.rate_part]
        if not parts:
            continue
        part = parts[-1]
        wholes = [x for x in near if x.id in spec.rate_whole]
        ratios = [(w, r) for w in wholes if (r := ratio(part, w)) is not None]
        if not ratios:
            continue
        judged.add(m.q.start)
        lo, hi = rounding(m)
        if any(r[0] <= hi + EPS and lo - EPS <= r[1] for _, r in ratios):
            continue
        w, (rlo, rhi) = ratios[-1]
        calc = 100 * float(part.q.value) / float(w.q.value)
        yield Hit(
            m.start,
            m.end,
            f"按所列数字{num(part)}÷{num(w)}计算应为{calc:.1f}%，文中为{fmt(m.q.value)}%，请核对",
            suggestion=None,
        )
    yield from named_part_rates(report, ms, judged)


@rule(
    code="NC003",
    name="per-unit-contradicts-total",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="每村数字与总数不符",
    bad=[
        "全乡共7个村。法律明白人每个村已配备4人，全乡共30名法律明白人。",
        "辖区共10个村（社区），每个村配备法律明白人3名，共有法律明白人25名。",
    ],
    good=[
        "全乡共7个村。法律明白人每个村已配备4人，全乡共28名法律明白人。",
        "辖区共10个村（社区），3个村各有5名，其他每个村有4名，共有法律明白人43名。",
    ],
)
def per_unit_contradicts_total(report: Analysis) -> Iterator[Hit]:
    """“每个村N人”与村数相乘，不等于同段写明的总数。

    ## 检查内容
    段落中写了“每个村（社区）配备N名某类人员”，同段又写了该类人员的总数，且全文写明了村（社区）数时，
    检查 村数×N 是否等于总数。

    ## 为什么
    “7个村，每个村4人，全乡28人”可以互相印证；乘不出总数，说明村数、每村人数或总数有一处写错。

    ## 示例
    “全乡共7个村。法律明白人每个村已配备4人，全乡共30名法律明白人。”——7×4=28，不是30。

    ## 建议写法
    核对后统一数字，如“每个村已配备4人，全乡共28名”。

    ## 误报与局限
    只检查“每个村/每个社区”的精确数字；写作“不少于”“以上”，或只说“其他每个村”（部分村）时不检查；
    全文村数有多个不同的写法时不检查。
    """
    ms = mentions(report)
    text = report.text
    villages = {x.q.value for x in ms if x.id == VILLAGES_ID and x.q.qualifier is Qualifier.EXACT}
    if len(villages) != 1:
        return
    k = next(iter(villages))
    for m in ms:
        if not m.per_unit or not m.candidate or m.q.qualifier is not Qualifier.EXACT:
            continue
        left = text[m.sentence[0] : m.q.start]
        clause = left[max(left.rfind(c) for c in "，,；;") + 1 :]
        if not PER_VILLAGE_RE.search(clause) or PARTIAL_RE.search(clause):
            continue
        same = [x for x in same_paragraph(ms, m) if x.candidate == m.candidate]
        if any(x.per_unit for x in same):
            continue
        totals = [x for x in same if x.id == m.candidate and x.q.qualifier is Qualifier.EXACT and x.total]
        expected = k * m.q.value
        for t in totals:
            if t.q.value != expected:
                yield Hit(
                    t.start,
                    t.end,
                    f"每个村{num(m)}×{fmt(k)}个村={fmt(expected)}{m.q.unit}，与总数{num(t)}不符，请核对",
                )


@rule(
    code="NC004",
    name="change-disagrees-with-numbers",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="同比增减幅度与所列数字不符",
    bad=[
        "全年共处理信访事项30件，比去年减少14件，同比减少31%。",
        "全年调解纠纷120件，比去年增加20件，同比增长25%。",
    ],
    good=[
        "全年共处理信访事项30件，比去年减少14件，同比减少32%。",
        "全年调解纠纷120件，比去年增加20件，同比增长20%。",
    ],
)
def change_disagrees_with_numbers(report: Analysis) -> Iterator[Hit]:
    """“比去年减少M件，同比减少X%”中的百分比与本年数、增减数算出的不符。

    ## 检查内容
    同一句中依次写了本年数N、比上年的增减数M和同比增减百分比X%时，上年数为N±M，
    应有 X = M ÷ 上年数 × 100，按文中写法的精度比较；增减方向不一致时也报告。

    ## 为什么
    同比幅度的分母是上年数，不是本年数，这是常见的计算错误：30件比去年减少14件，上年是44件，
    减少14÷44=31.8%，应写约32%。

    ## 示例
    “全年共处理信访事项30件，比去年减少14件，同比减少31%。”

    ## 建议写法
    “全年共处理信访事项30件，比去年减少14件，同比减少31.8%”（或“约32%”）。

    ## 误报与局限
    只检查同一句中三个数字齐全、计量单位相同的写法；本年数或增减数带“余”等约数词时按范围比较。
    增减数后面紧跟“，增长X%”（没有“同比”）的也算同比幅度；“比2022年增加60件”这样写明上年年份的也查。
    """
    ms = mentions(report)
    text = report.text
    for i, d in enumerate(ms):
        if d.change is None or d.q.unit == "%" or is_previous_year(text, d):
            continue  # `较去年同期的100件下降20%`: the previous year's count, not the change (NC108's)
        base = next((x for x in reversed(ms[:i]) if x.sentence == d.sentence and not x.change), None)
        pct = next(
            (x for x in ms[i + 1 :] if x.sentence == d.sentence and x.change and x.q.unit == "%"), None
        )
        pct_change, span = (pct.change, change_span(text, pct)) if pct else (None, (0, 0))
        if pct is None:  # `比去年增加60件，增长30%`: the rate right after the change, named by its verb alone
            pct, pct_change, span = _bare_rate_after(ms, i, text)
        if base is None or pct is None or base.q.unit != d.q.unit or base.q.unit == "%":
            continue
        if pct_change != d.change:
            yield Hit(*span, "增减数与同比幅度的方向不一致，请核对")
            continue
        sign = 1 if d.change == "+" else -1
        blo, bhi = interval(base.q)
        dlo, dhi = interval(d.q)
        prev_lo, prev_hi = blo - sign * (dhi if sign > 0 else dlo), bhi - sign * (dlo if sign > 0 else dhi)
        if prev_lo <= 0 or prev_hi == float("inf"):
            continue
        clo, chi = 100 * dlo / prev_hi, 100 * dhi / prev_lo
        lo, hi = rounding(pct)
        if clo <= hi + EPS and lo - EPS <= chi:
            continue
        prev = float(base.q.value) - sign * float(d.q.value)
        calc = 100 * float(d.q.value) / prev
        word = "增加" if sign > 0 else "减少"
        quote = text[span[0] : span[1]]
        exact = all(x.q.qualifier is Qualifier.EXACT for x in (base, d))
        suggestion = re.sub(r"[\d.]+%$", f"{calc:.0f}%", quote) if exact else None
        yield Hit(
            span[0],
            span[1],
            f"按所列数字，上年为{fmt(prev)}{d.q.unit}（{fmt(base.q.value)}{'+' if sign < 0 else '-'}{fmt(d.q.value)}），"
            f"同比{word}应为{calc:.1f}%（约{calc:.0f}%），文中为{fmt(pct.q.value)}%",
            suggestion=suggestion,
        )


@rule(
    code="NC005",
    name="contradictory-qualifiers",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="约数词自相矛盾或重复",
    bad=["全年干部职工法治学习培训近700余人次。", "发放宣传资料约1000份左右。"],
    good=["全年干部职工法治学习培训近700人次。", "发放宣传资料1000余份。"],
)
def contradictory_qualifiers(report: Analysis) -> Iterator[Hit]:
    """一个数字前后同时用了两个约数词（“近…余”“约…左右”）。

    ## 检查内容
    数字前的“近、将近、约、不足、超过”等与数字后的“余、多、以上、左右”同时出现。
    “近”（不到）与“余”（超过）意思相反，自相矛盾；“约…左右”“超过…余”意思重复。

    ## 为什么
    《出版物上数字用法》（GB/T 15835-2011）要求约数只用一种表达。“近700余人次”让人无法判断是多于还是少于700。

    ## 示例
    “全年干部职工法治学习培训近700余人次。”

    ## 建议写法
    保留一个约数词：“近700人次”或“700余人次”；“约1000份”或“1000份左右”。

    ## 误报与局限
    只看紧挨着数字的约数词。
    """
    for m in mentions(report):
        q = m.q
        after = q.infix or q.suffix
        if not q.prefix or not after:
            continue
        text = report.text
        kept = text[q.start : q.num_end] + text[q.num_end + len(q.infix) : q.end - len(q.suffix)]
        kinds = qualifier_kinds()
        a, b = kinds.get(q.prefix), kinds.get(after)
        if a == b:
            msg = f"“{q.prefix}”与“{after}”意思重复，保留一个即可"
        else:
            msg = f"“{q.prefix}”与“{after}”同时使用，自相矛盾，请只保留一个约数词"
        yield Hit(q.start, q.end, msg, suggestion=kept)


# Sentence ends: two totals inside one sentence are items of one breakdown, not one total written twice.
_SENTENCE_END_RE = re.compile(r"[。！？!?\n]")
# Category words before a figure (`简易程序`, `普通程序`, `食品类`, `县级`): totals under different ones
# count different things.
_CATEGORY_RE = re.compile(rf"[{HAN_BASIC}]{{2,4}}?(?:程序|类|级)(?=[{HAN_BASIC}，,：:]|$)")


def _sentence_head(text: str, pos: int) -> str:
    start = max((m.end() for m in _SENTENCE_END_RE.finditer(text, 0, pos)), default=0)
    return text[start:pos]


def _breakdown(text: str, a: Mention, b: Mention) -> bool:
    """Whether two totals of one measure count different things: items of one sentence, or figures
    under different categories (`简易程序……罚款2000元` / `普通程序……罚款5万元`)."""
    if not _SENTENCE_END_RE.search(text, a.end, b.start):
        return True
    cats_a = set(_CATEGORY_RE.findall(_sentence_head(text, a.start)))
    cats_b = set(_CATEGORY_RE.findall(_sentence_head(text, b.start)))
    return cats_a != cats_b


@rule(
    code="NC006",
    name="same-measure-different-values",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="同一总数前后不一致",
    bad=[
        "一、主要成效\n全年共调解矛盾纠纷120件。\n二、主要举措\n加强排查，全年共调解矛盾纠纷150件。",
        "全年主动公开政务信息115条。\n另外，全年主动公开政务信息125条。",
    ],
    good=[
        "一、主要成效\n全年共调解矛盾纠纷120件。\n二、主要举措\n加强排查，全年共调解矛盾纠纷120件。",
        "2023年共调解纠纷120件，历年累计调解纠纷800件。",
        "全年办理简易程序案件30件，共罚款2000元。办理普通程序案件12件，共罚款50000元。",
        "简易程序案件30件，全年罚款金额2000元；普通程序案件12件，全年罚款金额5万元。",
    ],
)
def same_measure_different_values(report: Analysis) -> Iterator[Hit]:
    """同一个总数（同一指标、同样措辞、同为全年或同为累计）在文中两处写了不同的数。

    ## 检查内容
    两处数字映射到同一指标，都以“全年”“共”“全乡”（或都以“累计”）表明是总数，除数字外措辞相同，
    而数值（按约数范围）不相容时报告后一处。

    ## 为什么
    成效部分和举措部分常重复引用同一个总数，改稿时只改了一处就会前后不一，读者无法知道哪个是真的。

    ## 示例
    “全年共调解矛盾纠纷120件。”……“全年共调解矛盾纠纷150件。”

    ## 建议写法
    核对后统一为同一个数。

    ## 误报与局限
    同一指标在不同口径下（全年与累计、各类与某一类、村级与乡级）可以不同，措辞不同的不比较；
    因此措辞稍有变化的前后不一致不会报告。同一句中的两个数（分项列举）、所在句子前面写了不同类别
    （简易程序与普通程序、某类与另一类）的两个数，也不比较。
    """
    seen: dict[tuple, Mention] = {}
    text = report.text
    for m in mentions(report):
        if m.id == OTHER_ID or not m.total or m.per_unit:
            continue
        quote = text[m.start : m.q.start] + "#" + m.q.unit + text[m.q.end : m.end]
        key = (m.id, m.total, m.q.unit, quote)
        first = seen.setdefault(key, m)
        if first is m:
            continue
        if _breakdown(text, first, m):
            continue
        alo, ahi = interval(first.q)
        blo, bhi = interval(m.q)
        if ahi + EPS < blo or bhi + EPS < alo:
            yield Hit(m.start, m.end, f"与前文“{text[first.start : first.end]}”不一致，请核对")
