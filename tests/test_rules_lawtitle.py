"""Cited titles of laws one character away from a real title (TE012), on text written for these tests."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi import lawtitles
from helpers import found, hits, quotes


@pytest.mark.parametrize(
    ("text", "real"),
    [
        ("认真学习《中华人民共和国行政处法》。", "中华人民共和国行政处罚法"),  # a character missing
        ("认真学习《中华人民共和国行政处罚罚法》。", "中华人民共和国行政处罚法"),  # a stray character
        ("依照《中华人民共和国政府信息公开条列》办理。", "中华人民共和国政府信息公开条例"),  # a wrong one
        ("贯彻落实《优化营商环境例条》。", "优化营商环境条例"),  # two characters swapped
        ("组织学习《中国人民共和国行政复议法》。", "中华人民共和国行政复议法"),  # the state's name mistyped
        ("组织学习《中华人民共国行政诉讼法》。", "中华人民共和国行政诉讼法"),
        ("宣传《中华人民共和国招投标法》有关规定。", "中华人民共和国招标投标法"),
        ("学习《法律援助法（2021年修订）》。".replace("法律援助法", "法律援法"), "法律援助法"),
    ],
)
def test_one_edit_from_a_real_title_is_reported_with_the_real_title(text, real):
    assert [s for _, s in hits(text, "TE012")] == [real]


def test_message_names_the_slip():
    ((_, f),) = found("认真学习《中华人民共和国行政处法》。", "TE012")
    assert "少了“罚”" in f.message
    ((_, f),) = found("贯彻落实《优化营商环境例条》。", "TE012")
    assert "次序颠倒" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "认真学习《中华人民共和国行政处罚法》《行政复议法》《民法典》《宪法》。",
        # the state's name before a regulation that does not carry it: not a one-character slip
        "贯彻《中华人民共和国优化营商环境条例》。",
        # documents that are not laws: plans, opinions, party rules, a township's own measures
        "落实《法治政府建设实施纲要（2021—2025年）》和《关于加强法治乡村建设的意见》。",
        "严格执行《中国共产党纪律处分条例》，制定《某某镇行政执法公示实施办法》。",
        # another place's regulation: the list holds only some local regulations
        "参照《湖州市文明行为促进条例》《某某市文明行为促进条例》。",
        # short titles that differ by one character are all real
        "学习《统计法》《会计法》《审计法》。",
        # a real law one character from another real one by a character that is no typing slip of it
        # (公证/公司, 医师/律师): only homophones, near sounds and look-alikes count as slips
        "学习《中华人民共和国城市规划法》和《某某市公路条例》。",
        # a number is not a slip
        "学习《中华人民共和国刑法修正案（十二）》。",
        # a plan whose name is one character from nothing on the list
        "编制《某某县国土空间总体规划》《城乡规划》。",
    ],
)
def test_real_titles_and_documents_that_are_not_laws_are_silent(text):
    assert quotes(text, "TE012") == []


def test_title_list_is_built_from_the_laws_not_written_by_hand():
    names = lawtitles.titles()
    assert len(names) > 4000
    # a full title and its short form are both on it
    assert {"中华人民共和国行政复议法", "行政复议法", "民法典"} <= names
    assert all(lawtitles.is_law_title(n) for n in names)


def test_substitution_must_be_a_typing_slip():
    assert lawtitles.slip_of("列", "例")  # 条列 for 条例: a look-alike and near sound
    assert not lawtitles.slip_of("证", "司")  # 公证法 / 公司法: two laws
    known = frozenset({"中华人民共和国公司法"})
    idx = lawtitles.index_of(known)
    assert lawtitles.nearest("中华人民共和国公证法", known, idx) is None
    assert lawtitles.nearest("中华人民共和国公司发", known, idx) == ("中华人民共和国公司法", (9, 10))


def test_one_edit_spans():
    assert lawtitles.one_edit("行政处法", "行政处罚法") == (3, 3)
    assert lawtitles.one_edit("行政处罚罚法", "行政处罚法") == (4, 5)
    assert lawtitles.one_edit("条列", "条例") == (1, 2)
    assert lawtitles.one_edit("例条", "条例") == (0, 2)
    assert lawtitles.one_edit("行政许可法", "行政处罚法") is None


SAMPLES = Path(__file__).resolve().parent.parent / "samples"


def test_silent_on_the_samples():
    for p in sorted(SAMPLES.glob("*.txt")):
        text = p.read_text(encoding="utf-8")
        assert quotes(text, "TE012") == [], p.name
        assert re.search("《", text)


def test_a_wrong_form_a_term_table_names_is_reported_once():
    text = "宣传《招投标法》有关规定。"  # phrases.tsv lists it (TE001)
    assert quotes(text, "TE012") == []
    assert quotes(text, "TE001") == ["《招投标法》"]


def test_typo_rules_leave_a_slipped_title_to_te012():
    # TY002 once read 行政处法 as 行政处罚 (dropping 法); the title's fix is the whole real title
    text = "认真学习《中华人民共和国行政处法》，严格执行重大行决策程序。"
    assert quotes(text, "TY002") == []
    assert quotes(text, "TY003") == ["重大行决策程序"]  # outside a title the typo rules still report
    assert [s for _, s in hits(text, "TE012")] == ["中华人民共和国行政处罚法"]
