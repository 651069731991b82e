"""What the store tests share: a fresh migrated database with two users, the seeds' units, an integrity check."""

from __future__ import annotations

import hashlib
import json

from sqlalchemy import func, select, text
from sqlalchemy.orm import Session, sessionmaker

from fazhi.store import service as sv
from fazhi.store.common import Actor
from fazhi.store.db import get_engine, get_sessionmaker
from fazhi.store.models import (
    Blob,
    Document,
    ReviewEvent,
    Unit,
    User,
)
from helpers import seeds_zip

SEED_UNIT = {
    "000": ("昌州街道", 2023),
    "001": ("中共黔江区城西街道工作委员会、黔江区人民政府城西街道办事处", 2024),
    "002": ("偏柏乡人民政府", 2023),
    "003": ("解放区民主街道办事处", 2023),
    "004": ("中共重庆市荣昌区吴家镇委员会、重庆市荣昌区吴家镇人民政府", 2023),
}


REPORT_KEYS = {
    "id",
    "filename",
    "source",
    "title",
    "unit_id",
    "unit",
    "detected_unit",
    "unit_match",
    "unit_level",
    "year",
    "date",
    "published_date",
    "uploaded_at",
    "score",
    "errors",
    "warnings",
    "infos",
    "parts_missing",
    "verdict",
    "verdict_note",
    "is_published",
    "status",
    "status_zh",
    "status_reason",
    "received_date",
    "version",
    "superseded_by",
    "hold_reason",
}


UNITS_2023 = """昌州街道,township,荣昌区
偏柏乡人民政府\ttownship\t某县
解放区民主街道办事处，township，解放区
重庆市荣昌区吴家镇人民政府,township,荣昌区
未报送镇人民政府,township,荣昌区
"""


SEED_ZIP = seeds_zip()


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


def count(s: Session, model) -> int:
    return s.scalar(select(func.count()).select_from(model))


def check_integrity(s: Session, dialect: str) -> None:
    """No report without its blob, no blob without a report, no row pointing at a missing report."""
    assert (
        s.scalar(
            text(
                "SELECT count(*) FROM reports r LEFT JOIN blobs b ON b.sha256 = r.blob_sha "
                "WHERE b.sha256 IS NULL"
            )
        )
        == 0
    )
    assert (
        s.scalar(
            text(
                "SELECT count(*) FROM blobs b WHERE NOT EXISTS "
                "(SELECT 1 FROM reports r WHERE r.blob_sha = b.sha256)"
            )
        )
        == 0
    )
    for table in ("indicator_rows", "review_events", "finding_states"):
        assert (
            s.scalar(
                text(
                    f"SELECT count(*) FROM {table} t WHERE NOT EXISTS "
                    "(SELECT 1 FROM reports r WHERE r.id = t.report_id)"
                )
            )
            == 0
        ), table
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
