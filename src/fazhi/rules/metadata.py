"""Metadata rules (MD), the signing date's form (FM1xx) and deadlines (TM): title, signature, date."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import date

from ..analysis import Analysis
from ..config import Config
from ..model import Category, Severity
from .base import Hit, rule

_BODY = "一、主要举措和成效\n全年开展会前学法12次。\n二、存在的不足和原因\n执法力量不足。\n三、下一年度主要安排\n继续努力。"
_TITLE = "关于2023年法治政府建设情况的报告\n"
_SIGNED = "\n某某县司法局\n2024年1月16日"


@rule(
    code="MD001",
    name="missing-title",
    category=Category.METADATA,
    severity=Severity.ERROR,
    summary="报告缺少标题",
    bad=["区委、区政府：\n" + _BODY + _SIGNED, _BODY],
    good=[
        _TITLE + _BODY + _SIGNED,
        "某某县司法局关于2023年度法治政府建设情况的报告\n" + _BODY,
        "| 标题：某某镇关于2023年法治政府建设情况的报告 |\n发布日期：2024-02-01\n" + _BODY,
    ],
)
def missing_title(report: Analysis) -> Iterator[Hit]:
    """报告开头没有标题。

    ## 检查内容
    文首几行中找不到“关于……法治政府建设……的报告”一类标题。
    ## 为什么
    标题是公文的必备要素，公开发布和归档都要靠它识别报告。网页转存时标题常被丢掉。
    ## 示例
    全文从“区委、区政府：”开始。
    ## 建议写法
    补上标题：“××镇关于2023年法治政府建设情况的报告”。
    ## 误报与局限
    标题若不含“法治”“依法”“报告”等字样，可能识别不到。网页本身显示了标题（网页标题、信息栏的“标题”一行）
    而正文没有重复时不报：发布的报告有标题。
    """
    if report.title_span is None and not report.title_from_page:
        inferred = f"（文件名所示标题为“{report.inferred_title}”）" if report.inferred_title else ""
        yield Hit(None, None, f"报告缺少标题{inferred}")


@rule(
    code="MD002",
    name="missing-signing-date",
    category=Category.METADATA,
    severity=Severity.WARNING,
    summary="报告末尾缺少成文日期",
    bad=[_TITLE + _BODY, _TITLE + _BODY + "\n某某县司法局"],
    good=[_TITLE + _BODY + _SIGNED, _TITLE + _BODY + "\n某某县司法局\n二〇二四年一月十六日"],
)
def missing_signing_date(report: Analysis) -> Iterator[Hit]:
    """报告末尾没有成文日期。

    ## 检查内容
    落款处（全文最后几行）没有单独成行的“××××年×月×日”。
    ## 为什么
    成文日期是公文要素，也是判断是否按时报送（3月1日前）的依据。
    ## 示例
    正文结束后没有日期。
    ## 建议写法
    在落款下一行写“2024年1月16日”（阿拉伯数字，月、日不编虚位）。
    ## 误报与局限
    日期若写在正文中间或标题下，不视为成文日期。
    """
    if report.date_span is None:
        yield Hit(None, None, "报告末尾缺少成文日期")


@rule(
    code="MD003",
    name="missing-signature",
    category=Category.METADATA,
    severity=Severity.WARNING,
    summary="报告末尾缺少发文单位署名",
    bad=[_TITLE + _BODY, _TITLE + _BODY + "\n2024年1月16日"],
    good=[_TITLE + _BODY + _SIGNED, _TITLE + _BODY + "\n中共某某镇委员会 某某镇人民政府\n2024年1月16日"],
)
def missing_signature(report: Analysis) -> Iterator[Hit]:
    """报告末尾没有发文单位署名（落款）。

    ## 检查内容
    全文最后几行没有单独成行的机关名称。
    ## 为什么
    落款表明报告由谁负责；联合报告（党委、政府）应同时署两家名称。
    ## 示例
    正文结束后直接结束，或只有日期。
    ## 建议写法
    在日期上一行署发文机关全称，如“中共××镇委员会 ××镇人民政府”。
    ## 误报与局限
    以机关名称的常见结尾（人民政府、委员会、办事处、局等）识别署名。
    """
    if report.signature_span is None:
        yield Hit(None, None, "报告末尾缺少发文单位署名（落款）")


_DATE_BAD_RE = re.compile(r"[〇○零一二三四五六七八九]{4}年|年0\d月|月0\d日|^\s*\d{4}\s*[.．/\-－]")


@rule(
    code="FM101",
    name="signing-date-form",
    category=Category.FORMAT,
    severity=Severity.WARNING,
    summary="成文日期应使用阿拉伯数字且月日不编虚位",
    bad=[
        _TITLE + _BODY + "\n某某县司法局\n二〇二四年一月十六日",
        _TITLE + _BODY + "\n某某县司法局\n2024年01月06日",
        _TITLE + _BODY + "\n某某县司法局\n2024.1.6",
    ],
    good=[_TITLE + _BODY + _SIGNED, _TITLE + _BODY + "\n某某县司法局\n2024年2月6日"],
    fixable=True,
)
def signing_date_form(report: Analysis) -> Iterator[Hit]:
    """成文日期用阿拉伯数字将年、月、日标全，月、日不编虚位。

    ## 检查内容
    落款处的成文日期写成汉字（二〇二四年一月十六日）、写成“2024.1.6”一类点号或横线格式，或月、日前补了零（01月06日）。
    ## 为什么
    GB/T 9704—2012 第7.3.5.1条：成文日期用阿拉伯数字将年、月、日标全，年份应标全称，月、日不编虚位。
    ## 示例
    “二〇二四年一月十六日”“2024年01月06日”“2024.1.6”。
    ## 建议写法
    “2024年1月16日”“2024年1月6日”。
    ## 误报与局限
    只检查落款处单独成行的成文日期。
    """
    if report.date_span is None or report.date is None:
        return
    s, e = report.date_span
    written = report.text[s:e]
    if _DATE_BAD_RE.search(written):
        y, m, d = (int(x) for x in report.date.split("-"))
        fix = f"{y}年{m}月{d}日"
        yield Hit(s, e, f"成文日期应写作“{fix}”", fix)


def _deadline(year: int, mmdd: str) -> date:
    m, d = (int(x) for x in mmdd.split("-"))
    return date(year, m, d)


@rule(
    code="TM001",
    name="signed-after-deadline",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="成文日期晚于报送截止日期",
    bad=[_TITLE + _BODY + "\n某某县司法局\n2024年3月20日", _TITLE + _BODY + "\n某某县司法局\n2024年6月1日"],
    good=[_TITLE + _BODY + _SIGNED, _TITLE + _BODY + "\n某某县司法局\n2024年2月29日"],
)
def signed_after_deadline(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """报告的成文日期晚于向上级报送的截止日期（默认次年3月1日）。

    ## 检查内容
    成文日期晚于所述年度次年的报送截止日（可在 fazhi.toml 的 deadlines.report 中设置）。
    ## 为什么
    县级以上政府部门和乡镇党委政府应于每年3月1日前向上级报告；逾期是评估中最常见的扣分原因。
    ## 示例
    2023年度报告落款“2024年3月20日”。
    ## 建议写法
    按期报送；确因特殊原因延期的，应说明情况。
    ## 误报与局限
    以成文日期判断，实际报送日期以收文登记为准。
    """
    if not (report.date and report.year):
        return
    signed = date.fromisoformat(report.date)
    due = _deadline(report.year + 1, cfg.deadline_report)
    if signed > due:
        s, e = report.date_span or (None, None)
        yield Hit(s, e, f"成文日期{report.date}晚于报送截止日期{due.isoformat()}")


@rule(
    code="TM002",
    name="published-after-deadline",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="向社会公开晚于截止日期",
    bad=[
        "<html><body><p>发布时间：2024-05-06</p>"
        + "".join(f"<p>{x}</p>" for x in (_TITLE + _BODY).split("\n"))
        + "</body></html>"
    ],
    good=[
        "<html><body><p>发布时间：2024-03-28</p>"
        + "".join(f"<p>{x}</p>" for x in (_TITLE + _BODY).split("\n"))
        + "</body></html>"
    ],
)
def published_after_deadline(report: Analysis, cfg: Config) -> Iterator[Hit]:
    """网页标明的发布日期晚于向社会公开的截止日期（默认次年4月1日）。

    ## 检查内容
    网页（或从网页复制的文本开头的信息栏）上“发布时间”“发布日期”等标明的日期晚于所述年度次年的公开截止日（fazhi.toml 的 deadlines.publish）。
    ## 为什么
    年度报告应于每年4月1日前通过报刊、网站等向社会公开；评估机构把逾期公开列为最常见的问题。
    ## 示例
    2023年度报告的网页发布时间为“2024-05-06”。
    ## 建议写法
    按期公开；网页的发布日期应与实际公开日期一致。
    ## 误报与局限
    只对网页（HTML）和带网页信息栏（“发布时间：……”）的文本有效；网页日期若是后来的更新日期，可能误报。
    """
    if not (report.published and report.year):
        return
    published = date.fromisoformat(report.published)
    due = _deadline(report.year + 1, cfg.deadline_publish)
    if published > due:
        yield Hit(None, None, f"网页发布日期{report.published}晚于公开截止日期{due.isoformat()}")


# `今年以来`, `今年共`, `今年已`, `今年年初`: "this year" counted from the year the report is signed.
THIS_YEAR_RE = re.compile(r"今年(?=以来|来|共|累计|全年|上半年|下半年|年初|年底|已|[1-9]|1[0-2]月)")
# Any other 今年 opening a clause (`今年我镇组织…`, `截至今年…`) reads as the year reported on unless it
# looks ahead: in the next year's plan, `今年是…` (the signing year's place in a plan period), or a future
# word close after it (`今年，我镇将…`) it means the signing year, rightly. Inside a clause (`根据今年班子
# 成员调整`) it is left alone.
THIS_YEAR_ANY_RE = re.compile(r"今年")
CLAUSE_OPEN_RE = re.compile(r"(?:^|[\n。；;，,：:！!？?]|截至|截止|到|至)$")
FUTURE_AFTER_RE = re.compile(
    r"是|度?[，,]?[^。；;！!\n]{0,10}?(?:将|(?<![主重需])要|拟|计划|力争|继续|打算|争取|预计)"
)


@rule(
    code="TM003",
    name="this-year-in-last-years-report",
    category=Category.TIMELINESS,
    severity=Severity.WARNING,
    summary="次年成文或公开的年度报告用“今年”指所述年度",
    bad=[
        _TITLE + "2023年工作回顾\n今年以来，全镇共调解纠纷30件。" + _BODY + _SIGNED,
        "<html><body><p>发布时间：2024-02-06</p><p>关于2023年法治政府建设情况的报告</p>"
        "<p>今年共调解纠纷30件。</p></body></html>",
    ],
    good=[
        _TITLE + "2023年工作回顾\n2023年，全镇共调解纠纷30件。" + _BODY + _SIGNED,
        _TITLE + "2023年工作回顾\n今年以来，全镇共调解纠纷30件。" + _BODY + "\n某某县司法局\n2023年12月20日",
    ],
    fixable=True,
)
def this_year_in_last_years_report(report: Analysis) -> Iterator[Hit]:
    """报告在所述年度的次年成文（或公开），文中却用“今年”“今年以来”指所述年度。

    ## 检查内容
    成文日期在所述年度的次年（如2023年度报告落款2024年1月），或没有落款日期而网页发布日期在次年，
    正文仍写“今年以来”“今年共”“今年已”“今年年初”，或在句首、分句开头写“今年”（“今年我镇组织……”“截至今年……”）。
    下一年度安排部分中的“今年”、“今年是……”和后面十个字内有“将”“要”“计划”“继续”等的“今年”说的是成文那一年，不报。
    ## 为什么
    年度报告多在次年年初成文、公开；“今年”在读者看来是成文、公开的那一年，与所述年度差了一年，数字的口径
    随之不清。多由沿用年中总结的文字造成。
    ## 示例
    2023年度报告落款“2024年1月16日”，正文“今年以来，全镇共调解纠纷30件”。
    ## 建议写法
    “2023年，全镇共调解纠纷30件”。
    ## 误报与局限
    只凭发布日期判断时（没有落款），上一年12月写成、次年才公开的报告会误报，因此这时只作提示（info）。
    既没有落款日期也没有发布日期时不报。下一年度安排没有单列、又不带“将”“计划”等词的“今年”（“今年重点抓好……”）
    会误报。分句中间的“今年”（“根据今年班子成员调整”）不报。
    """
    if not report.year:
        return
    signed = report.date and int(report.date[:4]) == report.year + 1
    published = not report.date and report.published and int(report.published[:4]) == report.year + 1
    if not (signed or published):
        return
    severity = None if signed else Severity.INFO
    s0, e0 = report.body_span
    plan = report.parts.get("next_year")
    plan_span = (plan.start, plan.end) if plan and plan.start is not None and plan.end is not None else (0, 0)
    text = report.text
    for m in THIS_YEAR_ANY_RE.finditer(text, s0, e0):
        if not THIS_YEAR_RE.match(text, m.start()) and (
            plan_span[0] <= m.start() < plan_span[1]
            or FUTURE_AFTER_RE.match(text, m.end())
            or not CLAUSE_OPEN_RE.search(text[max(0, m.start() - 2) : m.start()])
        ):
            continue
        yield Hit(
            m.start(),
            m.end(),
            f"报告成文或公开于{report.year + 1}年，“今年”会被读作{report.year + 1}年：应写“{report.year}年”",
            f"{report.year}年",
            severity,
        )
