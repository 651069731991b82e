"""The report page's heading when the report has no title of its own. Texts written for the tests."""

from __future__ import annotations

import re

from web_helpers import wait_analysed

BODY = (
    "区委、区政府：\n"
    "2024年，某某镇深入学习贯彻习近平法治思想，扎实推进法治政府建设。\n"
    "一、主要举措和成效\n全年办理行政处罚案件12件。\n二、存在的不足和原因\n执法力量不足。\n"
)


def _upload(app, c, name: str, body: str = BODY) -> str:
    r = c.form("/upload", files=[("files", (name, body.encode("utf-8"), "text/plain"))])
    (rid,) = {int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', r.text)}
    wait_analysed(app)  # uploads are analysed in the background
    return c.get(f"/reports/{rid}").text


def test_report_page_showed_the_file_name_when_an_inferred_title_existed(app, clients):
    # regression: a report without a title but with an inferred one was headed by its file name
    page = _upload(app, clients["reviewer"], "某某镇2024年法治政府建设情况报告.txt")
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert "某某镇2024年法治政府建设情况报告" in h1 and "（推断）" in h1 and "未识别出标题" not in h1


def test_report_page_says_no_title_was_found_when_none_is_inferred(app, clients):
    page = _upload(
        app, clients["reviewer"], "scan-17.txt", BODY.replace("12件", "15件")
    )  # not the same upload
    h1 = re.search(r"<h1>(.*?)</h1>", page, re.S).group(1)
    assert "scan-17.txt" in h1 and "未识别出标题" in h1 and "（推断）" not in h1
