"""Synthetic web pages and pasted texts of Chinese government sites, written for the tests (no corpus
text): the furniture of common CMS layouts (政府信息公开 metadata tables, breadcrumbs, info bars, page
controls, footers) around one report of our own. Used by tests/test_furniture_layouts.py."""

from __future__ import annotations

TITLE = "某某县司法局2024年法治政府建设情况报告"
TWO_LINE_TITLE = ("某某县人民政府关于", "2024年度法治政府建设情况的报告")
ORGAN_TITLE = ("某某县司法局", "关于2024年度法治政府建设情况的报告")
LONG_TITLE = "中共某某镇委员会,某某镇人民政府关于2024年度法治政府建设工作情况的报告"
OPENING = "2024年，我局在县委、县政府的坚强领导下，深入学习贯彻习近平法治思想，扎实推进法治政府建设。"
BODY = (
    OPENING + "\n"
    "一、主要举措和成效\n"
    "（一）加强组织领导\n"
    "全年召开局党组会议专题研究法治工作4次，发布行政执法信息120条，信息来源于各执法股室。\n"
    "（二）推进严格规范公正文明执法\n"
    "全年办理行政处罚案件36件，没有发生行政复议纠错案件。\n"
    "二、存在的不足和原因\n"
    "执法人员专业力量不足，培训的针对性还不强。\n"
    "三、下一年度主要安排\n"
    "继续推进执法规范化建设，加强法治宣传教育。\n"
)
OUTLINE = ["主要举措和成效", "存在的不足和原因", "下一年度主要安排"]

# Heads: what a page shows above (and around) the report's title. `{T}` marks the title.
HEADS = {
    "spaced_labels_full_width_several_per_line": (
        "当前位置：首页 > 政务公开 > 法治政府建设 > 年度报告\n"
        "索 引 号：11340000123/2025-00321\u3000\u3000\u3000主题分类：法治政府建设\n"
        "发 布 机 构：某某县司法局\u3000\u3000\u3000\u3000成文日期：2025年03月20日\n"
        "文\u3000\u3000号：某司〔2025〕5号\u3000\u3000有 效 性：有效\n"
        "发布日期：2025年03月28日\u3000\u3000\u3000浏览次数：128\n"
        "{T}\n"
        "【字体：大 中 小】【打印本页】【关闭窗口】\n"
    ),
    "values_on_next_line_half_width": (
        "索引号:\n11340000123/2025-00321\n发布机构:\n某某县司法局\n主题分类:\n法治政府建设\n"
        "发布日期:\n2025-03-28\n公开方式:\n主动公开\n有效性:\n有效\n{T}\n"
    ),
    "table_cells_one_per_line_no_colon": (
        "索引号\n11340000123/2025-00321\n发文机关\n某某县司法局\n成文日期\n2025年03月20日\n"
        "发文字号\n某司〔2025〕5号\n发布日期\n2025年03月28日\n主题分类\n其他\n{T}\n"
    ),
    "tabs_between_rows": (
        "索引号：\t11340000123/2025-00321\t信息分类：\t法治政府建设\n"
        "发布机构：\t某某县司法局\t生成日期：\t2025-03-28\n"
        "文号：\t\t有效性：\t有效\n"
        "{T}\n"
    ),
    "info_bar_after_title": (
        "{T}\n"
        "发布时间：2025年03月28日 10:28\u3000\u3000来源：某某县司法局\u3000\u3000作者：办公室\u3000\u3000"
        "浏览次数：356\u3000\u3000【字体：大 中 小】【打印】【关闭】\n"
    ),
    "info_bar_half_width_with_brackets": (
        "{T}\n[发布时间:2025-03-28 10:28:35] [来源:某某县司法局] [访问量:1024] [字号:大 中 小] [打印] [关闭]\n"
    ),
    "bare_timestamps": "{T}\n2025-03-28 10:28:00\n来源：本网\n",
    "bare_chinese_timestamp": "{T}\n2025年03月28日 10:28\n某某县司法局\n",
    "timestamp_with_weekday_and_clock": "{T}\n更新时间：2025年03月28日 星期五 10:28:00\n",
    "date_label_only": "{T}\n日期：2025年03月28日\u3000\u3000点击数：56\n",
    "breadcrumb_arrows": "您当前所在的位置：首页 → 政务公开 → 法治政府建设\n{T}\n发布日期：2025-03-28\n",
    "breadcrumb_without_label": "首页 / 信息公开 / 法定主动公开内容 / 其他\n{T}\n",
    "site_header_menu_no_breadcrumb": (
        "某某县人民政府门户网站\n首页 走进某县 政务公开 政务服务 互动交流 专题专栏\n"
        "无障碍浏览 长者模式 简体 繁體\n{T}\n发布时间：2025-03-28\n"
    ),
    "share_and_scan_controls": (
        "{T}\n分享到：微信 微博 QQ空间\n扫一扫在手机打开当前页\n【收藏】【我要纠错】\n视力保护色：\n"
    ),
    "title_row_then_title": "标\u3000\u3000题：{T}\n发布日期：2025-03-28\n{T}\n",
    "title_row_many_rows": (
        "名  称：{T}\n索 取 号：000014349/2025-00012\n信息来源：县司法局\n生成日期：2025-03-28\n{T}\n"
    ),
    "two_line_title_after_furniture": (
        "当前位置：首页 > 政府信息公开 > 法治政府建设年度报告\n"
        "索引号：11340000123/2025-00321 发布机构：某某县人民政府\n"
        "发布日期：2025-03-28 浏览次数：88\n"
        "{T2a}\n{T2b}\n"
    ),
    "long_comma_title_then_timestamp": "{TL}\n发布时间：2025-03-28 10:28 来源：某某镇 阅读数：12\n",
    "timestamp_right_above_body": "{T}\n发布日期：2025年03月28日 10:28\n",
    "footer_after_body": "{T}\n",
    "related_articles_after_body": "{T}\n",
    "welcome_and_calendar_lines": (
        "欢迎访问某某县人民政府网站！\n今天是2025年03月28日 星期五\n首页 - 政务公开 - 法治政府建设\n{T}\n"
        "【发布时间：2025年03月28日】【来源：某某】【字号：大 中 小】\n发布者：某某县司法局\u3000阅读：123\n"
    ),
    "pasted_table_with_tabs": (
        "索引号\t000014349/2025-00012\t发布机构\t某某县司法局\n"
        "公开方式\t主动公开\t发布日期\t2025年03月28日\n{T}\n"
    ),
    "spaced_label_ascii_colon": "发 布 日 期 : 2025-03-28\t\t来 源 : 某某县司法局\n{T}\n",
    "breadcrumb_of_organ_and_columns": "某某县人民政府 > 政务公开 > 法治政府建设 > 年度报告\n{T}\n",
    "source_with_stamp_no_label": "{T}\n来源：某某县司法局 2025-03-28 10:28\n",
    "control_variants": (
        "{T}\n文字大小：大 中 小\n【大 中 小】\n字体：【大】【中】【小】\n【 打印 】【 关闭 】\n"
        "打印 | 关闭\n【打印此页】【关闭窗口】\n"
    ),
    "disclosure_header_block": (
        "政府信息公开\n{T}\n11340000123/2025-00012\n某某县司法局\n2025-03-28\n{T}\n字号：\n打印整页 打印内容 分享\n"
    ),
    "organ_line_title_after_stamp": "发布日期：2025-03-28\n{T2org}\n{T2rest}\n",
    "many_leftover_lines_before_title": (
        "某某县人民政府门户网站\n首页 政务公开 政务服务 互动交流\n搜索\n主动公开\n法定主动公开内容\n"
        "索引号：11340000123/2025-00321\n发布日期：2025-03-28\n{T}\n"
    ),
    "stamp_in_brackets_below_title": "{T}\n（2025-03-28 10:28:00）\n",
    "unknown_column_lines_above_title": "某某县司法局\n政策文件\n部门文件\n司法行政工作动态\n{T}\n",
    "column_name_reading_like_a_title": "当前栏目：法治政府建设年度报告\n法治政府建设年度报告\n{T}\n发布时间2025-03-28 10:28 来源：本站\n",
    "stamp_first_then_source": "{T}\n2025-03-28 来源：某某县司法局\n",
    "title_with_rows_run_on": "{T}\u3000发布时间：2025-03-28\u3000来源：某某县司法局\u3000浏览次数：\n",
    "title_with_stamp_run_on": "当前位置：首页 > 政务公开\n{T}2025-03-28 10:28\n",
    "two_line_title_below_unknown_lines": "某某县司法局\n政策文件\n部门文件\n司法行政工作动态\n{T2a}\n{T2b}\n",
    "counter_then_title_block": "浏览次数：\n{T2org}\n{T2rest}\n县委、县政府：\n",
    "metadata_in_brackets_with_editor": "{T}\n（来源：某某县司法局\u3000责任编辑：张三\u3000审核：李四）\n",
}
FOOTER = (
    "\n上一篇：某某县司法局2023年法治政府建设情况报告\n下一篇：关于开展行政执法案卷评查的通知\n"
    "相关链接\n网站地图 | 联系我们 | 隐私声明\n主办单位：某某县人民政府办公室\u3000承办单位：某某县数据资源局\n"
    "网站标识码：3400000001\u3000皖ICP备12345678号\u3000皖公网安备 34000002000001号\n"
)

# A list of related articles below the report: titles that read as a report's title or as numbered headings.
RELATED = (
    "某某县司法局\n2025年3月20日\n相关文章：\n1. 某某县2023年法治政府建设情况报告\n"
    "2. 某某县司法局2022年法治政府建设工作总结\n3. 关于印发某某县普法工作要点的通知\n"
)


def page(name: str) -> tuple[str, str]:
    """The page of one head (with the page's tail for the `…_after_body` ones) and the title fazhi should find."""
    head = HEADS[name]
    title = TITLE
    if "{T2org}" in head:
        title = "".join(ORGAN_TITLE)
    elif "{T2a}" in head:
        title = "".join(TWO_LINE_TITLE)
    elif "{TL}" in head:
        title = LONG_TITLE
    text = head.replace("{T2a}", TWO_LINE_TITLE[0]).replace("{T2b}", TWO_LINE_TITLE[1])
    text = text.replace("{T2org}", ORGAN_TITLE[0]).replace("{T2rest}", ORGAN_TITLE[1])
    text = text.replace("{TL}", LONG_TITLE).replace("{T}", TITLE)
    text += BODY
    text += {"footer_after_body": FOOTER, "related_articles_after_body": RELATED}.get(name, "")
    return text, title


LAYOUTS = {name: page(name) for name in HEADS}
FURNITURE_WORDS = (
    "索",
    "发布",
    "来源：某",
    "浏览",
    "字体",
    "字号",
    "打印",
    "关闭",
    "当前",
    "首页",
    "分享",
    "扫一扫",
    "上一篇",
    "网站",
    "ICP",
    "主办",
    "10:28",
    "访问量",
    "点击",
    "责任编辑",
    "有效",
    "主动公开",
)
ALARM_RULES = {"MD001", "NU001", "NU003", "FM005", "DU001"}


def check(r, title: str, page_title: bool = False) -> list[str]:
    """What is wrong with the analysis of a page: furniture left, title missed or glued, alarms. With
    page_title, a title the extractor took out of the text may come back as the inferred title."""
    problems = []
    if r.title != title and not (page_title and r.title is None and r.inferred_title == title):
        problems.append(f"title {r.title!r}")
    rules = {f.rule for f in r.findings} & ALARM_RULES
    if rules:
        problems.append(f"alarms {sorted(rules)}")
    if [s.title for s in r.outline] != OUTLINE:
        problems.append(f"outline {[s.title for s in r.outline]}")
    body = r.text[r.body_span[0] :]
    if not body.startswith(OPENING):
        problems.append(f"body starts {body[:30]!r}")
    left = [
        w for w in FURNITURE_WORDS if w in r.text.replace("发布行政执法信息", "").replace("信息来源于", "")
    ]
    if left:
        problems.append(f"furniture left {left}")
    return problems


def _paras(text: str) -> str:
    return "".join(f"<p>{line}</p>\n" for line in text.splitlines() if line)


def html_pages() -> dict[str, tuple[str, str]]:
    """Whole pages of common CMS layouts in HTML (the body is ours), with the title fazhi should find."""
    crumb = '<div class="position">当前位置：<a href="/">首页</a> &gt; <a>政务公开</a> &gt; <a>法治政府建设</a></div>'
    menu = '<div class="nav"><ul><li>首页</li><li>走进某县</li><li>政务公开</li><li>政务服务</li><li>互动交流</li></ul></div>'
    table = (
        '<table class="xxgk"><tr><td>索 引 号：</td><td>11340000123/2025-00321</td><td>主题分类：</td><td>法治政府建设</td></tr>'
        "<tr><td>发布机构：</td><td>某某县司法局</td><td>成文日期：</td><td>2025年03月20日</td></tr>"
        "<tr><td>名\u3000\u3000称：</td><td colspan=3>" + TITLE + "</td></tr>"
        "<tr><td>文\u3000\u3000号：</td><td></td><td>发布日期：</td><td>2025年03月28日</td></tr></table>"
    )
    info = (
        '<div class="info"><span>发布时间：2025年03月28日 10:28</span> <span>来源：某某县司法局</span>'
        " <span>浏览次数：<em>356</em></span> <span>【字体：<a>大</a> <a>中</a> <a>小</a>】</span>"
        " <span>【打印】</span> <span>【关闭】</span></div>"
    )
    share = (
        '<div class="share">分享到：<a>微信</a> <a>微博</a></div><div class="qr">扫一扫在手机打开当前页</div>'
    )
    footer = (
        '<div class="page"><p>上一篇：某某县司法局2023年法治政府建设情况报告</p><p>下一篇：关于开展普法考试的通知</p></div>'
        '<div class="footer"><p>主办单位：某某县人民政府办公室 网站标识码：3400000001</p><p>皖ICP备12345678号</p></div>'
    )
    content = f'<div class="TRS_Editor">{_paras(BODY)}</div>'
    head = "<html><head><meta charset='utf-8'><title>{}_某某县人民政府</title></head><body>"
    two = "".join(TWO_LINE_TITLE)
    return {
        "metadata_table_then_h1_info_bar": (
            head.format(TITLE)
            + menu
            + crumb
            + table
            + f"<h1>{TITLE}</h1>"
            + info
            + content
            + share
            + footer
            + "</body></html>",
            TITLE,
        ),
        "paragraphs_only_pasted_page": (
            head.format(TITLE)
            + _paras(HEADS["spaced_labels_full_width_several_per_line"].replace("{T}", TITLE))
            + _paras(HEADS["info_bar_after_title"].replace("{T}\n", ""))
            + content
            + footer
            + "</body></html>",
            TITLE,
        ),
        "two_line_title_in_h2_with_br": (
            head.format(two)
            + crumb
            + f"<h2>{TWO_LINE_TITLE[0]}<br>{TWO_LINE_TITLE[1]}</h2>"
            + info
            + content
            + "</body></html>",
            two,
        ),
    }
