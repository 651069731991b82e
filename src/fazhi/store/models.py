"""Database models of the review workspace (SQLAlchemy 2; schema changes go through Alembic)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship


def utcnow() -> datetime:
    """Timezone-aware now, the only clock the store uses."""
    return datetime.now(UTC)


class Base(DeclarativeBase):
    """Declarative base of every table."""


class Unit(Base):
    """A body expected to report (乡镇、街道、部门……)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    level: Mapped[str] = mapped_column(String(20), default="unknown")
    parent: Mapped[str | None] = mapped_column(String(200))
    aliases: Mapped[str] = mapped_column(Text, default="")  # one alias a line
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class User(Base):
    """An account: admin, reviewer, or unit (sees only its own unit's reports)."""

    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), unique=True)
    password_hash: Mapped[str] = mapped_column(String(255))
    role: Mapped[str] = mapped_column(String(20))
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    token_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Bumped by logout-everywhere, password change and disabling: sessions carry it and die when it moves.
    session_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    unit: Mapped[Unit | None] = relationship()


class Blob(Base):
    """Original file bytes, stored once per content hash."""

    __tablename__ = "blobs"
    sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    data: Mapped[bytes] = mapped_column(LargeBinary)
    size: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Document(Base):
    """One received report: its file, its latest analysis, its match to a unit and its review state."""

    __tablename__ = "reports"
    id: Mapped[int] = mapped_column(primary_key=True)
    blob_sha: Mapped[str] = mapped_column(ForeignKey("blobs.sha256"))
    filename: Mapped[str] = mapped_column(String(500))
    source: Mapped[str] = mapped_column(String(1000))
    uploaded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    uploaded_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"))
    unit_match: Mapped[str | None] = mapped_column(String(20))  # auto | manual
    detected_unit: Mapped[str | None] = mapped_column(String(500))
    unit_level: Mapped[str] = mapped_column(String(20), default="unknown")
    year: Mapped[int | None] = mapped_column(Integer)
    title: Mapped[str | None] = mapped_column(String(500))
    signed_date: Mapped[str | None] = mapped_column(String(10))
    published_date: Mapped[str | None] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    result_json: Mapped[str] = mapped_column(Text, default="{}")
    analyzer_version: Mapped[str] = mapped_column(String(40), default="")
    score: Mapped[float | None] = mapped_column(Float)
    n_error: Mapped[int] = mapped_column(Integer, default=0)
    n_warning: Mapped[int] = mapped_column(Integer, default=0)
    n_info: Mapped[int] = mapped_column(Integer, default=0)
    parts_missing: Mapped[int] = mapped_column(Integer, default=0)
    verdict: Mapped[str] = mapped_column(String(20), default="pending")  # pending | pass | return
    verdict_note: Mapped[str] = mapped_column(Text, default="")
    verdict_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    verdict_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    is_published: Mapped[bool] = mapped_column(Boolean, default=False)
    published_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    # Analysis runs outside the request: queued | analysing | done | failed | too_large (reason in Chinese).
    status: Mapped[str] = mapped_column(String(20), default="queued", index=True)
    status_reason: Mapped[str] = mapped_column(Text, default="")
    received_date: Mapped[str | None] = mapped_column(String(10))  # the date the office received it, if known
    deleted_at: Mapped[datetime | None] = mapped_column(DateTime(timezone=True))
    deleted_by: Mapped[int | None] = mapped_column(Integer)
    version_no: Mapped[int] = mapped_column(Integer, default=1)
    superseded_by: Mapped[int | None] = mapped_column(Integer)  # the newer version of the same unit and year
    hold_reason: Mapped[str] = mapped_column(
        Text, default=""
    )  # non-empty: held for a reviewer (unit mismatch)
    unit: Mapped[Unit | None] = relationship()
    __table_args__ = (Index("ix_reports_year_unit", "year", "unit_id"),)


class FindingState(Base):
    """The current review decision on one finding, keyed so it survives re-analysis."""

    __tablename__ = "finding_states"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"))
    finding_key: Mapped[str] = mapped_column(String(100))
    rule: Mapped[str] = mapped_column(String(10))
    quote: Mapped[str | None] = mapped_column(Text)
    action: Mapped[str] = mapped_column(String(20))  # accepted | dismissed
    comment: Mapped[str] = mapped_column(Text, default="")
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)
    revision: Mapped[int] = mapped_column(Integer, default=1)  # optimistic concurrency: a stale page gets 409
    __table_args__ = (UniqueConstraint("report_id", "finding_key", name="uq_finding_state"),)


class ReviewEvent(Base):
    """Append-only history of every review action (nothing is ever overwritten here)."""

    __tablename__ = "review_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    kind: Mapped[str] = mapped_column(String(20))  # finding | verdict | match | publish | analyse
    payload: Mapped[str] = mapped_column(Text, default="{}")
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=utcnow)


class Expected(Base):
    """A unit expected to report for a year (the season's roll)."""

    __tablename__ = "season_units"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    unit_id: Mapped[int] = mapped_column(ForeignKey("units.id", ondelete="CASCADE"))
    unit: Mapped[Unit] = relationship()
    __table_args__ = (UniqueConstraint("year", "unit_id", name="uq_season_unit"),)


class IndicatorRow(Base):
    """One indicator occurrence of a report's latest analysis (for the corpus table and exports)."""

    __tablename__ = "indicator_rows"
    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("reports.id", ondelete="CASCADE"), index=True)
    indicator: Mapped[str] = mapped_column(String(60), index=True)
    name: Mapped[str] = mapped_column(String(100))
    value: Mapped[float] = mapped_column(Float)
    unit: Mapped[str] = mapped_column(String(20))
    qualifier: Mapped[str] = mapped_column(String(20))
    quote: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
