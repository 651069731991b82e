"""What every part of the service shares: the actor, the errors, timestamps and a report's list row."""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from .models import Document, User

ROLES = ("admin", "reviewer", "unit")
VERDICTS = ("pending", "pass", "return")
FINDING_ACTIONS = ("accepted", "dismissed")
# A single upload (one file or one zip) larger than this is refused before it is read.
MAX_UPLOAD_BYTES = 50 * 1024 * 1024
# Deadlines are local dates: an upload is on time if it arrives by the deadline in the office's zone.
DEFAULT_TIMEZONE = "Asia/Shanghai"


class Forbidden(Exception):
    """The actor may not do this (HTTP 403)."""


class NotFound(Exception):
    """No such object (HTTP 404)."""


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
        return self.role in ("admin", "reviewer")


SYSTEM = Actor(None, "admin", None, "system")


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
    """The office's time zone (FAZHI_TIMEZONE, default Asia/Shanghai)."""
    return ZoneInfo(os.environ.get("FAZHI_TIMEZONE", DEFAULT_TIMEZONE))


def doc_summary(doc: Document) -> dict:
    """The list-row form of a report."""
    return {
        "id": doc.id, "filename": doc.filename, "source": doc.source, "title": doc.title,
        "unit_id": doc.unit_id, "unit": doc.unit.name if doc.unit else None, "detected_unit": doc.detected_unit,
        "unit_match": doc.unit_match, "unit_level": doc.unit_level, "year": doc.year, "date": doc.signed_date,
        "published_date": doc.published_date, "uploaded_at": iso(doc.uploaded_at),
        "score": doc.score, "errors": doc.n_error, "warnings": doc.n_warning, "infos": doc.n_info,
        "parts_missing": doc.parts_missing, "verdict": doc.verdict, "verdict_note": doc.verdict_note,
        "is_published": doc.is_published,
    }
