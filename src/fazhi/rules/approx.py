"""Approximate, summing and change words written wrongly (NC007, NC008, NC105-NC107): 余 after a single digit,
约 before an exact count, 余 after an exact count, 均 after a count of one, 下降-5%."""

from __future__ import annotations

import re
from collections.abc import Iterator

from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN_BASIC
from .base import Hit, rule

# `8余次`, `八余场`: 余 ("and more") after a single digit. A digit, a decimal point or a numeral before
# it makes a larger number (`18余次`, `1.8余`…) and is left alone; Chinese numerals count only before a
# measure word, so `其余` `多余` never match.
# Measure words after which a Chinese numeral (or a digit with 多) counts things.
YU_MEASURES = "次件个人名场期家户起元篇条项批轮份所处天"
YU_RE = re.compile(
    rf"(?<![\d.．０-９])(?P<n>[1-9１-９])余(?=[{HAN_BASIC}])"
    r"|(?<![一二三四五六七八九十百千万亿两零〇\d０-９])(?P<c>[一二三四五六七八九两])余"
    rf"(?=[{YU_MEASURES}])"
    # `7多次`: 多 after one digit says the same as 余, but only before a measure word (`3多元化` is no count)
    rf"|(?<![\d.．０-９第])(?P<d>[1-9１-９])多(?=[{YU_MEASURES}])"
)
# `约1234件`: 约 before a count of at least EXACT_MIN_DIGITS digits whose last digit is not 0. Rounded
# figures (`约1200件`), decimals, percentages and 万/亿 amounts (`约12.5万元`) are approximate already.
EXACT_MIN_DIGITS = 3
# The count may be grouped in thousands (`约1,237人次`). 约 ending a word (节约, 签约, 预约, 履约 …) is no
# qualifier: `签约128家企业` is an exact count.
YUE_RE = re.compile(
    r"(?<![节签预履违制契合特公条规集缔解守婚])约(?:为|有|计|合)?"
    rf"(?P<n>\d{{1,3}}(?:[,，]\d{{3}})+|\d{{{EXACT_MIN_DIGITS},}})(?![\d.．%％万亿年]|[,，]\d)"
)


@rule(
    code="NC007",
    name="yu-after-single-digit",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="个位数后面用了“余”",
    bad=["全年开展法治讲座8余次。", "组织集中学法八余场。", "接待群众咨询7多次。"],
    good=["全年开展法治讲座10余次。", "组织集中学法8次，其余时间自学。", "发放资料1.8万余份。"],
    fixable=True,
)
def yu_after_single_digit(report: Analysis) -> Iterator[Hit]:
    """“余”表示比整数略多，不用在个位数后面。

    ## 检查内容
    个位数（1—9、一至九、两，全角数字也算）后面紧跟“余”：“8余次”“八余场”“两余次”；个位数后面紧跟“多”再接量词：“7多次”。
    ## 为什么
    “余”用在整十、整百、整千等概数后面（“10余次”“300余人”）；个位数本身就是确数，“8余次”说不清是8次还是9次，
    统计口径上也无法核对。
    ## 示例
    “全年开展法治讲座8余次。”
    ## 建议写法
    写确数“8次”，或写概数“近10次”。
    ## 误报与局限
    “8余万元”也会报告（应写“8万余元”）；汉字数字和“多”只在后面是量词时检查（“3多元化”不报）。
    """
    for m in YU_RE.finditer(report.text):
        n = m.group("n") or m.group("c") or m.group("d")
        yu = m.group()[-1]
        yield Hit(m.start(), m.end(), f"个位数后不用“{yu}”：“{n}{yu}”应写确数“{n}”，或改写为概数", n)


@rule(
    code="NC008",
    name="yue-before-exact-count",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.INFO,
    summary="“约”后面是精确到个位的数",
    bad=["全年办理行政许可约1234件。", "培训执法人员约315人次。"],
    good=[
        "全年办理行政许可约1200件。",
        "培训执法人员315人次，约占全部人员的12.5%。",
        "约2.3万元",
        "与128家企业签约128个项目，节约1357元。",
    ],
    fixable=True,
)
def yue_before_exact_count(report: Analysis) -> Iterator[Hit]:
    """“约”是概数词，后面的数不应精确到个位。

    ## 检查内容
    “约”后面是三位以上、末位不为0的整数：“约1234件”“约315人次”。
    ## 为什么
    精确到个位的数是统计出来的确数，前面加“约”自相矛盾，读者不知道该信哪一个；确数就不用“约”，
    不确定时写整数概数（“约1200件”）。
    ## 示例
    “全年办理行政许可约1234件。”
    ## 建议写法
    “全年办理行政许可1234件。”或“全年办理行政许可约1200件。”
    ## 误报与局限
    小数、百分数和“万”“亿”为单位的数不查；两位数（“约15人”）不查。“节约”“签约”“预约”“履约”等词末的“约”不是约数词，
    不报（“签约128家企业”）。千位分隔的数（“约1,237人次”）和“约为”“约有”“约计”后面的数也查。
    """
    for m in YUE_RE.finditer(report.text):
        n = re.sub("[,，]", "", m.group("n"))
        if n.endswith("0"):
            continue
        yield Hit(m.start(), m.end(), f"“约”后面是确数{n}：确数不加“约”，概数请写整数", m.group("n"))


# `415余件`: 余 or 多 ("and more") after a count of at least EXACT_MIN_DIGITS digits whose last digit is
# not 0. 余 follows round figures (`400余件`, `1.2万余元`); after 415 it says neither the exact count nor a
# round one. A decimal point or digit before the number, or a 万/亿 after 余, is another reading.
YU_EXACT_RE = re.compile(rf"(?<![\d.．,，])(?P<n>\d{{{EXACT_MIN_DIGITS},}})(?P<w>[余多])(?=[{HAN_BASIC}])")


@rule(
    code="NC105",
    name="yu-after-exact-count",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="精确到个位的数后面用了“余”“多”",
    bad=["全年调解纠纷420余件，调解成功415余件。", "培训执法人员236多人次。"],
    good=[
        "全年调解纠纷420余件，调解成功415件。",
        "培训执法人员200多人次。",
        "发放资料1.2万余份。",
        "共有1500余人参加。",
    ],
    fixable=True,
)
def yu_after_exact_count(report: Analysis) -> Iterator[Hit]:
    """“余”“多”用在整数概数后面，不跟在精确到个位的数后面。

    ## 检查内容
    三位以上、末位不为0的整数后面紧跟“余”或“多”：“415余件”“236多人次”。
    ## 为什么
    “余”“多”表示比整十、整百的数略多（“400余件”“200多人次”）；跟在精确到个位的数后面，既不是确数，
    也不是概数，读者无法核对，与同段的比率、合计也对不上。
    ## 示例
    “全年调解纠纷420余件，调解成功415余件。”
    ## 建议写法
    写确数“调解成功415件”，或写概数“调解成功410余件”。
    ## 误报与局限
    两位数（“15余次”）不查；“万”“亿”为单位的数（“1.2万余元”）不查，小数后面的“余”不查。
    """
    for m in YU_EXACT_RE.finditer(report.text):
        n = m.group("n")
        if n.endswith("0"):
            continue
        yield Hit(
            m.start(),
            m.end(),
            f"“{m.group('w')}”用在整十、整百的概数后面：{n}是确数，应写“{n}”，或改写为概数",
            n,
        )


# `受理复议案件1件，均已办结`: 均/全部/都 sums up several things; after a count of one there is nothing to
# sum. The count is 1 or 一 on its own (not 11, 十一, 0.1), its measure word, at most
# SINGLE_TAIL characters, a comma, then the summing word.
SINGLE_TAIL = 4
ALL_OF_ONE_RE = re.compile(
    r"(?<![\d.．０-９〇○零一二三四五六七八九十百千万两])(?P<n>1|一)"
    rf"(?:件|起|个|人|名|次|场|家|户|宗|份|项)[^，,。；;\n]{{0,{SINGLE_TAIL}}}[，,]\s*(?P<w>均|全部|都)"
)


@rule(
    code="NC106",
    name="all-of-one",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="只有一件（个、人）却说“均”“全部”",
    bad=["全年受理行政复议案件1件，均已依法办结。", "收到行政诉讼案件一件，全部胜诉。"],
    good=[
        "全年受理行政复议案件3件，均已依法办结。",
        "全年受理行政复议案件1件，已依法办结。",
        "受理案件11件，均已办结。",
        "受理案件十一件，均已办结。",
    ],
)
def all_of_one(report: Analysis) -> Iterator[Hit]:
    """只有一件（个、人）的事项，后面却用“均”“全部”“都”总括。

    ## 检查内容
    数量为1（“1件”“一件”）的计数之后，同一分句结束、下一分句以“均”“全部”“都”开头（“案件1件，均已办结”）。
    ## 为什么
    “均”“全部”“都”总括两个以上的对象；只有一件时用它们，说明数字或措辞有一处不对——常见于套用往年
    模板时只改了数字。
    ## 示例
    “全年受理行政复议案件1件，均已依法办结。”
    ## 建议写法
    “全年受理行政复议案件1件，已依法办结。”（或核对数字）
    ## 误报与局限
    “均”总括的不是前面的计数、而是另一组对象时也会报告；只查紧随计数的下一个分句。
    """
    for m in ALL_OF_ONE_RE.finditer(report.text):
        yield Hit(
            m.start("n"),
            m.end("w"),
            f"只有{m.group('n')}件（个），不宜用“{m.group('w')}”总括，请核对数字或措辞",
        )


# `同比下降-5%`: a verb of change followed by a negative number says the change twice (下降 already
# gives the sign), and 增长-5% reads as its opposite. Only the hyphen and minus marks are taken as a
# sign: a dash (—) after the verb is punctuation.
UP_WORDS = "增长|增加|提高|上升|提升"
DOWN_WORDS = "下降|减少|降低"
SIGNED_CHANGE_RE = re.compile(
    rf"(?P<verb>{UP_WORDS}|{DOWN_WORDS})了?\s*(?P<sign>[-－−])\s*(?P<n>\d+(?:[.．]\d+)?)"
)


@rule(
    code="NC107",
    name="negative-number-after-change-verb",
    category=Category.NUMBER_CONSISTENCY,
    severity=Severity.WARNING,
    summary="“增长”“下降”后面的数字带了负号",
    bad=["行政复议案件同比下降-12.5%。", "受理量同比增长-3%。"],
    good=["行政复议案件同比下降12.5%。", "受理量同比减少3%。", "增幅为-3%。"],
    fixable=False,
)
def negative_number_after_change_verb(report: Analysis) -> Iterator[Hit]:
    """表示增减的动词后面的数字又带了负号，增减方向说了两遍或前后矛盾。

    ## 检查内容
    “增长”“增加”“提高”“上升”“提升”“下降”“减少”“降低”后面紧接带负号的数字（“下降-12.5%”“增长-3%”）。
    ## 为什么
    动词已经表明了增减方向，数字应写绝对值：“下降-12.5%”字面上是“上升12.5%”，“增长-3%”实为下降，
    读者无法确定实际方向；多是从统计报表复制带符号的数字时没有改写。
    ## 示例
    “行政复议案件同比下降-12.5%。”
    ## 建议写法
    “行政复议案件同比下降12.5%。”（“增长-3%”改为“下降3%”）
    ## 误报与局限
    只看紧跟在动词后的负号；“增幅为-3%”这类不用增减动词的写法不报。
    """
    for m in SIGNED_CHANGE_RE.finditer(report.text):
        verb, n = m.group("verb"), m.group("n")
        down = verb in DOWN_WORDS.split("|")
        how = f"应写“{verb}{n}”" if down else f"实为下降，应写“下降{n}”"
        yield Hit(m.start(), m.end(), f"“{verb}”后面的数字不应带负号：{how}")
