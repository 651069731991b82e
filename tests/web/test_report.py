"""The report page: highlighted text, finding decisions, verdict, unit match, publication, review sheet."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

import pytest
from web_helpers import UNIT_A, UNIT_B, wait_analysed

from fazhi.exports.sheet import SHEET_GROUP
from helpers import check_spans_in_raw, seed_file

HOSTILE = (
    "关于<script>alert('title')</script>2023年法治政府建设情况的报告\n\n"
    "区委、区政府：\n"
    "2023年，本街道深入学习习近平法治思想<script>alert(1)</script>，开展普法宣传活动12次。\n"
    "一、主要举措和成效\n"
    "（一）<img src=x onerror=alert(2)>加强组织领导。\n"
    "调解矛盾纠纷45件，\"引号\" & 'apostrophe' </article></aside><b>粗体</b>。\n"
)


def findings_of(client, rid: int) -> list[dict]:
    return client.get(f"/api/reports/{rid}").json()["result"]["findings"]


def test_report_page_marks_the_text(clients, seeded):
    r = clients["reviewer"].get(f"/reports/{seeded['000']}")
    assert r.status_code == 200
    html = r.text
    assert 'class="h h1"' in html and 'class="part"' in html and 'class="ind"' in html
    assert re.search(r'class="f sev-(error|warning|info)', html)
    n = len(findings_of(clients["reviewer"], seeded["000"]))
    assert html.count('class="finding-form"') == n
    assert html.count('name="csrf_token"') >= n + 4  # every form carries the token
    assert "昌州街道" in html


def test_report_text_with_html_is_shown_escaped(app, clients):
    c = clients["reviewer"]
    r = c.form(
        "/upload",
        files=[("files", ("<img src=x onerror=alert(3)>.txt", HOSTILE.encode("utf-8"), "text/plain"))],
    )
    (rid,) = {int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', r.text)}
    wait_analysed(app)
    page = c.get(f"/reports/{rid}").text
    body = page[page.index('id="report-text"') : page.index("</article>")]
    assert "<script>" not in body and "<img" not in body and "<b>" not in body
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in body
    assert "&lt;img src=x onerror=alert(2)&gt;" in body
    assert "&lt;/article&gt;&lt;/aside&gt;" in body
    # nothing of the report runs anywhere on the page: the only scripts are the app's own files
    tags = re.findall(r"<script[^>]*>", page)
    assert tags and all(re.fullmatch(r'<script src="/static/[^"]+">', t) for t in tags)
    assert "<img" not in page
    assert "&lt;img src=x onerror=alert(3)&gt;.txt" in page  # the file name, escaped
    for url in (f"/reports/{rid}/sheet", "/reports", "/corpus", "/search?q=" + quote("粗体")):
        assert "<script>alert" not in c.get(url).text
    # the API gives the text as it is (JSON, not HTML)
    assert "<script>alert(1)</script>" in c.get(f"/api/reports/{rid}").json()["result"]["text"]


def test_dismiss_a_finding_with_a_comment(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["002"]
    f = findings_of(c, rid)[0]
    r = c.form(
        f"/reports/{rid}/findings/{quote(f['key'], safe='')}",
        {"action": "dismissed", "comment": "属于引用原文，不需修改", "n": "0"},
    )
    assert r.status_code == 303 and r.headers["location"] == f"/reports/{rid}?fpage=1#fk-0"
    page = c.get(f"/reports/{rid}").text
    item = page[page.index('id="fk-0"') : page.index('id="fk-1"')]
    assert "已排除" in item and "属于引用原文，不需修改" in item and 'data-state="dismissed"' in item
    assert "已排除问题" in page  # the flashed message
    assert f["review"] is None
    after = findings_of(c, rid)[0]
    assert after["review"]["action"] == "dismissed" and after["review"]["comment"] == "属于引用原文，不需修改"
    hist = c.get(f"/api/reports/{rid}/history").json()["history"]
    ev = [e for e in hist if e["kind"] == "finding"]
    assert ev[-1] == {
        **ev[-1],
        "key": f["key"],
        "action": "dismissed",
        "user": "reviewer",
        "comment": "属于引用原文，不需修改",
    }
    assert "排除（无需修改）" in page[page.index("审查记录") :]


def test_change_of_mind_keeps_both_decisions_in_the_history(clients, seeded, token):
    from web_helpers import Client

    c = clients["reviewer"]
    rid = seeded["002"]
    key = findings_of(c, rid)[1]["key"]
    assert (
        c.form(f"/reports/{rid}/findings/{quote(key, safe='')}", {"action": "dismissed"}).status_code == 303
    )
    with Client(c.app) as api:
        r = api.post(
            f"/api/reports/{rid}/findings/{quote(key, safe='')}",
            json={"action": "accepted", "comment": "需改"},
            headers={"Authorization": f"Bearer {token('reviewer2')}"},
        )
    assert r.status_code == 200 and r.json()["action"] == "accepted"
    hist = [e for e in c.get(f"/api/reports/{rid}/history").json()["history"] if e.get("key") == key]
    assert [(e["action"], e["user"]) for e in hist] == [("dismissed", "reviewer"), ("accepted", "reviewer2")]
    assert findings_of(c, rid)[1]["review"]["action"] == "accepted"


def test_bad_finding_requests(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["002"]
    key = findings_of(c, rid)[0]["key"]
    assert c.form(f"/reports/{rid}/findings/NO:such:1", {"action": "accepted"}).status_code == 404
    assert c.form(f"/reports/{rid}/findings/{quote(key, safe='')}", {"action": "delete"}).status_code == 400
    assert c.form(f"/reports/{rid}/findings/{quote(key, safe='')}", {}).status_code == 400
    assert (
        c.api_post(f"/api/reports/{rid}/findings/{quote(key, safe='')}", {"action": "delete"}).status_code
        == 400
    )
    assert c.form("/reports/999999/findings/x", {"action": "accepted"}).status_code == 404


def test_verdict(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["003"]
    r = c.form(f"/reports/{rid}/verdict", {"verdict": "return", "note": "请补充存在的不足和原因。"})
    assert r.status_code == 303
    page = c.get(f"/reports/{rid}").text
    assert '<span class="badge badge-return">退回修改</span>' in page
    assert "请补充存在的不足和原因。" in page
    doc = c.get(f"/api/reports/{rid}").json()["report"]
    assert doc["verdict"] == "return" and doc["verdict_note"] == "请补充存在的不足和原因。"
    assert c.form(f"/reports/{rid}/verdict", {"verdict": "maybe"}).status_code == 400
    r = c.api_post(f"/api/reports/{rid}/verdict", {"verdict": "pass", "note": "修改后通过"})
    assert r.status_code == 200 and r.json()["report"]["verdict"] == "pass"
    kinds = [(e["kind"], e.get("verdict")) for e in c.get(f"/api/reports/{rid}/history").json()["history"]]
    assert kinds[-2:] == [("verdict", "return"), ("verdict", "pass")]


def test_pages_refuse_overlong_notes_like_the_api_instead_of_truncating(clients, seeded):
    """Regression: the verdict and finding forms cut a note past NOTE_MAX / COMMENT_MAX short and saved the
    rest, where the API answers the same input with 422; now the page answers 422 too and saves nothing."""
    from fazhi.store.common import COMMENT_MAX, NOTE_MAX

    c = clients["reviewer"]
    rid = seeded["003"]
    before = c.get(f"/api/reports/{rid}").json()["report"]
    long_note = "请补充。" * (NOTE_MAX // 4 + 1)
    assert (
        c.api_post(f"/api/reports/{rid}/verdict", {"verdict": "return", "note": long_note}).status_code == 422
    )
    r = c.form(f"/reports/{rid}/verdict", {"verdict": "return", "note": long_note})
    assert r.status_code == 422
    assert "审查意见过长" in r.text and f"上限 {NOTE_MAX} 个字符" in r.text and "未保存" in r.text
    after = c.get(f"/api/reports/{rid}").json()["report"]
    assert (after["verdict"], after["verdict_note"]) == (before["verdict"], before["verdict_note"])
    key = findings_of(c, rid)[0]["key"]
    r = c.form(
        f"/reports/{rid}/findings/{quote(key, safe='')}",
        {"action": "accepted", "comment": "改" * (COMMENT_MAX + 1)},
    )
    assert r.status_code == 422 and "处理意见过长" in r.text
    assert findings_of(c, rid)[0]["review"] is None
    exact = c.form(f"/reports/{rid}/verdict", {"verdict": "return", "note": "改" * NOTE_MAX})
    assert exact.status_code == 303


def test_review_sheet_lists_the_accepted_findings(clients, seeded):
    import docx

    c = clients["admin"]
    rid = seeded["004"]
    fs = [f for f in findings_of(c, rid) if f["quote"]][:3]
    for f, action in zip(fs, ("accepted", "accepted", "dismissed"), strict=True):
        c.api_post(
            f"/api/reports/{rid}/findings/{quote(f['key'], safe='')}",
            {"action": action, "comment": "意见" + action},
        )
    c.api_post(f"/api/reports/{rid}/verdict", {"verdict": "return", "note": "请按意见修改后重新报送"})
    html = c.get(f"/reports/{rid}/sheet").text
    table = html[html.index("需修改的问题") :]
    assert "需修改的问题（2 项）" in html and "退回修改" in html and "请按意见修改后重新报送" in html
    assert UNIT_B in html and "2023年度" in html
    for f in fs[:2]:
        assert f'<b class="hit">{f["quote"]}</b>' in table
        assert f["message"].replace("“", "") in table.replace("“", "").replace("&#34;", '"')
    assert "意见accepted" in table and "意见dismissed" not in table
    assert 'data-action="print"' in html and "@media print" in c.get("/static/css/app.css").text

    r = c.get(f"/reports/{rid}/sheet.docx")
    assert r.status_code == 200 and r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in r.headers["content-disposition"]
    d = docx.Document(io.BytesIO(r.content))
    text = "\n".join(p.text for p in d.paragraphs)
    assert "法治政府建设年度报告审查意见" in text and "需修改的问题（2 项）" in text
    fields = {row.cells[0].text: row.cells[1].text for row in d.tables[0].rows}
    assert fields["报告单位"] == UNIT_B and fields["报告年度"] == "2023年度"
    assert fields["审查结论"] == "退回修改" and fields["审查意见"] == "请按意见修改后重新报送"
    rows = d.tables[1].rows
    assert [cell.text for cell in rows[0].cells] == ["序号", "原文", "问题", "修改建议"]
    assert len(rows) == 3
    quoted = rows[1].cells[1].paragraphs[0].runs
    assert [r.text for r in quoted if r.bold] == [
        fs[0]["quote"]
    ]  # the quote in bold, with its context around
    assert fs[0]["quote"] in rows[1].cells[1].text and len(rows[1].cells[1].text) > len(fs[0]["quote"])
    assert fs[0]["message"] in rows[1].cells[2].text
    assert (rows[1].cells[3].text or None) == fs[0]["suggestion"]


def test_unit_match_correction(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["002"]  # 偏柏乡: not a registered unit yet
    assert c.get(f"/api/reports/{rid}").json()["report"]["unit"] is None
    r = c.api_post("/api/units", {"year": 2023, "listing": "偏柏乡,乡镇（街道）,酉阳县"})
    assert r.status_code == 200
    assert c.get(f"/api/reports/{rid}").json()["report"]["unit"] == "偏柏乡"  # matched on registration
    units = {u["name"]: u["id"] for u in c.get("/api/units").json()["units"]}
    page = c.get(f"/reports/{rid}").text
    assert (
        f'<option value="{units[UNIT_A]}">' in page and f'<option value="{units["偏柏乡"]}" selected>' in page
    )
    r = c.form(f"/reports/{rid}/unit", {"unit_id": str(units[UNIT_A])})
    assert r.status_code == 303
    doc = c.get(f"/api/reports/{rid}").json()["report"]
    assert doc["unit"] == UNIT_A and doc["unit_match"] == "manual"
    assert "人工更正" in c.get(f"/reports/{rid}").text
    # back to the right unit, then to none
    c.form(f"/reports/{rid}/unit", {"unit_id": str(units["偏柏乡"])})
    c.form(f"/reports/{rid}/unit", {"unit_id": ""})
    assert c.get(f"/api/reports/{rid}").json()["report"]["unit"] is None
    assert c.form(f"/reports/{rid}/unit", {"unit_id": "987654"}).status_code == 404
    assert c.form(f"/reports/{rid}/unit", {"unit_id": "abc"}).status_code == 400
    r = c.api_post(f"/api/reports/{rid}/unit", {"unit_id": units["偏柏乡"]})
    assert r.json()["report"]["unit"] == "偏柏乡"
    hist = c.get(f"/reports/{rid}").text
    assert f"单位更正为：{UNIT_A}" in hist and "单位更正为：（不对应任何单位）" in hist


def test_mark_published(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["001"]
    c.form(f"/reports/{rid}/published", {"published": "1"})
    assert c.get(f"/api/reports/{rid}").json()["report"]["is_published"] is True
    assert "取消已公开标记" in c.get(f"/reports/{rid}").text
    c.form(f"/reports/{rid}/published", {"published": "0"})
    assert c.get(f"/api/reports/{rid}").json()["report"]["is_published"] is False


def test_reanalyze_keeps_decisions(app, clients, seeded):
    c = clients["reviewer"]
    rid = seeded["000"]
    key = findings_of(c, rid)[0]["key"]
    c.api_post(f"/api/reports/{rid}/findings/{quote(key, safe='')}", {"action": "accepted"})
    assert c.form(f"/reports/{rid}/reanalyze").status_code == 303
    wait_analysed(app)  # the worker pool analyses it, not the request
    assert findings_of(c, rid)[0]["review"]["action"] == "accepted"
    assert [e["kind"] for e in c.get(f"/api/reports/{rid}/history").json()["history"]][-1] == "analyse"


def test_api_report_is_the_json_contract(clients, seeded):
    body = clients["reviewer"].get(f"/api/reports/{seeded['000']}").json()
    res = body["result"]
    assert res["schema"] == "fazhi.report/1"
    for f in res["findings"]:
        assert "key" in f and "review" in f
    # the spans the API gives point at the uploaded file: mapped back onto it, each shows its quote
    spans = sum(f["start"] is not None for f in res["findings"])
    assert check_spans_in_raw(res, seed_file("000").read_text(encoding="utf-8")) >= spans > 0
    assert body["history"][0]["kind"] == "analyse"
    assert body["report"]["id"] == seeded["000"]


def test_unit_account_sees_only_its_own_reports(clients, seeded):
    ua = clients["unit_a"]
    own, other = seeded["000"], seeded["004"]
    assert ua.get(f"/reports/{own}").status_code == 200
    page = ua.get(f"/reports/{own}").text
    assert (
        'class="finding-form"' not in page and "保存结论" not in page
    )  # a unit reads its review, does not make it
    for url in (f"/reports/{other}", f"/reports/{other}/sheet", f"/reports/{other}/sheet.docx"):
        r = ua.get(url)
        assert r.status_code == 403 and "无权" in r.text
    for url in (f"/api/reports/{other}", f"/api/reports/{other}/history"):
        assert ua.get(url).status_code == 403
    assert {r["id"] for r in ua.get("/api/reports").json()["reports"]} == {own}
    assert ua.form(f"/reports/{own}/verdict", {"verdict": "pass"}).status_code == 403
    key = findings_of(clients["reviewer"], own)[0]["key"]
    assert (
        ua.form(f"/reports/{own}/findings/{quote(key, safe='')}", {"action": "dismissed"}).status_code == 403
    )
    assert ua.api_post(f"/api/reports/{other}/verdict", {"verdict": "pass"}).status_code == 403
    assert ua.get("/season").status_code == 403
    assert ua.get("/api/season/2023").status_code == 403


@pytest.mark.parametrize("url", ["/reports/424242", "/api/reports/424242", "/reports/424242/sheet.docx"])
def test_missing_report_is_404(clients, url):
    assert clients["reviewer"].get(url).status_code == 404


def test_reports_list_and_filters(clients, seeded):
    c = clients["reviewer"]
    page = c.get("/reports").text
    for rid in seeded.values():
        assert f'href="/reports/{rid}"' in page
    only_2024 = c.get("/reports?year=2024").text
    assert (
        f'href="/reports/{seeded["001"]}"' in only_2024
        and f'href="/reports/{seeded["000"]}"' not in only_2024
    )
    assert c.get("/reports?year=abc").status_code == 400  # issue 10: validated, never ignored nor a 500


def test_bulk_review_of_one_rule(clients, seeded):
    """All findings of a rule at once (e.g. the 36 paragraphs of ASCII punctuation), recorded as one action in the history."""
    c = clients["reviewer"]
    rid = seeded["004"]
    assert f'action="/reports/{rid}/rules/PU001"' in c.get(f"/reports/{rid}").text
    r = c.form(f"/reports/{rid}/rules/PU001", {"action": "dismissed"})
    assert r.status_code == 303
    view = c.get(f"/api/reports/{rid}").json()
    pu = [f for f in view["result"]["findings"] if f["rule"] == "PU001"]
    assert len(pu) > 30 and all(f["review"]["action"] == "dismissed" for f in pu)
    assert "PU001 的全部" in c.get(f"/reports/{rid}").text
    # the API twin, a rule the report does not have, and a form without the CSRF token
    r = c.api_post(f"/api/reports/{rid}/rules/TE003", json={"action": "accepted", "comment": "改为法治"})
    assert r.status_code == 200 and r.json()["count"] == 4
    assert c.api_post(f"/api/reports/{rid}/rules/XX999", json={"action": "accepted"}).status_code == 404
    bad = c.post(f"/reports/{rid}/rules/TE003", data={"action": "dismissed"}, follow_redirects=False)
    assert bad.status_code == 403
    te = [f for f in c.get(f"/api/reports/{rid}").json()["result"]["findings"] if f["rule"] == "TE003"]
    assert all(f["review"]["action"] == "accepted" for f in te)


def test_review_sheet_folds_a_rule_with_many_accepted_findings(clients, seeded):
    """Ten accepted paragraphs of ASCII punctuation are one line of the review sheet, not ten."""
    c = clients["reviewer"]
    rid = seeded["003"]
    assert c.form(f"/reports/{rid}/rules/PU001", {"action": "accepted"}).status_code == 303
    sheet = c.get(f"/reports/{rid}/sheet").text
    assert sheet.count("全文同类问题共") == 1
    accepted = [
        f
        for f in c.get(f"/api/reports/{rid}").json()["result"]["findings"]
        if (f["review"] or {}).get("action") == "accepted"
    ]
    pu = sum(1 for f in accepted if f["rule"] == "PU001")
    assert pu > SHEET_GROUP
    rows = len(accepted) - pu + 1
    assert f"需修改的问题（{rows} 项）" in sheet
    assert sheet.count('<td class="c-n">') == rows


def test_original_file_is_returned_unchanged_and_only_to_who_may_see_it(clients, seeded, token):
    from helpers import SEED_FILES

    rid = seeded["002"]
    original = next(p for p in SEED_FILES if p.name.startswith("002")).read_bytes()
    r = clients["reviewer"].get(f"/reports/{rid}/original")
    assert r.status_code == 200 and r.content == original
    assert "attachment" in r.headers["content-disposition"]
    r = clients["reviewer"].get(
        f"/api/reports/{rid}/original", headers={"Authorization": f"Bearer {token('reviewer')}"}
    )
    assert r.status_code == 200 and r.content == original
    assert clients["unit_b"].get(f"/reports/{rid}/original").status_code == 403
