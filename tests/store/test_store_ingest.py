"""The workspace store: schema and migrations, and ingest (zips, duplicates, bad members, failures midway).

Every test runs on SQLite and on PostgreSQL (fixture `store` of tests/store/conftest.py on `db_url`, tests/pg.py).
"""

from __future__ import annotations

import hashlib
from collections import Counter

import pytest
from sqlalchemy import inspect, select, text
from store_helpers import (
    SEED_UNIT,
    SEED_ZIP,
    Store,
    check_integrity,
    count,
)

from fazhi.store import service as sv
from fazhi.store.db import get_engine, upgrade
from fazhi.store.models import (
    Base,
    Blob,
    Document,
    IndicatorRow,
)
from helpers import SEED_FILES, make_zip


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


def test_ingest_zip_stores_deduplicated_blobs(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        assert count(s, Document) == 5 and count(s, Blob) == 5
        for p in SEED_FILES:
            doc = s.get(Document, ids[p.name[:3]])
            assert doc.filename == p.name and doc.source == f"seeds.zip!/{p.name}"
            blob = s.get(Blob, doc.blob_sha)
            assert blob.data == p.read_bytes() and doc.blob_sha == hashlib.sha256(p.read_bytes()).hexdigest()
            assert (doc.detected_unit, doc.year) == SEED_UNIT[p.name[:3]]
            assert doc.uploaded_by == store.admin.id
        n_rows = count(s, IndicatorRow)
        assert n_rows > 0

        again = sv.ingest(s, SEED_ZIP, "again.zip", store.admin)
        assert [(i.report_id, i.duplicate, i.error) for i in again] == [
            (ids[p.name[:3]], True, None) for p in SEED_FILES
        ]
        # The same bytes as a single upload and inside a zip with other names: still one blob, no new report.
        one = sv.ingest(s, SEED_FILES[0].read_bytes(), "renamed.txt", store.reviewer)
        assert [(i.report_id, i.duplicate) for i in one] == [(ids["000"], True)]
        assert count(s, Document) == 5 and count(s, Blob) == 5 and count(s, IndicatorRow) == n_rows
        check_integrity(s, store.dialect)


def test_bad_members_are_errors_and_the_rest_is_stored(store: Store):
    members = {p.name: p.read_bytes() for p in SEED_FILES}
    members["empty.txt"] = b""
    members["../evil.txt"] = SEED_FILES[0].read_bytes() + "追加".encode()
    members["sub/../../evil2.txt"] = b"x" * 100
    with store.session() as s:
        items = sv.ingest(s, make_zip(members), "mixed.zip", store.admin)
        errors = {i.source.split("!/")[1]: i.error for i in items if i.error}
        assert set(errors) == {"empty.txt", "../evil.txt", "sub/../../evil2.txt"}, errors
        assert all(i.report_id is None for i in items if i.error)
        assert len([i for i in items if i.report_id]) == 5
        assert count(s, Document) == 5 and count(s, Blob) == 5
        # A broken zip and an oversized upload are one error item each, nothing stored.
        assert [
            i.report_id for i in sv.ingest(s, SEED_ZIP[: len(SEED_ZIP) // 2], "cut.zip", store.admin)
        ] == [None]
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
