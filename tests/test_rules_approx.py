"""余 after a single digit (NC007) and 约 before an exact count (NC008), on text written for these tests."""

from __future__ import annotations

from helpers import hits


def test_yu_after_single_digit():
    assert hits("全年开展法治讲座8余次，发放资料2000余份。", "NC007") == [("8余", "8")]
    assert hits("组织集中学法八余场。", "NC007") == [("八余", "八")]


def test_yu_after_round_numbers_and_other_yu_words_silent():
    text = "开展讲座10余次、二十余场，发放资料1.8万余份，其余时间自学，多余材料回收。"
    assert hits(text, "NC007") == []


def test_yue_before_exact_count():
    assert hits("全年办理行政许可约1234件。", "NC008") == [("约1234", "1234")]


def test_yue_before_round_or_decimal_counts_silent():
    text = "全年办理行政许可约1200件，涉及资金约2.3万元，约占总量的12.5%，约15人参加，约2024年底建成。"
    assert hits(text, "NC008") == []
