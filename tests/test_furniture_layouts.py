"""Web furniture in many layouts of Chinese government sites (issue 15, false alarms on unseen pages):
metadata tables with spaced labels, values on the next line, several rows per line; breadcrumbs;
info bars with web timestamps; page controls; footers. Furniture is never a title, heading or finding;
the title after it is found and never glued to the first paragraph. Pages in tests/furniture_pages.py
are written for the tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi import furniture
from fazhi.normalize import normalize
from fazhi.pipeline import analysis_of
from furniture_pages import BODY, LAYOUTS, OPENING, TITLE, check, html_pages


@pytest.mark.parametrize("name", sorted(LAYOUTS))
def test_pasted_page_layout_gives_title_outline_and_no_alarm(name):
    text, title = LAYOUTS[name]
    assert check(analysis_of(text), title) == []


@pytest.mark.parametrize("name", sorted(html_pages()))
def test_html_page_layout_gives_title_outline_and_no_alarm(name, tmp_path):
    html, title = html_pages()[name]
    p = tmp_path / f"{name}.html"
    p.write_text(html, encoding="utf-8")
    r = analysis_of(p)
    assert check(r, title, page_title=True) == []
    assert r.published == "2025-03-28"


def test_web_timestamp_is_no_fm005_but_a_report_date_is():
    # regression: `发布时间：2025年03月28日 10:28` was flagged FM005 (zero-padded month and day)
    stamped = TITLE + "\n发布时间：2025年03月28日 10:28\u3000来源：某某县司法局\n" + BODY
    assert "FM005" not in {f.rule for f in fazhi.analyze(stamped).findings}
    padded = TITLE + "\n" + BODY + "县委全面依法治县委员会于2024年03月15日召开会议。\n"
    hits = [f for f in fazhi.analyze(padded).findings if f.rule == "FM005"]
    assert [fazhi.analyze(padded).text[f.start : f.end] for f in hits] == ["2024年03月15日"]


def test_timestamp_in_the_body_is_dropped_wherever_it_stands():
    text = TITLE + "\n" + OPENING + "\n2025年03月28日 10:28:00\n一、主要举措和成效\n全年办理案件36件。\n"
    t, _ = normalize(text)
    assert "10:28" not in t and "2025年03月28日" not in t


def test_fm005_guard_reads_only_web_timestamps():
    text = "发布时间：2025年03月28日 10:28"
    assert furniture.is_web_timestamp_at(text, 5, 16)
    assert furniture.is_web_timestamp_at("更新日期：2025年03月28日", 5, 16)
    assert not furniture.is_web_timestamp_at("会议于2025年03月28日召开", 3, 14)
    assert not furniture.is_web_timestamp_at("发布了2025年03月28日的通知", 3, 14)


def test_title_not_glued_to_first_paragraph_nor_to_a_timestamp():
    # regression: "…情况报告2024年，我局…" and "…10:282024年"
    for head in (
        TITLE + "\n",
        "发布时间：2025-03-28 10:28\n" + TITLE + "\n",
        TITLE + "\n发布时间：2025-03-28 10:28\n",
    ):
        t, _ = normalize(head + BODY)
        assert t.startswith(TITLE + "\n" + OPENING), t[:80]


@pytest.mark.parametrize(
    "line",
    [
        "索 引 号：11340000123/2025-00321\u3000\u3000主题分类：法治政府建设",
        "发 布 日 期 : 2025-03-28\t\t来 源 : 某某县司法局",
        "[发布时间:2025-03-28 10:28:35] [来源:某某县司法局] [访问量:1024]",
        "（来源：某某县司法局\u3000责任编辑：张三）",
        "2025年03月28日 10:28",
        "2025-03-28 10:28:00",
        "更新时间：2025年03月28日 星期五 10:28:00",
        "您当前所在的位置：首页 → 政务公开 → 法治政府建设",
        "某某县人民政府 > 政务公开 > 法治政府建设",
        "首页 走进某县 政务公开 政务服务 互动交流",
        "【打印此页】【关闭窗口】",
        "文字大小：大 中 小",
        "分享到：微信 微博 QQ空间",
        "视力保护色：",
        "上一篇：某某县司法局2023年法治政府建设情况报告",
    ],
)
def test_furniture_lines(line):
    assert furniture.is_furniture(line)


@pytest.mark.parametrize(
    "line",
    [
        "来源于群众的意见建议全部办结。",
        "发布行政执法信息120条，信息来源于各执法股室。",
        "2024年3月28日，我局发布《行政执法事项清单》。",
        "2025年3月20日",
        "某某县司法局 某某县财政局 某某县人民政府",
        "一、主要举措和成效",
        "政务公开工作扎实推进",
        "某某县司法局2024年法治政府建设情况报告",
        "时间紧、任务重，我局加班加点完成清理工作。",
    ],
)
def test_report_lines_are_not_furniture(line):
    assert not furniture.is_furniture(line)


def test_value_below_its_label_goes_but_report_unit_lines_stay():
    # `浏览次数：` is often left empty: the unit lines of the title block below it are the report's
    text = (
        "浏览次数：\n中共某某县委员会\n某某县人民政府\n关于2024年度法治政府建设情况的报告\n县委、县政府：\n"
        + BODY
    )
    r = fazhi.analyze(text)
    assert r.title == "中共某某县委员会某某县人民政府关于2024年度法治政府建设情况的报告"
    assert r.unit == "中共某某县委员会、某某县人民政府"
    t, _ = normalize("发布机构：\n某某县司法局\n主题分类：\n法治政府建设\n" + TITLE + "\n" + BODY)
    assert t.startswith(TITLE + "\n")


def test_report_sentences_with_label_words_stay_text():
    text = (
        TITLE + "\n" + BODY + "发布时间：各类信息在形成之日起20个工作日内公开。\n来源：各村上报数据。\n"
        "某某县司法局\n2025年3月20日\n"
    )
    t, _ = normalize(text)
    assert "发布时间：各类信息在形成之日起20个工作日内公开。" in t
    assert t.endswith("来源：各村上报数据。\n某某县司法局\n2025年3月20日")


def test_page_footer_goes_but_signature_and_date_stay():
    footer = "上一篇：某某县2023年法治政府建设情况报告\n相关链接\n网站地图 | 联系我们\n（责任编辑：张三）\n"
    t, _ = normalize(TITLE + "\n" + BODY + "某某县司法局\n2025年3月20日\n" + footer)
    assert t.endswith("某某县司法局\n2025年3月20日")


def test_column_name_above_furniture_is_header_but_two_line_title_stays():
    text = (
        "法定主动公开内容\n发布日期：2025-03-28\n某某县人民政府关于\n2024年度法治政府建设情况的报告\n" + BODY
    )
    r = fazhi.analyze(text)
    assert r.title == "某某县人民政府关于2024年度法治政府建设情况的报告"
    assert "法定主动公开内容" not in r.text


def test_title_found_below_lines_the_furniture_step_does_not_know():
    text = "某某县司法局\n政策文件\n部门文件\n司法行政工作动态\n" + TITLE + "\n" + BODY
    r = fazhi.analyze(text)
    assert r.title == TITLE and "MD001" not in {f.rule for f in r.findings}


def test_no_title_search_past_the_body():
    # an excerpt that starts in the body: a line below the first lines that reads like a title is no title
    text = OPENING + "\n一、主要举措和成效\n全年办理案件36件。\n（一）加强领导\n召开会议4次。\n"
    text += "某某县2024年法治政府建设工作情况\n继续加强执法。\n"
    assert fazhi.analyze(text).title is None


@pytest.mark.parametrize(
    "row",
    [
        "来源：本网\u3000\u3000发布日期：2025-01-07 15:15:56\u3000",
        "发布时间：2025-03-28 10:28 来源：某某县司法局 浏览次数：12 ",
        "[发布时间:2025-03-28] [来源:某某县司法局] [浏览次数: ] ",
        "浏览次数：\u3000",
    ],
)
def test_metadata_row_run_together_with_the_first_sentence_loses_the_row_only(row):
    # regression: the whole line went as furniture, and the report's first paragraph with it
    t, _ = normalize(TITLE + "\n" + row + BODY)
    assert t.startswith(TITLE + "\n" + OPENING + "\n一、")


@pytest.mark.parametrize(
    ("head", "title"),
    [
        ("法治政府建设年度报告\n", "法治政府建设年度报告"),
        ("某某县法治政府建设年度报告\n（2024年度）\n", "某某县法治政府建设年度报告（2024年度）"),
        ("法治政府建设年度报告\n" + TITLE + "\n", TITLE),
    ],
)
def test_column_name_reading_like_a_title_gives_way_only_to_a_title_with_a_year(head, title):
    assert fazhi.analyze(head + BODY).title == title


@pytest.mark.parametrize(
    "line",
    ["发布时间2025-03-28 10:28 来源：本站", "2025-03-28 来源：某某县司法局", "2025年03月28日 10:28"],
)
def test_stamp_lines_go_anywhere_but_a_signing_date_stays(line):
    t, _ = normalize(
        TITLE + "\n" + OPENING + "\n" + line + "\n" + BODY[len(OPENING) + 1 :] + "2025年3月20日\n"
    )
    assert line.split()[0] not in t and t.endswith("\n2025年3月20日")


@pytest.mark.parametrize("date", ["2025.3.20", "2025-03-20", "2025年3月20日"])
def test_signing_date_in_web_form_is_no_timestamp(date):
    # regression: `2024.1.6` below the signature was dropped as a web timestamp (FM101 lost its target)
    t, _ = normalize(TITLE + "\n" + BODY + "某某县司法局\n" + date + "\n")
    assert t.endswith("某某县司法局\n" + date)


def test_labelled_signing_date_at_the_end_stays_but_editor_row_goes():
    t, _ = normalize(TITLE + "\n" + BODY + "某某县司法局\n日期：2025年3月20日\n（责任编辑：张三）\n")
    assert t.endswith("某某县司法局\n日期：2025年3月20日")


def test_page_notice_with_a_full_stop_above_the_title_does_not_hide_it():
    text = "温馨提示：本页面信息仅供参考。\n" + TITLE + "\n发布时间：2025年03月28日 10:28\n" + BODY
    r = fazhi.analyze(text)
    assert r.title == TITLE and not {f.rule for f in r.findings} & {"MD001", "FM005", "NU003"}


def test_pager_and_clock_in_chinese_go():
    text = (
        TITLE
        + "\n发布时间：2025年03月28日 10时28分\n"
        + BODY.replace("二、", "共2页 上一页 1 2 下一页\n二、", 1)
    )
    r = fazhi.analyze(text)
    assert "下一页" not in r.text and "10时28分" not in r.text
    assert not {f.rule for f in r.findings} & {"FM005", "NU003", "NU001"}
    assert furniture.is_web_timestamp_at("2025年03月28日 10时28分", 0, 11)


def test_scan_notices_go_but_a_sentence_about_scanning_stays():
    t, _ = normalize(
        TITLE
        + "\n扫一扫在手机上查看当前页面\n字号：A+ A A-\n"
        + OPENING
        + "\n扫一扫二维码即可查询法律法规。\n"
    )
    assert "当前页面" not in t and "A+" not in t and "扫一扫二维码即可查询法律法规。" in t
