"""Doubled particles (TY013), impossible dates and backward year ranges (PL003), and an unclosed 《
found where its title's year range ends (PU002), on text written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config
from helpers import hits


def test_doubled_particle_fires_on_de_de_and_le_le():
    assert hits("全镇形成了良好的的学法氛围。", "TY013") == [("的的", "的")]
    assert hits("各村完成了了矛盾纠纷排查。", "TY013") == [("了了", "了")]


def test_doubled_particle_silent_where_a_word_meets_a_particle():
    for good in (
        "全镇形成了良好的学法氛围。",
        "实现以案释法的目的的同时，兼顾宣传效果。",
        "明确合同标的的数量和质量。",
        "为了了解企业诉求，开展走访。",
        "除了了解情况外，还要督促整改。",
        "纠纷没有不了了之。",
        "的的确确把工作落到了实处。",
        "对案件了结情况进行跟踪。",
    ):
        assert hits(good, "TY013") == [], good


def test_impossible_day_of_a_month():
    assert hits("于2024年4月31日召开会议。", "PL003") == [("2024年4月31日", None)]
    assert hits("11月0日前报送材料。", "PL003") == [("11月0日", None)]
    assert hits("2025年2月29日开展培训。", "PL003") == [("2025年2月29日", None)]


def test_possible_dates_are_silent():
    for good in (
        "于2024年4月30日召开会议。",
        "2024年2月29日开展培训。",
        "2月29日前完成。",
        "1-6月共办理案件12件。",
        "3月5-8日举办培训班。",
        "农历2月30日举办庙会普法。",
        "12月31日前报送。",
        "全年12个月均开展。",
    ):
        assert hits(good, "PL003") == [], good


def test_month_out_of_range():
    assert hits("2024年13月印发工作要点。", "PL003") == [("2024年13月", None)]
    assert hits("2024年12月印发工作要点。", "PL003") == []


def test_backward_year_range():
    assert hits("对照《规划（2025-2021年）》推进。", "PL003") == [("2025-2021", None)]
    for good in ("对照《规划（2021-2025年）》推进。", "2021年至2025年期间", "电话2025-2021转分机。"):
        assert hits(good, "PL003") == [], good


def test_unclosed_book_title_reported_after_its_year_range():
    text = "按照《某市法治政府建设实施方案（2022—2025年）的要求推进。"
    assert hits(text, "PU002") == [("（2022—2025年）", "（2022—2025年）》")]
    closed = "按照《某市法治政府建设实施方案（2022—2025年）》的要求推进。"
    assert hits(closed, "PU002") == []
    # Without a year range the place of the lost 》 is unknown: the opener is reported as before.
    assert hits("按照《某市法治政府建设实施方案的要求推进。", "PU002") == [("《", None)]


# Rows added to the term tables in issue 15 (session 3): (rule, wrong text, its right form).
TABLE_ROWS = [
    ("TY001", "各村建立矛盾纠纷排查台帐。", "台帐", "台账"),
    ("TY001", "充分发辉法律顾问作用。", "发辉", "发挥"),
    ("TY001", "召开企业坐谈会听取意见。", "坐谈会", "座谈会"),
    ("TY001", "保障当事人陈述申辨的权利。", "申辨", "申辩"),
    ("TY001", "及时回应群众述求。", "述求", "诉求"),
    ("TY001", "配备执法纪录仪120台。", "执法纪录仪", "执法记录仪"),
    ("TY001", "做好调解工作全过程纪录。", "全过程纪录", "全过程记录"),
    ("TY001", "组织开展民法典编篡历程宣讲。", "编篡", "编纂"),
    ("TY001", "全面疏理权责清单。", "疏理", "梳理"),
    ("TY001", "踔励奋发、勇毅前行。", "踔励奋发", "踔厉奋发"),
    ("TY001", "及时拔付法律援助补贴。", "拔付", "拨付"),
    ("TY001", "悬挂宣传横副20条。", "横副", "横幅"),
    ("TY001", "准确把握精神精随。", "精随", "精髓"),
    (
        "TE001",
        "团结在以习近平总书记为核心的党中央周围。",
        "以习近平总书记为核心的党中央",
        "以习近平同志为核心的党中央",
    ),
    ("TE001", "落实谁普法谁执法普法责任制。", "谁普法谁执法", "谁执法谁普法"),
    ("TE001", "学习贯彻党的二十大三中全会精神。", "二十大三中全会", "二十届三中全会"),
    ("TE001", "科学立法、严格执法、公正司法、全民普法。", "公正司法、全民普法", "公正司法、全民守法"),
    ("TE006", "围绕世界知识产权保护日开展宣传。", "世界知识产权保护日", "世界知识产权日"),
    ("TE006", "在国家防灾减灾日组织演练。", "国家防灾减灾日", "全国防灾减灾日"),
]


def test_table_rows_fire_on_the_wrong_form_and_not_on_the_right_one():
    for code, text, wrong, right in TABLE_ROWS:
        assert (wrong, right) in hits(text, code), (code, text)
        assert hits(text.replace(wrong, right), code) == [], (code, text)


def test_table_rows_silent_where_words_only_touch():
    # 平台 + 帐号: the two characters of 台帐 belong to two words.
    assert hits("注册政务平台帐号。", "TY001") == []
    # 举报 + 消费, 安排 + 察看, 严峻 + 工作: no row is written for such pairs.
    assert hits("受理举报消费欺诈线索，安排察看现场，应对严峻工作形势。", "TY001") == []


def test_outdated_regulation_on_community_correction():
    assert [q for q, _ in hits("依据《社区矫正实施办法》开展工作。", "TE005")] == ["《社区矫正实施办法》"]
    assert hits("依据《中华人民共和国社区矫正法实施办法》开展工作。", "TE005") == []


def test_yu_after_an_exact_count():
    assert hits("全年调解纠纷420余件，调解成功415余件。", "NC105") == [("415余", "415")]
    assert hits("培训执法人员236多人次。", "NC105") == [("236多", "236")]


def test_yu_after_round_figures_is_silent():
    for good in (
        "全年调解纠纷420余件。",
        "培训执法人员200多人次。",
        "发放资料1.2万余份。",
        "共有1500余人参加。",
        "全年开展活动15余次。",
        "金额3.125余万元。",
    ):
        assert hits(good, "NC105") == [], good


def test_year_without_nian_in_the_body():
    assert hits("2024以来，全镇开展法治宣传12场。", "TY014") == [("2024", "2024年")]
    assert hits("报告如下。\n2024全年共办理案件36件。", "TY014") == [("2024", "2024年")]
    for good in (
        "2024年以来，全镇开展法治宣传12场。",
        "2024年度共办理案件36件。",
        "发文字号为〔2024〕3号。",
        "共计2024工作日。",
        "全年共办理案件2024件。",
    ):
        assert hits(good, "TY014") == [], good


def test_year_without_nian_leaves_the_title_to_ty012():
    text = "某某街道2024法治政府建设年度报告\n一、主要举措\n全年办理案件12件。"
    assert hits(text, "TY014") == []
    assert hits(text, "TY012") == [("2024", "2024年")]


def test_retired_agriculture_bureau_name():
    head = "某县2024年法治政府建设情况报告\n"
    assert [q for q, _ in hits(head + "县农业局开展农资执法检查。", "TE010")] == ["农业局"]
    assert hits(head + "县农业农村局开展农资执法检查，原农业局的职责已划入。", "TE010") == []


def test_new_lexicon_phrases_give_missing_and_doubled_character_variants():
    r = fazhi.analyze("推进国家治理体系和治理力现代化，选任人民陪陪审员。", Config(select=["TY003", "TY004"]))
    got = {(r.text[f.start : f.end], f.suggestion) for f in r.findings}
    assert ("国家治理体系和治理力现代化", "国家治理体系和治理能力现代化") in got
    assert ("人民陪陪审员", "人民陪审员") in got
    clean = fazhi.analyze(
        "推进国家治理体系和治理能力现代化，选任人民陪审员。", Config(select=["TY003", "TY004"])
    )
    assert list(clean.findings) == []


def test_longer_doubled_phrase():
    assert hits("推进法治建设法治建设向基层延伸。", "TY009") == [("法治建设法治建设", "法治建设")]
    assert hits("推进法治建设向基层延伸，天天学法。", "TY009") == []


def test_wrong_names_of_laws_and_documents():
    assert hits("依据《政府信息公开法》办理申请。", "TE101") == [
        ("《政府信息公开法》", "《政府信息公开条例》")
    ]
    assert hits("依据《政府信息公开条例》办理申请。", "TE101") == []
    assert hits("主动接受一府两院监督。", "TE001") == [("一府两院", "一府一委两院")]
    assert hits("主动接受一府一委两院监督。", "TE001") == []


def test_law_full_name_without_book_marks():
    assert hits("认真学习中华人民共和国行政处罚法，规范执法。", "PU009") == [
        ("中华人民共和国行政处罚法", "《中华人民共和国行政处罚法》")
    ]
    assert [q for q, _ in hits("依照中华人民共和国行政复议法实施条例办理。", "PU009")] == [
        "中华人民共和国行政复议法实施条例"
    ]
    for good in (
        "认真学习《中华人民共和国行政处罚法》，规范执法。",
        "编印《中华人民共和国民法典学习读本》。",
        "印发《关于学习〈中华人民共和国民法典〉的通知》。",
        "学习宪法、民法典。",
        "中华人民共和国成立75周年。",
    ):
        assert hits(good, "PU009") == [], good


def test_institution_names_with_a_slip_and_their_accepted_short_forms():
    r = fazhi.analyze("县综合行政法局会同县纪律检察委员会开展检查。")
    got = {(r.text[f.start : f.end], f.suggestion) for f in r.findings if f.rule.startswith("TY")}
    assert ("综合行政法局", "综合行政执法局") in got
    assert ("纪律检察委员会", "纪律检查委员会") in got
    for good in (
        "县人力资源社会保障局、县住房城乡建设局、县发展改革委员会联合检查。",
        "县人民检察院检察委员会审议案件。",
        "推动矛盾纠纷调处化解重心下移。",
    ):
        r = fazhi.analyze(good)
        assert [f.rule for f in r.findings if f.category.value in ("typo", "terminology")] == [], good


def test_five_year_plan_with_the_wrong_years():
    assert hits("落实“八五”普法规划（2020—2025年）。", "TE103") == [("2020—2025", None)]
    assert hits("编制“十四五”法治政府建设规划（2021-2026年）。", "TE103") == [("2021-2026", None)]
    for good in (
        "落实“八五”普法规划（2021—2025年）。",
        "总结“七五”普法（2016—2020年）经验。",
        "“十四五”时期，对照纲要（2021—2025年）推进。",
        "开展“八五”普法，对照规划（2021—2025年）。",
    ):
        assert hits(good, "TE103") == [], good


def test_de_before_verb_with_the_added_adverbs_and_verbs():
    assert hits("各部门不断的完善工作机制。", "TY011") == [("的", "地")]
    assert hits("执法人员精准的回应群众关切。", "TY011") == [("的", "地")]
    for good in ("各部门不断地完善工作机制。", "工作机制得到不断的完善。", "执法人员精准地回应群众关切。"):
        assert hits(good, "TY011") == [], good


def test_fractional_count_of_whole_things():
    assert hits("全年培训执法人员12.5人次。", "PL004") == [("12.5人", None)]
    assert hits("办理行政复议案件3.6件。", "PL004") == [("3.6件", None)]
    for good in (
        "全年培训执法人员125人次。",
        "发放资料1.5万份。",
        "平均办理时限压缩至2.5个工作日。",
        "持证率提高1.5个百分点。",
        "人均学法2.5次。",
        "平均每村3.5件。",
    ):
        assert hits(good, "PL004") == [], good


def test_item_skipped_inside_a_paragraph():
    text = "（一）加强学习\n一是组织学法4次；三是举办讲座2场。"
    assert hits(text, "NU005") == [("三是", "二是")]
    for good in (
        "（一）加强学习\n一是组织学法4次；二是举办讲座2场；三是开展培训1场。",
        "（一）加强学习\n一是组织学法4次。\n三是举办讲座2场。",
    ):
        assert hits(good, "NU005") == [], good


def test_enumeration_comma_before_deng_or_a_conjunction():
    assert hits("学习宪法、民法典、等法律法规。", "PU010") == [("、", "")]
    assert hits("开展执法检查、以及案卷评查。", "PU010") == [("、", "")]
    for good in (
        "学习宪法、民法典等法律法规。",
        "开展巡查、及时处置、及早化解。",
        "开展评估、等级评定。",
        "推进平安、和谐社区建设。",
    ):
        assert hits(good, "PU010") == [], good


def test_fixing_the_comma_before_deng_deletes_it():
    from fazhi.fixes import fixed_text

    config = Config(select=["PU010"])
    text, n = fixed_text(fazhi.analyze("学习宪法、民法典、等法律法规。", config), config)
    assert (text, n) == ("学习宪法、民法典等法律法规。", 1)


def test_all_of_a_single_item():
    assert hits("全年受理行政复议案件1件，均已依法办结。", "NC106") == [("1件，均", None)]
    assert hits("收到行政诉讼案件一件，全部胜诉。", "NC106") == [("一件，全部", None)]
    for good in (
        "全年受理行政复议案件3件，均已依法办结。",
        "全年受理行政复议案件1件，已依法办结。",
        "受理案件11件，均已办结。",
        "受理案件十一件，均已办结。",
        "增长0.1个，均衡发展。",
    ):
        assert hits(good, "NC106") == [], good


def test_negative_number_after_a_verb_of_change():
    assert hits("行政复议案件同比下降-12.5%。", "NC107") == [("下降-12.5", None)]
    assert hits("受理量同比增长－3%。", "NC107") == [("增长－3", None)]
    for good in (
        "行政复议案件同比下降12.5%。",
        "受理量同比减少3%。",
        "增幅为-3%。",
        "同比增长——这是第一次。",
    ):
        assert hits(good, "NC107") == [], good


def test_change_in_percent_against_the_previous_years_count():
    assert hits("全年办理案件120件，同比增长50%，上年为100件。", "NC108") == [("50%", None)]
    assert hits("受理信访事项80件，较去年同期的100件下降25%。", "NC108") == [("25%", None)]
    for good in (
        "全年办理案件120件，同比增长20%，上年为100件。",
        "受理信访事项80件，较去年同期的100件下降20%。",
        "全年办理案件120件，同比增长20%。",
        "全年办理案件120余件，同比增长50%，上年为100件。",
    ):
        assert hits(good, "NC108") == [], good


def test_nc004_does_not_read_the_previous_years_count_as_the_change():
    # regression (issue 15, session 3): `较去年同期的100件下降20%` was read as "100 fewer than last year"
    assert hits("受理信访事项80件，较去年同期的100件下降20%。", "NC004") == []
    assert hits("全年共处理信访事项30件，比去年减少14件，同比减少31%。", "NC004") != []
