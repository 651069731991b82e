"""Terminology rules (TE, 规范表述), on sentences written for these tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.config import Config
from fazhi.model import Severity
from fazhi.rules.terminology import sessions
from helpers import found, quotes

TITLE_2023 = "关于2023年法治政府建设情况的报告\n"
SIGNED = "\n某某街道办事处\n{date}"


# ---------------------------------------------------------------- TE001 political phrases
def test_phrase_variants_of_plenary_sessions():
    for wrong in ("党的二十大和历届全会精神", "党的二十大及历次全会精神", "党的二十大和二十届历届全会精神"):
        ((q, f),) = found(f"全镇干部深入学习{wrong}。", "TE001")
        assert f.suggestion == "二十大和二十届历次全会精神"


def test_phrase_xi_thought():
    ((q, f),) = found("坚持以习近平新时代特色社会主义思想为指导。", "TE001")
    assert f.suggestion == "习近平新时代中国特色社会主义思想"


def test_phrase_canonical_forms_silent():
    text = "坚持以习近平新时代中国特色社会主义思想为指导，深入学习习近平法治思想和党的二十大和二十届历次全会精神，严格规范公正文明执法。"
    assert quotes(text, "TE001") == []


# ---------------------------------------------------------------- TE002 “八五”
def test_unquoted_plan_numerals():
    assert quotes("七五普法顺利收官，十四五规划全面实施。", "TE002") == ["七五普法", "十四五规划"]


def test_quoted_plan_numerals_silent():
    assert quotes('“八五”普法中期评估，“十四五”时期，"八五"普法。', "TE002") == []


def test_whole_phrase_in_quotes_gets_single_quotes():
    ((q, f),) = found("开展“八五普法”知识竞赛。", "TE002")
    assert f.suggestion == "‘八五’普法"


# ---------------------------------------------------------------- TE003 法制 → 法治
def test_fazhi_collocations():
    assert quotes("加强法制宣传，增强法制观念，聘请法制副校长。", "TE003") == [
        "法制宣传",
        "法制观念",
        "法制副校长",
    ]


def test_fazhi_institutions_stay_silent():
    text = "重大执法决定法制审核，加强行政法制机构建设，原法制办职能划入司法局，维护国家法制统一。"
    assert quotes(text, "TE003") == []


def test_one_finding_for_overlapping_forms():
    assert quotes("推进民主法制建设。", "TE003") == ["民主法制"]
    r = fazhi.analyze("在全国法制宣传日开展活动。", Config(select=["TE"]))
    assert [f.rule for f in r.findings] == ["TE006"]


# ---------------------------------------------------------------- TE004 short law titles
def test_short_law_title_is_opt_in():
    # regression (issue 15): TE004 fired by default on 《民法典》《宪法》, accepted in these reports
    text = "组织全体干部学习《宪法》《民法典》。"
    assert "TE004" not in {f.rule for f in fazhi.analyze(text).findings}
    assert "TE004" in {f.rule for f in fazhi.analyze(text, Config(preview=True)).findings}


def test_short_law_title_silent_inside_quoted_event_name():
    assert quotes("开展“《民法典》进万家”主题宣传活动12场。", "TE004") == []
    assert quotes("开展“美好生活·《民法典》相伴”宣传月活动，学习《宪法》。", "TE004") == ["《宪法》"]


def test_short_titles_cited_together_make_one_finding():
    ((q, f),) = found("学习了《行政处罚法》、《行政许可法》等法律。", "TE004")
    assert q == "《行政处罚法》、《行政许可法》"
    assert f.suggestion == "《中华人民共和国行政处罚法》、《中华人民共和国行政许可法》"
    assert f.severity == Severity.INFO


def test_short_title_after_full_title_is_fine():
    assert quotes("学习《中华人民共和国安全生产法》，宣传《安全生产法》。", "TE004") == []


def test_one_finding_per_law():
    text = "宣传《消防法》。开展《消防法》进社区活动。又学习《中华人民共和国消防法》。"
    assert quotes(text, "TE004") == ["《消防法》"]


def test_titles_that_are_not_national_laws_silent():
    assert quotes("学习《中国共产党章程》《信访工作条例》《重大行政决策程序暂行条例》。", "TE004") == []


# ---------------------------------------------------------------- TE005 outdated names
def test_outdated_after_change_year():
    ((q, f),) = found(TITLE_2023 + "严格执行《信访条例》。", "TE005")
    assert (q, f.suggestion) == ("《信访条例》", "《信访工作条例》")


def test_outdated_before_change_year_silent():
    assert quotes("关于2021年法治政府建设情况的报告\n严格执行《信访条例》。", "TE005") == []


def test_repealed_law_has_no_drop_in_fix():
    ((q, f),) = found(TITLE_2023 + "依照《合同法》审查合同。", "TE005")
    assert q == "《合同法》" and f.suggestion is None and "民法典" in f.message


# ---------------------------------------------------------------- TE006 day names
def test_day_names():
    assert quotes("在全国禁毒日和全民国家安全日开展宣传。", "TE006") == ["全国禁毒日", "全民国家安全日"]


def test_accepted_day_names_silent():
    assert quotes("在国际禁毒日、国家安全教育日、全民国家安全教育日和国家宪法日开展宣传。", "TE006") == []


# ---------------------------------------------------------------- TE007 / TE008 plenary sessions
def test_sessions_table_has_dates():
    assert sessions()["二十届三中全会"] == "2024-07-15"


def test_session_after_signing_date():
    text = "学习贯彻党的二十大和二十届二中、三中全会精神。" + SIGNED.format(date="2024年3月1日")
    assert quotes(text, "TE007") == ["三中全会"]


def test_session_before_signing_date_silent():
    text = "学习贯彻党的二十大和二十届二中、三中全会精神。" + SIGNED.format(date="2025年1月8日")
    assert quotes(text, "TE007") == []


def test_awaited_congress_silent():
    text = "以优异成绩迎接党的二十大胜利召开。" + SIGNED.format(date="2022年2月10日")
    assert quotes(text, "TE007") == []


def test_congress_before_it_met():
    text = "深入学习党的二十大精神。" + SIGNED.format(date="2022年2月10日")
    assert quotes(text, "TE007") == ["二十大"]


def test_report_year_contradicts_session():
    assert quotes(TITLE_2023 + "全面贯彻党的二十届三中全会精神。", "TE008") == ["三中全会"]
    assert quotes(TITLE_2023 + "全面贯彻党的二十届二中全会精神。", "TE008") == []


def test_year_rule_defers_to_date_rule():
    text = TITLE_2023 + "全面贯彻党的二十届三中全会精神。" + SIGNED.format(date="2024年8月1日")
    assert quotes(text, "TE008") == [] and quotes(text, "TE007") == []


# ---------------------------------------------------------------- TE009 plan titles
def test_plan_years_swapped_between_plans():
    ((q, f),) = found("贯彻《法治政府建设实施纲要（2020—2025年）》。", "TE009")
    assert f.severity == Severity.ERROR and f.suggestion == "《法治政府建设实施纲要（2021—2025年）》"


@pytest.mark.parametrize(
    "text", ["对照《法治中国建设规划（2020—2025）》。", "对照法治社会建设实施纲要（2020—2025年）开展工作。"]
)
def test_plan_title_form(text):
    assert len(quotes(text, "TE009")) == 1


@pytest.mark.parametrize(
    "text",
    [
        "贯彻《法治政府建设实施纲要（2021—2025年）》。",
        "贯彻《法治政府建设实施纲要（2021-2025年）》。",  # the dash is the format rules' business
        "印发《关于贯彻落实法治政府建设实施纲要的实施意见》。",
    ],
)
def test_plan_title_silent(text):
    assert quotes(text, "TE009") == []


def test_plan_years_of_a_local_plan_not_flagged():
    # regression (issue 15): TE009 on a provincial plan that has its own years
    assert quotes("认真落实《某某省法治政府建设实施纲要（2022—2025年）》。", "TE009") == []
    # without a place in the book title the national plan is meant: its years are checked
    assert len(quotes("紧扣中央、省、市部署和《法治政府建设实施纲要（2022—2025年）》要求。", "TE009")) == 1
    # the known confusion with the 法治社会 plan's years still fires
    assert quotes("贯彻《法治政府建设实施纲要（2020—2025年）》。", "TE009") == [
        "《法治政府建设实施纲要（2020—2025年）》"
    ]


def test_fixed_phrase_order_and_mixed_session_name():
    ((q, f),) = found("引导群众学法用法尊法守法。", "TE001")
    assert q == "学法用法尊法守法" and f.suggestion == "尊法学法守法用法"
    ((q, f),) = found("深入学习党的二十大届三中全会精神。", "TE001")
    assert q == "二十大届" and f.suggestion == "二十届"
    assert quotes("营造尊法学法守法用法氛围，学习党的二十大和二十届三中全会精神。", "TE001") == []


def test_unofficial_constitution_day_name():
    ((q, f),) = found("利用宪法宣传日开展宣传。", "TE006")
    assert f.suggestion == "国家宪法日"
    assert quotes("开展“宪法宣传周”和国家宪法日系列活动。", "TE006") == []


def test_statutory_first_responsible_phrase():
    # issue 15: 推进法治政府建设第一责任人职责 for 推进法治建设第一责任人职责
    ((q, f),) = found("主要负责人切实履行推进法治政府建设第一责任人职责。", "TE001")
    assert f.suggestion == "推进法治建设第一责任人"
    # 省去“推进”的“法治建设第一责任人职责” is accepted usage (TE102's decision)
    assert quotes("主要负责人切实履行法治建设第一责任人职责。", "TE001") == []
    good = "主要负责人切实履行推进法治建设第一责任人职责，党政主要负责人为街道法治建设第一责任人。"
    assert quotes(good, "TE001") == []


def test_study_group_and_instruction_order():
    assert [f.suggestion for _, f in found("通过党委理论中心学习组集中学习重要批示指示精神。", "TE001")] == [
        "理论学习中心组",
        "指示批示精神",
    ]


def test_xi_thought_named_in_full():
    assert quotes("全面学习贯彻法治思想，以法治思想引领工作。", "TE011") == ["法治思想", "法治思想"]
    assert quotes("全面学习贯彻习近平法治思想，树立社会主义法治思想。", "TE011") == []


def test_legal_understanding_person_name():
    ((q, f),) = found("开展普法明白人培训2场。", "TE001")
    assert f.suggestion == "法律明白人"
    assert quotes("开展“法律明白人”培训2场，组织普法宣传员学法。", "TE001") == []


def test_table_message_bracketed_a_note_that_held_brackets_of_its_own():
    # regression (seed 000): “…应为“推进法治建设第一责任人”（规范表述为…（《…规定》），…）” nested brackets
    from fazhi.rules.kinds import fill

    tpl = "“{wrong}”应为“{right}”（{note}）"
    assert fill(tpl, "甲日", "乙日", "5月1日为乙日") == "“甲日”应为“乙日”（5月1日为乙日）"
    assert (
        fill(tpl, "甲日", "乙日", "名称见《某规定》（2020年）")
        == "“甲日”应为“乙日”：名称见《某规定》（2020年）"
    )
    assert fill(tpl, "甲日", "乙日", "") == "“甲日”应为“乙日”"
    r = fazhi.analyze("街道党政主要负责人切实履行推进法治政府建设第一责任人职责。")
    msgs = [f.message for f in r.findings if f.rule == "TE001"]
    # whatever the data's note holds, the message never nests one bracket pair inside another
    assert msgs and all(m.count("（") <= 1 and "））" not in m for m in msgs)
