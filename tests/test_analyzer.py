"""Analyzer core on the five seeds: title, unit, year, date, addressee, outline, parts, spans."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi
from fazhi.model import PartStatus, UnitLevel
from fazhi.pipeline import analysis_of
from helpers import check_spans_in_raw, seed_report

EXPECTED = {
    "000": dict(
        title="关于2023年法治政府建设情况的报告",
        unit="昌州街道",
        level=UnitLevel.TOWNSHIP,
        year=2023,
        addressee="区委、区政府",
        date=None,
        inferred=False,
    ),
    "001": dict(
        # the issuing organs above `关于…` open the title (GB/T 9704; as bench/devset annotates it)
        title="中共黔江区城西街道工作委员会黔江区人民政府城西街道办事处关于2024年度法治政府建设情况的报告",
        unit="中共黔江区城西街道工作委员会、黔江区人民政府城西街道办事处",
        level=UnitLevel.TOWNSHIP,
        year=2024,
        addressee=None,
        date=None,
        inferred=False,
    ),
    "002": dict(
        title="偏柏乡人民政府关于2023年法治政府建设情况的报告",
        unit="偏柏乡人民政府",
        level=UnitLevel.TOWNSHIP,
        year=2023,
        addressee=None,
        date=None,
        inferred=False,
    ),
    "003": dict(
        title="解放区民主街道办事处关于2023年法治政府建设情况的报告",
        unit="解放区民主街道办事处",
        level=UnitLevel.TOWNSHIP,
        year=2023,
        addressee=None,
        date=None,
        inferred=False,
    ),
    "004": dict(
        # no title: null, and the file name `004_06c408b12b9745fb` is not offered as one (issue 14)
        title=None,
        unit="中共重庆市荣昌区吴家镇委员会、重庆市荣昌区吴家镇人民政府",
        level=UnitLevel.TOWNSHIP,
        year=2023,
        addressee="区委、区政府",
        date="2024-01-16",
        inferred=False,
    ),
}

# (level, number, title prefix) of the top two levels, read off the seeds by hand.
OUTLINES = {
    "000": [
        (1, "一", "2023年推进法治政府建设的主要举措和成效"),
        (2, "一", "深入学习贯彻"),
        (2, "二", "着力提高"),
        (2, "三", "深化法治政府建设"),
        (2, "4", "加快建设法治社会"),
        (1, "二", "2023年党政主要负责人"),
        (1, "三", "2023年推进法治政府建设存在的不足和原因"),
        (1, "四", "2024年推进法治政府建设的工作思路"),
        (2, "一", "提升普法宣传力度"),
        (2, "二", "扎实推进"),
        (2, "三", "加强执法队伍专业化建设"),
    ],
    "001": [
        (1, "一", "工作成效"),
        (1, "二", "主要举措"),
        (2, "一", "高度重视"),
        (2, "二", "健全队伍"),
        (2, "三", "法治宣传为抓手"),
        (2, "四", "全面公开"),
        (2, "五", "严格依法行政"),
        (2, "六", "妥善处理"),
        (1, "三", "2024年推进法治政府建设存在的不足和原因"),
        (1, "四", "2025年推进法治政府建设的工作思路"),
    ],
    "002": [(1, None, "主要举措和成效"), (1, "二", "存在的不足和原因"), (1, "三", "下一年度工作的主要安排")],
    "003": [
        (1, "一", "法治建设履职情况"),
        (2, "一", "加强党的领导"),
        (2, "二", "加强法治学习"),
        (2, "三", "服务中心大局"),
        (1, "二", "存在的问题"),
        (1, "三", "下一步工作打算及建议"),
    ],
    "004": [
        (1, "一", "指标完成情况"),
        (2, "一", "习近平法治思想宣传贯彻情况"),
        (2, "二", "法治政府建设情况"),
        (2, "三", "法治社会建设情况"),
        (1, "二", "存在的主要问题"),
        (2, "一", "干部法治观念"),
        (2, "二", "法治宣传教育"),
        (2, "三", "基层法治人才"),
        (1, "三", "2024年推进法治政府建设工作思路"),
        (2, "一", "强化依法行政观念"),
        (2, "二", "规范公正文明执法"),
        (2, "三", "加强行政执法监督"),
        (2, "四", "创新法治宣传形式"),
    ],
}

D, E, M = PartStatus.DEDICATED, PartStatus.EMBEDDED, PartStatus.MISSING
PARTS = {
    "000": dict(measures=D, shortcomings=D, first_responsible=D, next_year=D, other=M),
    "001": dict(measures=D, shortcomings=D, first_responsible=E, next_year=D, other=M),
    "002": dict(measures=D, shortcomings=D, first_responsible=E, next_year=D, other=M),
    "003": dict(measures=D, shortcomings=D, first_responsible=E, next_year=D, other=M),
    "004": dict(measures=D, shortcomings=D, first_responsible=E, next_year=D, other=M),
}
# Text that carries each embedded first_responsible part.
FIRST_RESPONSIBLE_AT = {
    "001": "第一责任人亲自抓",
    "002": "党政主要负责人切实履行推进法治政府建设第一责任人职责",
    "003": "党政主要负责人为法治建设",
    "004": "党政主要负责人履行推进法治建设第一责任人职责",
}


@pytest.mark.parametrize("seed", sorted(EXPECTED))
def test_seed_metadata(seed):
    r = seed_report(seed)
    exp = EXPECTED[seed]
    assert (r.title, r.title_inferred) == (exp["title"], exp["inferred"])
    assert r.unit == exp["unit"]
    assert r.unit_level == exp["level"]
    assert r.year == exp["year"]
    assert r.addressee == exp["addressee"]
    assert r.date == exp["date"]


@pytest.mark.parametrize("seed", sorted(OUTLINES))
def test_seed_outline_top_levels(seed):
    r = seed_report(seed)
    got = [(s.level, s.number, s.title) for s in r.sections() if s.level <= 2 and s.style != "ordinal"]
    assert len(got) == len(OUTLINES[seed]), got
    for (lv, num, title), (glv, gnum, gtitle) in zip(OUTLINES[seed], got, strict=True):
        assert (glv, gnum) == (lv, num) and gtitle.startswith(title), (gtitle, title)


@pytest.mark.parametrize("seed", sorted(PARTS))
def test_seed_parts(seed):
    r = seed_report(seed)
    assert {k: p.status for k, p in r.parts.items()} == PARTS[seed]
    if seed in FIRST_RESPONSIBLE_AT:
        p = r.parts["first_responsible"]
        assert FIRST_RESPONSIBLE_AT[seed] in r.text[p.start : p.end]


def test_every_quote_is_its_span(seed):
    """Every span of the JSON (findings, indicators, facts, parts), mapped through the offset map onto the
    seed file as read from disk, shows there the quote the reviewer is given."""
    raw = Path(seed.source).read_text(encoding="utf-8")
    assert check_spans_in_raw(seed.to_dict(), raw, analysis_of(seed.source).offset_map) > 10


def test_contract_fields(seed):
    d = seed.to_dict()
    for key in (
        "schema",
        "source",
        "text",
        "title",
        "unit",
        "unit_level",
        "year",
        "addressee",
        "date",
        "outline",
        "parts",
        "indicators",
        "facts",
        "findings",
        "score",
    ):
        assert key in d
    assert d["schema"] == "fazhi.report/1"
    assert set(d["parts"]) == {"measures", "shortcomings", "first_responsible", "next_year", "other"}


def test_web_debris_gone_from_004():
    t = seed_report("004").text
    for junk in ("国务院部门网站", "地方政府网站", "其他网站"):
        assert junk not in t
    assert t.rstrip().endswith("2024年1月16日")


def test_broken_words_joined_in_003():
    t = seed_report("003").text
    for joined in ("依法护航营商引资", "切实履行规范性文件", "能力和水平", "打造一流优质发展环境", "LED播放"):
        assert joined in t
    assert "\n履行" not in t


def test_section_spans_nest(seed):
    def walk(secs, lo, hi):
        for s in secs:
            assert lo <= s.start < s.end <= hi
            walk(s.children, s.start, s.end)

    walk(seed.outline, 0, len(seed.text))


def test_text_input_and_title_broken_over_lines():
    r = fazhi.analyze(
        "某某县司法局关于2023年度法治政府\n\n建设情况的报告\n一、主要举措和成效\n全年开展学法12次。"
    )
    assert r.title == "某某县司法局关于2023年度法治政府建设情况的报告"
    assert r.unit == "某某县司法局"
    assert r.unit_level == UnitLevel.DEPARTMENT
    assert r.year == 2023


def test_chinese_numeral_signing_date():
    r = fazhi.analyze(
        "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n全年开展学法12次。\n某某镇人民政府\n二〇二四年一月十六日"
    )
    assert r.date == "2024-01-16"
    assert r.unit == "某某镇人民政府"


@pytest.mark.parametrize(
    ("title", "unit", "level"),
    [
        ("静海区2023年度法治政府建设情况报告", "静海区", UnitLevel.COUNTY),
        ("重庆市长寿区司法局2022年度法治政府建设年度报告", "重庆市长寿区司法局", UnitLevel.DEPARTMENT),
        ("湖北省人民政府关于2023年度法治政府建设情况的报告", "湖北省人民政府", UnitLevel.PROVINCE),
        ("某某市人民政府关于2023年法治政府建设情况的报告", "某某市人民政府", UnitLevel.CITY),
    ],
)
def test_unit_from_a_title_without_guanyu(title, unit, level):
    """Titles name the body before the year as often as before 关于 (held-out government web pages)."""
    r = fazhi.analyze(title + "\n一、主要举措和成效\n全年开展学法12次。")
    assert (r.unit, r.unit_level) == (unit, level)


def test_unit_from_an_opening_with_zai():
    r = fazhi.analyze(
        "2023年以来，县司法局在县委、县政府的坚强领导下，始终坚持以习近平法治思想为指引。\n一、主要举措\n内容。"
    )
    assert r.unit == "县司法局"


def test_addressee_of_two_bodies_with_a_comma():
    r = fazhi.analyze(
        "中共将乐县委员会,将乐县人民政府:\n2024年，某镇法治政府建设取得成效。\n一、主要举措\n内容。"
    )
    assert r.addressee == "中共将乐县委员会,将乐县人民政府"
    r = fazhi.analyze("关于2023年法治政府建设情况的报告\n现将有关情况，报告如下：\n一、主要举措\n内容。")
    assert r.addressee is None


def test_solving_problems_is_not_a_shortcomings_part():
    """Regression (held-out report): `解决工作中存在的问题` was taken for an embedded shortcomings part."""
    text = (
        "关于2024年度法治政府建设工作的报告\n一、主要措施和成效\n"
        "定期召开专题会议研究部署法治政府建设工作，解决工作中存在的问题。\n"
    )
    assert fazhi.analyze(text).parts["shortcomings"].status == PartStatus.MISSING
    text += "全镇法治建设仍存在一些不足，执法力量薄弱。\n"
    assert fazhi.analyze(text).parts["shortcomings"].status == PartStatus.EMBEDDED


CONTINUOUS = (
    "2020年某区法治政府建设情况报告\n一、2020年推进法治政府建设的主要举措和成效\n（一）加强组织领导\n"
    "1.加强党的领导。内容。\n2.强化考核评价。内容。\n（二）依法全面履行政府职能\n3.深化行政审批制度改革。内容。\n"
    "4.加强事中事后监管。内容。\n"
)


def test_continuous_numbering_across_sections_is_a_child_not_a_misstyled_sibling():
    """Regression (held-out report): `3.` under `（二）`, continuing `1.` `2.` under `（一）`."""
    r = fazhi.analyze(CONTINUOUS)
    (root,) = r.outline
    assert [(c.number, [g.number for g in c.children]) for c in root.children] == [
        ("一", ["1", "2"]),
        ("二", ["3", "4"]),
    ]
    assert not [f for f in r.findings if f.category.value == "numbering"]


def test_single_top_level_part_is_dedicated():
    """An excerpt (or a short report) with one top-level heading: that heading is still its part."""
    r = fazhi.analyze(CONTINUOUS)
    assert r.parts["measures"].status == PartStatus.DEDICATED


def test_thematic_top_sections_before_the_shortcomings_are_the_measures():
    text = (
        "某省人民政府关于2023年度法治政府建设情况的报告\n一、坚持党的领导，扛牢法治政府建设政治责任\n内容。\n"
        "二、依法全面履行政府职能，持续优化营商环境\n内容。\n三、存在的不足和原因\n不足。\n四、2024年工作安排\n安排。"
    )
    p = fazhi.analyze(text).parts["measures"]
    assert p.status == PartStatus.DEDICATED
    assert p.heading.startswith("一、坚持党的领导") and "二、依法全面履行政府职能" in p.heading


def test_an_untitled_fragment_starting_at_three_is_no_numbering_gap():
    frag = "三、下一年度主要安排\n继续加强执法队伍建设。\n四、其他需要报告的情况\n无。"
    assert not [f for f in fazhi.analyze(frag).findings if f.rule == "NU001"]
    titled = "关于2023年法治政府建设情况的报告\n" + frag
    assert [f.rule for f in fazhi.analyze(titled).findings if f.rule == "NU001"] == ["NU001"]
