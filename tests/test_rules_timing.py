"""TM101: 今年 in an annual report written in a later year, on reports written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config

TITLE = "关于2023年法治政府建设情况的报告\n"
BODY = "一、主要举措和成效\n{measures}\n二、存在的不足和原因\n执法力量不足。\n三、2024年工作安排\n{plans}\n"
SIGNED = "某某镇人民政府\n{date}"


def report(measures: str, plans: str = "继续努力。", date: str = "2024年1月16日") -> str:
    """A short 2023 report signed on `date`."""
    return TITLE + BODY.format(measures=measures, plans=plans) + SIGNED.format(date=date)


def found(text: str):
    """(quote, finding) of TM101's findings."""
    r = fazhi.analyze(text, Config(select=["TM101"]))
    return [(r.text[f.start : f.end], f) for f in r.findings if f.rule == "TM101"]


def test_this_year_in_report_signed_next_year():
    hits = found(report("今年以来，我镇共开展学法活动12次，今年度培训干部300人次。"))
    assert [q for q, _ in hits] == ["今年", "今年度"]
    assert all(f.suggestion == "2023年" for _, f in hits)


def test_this_year_in_report_signed_same_year_silent():
    assert found(report("今年以来，我镇共开展学法活动12次。", date="2023年12月20日")) == []


def test_report_without_date_silent():
    assert found(TITLE + "今年以来，我镇共开展学法活动12次。") == []


def test_plans_and_future_tense_silent():
    text = report(
        "2023年，我镇共开展学法活动12次，本年度培训300人次。", plans="今年，我镇将继续推进。今年是关键之年。"
    )
    assert found(text) == []


def test_quoted_this_year_silent():
    assert found(report("开展“今年学法我先行”活动。")) == []
