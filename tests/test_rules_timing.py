"""TM101 (a heading naming another year) and FM102 (a year without 年), on text written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


# ---------------------------------------------------------------- TM101 heading year
def heading_years(text: str) -> list[tuple[str, str | None]]:
    """(quote, suggestion) of TM101's findings."""
    r = fazhi.analyze(text, Config(select=["TM101"]))
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
