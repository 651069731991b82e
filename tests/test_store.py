"""The workspace store (fazhi.store): every test runs on SQLite and on PostgreSQL (fixture `db_url`, tests/pg.py).

Each test gets a fresh database: a SQLite file, or `CREATE DATABASE fz_<random>` on the session's throwaway
PostgreSQL server. Reports are the five seed reports of samples/, uploaded as a zip.
"""

from __future__ import annotations

import hashlib
import io
import json
import threading
import zipfile
from collections import Counter
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from sqlalchemy import func, inspect, select, text
from sqlalchemy.orm import Session, sessionmaker

from fazhi.config import Config
from fazhi.store import accounts
from fazhi.store import service as sv
from fazhi.store.corpus import pinyin_key
from fazhi.store.db import get_engine, get_sessionmaker, upgrade
from fazhi.store.models import (
    Base,
    Blob,
    Document,
    Expected,
    FindingState,
    IndicatorRow,
    ReviewEvent,
    Unit,
    User,
)
from fazhi.store.service import Actor, BadInput, Forbidden, NotFound

SAMPLES = Path(__file__).resolve().parent.parent / "samples"
SEEDS = sorted(SAMPLES.glob("*.txt"))
# The unit each seed names (as detected by the analyser) and its year.
SEED_UNIT = {
    "000": ("昌州街道", 2023),
    "001": ("中共黔江区城西街道工作委员会、黔江区人民政府城西街道办事处", 2024),
    "002": ("偏柏乡人民政府", 2023),
    "003": ("解放区民主街道办事处", 2023),
    "004": ("中共重庆市荣昌区吴家镇委员会、重庆市荣昌区吴家镇人民政府", 2023),
}
REPORT_KEYS = {
    "id", "filename", "source", "title", "unit_id", "unit", "detected_unit", "unit_match", "unit_level", "year",
    "date", "published_date", "uploaded_at", "score", "errors", "warnings", "infos", "parts_missing", "verdict",
    "verdict_note", "is_published", "status", "status_zh", "status_reason", "received_date", "version",
    "superseded_by", "hold_reason",
}


def make_zip(members: dict[str, bytes]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return buf.getvalue()


SEED_ZIP = make_zip({p.name: p.read_bytes() for p in SEEDS})


# ---------------------------------------------------------------- fixtures and helpers


class Store:
    """A fresh migrated database with an admin and a reviewer."""

    def __init__(self, url: str) -> None:
        self.url = url
        self.sm: sessionmaker[Session] = get_sessionmaker(url)
        self.dialect = get_engine(url).dialect.name
        with self.sm() as s:
            self.admin = make_user(s, "admin", "admin")
            self.reviewer = make_user(s, "reviewer", "reviewer")

    def session(self) -> Session:
        return self.sm()

    def ingest_seeds(self) -> dict[str, int]:
        """Upload the seed zip as admin; seed prefix ('000'…) -> report id."""
        with self.sm() as s:
            items = sv.ingest(s, SEED_ZIP, "seeds.zip", self.admin)
        assert [i.error for i in items] == [None] * 5
        return {i.source.split("!/")[1][:3]: i.report_id for i in items}


def make_user(s: Session, username: str, role: str, unit_name: str | None = None) -> Actor:
    """A stored user (no argon2 cost: accounts are tested in test_accounts) and its Actor."""
    unit_id = None
    if unit_name:
        unit = s.scalar(select(Unit).where(Unit.name == unit_name))
        if unit is None:
            unit = Unit(name=unit_name, aliases="")
            s.add(unit)
            s.flush()
        unit_id = unit.id
    u = User(username=username, password_hash="!", role=role, unit_id=unit_id)
    s.add(u)
    s.commit()
    return Actor.of(u)


@pytest.fixture
def store(db_url: str):
    st = Store(db_url)
    yield st
    get_engine(db_url).dispose()  # let the PostgreSQL database be dropped without killing live connections


def count(s: Session, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def check_integrity(s: Session, dialect: str) -> None:
    """No report without its blob, no blob without a report, no row pointing at a missing report."""
    assert s.scalar(text("SELECT count(*) FROM reports r LEFT JOIN blobs b ON b.sha256 = r.blob_sha "
                         "WHERE b.sha256 IS NULL")) == 0
    assert s.scalar(text("SELECT count(*) FROM blobs b WHERE NOT EXISTS "
                         "(SELECT 1 FROM reports r WHERE r.blob_sha = b.sha256)")) == 0
    for table in ("indicator_rows", "review_events", "finding_states"):
        assert s.scalar(text(f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                             "(SELECT 1 FROM reports r WHERE r.id = t.report_id)")) == 0, table
    for b in s.scalars(select(Blob)):
        assert hashlib.sha256(b.data).hexdigest() == b.sha256 and b.size == len(b.data)
    for d in s.scalars(select(Document)):
        kinds = s.scalars(select(ReviewEvent.kind).where(ReviewEvent.report_id == d.id)).all()
        assert "analyse" in kinds
        if d.status == "done":
            assert d.text and json.loads(d.result_json)["text"] == d.text
        else:  # 失败 / 超出限制: kept with its reason, nothing half-written
            assert d.status_reason and d.text == "" and d.result_json == "{}"
    if dialect == "sqlite":
        fts = set(s.scalars(text("SELECT rowid FROM report_fts")))
        assert fts == set(s.scalars(select(Document.id).where(Document.status == "done")))


# ---------------------------------------------------------------- schema


def test_migrations_create_every_table(store: Store):
    engine = get_engine(store.url)
    insp = inspect(engine)
    tables = set(insp.get_table_names())
    assert set(Base.metadata.tables) | {"alembic_version"} <= tables
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version_num FROM alembic_version")) == "0002"
        if store.dialect == "sqlite":
            assert "report_fts" in tables
        else:
            assert conn.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'pg_trgm'")) == 1
            assert "ix_reports_text_trgm" in {i["name"] for i in insp.get_indexes("reports")}
        # The migration matches the models (ignoring the search index, which the models do not declare).
        from alembic.autogenerate import compare_metadata
        from alembic.migration import MigrationContext

        diffs = compare_metadata(MigrationContext.configure(conn), Base.metadata)
        diffs = [d for d in diffs if "report_fts" not in repr(d) and "ix_reports_text_trgm" not in repr(d)]
        assert diffs == []
    upgrade(engine)  # a second upgrade is a no-op
    for name, table in Base.metadata.tables.items():
        assert {c["name"] for c in insp.get_columns(name)} == set(table.columns.keys()), name


# ---------------------------------------------------------------- ingest


def test_ingest_zip_stores_deduplicated_blobs(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        assert count(s, Document) == 5 and count(s, Blob) == 5
        for p in SEEDS:
            doc = s.get(Document, ids[p.name[:3]])
            assert doc.filename == p.name and doc.source == f"seeds.zip!/{p.name}"
            blob = s.get(Blob, doc.blob_sha)
            assert blob.data == p.read_bytes() and doc.blob_sha == hashlib.sha256(p.read_bytes()).hexdigest()
            assert (doc.detected_unit, doc.year) == SEED_UNIT[p.name[:3]]
            assert doc.uploaded_by == store.admin.id
        n_rows = count(s, IndicatorRow)
        assert n_rows > 0

        again = sv.ingest(s, SEED_ZIP, "again.zip", store.admin)
        assert [(i.report_id, i.duplicate, i.error) for i in again] == [(ids[p.name[:3]], True, None) for p in SEEDS]
        # The same bytes as a single upload and inside a zip with other names: still one blob, no new report.
        one = sv.ingest(s, SEEDS[0].read_bytes(), "renamed.txt", store.reviewer)
        assert [(i.report_id, i.duplicate) for i in one] == [(ids["000"], True)]
        assert count(s, Document) == 5 and count(s, Blob) == 5 and count(s, IndicatorRow) == n_rows
        check_integrity(s, store.dialect)


def test_bad_members_are_errors_and_the_rest_is_stored(store: Store):
    members = {p.name: p.read_bytes() for p in SEEDS}
    members["empty.txt"] = b""
    members["../evil.txt"] = SEEDS[0].read_bytes() + "追加".encode()
    members["sub/../../evil2.txt"] = b"x" * 100
    with store.session() as s:
        items = sv.ingest(s, make_zip(members), "mixed.zip", store.admin)
        errors = {i.source.split("!/")[1]: i.error for i in items if i.error}
        assert set(errors) == {"empty.txt", "../evil.txt", "sub/../../evil2.txt"}, errors
        assert all(i.report_id is None for i in items if i.error)
        assert len([i for i in items if i.report_id]) == 5
        assert count(s, Document) == 5 and count(s, Blob) == 5
        # A broken zip and an oversized upload are one error item each, nothing stored.
        assert [i.report_id for i in sv.ingest(s, SEED_ZIP[: len(SEED_ZIP) // 2], "cut.zip", store.admin)] == [None]
        assert count(s, Document) == 5
        check_integrity(s, store.dialect)


@pytest.mark.parametrize("where", ["analysis", "store", "index"])
def test_ingest_failing_midway_keeps_the_others_and_no_half_report(store: Store, monkeypatch, where: str):
    target = {"analysis": "analyse_bytes", "store": "apply_result", "index": "_index_text"}[where]
    real = getattr(sv, target)
    calls = Counter()

    def flaky(*args, **kw):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("disk on fire")
        return real(*args, **kw)

    monkeypatch.setattr(sv, target, flaky)
    with store.session() as s:
        items = sv.ingest(s, SEED_ZIP, "seeds.zip", store.admin)
        assert [bool(i.error) for i in items] == [False, False, True, False, False]
        assert "失败" in items[2].error and items[2].error.startswith("seeds.zip!/")
        # the upload is kept (nothing lost) with status 失败, and nothing half-written
        bad = s.get(Document, items[2].report_id)
        assert (bad.status, bad.text, bad.result_json) == ("failed", "", "{}")
        assert s.scalars(select(IndicatorRow).where(IndicatorRow.report_id == bad.id)).first() is None
        assert count(s, Document) == 5 and count(s, Blob) == 5
        check_integrity(s, store.dialect)
    monkeypatch.setattr(sv, target, real)
    with store.session() as s:  # uploading again stores nothing new; analysing again completes it
        items = sv.ingest(s, SEED_ZIP, "seeds.zip", store.admin)
        assert [i.duplicate for i in items] == [True] * 5
        assert sv.reanalyze(s, store.reviewer, items[2].report_id).status == "done"
        assert count(s, Document) == 5 and count(s, Blob) == 5
        check_integrity(s, store.dialect)


# ---------------------------------------------------------------- review


def test_report_view_contract(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        view = sv.report_view(s, store.reviewer, ids["000"])
        assert set(view) == {"report", "result"}
        assert set(view["report"]) == REPORT_KEYS
        assert view["report"]["id"] == ids["000"] and view["report"]["year"] == 2023
        result = view["result"]
        for k in ("schema", "text", "title", "unit", "units", "year", "parts", "indicators", "findings", "score"):
            assert k in result, k
        findings = result["findings"]
        assert findings and all(f["review"] is None for f in findings)
        assert len({f["key"] for f in findings}) == len(findings)
        for f in findings:
            if f.get("start") is not None:
                assert result["text"][f["start"] : f["end"]] == f["quote"]
        key = next(f["key"] for f in findings if f["quote"])
        sv.review_finding(s, store.reviewer, ids["000"], key, "dismissed", "本地说法，不算错")
        view = sv.report_view(s, store.reviewer, ids["000"])
        json.dumps(view, ensure_ascii=False)  # the API returns it as is
        review = {f["key"]: f["review"] for f in view["result"]["findings"]}[key]
        assert review["action"] == "dismissed" and review["comment"] == "本地说法，不算错"
        assert datetime.fromisoformat(review["at"])
        with pytest.raises(BadInput):
            sv.review_finding(s, store.reviewer, ids["000"], key, "ignored")
        with pytest.raises(NotFound):
            sv.review_finding(s, store.reviewer, ids["000"], "XX000:000000000000:1", "accepted")
        with pytest.raises(NotFound):
            sv.report_view(s, store.reviewer, 999_999)


def test_timestamps_carry_their_time_zone(store: Store):
    """API timestamps should mean the same instant on both backends (ISO with offset)."""
    ids = store.ingest_seeds()
    with store.session() as s:
        key = sv.report_view(s, store.admin, ids["000"])["result"]["findings"][0]["key"]
        sv.review_finding(s, store.admin, ids["000"], key, "accepted")
        view = sv.report_view(s, store.admin, ids["000"])
        stamps = [view["report"]["uploaded_at"], view["result"]["findings"][0]["review"]["at"],
                  *(e["at"] for e in sv.history(s, store.admin, ids["000"]))]
    for st in stamps:
        assert datetime.fromisoformat(st).utcoffset() is not None, st


def test_review_survives_reanalysis(store: Store):
    ids = store.ingest_seeds()
    rid = ids["000"]
    with store.session() as s:
        findings = sv.report_view(s, store.admin, rid)["result"]["findings"]
        by_rule = {}
        for f in findings:
            by_rule.setdefault(f["rule"], f["key"])
        assert len(by_rule) >= 2
        (r1, k1), (r2, k2) = list(by_rule.items())[:2]
        sv.review_finding(s, store.reviewer, rid, k1, "accepted", "确认")
        sv.review_finding(s, store.admin, rid, k2, "dismissed", "误报")

        sv.reanalyze(s, store.admin, rid)
        after = sv.report_view(s, store.admin, rid)["result"]["findings"]
        assert [f["key"] for f in after] == [f["key"] for f in findings]
        reviews = {f["key"]: f["review"] for f in after}
        assert reviews[k1]["action"] == "accepted" and reviews[k2]["action"] == "dismissed"

        # A rule switched off and on again: the others keep key and review, the rule's review comes back.
        sv.reanalyze(s, store.admin, rid, Config(ignore=[r1]))
        mid = sv.report_view(s, store.admin, rid)["result"]["findings"]
        assert k1 not in {f["key"] for f in mid}
        assert {f["key"]: f["review"] for f in mid}[k2]["comment"] == "误报"
        sv.reanalyze(s, store.admin, rid)
        again = {f["key"]: f["review"] for f in sv.report_view(s, store.admin, rid)["result"]["findings"]}
        assert again[k1]["comment"] == "确认" and again[k2]["comment"] == "误报"
        kinds = [e["kind"] for e in sv.history(s, store.admin, rid)]
        assert kinds == ["analyse", "finding", "finding", "analyse", "analyse", "analyse"]
        check_integrity(s, store.dialect)


def test_verdict_publish_and_history(store: Store):
    ids = store.ingest_seeds()
    rid = ids["002"]
    with store.session() as s:
        sv.set_verdict(s, store.reviewer, rid, "return", "第三部分缺失，请补充")
        doc = sv.set_verdict(s, store.admin, rid, "pass", "已补充")
        assert (doc.verdict, doc.verdict_note, doc.verdict_by) == ("pass", "已补充", store.admin.id)
        sv.set_published(s, store.admin, rid)
        sv.set_unit(s, store.admin, rid, None)
        with pytest.raises(BadInput):
            sv.set_verdict(s, store.admin, rid, "maybe")
        with pytest.raises(NotFound):
            sv.set_unit(s, store.admin, rid, 999_999)
        hist = sv.history(s, store.admin, rid)
        assert [(e["kind"], e["user"]) for e in hist] == [
            ("analyse", "admin"), ("verdict", "reviewer"), ("verdict", "admin"), ("publish", "admin"),
            ("match", "admin"),
        ]
        assert hist[1]["verdict"] == "return" and hist[1]["note"] == "第三部分缺失，请补充"
        assert hist[2]["verdict"] == "pass" and hist[3]["published"] is True
        summary = sv.report_view(s, store.admin, rid)["report"]
        assert summary["verdict"] == "pass" and summary["is_published"] is True and summary["unit_match"] == "manual"


def test_unit_account_sees_only_its_own_reports(store: Store):
    with store.session() as s:
        mine = make_user(s, "changzhou", "unit", "昌州街道")
        other = make_user(s, "pianbai", "unit", "偏柏乡人民政府")
    ids = store.ingest_seeds()  # the admin's upload is matched to the registered units by name
    with store.session() as s:
        assert s.get(Document, ids["000"]).unit_id == mine.unit_id
        assert s.get(Document, ids["002"]).unit_id == other.unit_id
        assert [r["id"] for r in sv.list_reports(s, mine)] == [ids["000"]]
        assert [r["id"] for r in sv.corpus(s, mine)] == [ids["000"]]
        assert {h["report_id"] for h in sv.search(s, mine, "法治政府")} == {ids["000"]}
        assert {h["report_id"] for h in sv.search(s, mine, "调解")} == {ids["000"]}
        assert {r["report_id"] for r in sv.indicator_rows(s, mine)} == {ids["000"]}
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
            lambda: sv.set_published(s, mine, ids["000"]),
            lambda: sv.set_unit(s, mine, ids["000"], None),
            lambda: sv.reanalyze(s, mine, ids["000"]),
            lambda: sv.season(s, mine, 2023),
            lambda: sv.register_units(s, mine, 2023, "某镇"),
        ):
            with pytest.raises(Forbidden):
                call()
        # A unit uploading a file another unit already sent gets its own report, not the other's id.
        items = sv.ingest(s, SEEDS[2].read_bytes(), SEEDS[2].name, mine)
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
        first = sv.ingest(s, SEEDS[2].read_bytes(), SEEDS[2].name, mine)[0]
        assert first.report_id != ids["002"] and not first.duplicate
        again = sv.ingest(s, SEEDS[2].read_bytes(), "copy.txt", mine)[0]
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
        for args in (("boss", "another pw", "admin"), ("x", "short", "admin"), ("y", "long enough", "root"),
                     ("z", "long enough", "unit")):
            with pytest.raises(BadInput):
                accounts.create_user(s, *args)


# ---------------------------------------------------------------- units and the season

UNITS_2023 = """昌州街道,township,荣昌区
偏柏乡人民政府\ttownship\t某县
解放区民主街道办事处，township，解放区
重庆市荣昌区吴家镇人民政府,township,荣昌区
未报送镇人民政府,township,荣昌区
"""


def _at(day: str) -> datetime:
    return datetime.fromisoformat(day + "T02:00:00").replace(tzinfo=UTC)


def test_register_units_and_season_statuses(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        units = sv.register_units(s, store.admin, 2023, UNITS_2023)
        assert [u.name for u in units] == ["昌州街道", "偏柏乡人民政府", "解放区民主街道办事处",
                                           "重庆市荣昌区吴家镇人民政府", "未报送镇人民政府"]
        assert units[0].parent == "荣昌区" and units[1].parent == "某县" and units[2].level == "township"
        sv.register_units(s, store.admin, 2023, UNITS_2023)  # registering twice changes nothing
        assert count(s, Unit) == 5 and count(s, Expected) == 5
        unit_of = {u.name: u.id for u in units}
        for prefix, name in (("000", "昌州街道"), ("002", "偏柏乡人民政府"), ("003", "解放区民主街道办事处"),
                             ("004", "重庆市荣昌区吴家镇人民政府")):
            doc = s.get(Document, ids[prefix])
            assert (doc.unit_id, doc.unit_match) == (unit_of[name], "auto"), prefix
        assert s.get(Document, ids["001"]).unit_id is None

        s.get(Document, ids["000"]).uploaded_at = _at("2024-02-20")  # before the 03-01 deadline
        s.get(Document, ids["002"]).uploaded_at = _at("2024-03-05")  # after it
        s.get(Document, ids["003"]).uploaded_at = _at("2024-02-28")
        s.get(Document, ids["004"]).uploaded_at = _at("2024-03-01")  # on the day: in time
        s.commit()
        sv.set_published(s, store.admin, ids["003"])
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
        assert season["counts"] == {k: 1 for k in sv.STATUS_ZH}
        order = list(sv.STATUS_ZH)
        assert [order.index(r["status"]) for r in season["rows"]] == sorted(order.index(v) for v in status.values())
        assert {r["unit"]: r["reports"] for r in season["rows"]}["昌州街道"] == [ids["000"]]
        assert all(r["status_zh"] == sv.STATUS_ZH[r["status"]] for r in season["rows"])

        # A custom deadline moves "late"; another year has its own roll.
        late = sv.season(s, store.admin, 2023, Config(deadline_report="02-15"), today=date(2024, 2, 20))
        assert {r["unit"]: r["status"] for r in late["rows"]}["昌州街道"] == "received_late"
        assert late["days_left"] == -5
        assert sv.season(s, store.admin, 2024)["rows"] == []
        sv.register_units(s, store.admin, 2024, "黔江区人民政府城西街道办事处,township,黔江区")
        row, = sv.season(s, store.admin, 2024)["rows"]
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


# ---------------------------------------------------------------- corpus and search


def test_corpus_filters_and_sorting(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        sv.register_units(s, store.admin, 2023, UNITS_2023)
        sv.set_verdict(s, store.admin, ids["002"], "return")
        sv.set_verdict(s, store.admin, ids["003"], "pass")
        rows = sv.corpus(s, store.admin)
        assert sorted(r["id"] for r in rows) == sorted(ids.values())
        assert [r["unit_name"] for r in rows] == sorted((r["unit_name"] for r in rows), key=pinyin_key)
        byid = {r["id"]: r for r in rows}
        assert byid[ids["000"]]["unit_name"] == "昌州街道" and byid[ids["000"]]["parent"] == "荣昌区"
        assert byid[ids["001"]]["unit_name"] == SEED_UNIT["001"][0] and byid[ids["001"]]["parent"] is None
        for r in rows:  # the key indicators are the sums of the report's own indicator occurrences
            inds = sv.report_view(s, store.admin, r["id"])["result"]["indicators"]
            for k, v in r["indicators"].items():
                expected = [i["value"] for i in inds if i["id"] == k]
                assert v == (pytest.approx(sum(expected)) if expected else None), (r["id"], k)
        assert {r["id"] for r in sv.corpus(s, store.admin, year=2023)} == {ids[p] for p in ("000", "002", "003", "004")}
        assert [r["id"] for r in sv.corpus(s, store.admin, year=2024)] == [ids["001"]]
        assert sv.corpus(s, store.admin, year=1999) == []
        assert len(sv.corpus(s, store.admin, level="township")) == 5
        assert sv.corpus(s, store.admin, level="county") == []
        assert {r["id"] for r in sv.corpus(s, store.admin, parent="荣昌区")} == {ids["000"], ids["004"]}
        assert [r["id"] for r in sv.corpus(s, store.admin, status="return")] == [ids["002"]]
        assert [r["id"] for r in sv.corpus(s, store.admin, year=2023, status="pass", parent="解放区")] == [ids["003"]]
        assert len(sv.corpus(s, store.admin, status="pending")) == 3
        scores = [r["score"] or 0 for r in sv.corpus(s, store.admin, sort="score")]
        assert scores == sorted(scores, reverse=True)
        errors = [r["errors"] for r in sv.corpus(s, store.admin, sort="errors")]
        assert errors == sorted(errors, reverse=True)
        by_year = [(r["year"], r["unit_name"]) for r in sv.corpus(s, store.admin, sort="year")]
        assert by_year == sorted(by_year, key=lambda t: (-t[0], pinyin_key(t[1])))
        with pytest.raises(BadInput):
            sv.corpus(s, store.admin, sort="id; DROP TABLE reports")


SEARCH_TERMS = ["法治政府建设", "行政执法", "人民调解", "调解", "执法", "复议", "昌州", "吴家镇", "法治"]
HOSTILE = ["' OR 1=1 --", "%", "_", '"', '""', "%%", "%调解%", "_解", "\\", "\\%", "a_b", "*", "调解*",
           "NEAR(调解 执法)", "调解 OR 执法", "'; DROP TABLE reports; --", "\") OR (\"", "{text}:调解",
           "^调解", "🙂🙂🙂", "   调解   ", "x" * 100]


def test_search(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        texts = {d.id: d.text for d in s.scalars(select(Document))}
        for q in SEARCH_TERMS + HOSTILE:
            hits = sv.search(s, store.reviewer, q)
            needle = q.strip()
            expected = {rid for rid, t in texts.items() if needle in t}
            assert {h["report_id"] for h in hits} == expected, q
            for h in hits:
                t = texts[h["report_id"]]
                assert t[h["start"] : h["end"]] == needle == h["match"]
                assert h["before"] == t[max(0, h["start"] - sv.SNIPPET_CONTEXT) : h["start"]]
                assert h["after"] == t[h["end"] : h["end"] + sv.SNIPPET_CONTEXT]
            assert max(Counter(h["report_id"] for h in hits).values(), default=0) <= 3
        assert {h["report_id"] for h in sv.search(s, store.reviewer, "法治政府建设")} == set(ids.values())
        assert {h["report_id"] for h in sv.search(s, store.reviewer, "调解")} == set(ids.values())
        assert {h["report_id"] for h in sv.search(s, store.reviewer, "昌州")} >= {ids["000"]}
        assert {h["report_id"] for h in sv.search(s, store.reviewer, "%")} == {r for r, t in texts.items() if "%" in t}
        assert sv.search(s, store.reviewer, "") == [] and sv.search(s, store.reviewer, "  ") == []
        with pytest.raises(BadInput):
            sv.search(s, store.reviewer, "法" * 101)
        assert len(sv.search(s, store.reviewer, "调解", limit=2)) <= 6
        assert count(s, Document) == 5  # nothing was harmed
        # Re-analysis keeps the search index in step.
        sv.reanalyze(s, store.admin, ids["000"])
        assert ids["000"] in {h["report_id"] for h in sv.search(s, store.reviewer, "法治政府建设")}
        check_integrity(s, store.dialect)


@pytest.mark.parametrize("q", ["\x00", "调解\x00", "法治\x00政府"])
def test_search_with_a_nul_character(store: Store, q: str):
    """A NUL (%00 in a URL) finds nothing and raises nothing."""
    store.ingest_seeds()
    with store.session() as s:
        assert sv.search(s, store.reviewer, q) == []


def test_unit_search_is_not_cut_off_by_other_units_reports(store: Store):
    """A unit account finds its own report even when more than SEARCH_LIMIT other reports match."""
    ids = store.ingest_seeds()
    with store.session() as s:
        mine = make_user(s, "changzhou", "unit", "昌州街道")
        s.get(Document, ids["000"]).unit_id = mine.unit_id
        s.commit()
        # Many other reports mentioning the term, stored with lower ids than the unit's own.
        blob = s.get(Blob, s.get(Document, ids["001"]).blob_sha)
        own = s.get(Document, ids["000"])
        for i in range(sv.SEARCH_LIMIT + 5):
            d = Document(blob_sha=blob.sha256, filename=f"f{i}.txt", source=f"f{i}.txt", text="昌州街道法治政府建设 " * 3,
                         result_json="{}")
            s.add(d)
        s.flush()
        own_new = Document(blob_sha=own.blob_sha, filename="own.txt", source="own.txt", text=own.text,
                           unit_id=mine.unit_id, result_json=own.result_json)
        s.add(own_new)
        s.flush()
        for d in s.scalars(select(Document).where(Document.id > ids["004"])):
            sv._index_text(s, d)
        s.commit()
        assert {h["report_id"] for h in sv.search(s, mine, "昌州街道")} == {ids["000"], own_new.id}


# ---------------------------------------------------------------- concurrency


def test_concurrent_reviewers_lose_nothing(store: Store):
    ids = store.ingest_seeds()
    rid = ids["004"]  # the seed with the most findings
    with store.session() as s:
        other = make_user(s, "reviewer2", "reviewer")
        keys = [f["key"] for f in sv.report_view(s, store.admin, rid)["result"]["findings"]]
    shared, own = keys[0], {"A": keys[1], "B": keys[2]}
    actors = {"A": store.reviewer, "B": other}
    n = 12
    barrier = threading.Barrier(2)
    errors: list[BaseException] = []

    def work(name: str) -> None:
        try:
            with store.session() as s:
                barrier.wait(timeout=30)
                for i in range(n):
                    action = sv.FINDING_ACTIONS[i % 2]
                    sv.review_finding(s, actors[name], rid, shared, action, f"{name}-shared-{i}")
                    sv.review_finding(s, actors[name], rid, own[name], action, f"{name}-own-{i}")
                    if i % 4 == 0:
                        sv.set_verdict(s, actors[name], rid, "return", f"{name}-verdict-{i}")
        except BaseException as e:  # reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(name,)) for name in actors]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    assert not errors, errors
    with store.session() as s:
        hist = sv.history(s, store.admin, rid)
        comments = Counter(e.get("comment") for e in hist if e["kind"] == "finding")
        expected = {f"{name}-{what}-{i}" for name in actors for what in ("shared", "own") for i in range(n)}
        assert set(comments) == expected and set(comments.values()) == {1}  # every action, exactly once
        verdicts = {e["note"] for e in hist if e["kind"] == "verdict"}
        assert verdicts == {f"{name}-verdict-{i}" for name in actors for i in range(0, n, 4)}
        states = {fs.finding_key: fs for fs in s.scalars(select(FindingState).where(FindingState.report_id == rid))}
        assert set(states) == {shared, *own.values()}
        last = sv.FINDING_ACTIONS[(n - 1) % 2]
        for name, key in own.items():
            assert (states[key].comment, states[key].action, states[key].user_id) == (
                f"{name}-own-{n - 1}", last, actors[name].id)
        st = states[shared]
        winner = st.comment.split("-")[0]
        assert st.comment == f"{winner}-shared-{n - 1}"  # one reviewer's last decision...
        if store.dialect == "sqlite":  # ...whole; on PostgreSQL it can be mixed: see test_interleaved_decisions
            assert (st.user_id, st.action) == (actors[winner].id, last)
        check_integrity(s, store.dialect)


@pytest.mark.parametrize("what", ["finding", "verdict"])
def test_interleaved_decisions_are_not_mixed(store: Store, monkeypatch, what: str):
    """B reads the current decision, A decides meanwhile, B saves: the row must be B's decision, whole.

    The store updates only the columns B changed compared to what it read (SQLAlchemy's partial UPDATE with
    no row lock), so A's action/verdict survives next to B's comment, user and time.
    """
    if what == "finding" and store.dialect == "sqlite":
        pytest.skip("SQLite: review_finding reads the decision under the write lock, so it cannot interleave")
    ids = store.ingest_seeds()
    rid = ids["004"]
    with store.session() as s:
        a, b = store.reviewer, make_user(s, "reviewer2", "reviewer")
        key = sv.report_view(s, store.admin, rid)["result"]["findings"][0]["key"]

    def decide(s: Session, actor: Actor, choice: str, note: str) -> None:
        if what == "finding":
            sv.review_finding(s, actor, rid, key, choice, note)
        else:
            sv.set_verdict(s, actor, rid, choice, note)

    first, other = ("accepted", "dismissed") if what == "finding" else ("pass", "return")
    with store.session() as s:
        decide(s, a, first, "A-0")
    real_now, fired = sv.utcnow, []

    def now_with_a_decision_in_between():
        if not fired:  # B has read the row and is about to save: A decides and commits first
            fired.append(1)
            with store.session() as s2:
                decide(s2, a, other, "A-1")
        return real_now()

    monkeypatch.setattr(sv, "utcnow", now_with_a_decision_in_between)
    with store.session() as s:
        decide(s, b, first, "B-1")
    assert fired
    with store.session() as s:
        if what == "finding":
            st = s.scalar(select(FindingState).where(FindingState.report_id == rid, FindingState.finding_key == key))
            row = (st.action, st.comment, st.user_id)
        else:
            doc = s.get(Document, rid)
            row = (doc.verdict, doc.verdict_note, doc.verdict_by)
        assert row == (first, "B-1", b.id)


def test_first_decisions_racing_without_a_version_both_land(store: Store):
    """A's UPDATE finds no decision, B's first decision commits, A's SELECT then sees it: A must update it.

    Regression: with no version given (last write wins), that interleaving raised a 409 "请刷新后再决定".
    """
    if store.dialect == "sqlite":
        pytest.skip("SQLite: the first UPDATE takes the write lock, so B cannot commit in between")
    from sqlalchemy import event

    rid = store.ingest_seeds()["004"]
    with store.session() as s:
        b = make_user(s, "reviewer2", "reviewer")
        key = sv.report_view(s, store.admin, rid)["result"]["findings"][0]["key"]
    engine, fired = get_engine(store.url), []

    def b_decides_after_a_finds_nothing(conn, cursor, statement, params, context, executemany):
        if not fired and statement.lstrip().upper().startswith("UPDATE FINDING_STATES") and cursor.rowcount == 0:
            fired.append(1)
            with store.session() as s2:
                sv.review_finding(s2, b, rid, key, "dismissed", "B")

    event.listen(engine, "after_cursor_execute", b_decides_after_a_finds_nothing)
    try:
        with store.session() as s:
            st = sv.review_finding(s, store.reviewer, rid, key, "accepted", "A")
    finally:
        event.remove(engine, "after_cursor_execute", b_decides_after_a_finds_nothing)
    assert fired
    assert (st.action, st.comment, st.revision) == ("accepted", "A", 2)
