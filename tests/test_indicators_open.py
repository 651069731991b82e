"""Indicator cues that generalise from meaning (issue 15, session 3): phrasings of our own, strict."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi

# Every strict phrasing file: indicators_strict.txt and one per family (indicators_strict_*.txt).
STRICT = sorted((Path(__file__).parent / "gold" / "phrasings").glob("indicators_strict*.txt"))


def inds(text: str) -> list[tuple[str, float]]:
    """(id, value) of every indicator of a short text, in text order."""
    return [(i.id, float(i.value)) for i in fazhi.analyze(text).indicators]


def _strict() -> list[tuple[str, list[tuple[str, float]]]]:
    rows = []
    lines = [ln for path in STRICT for ln in path.read_text(encoding="utf-8").splitlines()]
    for ln in lines:
        if not ln or ln[0] == "#":
            continue
        text, exp = ln.split("|")
        want = [(e.split(":")[0], float(e.split(":")[1])) for e in exp.split(",") if e]
        rows.append((text, want))
    return rows


@pytest.mark.parametrize("text,want", _strict())
def test_strict_phrasings(text, want):
    assert sorted(inds(text)) == sorted(want)


# ---------------------------------------------------------------- bare outcomes continue a count
@pytest.mark.parametrize(
    "text,want",
    [
        (
            "全年收到行政复议申请14件，受理12件，审结10件。",
            [("disputes.reconsideration", v) for v in (14, 12, 10)],
        ),
        ("办理行政诉讼案件6件，其中胜诉5件、败诉1件。", [("disputes.litigation", v) for v in (6, 5, 1)]),
        # the paragraph's subject decides, not the verb: 调解 in a reconsideration run
        (
            "受理复议案件9件，其中调解结案2件。",
            [("disputes.reconsideration", 9), ("disputes.reconsideration", 2)],
        ),
        ("排查矛盾纠纷40起，化解38起。", [("mediation.screened", 40), ("mediation.success", 38)]),
        ("排查矛盾纠纷40起，调处35起。", [("mediation.screened", 40), ("mediation.cases", 35)]),
        ("开展普法宣传活动12场，累计达到40场。", [("publicity.events", 12), ("publicity.events", 40)]),
        # the run goes on in the paragraph's next sentence
        (
            "受理复议申请9件。其中，撤销2件。",
            [("disputes.reconsideration", 9), ("disputes.reconsideration", 2)],
        ),
    ],
)
def test_bare_outcome_continues_the_count_before_it(text, want):
    assert inds(text) == [(i, float(v)) for i, v in want]


@pytest.mark.parametrize(
    "text",
    [
        # a new paragraph starts a new run: the bare count has nothing to continue
        "受理复议申请9件。\n审结7件。",
        # a count with a noun of its own is not an outcome
        "受理复议申请9件，发放宣传资料300份。",
        # an outcome verb after a count of another kind continues nothing
        "检查企业20家，撤销3件。",
    ],
)
def test_bare_outcome_stays_silent_without_its_run(text):
    ids = [i for i, _ in inds(text)]
    assert "disputes.reconsideration" not in ids[1:] and "mediation.success" not in ids
    assert ids.count("disputes.reconsideration") <= 1


# ---------------------------------------------------------------- a process verb before its object
@pytest.mark.parametrize(
    "text,want",
    [
        ("审查部门报送的规范性文件草案8件。", "decision.legality_reviews"),
        ("修订规范性文件4件。", "decision.document_cleanups"),
        ("评估重大行政决策事项3项。", None),
        ("制定出台规范性文件3件。", "decision.normative_documents"),
        ("全年作出重大行政决策4项。", "decision.major_decisions"),
    ],
)
def test_the_process_not_its_object_names_the_count(text, want):
    ids = [i for i, _ in inds(text)]
    assert ids == ([want] if want else [])


# ---------------------------------------------------------------- people who take part
def test_people_before_a_participation_verb_are_its_participants():
    assert inds("全市210名执法人员参加行政执法资格考试。") == [("study.exam_participants", 210.0)]
    # without the participation verb they are the staff
    assert inds("全市共有210名执法人员。") == [("enforcement.officers", 210.0)]


# ---------------------------------------------------------------- a generic rate needs its subject
def test_generic_rate_name_needs_its_subject():
    assert ("petition.on_time_rate", 100.0) in inds("受理群众信访事项20件，按期办结率100%。")
    assert inds("政务服务中心办件按期办结率100%。") == []


# ---------------------------------------------------------------- classes and courses
@pytest.mark.parametrize(
    "text,want",
    [
        ("举办法治政府建设专题研讨班2期。", [("study.lectures", 2.0)]),
        ("举办宪法学习读书班1期，参训干部80人。", [("study.lectures", 1.0), ("study.trainees", 80.0)]),
        ("举办主题教育读书班3期。", []),
        ("举办乡村振兴研讨班2期。", []),
    ],
)
def test_courses_on_the_law_are_lectures(text, want):
    assert inds(text) == want


# ---------------------------------------------------------------- lists, quoted campaigns, objects
def test_noun_of_the_list_item_before_is_not_the_next_counts():
    # both counts are the units reviewed; neither takes the other's noun
    assert inds("对全市9个街道、21个市直部门开展法治督察。") == [
        ("supervision.reviews", 9.0),
        ("supervision.reviews", 21.0),
    ]
    # a parenthesis between the noun and its count is not a list
    assert inds("举办法治讲座（报告会、培训）16场。") == [("study.lectures", 16.0)]


@pytest.mark.parametrize(
    "text,want",
    [
        ("组织律师开展“法律服务进园区”活动7次。", [("publicity.events", 7.0)]),
        ("开展“宪法进校园”系列活动5场。", [("publicity.events", 5.0)]),
        # a quoted name with no publicity word is not a publicity campaign
        ("开展“美丽庭院”评比活动4次。", []),
    ],
)
def test_quoted_campaign_named_by_a_publicity_word(text, want):
    assert inds(text) == want


def test_object_of_a_process_after_dui():
    assert inds("对现行有效的40件规范性文件进行清理。") == [("decision.document_cleanups", 40.0)]
    assert inds("对6件规范性文件开展合法性审查。") == [("decision.legality_reviews", 6.0)]


def test_participants_through_a_generic_cue():
    assert inds("全县150名执法人员参加新法新规专题培训。") == [("study.trainees", 150.0)]
    # a stock of people who take part in work, not in an event of their unit, keeps its noun
    assert inds("全镇30名法律明白人参与矛盾纠纷化解。") == [("grassroots.legal_aware", 30.0)]


def test_service_items_named_by_the_reform():
    assert inds("依申请政务服务事项800项，实现全程网办760项。") == [
        ("services.items", 800.0),
        ("services.items", 760.0),
    ]


def test_outcome_quote_starts_at_its_verb():
    r = fazhi.analyze("受理复议申请12件，其中维持9件、已撤销2件。")
    assert [r.text[i.start : i.end] for i in r.indicators] == ["复议申请12件", "维持9件", "撤销2件"]
