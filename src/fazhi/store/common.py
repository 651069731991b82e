"""What every part of the service shares: the actor, the errors, timestamps and a report's list row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import Select
from sqlalchemy.orm import Session

from ..settings import env
from ..vocab import ANALYSIS_ZH, FINDING_ACTIONS, PENDING, ROLES, STAFF_ROLES, VERDICTS  # noqa: F401 (imported from here)
from .models import Document, User

# A single upload (one file or one zip) larger than this is refused before it is read.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Input limits, in one place for pages, API and service (issue 10: out-of-range numbers gave 500s).
YEAR_MIN, YEAR_MAX = (
    1990,
    2100,
)  # report years the office deals with; the deadline arithmetic needs a real date
MAX_ID = 2**31 - 1  # PostgreSQL `integer`; SQLite overflows past 2**63
COMMENT_MAX = 2000  # a comment on one finding
NOTE_MAX = 10000  # the verdict's notes
LISTING_MAX = 200_000  # a pasted list of units
QUERY_MAX = 100  # a search term


class Forbidden(Exception):
    """The actor may not do this (HTTP 403)."""


class NotFound(Exception):
    """No such object (HTTP 404)."""


class Conflict(Exception):
    """Someone changed the object since the page was loaded (HTTP 409): reload and decide again."""


class BadInput(ValueError):
    """The request cannot be carried out as given (HTTP 400)."""


@dataclass(frozen=True)
class Actor:
    """Who is acting: a user's id, role and (for unit accounts) unit."""

    id: int | None
    role: str
    unit_id: int | None = None
    username: str = ""

    @classmethod
    def of(cls, user: User) -> Actor:
        """The actor for a stored user."""
        return cls(user.id, user.role, user.unit_id, user.username)

    @property
    def is_staff(self) -> bool:
        """Admins and reviewers see every report."""
        return self.role in STAFF_ROLES

    def may_see(self, unit_id: int | None) -> bool:
        """Whether a row of this unit is visible: staff see every unit's, a unit account only its own."""
        return self.is_staff or unit_id == self.unit_id


SYSTEM = Actor(None, "admin", None, "system")


def visible(q: Select, actor: Actor, unit_column: Any = None) -> Select:
    """The query limited to what the actor may see: a unit account only its own unit's rows.

    `unit_column` is the column holding the unit (default: the report's `Document.unit_id`).
    """
    if actor.is_staff:
        return q
    return q.where((Document.unit_id if unit_column is None else unit_column) == actor.unit_id)


def check_year(year: int | None) -> int | None:
    """A report year within the limits, else BadInput (400)."""
    if year is not None and not YEAR_MIN <= year <= YEAR_MAX:
        raise BadInput(f"年度应在 {YEAR_MIN}–{YEAR_MAX} 之间")
    return year


def upload_limit(configured: int | None = None) -> int:
    """The size limit of one upload in bytes: the app's setting when given, else MAX_UPLOAD_BYTES."""
    return configured or MAX_UPLOAD_BYTES


def upload_too_large(size: int, configured: int | None = None, show_size: bool = False) -> str | None:
    """Why an upload of `size` bytes is refused (`文件过大（上限 50 MB）`), or None when it is within the limit."""
    limit = upload_limit(configured)
    if size <= limit:
        return None
    return (
        f"文件过大（{size // 2**20} MB，上限 {limit // 2**20} MB）"
        if show_size
        else f"文件过大（上限 {limit // 2**20} MB）"
    )


def valid_id(value: int | None) -> bool:
    """Whether a number can be a row id (1 … MAX_ID)."""
    return value is not None and 1 <= value <= MAX_ID


def aware(dt: datetime | None) -> datetime | None:
    """A stored timestamp as UTC-aware (SQLite hands back naive UTC, PostgreSQL aware)."""
    if dt is None:
        return None
    return dt.replace(tzinfo=UTC) if dt.tzinfo is None else dt.astimezone(UTC)


def iso(dt: datetime | None) -> str | None:
    """ISO form of a stored timestamp, always with its UTC offset."""
    a = aware(dt)
    return a.isoformat() if a else None


def local_zone() -> ZoneInfo:
    """The office's time zone (FAZHI_TIMEZONE, default Asia/Shanghai): deadlines are its local dates."""
    return ZoneInfo(env("FAZHI_TIMEZONE"))


def doc_summary(doc: Document) -> dict:
    """The list-row form of a report."""
    return {
        "id": doc.id,
        "filename": doc.filename,
        "source": doc.source,
        "title": doc.title,
        "unit_id": doc.unit_id,
        "unit": doc.unit.name if doc.unit else None,
        "detected_unit": doc.detected_unit,
        "unit_match": doc.unit_match,
        "unit_level": doc.unit_level,
        "year": doc.year,
        "date": doc.signed_date,
        "published_date": doc.published_date,
        "uploaded_at": iso(doc.uploaded_at),
        "score": doc.score,
        "errors": doc.n_error,
        "warnings": doc.n_warning,
        "infos": doc.n_info,
        "parts_missing": doc.parts_missing,
        "verdict": doc.verdict,
        "verdict_note": doc.verdict_note,
        "is_published": doc.is_published,
        "status": doc.status,
        "status_zh": ANALYSIS_ZH.get(doc.status, doc.status),
        "status_reason": doc.status_reason,
        "received_date": doc.received_date,
        "version": doc.version_no,
        "superseded_by": doc.superseded_by,
        "hold_reason": doc.hold_reason,
    }


def require_staff(actor: Actor) -> None:
    """Only admins and reviewers may do this (403 otherwise)."""
    if not actor.is_staff:
        raise Forbidden("只有审查人员可以进行此操作")


def get_document(s: Session, actor: Actor, report_id: int) -> Document:
    """A report the actor may see (403 for another unit's report, 404 if absent)."""
    doc = s.get(Document, report_id) if valid_id(report_id) else None
    if doc is None or doc.deleted_at is not None:
        raise NotFound(f"报告 {report_id} 不存在" if doc is None else f"报告 {report_id} 已删除")
    if not actor.may_see(doc.unit_id):
        raise Forbidden("无权查看其他单位的报告")
    return doc
