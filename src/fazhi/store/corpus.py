"""Corpus table and full-text search over the stored reports (part of the service; see service.py)."""

from __future__ import annotations

from sqlalchemy import column, func, select, table, text
from sqlalchemy.orm import Session, defer

from ..exports.tables import KEY_INDICATORS
from .common import VERDICTS, Actor, BadInput, doc_summary, visible
from .models import Document, IndicatorRow, Unit


def pinyin_key(name: str) -> tuple[str, str]:
    """Sort key of a Chinese name by its pinyin (昌州 chang before 吴家 wu; character codes get it wrong)."""
    from pypinyin import lazy_pinyin

    return (" ".join(lazy_pinyin(name or "")), name or "")


# Hits are reported for at most this many reports, and this many characters of context either side.
SEARCH_LIMIT = 200
SNIPPET_CONTEXT = 30
MAX_SNIPPETS = 3  # hits shown per report (the count says how many there are)


def corpus(
    s: Session,
    actor: Actor,
    year: int | None = None,
    level: str | None = None,
    parent: str | None = None,
    status: str | None = None,
    sort: str = "unit",
) -> list[dict]:
    """Units × years: score, finding counts and key indicators of each report the actor may see."""
    q = (
        select(Document)
        .outerjoin(Unit, Unit.id == Document.unit_id)
        .options(defer(Document.text), defer(Document.result_json))
    )
    q = q.where(Document.deleted_at.is_(None), Document.superseded_by.is_(None), Document.status == "done")
    q = visible(q, actor)
    if year:
        q = q.where(Document.year == year)
    if level:
        q = q.where(Document.unit_level == level)
    if parent:
        q = q.where(Unit.parent == parent)
    if status in VERDICTS:
        q = q.where(Document.verdict == status)
    docs = list(s.scalars(q))
    sums: dict[int, dict[str, float]] = {}
    if docs:
        ids = [d.id for d in docs]
        for rid, ind, total in s.execute(
            select(IndicatorRow.report_id, IndicatorRow.indicator, func.sum(IndicatorRow.value))
            .where(IndicatorRow.report_id.in_(ids), IndicatorRow.indicator.in_(KEY_INDICATORS))
            .group_by(IndicatorRow.report_id, IndicatorRow.indicator)
        ):
            sums.setdefault(rid, {})[ind] = total
    rows = []
    for d in docs:
        row = doc_summary(d)
        row["unit_name"] = d.unit.name if d.unit else (d.detected_unit or d.filename)
        row["parent"] = d.unit.parent if d.unit else None
        row["indicators"] = {k: sums.get(d.id, {}).get(k) for k in KEY_INDICATORS}
        rows.append(row)
    keyf = {
        "unit": lambda r: (pinyin_key(r["unit_name"] or ""), r["year"] or 0),
        "score": lambda r: -(r["score"] or 0),
        "errors": lambda r: -(r["errors"] or 0),
        "year": lambda r: (-(r["year"] or 0), pinyin_key(r["unit_name"] or "")),
    }.get(sort)
    if keyf is None:
        raise BadInput(f"未知的排序字段：{sort}")
    rows.sort(key=keyf)
    return rows


def search(s: Session, actor: Actor, q: str, limit: int = SEARCH_LIMIT) -> list[dict]:
    """Full-text search (FTS5 trigram / pg_trgm) with hits in context and their offsets."""
    if any(ch < " " for ch in q):  # control characters (a NUL from a URL) match no report text
        return []
    q = q.strip()
    if not q:
        return []
    if len(q) > 100:
        raise BadInput("检索词过长")
    dialect = s.bind.dialect.name
    if dialect == "sqlite" and len(q) >= 3:
        phrase = '"' + q.replace('"', '""') + '"'
        fts = table("report_fts", column("rowid"))
        matching = (
            select(fts.c.rowid)
            .join(Document, Document.id == fts.c.rowid)
            .where(text("report_fts MATCH :q").bindparams(q=phrase))
            .limit(limit)
        )
        ids = list(s.scalars(visible(matching, actor)))
        cand = select(Document).where(Document.id.in_(ids)) if ids else None
    else:
        if dialect == "postgresql" and len(q) >= 3:
            # The planner underrates ILIKE over long texts and scans the table; the trigram index is
            # ~80x faster on rare terms (bench/bench_store.py). Scoped to this transaction.
            s.execute(text("SET LOCAL enable_seqscan = off"))
            s.execute(text("SET LOCAL enable_indexscan = off"))  # not the primary key either: the GIN index
        like = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        op = (
            Document.text.ilike(like, escape="\\")
            if dialect == "postgresql"
            else Document.text.like(like, escape="\\")
        )
        cand = select(Document).where(op).limit(limit)
    if cand is None:
        return []
    cand = visible(cand, actor)
    hits = []
    for d in s.scalars(cand.where(Document.deleted_at.is_(None)).order_by(Document.id)):
        pos = d.text.find(q)
        total = d.text.count(q)  # every occurrence is counted; the first MAX_SNIPPETS are shown
        n = 0
        while pos >= 0 and n < MAX_SNIPPETS:
            a, b = max(0, pos - SNIPPET_CONTEXT), min(len(d.text), pos + len(q) + SNIPPET_CONTEXT)
            hits.append(
                {
                    "report_id": d.id,
                    "title": d.title,
                    "unit": d.detected_unit,
                    "year": d.year,
                    "start": pos,
                    "end": pos + len(q),
                    "before": d.text[a:pos],
                    "match": q,
                    "after": d.text[pos + len(q) : b],
                    "report_hits": total,
                }
            )
            pos = d.text.find(q, pos + len(q))
            n += 1
    return hits


def indicator_rows(s: Session, actor: Actor, year: int | None = None) -> list[dict]:
    """Every indicator occurrence of the reports the actor may see (for export): one query, no report text read."""
    q = (
        select(
            IndicatorRow.report_id,
            Unit.name,
            Document.detected_unit,
            Document.year,
            IndicatorRow.indicator,
            IndicatorRow.name,
            IndicatorRow.value,
            IndicatorRow.unit,
            IndicatorRow.qualifier,
            IndicatorRow.quote,
            Document.filename,
        )
        .join(Document, Document.id == IndicatorRow.report_id)
        .outerjoin(Unit, Unit.id == Document.unit_id)
        .where(Document.deleted_at.is_(None), Document.superseded_by.is_(None))
    )
    q = visible(q, actor)
    if year:
        q = q.where(Document.year == year)
    return [
        {
            "report_id": rid,
            "unit": unit or detected,
            "year": y,
            "id": ind,
            "name": name,
            "value": value,
            "unit_of_measure": uom,
            "qualifier": qual,
            "quote": quote,
            "file": filename,
        }
        for rid, unit, detected, y, ind, name, value, uom, qual, quote, filename in s.execute(
            q.order_by(Document.id, IndicatorRow.start)
        )
    ]
