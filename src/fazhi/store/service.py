"""The workspace's service calls: every web page and every API endpoint goes through these.

Authorization lives here too (an Actor is passed to every call), so the HTML pages and the JSON API
cannot disagree about who may see what.
"""

from __future__ import annotations

import hashlib
import json
from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select, text, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from .. import __version__
from ..config import Config
from ..ingest import ReadError, iter_bytes
from ..model import Report
from ..pipeline import analyze_raw
from .common import (  # noqa: F401 - re-exported: the service is the one entry point
    DEFAULT_TIMEZONE,
    FINDING_ACTIONS,
    MAX_UPLOAD_BYTES,
    ROLES,
    SYSTEM,
    VERDICTS,
    Actor,
    BadInput,
    Forbidden,
    NotFound,
    aware,
    doc_summary,
    iso,
    local_zone,
)
from .models import Blob, Document, Expected, FindingState, IndicatorRow, ReviewEvent, Unit, User, utcnow


def _require_staff(actor: Actor) -> None:
    if not actor.is_staff:
        raise Forbidden("只有审查人员可以进行此操作")


def get_document(s: Session, actor: Actor, report_id: int) -> Document:
    """A report the actor may see (403 for another unit's report, 404 if absent)."""
    doc = s.get(Document, report_id)
    if doc is None:
        raise NotFound(f"报告 {report_id} 不存在")
    if not actor.is_staff and doc.unit_id != actor.unit_id:
        raise Forbidden("无权查看其他单位的报告")
    return doc


# ---------------------------------------------------------------- ingest and analysis


@dataclass
class IngestItem:
    """The outcome for one report of an upload."""

    source: str
    report_id: int | None = None
    error: str | None = None
    duplicate: bool = False


def ingest(s: Session, data: bytes, filename: str, actor: Actor, config: Config | None = None) -> list[IngestItem]:
    """Store and analyse every report of an upload; each report commits on its own or not at all."""
    if len(data) > MAX_UPLOAD_BYTES:
        return [IngestItem(filename, error=f"{filename}: 文件过大（上限 {MAX_UPLOAD_BYTES // 2**20} MB）")]
    items: list[IngestItem] = []
    for original, raw in iter_bytes(data, filename):
        if isinstance(raw, ReadError):
            items.append(IngestItem(raw.source, error=str(raw)))
            continue
        try:
            report = analyze_raw(raw, config)
            rid, dup = _store(s, original or data, raw.source, report, actor)
            s.commit()
            items.append(IngestItem(raw.source, rid, duplicate=dup))
        except Exception as e:  # one bad report must not lose the others
            s.rollback()
            items.append(IngestItem(raw.source, error=f"{raw.source}: 保存失败（{type(e).__name__}）"))
    return items


def _store(s: Session, data: bytes, source: str, report: Report, actor: Actor) -> tuple[int, bool]:
    sha = hashlib.sha256(data).hexdigest()
    if s.get(Blob, sha) is None:
        s.add(Blob(sha256=sha, data=data, size=len(data)))
        s.flush()
    same = select(Document).where(Document.blob_sha == sha)
    if not actor.is_staff:
        same = same.where(Document.unit_id == actor.unit_id)
    existing = s.scalar(same.order_by(Document.id).limit(1))
    if existing is not None:
        return existing.id, True
    unit_id = actor.unit_id if actor.role == "unit" else match_unit(s, report.units)
    doc = Document(
        blob_sha=sha,
        filename=source.split("!/")[-1].replace("\\", "/").split("/")[-1],
        source=source,
        uploaded_by=actor.id,
        unit_id=unit_id,
        unit_match="auto" if unit_id else None,
    )
    s.add(doc)
    _apply_analysis(s, doc, report)
    s.flush()
    _index_text(s, doc)
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="analyse", payload=json.dumps({"version": __version__})))
    return doc.id, False


def _apply_analysis(s: Session, doc: Document, report: Report) -> None:
    d = report.to_dict()
    sev = Counter(f["severity"] for f in d["findings"])
    doc.detected_unit = report.unit
    doc.unit_level = report.unit_level.value
    doc.year = report.year
    doc.title = report.title
    doc.signed_date = report.date
    doc.published_date = report.published
    doc.text = report.text
    doc.result_json = json.dumps(d, ensure_ascii=False)
    doc.analyzer_version = __version__
    doc.score = (report.score or {}).get("total")
    doc.n_error, doc.n_warning, doc.n_info = sev["error"], sev["warning"], sev["info"]
    doc.parts_missing = sum(1 for k, p in report.parts.items() if p.status.value == "missing" and k != "other")
    if doc.id is not None:
        s.query(IndicatorRow).filter(IndicatorRow.report_id == doc.id).delete()
    s.flush()
    for i in report.indicators:
        s.add(
            IndicatorRow(
                report_id=doc.id, indicator=i.id, name=i.name, value=float(i.value), unit=i.unit,
                qualifier=i.qualifier.value, quote=report.text[i.start : i.end], start=i.start, end=i.end,
            )
        )


def _index_text(s: Session, doc: Document) -> None:
    if s.bind.dialect.name == "sqlite":
        s.execute(text("DELETE FROM report_fts WHERE rowid = :id"), {"id": doc.id})
        s.execute(text("INSERT INTO report_fts(rowid, text) VALUES (:id, :t)"), {"id": doc.id, "t": doc.text})


def reanalyze(s: Session, actor: Actor, report_id: int, config: Config | None = None) -> Document:
    """Analyse a stored report again (after a rule change); review decisions are kept by finding key."""
    _require_staff(actor)
    doc = get_document(s, actor, report_id)
    blob = s.get(Blob, doc.blob_sha)
    (original, raw), *_ = list(iter_bytes(blob.data, doc.source)) or [(b"", ReadError(doc.source, "空"))]
    if isinstance(raw, ReadError):
        raise BadInput(str(raw))
    _apply_analysis(s, doc, analyze_raw(raw, config))
    _index_text(s, doc)
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="analyse", payload=json.dumps({"version": __version__})))
    s.commit()
    return doc


def original_file(s: Session, actor: Actor, report_id: int) -> tuple[str, bytes]:
    """The file name and the bytes of a report exactly as it was uploaded."""
    doc = get_document(s, actor, report_id)
    blob = s.get(Blob, doc.blob_sha)
    return doc.filename, blob.data


def match_unit(s: Session, detected: tuple[str, ...] | list[str], units: list[Unit] | None = None) -> int | None:
    """The registered unit whose name or alias best matches a detected unit name, if any."""
    if not detected:
        return None
    best: tuple[int, int] | None = None  # (score, unit id)
    for u in units if units is not None else s.scalars(select(Unit)):
        names = [u.name, *[a for a in u.aliases.splitlines() if a.strip()]]
        for d in detected:
            for n in names:
                score = 1000 if d == n else (len(n) if (n in d or d in n) and min(len(n), len(d)) >= 2 else 0)
                if score and (best is None or score > best[0]):
                    best = (score, u.id)
    return best[1] if best else None


# ---------------------------------------------------------------- review


def finding_keys(findings: list[dict]) -> list[str]:
    """Stable keys of findings (rule, quote, occurrence): they survive re-analysis of the same text."""
    seen: Counter[tuple[str, str]] = Counter()
    keys = []
    for f in findings:
        q = f.get("quote") or f.get("message") or ""
        seen[(f["rule"], q)] += 1
        h = hashlib.sha1(q.encode("utf-8")).hexdigest()[:12]
        keys.append(f"{f['rule']}:{h}:{seen[(f['rule'], q)]}")
    return keys


def report_view(s: Session, actor: Actor, report_id: int) -> dict:
    """A report with its analysis (the JSON contract) and the review state of each finding."""
    doc = get_document(s, actor, report_id)
    result = json.loads(doc.result_json)
    states = {fs.finding_key: fs for fs in s.scalars(select(FindingState).where(FindingState.report_id == doc.id))}
    for f, key in zip(result["findings"], finding_keys(result["findings"]), strict=True):
        st = states.get(key)
        f["key"] = key
        f["review"] = {"action": st.action, "comment": st.comment, "at": iso(st.at)} if st else None
    return {"report": doc_summary(doc), "result": result}


def review_finding(s: Session, actor: Actor, report_id: int, key: str, action: str, comment: str = "") -> FindingState:
    """Accept or dismiss one finding; the history keeps every decision."""
    _require_staff(actor)
    if action not in FINDING_ACTIONS:
        raise BadInput(f"未知的处理方式：{action}")
    doc = get_document(s, actor, report_id)
    findings = json.loads(doc.result_json)["findings"]
    keys = finding_keys(findings)
    if key not in keys:
        raise NotFound(f"报告 {report_id} 没有问题 {key}")
    f = findings[keys.index(key)]
    event = ReviewEvent(report_id=doc.id, user_id=actor.id, kind="finding",
                        payload=json.dumps({"key": key, "action": action, "comment": comment}, ensure_ascii=False))
    s.add(event)
    s.commit()
    values = {"action": action, "comment": comment, "user_id": actor.id, "at": utcnow()}
    where = (FindingState.report_id == doc.id, FindingState.finding_key == key)
    for _attempt in range(3):  # a concurrent first decision on the same finding: retry as an update
        # One UPDATE of every column: a decision is written whole, never mixed with a concurrent one.
        if s.execute(update(FindingState).where(*where).values(**values)).rowcount:
            s.commit()
            return s.scalar(select(FindingState).where(*where).execution_options(populate_existing=True))
        s.add(FindingState(report_id=doc.id, finding_key=key, rule=f["rule"], quote=f.get("quote"), **values))
        try:
            s.commit()
            return s.scalar(select(FindingState).where(*where))
        except IntegrityError:
            s.rollback()
    raise BadInput("保存失败，请重试")


def review_rule(s: Session, actor: Actor, report_id: int, rule: str, action: str, comment: str = "") -> int:
    """Accept or dismiss every finding of one rule in a report at once (240 ASCII commas); returns how many."""
    _require_staff(actor)
    if action not in FINDING_ACTIONS:
        raise BadInput(f"未知的处理方式：{action}")
    doc = get_document(s, actor, report_id)
    findings = json.loads(doc.result_json)["findings"]
    chosen = [(k, f) for k, f in zip(finding_keys(findings), findings, strict=True) if f["rule"] == rule]
    if not chosen:
        raise NotFound(f"报告 {report_id} 没有规则 {rule} 的问题")
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="finding",
                      payload=json.dumps({"rule": rule, "keys": len(chosen), "action": action, "comment": comment},
                                         ensure_ascii=False)))
    values = {"action": action, "comment": comment, "user_id": actor.id, "at": utcnow()}
    existing = set(s.scalars(select(FindingState.finding_key).where(
        FindingState.report_id == doc.id, FindingState.finding_key.in_([k for k, _ in chosen]))))
    if existing:
        s.execute(update(FindingState).where(FindingState.report_id == doc.id,
                                             FindingState.finding_key.in_(existing)).values(**values))
    for key, f in chosen:
        if key not in existing:
            s.add(FindingState(report_id=doc.id, finding_key=key, rule=rule, quote=f.get("quote"), **values))
    try:
        s.commit()
    except IntegrityError as e:  # a reviewer decided one of them meanwhile: nothing half-done, ask again
        s.rollback()
        raise BadInput("有其他审查人员同时处理了其中的问题，请刷新后重试") from e
    return len(chosen)


def set_verdict(s: Session, actor: Actor, report_id: int, verdict: str, note: str = "") -> Document:
    """Record the overall verdict (通过 / 退回修改) with notes."""
    _require_staff(actor)
    if verdict not in VERDICTS:
        raise BadInput(f"未知的审查结论：{verdict}")
    doc = get_document(s, actor, report_id)
    s.execute(
        update(Document).where(Document.id == doc.id)
        .values(verdict=verdict, verdict_note=note, verdict_by=actor.id, verdict_at=utcnow())
    )
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="verdict",
                      payload=json.dumps({"verdict": verdict, "note": note}, ensure_ascii=False)))
    s.commit()
    s.refresh(doc)
    return doc


def set_unit(s: Session, actor: Actor, report_id: int, unit_id: int | None) -> Document:
    """Correct the match of a report to a registered unit."""
    _require_staff(actor)
    doc = get_document(s, actor, report_id)
    if unit_id is not None and s.get(Unit, unit_id) is None:
        raise NotFound(f"单位 {unit_id} 不存在")
    doc.unit_id, doc.unit_match = unit_id, "manual"
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="match", payload=json.dumps({"unit_id": unit_id})))
    s.commit()
    return doc


def set_published(s: Session, actor: Actor, report_id: int, published: bool = True) -> Document:
    """Mark a report as published to the public."""
    _require_staff(actor)
    doc = get_document(s, actor, report_id)
    doc.is_published, doc.published_at = published, (utcnow() if published else None)
    s.add(ReviewEvent(report_id=doc.id, user_id=actor.id, kind="publish", payload=json.dumps({"published": published})))
    s.commit()
    return doc


def history(s: Session, actor: Actor, report_id: int) -> list[dict]:
    """Every review action on a report, oldest first."""
    doc = get_document(s, actor, report_id)
    rows = s.execute(
        select(ReviewEvent, User.username).outerjoin(User, User.id == ReviewEvent.user_id)
        .where(ReviewEvent.report_id == doc.id).order_by(ReviewEvent.id)
    )
    return [{"kind": e.kind, "user": name, "at": iso(e.at), **json.loads(e.payload)} for e, name in rows]


# ---------------------------------------------------------------- listing, units and the season


def list_reports(s: Session, actor: Actor, year: int | None = None, unit_id: int | None = None) -> list[dict]:
    """Reports the actor may see, newest first."""
    q = select(Document).order_by(Document.id.desc())
    if not actor.is_staff:
        q = q.where(Document.unit_id == actor.unit_id)
    if year:
        q = q.where(Document.year == year)
    if unit_id:
        q = q.where(Document.unit_id == unit_id)
    return [doc_summary(d) for d in s.scalars(q)]


def register_units(s: Session, actor: Actor, year: int, listing: str) -> list[Unit]:
    """Register the units expected to report for a year: one a line, `名称[,层级[,上级]]` (comma or tab)."""
    _require_staff(actor)
    out = []
    for line in listing.splitlines():
        cells = [c.strip() for c in line.replace("\t", ",").replace("，", ",").split(",")]
        if not cells or not cells[0]:
            continue
        name = cells[0][:200]
        u = s.scalar(select(Unit).where(Unit.name == name))
        if u is None:
            u = Unit(name=name, aliases="")
            s.add(u)
        if len(cells) > 1 and cells[1]:
            u.level = cells[1]
        if len(cells) > 2 and cells[2]:
            u.parent = cells[2]
        s.flush()
        if s.scalar(select(Expected).where(Expected.year == year, Expected.unit_id == u.id)) is None:
            s.add(Expected(year=year, unit_id=u.id))
        out.append(u)
    s.commit()
    units = list(s.scalars(select(Unit)))
    for d in s.scalars(select(Document).where(Document.unit_id.is_(None))):
        d.unit_id = match_unit(s, [d.detected_unit or ""] + (d.detected_unit or "").split("、"), units)
        d.unit_match = "auto" if d.unit_id else None
    s.commit()
    return out


def list_units(s: Session) -> list[Unit]:
    """Every registered unit, by name."""
    return list(s.scalars(select(Unit).order_by(Unit.name)))


STATUS_ZH = {
    "not_received": "未收到",
    "received_late": "逾期收到",
    "received": "已收到",
    "published": "已公开",
    "reviewed": "已审查",
}


def season(s: Session, actor: Actor, year: int, config: Config | None = None, today: date | None = None) -> dict:
    """Each expected unit's status for a year's reports, and the count-down to the deadlines."""
    _require_staff(actor)
    cfg = config or Config()
    today = today or date.today()
    m, d = (int(x) for x in cfg.deadline_report.split("-"))
    due = date(year + 1, m, d)
    m, d = (int(x) for x in cfg.deadline_publish.split("-"))
    publish_due = date(year + 1, m, d)
    rows = []
    counts: Counter[str] = Counter()
    for exp in s.scalars(select(Expected).where(Expected.year == year)):
        docs = list(s.scalars(select(Document).where(Document.unit_id == exp.unit_id, Document.year == year)))
        status = _status(docs, due)
        counts[status] += 1
        rows.append({
            "unit_id": exp.unit_id, "unit": exp.unit.name, "level": exp.unit.level, "parent": exp.unit.parent,
            "status": status, "status_zh": STATUS_ZH[status], "reports": [x.id for x in docs],
        })
    rows.sort(key=lambda r: (list(STATUS_ZH).index(r["status"]), r["unit"]))
    return {
        "year": year, "deadline": due.isoformat(), "publish_deadline": publish_due.isoformat(),
        "days_left": (due - today).days, "publish_days_left": (publish_due - today).days,
        "counts": {k: counts.get(k, 0) for k in STATUS_ZH}, "rows": rows,
    }


def _status(docs: list[Document], due: date) -> str:
    if not docs:
        return "not_received"
    if any(x.verdict != "pending" for x in docs):
        return "reviewed"
    if any(x.is_published for x in docs):
        return "published"
    first = min(aware(x.uploaded_at) for x in docs)
    return "received_late" if first.astimezone(local_zone()).date() > due else "received"


# The corpus table and search live in corpus.py; they are part of this service's calls.
from .corpus import KEY_INDICATORS, SEARCH_LIMIT, SNIPPET_CONTEXT, corpus, indicator_rows, search  # noqa: E402,F401,I001
