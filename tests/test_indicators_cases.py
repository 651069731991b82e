"""Mapping mechanisms added with the enforcement/mediation/decision/disputes phrasings (issue 15):
narrowing by the clause, full cues a weak cue must not hide, bare totals of things, plan nouns."""

from __future__ import annotations

import pytest

import fazhi


def inds(text: str) -> list[tuple[str, float]]:
    """(id, value) of every indicator of a short text, in text order."""
    return [(i.id, float(i.value)) for i in fazhi.analyze(text).indicators]


# ---------------------------------------------------------------- narrows / narrow_cue
@pytest.mark.parametrize(
    "text,want",
    [
        ("适用一般程序查处案件27起。", "enforcement.cases_general"),
        ("按简易程序当场处罚64起。", "enforcement.cases_simple"),
        ("成功调处邻里纠纷、土地纠纷等42起。", "mediation.success"),
        ("全年有36起矛盾纠纷得到成功化解。", "mediation.success"),
    ],
)
def test_clause_naming_the_procedure_or_outcome_narrows_the_count(text, want):
    assert [i for i, _ in inds(text)] == [want]


@pytest.mark.parametrize(
    "text,want",
    [
        # both procedures named: neither narrows, the count stays a case count
        ("适用一般程序、简易程序查处案件共59件。", "enforcement.cases"),
        # the narrowing word in another clause does not reach the count
        ("查处违法案件30起，一般程序平均办案时限20天。", "enforcement.cases"),
        ("调处矛盾纠纷65件，调解成功率98%。", "mediation.cases"),
    ],
)
def test_no_narrowing_without_one_narrowing_word_in_the_clause(text, want):
    assert inds(text)[0][0] == want


# ---------------------------------------------------------------- a weak cue must not hide a full one
def test_unconfirmed_weak_cue_does_not_hide_the_verb_of_its_spec():
    # 查处 (a full verb cue) names the count; 案件 alone (weak) would need 执法/处罚 nearby
    assert inds("查处案件27起。") == [("enforcement.cases", 27.0)]
    # the weak cue alone stays unconfirmed
    assert inds("办结案件27起。") == []


# ---------------------------------------------------------------- bare totals of things
def test_bare_total_of_things_takes_the_noun_of_the_clause_before():
    assert inds("公布年度重大行政决策事项目录，共4项。") == [("decision.major_decisions", 4.0)]
    assert inds("开展规范性文件清理，共计58件。") == [("decision.document_cleanups", 58.0)]


def test_bare_total_without_a_known_noun_stays_silent():
    assert inds("梳理本部门权责清单，共320项。") == []
    # not bare: a noun of its own follows the number
    assert inds("公布年度重大行政决策事项目录，共4项民生实事。") == []


# ---------------------------------------------------------------- plan words that are nouns
def test_plan_named_as_a_noun_is_not_a_plan():
    assert inds("全年完成立法计划项目5件。") == [("legislation.regulations", 5.0)]
    assert inds("计划制定地方性法规3件。") == []


# ---------------------------------------------------------------- document verbs need a document
def test_cleanup_verbs_count_documents_not_office_rules():
    assert inds("修订完善内部管理制度12项。") == []
    assert inds("清理涉及不平等对待企业的政策措施23项。") == [("decision.document_cleanups", 23.0)]
    assert inds("对3件规范性文件予以废止。") == [("decision.document_cleanups", 3.0)]


def test_settlement_agreement_is_not_a_contract():
    assert inds("共调解纠纷76件，其中达成调解协议74件。") == [
        ("mediation.cases", 76.0),
        ("mediation.success", 74.0),
    ]
    assert inds("审查招商引资协议8份。") == [("decision.contract_reviews", 8.0)]


def test_reception_of_visitors_is_a_leaders_only_when_a_leader_is_named():
    assert inds("领导干部接待群众来访86人次。") == [("petition.leader_receptions", 86.0)]
    assert inds("信访窗口接待群众来访86人次。") == []


def test_satisfaction_of_proposals_is_not_the_publics():
    assert ("petition.satisfaction", 96.0) in inds("受理信访事项50件，群众满意率96%。")
    assert inds("办理政协提案9件，满意率100%。") == [("supervision.proposals", 9.0)]
