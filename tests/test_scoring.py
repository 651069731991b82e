"""The quality score: completeness, correctness and concreteness, with one rule's flood capped."""

from __future__ import annotations

import fazhi

FULL = (
    "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n全年开展会前学法12次，化解矛盾纠纷120件。\n"
    "二、存在的不足和原因\n执法力量不足，原因是编制有限。\n"
    "三、党政主要负责人履行推进法治建设第一责任人职责情况\n主要负责人带头学法。\n"
    "四、下一年度主要安排\n下一步，继续加强执法队伍建设。\n某某县司法局\n2024年1月16日"
)


def test_complete_clean_report_scores_high():
    r = fazhi.analyze(FULL)
    assert r.score["completeness"] == 40
    assert r.score["correctness"] == 40


def test_missing_part_costs_more_than_a_flood_of_commas():
    commas = FULL.replace("，", ",")
    no_shortcomings = FULL.replace("二、存在的不足和原因\n执法力量不足，原因是编制有限。\n", "")
    assert fazhi.analyze(commas).score["total"] > fazhi.analyze(no_shortcomings).score["total"]


def test_seed_scores_are_in_range(seed):
    assert 0 <= seed.score["total"] <= 100
