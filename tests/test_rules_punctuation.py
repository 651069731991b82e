"""Punctuation rules (PU) on sentences written for these tests: each rule fires where it should and
stays silent on correct text that looks like the defect."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.config import Config
from helpers import hits


# ---------------------------------------------------------------- PU001 half-width marks
def test_ascii_marks_of_a_paragraph_are_one_finding_with_the_stretch_fixed():
    """Regression: a report typed with ASCII punctuation got one finding per mark (240 in seed 004)."""
    got = hits("全年组织培训3期,覆盖干部200人次;群众满意度较高:达到98%。", "PU001")
    assert got == [(",覆盖干部200人次;群众满意度较高:", "，覆盖干部200人次；群众满意度较高：")]
    r = fazhi.analyze("全年组织培训3期,覆盖干部200人次;群众满意度较高:达到98%。", Config(select=["PU001"]))
    assert "3处" in r.findings[0].message and "逗号1处" in r.findings[0].message


def test_ascii_marks_of_different_paragraphs_are_separate_findings():
    got = hits(
        "一、主要举措\n全年组织培训3期,覆盖干部200人次。\n二、存在的不足\n群众满意度较高:达到98%。", "PU001"
    )
    assert got == [(",", "，"), (":", "：")]


def test_ascii_comma_with_trailing_space_is_replaced_whole():
    assert hits("全面推行清单管理, 主动接受监督。", "PU001") == [(", ", "，")]


def test_ascii_quotes_are_paired_into_opening_and_closing():
    got = hits('落实"谁执法谁普法"责任，开展"法律进乡村""送法进企业"活动。', "PU001")
    assert [s for _q, s in got] == ["“谁执法谁普法”责任，开展“法律进乡村”“送法进企业”"]


def test_unpaired_ascii_quote_is_reported_without_a_guess():
    assert hits('开展"法律进乡村活动，效果良好。', "PU001") == [('"', None)]


def test_ascii_brackets_in_chinese_and_in_heading_numbers():
    got = hits("一、主要举措\n(一)规范执法\n各村(社区)均配备法律顾问。", "PU001")
    assert got == [("(一)", "（一）"), ("(社区)", "（社区）")]


@pytest.mark.parametrize(
    "text",
    [
        "罚款1,000元，用时3.5小时，会议于8:30开始。",
        "详见 http://www.example.gov.cn/a?b=1,2;c=3 的通知。",
        "联系邮箱 fazhi@example.gov.cn，电话023-61234567。",
        "引用英文原文 Hello, world! 作为示例。",
        "推行“2+7”巡逻模式，比例为1:1。",
        "报告引用了 (see Annex A) 的英文说明。",
    ],
)
def test_ascii_marks_left_alone_in_numbers_urls_and_latin_text(text):
    assert hits(text, "PU001") == []


def test_half_width_bracket_paired_with_full_width_is_left_to_pu002():
    assert hits("落实《实施方案(2021—2025年）》要求。", "PU001") == []


# ---------------------------------------------------------------- PU002 unpaired marks
def test_two_opening_quotes_get_the_closing_one():
    assert hits("按照“依法治村“工作方案，推进“依法治村”示范创建。", "PU002") == [("“", "”")]


def test_closing_quote_used_as_opening_one():
    assert hits("开展”宪法宣传周”活动。", "PU002") == [("”", "“")]


def test_mixed_width_brackets():
    assert hits("根据《乡镇工作方案(2023年）》开展工作。", "PU002") == [("(", "（")]
    assert hits("根据《乡镇工作方案（2023年)》开展工作。", "PU002") == [(")", "）")]


def test_unclosed_book_title_and_quote():
    assert hits("认真学习《行政处罚法和相关规定。", "PU002") == [("《", None)]
    assert hits("开展“法律进乡村活动，效果良好。", "PU002") == [("“", None)]


def test_nested_double_quotes_are_reported_without_a_guess():
    assert hits("他说：“要把“三治融合”落到实处。”", "PU002") == [("“", None)]


@pytest.mark.parametrize(
    "text",
    [
        "他说：“要把‘三治融合’落到实处。”",
        "学习《关于印发〈乡镇工作方案〉的通知》（区府发〔2023〕5号）。",
        "1）加强学习；2）规范执法；a)完善制度。",
        "（一）加强学习\n（二）规范执法",
        "他指出：“依法行政是政府工作的基本准则。\n“要坚持严格规范公正文明执法。”",
        "China’s law 的译文中使用了撇号。",
    ],
)
def test_paired_marks_are_silent(text):
    assert hits(text, "PU002") == []


# ---------------------------------------------------------------- PU003 spaces inside quotes
def test_space_after_opening_and_before_closing_marks():
    got = hits("开展“ 法治宣传周”和“普法月 ”活动，学习《 行政复议法》。", "PU003")
    assert got == [("“ ", "“"), (" ”", "”"), ("《 ", "《")]


def test_space_in_the_middle_of_a_quotation_is_fine():
    assert hits("开展“学思践悟 青年干部微宣讲”活动。", "PU003") == []


# ---------------------------------------------------------------- PU004 doubled marks
def test_doubled_and_combined_marks():
    got = hits("全年开展培训3次。。加强学习，，提高能力；。", "PU004")
    assert got == [("。。", "。"), ("，，", "，"), ("；。", None)]


@pytest.mark.parametrize("text", ["有关情况如下……", "真的完成了吗？！", "继续努力——建设法治政府。", "“好。”"])
def test_ellipsis_dash_and_emphatic_marks_are_fine(text):
    assert hits(text, "PU004") == []


# ---------------------------------------------------------------- PU005 顿号 between quoted items
def test_one_finding_per_enumeration_with_the_commas_removed():
    got = hits("学习《宪法》、《民法典》、《行政处罚法》，推进“法律明白人”、“法治带头人”培养。", "PU005")
    assert got == [
        ("》、《民法典》、《", "》《民法典》《"),
        ("”、“", "”“"),
    ]


def test_enumeration_item_may_contain_its_own_commas():
    got = hits("推行“马上办、网上办”、“一次办、就近办”服务。", "PU005")
    assert got == [("”、“", "”“")]


@pytest.mark.parametrize(
    "text",
    [
        "推进“法律明白人”“法治带头人”培养。",
        "学习《宪法》（2018年修正）、《民法典》。",  # a parenthetical stands between them: 顿号 is right
        "开展“六进”宣讲、基层理论微宣讲、“七讲”志愿服务。",
        "学习“八五”普法规划、《民法典》等内容。",  # quoted and book-titled items mixed
    ],
)
def test_enumeration_comma_where_it_belongs(text):
    assert hits(text, "PU005") == []


# ---------------------------------------------------------------- PU006 heading full stop
def test_standalone_headings_of_levels_one_and_two():
    text = "一、主要举措和成效。\n（一）深化依法行政。\n全年组织培训12次。\n（二）规范执法行为\n全年办理案件3件。"
    assert hits(text, "PU006") == [("主要举措和成效。", "主要举措和成效"), ("深化依法行政。", "深化依法行政")]


@pytest.mark.parametrize(
    "text",
    [
        "一、主要举措\n（一）提升普法宣传力度。加强法律、政策的宣传解释工作。",  # run-in heading
        "一、主要举措\n（一）行政审批\n1.审批服务\n（1）全面落实行政审批服务“马上办”。\n（2）推行告知承诺制。",
        "三、2024年工作安排\n（一）深化普法宣传，推动法律进社区。\n（二）加强执法队伍建设，组织全员培训。",
    ],
)
def test_run_in_headings_and_sentence_items_keep_their_full_stop(text):
    assert hits(text, "PU006") == []


# ---------------------------------------------------------------- PU007 single em dash
def test_single_dash_next_to_quotes_is_a_broken_dash():
    got = hits("开展“宪法进万家”—2023年法治文艺演出。主题是—“弘扬宪法精神”。", "PU007")
    assert got == [("—", "——"), ("—", "——")]


@pytest.mark.parametrize(
    "text",
    [
        "《法治政府建设实施纲要（2021—2025年）》",
        "开展“宪法进万家”——2023年法治文艺演出活动。",
        "2023年—2024年连续两年获评先进，开通北京—上海专线。",
        "“十三五”—“十四五”期间。",
    ],
)
def test_ranges_and_real_dashes_are_fine(text):
    assert hits(text, "PU007") == []


# ---------------------------------------------------------------- PU008 paragraph end
def test_paragraph_without_full_stop_before_next_heading():
    text = (
        "一、存在的问题\n普法形式比较单一，群众参与度不高，宣传效果有待提升\n二、下一步安排\n继续加强普法。"
    )
    assert hits(text, "PU008") == [("宣传效果有待提升", "宣传效果有待提升。")]


def test_paragraph_ending_with_comma_gets_no_guess():
    text = (
        "一、存在的问题\n普法形式比较单一，群众参与度不高，宣传效果有待提升，\n二、下一步安排\n继续加强普法。"
    )
    assert hits(text, "PU008") == [("，", None)]


@pytest.mark.parametrize(
    "text",
    [
        "一、存在的问题\n（一）干部法治观念还不够强\n部分干部对法治建设的认识不够深入。",
        "现将有关情况报告如下：\n一、主要举措\n全年组织培训12次，参训人员300人次。",
        "一、主要举措\n开展“送法进企业、进社区”活动，效果良好。”\n附件：1.培训名单，2.活动照片，3.工作台账汇总",
        "一、主要举措\n他说：“要依法办事，做到公开公正……”",
    ],
)
def test_headings_labels_and_ended_paragraphs_are_fine(text):
    assert hits(text, "PU008") == []


def _pu(text: str, code: str):
    """The analysed report with only one rule selected."""
    return fazhi.analyze(text, Config(select=[code]))


def test_bracket_closed_by_another_kind_of_mark_was_reported_as_two_unrelated_halves():
    # regression (issue 14 gap): `（…》` gave two findings (a lone “（” and a lone “》”) and no hint that
    # they were meant as one pair
    r = _pu("按照（某某县行政执法监督办法》的规定开展检查。", "PU002")
    (f,) = r.findings
    assert r.text[f.start : f.end] == "（某某县行政执法监督办法》"
    assert "括号与书名号混配" in f.message and "“（…）”或“《…》”" in f.message
    assert f.suggestion is None  # which half is wrong depends on what was meant
    r = _pu("组织学习《某某条例）全文。", "PU002")
    (f,) = r.findings
    assert r.text[f.start : f.end] == "《某某条例）" and "书名号与括号混配" in f.message
    r = _pu("依据〔某某号】文件办理。", "PU002")
    assert [r.text[f.start : f.end] for f in r.findings] == ["〔某某号】"]


def test_mixed_brackets_leave_proper_pairs_and_list_markers_alone():
    for good in (
        "学习《关于印发〈某某实施方案（2021—2025年）〉的通知》。",
        "（一）学习《某某条例》（修正本）。",
        "见附件（清单1）和《通知》。",
        "落实《某某实施方案（2021—2025年）》要求。",
    ):
        assert _pu(good, "PU002").findings == (), good
    # a closer after a one-character number is a list marker, not the partner of an open bracket
    r = _pu("学习《某某条例，重点是：1）总则；2）分则。", "PU002")
    assert all("混配" not in f.message for f in r.findings)
    assert any(r.text[f.start] == "《" for f in r.findings)
