"""Doubled particles (TY013), impossible dates and backward year ranges (PL003), and an unclosed 《
found where its title's year range ends (PU002), on text written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


def _found(text: str, code: str) -> list[tuple[str, str | None]]:
    r = fazhi.analyze(text, Config(select=[code]))
    return [(r.text[f.start : f.end], f.suggestion) for f in r.findings if f.rule == code]


def test_doubled_particle_fires_on_de_de_and_le_le():
    assert _found("全镇形成了良好的的学法氛围。", "TY013") == [("的的", "的")]
    assert _found("各村完成了了矛盾纠纷排查。", "TY013") == [("了了", "了")]


def test_doubled_particle_silent_where_a_word_meets_a_particle():
    for good in (
        "全镇形成了良好的学法氛围。",
        "实现以案释法的目的的同时，兼顾宣传效果。",
        "明确合同标的的数量和质量。",
        "为了了解企业诉求，开展走访。",
        "除了了解情况外，还要督促整改。",
        "纠纷没有不了了之。",
        "的的确确把工作落到了实处。",
        "对案件了结情况进行跟踪。",
    ):
        assert _found(good, "TY013") == [], good


def test_impossible_day_of_a_month():
    assert _found("于2024年4月31日召开会议。", "PL003") == [("2024年4月31日", None)]
    assert _found("11月0日前报送材料。", "PL003") == [("11月0日", None)]
    assert _found("2025年2月29日开展培训。", "PL003") == [("2025年2月29日", None)]


def test_possible_dates_are_silent():
    for good in ("于2024年4月30日召开会议。", "2024年2月29日开展培训。", "2月29日前完成。",
                 "1-6月共办理案件12件。", "3月5-8日举办培训班。", "12月31日前报送。", "全年12个月均开展。"):
        assert _found(good, "PL003") == [], good


def test_month_out_of_range():
    assert _found("2024年13月印发工作要点。", "PL003") == [("2024年13月", None)]
    assert _found("2024年12月印发工作要点。", "PL003") == []


def test_backward_year_range():
    assert _found("对照《规划（2025-2021年）》推进。", "PL003") == [("2025-2021", None)]
    for good in ("对照《规划（2021-2025年）》推进。", "2021年至2025年期间", "电话2025-2021转分机。"):
        assert _found(good, "PL003") == [], good


def test_unclosed_book_title_reported_after_its_year_range():
    text = "按照《某市法治政府建设实施方案（2022—2025年）的要求推进。"
    assert _found(text, "PU002") == [("（2022—2025年）", "（2022—2025年）》")]
    closed = "按照《某市法治政府建设实施方案（2022—2025年）》的要求推进。"
    assert _found(closed, "PU002") == []
    # Without a year range the place of the lost 》 is unknown: the opener is reported as before.
    assert _found("按照《某市法治政府建设实施方案的要求推进。", "PU002") == [("《", None)]
