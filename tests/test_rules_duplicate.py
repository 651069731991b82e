"""The repeated-text rule (DU001) on paragraphs written for these tests: copies with small edits are
found at their later occurrence; set phrases, restated headings and new facts are not copies."""

from __future__ import annotations

from helpers import found


def test_sentence_repeated_with_one_character_changed():
    text = (
        "一、主要举措\n全面推行行政执法公示制度，按时公开执法主体、执法依据和执法结果。"
        "全面推行行政执法公示制度，按时公开执法主体、执法依据及执法结果。"
    )
    ((quote, f),) = found(text, "DU001")
    assert quote == "全面推行行政执法公示制度，按时公开执法主体、执法依据及执法结果。"
    assert "全面推行行政执法公示制度" in f.message  # names the first occurrence


def test_copied_clauses_inside_a_longer_later_sentence():
    first = "落实《关于进一步规范行政复议案件办理程序的通知》，统一受理、审理和决定文书的格式和标准。"
    later = (
        "加强窗口建设，落实《关于进一步规范行政复议案件办理程序的通知》，方便群众申请，"
        "统一受理、审理和决定文书的格式和标准。"
    )
    ((quote, _f),) = found(f"一、主要举措\n{first}组织培训2次。\n二、问题\n{later}", "DU001")
    assert "落实《关于进一步规范行政复议案件办理程序的通知》" in quote and "格式和标准" in quote


def test_repeated_passage_of_several_sentences_is_one_finding():
    passage = "严格落实重大行政决策合法性审查制度，所有决策事项均经法律顾问审核。建立决策后评估机制，定期评估决策执行效果。"
    got = found(f"一、主要举措\n{passage}\n二、下一步安排\n{passage}", "DU001")
    assert len(got) == 1 and got[0][0] == passage


def test_each_later_copy_points_to_the_first():
    s = "组织辖区企业负责人参加安全生产法专题培训，培训合格率达到百分之百。"
    got = found(f"一、举措\n{s}\n二、问题\n{s}\n三、安排\n{s}", "DU001")
    assert len(got) == 2 and all("组织辖区企业负责人参加" in f.message for _q, f in got)


def test_headings_restated_in_their_own_section_are_not_copies():
    text = (
        "一、主要举措\n（一）加强行政执法人员资格管理和业务培训工作\n"
        "加强行政执法人员资格管理和业务培训工作，全年组织培训3期。\n"
        "（二）全面落实行政执法公示制度和执法全过程记录制度。全面落实行政执法公示制度和执法全过程记录制度，"
        "全年公示执法信息120条。"
    )
    assert found(text, "DU001") == []


def test_run_in_heading_repeated_whole_is_a_copy():
    text = "一、主要举措\n（一）全面落实行政执法公示制度和执法全过程记录制度。全面落实行政执法公示制度和执法全过程记录制度。"
    assert len(found(text, "DU001")) == 1


def test_set_phrases_short_clauses_and_new_numbers_are_not_copies():
    text = (
        "一、主要举措\n坚持以习近平新时代中国特色社会主义思想为指导，开展集中学习。"
        "党政主要负责人履行推进法治建设第一责任人职责，带头学法。全年共办理行政复议案件12件，均依法妥善处理。\n"
        "二、下一步安排\n坚持以习近平新时代中国特色社会主义思想为指导，继续推进。"
        "党政主要负责人履行推进法治建设第一责任人职责，带头述法。全年共办理行政复议案件10件，均依法妥善处理。"
        "继续深入村社区开展法律咨询服务，深入村社区开展法律咨询服务。"
    )
    assert found(text, "DU001") == []


def test_next_year_plan_echoing_one_clause_is_not_a_copy():
    text = (
        "一、主要举措\n全年开展普法宣传活动，深入村社区开展法律咨询和矛盾纠纷调解服务。\n"
        "二、下一步安排\n继续深入村社区开展法律咨询和矛盾纠纷调解服务。"
    )
    assert found(text, "DU001") == []


def test_same_documents_cited_twice_were_taken_for_a_copy():
    # regression (dev corpus): a later sentence citing again the plans named in the opening paragraph
    # was reported as repeated text, though only the cited titles were the same
    opening = (
        "2024年，本镇扎实推进各项工作，根据《某某市法治政府建设实施方案（2021—2025年）》和《某某区贯彻落实"
        "〈某某市法治政府建设实施方案〉任务分工表》，制定了年度计划。"
    )
    later = (
        "二是完善制度体系。结合《某某市法治政府建设实施方案（2021—2025年）》和《某某区贯彻落实"
        "〈某某市法治政府建设实施方案〉任务分工表》，本镇细化了年度工作要点。"
    )
    assert found(f"{opening}\n一、主要举措\n{later}", "DU001") == []
    # the same sentence copied with its own words is still found
    copied = later.replace("二是完善制度体系。", "三是")
    assert len(found(f"{opening}\n一、主要举措\n{later}\n二、下一步\n{copied}", "DU001")) == 1
