"""Full-text search: hits in context, links to the span, hostile query strings."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from web_helpers import wait_analysed

SPECIAL = (
    "关于2023年法治政府建设情况的报告\n\n区委、区政府：\n2023年，本镇行政复议纠错率100%_含撤销，"
    "<b>特别标记</b>与“引号”均如实记录。\n一、主要举措和成效\n"
)


@pytest.fixture(scope="module")
def special(app, clients, seeded):
    r = clients["admin"].form(
        "/upload", files=[("files", ("特殊字符.txt", SPECIAL.encode("utf-8"), "text/plain"))]
    )
    (rid,) = {int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', r.text)}
    wait_analysed(app)
    return rid


def hits(client, q: str) -> list[dict]:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 200, r.text
    return r.json()["hits"]


def test_hits_point_at_the_text(clients, seeded):
    c = clients["reviewer"]
    for q in ("行政复议", "法治", "依法行政"):  # four, two and four characters (FTS and LIKE paths)
        hs = hits(c, q)
        assert hs, q
        texts = {}
        for h in hs:
            if h["report_id"] not in texts:
                texts[h["report_id"]] = c.get(f"/api/reports/{h['report_id']}").json()["result"]["text"]
            assert texts[h["report_id"]][h["start"] : h["end"]] == q
            assert h["before"] + h["match"] + h["after"] in texts[h["report_id"]]


def test_search_page_links_to_the_span(clients, seeded):
    c = clients["reviewer"]
    html = c.get("/search", params={"q": "行政复议"}).text
    links = re.findall(r'href="/reports/(\d+)#pos-(\d+)-(\d+)"', html)
    assert links
    rid, start, end = (int(x) for x in links[0])
    assert end - start == len("行政复议")
    assert "<mark>行政复议</mark>" in html
    assert "共 " in html and "份报告" in html
    # the report page carries the script that marks #pos-START-END
    assert 'id="report-text"' in c.get(f"/reports/{rid}").text
    assert "pos-" in c.get("/static/js/app.js").text


@pytest.mark.parametrize(
    "q",
    [
        "' OR 1=1 --",
        "'; DROP TABLE reports; --",
        '" OR "1"="1',
        "%",
        "_",
        "%%",
        "\\",
        "*",
        '法治" OR "x',
        "NEAR(法治 政府)",
        "a' UNION SELECT password_hash FROM users --",
        "%' --",
        "\x00",
        "法治%",
        "治_政",
    ],
)
def test_hostile_queries_are_just_text(clients, seeded, q):
    c = clients["reviewer"]
    for h in hits(c, q):
        assert h["match"] == q
    r = c.get("/search", params={"q": q})
    assert r.status_code == 200
    assert len(c.get("/api/reports").json()["reports"]) >= 5  # every table still there


def test_percent_and_underscore_match_only_themselves(clients, special):
    c = clients["reviewer"]
    assert {h["report_id"] for h in hits(c, "%_")} == {special}
    assert {h["report_id"] for h in hits(c, "100%_含")} == {special}
    assert hits(c, "治_政") == [] and hits(c, "法治%政") == []


def test_snippets_are_escaped(clients, special):
    html = clients["reviewer"].get("/search", params={"q": "特别标记"}).text
    assert "<b>特别标记" not in html and "&lt;b&gt;<mark>特别标记</mark>&lt;/b&gt;" in html


def test_too_long_and_empty_queries(clients, seeded):
    c = clients["reviewer"]
    assert c.get("/api/search", params={"q": "法" * 150}).status_code == 400
    assert "检索词过长" in c.get("/search", params={"q": "法" * 150}).text
    assert c.get("/api/search", params={"q": "   "}).json()["hits"] == []
    assert c.get("/search").status_code == 200


def test_unit_account_searches_its_own_reports(clients, seeded):
    assert {h["report_id"] for h in hits(clients["unit_a"], "法治")} == {seeded["000"]}
    html = clients["unit_a"].get("/search?q=" + quote("法治")).text
    assert set(int(x) for x in re.findall(r'href="/reports/(\d+)#pos-', html)) == {seeded["000"]}
