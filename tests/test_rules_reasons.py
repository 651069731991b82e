"""ST101: a shortcomings part with no reason given, on reports written for these tests."""

from __future__ import annotations

from helpers import quotes

HEAD = "一、主要举措和成效\n全年开展学法12次，办理复议案件5件。\n"
TAIL = "\n三、下一年度主要安排\n继续推进依法行政。"
PROBLEMS = (
    "一是学法还不够深入，理解的深度和广度还有差距。二是执法队伍建设还不到位，执法流程还不完整。"
    "三是法治宣传形式单一，针对性不强。"
)


def test_problems_without_reasons():
    assert quotes(HEAD + "二、存在的问题\n" + PROBLEMS + TAIL, "ST101") == ["二、存在的问题"]


def test_problems_with_a_reason_silent():
    text = HEAD + "二、存在的不足和原因\n" + PROBLEMS + "究其原因，主要是专业人员少、培训不足。" + TAIL
    assert quotes(text, "ST101") == []


def test_reason_words_in_the_analysis_silent():
    for reason in ("这主要是由于编制所限。", "受人员不足影响，进展较慢。", "根源在于重视不够。"):
        assert quotes(HEAD + "二、存在的问题\n" + PROBLEMS + reason + TAIL, "ST101") == []


def test_short_or_missing_part_silent():
    assert quotes(HEAD + "二、存在的问题\n学法不够深入。" + TAIL, "ST101") == []
    assert quotes(HEAD + TAIL, "ST101") == []
