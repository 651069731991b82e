"""Copy detection over the workspace's reports (part of the service): which stored reports share passages.

The corpus is every analysed, current (not deleted, not superseded) report. Its pairs are computed on
demand and kept in memory until a report is added, re-analysed or removed (the fingerprint of the
corpus changes); 2,000 reports take seconds (docs/benchmarks.md). Only reviewers and admins see copies:
a unit account must not learn what another unit wrote.
"""

from __future__ import annotations

import threading
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..corpus import CopyPair, CorpusDoc, copy_findings, similar
from .common import Actor, NotFound, doc_summary, get_document, require_staff
from .models import Document

_lock = threading.Lock()
_cache: dict[str, Any] = {"key": None, "docs": [], "pairs": []}


def _current():
    """The query of the reports that take part: analysed, current, not deleted."""
    return select(Document).where(
        Document.status == "done", Document.deleted_at.is_(None), Document.superseded_by.is_(None)
    )


def _fingerprint(s: Session) -> tuple:
    """What the cached pairs depend on: each current report's id, text length and analysis time."""
    q = _current().with_only_columns(Document.id, func.length(Document.text), Document.analyzer_version)
    return tuple(s.execute(q.order_by(Document.id)).all())


def _label(doc: Document) -> str:
    """How a reviewer calls a report: its registered unit, the unit it names, else its file name."""
    return (doc.unit.name if doc.unit else None) or doc.detected_unit or doc.filename


def corpus_pairs(s: Session) -> tuple[list[CorpusDoc], list[CopyPair]]:
    """The workspace's current reports (as CorpusDocs, `ref` = report id) and the pairs sharing passages."""
    key = _fingerprint(s)
    with _lock:
        if _cache["key"] == key:
            return _cache["docs"], _cache["pairs"]
    docs = [
        CorpusDoc(d.source, d.text, _label(d), str(d.id)) for d in s.scalars(_current().order_by(Document.id))
    ]
    pairs = similar(docs)
    with _lock:
        _cache.update(key=key, docs=docs, pairs=pairs)
    return docs, pairs


def copies_of(s: Session, actor: Actor, report_id: int) -> list[dict]:
    """The other reports sharing passages with this one, heaviest first (empty for a unit account)."""
    get_document(s, actor, report_id)
    if not actor.is_staff:
        return []
    docs, pairs = corpus_pairs(s)
    ref = str(report_id)
    out = []
    for p in pairs:
        if ref not in (docs[p.a].ref, docs[p.b].ref):
            continue
        mine, other = (p.a, p.b) if docs[p.a].ref == ref else (p.b, p.a)
        out.append(
            {
                "report_id": int(docs[other].ref),
                "label": docs[other].label,
                "passages": len(p.passages),
                "findings": [{**f.to_dict(docs[mine].text)} for f in copy_findings(docs, [p]).get(mine, [])],
            }
        )
    return out


def compare(s: Session, actor: Actor, a_id: int, b_id: int) -> dict:
    """Two reports side by side: both texts and the passages they share (spans in each text)."""
    require_staff(actor)
    a, b = get_document(s, actor, a_id), get_document(s, actor, b_id)
    if a_id == b_id:
        raise NotFound("请选择两份不同的报告")
    docs, pairs = corpus_pairs(s)
    refs = {str(a_id), str(b_id)}
    passages = []
    for p in pairs:
        if {docs[p.a].ref, docs[p.b].ref} != refs:
            continue
        flip = docs[p.a].ref != str(a_id)
        for q in p.passages:
            sa, ea, sb, eb = (
                (q.b_start, q.b_end, q.a_start, q.a_end) if flip else (q.a_start, q.a_end, q.b_start, q.b_end)
            )
            passages.append(
                {"a": {"start": sa, "end": ea}, "b": {"start": sb, "end": eb}, "shared_shingles": q.shared}
            )
    passages.sort(key=lambda x: x["a"]["start"])
    for n, x in enumerate(passages):
        x["n"] = n + 1
        x["a"]["quote"] = a.text[x["a"]["start"] : x["a"]["end"]]
        x["b"]["quote"] = b.text[x["b"]["start"] : x["b"]["end"]]
    return {
        "a": {**doc_summary(a), "label": _label(a), "text": a.text},
        "b": {**doc_summary(b), "label": _label(b), "text": b.text},
        "passages": passages,
    }
