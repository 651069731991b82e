"""Web-page furniture (fazhi.furniture): dropped by normalization, never a finding, heading or title;
its publication date still fills `published`. All texts here are written for the tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi import furniture
from fazhi.ingest import read_bytes
from fazhi.normalize import normalize

BODY = (
    "2024年，某某镇在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设。\n"
    "一、主要举措和成效\n"
    "（一）加强组织领导\n"
    "全年召开法治专题会议4次，研究法治建设重要事项。\n"
    "（二）推进严格执法\n"
    "全年办理行政处罚案件12件。\n"
    "二、存在的不足和原因\n"
    "执法力量不足。\n"
    "三、下一年度主要安排\n"
    "继续加强法治宣传。\n"
)
TITLE = "某某镇2024年法治政府建设情况报告"

PAGE_HEADS = {
    "breadcrumb_and_rows": (
        "当前位置：首页 > 政务公开 > 法治政府建设\n"
        "索 引 号：123456/2025-00012\n"
        "发布机构：某某镇人民政府\n"
        "发文字号：无\n"
        "发布日期：2025-02-18\n"
        "公开方式：主动公开\n"
        "主题分类：法治政府建设\n"
        "【字体：大 中 小】 【打印】 【关闭】\n"
    ),
    "bulleted_rows_with_title_row": (
        "  • 首页\n  • 走进某镇\n  • 政务公开\n"
        "当前位置: 信息公开 > 镇街 > 某某镇\n"
        "  • 索 引 号:12345/2025-00001\n"
        "  • 成文日期:2025年02月18日\n"
        f"  • 标  题:{TITLE}\n"
        "  • 效力状态:有效\n"
    ),
    "table_rows": (
        "| 索引号 | 12345/2025-00002 | 发文字号 | |\n"
        "| 发布机构 | 某某镇 | 发布日期 | 2025-02-18 10:11:12 |\n"
        "| 公开方式 | 主动公开 | 浏览次数 | 35 |\n"
    ),
    "timestamp_line": "发布时间：2025年02月18日 10:28 来源：某某县司法局 浏览次数：\n",
    "nav_and_controls": (
        "无障碍阅读 关怀版 返回首页\n政府信息公开\n12345678/2025-6630001\n2025-02-18\n字号:\n打印整页 打印内容 分享\n"
    ),
}


@pytest.mark.parametrize("name", sorted(PAGE_HEADS))
def test_page_furniture_gives_no_finding_heading_or_title(name):
    r = fazhi.analyze(PAGE_HEADS[name] + TITLE + "\n" + BODY)
    assert r.title == TITLE
    rules = {f.rule for f in r.findings}
    assert not rules & {"MD001", "NU001", "NU003", "FM005", "DU001"}, r.findings
    assert [s.title for s in r.outline] == ["主要举措和成效", "存在的不足和原因", "下一年度主要安排"]
    for word in ("索", "发布", "首页", "字体", "打印", "浏览次数", "标  题", "当前位置"):
        assert word not in r.text[: r.text.index(TITLE)], r.text[:200]


@pytest.mark.parametrize("name", sorted(set(PAGE_HEADS) - {"bulleted_rows_with_title_row"}))
def test_publication_date_still_taken_from_furniture(name):
    r = fazhi.analyze(PAGE_HEADS[name] + TITLE + "\n" + BODY)
    assert r.published == "2025-02-18"


def test_txt_reader_and_html_reader_read_the_same_furniture_date():
    page = PAGE_HEADS["timestamp_line"] + TITLE + "\n" + BODY
    assert read_bytes(page.encode("utf-8"), "x.txt").published == "2025-02-18"
    html = "<html><body>" + "".join(f"<p>{line}</p>" for line in page.splitlines()) + "</body></html>"
    assert read_bytes(html.encode("utf-8"), "x.html").published == "2025-02-18"


def test_title_row_is_not_a_duplicate_of_the_title():
    # regression: a `标题:` metadata row before the title was flagged DU001 against the title
    text = f"标题：{TITLE}\n发布日期：2025-02-18\n{TITLE}\n{BODY}"
    r = fazhi.analyze(text)
    assert "DU001" not in {f.rule for f in r.findings}
    assert r.text.startswith(TITLE + "\n")


def test_title_not_glued_onto_first_paragraph_after_furniture():
    # regression: a title below furniture was out of the title block and joined to the body
    # ("…情况报告2024年，…") and a timestamp line was glued to it ("10:282024年")
    text = "发布时间：2025-02-18 10:28\n浏览次数：12\n" + TITLE + "\n" + BODY
    t, _ = normalize(text)
    assert t.startswith(TITLE + "\n2024年，")
    assert "10:28" not in t


def test_title_only_in_title_row_is_offered_as_inferred():
    r = fazhi.analyze(f"标  题：{TITLE}\n发布日期：2025-02-18\n{BODY}")
    assert r.title is None and r.inferred_title == TITLE and r.title_inferred


def test_body_lines_that_look_like_labels_stay():
    # good text: after the report has begun, `来源` and a date line are the report's own
    text = TITLE + "\n" + BODY + "来源：各村上报数据。\n某某镇人民政府\n2025年2月18日\n"
    t, _ = normalize(text)
    assert "来源：各村上报数据。" in t and t.endswith("某某镇人民政府\n2025年2月18日")


def test_unit_lines_above_the_title_are_not_furniture():
    text = "中共某某镇委员会 某某镇人民政府\n关于2024年法治政府建设情况的报告\n县委、县政府：\n" + BODY
    r = fazhi.analyze(text)
    assert r.text.startswith("中共某某镇委员会 某某镇人民政府\n")
    assert (
        r.unit_level == "township"
        and r.title == "中共某某镇委员会 某某镇人民政府关于2024年法治政府建设情况的报告"
    )
    assert r.unit == "中共某某镇委员会、某某镇人民政府"


def test_recognisers_on_single_lines():
    assert furniture.is_breadcrumb("首页 >> 政务公开 >> 通知公告")
    assert furniture.is_metadata_row("文  号 〔〕号 有效性")
    assert furniture.is_metadata_row("- 备注/文号: 某政文〔2025〕3号")
    assert furniture.is_control_line("【字体：大 中 小】")
    assert furniture.is_nav_line("繁体丨 简体 丨 无障碍丨 网站地图")
    assert not furniture.is_metadata_row("来源于群众的意见建议全部办结。")
    assert not furniture.is_breadcrumb("一、主要举措和成效")
    assert not furniture.is_nav_line("某某镇人民政府")


def test_signing_date_row_is_not_the_publication_date():
    assert furniture.labelled_date("成文日期：2025-02-10") is None
    assert furniture.labelled_date("成文日期：2025-02-10\n发布日期：2025-02-18") == "2025-02-18"
    assert furniture.labelled_date("发文日期：2025-02-18") == "2025-02-18"
