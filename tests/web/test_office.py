"""Issue 10: a real office's daily work — unit holds, stale pages, versions, received dates, deletion,
what unit accounts see, search counts, pinyin order, HEAD and no-store."""

from __future__ import annotations

import re

from web_helpers import UNIT_A, UNIT_B, db_session, wait_analysed

from fazhi.store.models import Document
from helpers import SEED_FILES

OWN = (
    "关于{year}年法治政府建设情况的报告\n\n区委、区政府：\n{year}年，{unit}深入学习习近平法治思想，"
    "开展普法宣传活动{n}次，调解矛盾纠纷{n}件。\n一、主要举措和成效\n（一）加强组织领导。\n{unit}\n{year2}年2月1日\n"
)


def own_report(unit: str, year: int = 2022, n: int = 7) -> bytes:
    return OWN.format(unit=unit, year=year, year2=year + 1, n=n).encode("utf-8")


def upload(app, client, name: str, data: bytes) -> dict:
    r = client.post(
        "/api/reports", files={"files": (name, data, "text/plain")}, headers={"X-CSRF-Token": client.csrf}
    )
    assert r.status_code == 200, r.text
    wait_analysed(app)
    (item,) = r.json()["results"]
    return client.get(f"/api/reports/{item['report_id']}").json()["report"]


def test_unit_upload_naming_another_unit_is_held_with_a_warning(app, clients, seeded):
    ua, rev = clients["unit_a"], clients["reviewer"]
    held = upload(app, ua, "别的单位.txt", own_report(UNIT_B, n=11))
    assert held["unit"] == UNIT_A and UNIT_B in held["hold_reason"] and UNIT_A in held["hold_reason"]
    page = rev.get(f"/reports/{held['id']}").text
    assert "待确认单位" in page and UNIT_B in page
    assert "待确认单位" in rev.get("/reports").text
    # its own report is not held
    fine = upload(app, ua, "本单位.txt", own_report(UNIT_A, n=12))
    assert fine["hold_reason"] == ""
    # a reviewer's later upload of the same bytes lands on the held copy, which says so
    again = rev.post(
        "/api/reports",
        files={"files": ("同一份.txt", own_report(UNIT_B, n=11), "text/plain")},
        headers={"X-CSRF-Token": rev.csrf},
    ).json()["results"][0]
    assert again["duplicate"] and again["report_id"] == held["id"]
    # the reviewer corrects the unit: the hold is lifted
    with db_session(app) as s:
        b_id = s.query(Document.unit_id).filter(Document.id == seeded["004"]).scalar()
    assert b_id is not None
    rev.form(f"/reports/{held['id']}/unit", {"unit_id": str(b_id)})
    fixed = rev.get(f"/api/reports/{held['id']}").json()["report"]
    assert fixed["hold_reason"] == "" and fixed["unit"] == UNIT_B


def test_stale_page_gets_409_instead_of_overwriting(app, clients, seeded):
    a, b = clients["reviewer"], clients["reviewer2"]
    rid = seeded["001"]
    f = a.get(f"/api/reports/{rid}").json()["result"]["findings"][0]
    key = f["key"]
    seen = (f["review"] or {}).get("revision", 0)
    r1 = a.form(f"/reports/{rid}/findings/{key}", {"action": "accepted", "seen": str(seen), "n": "0"})
    assert r1.status_code == 303
    r2 = b.form(f"/reports/{rid}/findings/{key}", {"action": "dismissed", "seen": str(seen), "n": "0"})
    assert (
        r2.status_code == 409
        and "reviewer" in r2.text
        and "刷新" in r2.text
        and f'href="/reports/{rid}"' in r2.text
    )
    now = a.get(f"/api/reports/{rid}").json()["result"]["findings"][0]["review"]
    assert now["action"] == "accepted" and now["revision"] == seen + 1
    api = b.api_post(
        f"/api/reports/{rid}/findings/{key}", json={"action": "dismissed", "expected_revision": seen}
    )
    assert api.status_code == 409
    ok = b.api_post(
        f"/api/reports/{rid}/findings/{key}", json={"action": "dismissed", "expected_revision": seen + 1}
    )
    assert ok.status_code == 200 and ok.json()["revision"] == seen + 2


def test_resubmission_is_a_new_version_and_the_old_one_stays(app, clients, seeded):
    rev = clients["reviewer"]
    ua = clients["unit_a"]
    first = upload(app, ua, "初稿.txt", own_report(UNIT_A, year=2021, n=3))
    second = upload(app, ua, "修改稿.txt", own_report(UNIT_A, year=2021, n=4))
    assert (second["version"], first["version"]) == (2, 1)
    listed = [r["id"] for r in rev.get("/api/reports?year=2021").json()["reports"]]
    assert second["id"] in listed and first["id"] not in listed
    versions = rev.get(f"/api/reports/{second['id']}/versions").json()["versions"]
    assert [v["id"] for v in versions] == [second["id"], first["id"]]
    old = rev.get(f"/reports/{first['id']}")
    assert old.status_code == 200 and "已有新版本" in old.text
    assert "第 2 版" in rev.get(f"/reports/{second['id']}").text
    corpus = rev.get("/api/corpus?year=2021").json()["rows"]
    assert [r["id"] for r in corpus if r["unit"] == UNIT_A] == [second["id"]]  # the trend counts a year once


def test_received_date_decides_lateness(app, clients, seeded):
    rev = clients["reviewer"]
    rev.form("/season", {"year": "2019", "listing": UNIT_B})
    doc = upload(app, clients["admin"], "晚到.txt", own_report(UNIT_B, year=2019, n=5))
    assert doc["unit"] == UNIT_B
    assert re.search(
        r'<tr data-status="received_late">', rev.get("/season?year=2019").text
    )  # uploaded years later
    r = rev.form(f"/reports/{doc['id']}/received", {"received_date": "2020-02-20"})
    assert r.status_code == 303
    assert re.search(r'<tr data-status="received">', rev.get("/season?year=2019").text)
    assert rev.form(f"/reports/{doc['id']}/received", {"received_date": "2020-13-45"}).status_code == 400
    assert (
        clients["unit_b"].form(f"/reports/{doc['id']}/received", {"received_date": "2020-01-01"}).status_code
        == 403
    )
    # remove the unit from the season's list; its report stays
    r = rev.form("/season/remove", {"year": "2019", "unit_id": str(doc["unit_id"])})
    assert r.status_code == 303
    assert "还没有登记 2019 年度应报送的单位" in rev.get("/season?year=2019").text
    assert rev.get(f"/api/reports/{doc['id']}").status_code == 200


def test_soft_delete_hides_the_report_and_keeps_the_audit(app, clients, seeded):
    rev = clients["reviewer"]
    doc = upload(app, rev, "误传.txt", own_report("某某乡", year=2018, n=9))
    assert clients["unit_a"].form(f"/reports/{doc['id']}/delete").status_code == 403
    r = rev.form(f"/reports/{doc['id']}/delete", {"reason": "上传错了"})
    assert r.status_code == 303
    assert rev.get(f"/reports/{doc['id']}").status_code == 404
    assert doc["id"] not in [x["id"] for x in rev.get("/api/reports").json()["reports"]]
    with db_session(app) as s:
        d = s.get(Document, doc["id"])
        assert d.deleted_at is not None and d.deleted_by is not None
        from fazhi.store.models import ReviewEvent

        kinds = [e.kind for e in s.query(ReviewEvent).filter(ReviewEvent.report_id == d.id)]
    assert "delete" in kinds


def test_unit_accounts_see_only_what_is_meant_for_them(app, clients, seeded):
    rev, ua = clients["reviewer"], clients["unit_a"]
    rid = seeded["000"]
    findings = rev.get(f"/api/reports/{rid}").json()["result"]["findings"]
    keep, hide = findings[0]["key"], findings[1]["key"]
    rev.api_post(f"/api/reports/{rid}/findings/{keep}", json={"action": "accepted", "comment": "请改正"})
    rev.api_post(
        f"/api/reports/{rid}/findings/{hide}", json={"action": "dismissed", "comment": "内部：地方习惯说法"}
    )
    seen = ua.get(f"/api/reports/{rid}").json()
    assert [f["key"] for f in seen["result"]["findings"]] == [keep]
    text = ua.get(f"/reports/{rid}").text + str(seen)
    assert "内部：地方习惯说法" not in text and "reviewer" not in text
    assert all(h["user"] is None for h in ua.get(f"/api/reports/{rid}/history").json()["history"])
    assert [u["name"] for u in ua.get("/api/units").json()["units"]] == [UNIT_A]
    assert len(rev.get("/api/units").json()["units"]) > 1


def test_search_counts_every_occurrence(clients, seeded):
    c = clients["reviewer"]
    body = c.get("/api/search", params={"q": "法治"}).json()
    texts = {
        h["report_id"]: c.get(f"/api/reports/{h['report_id']}").json()["result"]["text"] for h in body["hits"]
    }
    assert body["total"] == sum(t.count("法治") for t in texts.values())
    assert body["total"] > len(body["hits"])  # more than the three snippets shown per report
    page = c.get("/search", params={"q": "法治"}).text
    assert f"共 {body['total']} 处" in page


def test_units_sort_by_pinyin(clients, seeded):
    c = clients["reviewer"]
    c.form("/season", {"year": "2017", "listing": "吴家镇\n昌州街道\n安富街道"})
    page = c.get("/season?year=2017").text
    order = [u for u in ("安富街道", "昌州街道", "吴家镇") if u in page]
    assert sorted(order, key=page.index) == ["安富街道", "昌州街道", "吴家镇"]


def test_head_and_no_store(clients, seeded):
    c = clients["reviewer"]
    rid = seeded["000"]
    for url in ("/reports", f"/reports/{rid}", "/api/reports", f"/api/reports/{rid}/original", "/login"):
        r = c.head(url)
        assert r.status_code == 200 and r.content == b"", url
    for url in (
        "/api/reports",
        f"/api/reports/{rid}",
        f"/api/reports/{rid}/original",
        f"/reports/{rid}/sheet.docx",
        "/api/indicators?format=csv",
    ):
        assert c.get(url).headers.get("cache-control") == "no-store", url
    assert "no-store" not in (c.get("/static/css/app.css").headers.get("cache-control") or "")


def test_indicator_export_reads_no_report_text(app, clients, seeded, monkeypatch):
    from sqlalchemy import event

    c = clients["reviewer"]
    engine = app.state.sessionmaker.kw["bind"]
    statements: list[str] = []

    def seen(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(engine, "before_cursor_execute", seen)
    try:
        rows = c.get("/api/indicators").json()["rows"]
    finally:
        event.remove(engine, "before_cursor_execute", seen)
    assert rows and len(SEED_FILES) <= len({r["report_id"] for r in rows}) + 5
    selects = [x for x in statements if "indicator_rows" in x]
    assert len(selects) == 1  # one query, not one per row
    assert not any(re.search(r"reports\.(text|result_json)", x) for x in statements)
