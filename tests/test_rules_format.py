"""Number-format rules (FM) on sentences written for these tests: ranges, month-day names, short
years, document numbers and padded dates — and the decimals, codes and durations they must leave alone."""

from __future__ import annotations

import pytest

from helpers import hits


# ---------------------------------------------------------------- FM001 time ranges
def test_year_ranges_in_plan_titles_and_text():
    got = hits(
        "落实《乡村振兴规划（2018-2022年）》和《实施方案(2021－2025)》，2021年-2025年持续推进。", "FM001"
    )
    assert got == [("2018-2022", "2018—2022"), ("2021－2025", "2021—2025"), ("2021年-2025", "2021年—2025")]


def test_month_and_day_ranges():
    got = hits("2023年1-6月办理案件12件，10-12月开展专项行动，3月5-8日集中宣传。", "FM001")
    assert got == [("1-6", "1—6"), ("10-12", "10—12"), ("5-8", "5—8")]


@pytest.mark.parametrize(
    "text",
    [
        "《法治政府建设实施纲要（2021—2025年）》",
        "电话023-61234567，编号2021-0045，罚款1.2万元。",
        "增长3-5个百分点，2025-2021年的倒序不是范围。",
        "备案号12021-2025年。",
        "2021～2025年规划期内。",  # wave dash: not certainly wrong
        "13-14月和2.1-3日都不是日期。",
    ],
)
def test_hyphens_that_are_not_time_ranges(text):
    assert hits(text, "FM001") == []


# ---------------------------------------------------------------- FM002 month·day names
def test_month_day_names_take_the_interpunct():
    got = hits("开展“12.4”国家宪法日、6.26国际禁毒日和3．15消费者权益日宣传。", "FM002")
    assert got == [("12.4", "12·4"), ("6.26", "6·26"), ("3．15", "3·15")]


@pytest.mark.parametrize(
    "text",
    [
        "投入1.2万元，增长12.4%，提高3.5个百分点，人均6.26件。",
        "综合评分9.5，位列全市第一。",
        "开展“12·4”国家宪法日活动。",
        "2.30纪念日和13.4纪念日不是日期。",
        "版本号为1.2.3日常维护。",
        "用水量增长8.7的同时节约了成本。",
        "面积3.8平方公里，日均接待12人。",
    ],
)
def test_decimals_and_correct_names_are_fine(text):
    assert hits(text, "FM002") == []


# ---------------------------------------------------------------- FM003 short years
def test_short_years_before_year_words():
    got = hits("23年底共化解纠纷120件，截至24年6月办理案件12件，22年度考核优秀。", "FM003")
    assert got == [("23年", "2023年"), ("24年", "2024年"), ("22年", "2022年")]


@pytest.mark.parametrize(
    "text",
    [
        "扎根基层工作23年，从事调解18年。",
        "第23年度会议，1998年底成立，123年底。",
        "2023年底共化解纠纷120件。",
        "近30年来累计投入资金。",
        "用了15年初步建成，08年底的事不提。",
    ],
)
def test_durations_and_full_years_are_fine(text):
    assert hits(text, "FM003") == []


# ---------------------------------------------------------------- FM004 document numbers
def test_document_number_brackets_and_padding():
    got = hits(
        "根据区府发[2023]4号、渝司发【2022】12号、镇府发（2021）3号和区委发〔2023〕04号文件。", "FM004"
    )
    assert got == [
        ("[2023]4号", "〔2023〕4号"),
        ("【2022】12号", "〔2022〕12号"),
        ("（2021）3号", "〔2021〕3号"),
        ("〔2023〕04号", "〔2023〕4号"),
    ]


@pytest.mark.parametrize(
    "text",
    ["根据区府发〔2023〕4号文件。", "（2023）渝0153行初12号判决。", "（2023）年度共12号楼。"],
)
def test_correct_document_numbers_and_case_numbers(text):
    assert hits(text, "FM004") == []


# ---------------------------------------------------------------- FM005 padded dates
def test_zero_padded_month_and_day():
    got = hits("会议于2023年03月5日召开，2024年1月06日印发。", "FM005")
    assert got == [("2023年03月5日", "2023年3月5日"), ("2024年1月06日", "2024年1月6日")]


@pytest.mark.parametrize("text", ["2024年1月16日", "2023年10月15日召开。", "日期写作2024-01-16。"])
def test_unpadded_dates_are_fine(text):
    assert hits(text, "FM005") == []


def test_day_name_without_any_mark_between_month_and_day():
    import fazhi
    from fazhi.config import Config

    def found(t):
        r = fazhi.analyze(t, Config(select=["FM002"]))
        return [(r.text[f.start : f.end], f.suggestion) for f in r.findings]

    assert found("结合“315”消费者权益日开展宣传。") == [("315", "3·15")]
    assert found("开展“124”宪法宣传活动。") == [("124", None)]  # 1·24 or 12·4: no guess
    for good in (
        "发放资料315份，开展宪法宣传。",
        "开展“119”消防宣传月活动。",
        "2024宪法宣传周",
        "“3·15”消费者权益日",
    ):
        assert found(good) == [], good


def test_hyphen_range_in_half_width_text_left_to_pu001():
    # issue 15: in text typed (or archived) in half-width punctuation, the hyphen of a year range is
    # part of that typing; FM001 still reports it in full-width text or beside a dashed range
    import fazhi
    from fazhi.config import Config

    def fm(t):
        return [f.rule for f in fazhi.analyze(t, Config(select=["FM001"])).findings]

    half = "根据《法治政府建设实施纲要(2021-2025年)》要求,全年办理案件12件,调解纠纷30件。"
    assert fm(half) == []
    assert fm(half + "落实《某某省规划(2021—2025年)》。") == ["FM001"]
    assert fm("根据《法治政府建设实施纲要（2021-2025年）》要求，全年办理案件12件。") == ["FM001"]
