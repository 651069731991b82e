"""A report's life in the office: unit matching and holds, versions, received date, deletion, the season's list."""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from .common import (
    YEAR_MAX,
    YEAR_MIN,
    Actor,
    BadInput,
    aware,
    check_year,
    doc_summary,
    get_document,
    local_zone,
    require_staff,
    valid_id,
)
from .models import Document, Expected, ReviewEvent, Unit, User, utcnow


def match_unit(
    s: Session, detected: tuple[str, ...] | list[str], units: list[Unit] | None = None
) -> int | None:
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


def unit_mismatch(s: Session, uploader: User, detected: list[str]) -> str:
    """Why a unit account's upload is held: the text names another unit than the account's ("" if not)."""
    own = s.get(Unit, uploader.unit_id)
    names = [d for d in detected if d]
    if own is None or not names or match_unit(s, names, [own]) is not None:
        return ""
    return (
        f"报告署名“{'、'.join(names[:3])}”与上传账号所属单位“{own.name}”不一致，"
        "已暂存，待审查人员确认单位后计入报送进度"
    )


def supersede(s: Session, doc: Document) -> None:
    """A newer report of the same unit and year becomes the current version; older ones are kept."""
    if (
        doc.status != "done"
        or doc.unit_id is None
        or doc.year is None
        or doc.deleted_at is not None
        or doc.hold_reason
    ):
        return
    older = list(
        s.scalars(
            select(Document).where(
                Document.unit_id == doc.unit_id,
                Document.year == doc.year,
                Document.id != doc.id,
                Document.deleted_at.is_(None),
                Document.status == "done",
                Document.hold_reason == "",
                Document.superseded_by.is_(None),
                Document.id < doc.id,
            )
        )
    )
    for old in older:
        old.superseded_by = doc.id
    if older:
        doc.version_no = max(o.version_no for o in older) + 1
        s.flush()


def versions(s: Session, actor: Actor, report_id: int) -> list[dict]:
    """Every version of a report's unit and year, newest first (the old ones stay viewable)."""
    doc = get_document(s, actor, report_id)
    if doc.unit_id is None or doc.year is None:
        return [doc_summary(doc)]
    q = (
        select(Document)
        .where(
            Document.unit_id == doc.unit_id,
            Document.year == doc.year,
            Document.deleted_at.is_(None),
            Document.status == "done",
        )
        .order_by(Document.id.desc())
    )
    return [doc_summary(d) for d in s.scalars(q)]


def set_received(s: Session, actor: Actor, report_id: int, received: str | None) -> Document:
    """The date the office actually received the report (lateness is judged by it when set)."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    if received:
        try:
            day = date.fromisoformat(received)
        except ValueError as e:
            raise BadInput("收到日期格式应为 YYYY-MM-DD") from e
        if not YEAR_MIN <= day.year <= YEAR_MAX + 1:
            raise BadInput("收到日期超出范围")
        received = day.isoformat()
    doc.received_date = received or None
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=actor.id,
            kind="received",
            payload=json.dumps({"received_date": doc.received_date}),
        )
    )
    s.commit()
    return doc


def delete_report(s: Session, actor: Actor, report_id: int, reason: str = "") -> Document:
    """Soft delete: the report leaves every list, its file and history are kept, the deletion is recorded."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    doc.deleted_at, doc.deleted_by = utcnow(), actor.id
    s.add(
        ReviewEvent(
            report_id=doc.id,
            user_id=actor.id,
            kind="delete",
            payload=json.dumps({"reason": reason}, ensure_ascii=False),
        )
    )
    older = list(
        s.scalars(select(Document).where(Document.superseded_by == doc.id).order_by(Document.id.desc()))
    )
    for o in older:  # the newest older version becomes current again
        o.superseded_by = older[0].id if o is not older[0] else None
    s.commit()
    return doc


def set_published(s: Session, actor: Actor, report_id: int, published: bool = True) -> Document:
    """Mark a report as published to the public."""
    require_staff(actor)
    doc = get_document(s, actor, report_id)
    doc.is_published, doc.published_at = published, (utcnow() if published else None)
    s.add(
        ReviewEvent(
            report_id=doc.id, user_id=actor.id, kind="publish", payload=json.dumps({"published": published})
        )
    )
    s.commit()
    return doc


def remove_expected(s: Session, actor: Actor, year: int, unit_id: int) -> bool:
    """Take a unit off a year's list of expected reports (its reports stay); False if it was not on it."""
    require_staff(actor)
    check_year(year)
    row = (
        s.scalar(select(Expected).where(Expected.year == year, Expected.unit_id == unit_id))
        if valid_id(unit_id)
        else None
    )
    if row is None:
        return False
    s.delete(row)
    s.commit()
    return True


def received_on(doc: Document) -> date:
    """The local date a report was received: the date a reviewer entered, else the upload's date."""
    if doc.received_date:
        return date.fromisoformat(doc.received_date)
    return aware(doc.uploaded_at).astimezone(local_zone()).date()
