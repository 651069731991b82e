"""Quantities and indicators (issue 4): numerals, exclusions, mapping, gold on the seeds, the CLI."""

from __future__ import annotations

import csv
import re
import tomllib
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import fazhi
from fazhi.indicators import OTHER_ID, find, mentions, taxonomy
from fazhi.model import Qualifier
from fazhi.numerals import parse_number, parse_range
from fazhi.pipeline import analysis_of
from helpers import SEED_FILES, SEED_IDS, check_spans_in_raw, seed_file, seed_report

GOLD_DIR = Path(__file__).parent / "gold" / "indicators"
# Done-when of issue 4: precision and recall of (id, value) against the gold on the five seeds.
FLOOR = 1.0  # the seeds are the gold: every indicator, exactly (a lost post count once hid under 0.95)
# The facts must hold the gold's `other` quantities too (looser: facts are a by-product).
FACTS_FLOOR = 0.9

# The ids of indicators.md (the spec): the data file must keep every one of them.
SPEC_IDS = """
study.sessions study.lectures study.trainees study.exam_participants study.exam_pass_rate
publicity.events publicity.materials publicity.consultations publicity.posts publicity.banners
publicity.model_households grassroots.legal_aware grassroots.legal_advisers grassroots.adviser_consultations
grassroots.adviser_opinions grassroots.demo_villages grassroots.legal_homes grassroots.villages
enforcement.certified_officers enforcement.cases enforcement.cases_general enforcement.cases_simple
enforcement.fines enforcement.joint_operations enforcement.inspections enforcement.hazards
enforcement.devolved_powers decision.major_decisions decision.legality_reviews decision.normative_documents
openness.items openness.village_affairs disputes.reconsideration disputes.litigation disputes.head_appearance
mediation.committees mediation.screened mediation.cases mediation.success mediation.success_rate
petition.cases petition.on_time_rate petition.satisfaction petition.leader_receptions
business.enterprise_disputes safety.cameras safety.patrols
""".split()


def quantities(text: str):
    """(value, unit, qualifier) of every quantity found in text."""
    return [(q.value, q.unit, q.qualifier) for q in find(text)]


def inds(text: str):
    """(id, value, quote) of the indicators of a short text."""
    r = fazhi.analyze(text)
    return [(i.id, i.value, r.text[i.start : i.end]) for i in r.indicators]


# ---------------------------------------------------------------- numerals and quantities
@pytest.mark.parametrize(
    "s,value",
    [
        ("十", 10),
        ("二十五", 25),
        ("一千零五", 1005),
        ("两千", 2000),
        ("十万", 100000),
        ("1.2万", 12000),
        ("1万", 10000),
        ("11000", 11000),
        ("1,200", 1200),
        ("九十", 90),
    ],
)
def test_parse_number(s, value):
    assert parse_number(s) == value


@pytest.mark.parametrize("s", ["万", "百", "千", "十四五", "两三", "一百二", "八五", "十百"])
def test_malformed_numerals_are_not_numbers(s):
    assert parse_number(s) is None


def test_adjacent_numerals_are_a_range():
    assert parse_range("两三") == (2, 3) and parse_range("七八十") == (70, 80) and parse_range("十四") is None


@pytest.mark.parametrize(
    "text,expected",
    [
        ("开展活动十余次。", [(10, "次", Qualifier.MORE_THAN)]),
        ("配备两人。", [(2, "人", Qualifier.EXACT)]),
        ("建成三个站点。", [(3, "个", Qualifier.EXACT)]),
        ("发放1万余份。", [(10000, "份", Qualifier.MORE_THAN)]),
        ("罚款1.2万元。", [(12000, "元", Qualifier.EXACT)]),
        ("罚没10余万元。", [(100000, "元", Qualifier.MORE_THAN)]),
        ("覆盖率达百分之九十。", [(90, "%", Qualifier.EXACT)]),
        ("满意率99.5%。", [(99.5, "%", Qualifier.EXACT)]),
        ("培训近700人次。", [(700, "人次", Qualifier.NEARLY)]),
        ("将近300人参加。", [(300, "人", Qualifier.NEARLY)]),
        ("约200人参加。", [(200, "人", Qualifier.ABOUT)]),
        ("200人左右参加。", [(200, "人", Qualifier.ABOUT)]),
        ("不少于2名。", [(2, "名", Qualifier.AT_LEAST)]),
        ("不足10件。", [(10, "件", Qualifier.LESS_THAN)]),
        ("不到10件。", [(10, "件", Qualifier.LESS_THAN)]),
        ("超过500人。", [(500, "人", Qualifier.MORE_THAN)]),
        ("400人以上。", [(400, "人", Qualifier.MORE_THAN)]),
        ("700多份。", [(700, "份", Qualifier.MORE_THAN)]),
        ("最近3次会议。", [(3, "次", Qualifier.EXACT)]),
        ("节约3万元。", [(30000, "元", Qualifier.EXACT)]),
    ],
)
def test_quantities(text, expected):
    assert quantities(text) == expected


def test_value_is_int_when_whole():
    (q,) = find("罚款1.2万元")
    assert isinstance(q.value, int)


def test_estimate_ranges_are_quantities_but_never_indicators():
    (q,) = find("来了两三个人")
    assert q.kind == "range" and q.value == 2 and q.high == 3 and q.qualifier is Qualifier.ABOUT
    assert inds("开展法治讲座两三次。") == []


@pytest.mark.parametrize(
    "text",
    [
        "2023年，在区委领导下",
        "7月和11月份开展研判",
        "2024年1月16日",
        "根据解政〔2023〕4号文件",
        "（荣委发〔2022〕18号）要求",
        "实施方案（2021-2025年）",
        "“十四五”规划",
        "十四五期间",
        "八五普法中期评估",
        "“八五”普法期间",
        "开展315消费者权益日活动",
        "12·4国家宪法日",
        "“ 12.4宪法宣传日”",
        "S206新马路两侧",
        "街道“141”基层智治体系",
        "建立以“2+7”支巡逻队为基础",
        "《宪法》第三十三条",
        "依据第3条规定",
        "电话023-12345678",
        "咨询热线12345",
        "严格执行2人以上执法规定",
        "实现“0亡人”事故",
        "培养“两人”队伍",
        "统一制作宣传橱窗",
        "全国两会精神",
        "万人助万企",
        "送到千家万户",
        "一是强化组织领导",
        "落实行政执法“三项制度”",
        "“三重一大”议事规则",
        "五张网",
        "两个维护",
        "吴家大院二、三期项目",
        "（4）加快建设法治社会",
        "1.学习宣传情况",
        "调处好每一件纠纷",
        "一村（居）一法律顾问",
        "开展活动数十次",
        "几百人参加",
        "三五成群",
        "十几个村",
    ],
)
def test_not_quantities_of_work(text):
    assert quantities(text) == [], text


# ---------------------------------------------------------------- mapping
@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "2023年共调解各类纠纷420余件，调解成功415余件，调解成功率99%。",
            [
                ("mediation.cases", 420, "调解各类纠纷420余件"),
                ("mediation.success", 415, "调解成功415余件"),
                ("mediation.success_rate", 99, "调解成功率99%"),
            ],
        ),
        (
            "街道共处理9起消防执法案件，罚款2800元。",
            [("enforcement.cases", 9, "9起消防执法案件"), ("enforcement.fines", 2800, "罚款2800元")],
        ),
        ("今年建设4个“法律之家”。", [("grassroots.legal_homes", 4, "4个“法律之家”")]),
        ("对违法行为罚款1.2万元。", [("enforcement.fines", 12000, "罚款1.2万元")]),
        (
            "发放宣传资料1万余份，制作宣传横幅40余幅。",
            [("publicity.materials", 10000, "宣传资料1万余份"), ("publicity.banners", 40, "横幅40余幅")],
        ),
        (
            "共排查矛盾纠纷1705件，调解成功1705件。",
            [
                ("mediation.screened", 1705, "排查矛盾纠纷1705件"),
                ("mediation.success", 1705, "调解成功1705件"),
            ],
        ),
        ("调处企业矛盾纠纷38件。", [("business.enterprise_disputes", 38, "企业矛盾纠纷38件")]),
        ("在重点部位安装视频监控3000个探头。", [("safety.cameras", 3000, "视频监控3000个探头")]),
        # confiscated goods are not cases (an id added for the open world)
        ("没收非法烟花爆竹690余件。", [("enforcement.confiscations", 690, "没收非法烟花爆竹690余件")]),
    ],
)
def test_mapping(text, expected):
    assert inds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "其中制作答复意见书8份。",  # a reply to a petition, not a legal adviser's opinion
        "“村居法律顾问平台”推广已近2000人。",  # users of a platform, not advisers
        "法律明白人每个村已配备4人。",  # a per-village figure, not a total
        "全年共处理信访事项30件，比去年减少14件，同比减少31%。",  # the change is not a level
        "网上信访量占信访总量的80%。",  # a share no indicator names
    ],
)
def test_unclear_context_stays_a_fact(text):
    r = fazhi.analyze(text)
    allowed = {"petition.cases"}
    assert all(i.id in allowed and i.value == 30 for i in r.indicators), r.indicators
    assert r.facts


@pytest.mark.parametrize(
    "plan", ["二、下一年度工作安排\n开展法治讲座10次。", "二、工作打算\n力争开展法治讲座10次。"]
)
def test_plans_for_next_year_are_facts(plan):
    r = fazhi.analyze("一、主要举措和成效\n全年开展法治讲座5次。\n" + plan)
    assert [(i.id, i.value) for i in r.indicators] == [("study.lectures", 5)]
    assert any(f.value == 10 for f in r.facts)


def test_added_indicator_is_data_driven():
    # enforcement.major_hazards was added to data/indicators.toml (not to the code)
    assert taxonomy().get("enforcement.major_hazards").name == "重大隐患"
    assert inds("累计发现各类安全隐患100余条，其中重大隐患5条。") == [
        ("enforcement.hazards", 100, "安全隐患100余条"),
        ("enforcement.major_hazards", 5, "重大隐患5条"),
    ]


def test_taxonomy_keeps_every_spec_id():
    ids = taxonomy().ids
    assert not [i for i in SPEC_IDS if i not in ids]
    assert len(ids) == len(set(ids))
    for s in taxonomy().specs:
        assert s.units and s.name and (s.nouns or s.verbs or s.rates), s.id


# ---------------------------------------------------------------- gold on the seeds
def _gold(seed: str) -> list[dict]:
    return tomllib.loads((GOLD_DIR / f"{seed}.toml").read_text(encoding="utf-8"))["q"]


def _locate(text: str, g: dict) -> tuple[int, int]:
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(g["at"]), text)]
    assert spans, f"gold `at` not in text: {g['at']}"
    return spans[g.get("nth", 0)]


def _match(seed: str):
    """(gold entries matched by an indicator, missed gold, indicators matching no gold, pairs)."""
    r = seed_report(seed)
    gold = [g for g in _gold(seed) if g["id"] != OTHER_ID]
    free = list(r.indicators)
    missed, pairs = [], []
    for g in gold:
        s, e = _locate(r.text, g)
        hit = next(
            (i for i in free if i.id == g["id"] and i.value == g["value"] and i.start < e and s < i.end), None
        )
        if hit is None:
            missed.append(g)
        else:
            free.remove(hit)
            pairs.append((g, hit))
    return gold, missed, free, pairs


def test_gold_precision_and_recall_on_seeds():
    n_gold = n_found = n_ok = 0
    report = []
    for seed in SEED_IDS:
        gold, missed, extra, pairs = _match(seed)
        text = seed_report(seed).text
        n_gold += len(gold)
        n_found += len(pairs) + len(extra)
        n_ok += len(pairs)
        report += [f"{seed} missed {g['id']}={g['value']} at {g['at']}" for g in missed]
        report += [f"{seed} extra  {i.id}={i.value} {text[i.start : i.end]}" for i in extra]
    recall, precision = n_ok / n_gold, n_ok / max(n_found, 1)
    print(f"indicators: recall {recall:.3f} ({n_ok}/{n_gold}), precision {precision:.3f} ({n_ok}/{n_found})")
    print("\n".join(report))
    assert recall >= FLOOR and precision >= FLOOR, "\n".join(report)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_gold_unit_and_qualifier(seed):
    _, _, _, pairs = _match(seed)
    bad = [
        (g["at"], i.unit, str(i.qualifier))
        for g, i in pairs
        if i.unit != g["unit"] or str(i.qualifier) != g.get("qualifier", "exact")
    ]
    assert not bad


def test_gold_others_are_facts():
    total = found = 0
    missed = []
    for seed in SEED_IDS:
        r = seed_report(seed)
        for g in (x for x in _gold(seed) if x["id"] == OTHER_ID):
            s, e = _locate(r.text, g)
            total += 1
            if any(f.value == g["value"] and f.start < e and s < f.end for f in r.facts):
                found += 1
            else:
                missed.append(f"{seed} {g['value']} {g['at']}")
    print(f"facts: recall of the gold's other quantities {found}/{total}")
    assert found / total >= FACTS_FLOOR, missed


# Things of the seeds that are not quantities of work: none may be an indicator, and none a fact.
NOT_WORK = [
    r"\d{4}年",
    r"\d{1,2}月份?",
    r"\d{1,2}日",
    r"〔\d{4}〕\d+号",
    r"315",
    r"12[.·]4",
    r"\d{4}-\d{4}年",
    r"十四五",
    r"八五",
    r"S206",
    r"141",
    r"2\+7",
    r"^\d[.、]",
    r"[（(]\d[）)]",
    r"2人以上执法",
    r"0亡人",
    r"“两人”",
]


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_excluded_number_is_a_quantity(seed):
    r = analysis_of(seed_file(seed))
    spans = [(m.start(), m.end()) for p in NOT_WORK for m in re.finditer(p, r.text, re.M)]
    bad = [
        r.text[m.q.start : m.q.end]
        for m in mentions(r)
        if any(s < m.q.num_end and m.q.num_start < e for s, e in spans)
    ]
    assert not bad
    assert not [i for i in r.indicators if i.value in (2021, 2022, 2023, 2024, 2025, 315, 12.4)]


def test_every_quote_is_in_the_original_and_holds_its_number():
    written = (
        "共43名“法律明白人”，发放宣传资料1万余份。",
        "今年建设4个“法律之家”，罚款1.2万元。",
        "全年 共 43 名“法律明白人”，\u3000发放宣传资料 1 万余份。",
    )  # spaces normalization drops
    raws = [seed_file(s).read_text(encoding="utf-8") for s in SEED_IDS] + list(written)
    texts = [analysis_of(seed_file(s)) for s in SEED_IDS] + [analysis_of(t) for t in written]
    for raw, r in zip(raws, texts, strict=True):
        ms = {(m.start, m.end): m for m in mentions(r)}
        d = r.report().to_dict()
        assert (
            check_spans_in_raw(
                {"text": d["text"], "indicators": d["indicators"], "facts": d["facts"]}, raw, r.offset_map
            )
            == len(r.indicators) + len(r.facts)
            > 0
        )
        for i in list(r.indicators) + list(r.facts):
            d = i.to_dict(r.text)
            assert i.start < i.end
            m = ms[(i.start, i.end)]
            assert m.start <= m.q.num_start < m.q.num_end <= m.end
            assert d["quote"].count("“") == d["quote"].count("”")


# ---------------------------------------------------------------- CLI
def _app() -> typer.Typer:
    from fazhi.commands.indicators import register

    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer in sub-command mode
        """Nothing."""

    return app


def test_cli_prints_a_table():
    res = CliRunner().invoke(_app(), ["indicators", str(SEED_FILES[4])])
    assert res.exit_code == 0, res.output
    assert "调解成功" in res.stdout


def test_cli_writes_xlsx_with_pivot(tmp_path):
    from openpyxl import load_workbook

    out = tmp_path / "table.xlsx"
    res = CliRunner().invoke(_app(), ["indicators", str(SEED_FILES[0].parent), "-o", str(out)])
    assert res.exit_code == 0, res.output
    wb = load_workbook(out)
    assert wb.sheetnames == ["指标明细", "汇总"]
    rows = list(wb["指标明细"].iter_rows(values_only=True))
    assert rows[0][:3] == ("单位", "年度", "指标编号") and len(rows) > 50
    pivot = list(wb["汇总"].iter_rows(values_only=True))
    assert len(pivot) == 1 + len(SEED_FILES)
    col = pivot[0].index("罚款金额（元）")
    assert [p[col] for p in pivot[1:] if p[col]] == [13800, 6800]


def test_cli_writes_csv_and_reports_bad_inputs(tmp_path):
    out = tmp_path / "t.csv"
    res = CliRunner().invoke(
        _app(), ["indicators", str(SEED_FILES[1]), str(tmp_path / "missing.txt"), "-o", str(out)]
    )
    assert res.exit_code == 1
    assert "missing.txt" in res.output
    with out.open(encoding="utf-8-sig") as f:
        rows = list(csv.DictReader(f))
    assert {r["指标编号"] for r in rows} >= {"mediation.success", "petition.cases"}
    assert (tmp_path / "t.pivot.csv").exists()


def test_cli_rejects_unknown_output_format(tmp_path):
    res = CliRunner().invoke(_app(), ["indicators", str(SEED_FILES[1]), "-o", str(tmp_path / "t.json")])
    assert res.exit_code == 2


def test_legal_review_of_enforcement_decisions_is_not_an_enforcement_case():
    """Regression: `完成重大法制审核案件36件` (a held-out street-office report) was read as enforcement.cases."""
    import fazhi

    r = fazhi.analyze(
        "严格落实行政执法“三项制度”，完善重大执法决定法制审核制度，全年完成重大法制审核案件36件。"
    )
    assert [(i.id, i.value) for i in r.indicators] == [("decision.legality_reviews", 36)]


# ---------------------------------------------------------------- issue 15: the open world
# Sentences written for these tests (never copied from the corpus).
@pytest.mark.parametrize(
    "text,expected",
    [
        # a number before its noun is found (the two-officer rule is only 2 or fewer)
        (
            "全镇38名执法人员均已取得执法证。",
            [("enforcement.certified_officers", 38, "38名执法人员均已取得执法证")],
        ),
        ("现有在编执法人员26名。", [("enforcement.officers", 26, "执法人员26名")]),
        # 学习 after a list of laws, 第一议题 study
        (
            "组织学习《行政复议法》《安全生产法》等法律法规9次。",
            [("study.sessions", 9, "学习《行政复议法》《安全生产法》等法律法规9次")],
        ),
        ("落实“第一议题”制度，全年学习30余次。", [("study.sessions", 30, "学习30余次")]),
        # training, lectures in 期 / 场
        ("举办执法业务培训4期。", [("study.lectures", 4, "执法业务培训4期")]),
        ("发放法治宣传材料3000余份。", [("publicity.materials", 3000, "宣传材料3000余份")]),
        ("依法作出行政处罚27起。", [("enforcement.cases", 27, "行政处罚27起")]),
        ("受理复议申请11件。", [("disputes.reconsideration", 11, "复议申请11件")]),
        (
            "调处各类矛盾纠纷64起，成功化解61起。",
            [("mediation.cases", 64, "调处各类矛盾纠纷64起"), ("mediation.success", 61, "成功化解61起")],
        ),
        ("抽查食品经营户85户次。", [("enforcement.inspections", 85, "抽查食品经营户85户次")]),
        # the paragraph's subject decides a bare 案件 count
        (
            "行政复议工作扎实推进，全年收到案件14件。",
            [("disputes.reconsideration", 14, "案件14件")],
        ),
        # 宣讲 to villagers is publicity, to cadres a lecture
        ("组织普法志愿者进村入户开展宣讲9场。", [("publicity.events", 9, "宣讲9场")]),
        ("面向机关干部开展宣讲5场。", [("study.lectures", 5, "宣讲5场")]),
        # with no audience named, a 宣讲 is publicity (the taxonomy's lectures are for cadres)
        ("全年开展宣讲活动6场次。", [("publicity.events", 6, "宣讲活动6场次")]),
        # a short parenthesis between a noun and its number is read through
        ("全年举办法治讲座（含培训）300余场。", [("study.lectures", 300, "法治讲座（含培训）300余场")]),
        # people before their noun
        (
            "全区56名行政机关负责人出庭应诉。",
            [("disputes.head_appearance", 56, "56名行政机关负责人出庭应诉")],
        ),
        # the units a review covers
        ("对8家单位开展法治政府建设督察。", [("supervision.reviews", 8, "8家单位开展法治政府建设督察")]),
        ("全镇12名班子成员全部完成年度述法。", [("supervision.reviews", 12, "12名班子成员")]),
        # a percentage before what it measures
        ("政务服务事项实现98%全程网办。", [("services.online_rate", 98, "98%全程网办")]),
        # a list item's quantity keeps its own noun
        (
            "开展专题学法8次、法治讲座3次。",
            [("study.sessions", 8, "学法8次"), ("study.lectures", 3, "法治讲座3次")],
        ),
    ],
)
def test_open_world_mapping(text, expected):
    assert inds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "合法性审查通过率100%。",  # a review's pass rate is not an exam's
        "梳理行政执法事项150项。",  # enforcement matters are not devolved powers
        "考试合格65人。",  # a pass count is not the participants
        "印发内部学习资料200册。",  # internal study material is not publicity material
        "严格落实2名执法人员同时在场制度。",  # the two-officer rule counts nothing
    ],
)
def test_open_world_wrong_readings_stay_facts(text):
    assert inds(text) == []


# ---------------------------------------------------------------- the learned cue table
def test_learned_table_prefers_the_id_its_examples_teach():
    from fazhi.indicators import learned

    f = learned.features
    examples = [("publicity.materials", f("份", "发放宣传折页", "", "", ""))] * 3 + [
        ("other", f("份", "印发工作方案", "", "", ""))
    ] * 3
    t = learned.CueTable(learned.build(examples, min_count=1))
    post = t.posterior(f("份", "分发宣传折页", "", "", ""), {"publicity.materials", "other"})
    assert max(post, key=post.get) == "publicity.materials"
    post = t.posterior(f("份", "制定工作方案", "", "", ""), {"publicity.materials", "other"})
    assert max(post, key=post.get) == "other"


def test_learned_table_is_silent_without_an_accepted_threshold(monkeypatch):
    from fazhi.indicators import learned

    feats = learned.features("份", "编制口袋书", "", "", "")
    data = learned.build([("publicity.materials", feats)] * 5, min_count=1)
    monkeypatch.setattr(learned, "table", lambda: learned.CueTable(data))  # accept absent: unused
    assert inds("全年编制口袋书500份。") == []
    data["accept"] = 0.5
    monkeypatch.setattr(learned, "table", lambda: learned.CueTable(data))
    assert [i[0] for i in inds("全年编制口袋书500份。")] == ["publicity.materials"]


def test_shipped_table_is_valid_data():
    from fazhi.indicators import learned

    t = learned.table()
    # either unused (accept null, no counts shipped) or a threshold with the counts it applies to
    assert (t.accept is None and not t.counts) or (t.classes and t.counts and 0.5 <= t.accept < 1)


def test_section_chain_by_descent_equals_the_scan_on_the_seeds():
    """The outline descent (linear cost) names the same sections as scanning every section."""
    from fazhi.indicators.mapping import _chain

    for seed in SEED_IDS:
        r = seed_report(seed)
        sections = list(r.sections())
        for pos in range(0, len(r.text), 7):
            assert _chain(r.outline, pos) == [s for s in sections if s.start <= pos < s.end]


@pytest.mark.parametrize("total", ["", "共", "累计"])
def test_a_count_is_found_with_or_without_a_total_marker(total):
    assert inds(f"全年{total}开展普法活动12场。") == [("publicity.events", 12, "普法活动12场")]


def test_a_chinese_numeral_before_its_noun_is_a_count():
    assert inds("辖区三个社区全部建成法治文化阵地。") == [("grassroots.villages", 3, "三个社区")]


# ---------------------------------------------------------------- issue 15: general classes
# Sentences written for these tests (never copied from the corpus): each states a class of
# phrasings (a verb class, an object class, a meeting that takes up the rule of law), not one sentence.
@pytest.mark.parametrize(
    "text,expected_id",
    [
        # meetings of the leadership on the rule of law (leadership.meetings)
        ("镇党委会专题研究法治建设工作3次。", "leadership.meetings"),
        ("全年召开政府常务会议专题研究法治政府建设6次。", "leadership.meetings"),
        ("党组会议听取法治建设工作汇报2次。", "leadership.meetings"),
        ("召开依法治县委员会会议2次。", "leadership.meetings"),
        ("召开法治政府建设专题会议3次。", "leadership.meetings"),
        # training as a verb with its object between (`培训执法人员N人次`)
        ("组织执法人员参加业务培训5次，培训执法人员200余人次。", "study.trainees"),
        ("举办依法行政专题培训班2期。", "study.lectures"),
        # an activity named by a publicity or law word
        ("开展送法下乡活动9次。", "publicity.events"),
        ("开展以案释法活动6场。", "publicity.events"),
        ("利用节假日开展集中宣传11次。", "publicity.events"),
        # what is handed out, the object between verb and number
        ("向群众发放《民法典》单行本500本。", "publicity.materials"),
        # success of mediation with its object
        ("成功化解矛盾纠纷45起。", "mediation.success"),
        # the reviewed object counted before the review
        ("对15件规范性文件进行合法性审查。", "decision.legality_reviews"),
        ("审核重大执法决定14件。", "decision.legality_reviews"),
        ("接听12345热线来电860件。", "petition.hotline"),
        ("梳理网上办理事项320项。", "services.items"),
        ("发布政务信息1200余条。", "openness.items"),
    ],
)
def test_general_classes_map(text, expected_id):
    assert expected_id in [i[0] for i in inds(text)]


@pytest.mark.parametrize(
    "text",
    [
        "发放学习资料400余份。",  # study material handed to cadres is not publicity material
        "发放困难群众补贴300份。",  # money handed out is not material
        "召开党委会议研究乡村振兴工作5次。",  # a meeting on another subject
        "组织开展法治学习活动4次。",  # a study activity is not publicity
    ],
)
def test_general_classes_stay_silent_on_other_objects(text):
    ids = [i[0] for i in inds(text)]
    assert "publicity.materials" not in ids and "leadership.meetings" not in ids
    assert "publicity.events" not in ids


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("参与群众百余人。", 100, "more_than"),
        ("发放资料千余份。", 1000, "more_than"),
        ("覆盖群众近万人。", 10000, "nearly"),
        ("受众逾万人次。", 10000, "more_than"),
    ],
)
def test_a_bare_hundred_or_thousand_with_an_approximation_is_a_count(text, value, qualifier):
    assert [(v, str(q)) for v, _u, q in quantities(text)] == [(value, qualifier)]


@pytest.mark.parametrize("text", ["万人空巷。", "走进千家万户。", "百姓满意。"])
def test_a_bare_hundred_or_thousand_alone_is_an_idiom(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text,expected_id",
    [
        # `对N<object>开展<action>`: the action names the indicator, not the object counted
        ("全年对招商引资、旧城改造等9项重大决策开展合法性审查。", "decision.legality_reviews"),
        ("对6份合作协议进行合法性审查。", "decision.contract_reviews"),
        ("对14家单位开展法治督察。", "supervision.reviews"),
        # the people who sit an exam, the number before them
        ("全县2600名国家工作人员全部参与网上学法考试。", "study.exam_participants"),
        # a bare 法规 count is legislation when the sentence makes laws
        ("全年制定修订法规4部。", "legislation.regulations"),
    ],
)
def test_action_and_object_classes_map(text, expected_id):
    assert [i[0] for i in inds(text)] == [expected_id]


@pytest.mark.parametrize(
    "text,wrong_id",
    [
        ("全年学习法律法规15部。", "legislation.regulations"),  # studied, not made
        ("审议重大决策事项7项。", "decision.legality_reviews"),  # no 对…开展: the decisions are counted
    ],
)
def test_object_counts_without_their_action_keep_their_reading(text, wrong_id):
    assert wrong_id not in [i[0] for i in inds(text)]


@pytest.mark.parametrize(
    "text,value,qualifier",
    [
        ("覆盖群众超3000人。", 3000, "more_than"),  # a bare 超 before a number
        ("全程网办率达到百分之百。", 100, "exact"),
    ],
)
def test_colloquial_approximations_are_read(text, value, qualifier):
    assert [(v, str(q)) for v, _u, q in quantities(text)] == [(value, qualifier)]


def test_a_bare_chao_inside_a_word_is_no_qualifier():
    assert [str(q) for _v, _u, q in quantities("镇村赶超3家。")] == ["exact"]


@pytest.mark.parametrize(
    "text",
    [
        "传达学习市委九届四次全会精神。",  # a plenary session's ordinal after 届
        "严格执行中央八项规定精神。",  # the name of a rule
        "便民热线实行24小时值守。",  # a service's hours
        "出台《关于支持企业发展的15条措施》。",  # a number inside a title
        "推出“助企纾困8条”政策。",  # a number closing a quoted name
        "申请材料齐全的，5个工作日内办结。",  # a time limit
        "开展为期2个月的专项整治。",  # a duration
    ],
)
def test_names_titles_and_time_limits_are_not_quantities(text):
    assert quantities(text) == []


@pytest.mark.parametrize(
    "text,value",
    [
        ("组织学习《行政处罚法》等法律9次。", 9),  # a title before the count does not swallow it
        ("开展“法律进乡村”活动8场。", 8),  # nor a quoted name before it
        ("志愿者累计服务240小时。", 240),  # hours are a quantity when they are not the 24-hour name
    ],
)
def test_counts_next_to_titles_and_quotes_stay_quantities(text, value):
    assert [v for v, _u, _q in quantities(text)] == [value]


@pytest.mark.parametrize(
    "text,expected",
    [
        (
            "邀请高校教授举办法治讲座，围绕《民法典》等内容授课，全年共举办6场。",
            [("study.lectures", 6, "全年共举办6场")],
        ),
        (
            "组织普法志愿者开展送法下乡，走进村组开展4场次。",
            [("publicity.events", 4, "走进村组开展4场次")],
        ),
    ],
)
def test_a_bare_count_takes_the_noun_named_earlier_in_its_sentence(text, expected):
    assert inds(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # another count lies between the noun and the bare count: the noun is that count's
        "开展法治宣传，发放资料500份，全年开展8场。",
        # the nouns before it name two indicators: no guess
        "举办法治讲座和普法宣传活动，全年开展9场。",
    ],
)
def test_a_bare_count_stays_a_fact_when_its_sentence_is_ambiguous(text):
    assert not [i for i in inds(text) if i[1] in (8, 9)]


def _phrasings() -> list[tuple[str, str]]:
    path = GOLD_DIR.parent / "phrasings" / "indicators.txt"
    rows = [ln.split("|") for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    return [(t.strip(), i.strip()) for t, i in rows]


@pytest.mark.parametrize("text,expected_id", _phrasings())
def test_phrasings_map_to_their_indicator(text, expected_id):
    ids = [i[0] for i in inds(text)]
    assert (ids == []) if expected_id == OTHER_ID else (expected_id in ids)


@pytest.mark.parametrize(
    "text",
    [
        # party-education training is not training on the law, even after a law class in the list
        "举办法治建设专题培训班、党纪学习教育读书班等，组织党员教育培训300期。",
        "开展职业技能培训12期。",
    ],
)
def test_training_on_other_subjects_is_not_study(text):
    assert not [i for i in inds(text) if i[0].startswith("study.")]


@pytest.mark.parametrize(
    "text,expected",
    [
        ("组织开展民法典宣传月活动，共计800余人参加。", ("publicity.audience", 800)),
        ("举办法治讲座3场，全体干部职工120人参加。", ("study.trainees", 120)),
    ],
)
def test_attendance_is_the_audience_of_the_event_named_before_it(text, expected):
    assert expected in [(i[0], i[1]) for i in inds(text)]


@pytest.mark.parametrize(
    "text",
    [
        "组织法治讲座和普法宣传活动，共计300人参加。",  # two kinds of event: whose audience?
        "召开专题会议，班子成员7人参加。",  # a meeting has no audience indicator
    ],
)
def test_attendance_without_one_event_stays_a_fact(text):
    assert inds(text) == []
