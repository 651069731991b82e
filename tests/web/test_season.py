"""Season tracking: registering the units expected to report, their status, the deadlines."""

from __future__ import annotations

import json
import re
from datetime import UTC, date, datetime

from web_helpers import UNIT_A, UNIT_B, db_session

from fazhi.config import Config
from fazhi.store.models import Document

LISTING = (
    f"{UNIT_A},乡镇（街道）,荣昌区\n{UNIT_B}，乡镇（街道），荣昌区\n区司法局\tdepartment\t荣昌区\n\n  \n"
)


def statuses(html: str) -> dict[str, str]:
    """Unit → status key, from the season table."""
    rows = re.findall(r'<tr data-status="(\w+)">\s*<td class="num">\d+</td>\s*<td>(.*?)</td>', html)
    return {unit: status for status, unit in rows}


def test_empty_season(clients):
    r = clients["reviewer"].get("/season?year=2031")
    assert r.status_code == 200
    assert "还没有登记 2031 年度应报送的单位" in r.text
    assert "2032年3月1日" in r.text and "2032年4月1日" in r.text


def test_default_year_is_last_year(clients):
    r = clients["reviewer"].get("/season")
    assert f"{date.today().year - 1} 年度报告报送进度" in r.text


def test_register_units_and_follow_their_status(app, clients, seeded):
    c = clients["reviewer"]
    r = c.form("/season", {"year": "2023", "listing": LISTING})
    assert r.status_code == 303 and r.headers["location"] == "/season?year=2023"
    page = c.get("/season?year=2023").text
    assert "已登记 3 个单位为 2023 年度应报送单位" in page
    st = statuses(page)
    assert st == {UNIT_A: "received_late", UNIT_B: "received_late", "区司法局": "not_received"}
    assert (
        '<span class="status-chip status-not_received" data-status="not_received">未收到 <b>1</b></span>'
        in page
    )
    assert (
        '<span class="status-chip status-received_late" data-status="received_late">逾期收到 <b>2</b></span>'
        in page
    )
    assert f'href="/reports/{seeded["000"]}"' in page and f'href="/reports/{seeded["004"]}"' in page
    # the units' level and parent were taken from the listing
    units = {u["name"]: u for u in c.get("/api/units").json()["units"]}
    assert units["区司法局"]["level"] == "department" and units[UNIT_B]["parent"] == "荣昌区"

    # a report received before the deadline counts as received on time
    with db_session(app) as s:
        s.get(Document, seeded["004"]).uploaded_at = datetime(2024, 2, 20, 9, 0, tzinfo=UTC)
        s.commit()
    assert statuses(c.get("/season?year=2023").text)[UNIT_B] == "received"
    # published, then reviewed
    c.form(f"/reports/{seeded['000']}/published", {"published": "1"})
    assert statuses(c.get("/season?year=2023").text)[UNIT_A] == "published"
    c.form(f"/reports/{seeded['000']}/verdict", {"verdict": "pass", "note": ""})
    page = c.get("/season?year=2023").text
    assert statuses(page)[UNIT_A] == "reviewed"
    assert "已审查 <b>1</b>" in page and "已收到 <b>1</b>" in page and "未收到 <b>1</b>" in page

    data = c.get("/api/season/2023").json()
    assert data["counts"] == {
        "not_received": 1,
        "received_late": 0,
        "received": 1,
        "published": 0,
        "reviewed": 1,
    }
    assert {r["unit"]: r["status_zh"] for r in data["rows"]}["区司法局"] == "未收到"


def test_registering_again_is_idempotent(clients):
    c = clients["reviewer"]
    c.form("/season", {"year": "2022", "listing": "甲镇\n乙镇"})
    c.form("/season", {"year": "2022", "listing": "甲镇,乡镇（街道）,某区"})
    data = c.get("/api/season/2022").json()
    assert sorted(r["unit"] for r in data["rows"]) == ["乙镇", "甲镇"]
    assert [r["parent"] for r in data["rows"] if r["unit"] == "甲镇"] == ["某区"]


def test_empty_listing_says_so(clients):
    c = clients["reviewer"]
    c.form("/season", {"year": "2021", "listing": " \n ,, \n"})
    assert "没有可登记的单位" in c.get("/season?year=2021").text


def test_season_api(clients, token):
    from web_helpers import Client

    c = clients["admin"]
    with Client(c.app) as api:
        h = {"Authorization": f"Bearer {token('admin')}"}
        r = api.post(
            "/api/season/2030",
            headers=h,
            json={
                "units": [
                    {"name": "丙街道", "level": "乡镇（街道）", "parent": "丁区"},
                    {"name": "戊局,有逗号"},
                ]
            },
        )
        assert r.status_code == 200
        rows = {x["unit"]: x for x in r.json()["rows"]}
        assert set(rows) == {"丙街道", "戊局 有逗号"} and rows["丙街道"]["parent"] == "丁区"
        assert all(x["status"] == "not_received" for x in rows.values())
        assert (
            api.post("/api/units", headers=h, json={"listing": "己镇"}).status_code == 422
        )  # the year is required
        assert (
            api.post("/api/units", headers=h, json={"year": 2030, "listing": "己镇"}).json()["units"][0][
                "name"
            ]
            == "己镇"
        )
        assert len(api.get("/api/season/2030", headers=h).json()["rows"]) == 3


def test_deadlines_and_countdown(app, clients):
    c = clients["reviewer"]
    next_year = date.today().year + 1
    page = c.get(f"/season?year={next_year}").text
    due = date(next_year + 1, 3, 1)
    assert f"还有 <b>{(due - date.today()).days}</b> 天" in page
    past = c.get("/season?year=2020").text
    assert "已截止 <b>" in past and 'class="card deadline overdue"' in past
    saved = app.state.config
    app.state.config = Config(
        deadline_report="02-15", deadline_publish="05-20"
    )  # as from fazhi.toml [deadlines]
    try:
        page = c.get("/season?year=2020").text
        assert "2021年2月15日" in page and "2021年5月20日" in page
        assert c.get("/api/season/2020").json()["deadline"] == "2021-02-15"
    finally:
        app.state.config = saved


def test_units_cannot_see_the_season(clients):
    ua = clients["unit_a"]
    assert ua.get("/season?year=2023").status_code == 403
    assert ua.form("/season", {"year": "2023", "listing": "新单位"}).status_code == 403
    assert ua.api_post("/api/season/2023", {"listing": "新单位"}).status_code == 403
    assert 'href="/season"' not in ua.get("/reports").text  # not in the unit's nav either
    assert json.loads(clients["reviewer"].get("/api/units").text)["units"]  # staff can list units


def test_season_page_refuses_an_overlong_listing_instead_of_registering_part_of_it(clients):
    """Regression: the page cut a pasted list past LISTING_MAX and registered the units before the cut."""
    from fazhi.store.common import LISTING_MAX

    c = clients["reviewer"]
    listing = "\n".join(
        f"town-{n:06d}" for n in range(LISTING_MAX // 12 + 10)
    )  # ASCII: under the 1 MB form field
    assert len(listing) > LISTING_MAX
    r = c.form("/season", {"year": "2021", "listing": listing})
    assert r.status_code == 422 and "单位名单过长" in r.text
    assert c.get("/api/season/2021").json()["rows"] == []
