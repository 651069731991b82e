"""Issue 14 metadata: provincial-level municipalities, signing dates in dotted, spaced and two-line forms.
Texts written for the tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.meta import unit_level
from fazhi.model import UnitLevel

HEAD = (
    "关于2024年法治政府建设情况的报告\n县委、县政府：\n"
    "2024年，某某镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，取得明显成效。\n"
    "一、主要举措和成效\n全年办理行政处罚案件12件。\n"
)


@pytest.mark.parametrize("unit", ["北京市人民政府", "上海市人民政府", "中共天津市委员会", "重庆市人民政府"])
def test_municipalities_are_provincial(unit):
    # regression: the four municipalities got unit_level "city"
    assert unit_level(unit) == UnitLevel.PROVINCE


@pytest.mark.parametrize(
    ("unit", "level"),
    [
        ("北京市东城区人民政府", UnitLevel.COUNTY),
        ("重庆市某某区某某镇人民政府", UnitLevel.TOWNSHIP),
        ("上海市司法局", UnitLevel.DEPARTMENT),
        ("某某市人民政府", UnitLevel.CITY),
    ],
)
def test_other_levels_unchanged(unit, level):
    assert unit_level(unit) == level


@pytest.mark.parametrize(
    ("tail", "date"),
    [
        ("2024.2.5", "2024-02-05"),
        ("2024年 2月 5日", "2024-02-05"),
        ("二〇二五年\n二月五日", "2025-02-05"),
        ("二〇二五年二月\n十五日", "2025-02-15"),
        ("2025年2月5日", "2025-02-05"),
    ],
)
def test_signing_date_forms_recognised(tail, date):
    # regression: these forms were missed, so "missing date" and "missing signature" both fired
    r = fazhi.analyze(HEAD + "某某镇人民政府\n" + tail)
    assert r.date == date and r.unit == "某某镇人民政府"
    assert not {"MD002", "MD003"} & {f.rule for f in r.findings}


def test_non_standard_date_forms_get_the_format_note_only():
    r = fazhi.analyze(HEAD + "某某镇人民政府\n2024.2.5")
    fm = [f for f in r.findings if f.rule == "FM101"]
    assert len(fm) == 1 and fm[0].suggestion == "2024年2月5日"
    assert "FM101" not in {f.rule for f in fazhi.analyze(HEAD + "某某镇人民政府\n2024年2月5日").findings}


def test_numbers_at_the_end_of_a_sentence_are_not_a_date():
    r = fazhi.analyze(HEAD + "全年共发放资料2024.5份。")
    assert r.date is None


def test_this_year_in_a_report_signed_the_next_year():
    from fazhi.config import Config

    body = "关于2024年法治政府建设情况的报告\n今年以来，全镇共调解纠纷30件。\n某某镇人民政府\n"
    late = fazhi.analyze(body + "2025年1月10日", Config(select=["TM003"]))
    assert [(late.text[f.start : f.end], f.suggestion) for f in late.findings] == [("今年", "2024年")]
    assert not fazhi.analyze(body + "2024年12月20日", Config(select=["TM003"])).findings
    assert "TM003" in {f.rule for f in fazhi.analyze(body + "2025年1月10日").findings}  # on by default


@pytest.mark.parametrize(
    ("opening", "unit", "level"),
    [
        ("2024年，在市委、市政府的正确领导下，某县人民政府坚持依法行政。", "某县人民政府", UnitLevel.COUNTY),
        ("2024年，某某区政府坚持以习近平法治思想为指导。", "某某区政府", UnitLevel.COUNTY),
        ("2024年，某某省委、省政府坚持以习近平法治思想为指导。", "某某省委", UnitLevel.PROVINCE),
        ("2024年，某某街坚持以习近平法治思想为指导。", "某某街", UnitLevel.TOWNSHIP),
    ],
)
def test_unit_named_in_the_opening_sentence(opening, unit, level):
    r = fazhi.analyze(opening + "\n一、主要举措和成效\n全年办理案件12件。\n")
    assert (r.unit, r.unit_level) == (unit, level)


def test_no_unit_from_collective_words():
    r = fazhi.analyze("2024年，全县坚持以习近平法治思想为指导。\n一、主要举措和成效\n全年办理案件12件。\n")
    assert r.unit is None


def test_unit_after_the_year_in_a_title():
    r = fazhi.analyze("2024年度某某区某某镇人民政府法治政府建设情况报告\n" + HEAD.split("\n", 2)[2])
    assert (r.unit, r.unit_level) == ("某某区某某镇人民政府", UnitLevel.TOWNSHIP)


def test_title_line_ending_in_guanyu_joined():
    # regression: `某某市人民政府关于` / `2024年度…的报告` kept only the second line as the title
    r = fazhi.analyze("某某市人民政府关于\n2024年度法治政府建设情况的报告\n" + HEAD.split("\n", 2)[2])
    assert r.title == "某某市人民政府关于2024年度法治政府建设情况的报告"
    assert r.unit_level == UnitLevel.CITY


def test_unit_from_the_pages_title_row_when_the_text_has_no_title():
    r = fazhi.analyze(
        "字体大小:【大】 【中】 【小】\n| 标题:某某镇人民政府关于2024年度法治政府建设情况的报告 | |\n"
        + HEAD.split("\n", 2)[2]
    )
    assert r.title is None and r.unit == "某某镇人民政府" and r.unit_level == UnitLevel.TOWNSHIP
    assert "字体" not in r.text


def test_this_year_when_only_the_page_date_says_next_year():
    from fazhi.config import Config

    text = "发布时间：2025-02-20\n关于2024年法治政府建设情况的报告\n今年共开展专题学法8场。\n"
    r = fazhi.analyze(text, Config(select=["TM003"]))
    assert [(r.text[f.start : f.end], str(f.severity)) for f in r.findings] == [("今年", "info")]
    r = fazhi.analyze(text.replace("2025-02-20", "2024-12-30"), Config(select=["TM003"]))
    assert r.findings == ()


def test_heading_year_differs_from_report_year():
    from fazhi.config import Config

    body = "2025年，某某镇扎实推进法治政府建设。\n一、2024年法治政府建设基本情况\n全年办理案件12件。\n二、2026年工作安排\n继续努力。\n"
    r = fazhi.analyze("某某镇2025年法治政府建设年度报告\n" + body, Config(select=["TM004"]))
    assert [(r.text[f.start : f.end], f.suggestion) for f in r.findings] == [("2024年", "2025年")]
    assert fazhi.analyze("某某镇法治政府建设年度报告\n" + body, Config(select=["TM004"])).findings == ()


def test_title_year_without_nian():
    from fazhi.config import Config

    r = fazhi.analyze("某某街道2024法治政府建设年度报告\n" + HEAD.split("\n", 2)[2], Config(select=["TY012"]))
    assert [f.suggestion for f in r.findings] == ["2024年"]
