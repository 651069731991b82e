"""Number consistency (NC) and plausibility (PL) rules on texts written for these tests, and on the seeds."""

from __future__ import annotations

import pytest

from fazhi.rules.base import all_rules
from helpers import SEED_IDS, found, quotes, seed_report


# ---------------------------------------------------------------- NC001 part-exceeds-whole
@pytest.mark.parametrize(
    "text,quote",
    [
        ("今年全镇共化解矛盾纠纷86件，其中调解成功93件。", "调解成功93件"),
        ("全年排查矛盾纠纷60起，调解成功75起，群众满意。", "调解成功75起"),
        # the part now maps to petition.cases (a bare 信访 touching its number), so its quote carries the noun
        ("共受理信访事项40件，其中网上信访55件、来访12件。", "信访55件"),
    ],
)
def test_nc001_fires(text, quote):
    assert quotes(text, "NC001") == [quote]


@pytest.mark.parametrize(
    "text",
    [
        "今年全镇共化解矛盾纠纷86件，其中调解成功80件。",
        "共受理信访事项40件，其中网上信访25件、来访12件。",
        "调解纠纷300余件，调解成功305件。",  # 300余 may be 305: compatible
        "上半年调解成功15件。下半年共调解纠纷12件。",  # different sentences, different periods
        "共受理信访事项40件，比去年减少5件，其中来访60人次。",  # different units
    ],
)
def test_nc001_silent(text):
    assert quotes(text, "NC001") == []


# ---------------------------------------------------------------- NC002 rate-disagrees-with-counts
def test_nc002_fires_and_says_the_computed_rate():
    ((quote, f),) = found("全年受理矛盾纠纷356件，调解成功341件，调解成功率92%。", "NC002")
    assert quote == "调解成功率92%" and "95.8%" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "全年受理矛盾纠纷356件，调解成功341件，调解成功率95.8%。",
        "全年受理矛盾纠纷356件，调解成功341件，调解成功率96%。",
        "全年受理矛盾纠纷356件，调解成功341件，调解成功率约95%。",  # approximate rate: not checked
        "调解成功率90%。",  # no counts
    ],
)
def test_nc002_silent(text):
    assert quotes(text, "NC002") == []


def test_nc002_any_denominator_that_fits_is_enough():
    # 300/320 = 93.75% (screened) and 300/310 = 96.8% (mediated): 97% fits the second
    text = "共排查矛盾纠纷320件，调解纠纷310件，调解成功300件，调解成功率97%。"
    assert quotes(text, "NC002") == []
    assert quotes(text.replace("97%", "80%"), "NC002") == ["调解成功率80%"]


# ---------------------------------------------------------------- NC003 per-unit-contradicts-total
def test_nc003_fires_on_the_total():
    ((quote, f),) = found("全镇共12个村。每个村配备法律明白人5名，全镇共有法律明白人50名。", "NC003")
    assert quote == "法律明白人50名" and "60" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "全镇共12个村。每个村配备法律明白人5名，全镇共有法律明白人60名。",
        "全镇共12个村。每个村配备法律明白人不少于5名，全镇共有法律明白人70名。",
        "全镇共12个村。其余每个村配备法律明白人5名，全镇共有法律明白人70名。",
        "每个村配备法律明白人5名，全镇共有法律明白人70名。",  # village count unknown
    ],
)
def test_nc003_silent(text):
    assert quotes(text, "NC003") == []


# ---------------------------------------------------------------- NC004 change-disagrees-with-numbers
def test_nc004_fires_with_the_computed_change_and_a_fix():
    ((quote, f),) = found("全年受理行政复议案件18件，比去年减少6件，同比下降33%。", "NC004")
    assert quote == "同比下降33%" and "25.0%" in f.message and f.suggestion == "同比下降25%"


def test_nc004_direction_mismatch():
    assert quotes("全年受理行政复议案件18件，比去年减少6件，同比增长25%。", "NC004") == ["同比增长25%"]


@pytest.mark.parametrize(
    "text",
    [
        "全年受理行政复议案件18件，比去年减少6件，同比下降25%。",
        "全年受理行政复议案件18件，比去年增加6件，同比增长50%。",
        "全年受理行政复议案件18件，同比下降25%。",  # no absolute change: nothing to compute
        "全年受理行政复议案件18件，比去年减少6件。今年培训人数同比增长10%。",  # other sentence
    ],
)
def test_nc004_silent(text):
    assert quotes(text, "NC004") == []


# ---------------------------------------------------------------- NC005 contradictory-qualifiers
@pytest.mark.parametrize(
    "text,quote,fix",
    [
        ("全年开展普法活动近50余场。", "近50余场", "近50场"),
        ("发放宣传册约3000册左右。", "约3000册左右", "约3000册"),
        ("接受咨询将近200多人次。", "将近200多人次", "将近200人次"),
    ],
)
def test_nc005_fires(text, quote, fix):
    ((q, f),) = found(text, "NC005")
    assert (q, f.suggestion) == (quote, fix)


@pytest.mark.parametrize(
    "text", ["全年开展普法活动近50场。", "全年开展普法活动50余场。", "发放宣传册3000册左右。"]
)
def test_nc005_silent(text):
    assert quotes(text, "NC005") == []


# ---------------------------------------------------------------- NC006 same-measure-different-values
def test_nc006_fires_on_the_later_statement():
    text = "一、主要成效\n全年共办理行政处罚案件37件。\n二、主要举措\n严格执法，全年共办理行政处罚案件39件。"
    assert quotes(text, "NC006") == ["行政处罚案件39件"]


@pytest.mark.parametrize(
    "text",
    [
        "全年共办理行政处罚案件37件。\n严格执法，全年共办理行政处罚案件37件。",
        "全年共办理行政处罚案件37件，累计办理行政处罚案件240件。",  # yearly vs cumulative
        "处理消防案件罚款2800元，处理安全生产案件罚款11000元。",  # not stated as totals
        "全乡由7个村级调委会和1个乡级调委会组成，全乡8个调委会参与调解。",  # different wording
    ],
)
def test_nc006_silent(text):
    assert quotes(text, "NC006") == []


# ---------------------------------------------------------------- PL001 / PL002
def test_pl001_fires_on_a_perfect_rate_over_a_thousand_cases():
    assert quotes("全年共受理矛盾纠纷1320件，调解成功1320件，调解成功率达100%。", "PL001") == [
        "调解成功率达100%"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "全年共受理矛盾纠纷132件，调解成功132件，调解成功率达100%。",  # a small count
        "全年共受理矛盾纠纷1320件，调解成功1300件，调解成功率98.5%。",
        "全年共处理信访事项30件，按期办结率100%。",
        "127名干部参加法治理论知识考试，合格率100%。",
    ],
)
def test_pl001_silent(text):
    assert quotes(text, "PL001") == []


def test_pl002_fires_on_rates_over_100():
    assert quotes("群众满意度为101%。", "PL002") == ["群众满意度为101%"]
    assert quotes("群众满意度为100%，同比提高12%。", "PL002") == []


# ---------------------------------------------------------------- the catalogue and the seeds
def test_rule_records():
    mine = [r for r in all_rules() if r.code[:2] in ("NC", "PL")]
    assert len(mine) >= 8
    for r in mine:
        assert len(r.bad) >= 2 and len(r.good) >= 2
        for h in ("## 检查内容", "## 为什么", "## 示例", "## 建议写法", "## 误报与局限"):
            assert r.doc.count(h) == 1, (r.code, h)


def test_examples_of_the_records():
    for r in (r for r in all_rules() if r.code[:2] in ("NC", "PL")):
        for t in r.bad:
            assert quotes(t, r.code), (r.code, t)
        for t in r.good:
            assert not quotes(t, r.code), (r.code, t)


EXPECTED_ON_SEEDS = {
    ("001", "NC005", "近700余人次"),
    ("001", "NC004", "同比减少31%"),
    ("001", "PL001", "调解率、成功率均为100%"),
    ("004", "NC105", "415余"),  # 调解成功415余件: 余 after an exact count (issue 15, session 3)
}


def test_seeds_get_exactly_the_person_checked_findings():
    got = set()
    for seed in SEED_IDS:
        r = seed_report(seed)
        for f in r.findings:
            if f.rule[:2] in ("NC", "PL"):
                got.add((seed, f.rule, r.text[f.start : f.end]))
    assert got == EXPECTED_ON_SEEDS


def test_fines_of_different_procedures_not_compared():
    # regression (issue 15): NC006 compared the fines of 简易程序 and 普通程序 cases
    from fazhi import analyze
    from fazhi.config import Config

    good = "全年办理简易程序案件30件，共罚款2000元。办理普通程序案件12件，共罚款50000元。"
    assert not analyze(good, Config(select=["NC006"])).findings
    bad = "全年办理普通程序案件12件，共罚款50000元。\n另外，全年办理普通程序案件12件，共罚款60000元。"
    assert [f.rule for f in analyze(bad, Config(select=["NC006"])).findings] == ["NC006"]
