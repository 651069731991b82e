"""The workspace store: unit accounts and what they see, accounts, registered units and the season.

Every test runs on SQLite and on PostgreSQL (fixture `store` of tests/store/conftest.py on `db_url`, tests/pg.py).
"""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest
from sqlalchemy import text
from store_helpers import (
    UNITS_2023,
    Store,
    check_integrity,
    count,
    make_user,
)

from fazhi.config import Config
from fazhi.exports.labels import STATUS_ZH
from fazhi.store import accounts, lifecycle
from fazhi.store import corpus as corpus_service
from fazhi.store import service as sv
from fazhi.store.common import BadInput, Forbidden, NotFound
from fazhi.store.models import (
    Blob,
    Document,
    Expected,
    Unit,
)
from helpers import SEED_FILES


def test_unit_account_sees_only_its_own_reports(store: Store):
    with store.session() as s:
        mine = make_user(s, "changzhou", "unit", "昌州街道")
        other = make_user(s, "pianbai", "unit", "偏柏乡人民政府")
    ids = store.ingest_seeds()  # the admin's upload is matched to the registered units by name
    with store.session() as s:
        assert s.get(Document, ids["000"]).unit_id == mine.unit_id
        assert s.get(Document, ids["002"]).unit_id == other.unit_id
        assert [r["id"] for r in sv.list_reports(s, mine)] == [ids["000"]]
        assert [r["id"] for r in corpus_service.corpus(s, mine)] == [ids["000"]]
        assert {h["report_id"] for h in corpus_service.search(s, mine, "法治政府")} == {ids["000"]}
        assert {h["report_id"] for h in corpus_service.search(s, mine, "调解")} == {ids["000"]}
        assert {r["report_id"] for r in corpus_service.indicator_rows(s, mine)} == {ids["000"]}
        assert sv.report_view(s, mine, ids["000"])["report"]["id"] == ids["000"]
        for rid in (ids["001"], ids["002"]):
            with pytest.raises(Forbidden):
                sv.report_view(s, mine, rid)
            with pytest.raises(Forbidden):
                sv.history(s, mine, rid)
        with pytest.raises(NotFound):
            sv.report_view(s, mine, 999_999)
        assert sv.report_view(s, mine, ids["000"])["result"]["findings"] == []  # nothing accepted for it yet
        key = sv.report_view(s, store.reviewer, ids["000"])["result"]["findings"][0]["key"]
        for call in (
            lambda: sv.review_finding(s, mine, ids["000"], key, "dismissed"),
            lambda: sv.set_verdict(s, mine, ids["000"], "pass"),
            lambda: lifecycle.set_published(s, mine, ids["000"]),
            lambda: sv.set_unit(s, mine, ids["000"], None),
            lambda: sv.reanalyze(s, mine, ids["000"]),
            lambda: sv.season(s, mine, 2023),
            lambda: sv.register_units(s, mine, 2023, "某镇"),
        ):
            with pytest.raises(Forbidden):
                call()
        # A unit uploading a file another unit already sent gets its own report, not the other's id.
        items = sv.ingest(s, SEED_FILES[2].read_bytes(), SEED_FILES[2].name, mine)
        assert items[0].report_id not in ids.values() and items[0].duplicate is False
        assert s.get(Document, items[0].report_id).unit_id == mine.unit_id
        assert count(s, Blob) == 5  # the bytes are still stored once
        assert sorted(r["id"] for r in sv.list_reports(s, mine)) == [ids["000"], items[0].report_id]
        assert ids["002"] in {r["id"] for r in sv.list_reports(s, other)}
        assert items[0].report_id not in {r["id"] for r in sv.list_reports(s, other)}
        check_integrity(s, store.dialect)


def test_unit_reupload_is_a_duplicate(store: Store):
    ids = store.ingest_seeds()  # nobody's: no unit is registered
    with store.session() as s:
        mine = make_user(s, "pianbai", "unit", "偏柏乡人民政府")
        first = sv.ingest(s, SEED_FILES[2].read_bytes(), SEED_FILES[2].name, mine)[0]
        assert first.report_id != ids["002"] and not first.duplicate
        again = sv.ingest(s, SEED_FILES[2].read_bytes(), "copy.txt", mine)[0]
        assert (again.report_id, again.duplicate) == (first.report_id, True)


def test_accounts(store: Store):
    with store.session() as s:
        admin = accounts.create_user(s, "boss", "correct horse", "admin")
        unit = accounts.create_user(s, "wujia", "battery staple", "unit", "重庆市荣昌区吴家镇人民政府")
        assert unit.unit_id is not None and admin.unit_id is None
        assert accounts.authenticate(s, "boss", "correct horse").id == admin.id
        assert accounts.authenticate(s, "boss", "wrong password") is None
        assert accounts.authenticate(s, "nobody", "correct horse") is None
        token = accounts.issue_token(s, unit)
        assert accounts.user_by_token(s, token).id == unit.id
        assert accounts.user_by_token(s, token + "x") is None and accounts.user_by_token(s, "") is None
        for args in (
            ("boss", "another pw", "admin"),
            ("x", "short", "admin"),
            ("y", "long enough", "root"),
            ("z", "long enough", "unit"),
        ):
            with pytest.raises(BadInput):
                accounts.create_user(s, *args)


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T02:00:00").replace(tzinfo=UTC)


def test_register_units_and_season_statuses(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        units = sv.register_units(s, store.admin, 2023, UNITS_2023)
        assert [u.name for u in units] == [
            "昌州街道",
            "偏柏乡人民政府",
            "解放区民主街道办事处",
            "重庆市荣昌区吴家镇人民政府",
            "未报送镇人民政府",
        ]
        assert units[0].parent == "荣昌区" and units[1].parent == "某县" and units[2].level == "township"
        sv.register_units(s, store.admin, 2023, UNITS_2023)  # registering twice changes nothing
        assert count(s, Unit) == 5 and count(s, Expected) == 5
        unit_of = {u.name: u.id for u in units}
        for prefix, name in (
            ("000", "昌州街道"),
            ("002", "偏柏乡人民政府"),
            ("003", "解放区民主街道办事处"),
            ("004", "重庆市荣昌区吴家镇人民政府"),
        ):
            doc = s.get(Document, ids[prefix])
            assert (doc.unit_id, doc.unit_match) == (unit_of[name], "auto"), prefix
        assert s.get(Document, ids["001"]).unit_id is None

        s.get(Document, ids["000"]).uploaded_at = _at("2024-02-20")  # before the 03-01 deadline
        s.get(Document, ids["002"]).uploaded_at = _at("2024-03-05")  # after it
        s.get(Document, ids["003"]).uploaded_at = _at("2024-02-28")
        s.get(Document, ids["004"]).uploaded_at = _at("2024-03-01")  # on the day: in time
        s.commit()
        lifecycle.set_published(s, store.admin, ids["003"])
        sv.set_verdict(s, store.reviewer, ids["004"], "return", "重写")

        season = sv.season(s, store.reviewer, 2023, today=date(2024, 2, 20))
        assert (season["deadline"], season["publish_deadline"]) == ("2024-03-01", "2024-04-01")
        assert (season["days_left"], season["publish_days_left"]) == (10, 41)
        status = {r["unit"]: r["status"] for r in season["rows"]}
        assert status == {
            "未报送镇人民政府": "not_received",
            "昌州街道": "received",
            "偏柏乡人民政府": "received_late",
            "解放区民主街道办事处": "published",
            "重庆市荣昌区吴家镇人民政府": "reviewed",
        }
        assert season["counts"] == {k: 1 for k in STATUS_ZH}
        order = list(STATUS_ZH)
        assert [order.index(r["status"]) for r in season["rows"]] == sorted(
            order.index(v) for v in status.values()
        )
        assert {r["unit"]: r["reports"] for r in season["rows"]}["昌州街道"] == [ids["000"]]
        assert all(r["status_zh"] == STATUS_ZH[r["status"]] for r in season["rows"])

        # A custom deadline moves "late"; another year has its own roll.
        late = sv.season(s, store.admin, 2023, Config(deadline_report="02-15"), today=date(2024, 2, 20))
        assert {r["unit"]: r["status"] for r in late["rows"]}["昌州街道"] == "received_late"
        assert late["days_left"] == -5
        assert sv.season(s, store.admin, 2024)["rows"] == []
        sv.register_units(s, store.admin, 2024, "黔江区人民政府城西街道办事处,township,黔江区")
        (row,) = sv.season(s, store.admin, 2024)["rows"]
        assert row["reports"] == [ids["001"]] and row["status"] in ("received", "received_late")


def test_season_status_does_not_depend_on_the_server_time_zone(store: Store):
    """An upload at 2024-03-01 17:00 UTC is 03-02 01:00 in Beijing; the status must not flip with TimeZone."""
    if store.dialect != "postgresql":
        pytest.skip("the session time zone is a PostgreSQL setting")
    ids = store.ingest_seeds()
    with store.session() as s:
        sv.register_units(s, store.admin, 2023, "昌州街道")
        s.get(Document, ids["000"]).uploaded_at = datetime(2024, 3, 1, 17, 0, tzinfo=UTC)
        s.commit()
    statuses = {}
    for tz in ("UTC", "Asia/Shanghai"):
        with store.session() as s:
            s.execute(text(f"SET TIME ZONE '{tz}'"))
            statuses[tz] = sv.season(s, store.admin, 2023)["rows"][0]["status"]
    assert statuses["UTC"] == statuses["Asia/Shanghai"], statuses
