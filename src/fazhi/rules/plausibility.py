"""Plausibility (PL): figures that are possible but deserve a reviewer's second look, and figures
that cannot be true (a rate over 100%, a fractional count of cases, an area or population no unit of the
report's level has; impossible dates, PL003, are in slips.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..indicators import mentions, taxonomy
from ..model import Category, Qualifier, Severity, UnitLevel
from ..text import HAN_BASIC
from .base import Hit, rule

# A 100% rate is unremarkable over a few dozen cases (every petition answered on time) but not
# over this many: a thousand disputes without one failed mediation is worth checking.
PERFECT_RATE_MIN_COUNT = 1000
PERFECT = 100


def _fmt(x) -> str:
    return str(int(x)) if float(x) == int(x) else str(x)


@rule(
    code="PL001",
    name="perfect-rate-over-large-count",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    summary="大量案件的比率为100%",
    bad=[
        "共排查矛盾纠纷1705件，调解成功1705件，调解率、成功率均为100%。",
        "全年共调解矛盾纠纷2300件，调解成功率100%。",
    ],
    good=[
        "全年共调解矛盾纠纷120件，调解成功率100%。",
        "共排查矛盾纠纷1705件，调解成功1650件，调解成功率96.8%。",
    ],
)
def perfect_rate_over_large_count(report: Analysis) -> Iterator[Hit]:
    """上千件（人）的工作，成功率、合格率等写为100%，值得复核。

    ## 检查内容
    有计算口径的比率（调解成功率、考试合格率、按期办结率等）写为100%，而同一段落中其分子或分母
    的数量达到1000以上时提示。

    ## 为什么
    几十件全部办结不稀奇；上千件矛盾纠纷无一调解失败则少见。评估机构常把“数据过于完美”视为
    报告形式主义、数据未经核实的信号，审核时应请起草单位核对台账。

    ## 示例
    “共排查矛盾纠纷1705件，调解成功1705件，调解率、成功率均为100%。”

    ## 建议写法
    按台账如实填写，如“调解成功1650件，调解成功率96.8%”；确为100%的，可说明统计口径。

    ## 误报与局限
    数字确实可能是100%，本规则只提示复核，不判定错误。只看同一段落中的数量。
    """
    ms = mentions(report)
    tax = taxonomy()
    for m in ms:
        spec = tax.get(m.id)
        if not spec or not spec.is_rate or m.q.value != PERFECT or m.q.qualifier is not Qualifier.EXACT:
            continue
        related = set(spec.rate_part) | set(spec.rate_whole)
        counts = [x for x in ms if x.paragraph == m.paragraph and x.id in related and x is not m]
        if not counts:
            continue
        big = max(counts, key=lambda x: x.q.value)
        if big.q.value >= PERFECT_RATE_MIN_COUNT:
            quote = report.text[big.start : big.end]
            yield Hit(m.start, m.end, f"“{quote}”而比率为100%，数字过于完美，建议核实")


@rule(
    code="PL002",
    name="rate-over-maximum",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    summary="比率超过100%",
    bad=["调解成功率105%。", "127名干部参加法治理论知识考试，合格率为120%。"],
    good=["调解成功率100%。", "受理案件同比增长120%。"],
)
def rate_over_maximum(report: Analysis) -> Iterator[Hit]:
    """成功率、合格率、满意度等不可能超过100%。

    ## 检查内容
    映射到比率指标（调解成功率、考试合格率、按期办结率、群众满意度、出庭应诉率等）的百分数大于100%。

    ## 为什么
    这类比率的分子是分母的一部分，超过100%必然是录入错误（多打一位、把件数当成比率）。

    ## 示例
    “调解成功率105%。”

    ## 建议写法
    核对后改正，如“调解成功率100%”或“调解成功率95%”。

    ## 误报与局限
    增长率、完成率（可超额完成）不是此类比率，不检查。
    """
    tax = taxonomy()
    for m in mentions(report):
        spec = tax.get(m.id)
        if spec and spec.max is not None and m.q.unit == "%" and m.q.value > spec.max:
            yield Hit(m.start, m.end, f"{spec.name}为{_fmt(m.q.value)}%，超过{_fmt(spec.max)}%，请核对")


# `培训执法人员12.5人次`: a decimal number right before a measure word that counts whole things. 个 also
# measures time and change (`2.5个工作日`, `1.5个百分点`), which may be fractional.
COUNT_WORDS = "件|人|次|名|起|场|户|家|份|篇|期|条|项|所|宗|批|座|台|辆"
FRACTION_OK_AFTER_GE = "工作日|月|小时|百分点|季度|星期|半月|学时|课时"
FRACTIONAL_COUNT_RE = re.compile(
    rf"(?<![\d.．])(?P<n>\d+[.．]\d+)(?:余|多)?(?:(?:{COUNT_WORDS})|个(?!{FRACTION_OK_AFTER_GE}))"
)


@rule(
    code="PL004",
    name="fractional-count",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    summary="只能是整数的数量写成了小数",
    bad=["全年培训执法人员12.5人次。", "办理行政复议案件3.6件。"],
    good=[
        "全年培训执法人员125人次。",
        "发放资料1.5万份。",
        "平均办理时限压缩至2.5个工作日。",
        "执法人员持证率提高1.5个百分点。",
    ],
)
def fractional_count(report: Analysis) -> Iterator[Hit]:
    """件、人、次等只能逐个计数的数量写成了小数。

    ## 检查内容
    小数后面直接是“件”“人”“次”“名”“起”“场”“户”“家”“份”等计件的量词（“12.5人次”“3.6件”）；
    “个”后面是“工作日”“月”“小时”“百分点”等可以有小数的单位时不算。
    ## 为什么
    案件、人数、场次只能是整数，写成小数多是录入时多打或错打了小数点，数字本身已不可信。
    ## 示例
    “全年培训执法人员12.5人次。”
    ## 建议写法
    按台账核对后写整数，如“125人次”；以万为单位的写“1.5万人次”。
    ## 误报与局限
    数字前四个字内有“均”的（“人均学法2.5次”“平均每村3.5件”）是平均数，不报；不写“均”的平均数
    （“每村3.5件”）会误报。以“万”“亿”为单位的数不查。
    """
    text = report.text
    for m in FRACTIONAL_COUNT_RE.finditer(text):
        before = text[max(0, m.start() - 4) : m.start()]
        if "均" in before:
            continue  # an average (`人均2.5次`, `平均3.5件`)
        yield Hit(m.start(), m.end(), f"“{m.group()}”：件数、人数、次数应为整数，请核对小数点")


# `全镇总人口320万人`, `我县总面积48万平方千米`: the area or population of the unit itself, above what any
# unit of its level in China has. The level is read from the scope word (全镇, 我县, 本乡, 街道 …);
# 辖区 takes the report's own level. Limits are generous upper bounds, well above the largest unit of the
# level (census 2020 and the administrative-division yearbook), so only a slipped 万 or unit reaches them:
# - township/street: the largest towns have under 1 million people (虎门、狮山 ~0.6-0.9 million), the largest
#   township area is under 50,000 km² (唐古拉山镇 ~47,500 km²);
# - county: the largest county has ~200,000 km² (若羌县) and the most populous county ~2.1 million (昆山市);
# - district (区): the most populous is below 6 million (浦东新区 ~5.8 million), the largest ~82,000 km² (伊州区).
LEVEL_LIMITS = {
    # level: (max area km², max population)
    "township": (60_000, 1_500_000),
    "county": (250_000, 3_000_000),
    "district": (250_000, 8_000_000),
}
_SCOPE_LEVEL = {"镇": "township", "乡": "township", "街道": "township", "县": "county", "区": "district"}
_UNIT_LEVEL = {UnitLevel.TOWNSHIP: "township", UnitLevel.COUNTY: "county"}
# Square kilometres per unit of area.
AREA_KM2 = {"平方公里": 1, "平方千米": 1, "km²": 1, "km2": 1, "公顷": 0.01, "亩": 1 / 1500}
_AREA_UNITS = "|".join(sorted(AREA_KM2, key=len, reverse=True))
LEVEL_FIGURE_RE = re.compile(
    rf"(?:(?P<own>[全我本该])(?P<lvl>镇|乡|街道|县|区)|(?<![{HAN_BASIC}])(?P<bare>镇|乡|街道|县)|(?P<area>辖区))"
    r"(?:辖区|域内|境内)?(?:的|内)?"
    r"(?P<what>(?:总|国土|土地|行政区域|区域)?面积|(?:总|常住|户籍|户籍总)?人口)"
    r"(?:总数|总量)?(?:为|达|达到|约|近|共|有|共有|是)?\s*"
    rf"(?P<n>\d+(?:[.．]\d+)?)(?P<mult>万|亿)?(?P<unit>{_AREA_UNITS}|人|口)?(?![\d.．次户])"
)


@rule(
    code="PL005",
    name="figure-impossible-for-level",
    category=Category.PLAUSIBILITY,
    severity=Severity.WARNING,
    summary="面积或人口超过同级单位可能的范围",
    bad=["全镇总人口320万人，其中流动人口2万人。", "我县总面积48万平方千米。"],
    good=["我镇辖区面积35平方公里，常住人口3.2万人。", "全镇耕地面积2.6万亩，累计服务群众150万人次。"],
)
def figure_impossible_for_level(report: Analysis) -> Iterator[Hit]:
    """本单位的面积或人口超过了全国同级单位的最大值，多是“万”或单位写错。

    ## 检查内容
    “全镇、我乡、本街道、我县、全区、辖区”等说本单位自身的总面积、常住（户籍、总）人口，数值超过全国同级单位的
    上限时报告：乡镇、街道面积6万平方公里、人口150万；县面积25万平方公里、人口300万；区面积25万平方公里、
    人口800万。“辖区”按报告单位的层级判断。面积按平方公里、公顷、亩换算。
    ## 为什么
    全国最大的乡镇面积不到5万平方公里、人口不到百万，人口最多的县约200万。超过上限的数字不可能是真的，
    多是多打了“万”、把“平方公里”写成了别的单位，或把上级单位的数字抄了过来，读者会因此怀疑全文数字。
    ## 示例
    “全镇总人口320万人，其中流动人口2万人。”
    ## 建议写法
    核对统计年鉴后改正，如“全镇总人口3.2万人”。
    ## 误报与局限
    上限取得很宽，只抓明显的笔误（面积、人口略有偏大不报）；“耕地面积”“建筑面积”“服务群众N万人次”等不是
    本单位的总面积、人口，不查；“全市”“全省”的数字不查（市的规模差别太大）；部门报告里说“辖区”的不查。
    """
    text = report.text
    for m in LEVEL_FIGURE_RE.finditer(text):
        if m.group("bare") and m.start() > 0 and text[m.start() - 1] not in "\n。；;，,：:":
            continue  # a bare 县/镇 must open its clause: `某县` is another unit's name
        level = _SCOPE_LEVEL.get(m.group("lvl") or m.group("bare") or "") or _UNIT_LEVEL.get(
            report.unit_level
        )
        if level is None:
            continue
        value = float(m.group("n").replace("．", ".")) * {"万": 1e4, "亿": 1e8}.get(m.group("mult") or "", 1)
        max_area, max_people = LEVEL_LIMITS[level]
        unit = m.group("unit") or ""
        if m.group("what").endswith("面积"):
            if unit not in AREA_KM2:
                continue
            km2 = value * AREA_KM2[unit]
            if km2 > max_area:
                yield Hit(
                    m.start("n"),
                    m.end(),
                    f"“{m.group()}”：面积{_fmt(round(km2))}平方公里，超过全国同级单位的最大值，请核对数字和单位",
                )
        elif unit in ("人", "口") or (m.group("mult") and not unit):
            if value > max_people:
                yield Hit(
                    m.start("n"),
                    m.end(),
                    f"“{m.group()}”：人口{_fmt(round(value))}人，超过全国同级单位的最大值，请核对数字",
                )
