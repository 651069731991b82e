"""Number-format rules (FM): GB/T 15835-2011 usage of numbers and dates, and GB/T 15834 marks in
numbers — only the forms that are certainly wrong."""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib import resources

from .. import furniture
from ..analysis import Analysis
from ..model import Category, Severity
from ..text import HAN_BASIC
from .base import Hit, rule

# Hyphen-like marks typed where a 一字线 belongs. The wave dash `～` is left alone: it is the mark for
# numeric ranges and some writers use it for years too, so it is not certainly wrong.
HYPHENS = r"\-－–‐‑"  # escaped: it goes inside character classes
# Every pattern of this module starts with a character class and checks what precedes it with a
# lookbehind placed after that class: the regex engine then skips ahead to candidate characters.
YEAR_RANGE_RE = re.compile(
    rf"((?:19|20)(?<![\d.]..)\d\d)(年?)\s*[{HYPHENS}]\s*((?:19|20)\d\d)(?=\s*(?:年|[）)]))"
)
MONTH_RANGE_RE = re.compile(rf"(\d(?<![\d.{HYPHENS}]\d)\d?)\s*[{HYPHENS}]\s*(\d\d?)(?=月)")
DAY_RANGE_RE = re.compile(rf"(\d(?<=月\d)\d?)\s*[{HYPHENS}]\s*(\d\d?)(?=日)")
# A range longer than this many years is not a plan period (more likely a typo or a code).
MAX_YEAR_SPAN = 30


@rule(
    code="FM001",
    name="time-range-hyphen",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="时间起止用了连字符，应用一字线“—”",
    bad=[
        "根据《法治政府建设实施纲要（2021-2025年）》要求。",
        "2023年1-6月共办理案件12件。",
        "2021年-2025年规划",
    ],
    good=[
        "根据《法治政府建设实施纲要（2021—2025年）》要求。",
        "电话023-46781234，罚款1.2万元。",
        "增长率为3-5个百分点。",
        "编号2021-0045的文件。",
        "根据《法治政府建设实施纲要(2021-2025年)》要求,全年办理案件12件,调解纠纷30件。",
    ],
    fixable=True,
)
def time_range_hyphen(report: Analysis) -> Iterator[Hit]:
    """标示时间起止的连字符“-”应为一字线“—”。

    ## 检查内容
    年份起止（2021-2025年、（2021-2025）、2021年-2025年）、月份起止（1-6月）、日期起止（3月5-8日）中的
    半角或全角连字符、短横线。
    ## 为什么
    GB/T 15834-2011 第4.13.3.2条：标示时间、地域的起止用一字线“—”；短横线“-”用于化合物名称、产品型号、
    电话号码等。规范性文件名称中的年份更要写对，如《法治政府建设实施纲要（2021—2025年）》。
    ## 示例
    “《法治政府建设实施纲要（2021-2025年）》”。
    ## 建议写法
    “《法治政府建设实施纲要（2021—2025年）》”。
    ## 误报与局限
    只检查后接“年”“月”“日”或括号的起止；浪纹线“～”不报；电话号码、文件编号等不受影响。
    通篇用半角标点（逗号多为半角）的文本里，半角“-”属于整篇半角输入的问题（见 PU001），不单独报告，
    除非同一篇里别处的起止写了一字线。
    """
    text = report.text
    half_width = _half_width_typed(text)
    for m in YEAR_RANGE_RE.finditer(text):
        a, b = int(m.group(1)), int(m.group(3))
        if half_width and "-" in m.group():
            continue  # part of the half-width typing PU001 reports (or of a web archive's conversion)
        if 0 < b - a <= MAX_YEAR_SPAN:
            fix = f"{m.group(1)}{m.group(2)}—{m.group(3)}"
            yield Hit(m.start(), m.end(), "年份起止应使用一字线“—”", fix)
    for rx, unit in ((MONTH_RANGE_RE, "月份"), (DAY_RANGE_RE, "日期")):
        for m in rx.finditer(text):
            a, b = int(m.group(1)), int(m.group(2))
            if half_width and "-" in m.group():
                continue
            if 0 < a < b <= (12 if rx is MONTH_RANGE_RE else 31):
                yield Hit(m.start(), m.end(), f"{unit}起止应使用一字线“—”", f"{m.group(1)}—{m.group(2)}")


# A text whose commas are mostly half-width was typed (or converted by a web archive) in half-width
# punctuation: its ASCII hyphens belong to that, unless it also writes a range with a dash somewhere.
DASH_RANGE_RE = re.compile(r"\d{4}\s*年?\s*[—–]\s*\d{4}")


def _half_width_typed(text: str) -> bool:
    return text.count(",") > text.count("，") and not DASH_RANGE_RE.search(text)


MONTH_DAY_RE = re.compile(r"(\d(?<![\d.．·]\d)\d?)[.．](\d\d?)(?![\d.．%])")
# `315消费者权益日`, `“315”`: a month and day written without any mark (three or four digits).
BARE_MONTH_DAY_RE = re.compile(r"(?<![\d.．·])(\d{3,4})(?![\d.．%])")
# Service numbers that name campaigns as they are dialled (`119消防宣传月`, `122交通安全`), not dates.
SERVICE_NUMBERS = frozenset({"110", "119", "120", "122", "12315", "12345", "12348"})
# A decimal is followed by a unit or measure word; a date name never starts with one.
UNIT_CHARS = set("万亿千百十个倍元角分秒时天年月日周号期名人户家所项条份起余多米吨亩克里股台辆位场批次件")
# How far after `月.日` (in Han characters) the name of the day may start (5·12 汶川地震).
DAY_NAME_GAP = 3


@lru_cache(maxsize=1)
def _day_name_re() -> re.Pattern:
    """The words that open a day's or event's name, from data/punct/day_names.txt."""
    src = resources.files("fazhi.data").joinpath("punct/day_names.txt").read_text(encoding="utf-8")
    words = [w.strip() for w in src.splitlines() if w.strip() and not w.startswith("#")]
    alternatives = "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
    return re.compile(rf"[”\"]?\s*[{HAN_BASIC}]{{0,{DAY_NAME_GAP}}}?(?:{alternatives})")


@rule(
    code="FM002",
    name="month-day-interpunct",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="以月日命名的纪念日、事件应用间隔号“·”",
    bad=["开展“12.4宪法宣传日”活动。", "组织6.26国际禁毒日宣传。", "结合“315”消费者权益日开展宣传。"],
    good=[
        "开展“12·4”国家宪法日活动。",
        "罚款1.2万元，增长12.4%，提高3.5个百分点。",
        "人均办理6.26件。",
        "结合“3·15”国际消费者权益日，发放资料315份。",
    ],
    fixable=True,
)
def month_day_interpunct(report: Analysis) -> Iterator[Hit]:
    """以月日命名的节日、纪念日、事件，月与日之间用了句点。

    ## 检查内容
    紧接纪念日、节日、事件名称的“月.日”（12.4宪法宣传日、6.26国际禁毒日），以及月日之间什么符号都没有的
    “315消费者权益日”“‘315’宣传活动”（110、119、120、122 是服务电话号码，“119消防宣传月”等不报）。
    ## 为什么
    GB/T 15834-2011 第4.16.3.3条、GB/T 15835-2011：以月日命名的节日、纪念日和事件，月与日之间用间隔号，
    如“12·4”国家宪法日；句点会被误读为小数。
    ## 示例
    “结合“12.4宪法宣传日”等重要时间节点”。
    ## 建议写法
    “结合“12·4”国家宪法日等重要时间节点”，或“结合12·4宪法宣传日……”。
    ## 误报与局限
    只在后面几个字内出现“宪法”“禁毒”“纪念”“事件”等纪念日、事件名称用词（data/punct/day_names.txt）时才报；
    小数（1.2万元、12.4%、8.7的同时）不报。
    """
    text = report.text
    for m in MONTH_DAY_RE.finditer(text):
        month, day = int(m.group(1)), int(m.group(2))
        if not (1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]):
            continue
        if text[m.end() : m.end() + 1] in UNIT_CHARS or not _day_name_re().match(text, m.end()):
            continue
        yield Hit(m.start(), m.end(), "以月日命名的纪念日、事件，月日之间用间隔号“·”", f"{month}·{day}")
    for m in BARE_MONTH_DAY_RE.finditer(text):
        if text[m.end() : m.end() + 1] in UNIT_CHARS or not _day_name_re().match(text, m.end()):
            continue
        digits = m.group(1)
        if digits in SERVICE_NUMBERS:
            continue
        readings = [
            (int(digits[:k]), int(digits[k:])) for k in (1, 2) if k < len(digits) and digits[k] != "0"
        ]
        readings = [(a, b) for a, b in readings if 1 <= a <= 12 and 1 <= b <= calendar.monthrange(2024, a)[1]]
        if not readings:
            continue
        fix = f"{readings[0][0]}·{readings[0][1]}" if len(readings) == 1 else None
        msg = "以月日命名的纪念日、事件，月日之间用间隔号“·”" + (f"：应为“{fix}”" if fix else "")
        yield Hit(m.start(), m.end(), msg, fix)


# `23年` reads as a year only before these words (year-end, first half, month …).
SHORT_YEAR_RE = re.compile(
    r"(\d(?<![\d.A-Za-z第近约]\d)\d)年(?=度|底(?![线子])|初(?![步见具创])|末|[上下]半年|全年"
    r"|第?[一二三四1-4]季度|(?:1[0-2]|[1-9])月)"
)
# A short year is taken for 20xx only this close to the report's year (annual reports look back a few
# years at most); without a known year, only 2015–2035.
SHORT_YEAR_WINDOW = 5
SHORT_YEAR_RANGE = (15, 35)


@rule(
    code="FM003",
    name="short-year",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="年份没有写全（23年应为2023年）",
    bad=["23年底共化解矛盾纠纷120件。", "截至24年6月，已办理案件12件。"],
    good=["2023年底共化解矛盾纠纷120件。", "扎根基层工作23年，从事调解18年。"],
    fixable=True,
)
def short_year(report: Analysis) -> Iterator[Hit]:
    """年份用两位数简写（23年底、24年6月）。

    ## 检查内容
    两位数字加“年”且后接“度”“底”“初”“末”“上半年”“全年”“季度”或月份，明显是年份的简写。
    ## 为什么
    GB/T 15835-2011 第5.2.1条：年份不应简写，“2023年”不能写作“23年”；公文中简写年份会造成歧义。
    ## 示例
    “23年底共化解矛盾纠纷120件”。
    ## 建议写法
    “2023年底共化解矛盾纠纷120件”。
    ## 误报与局限
    “工作23年”等表示年数的写法不报；只把与报告年度相近的两位数补成20××年。
    """
    text = report.text
    for m in SHORT_YEAR_RE.finditer(text):
        year = 2000 + int(m.group(1))
        ref = report.year
        if ref is not None and abs(year - ref) > SHORT_YEAR_WINDOW:
            continue
        if ref is None and not SHORT_YEAR_RANGE[0] <= int(m.group(1)) <= SHORT_YEAR_RANGE[1]:
            continue
        yield Hit(m.start(), m.end(), f"年份应写全：“{year}年”", f"{year}年")


# A document number is 机关代字〔年份〕序号号 (GB/T 9704-2012 §7.2.4): 六角括号, number unpadded.
DOC_NO_RE = re.compile(
    rf"([\[【（(﹝〈{{〔](?<=[{HAN_BASIC}].)\s*)((?:19|20)\d\d)(\s*[\]】）)﹞〉}}〕])(\d{{1,5}})号"
)


@rule(
    code="FM004",
    name="document-number-format",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="发文字号的年份未用六角括号或序号编了虚位",
    bad=["根据解政[2023]4号文件要求。", "按照荣委发（2022）18号通知。", "依据区府发〔2023〕04号。"],
    good=["根据解政〔2023〕4号文件要求。", "（2023）渝0153行初12号判决。"],
    fixable=True,
)
def document_number_format(report: Analysis) -> Iterator[Hit]:
    """发文字号的年份没有用六角括号“〔〕”，或发文顺序号前加了“0”。

    ## 检查内容
    机关代字后紧接方括号、方头括号、圆括号括起的年份再接序号和“号”（解政[2023]4号、荣委发（2022）18号），
    以及序号前的虚位“0”（〔2023〕04号）。
    ## 为什么
    GB/T 9704-2012 第7.2.4条：发文字号由发文机关代字、年份、发文顺序号组成；年份用六角括号“〔〕”括入，
    发文顺序号不加“第”字，不编虚位（即1不编为01）。
    ## 示例
    “根据解政[2023]4号文件要求”。
    ## 建议写法
    “根据解政〔2023〕4号文件要求”。
    ## 误报与局限
    只检查“代字+括号年份+序号+号”的完整格式；法院案号（（2023）渝0153行初12号）使用圆括号，不报。
    """
    text = report.text
    for m in DOC_NO_RE.finditer(text):
        seq = m.group(4)
        fix = f"〔{m.group(2)}〕{int(seq)}号"
        if m.group(1).strip() == "〔" and m.group(3).strip() == "〕":
            if not seq.startswith("0"):
                continue
            msg = "发文顺序号不编虚位：应为“" + fix + "”"
        else:
            msg = "发文字号中的年份应使用六角括号“〔〕”"
        yield Hit(m.start(), m.end(), msg, fix)


DATE_RE = re.compile(r"((?:19|20)(?<!\d..)\d\d)年(\d{1,2})月(?:(\d{1,2})日)?")


@rule(
    code="FM005",
    name="date-zero-padding",
    category=Category.FORMAT,
    severity=Severity.INFO,
    summary="汉字日期中的月、日前加了“0”",
    bad=["2024年01月16日", "会议于2023年3月05日召开。"],
    good=["2024年1月16日", "会议于2023年10月15日召开。"],
    fixable=True,
)
def date_zero_padding(report: Analysis) -> Iterator[Hit]:
    """用“年月日”书写的日期，月或日前加了补位的“0”。

    ## 检查内容
    “2024年01月16日”“2023年3月05日”一类写法。
    ## 为什么
    GB/T 15835-2011 和 GB/T 9704-2012 第7.3.5.2条：成文日期等用阿拉伯数字将年、月、日标全，月、日不编虚位
    （即1不编为01）。
    ## 示例
    “2024年01月16日”。
    ## 建议写法
    “2024年1月16日”。
    ## 误报与局限
    “2024-01-16”这类按 GB/T 7408 书写的日期不报；网页的发布时间（“发布时间：2025年03月28日 10:28”，
    带时分或带“发布日期”“更新时间”等标签的日期）是网页附属信息，不是报告的日期，不报。
    """
    for m in DATE_RE.finditer(report.text):
        month, day = m.group(2), m.group(3)
        if not (month.startswith("0") or (day or "").startswith("0")):
            continue
        if furniture.is_web_timestamp_at(report.text, m.start(), m.end()):
            continue
        fix = f"{m.group(1)}年{int(month)}月" + (f"{int(day)}日" if day else "")
        yield Hit(m.start(), m.end(), f"月、日前不加“0”：应为“{fix}”", fix)
