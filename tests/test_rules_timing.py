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


# ---------------------------------------------------------------- TM102 heading year
def heading_years(text: str) -> list[tuple[str, str | None]]:
    """(quote, suggestion) of TM102's findings."""
    r = fazhi.analyze(text, Config(select=["TM102"]))
    return [(r.text[f.start : f.end], f.suggestion) for f in r.findings]


def test_heading_with_the_previous_year():
    text = "关于2024年法治政府建设情况的报告\n一、2023年推进法治政府建设的主要举措和成效\n全年开展学法12次。"
    assert heading_years(text) == [("2023", "2024")]


def test_heading_years_of_the_report_and_of_the_plans_silent():
    text = (
        "关于2024年法治政府建设情况的报告\n一、2024年推进法治政府建设的主要举措和成效\n全年开展学法12次。\n"
        "二、2025年工作安排\n继续推进。\n三、2023年以来的主要变化\n略。"
    )
    assert heading_years(text) == []


# ---------------------------------------------------------------- FM102 year without 年
def years_without_nian(text: str) -> list[str]:
    """Quotes of FM102's findings."""
    r = fazhi.analyze(text, Config(select=["FM102"]))
    return [r.text[f.start : f.end] for f in r.findings]


def test_year_without_nian():
    assert years_without_nian("某某街道2024法治政府建设情况报告\n2023以来，印发2024工作要点。") == [
        "2024",
        "2023",
        "2024",
    ]


def test_year_with_nian_and_counts_silent():
    assert (
        years_without_nian("某某街道2024年法治政府建设情况报告\n2023年以来，发放资料2023份、2024余册。") == []
    )
