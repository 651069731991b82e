"""The analysis pool: a few threads in the app, each running one report at a time in a limited child process.

The reports table is the queue (status 分析中): a thread claims a row with one conditional UPDATE, so two
server processes never analyse the same report, and rows left over by a stopped server are picked up
again. Threads start on demand and stop when there has been nothing to do for a while.
"""

from __future__ import annotations

import logging
import queue
import threading
import time

from sqlalchemy import select, update
from sqlalchemy.orm import Session, sessionmaker

from ..config import Config
from . import common, service
from .analysis import Limits, run_limited
from .models import Document

log = logging.getLogger(__name__)

# Two analyses at once: the machine keeps cores for the requests (analysis is CPU-bound).
DEFAULT_WORKERS = 2
# An idle thread looks for queued rows (from another server process) this often, and stops after IDLE_EXIT_S.
POLL_S = 2.0
IDLE_EXIT_S = 60.0


class AnalysisPool:
    """Analyse queued reports outside the request, under per-report time and memory limits."""

    def __init__(
        self,
        make_session: sessionmaker[Session],
        config: Config | None = None,
        workers: int = DEFAULT_WORKERS,
        limits: Limits | None = None,
    ):
        self.make_session = make_session
        self.config = config
        self.workers = max(1, workers)
        self.limits = limits or Limits()
        self.jobs: queue.Queue[int] = queue.Queue()
        self.lock = threading.Lock()
        self.threads: list[threading.Thread] = []
        self.stopping = False

    def submit(self, report_id: int) -> None:
        """Queue a stored report for analysis."""
        self.jobs.put(report_id)
        self._ensure_threads()

    def resume(self) -> int:
        """Queue again the rows a stopped server left 分析中; returns how many."""
        with self.make_session() as s:
            s.execute(update(Document).where(Document.status == "analysing").values(status="queued"))
            s.commit()
            ids = list(
                s.scalars(select(Document.id).where(Document.status == "queued").order_by(Document.id))
            )
        for rid in ids:
            self.submit(rid)
        return len(ids)

    def _ensure_threads(self) -> None:
        with self.lock:
            self.threads = [t for t in self.threads if t.is_alive()]
            while len(self.threads) < min(self.workers, max(1, self.jobs.qsize())) and not self.stopping:
                t = threading.Thread(target=self._loop, name="fazhi-analysis", daemon=True)
                self.threads.append(t)
                t.start()

    def _loop(self) -> None:
        idle = 0.0
        while not self.stopping:
            try:
                rid: int | None = self.jobs.get(timeout=POLL_S)
            except queue.Empty:
                rid = self._next_queued()
            if rid is None:
                idle += POLL_S
                if idle >= IDLE_EXIT_S:
                    with self.lock:
                        if self.jobs.empty():
                            return
                continue
            idle = 0.0
            try:
                self.run_one(rid)
            except Exception:  # logged; the row keeps a reason below
                log.exception("analysis of report %s failed", rid)
                try:
                    self._mark(rid, "failed", "分析时出现内部错误，请联系管理员或重新分析")
                except Exception:  # the database itself is gone (a restart, a dropped test database)
                    log.exception("could not mark report %s as failed", rid)

    def _next_queued(self) -> int | None:
        try:
            with self.make_session() as s:
                return s.scalar(
                    select(Document.id).where(Document.status == "queued").order_by(Document.id).limit(1)
                )
        except Exception:  # the database went away (tests dropping it, a restart): try again later
            return None

    def _claim(self, s: Session, rid: int) -> bool:
        res = s.execute(
            update(Document).where(Document.id == rid, Document.status == "queued").values(status="analysing")
        )
        s.commit()
        return res.rowcount == 1

    def run_one(self, rid: int) -> str | None:
        """Claim and analyse one report; its final status (None if another worker had it)."""
        with self.make_session() as s:
            if not self._claim(s, rid):
                return None
            data, source = service.stored_file(s, rid)
        out = run_limited(data, source, self.config, self.limits)
        del data
        with self.make_session() as s:
            doc = service.apply_result(s, rid, out)
            return doc.status if doc else None

    def _mark(self, rid: int, status: str, reason: str) -> None:
        with self.make_session() as s:
            s.execute(update(Document).where(Document.id == rid).values(status=status, status_reason=reason))
            s.commit()

    def wait_idle(self, timeout: float = 60.0) -> bool:
        """Wait until no report is 分析中 (tests and the CLI); False on timeout."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            with self.make_session() as s:
                left = s.scalar(select(Document.id).where(Document.status.in_(common.PENDING)).limit(1))
            if left is None:
                return True
            time.sleep(0.05)
        return False

    def close(self) -> None:
        """Stop the threads (a running analysis finishes or hits its limit first)."""
        self.stopping = True
        for t in list(self.threads):
            t.join(self.limits.timeout_s + 5)
