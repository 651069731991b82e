"""Typo rules (TY) and the shared term automaton of rules/kinds.py, on sentences written for these tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.analysis import Analysis
from fazhi.config import Config
from fazhi.rules import kinds
from helpers import hits


# ---------------------------------------------------------------- TY001 known confusions
def test_known_confusion_fires_with_fix():
    assert hits("各村要按步就班推进创建工作。", "TY001") == [("按步就班", "按部就班")]


def test_known_confusion_silent_on_right_form():
    assert hits("各村要按部就班推进创建工作，尽最大限度减少损失。", "TY001") == []


def test_context_confusion_tiaojie():
    assert hits("村调委会及时调节纠纷。", "TY001") == [("调节纠纷", "调解纠纷")]
    assert hits("发挥市场调节作用，人民调解委员会及时调解纠纷。", "TY001") == []


def test_user_confusion_is_reported():
    assert hits("青河县政付办公室。", "TY001", confusions={"青河县政付": "青河县政府"}) == [
        ("青河县政付", "青河县政府")
    ]


def test_user_confusion_wins_over_generated_variant():
    # 法治政付 is also a generated variant (TY002); the user's entry is reported once, as TY001
    r = fazhi.analyze("建设法治政付。", Config(select=["TY"], confusions={"法治政付": "法治政府"}))
    assert [f.rule for f in r.findings] == ["TY001"]


def test_user_allowed_silences():
    assert hits("我镇重大限度工程已完工。", "TY001", allowed=["重大限度工程"]) == []


# ---------------------------------------------------------------- TY002 homophones and shapes
def test_shape_slip_in_term():
    assert hits("对辖区九小城所开展消防检查。", "TY002") == [("九小城所", "九小场所")]


def test_homophone_char_in_term():
    assert hits("坚持依法行正，落实三项质度。", "TY002") == [
        ("依法行正", "依法行政"),
        ("三项质度", "三项制度"),
    ]


def test_homophone_word_in_term():
    assert hits("各部门依法形式职权。", "TY002") == [("依法形式职权", "依法行使职权")]


def test_homophone_silent_on_correct_terms():
    text = "坚持依法行政，落实行政执法三项制度，检查九小场所和人员密集场所，依法行使职权。"
    assert hits(text, "TY002") == []


def test_user_term_guards_a_variant():
    # a place name that happens to contain a generated variant
    assert hits("九小城所片区完成改造。", "TY002", terms=["九小城所片区"]) == []


# ---------------------------------------------------------------- TY003 missing characters
def test_truncated_fixed_phrase_before_next_word():
    assert hits("接到报警后，民警第一时赶到现场。", "TY003") == [("第一时", "第一时间")]


def test_truncated_fixed_phrase_at_end_of_sentence():
    assert hits("接到报警后要做到第一时。", "TY003") == [("第一时", "第一时间")]


def test_truncation_silent_when_next_char_makes_a_word():
    assert hits("在第一时段完成报名，第一时间反馈。", "TY003") == []


def test_inner_character_missing():
    assert hits("坚持重大行决策集体讨论。", "TY003") == [("重大行决策", "重大行政决策")]
    assert hits("严格执行重大行决策程序。", "TY003") == [("重大行决策程序", "重大行政决策程序")]


def test_no_missing_char_across_word_boundary():
    # 履行 + 规范性文件 must not read as 行政规范性文件 missing 政
    assert hits("严格履行规范性文件制定程序，村级法律顾问全部到位。", "TY003") == []


# ---------------------------------------------------------------- TY004 doubled characters
def test_doubled_inner_character():
    assert hits("全面推进依法法行政，加强规范性性文件管理。", "TY004") == [
        ("依法法行政", "依法行政"),
        ("规范性性文件", "规范性文件"),
    ]


def test_doubled_silent_on_correct_and_edge_repeats():
    assert hits("坚持宪法法律至上，全面推进依法行政。", "TY004") == []


# ---------------------------------------------------------------- TY005 形式 for 行使
@pytest.mark.parametrize(
    "text",
    ["按照清单由街道办事处形式的行政处罚权共29项。", "乡镇集中形式行政许可权。", "镇政府形式审批权不规范。"],
)
def test_xingshi_before_power_noun(text):
    assert hits(text, "TY005") == [("形式", "行使")]


@pytest.mark.parametrize(
    "text",
    [
        "坚决防止任何形式的权力寻租。",
        "当事人以书面形式行使陈述申辩权。",
        "反对形式主义、官僚主义。",
        "采取多种形式的监督检查。",
        "街道依法行使下放的行政处罚权。",
    ],
)
def test_xingshi_noun_uses_are_silent(text):
    assert hits(text, "TY005") == []


def test_xingshi_not_reported_twice():
    r = fazhi.analyze("各部门依法形式职权。", Config(select=["TY"]))
    assert [f.rule for f in r.findings] == ["TY002"]


# ---------------------------------------------------------------- TY006 截止 / 截至
@pytest.mark.parametrize(
    "text", ["截止目前，共办结12件。", "截止2024年6月底，共办结12件。", "截止12月，共办结12件。"]
)
def test_jiezhi_before_time(text):
    assert hits(text, "TY006") == [("截止", "截至")]


@pytest.mark.parametrize("text", ["申报截止日期为3月1日。", "截止到目前，共办结12件。", "报名已于昨日截止。"])
def test_jiezhi_silent(text):
    assert hits(text, "TY006") == []


# ---------------------------------------------------------------- the shared automaton
def test_one_automaton_one_scan_per_text():
    text = "坚持依法行正，做到第一时赶到，截止目前共3件。"
    r = fazhi.analyze(text, Config(select=["TY"]))
    assert {f.rule for f in r.findings} == {"TY002", "TY003", "TY006"}
    before = kinds._automaton.cache_info()
    fazhi.analyze(text, Config(select=["TY", "TE"]))
    after = kinds._automaton.cache_info()
    assert after.misses == before.misses  # built once, reused by every rule and every report


def test_scan_is_cached_per_text():
    rep = Analysis(source="t", text="深入推进依法行正。")
    assert kinds.scan(rep, Config()) is kinds.scan(rep, Config())


def test_boundary_word_explains_edge_character():
    # 日 belongs to 日益: no 国家安全日 here
    assert hits("维护国家安全日益重要。", "TE006") == []


@pytest.mark.parametrize(
    ("wrong", "right", "region"),
    [
        ("重大限度", "最大限度", (0, 1)),
        ("第一时", "第一时间", (3, 3)),
        ("重大行决策", "重大行政决策", (3, 3)),
        ("法治治政府", "法治政府", (2, 3)),
    ],
)
def test_error_region(wrong, right, region):
    assert kinds.error_region(wrong, right) == region


def test_legal_term_overlapping_a_variant_is_protected():
    # 形式审查 is a legal term: 依法形式审查 is not 依法行使 misspelt
    assert hits("申请材料由窗口依法形式审查后受理。", "TY002") == []
    assert hits("镇政府依法形式行政处罚权。", "TY002") == [("依法形式", "依法行使")]


def test_homophone_that_is_a_valid_phrase_silent():
    # 年中 and 年终 sound alike, but 年中述法 (mid-year) is valid
    assert hits("开展年中述法和年终述法。", "TY002") == []


def test_truncation_at_a_function_word_is_not_a_missing_character():
    """Regression (held-out report): `规范执法为目标` was read as `执法为民` missing its last character."""
    import fazhi

    r = fazhi.analyze("以依法行政、规范执法为目标，把法治政府建设贯穿全镇中心工作的始终。")
    assert not [f for f in r.findings if f.rule == "TY003"]
    r = fazhi.analyze("接到通知后，第一时组建工作专班。")
    assert [f.rule for f in r.findings if f.category.value == "typo"] == ["TY003"]


def _rules(text):
    import fazhi

    return [f.rule for f in fazhi.analyze(text).findings if f.category.value == "typo"]


def test_doubled_gong_fires_only_within_one_count_phrase():
    assert _rules("全年共受理法律援助案件共计86件。") == ["TY007"]
    assert _rules("全年共受理法律援助案件86件，共计挽回损失12万元。") == []
    assert _rules("坚持共建共治共享，全年共化解纠纷120件。") == []


def test_de_before_a_degree_complement():
    assert _rules("执法人员培训开展的不够深入。") == ["TY008"]
    assert _rules("存在的不足和原因：培训不够深入。") == []


def test_missing_char_silent_when_stray_edge_character_joins_its_neighbour():
    # regression (issue 15): TY003 on "第一责任人责任" and "全面推行审批服务"
    from fazhi import analyze

    for good in (
        "党委书记切实履行推进法治建设第一责任人责任。",
        "全面推行审批服务“马上办”，群众满意度提高。",
    ):
        assert "TY003" not in {f.rule for f in analyze(good).findings}, good
    for bad in ("党委书记切实履行推进法治建设第一责任人责，", "加快行审批服务改革。"):
        assert "TY003" in {f.rule for f in analyze(bad).findings}, bad
