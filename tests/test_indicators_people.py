"""Mechanisms added for the people families (study, publicity, grassroots…; issue 15, `indpeople`).

The strict phrasings (gold/phrasings/indicators_strict_people.txt) hold most cases; these tests name
the mechanisms themselves, each firing on its case and silent on the near miss."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.indicators.quantities import find


def inds(text: str) -> list[tuple[str, float]]:
    """(id, value) of every indicator of a short text, in text order."""
    return [(i.id, float(i.value)) for i in fazhi.analyze(text).indicators]


def test_rule_of_two_officers_filters_people_only():
    # `2人以上执法` states the rule; `2期执法人员培训班` counts classes
    assert find("严格执行2人以上执法规定。") == []
    assert [q.value for q in find("举办2期执法人员资格培训班。")] == [2]


def test_lesson_measure_word_but_not_festivals():
    assert [q.unit for q in find("为师生上法治课12节。")] == ["节"]
    assert all(q.unit != "节" for q in find("做好两节期间值班，保障12节日用品供应。"))


@pytest.mark.parametrize(
    "text,want",
    [
        # the public as the audience: publicity, whoever speaks
        ("党员干部深入农户宣讲惠民政策和法律法规45次。", [("publicity.events", 45.0)]),
        # cadres as the audience: a lecture
        ("为机关干部宣讲新修订的法律法规6次。", [("study.lectures", 6.0)]),
        # a 宣讲 of party theory is neither
        ("全年组织党员干部开展理论宣讲30场。", []),
    ],
)
def test_audience_decides_lecture_or_publicity(text, want):
    assert inds(text) == want


@pytest.mark.parametrize(
    "text",
    ["为干部职工发放学法读本200册。", "发放考试复习资料300份。", "为全局干部印发应知应会手册80本。"],
)
def test_internal_study_material_is_not_publicity_material(text):
    assert inds(text) == []


def test_bare_count_of_people_is_the_attendance_of_its_event():
    assert inds("组织干部到法院旁听庭审，共40余人次。") == [("study.court_hearings", 40.0)]
    # with no event named before it, a bare count of people stays a fact
    assert inds("组织干部到法院，共40余人次。") == []


def test_subset_after_a_meeting_count_is_not_its_subject():
    assert inds("全年召开党组会议18次，其中专题研究法治建设3次。") == [("leadership.meetings", 3.0)]


def test_a_list_of_law_names_is_read_through_to_its_count():
    text = "认真学习宪法、民法典、行政处罚法、行政许可法、安全生产法、森林法等法律法规16次。"
    assert inds(text) == [("study.sessions", 16.0)]
    # a list of other things is not: the count stays without an indicator
    assert inds("认真学习党的二十大报告、政府工作报告、市委全会精神等文件16次。") == []
