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
from sqlalchemy.orm import Session, defer

from .. import __version__, sources
from ..config import Config
from ..exports.labels import ANALYSIS_ZH, STATUS_ZH
from .analysis import MAX_REPORT_BYTES, analyse_bytes
from .common import (
    FINDING_ACTIONS,
    PENDING,
    VERDICTS,
    Actor,
    BadInput,
    Conflict,
    NotFound,
    aware,
    check_year,
    doc_summary,
    get_document,
    iso,
    local_zone,
    require_staff,
    upload_too_large,
    valid_id,
    visible,
)
from .corpus import pinyin_key
from .lifecycle import (
    match_unit,
    received_on,
    supersede,
    unit_mismatch,
)
from .models import Blob, Document, Expected, FindingState, IndicatorRow, ReviewEvent, Unit, User, utcnow
from .uploads import split_upload

# ---------------------------------------------------------------- ingest and analysis


@dataclass
class IngestItem:
    """The outcome for one report of an upload."""

    source: str
    report_id: int | None = None
    error: str | None = None
    duplicate: bool = False
    status: str | None = None


def store_upload(
    s: Session, data: bytes, filename: str, actor: Actor, max_bytes: int = MAX_REPORT_BYTES
) -> list[IngestItem]:
    """Store every report of an upload at once, unanalysed (status 分析中); each commits on its own or not at all."""
    too_large = upload_too_large(len(data))
    if too_large:
        return [IngestItem(filename, error=f"{filename}: {too_large}")]
    items: list[IngestItem] = []
    for piece in split_upload(data, filename, max_bytes):
        if piece.error:
            items.append(IngestItem(piece.source, error=piece.error))
            continue
        try:
            items.append(_store_piece(s, data, piece, actor))
            s.commit()
        except Exception as e:  # one bad report must not lose the others
            s.rollback()
            items.append(IngestItem(piece.source, error=f"{piece.source}: 保存失败（{type(e).__name__}）"))
    return items


def _blob(s: Session, data: bytes) -> str:
    sha = hashlib.sha256(data).hexdigest()
    if s.get(Blob, sha) is None:
        s.add(Blob(sha256=sha, data=data, size=len(data)))
        s.flush()
    return sha


def _store_piece(s: Session, carrier: bytes, piece, actor: Actor) -> IngestItem:
    if piece.too_large:  # kept with the file that carried it, so the upload is not lost
        sha, status, reason = _blob(s, carrier), "too_large", piece.too_large
    else:
        sha, status, reason = _blob(s, piece.data), "queued", ""
        same = select(Document).where(Document.blob_sha == sha, Document.deleted_at.is_(None))
        same = visible(same, actor)
        existing = s.scalar(same.order_by(Document.id).limit(1))
        if existing is not None:
            return IngestItem(piece.source, existing.id, duplicate=True, status=existing.status)
    doc = Document(
        blob_sha=sha,
        filename=sources.base_name(piece.source),
        source=piece.source,
        uploaded_by=actor.id,
        unit_id=actor.unit_id if actor.role == "unit" else None,
        unit_match="auto" if actor.role == "unit" else None,
        status=status,
        status_reason=reason,
    )
    s.add(doc)
    s.flush()
    return IngestItem(piece.source, doc.id, status=status)


def stored_file(s: Session, report_id: int) -> tuple[bytes, str] | None:
    """The bytes and source name a queued report is analysed from (None if it is not waiting)."""
    doc = s.get(Document, report_id)
    if doc is None:
        return None
    return s.get(Blob, doc.blob_sha).data, doc.source


def apply_result(s: Session, report_id: int, out: dict) -> Document | None:
    """Write an analysis (analysis.analyse_bytes) to its report, or the reason it has none."""
    doc = s.get(Document, report_id)
    if doc is None:
        return None
    if out["status"] != "done":
        doc.status, doc.status_reason = out["status"], out.get("reason", "")
        s.add(
            ReviewEvent(
                report_id=doc.id,
                user_id=doc.uploaded_by,
                kind="analyse",
                payload=json.dumps(
                    {"version": __version__, "status": doc.status, "reason": doc.status_reason},
                    ensure_ascii=False,
                ),
            )
        )
        s.commit()
        return doc
    for k, v in out["fields"].items():
        setattr(doc, k, v)
    doc.status, doc.status_reason = "done", ""
    s.query(IndicatorRow).filter(IndicatorRow.report_id == doc.id).delete()
    s.add_all(IndicatorRow(report_id=doc.id, **row) for row in out["indicators"])
    uploader = s.get(User, doc.uploaded_by) if doc.uploaded_by else None
    if doc.unit_match == "manual":
        pass  # a reviewer settled the unit: a new analysis neither re-matches nor holds it again
    elif uploader is not None and uploader.role == "unit" and uploader.unit_id == doc.unit_id:
        doc.hold_reason = unit_mismatch(s, uploader, out["units"])
    elif doc.unit_match is None or (doc.unit_match == "auto" and doc.unit_id is None):
        doc.unit_id = match_unit(s, out["units"])
        doc.unit_match = "auto" if doc.unit_id else None
    s.flush()
    supersede(s, doc)
    _index_text(s, doc)
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=doc.uploaded_by,
            kind="analyse",
            payload=json.dumps({"version": __version__}),
        )
    )
    s.commit()
    return doc


def ingest(
    s: Session, data: bytes, filename: str, actor: Actor, config: Config | None = None
) -> list[IngestItem]:
    """Store and analyse every report of an upload in this process (the CLI; the web uses the worker pool)."""
    items = store_upload(s, data, filename, actor)
    for item in items:
        if item.status != "queued" or item.duplicate:
            continue
        blob, source = stored_file(s, item.report_id)
        try:
            out = analyse_bytes(blob, source, config)
        except Exception as e:  # a bug in one stage must not lose the report
            out = {"status": "failed", "reason": f"{source}: 分析失败（{type(e).__name__}）"}
        try:
            doc = apply_result(s, item.report_id, out)
        except Exception as e:  # nothing half-written: the row stays, marked 失败 with the reason
            s.rollback()
            doc = apply_result(
                s,
                item.report_id,
                {"status": "failed", "reason": f"{source}: 保存分析结果失败（{type(e).__name__}）"},
            )
        item.status = doc.status
        if doc.status != "done":
            item.error = (
                doc.status_reason
                if doc.status_reason.startswith(source)
                else f"{source}: {doc.status_reason}"
            )
    return items


def _index_text(s: Session, doc: Document) -> None:
    if s.bind.dialect.name == "sqlite":
        s.execute(text("DELETE FROM report_fts WHERE rowid = :id"), {"id": doc.id})
        s.execute(text("INSERT INTO report_fts(rowid, text) VALUES (:id, :t)"), {"id": doc.id, "t": doc.text})


def reanalyze(s: Session, actor: Actor, report_id: int, config: Config | None = None) -> Document:
    """Analyse a stored report again (after a rule change); review decisions are kept by finding key."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    if doc.status == "too_large":
        raise BadInput(f"报告超出限制，不能重新分析：{doc.status_reason}")
    blob = s.get(Blob, doc.blob_sha)
    out = analyse_bytes(blob.data, doc.source, config)
    if out["status"] != "done":
        raise BadInput(out.get("reason") or "分析失败")
    doc = apply_result(s, doc.id, out)
    return doc


def requeue(s: Session, actor: Actor, report_id: int) -> Document:
    """Queue a stored report for analysis again (the web's 重新分析: the worker pool does it, not the request)."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    if doc.status == "too_large":
        raise BadInput(f"报告超出限制，不能重新分析：{doc.status_reason}")
    if doc.status not in PENDING:
        doc.status, doc.status_reason = "queued", ""
        s.commit()
    return doc


def original_file(s: Session, actor: Actor, report_id: int) -> tuple[str, bytes]:
    """The file name and the bytes of a report exactly as it was uploaded."""
    doc = get_document(s, actor, report_id)
    blob = s.get(Blob, doc.blob_sha)
    return doc.filename, blob.data


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
    if doc.status != "done":
        return {"report": doc_summary(doc), "result": None}
    result = json.loads(doc.result_json)
    states = {
        fs.finding_key: fs for fs in s.scalars(select(FindingState).where(FindingState.report_id == doc.id))
    }
    for f, key in zip(result["findings"], finding_keys(result["findings"]), strict=True):
        st = states.get(key)
        f["key"] = key
        f["review"] = (
            {"action": st.action, "comment": st.comment, "at": iso(st.at), "revision": st.revision}
            if st
            else None
        )
    if not actor.is_staff:  # a unit account sees the findings the reviewers accepted, nothing internal
        result["findings"] = [
            f for f in result["findings"] if f["review"] and f["review"]["action"] == "accepted"
        ]
        for f in result["findings"]:
            f["review"] = {"action": "accepted", "comment": f["review"]["comment"]}
    return {"report": doc_summary(doc), "result": result}


def analysed(view: dict) -> dict:
    """The analysis of a report view, or BadInput while it is 分析中 / 失败 / 超出限制."""
    if view["result"] is None:
        r = view["report"]
        raise BadInput(
            f"报告{r['status_zh']}，还没有分析结果"
            + (f"：{r['status_reason']}" if r["status_reason"] else "")
        )
    return view["result"]


def statuses(s: Session, actor: Actor, ids: list[int]) -> dict[int, dict]:
    """The analysis status of the given reports the actor may see (for pages that update themselves)."""
    q = select(Document.id, Document.status, Document.status_reason, Document.unit_id).where(
        Document.id.in_(ids)
    )
    out = {}
    for rid, st, reason, unit_id in s.execute(q):
        if actor.may_see(unit_id):
            out[rid] = {"status": st, "status_zh": ANALYSIS_ZH.get(st, st), "reason": reason}
    return out


def review_finding(
    s: Session,
    actor: Actor,
    report_id: int,
    key: str,
    action: str,
    comment: str = "",
    expected: int | None = None,
) -> FindingState:
    """Accept or dismiss one finding; the history keeps every decision.

    `expected` is the revision of the decision the reviewer saw (0: none yet); if someone decided since,
    Conflict (409) is raised instead of silently overwriting. None skips the check (last write wins).
    """
    require_staff(actor)
    if action not in FINDING_ACTIONS:
        raise BadInput(f"未知的处理方式：{action}")
    doc = get_document(s, actor, report_id)
    findings = json.loads(doc.result_json).get("findings", [])
    keys = finding_keys(findings)
    if key not in keys:
        raise NotFound(f"报告 {report_id} 没有问题 {key}")
    f = findings[keys.index(key)]
    values = {"action": action, "comment": comment, "user_id": actor.id, "at": utcnow()}
    where = (FindingState.report_id == doc.id, FindingState.finding_key == key)
    for _attempt in range(3):  # a concurrent first decision on the same finding: retry as an update
        cond = where if expected is None else (*where, FindingState.revision == expected)
        # One UPDATE of every column: a decision is written whole, never mixed with a concurrent one.
        if s.execute(
            update(FindingState).where(*cond).values(**values, revision=FindingState.revision + 1)
        ).rowcount:
            break
        current = s.scalar(select(FindingState).where(*where))
        if current is not None and expected is None:
            continue  # decided by someone between our UPDATE and this SELECT: last write wins, update it
        if current is not None or expected not in (None, 0):
            s.rollback()
            raise Conflict(_conflict_message(s, current))
        s.add(
            FindingState(
                report_id=doc.id, finding_key=key, rule=f["rule"], quote=f.get("quote"), revision=1, **values
            )
        )
        try:
            s.flush()
            break
        except IntegrityError:
            s.rollback()
            if expected is not None:
                raise Conflict(_conflict_message(s, s.scalar(select(FindingState).where(*where)))) from None
    else:
        raise BadInput("保存失败，请重试")
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=actor.id,
            kind="finding",
            payload=json.dumps({"key": key, "action": action, "comment": comment}, ensure_ascii=False),
        )
    )
    s.commit()
    return s.scalar(select(FindingState).where(*where).execution_options(populate_existing=True))


def _conflict_message(s: Session, st: FindingState | None) -> str:
    if st is None:
        return "该问题的处理状态已变化，请刷新后重试"
    who = s.get(User, st.user_id).username if st.user_id and s.get(User, st.user_id) else "其他审查人员"
    what = "采纳" if st.action == "accepted" else "排除"
    when = aware(st.at).astimezone(local_zone()).strftime("%Y-%m-%d %H:%M")
    return f"该问题已由 {who} 于 {when} {what}，您看到的是旧页面；请刷新后再决定"


def review_rule(s: Session, actor: Actor, report_id: int, rule: str, action: str, comment: str = "") -> int:
    """Accept or dismiss every finding of one rule in a report at once (240 ASCII commas); returns how many."""
    require_staff(actor)
    if action not in FINDING_ACTIONS:
        raise BadInput(f"未知的处理方式：{action}")
    doc = get_document(s, actor, report_id)
    findings = json.loads(doc.result_json).get("findings", [])
    chosen = [(k, f) for k, f in zip(finding_keys(findings), findings, strict=True) if f["rule"] == rule]
    if not chosen:
        raise NotFound(f"报告 {report_id} 没有规则 {rule} 的问题")
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=actor.id,
            kind="finding",
            payload=json.dumps(
                {"rule": rule, "keys": len(chosen), "action": action, "comment": comment}, ensure_ascii=False
            ),
        )
    )
    values = {"action": action, "comment": comment, "user_id": actor.id, "at": utcnow()}
    existing = set(
        s.scalars(
            select(FindingState.finding_key).where(
                FindingState.report_id == doc.id, FindingState.finding_key.in_([k for k, _ in chosen])
            )
        )
    )
    if existing:
        s.execute(
            update(FindingState)
            .where(FindingState.report_id == doc.id, FindingState.finding_key.in_(existing))
            .values(**values, revision=FindingState.revision + 1)
        )
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
    require_staff(actor)
    if verdict not in VERDICTS:
        raise BadInput(f"未知的审查结论：{verdict}")
    doc = get_document(s, actor, report_id)
    s.execute(
        update(Document)
        .where(Document.id == doc.id)
        .values(verdict=verdict, verdict_note=note, verdict_by=actor.id, verdict_at=utcnow())
    )
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=actor.id,
            kind="verdict",
            payload=json.dumps({"verdict": verdict, "note": note}, ensure_ascii=False),
        )
    )
    s.commit()
    s.refresh(doc)
    return doc


def set_unit(s: Session, actor: Actor, report_id: int, unit_id: int | None) -> Document:
    """Correct the match of a report to a registered unit."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    if unit_id is not None and (not valid_id(unit_id) or s.get(Unit, unit_id) is None):
        raise NotFound(f"单位 {unit_id} 不存在")
    doc.unit_id, doc.unit_match, doc.hold_reason = unit_id, "manual", ""
    s.add(
        ReviewEvent(
            report_id=doc.id, user_id=actor.id, kind="match", payload=json.dumps({"unit_id": unit_id})
        )
    )
    s.commit()
    return doc


def history(s: Session, actor: Actor, report_id: int) -> list[dict]:
    """Every review action on a report, oldest first."""
    doc = get_document(s, actor, report_id)
    rows = s.execute(
        select(ReviewEvent, User.username)
        .outerjoin(User, User.id == ReviewEvent.user_id)
        .where(ReviewEvent.report_id == doc.id)
        .order_by(ReviewEvent.id)
    )
    out = [{"kind": e.kind, "user": name, "at": iso(e.at), **json.loads(e.payload)} for e, name in rows]
    if not actor.is_staff:  # a unit sees what was decided for it, not who reviewed nor internal comments
        out = [
            {
                "kind": e["kind"],
                "user": None,
                "at": e["at"],
                **(
                    {"verdict": e["verdict"], "note": e["note"]}
                    if e["kind"] == "verdict"
                    else {"published": e.get("published")}
                ),
            }
            for e in out
            if e["kind"] in ("verdict", "publish")
        ]
    return out


# ---------------------------------------------------------------- listing, units and the season


def list_reports(s: Session, actor: Actor, year: int | None = None, unit_id: int | None = None) -> list[dict]:
    """Reports the actor may see, newest first."""
    check_year(year)
    if unit_id is not None and not valid_id(unit_id):
        raise BadInput("单位编号无效")
    q = (
        select(Document)
        .options(defer(Document.text), defer(Document.result_json))
        .where(Document.deleted_at.is_(None), Document.superseded_by.is_(None))
        .order_by(Document.id.desc())
    )
    q = visible(q, actor)
    if year:
        q = q.where(Document.year == year)
    if unit_id:
        q = q.where(Document.unit_id == unit_id)
    return [doc_summary(d) for d in s.scalars(q)]


def register_units(s: Session, actor: Actor, year: int, listing: str) -> list[Unit]:
    """Register the units expected to report for a year: one a line, `名称[,层级[,上级]]` (comma or tab)."""
    require_staff(actor)
    check_year(year)
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


def list_units(s: Session, actor: Actor | None = None) -> list[Unit]:
    """The registered units by pinyin (a unit account gets only its own)."""
    q = select(Unit) if actor is None else visible(select(Unit), actor, Unit.id)
    return sorted(s.scalars(q), key=lambda u: pinyin_key(u.name))


def season(
    s: Session, actor: Actor, year: int, config: Config | None = None, today: date | None = None
) -> dict:
    """Each expected unit's status for a year's reports, and the count-down to the deadlines."""
    require_staff(actor)
    check_year(year)
    cfg = config or Config()
    today = today or date.today()
    m, d = (int(x) for x in cfg.deadline_report.split("-"))
    due = date(year + 1, m, d)
    m, d = (int(x) for x in cfg.deadline_publish.split("-"))
    publish_due = date(year + 1, m, d)
    rows = []
    counts: Counter[str] = Counter()
    for exp in s.scalars(select(Expected).where(Expected.year == year)):
        docs = list(
            s.scalars(
                select(Document)
                .options(defer(Document.text), defer(Document.result_json))
                .where(
                    Document.unit_id == exp.unit_id,
                    Document.year == year,
                    Document.deleted_at.is_(None),
                    Document.hold_reason == "",
                )
            )
        )
        status = _status(docs, due)
        counts[status] += 1
        rows.append(
            {
                "unit_id": exp.unit_id,
                "unit": exp.unit.name,
                "level": exp.unit.level,
                "parent": exp.unit.parent,
                "status": status,
                "status_zh": STATUS_ZH[status],
                "reports": [x.id for x in docs if x.superseded_by is None],
            }
        )
    rows.sort(key=lambda r: (list(STATUS_ZH).index(r["status"]), pinyin_key(r["unit"])))
    return {
        "year": year,
        "deadline": due.isoformat(),
        "publish_deadline": publish_due.isoformat(),
        "days_left": (due - today).days,
        "publish_days_left": (publish_due - today).days,
        "counts": {k: counts.get(k, 0) for k in STATUS_ZH},
        "rows": rows,
    }


def _status(docs: list[Document], due: date) -> str:
    if not docs:
        return "not_received"
    if any(x.verdict != "pending" for x in docs):
        return "reviewed"
    if any(x.is_published for x in docs):
        return "published"
    first = min(received_on(x) for x in docs)
    return "received_late" if first > due else "received"
