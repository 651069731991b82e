"""Slips no term table holds (TY013, TY014, PL003, PU009, PU010, TE103): a particle typed twice (的的, 了了),
a year in the body without 年 (2024以来), a date or period that cannot exist (2月30日, a backward year
range), a law's full name without book-title marks, a 顿号 before 等 or a conjunction, a five-year plan
with another period's years."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import cache

from ..analysis import Analysis
from ..model import Category, Severity
from . import kinds
from .base import Hit, rule

# `的的` and `了了` where neither can belong to a word. 的 ends words (目的, 标的) and
# opens 的确; 了 ends 为了/除了/不了 and opens 了解/了结/了然/了如指掌: a doubled mark next to those
# can be a word and a particle side by side (达到目的的, 为了了解), so it is left alone.
DOUBLED_PARTICLE_RE = re.compile(
    r"(?<![目标])的的(?![确])"
    r"|(?<![为除不罢未])了了(?![解结然如之却])"
)


@rule(
    code="TY013",
    name="doubled-particle",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="助词“的”“了”连写了两个",
    bad=["全面提升了了基层治理水平。", "形成了良好的的法治氛围。"],
    good=[
        "全面提升了基层治理水平。",
        "达到以案释法的目的的同时，注重宣传效果。",
        "为了了解群众需求，开展入户走访。",
        "的的确确做到了执法为民。",
        "不了了之的现象得到纠正。",
    ],
    fixable=True,
)
def doubled_particle(report: Analysis) -> Iterator[Hit]:
    """助词“的”或“了”紧接着写了两个。

    ## 检查内容
    连写的“的的”“了了”，且前后的字不能与其中一个字组成词语。
    ## 为什么
    多由输入法连击或改稿时删字不净造成；公文中助词不叠用，“形成了良好的的氛围”读来是明显的
    排印差错。
    ## 示例
    “全面提升了了基层治理水平。”“形成了良好的的法治氛围。”
    ## 建议写法
    “全面提升了基层治理水平。”“形成了良好的法治氛围。”
    ## 误报与局限
    “目的的”“标的的”（词末的“的”后再接助词）、“的的确确”、“为了了解”“除了了解”“不了了之”等词语相连的
    情形不报；其他以“的”“了”收尾的词语（如“端的”）后再接助词时可能误报，这类写法在报告中罕见。
    """
    text = report.text
    for m in DOUBLED_PARTICLE_RE.finditer(text):
        yield Hit(m.start(), m.end(), f"“{m.group()[0]}”连写了两个，删去一个", m.group()[0])


# A date written with arabic numerals: an optional four-digit year, the month, and the day. A digit or
# a decimal point before the month (`1.3月`) or the day range's dash (`3月5-8日`, FM001's) is no date.
DATE_RE = re.compile(r"(?:(?<![\d.])((?:19|20)\d\d)年)?(?<![\d.\-－—–~～])(\d{1,2})月(\d{1,2})日")
# A month given with its year but no day (`2024年13月`).
YEAR_MONTH_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)年(\d{1,2})月(?!\d)")
# A year range `2025—2021年`, `（2025-2021年）`: four-digit years joined by a dash, tilde or 至, the
# second one followed by 年 or a closing bracket (so that numbers of another kind are left alone).
YEAR_RANGE_RE = re.compile(r"(?<![\d.])((?:19|20)\d\d)年?\s*[—–\-－~～至到]\s*((?:19|20)\d\d)(?=年|[）)])")
# The days of February when the year is not given: 29 may be right (a leap year).
FEB_MAX_UNKNOWN_YEAR = 29
MONTHS = 12
# How far before a date 农历 (the lunar calendar, whose months have 29 or 30 days) may stand.
LUNAR_LOOKBACK = 6


@rule(
    code="PL003",
    name="impossible-date",
    category=Category.PLAUSIBILITY,
    severity=Severity.ERROR,
    summary="日期或年份区间不可能存在",
    bad=[
        "于2024年2月30日召开专题会议。",
        "6月31日前完成清理。",
        "2023年13月印发实施方案。",
        "落实《法治政府建设实施纲要（2025—2021年）》。",
        "2023年2月29日组织培训。",
    ],
    good=[
        "于2024年2月29日召开专题会议。",
        "6月30日前完成清理。",
        "2023年12月印发实施方案。",
        "落实《法治政府建设实施纲要（2021—2025年）》。",
        "3月5-8日开展集中培训。",
        "共12月份数据。",
    ],
)
def impossible_date(report: Analysis) -> Iterator[Hit]:
    """日期写成了日历上没有的日子，或年份区间起止颠倒。

    ## 检查内容
    用阿拉伯数字书写的日期：月份为0或大于12（“13月”），日为0或超过当月天数（“2月30日”“6月31日”），
    写明年份时按平年、闰年核对2月29日（“2023年2月29日”）；年份区间的终止年早于起始年（“2025—2021年”）。
    ## 为什么
    日期和年份区间是核对工作进度和文件效力的依据，日历上不存在的日期说明数字录入有误，
    读者无法判断实际是哪一天、哪几年。
    ## 示例
    “于2024年2月30日召开专题会议。”“《法治政府建设实施纲要（2025—2021年）》”
    ## 建议写法
    按会议记录、文件核对后改正，如“2024年2月29日”“（2021—2025年）”。
    ## 误报与局限
    注明“农历”的日期不查（农历的月份有30天）；只看阿拉伯数字日期；汉字日期（二〇二四年二月三十日）和只写月份、没有年份也没有日的数字不查；
    日期区间（“3月5-8日”）由格式规则检查连接号，本规则不看。
    """
    text = report.text
    for m in DATE_RE.finditer(text):
        if "农历" in text[max(0, m.start() - LUNAR_LOOKBACK) : m.start()]:
            continue  # a lunar month may have 30 days (农历2月30日)
        year = int(m.group(1)) if m.group(1) else None
        month, day = int(m.group(2)), int(m.group(3))
        why = _bad_day(year, month, day)
        if why:
            yield Hit(m.start(), m.end(), f"日期“{m.group()}”不存在：{why}")
    for m in YEAR_MONTH_RE.finditer(text):
        month = int(m.group(2))
        if (month < 1 or month > MONTHS) and not DATE_RE.match(text, m.start()):
            yield Hit(m.start(), m.end(), f"日期“{m.group()}”不存在：月份应为1至12")
    for m in YEAR_RANGE_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        if b < a:
            yield Hit(m.start(), m.end(), f"年份区间起止颠倒：终止年{b}早于起始年{a}，请核对")


def _bad_day(year: int | None, month: int, day: int) -> str:
    """Why month/day (of year, when known) is no day of the calendar, or ""."""
    if month < 1 or month > MONTHS:
        return "月份应为1至12"
    if year is not None:
        last = calendar.monthrange(year, month)[1]
    else:
        last = FEB_MAX_UNKNOWN_YEAR if month == 2 else calendar.monthrange(2001, month)[1]
    if day < 1 or day > last:
        if month == 2 and day == 29 and year is not None:
            return f"{year}年不是闰年，2月只有28天"
        return f"{month}月只有{last}天"
    return ""


# `2024法治政府建设`, `2024以来`, `2024全年`: a year in the body followed by what only a year (with its 年)
# can precede. A count before these words does not occur (`2024工作日` aside, which the words exclude).
BODY_BARE_YEAR_RE = re.compile(
    r"(?<![\d〔\[（(.．/\-－—–~～])(20[0-4]\d)"
    r"(?=法治|依法|工作(?!日)|全年|度|以来|上半年|下半年|至今|第?[一二三四]季度|[底初末](?![件次人名个]))"
)


@rule(
    code="TY014",
    name="year-without-nian",
    category=Category.TYPO,
    severity=Severity.WARNING,
    summary="正文中的年份后缺“年”字",
    bad=[
        "2024以来，全镇开展法治宣传12场。",
        "现将2024法治政府建设情况报告如下。",
        "2024全年共办理案件36件。",
    ],
    good=[
        "2024年以来，全镇开展法治宣传12场。",
        "现将2024年法治政府建设情况报告如下。",
        "2024年度共办理案件36件。",
        "发文字号为〔2024〕3号。",
        "全年共有2024工作日数据。",
    ],
    fixable=True,
)
def year_without_nian(report: Analysis) -> Iterator[Hit]:
    """正文中的年份后面缺少“年”字。

    ## 检查内容
    四位年份后面直接接“以来”“全年”“度”“上半年”“法治”“依法”“工作”等只能跟在“某年”后面的词语：
    “2024以来”“2024全年”“2024法治政府建设”“2024度”。
    ## 为什么
    年份写作“2024年”“2024年度”；漏打“年”字是录入差错，“2024度”还会被误读为数字。
    ## 示例
    “2024以来，全镇开展法治宣传12场。”
    ## 建议写法
    “2024年以来，全镇开展法治宣传12场。”
    ## 误报与局限
    只查后面是上述词语的四位数（2000—2049）；标题中的年份由 TY012 检查，本规则不重复报告；
    发文字号、日期区间中的年份不查。
    """
    text = report.text
    title = report.title_span or (0, 0)
    for m in BODY_BARE_YEAR_RE.finditer(text):
        if title[0] <= m.start() < title[1]:
            continue
        yield Hit(m.start(), m.end(), f"年份应写作“{m.group(1)}年”", f"{m.group(1)}年")


FULL_PREFIX = "中华人民共和国"
# What may follow a law's name inside one title (`行政复议法实施条例`).
TITLE_TAILS = ("实施条例", "实施细则", "实施办法", "修正案")
# Regulations of the State Council whose full name also opens with 中华人民共和国.
FULL_NAMED_REGULATIONS = ("政府信息公开条例", "道路交通安全法实施条例")


@cache
def _full_name_re() -> re.Pattern:
    names = {row[0] for row in kinds.rows("laws.txt")} | set(FULL_NAMED_REGULATIONS)
    alt = "|".join(sorted((re.escape(n) for n in names), key=len, reverse=True))
    tail = "|".join(TITLE_TAILS)
    return re.compile(rf"{FULL_PREFIX}(?:{alt})(?:{tail})?")


@rule(
    code="PU009",
    name="law-title-without-book-marks",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="法律、法规的全称没有加书名号",
    bad=["认真学习中华人民共和国行政处罚法，规范执法行为。", "依照中华人民共和国政府信息公开条例办理。"],
    good=[
        "认真学习《中华人民共和国行政处罚法》，规范执法行为。",
        "依照《中华人民共和国政府信息公开条例》办理。",
        "印发《关于学习〈中华人民共和国民法典〉的通知》。",
        "编印《中华人民共和国民法典学习读本》。",
    ],
    fixable=True,
)
def law_title_without_book_marks(report: Analysis) -> Iterator[Hit]:
    """法律、行政法规的全称（“中华人民共和国××法”）写在正文中，没有加书名号。

    ## 检查内容
    以“中华人民共和国”开头的法律全称（规则表 laws.txt 所收的法律）和少数以此开头的行政法规全称
    （政府信息公开条例），前后没有书名号《》或〈〉。
    ## 为什么
    GB/T 15834—2011 第4.15条：书名、篇名、报刊名、文件名等用书名号标示，法律法规的名称是文件名；
    全称不加书名号，读者分不清这是在引用法律文本还是泛指。
    ## 示例
    “认真学习中华人民共和国行政处罚法，规范执法行为。”
    ## 建议写法
    “认真学习《中华人民共和国行政处罚法》，规范执法行为。”
    ## 误报与局限
    只查全称：简称（“宪法”“民法典”）在报告中常作概念使用（“宪法宣传周”“学习民法典”），不报；
    不在表中的法律、地方性法规和党内法规的名称不查。
    """
    text = report.text
    for m in _full_name_re().finditer(text):
        head = text[text.rfind("\n", 0, m.start()) + 1 : m.start()]
        if head.count("《") > head.count("》") or head.count("〈") > head.count("〉"):
            continue  # inside a title (`《学习中华人民共和国民法典的体会》`)
        if text[m.end() : m.end() + 1] in ("》", "〉"):
            continue  # the opening mark is missing: PU002's
        yield Hit(m.start(), m.end(), f"法律法规名称应加书名号：“《{m.group()}》”", f"《{m.group()}》")


# The five-year periods named by ordinal: the national plans (十三五 …) and the legal-education plans
# (七五普法 …). A bracketed year range right after the name must be the period's.
FIVE_YEAR_PERIODS = {
    "十二五": (2011, 2015),
    "十三五": (2016, 2020),
    "十四五": (2021, 2025),
    "十五五": (2026, 2030),
    "六五": (2011, 2015),
    "七五": (2016, 2020),
    "八五": (2021, 2025),
    "九五": (2026, 2030),
}
# How many characters may stand between the name and its bracketed years (`“八五”普法规划（…）`).
PLAN_YEARS_GAP = 12
PLAN_YEARS_RE = re.compile(
    rf"(?P<name>十[二三四五]五|(?<![十\d〇○零一二三四五六七八九])[六七八九]五)(?P<gap>[”\"’]?[^（(，,。；;：:、\n“”]{{0,{PLAN_YEARS_GAP}}}?)"
    r"[（(](?P<a>(?:19|20)\d\d)年?\s*[—–\-－~～至]\s*(?P<b>(?:19|20)\d\d)年?[）)]"
)


@rule(
    code="TE103",
    name="five-year-plan-years",
    category=Category.TERMINOLOGY,
    severity=Severity.WARNING,
    summary="“十四五”“八五”普法等五年规划的年份区间写错",
    bad=["落实“八五”普法规划（2020—2025年）。", "编制“十四五”法治政府建设规划（2020-2025年）。"],
    good=[
        "落实“八五”普法规划（2021—2025年）。",
        "编制“十四五”法治政府建设规划（2021-2025年）。",
        "总结“七五”普法（2016—2020年）经验。",
    ],
)
def five_year_plan_years(report: Analysis) -> Iterator[Hit]:
    """以序数命名的五年规划（“十四五”“八五”普法等）后面的年份区间与该五年不符。

    ## 检查内容
    “十二五”至“十五五”（2011—2030年）和“六五”至“九五”普法后面不超过12个字内、括号中的年份区间，
    与该五年的起止年不同（“八五”普法为2021—2025年，“十四五”为2021—2025年）。
    ## 为什么
    五年规划的起止年是固定的；写错年份会让人误以为引用了另一份规划，常见的是把起始年写成前一年
    （“2020—2025年”）。
    ## 示例
    “落实“八五”普法规划（2020—2025年）。”
    ## 建议写法
    “落实“八五”普法规划（2021—2025年）。”
    ## 误报与局限
    只看名称后面紧跟的括号；名称与年份之间隔了标点或超过12个字时不查。“六五”至“九五”也是
    国民经济和社会发展计划的旧称（1981—2000年），这里按普法规划理解：所述年份在2000年以前的不报。
    """
    text = report.text
    for m in PLAN_YEARS_RE.finditer(text):
        first, last = FIVE_YEAR_PERIODS[m.group("name")]
        a, b = int(m.group("a")), int(m.group("b"))
        if (a, b) == (first, last) or max(a, b) <= 2000:
            continue
        yield Hit(
            m.start("a"),
            m.end("b"),
            f"“{m.group('name')}”的年份区间是{first}—{last}年，这里写作{a}—{b}年，请核对",
        )


# `宪法、民法典、等法律`, `培训、以及考试`: a 顿号 right before the 等 that closes a list or before a
# conjunction joining its last item. 等 in words (等级, 等同, 等于 …) and 及 in 及时, 及早, 及格 are no such
# words; 和 is left out (`平安、和谐`).
COMMA_BEFORE_CONJ_RE = re.compile(r"、\s*(?P<w>等(?![级同于待候量额次])|以及|及(?![时早格第])|或者)")


@rule(
    code="PU010",
    name="enumeration-comma-before-conjunction",
    category=Category.PUNCTUATION,
    severity=Severity.WARNING,
    summary="“等”或连词“以及”“及”“或者”前面用了顿号",
    bad=["学习宪法、民法典、等法律法规。", "开展执法检查、以及案卷评查。", "由司法所、或者律师事务所承办。"],
    good=[
        "学习宪法、民法典等法律法规。",
        "开展执法检查以及案卷评查。",
        "开展巡查、及时处置。",
        "开展评估、等级评定。",
    ],
    fixable=True,
)
def comma_before_conjunction(report: Analysis) -> Iterator[Hit]:
    """列举的最后用了“等”或连词，前面却还有顿号。

    ## 检查内容
    顿号后面紧接着“等”（“民法典、等法律法规”）或连接最后一项的连词“以及”“及”“或者”（“检查、以及评查”）。
    ## 为什么
    GB/T 15834—2011 第4.5.3.5条：并列成分之间用了“和”“及”“或”等连词时，连词前不用顿号；“等”表示列举
    未尽，紧跟在最后一项后面，前面也不用顿号。
    ## 示例
    “学习宪法、民法典、等法律法规。”
    ## 建议写法
    “学习宪法、民法典等法律法规。”
    ## 误报与局限
    “及时”“及早”“及格”“等级”“等同”等词语开头的“及”“等”不报；“和”“与”前的顿号不查（“平安、和谐”
    中的“和”是词的一部分，无法只凭字形区分）。
    """
    for m in COMMA_BEFORE_CONJ_RE.finditer(report.text):
        yield Hit(m.start(), m.start("w"), f"“{m.group('w')}”前不用顿号", "")
