"""Title recognition (issue 15 part 3) and the heading kept apart from its paragraph. Texts written for the tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.meta import is_title_line
from fazhi.normalize import normalize
from fazhi.pipeline import analysis_of

BODY = (
    "2024年，某某镇深入学习贯彻习近平法治思想，扎实推进法治政府建设，取得明显成效。\n"
    "一、主要举措和成效\n全年办理行政处罚案件12件。\n二、存在的不足和原因\n执法力量不足。\n"
)


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("某某镇2024年法治政府建设工作情况", "某某镇2024年法治政府建设工作情况"),
        ("某某镇2024年法治政府建设工作总结", "某某镇2024年法治政府建设工作总结"),
        ("某某镇法治政府建设情况报告（2024年度）", "某某镇法治政府建设情况报告（2024年度）"),
        ("某某县市场监督管理局2024年行政执法工作报告", "某某县市场监督管理局2024年行政执法工作报告"),
        (
            "某某县人民政府关于2024年度法治政府\n建设情况的报告",
            "某某县人民政府关于2024年度法治政府建设情况的报告",
        ),
        ("某某县2024年度法治政府建设\n工作情况", "某某县2024年度法治政府建设工作情况"),
        ("某某县法治政府建设年度报告\n（2024年度）", "某某县法治政府建设年度报告（2024年度）"),
        (
            "某某县2024年法治政府建设情况报告\n——在县人大常委会第十次会议上",
            "某某县2024年法治政府建设情况报告",
        ),
        (
            "某某旗2024年法治政府建设情况报告\n2025年3月10日在某某旗第十六届人民代表大会\n常务委员会第十次会议上",
            "某某旗2024年法治政府建设情况报告",
        ),
        (
            "某某县2024年法治政府建设情况报告\n某某县人民政府\n关于2024年法治政府建设情况的报告",
            "某某县2024年法治政府建设情况报告",
        ),
        (
            "某某县人民政府\n关于2024年法治政府建设情况的报告",
            "某某县人民政府关于2024年法治政府建设情况的报告",
        ),
        (
            "中共某某县委员会\n某某县人民政府\n关于2024年法治政府建设情况的报告",
            "中共某某县委员会某某县人民政府关于2024年法治政府建设情况的报告",
        ),
    ],
)
def test_title_forms(head, title):
    r = analysis_of(head + "\n" + BODY)
    assert r.title == title
    assert r.text[r.body_span[0] :].startswith("2024年，某某镇")
    assert not {f.rule for f in r.findings} & {"MD001", "NU001", "NU003", "DU001"}


def test_title_and_addressee_run_together_on_one_line():
    r = fazhi.analyze("某某镇人民政府关于2024年法治政府建设情况的报告 县委、县政府：\n" + BODY)
    assert r.title == "某某镇人民政府关于2024年法治政府建设情况的报告" and r.addressee == "县委、县政府"


def test_report_without_title_gets_null_not_its_file_name(tmp_path):
    # regression (issue 14): `004_06c408b12b9745fb` was given as the title
    p = tmp_path / "004_06c408b12b9745fb.txt"
    p.write_text("区委、区政府：\n" + BODY, encoding="utf-8")
    r = fazhi.analyze(p)
    assert r.title is None and r.inferred_title is None and not r.title_inferred
    assert r.to_dict()["title"] is None
    assert "MD001" in {f.rule for f in r.findings}


def test_file_name_that_reads_as_a_title_is_offered_as_inferred(tmp_path):
    p = tmp_path / "某某镇2024年法治政府建设情况报告.txt"
    p.write_text("区委、区政府：\n" + BODY, encoding="utf-8")
    r = fazhi.analyze(p)
    assert r.title is None
    assert r.to_dict()["inferred_title"] == "某某镇2024年法治政府建设情况报告" and r.title_inferred


def test_headings_and_sentences_are_not_titles():
    assert not is_title_line("一、2024年法治政府建设工作情况")
    assert not is_title_line("全年法治政府建设工作情况良好。")
    assert not is_title_line("某某镇2024年工作总结")  # not about the rule of law


def test_long_heading_not_swallowed_into_its_paragraph():
    # regression: a level-1 heading longer than 40 characters with a comma but no full stop was joined
    # to the paragraph below it
    head = "一、2024年度党政主要负责人履行推进法治建设第一责任人职责，加强法治政府建设的有关情况"
    text = (
        "某某镇2024年法治政府建设情况报告\n"
        + BODY.split("\n")[0]
        + "\n"
        + head
        + "\n镇党委书记带头学法，全年主持专题学法4次。\n"
    )
    t, _ = normalize(text)
    assert head + "\n镇党委书记" in t


def test_title_addressee_and_body_run_together_on_one_line():
    # regression: a page whose text lost its line breaks had no title (MD001 although it has one)
    text = "某某镇人民政府关于2024年法治政府建设情况的报告 县委、县政府：" + BODY.replace("\n", "")
    r = fazhi.analyze(text)
    assert r.title == "某某镇人民政府关于2024年法治政府建设情况的报告" and r.addressee == "县委、县政府"
    assert "MD001" not in {f.rule for f in r.findings}


def test_missing_title_silent_when_the_page_shows_one():
    r = fazhi.analyze("| 标题：某某镇关于2024年法治政府建设情况的报告 |\n发布日期：2025-02-01\n" + BODY)
    assert r.title is None and "MD001" not in {f.rule for f in r.findings}
    assert "MD001" in {f.rule for f in fazhi.analyze(BODY).findings}


def test_markdown_and_html_showed_no_title_when_only_an_inferred_one_existed(tmp_path):
    # regression: with `title` null and `inferred_title` set, both outputs printed （无标题）
    from fazhi.render import get_formatter

    p = tmp_path / "某某镇2024年法治政府建设情况报告.txt"
    p.write_text("区委、区政府：\n" + BODY, encoding="utf-8")
    r = fazhi.analyze(p)
    md = get_formatter("md").render(r)
    assert md.splitlines()[0] == "# 某某镇2024年法治政府建设情况报告（推断）"
    page = get_formatter("html").render(r)
    assert "<h1>某某镇2024年法治政府建设情况报告<small>（推断）</small></h1>" in page
    assert "（无标题）" not in md and "（无标题）" not in page


def test_outputs_mark_nothing_as_inferred_when_the_report_has_its_title():
    from fazhi.render import get_formatter

    r = fazhi.analyze("某某镇2024年法治政府建设情况报告\n" + BODY)
    assert r.title and r.inferred_title is None
    md = get_formatter("md").render(r)
    assert md.splitlines()[0] == f"# {r.title}" and "（推断）" not in md
    assert "（推断）" not in get_formatter("html").render(r)


def test_outputs_say_no_title_when_none_is_known(tmp_path):
    from fazhi.render import get_formatter

    p = tmp_path / "report-7.txt"
    p.write_text("区委、区政府：\n" + BODY, encoding="utf-8")
    r = fazhi.analyze(p)
    assert r.title is None and r.inferred_title is None
    assert get_formatter("md").render(r).splitlines()[0] == "# （无标题）"
