"""Analysis of one stored report as plain data: runs in a child process, so a report cannot stall the server.

`analyse_bytes` is what a worker runs (read, analyse, flatten to the columns the store keeps);
`run_limited` runs it in a fresh process with a time and a memory limit and says what happened.
"""

from __future__ import annotations

import json
import multiprocessing
import resource
from collections import Counter
from dataclasses import dataclass
from typing import Any

from .. import __version__
from ..config import Config

# A report's text longer than this is refused before analysis: real reports are 10-60k characters, and
# analysis time grows faster than the text (1 MB 7 s, 4 MB 70-100 s measured in issue 10).
MAX_TEXT_CHARS = 1_000_000
# One stored file (a zip member or a single upload) larger than this is not analysed: a report, even a
# scanned PDF, is far smaller; the zips of the text-bomb attack carried 60 MB members.
MAX_REPORT_BYTES = 30 * 1024 * 1024
# Wall-clock limit of one analysis; a 1 MB text takes ~7 s, so this leaves room on a loaded machine.
ANALYSIS_TIMEOUT_S = 120.0
# Address-space limit of the analysing child: a reader or a rule that runs away is stopped at this size.
ANALYSIS_MEMORY_BYTES = 1536 * 1024 * 1024


@dataclass(frozen=True)
class Limits:
    """The limits one analysis runs under."""

    timeout_s: float = ANALYSIS_TIMEOUT_S
    memory_bytes: int = ANALYSIS_MEMORY_BYTES
    max_chars: int = MAX_TEXT_CHARS


class TooLarge(Exception):
    """The report is over a limit (status 超出限制)."""


def mb(n: int) -> str:
    """A byte count as MB for messages."""
    return f"{n / 2**20:.0f} MB" if n >= 2**20 else f"{max(1, n // 1024)} KB"


def analyse_bytes(data: bytes, source: str, config: Config | None, max_chars: int = MAX_TEXT_CHARS) -> dict:
    """Read and analyse one stored file; the columns of its row, its indicator rows and detected units."""
    from ..ingest import ReadError, read_bytes
    from ..pipeline import analyze_raw

    try:
        raw = read_bytes(data, source)
    except ReadError as e:
        return {"status": "failed", "reason": str(e)}
    if len(raw.text) > max_chars:
        return {
            "status": "too_large",
            "reason": f"正文 {len(raw.text):,} 字，超过单份报告上限 {max_chars:,} 字，未分析",
        }
    report = analyze_raw(raw, config)
    d = report.to_dict()
    sev = Counter(f["severity"] for f in d["findings"])
    fields = {
        "detected_unit": report.unit,
        "unit_level": report.unit_level.value,
        "year": report.year,
        "title": report.title,
        "signed_date": report.date,
        "published_date": report.published,
        "text": report.text,
        "result_json": json.dumps(d, ensure_ascii=False),
        "analyzer_version": __version__,
        "score": (report.score or {}).get("total"),
        "n_error": sev["error"],
        "n_warning": sev["warning"],
        "n_info": sev["info"],
        "parts_missing": sum(
            1 for k, p in report.parts.items() if p.status.value == "missing" and k != "other"
        ),
    }
    indicators = [
        {
            "indicator": i.id,
            "name": i.name,
            "value": float(i.value),
            "unit": i.unit,
            "qualifier": i.qualifier.value,
            "quote": report.text[i.start : i.end],
            "start": i.start,
            "end": i.end,
        }
        for i in report.indicators
    ]
    return {"status": "done", "fields": fields, "indicators": indicators, "units": list(report.units)}


def _child(conn, data: bytes, source: str, config: Config | None, limits: Limits) -> None:
    """The child's side: limit its own memory, analyse, send the result (or the error) back."""
    try:
        resource.setrlimit(resource.RLIMIT_AS, (limits.memory_bytes, limits.memory_bytes))
    except (ValueError, OSError):  # pragma: no cover - a platform without RLIMIT_AS
        pass
    try:
        out = analyse_bytes(data, source, config, limits.max_chars)
    except MemoryError:
        out = {"status": "too_large", "reason": f"分析所需内存超过上限 {mb(limits.memory_bytes)}，已停止"}
    except Exception as e:  # a bug in one stage must not lose the report: it is kept with the reason
        out = {"status": "failed", "reason": f"{source}: 分析失败（{type(e).__name__}: {str(e)[:200]}）"}
    try:
        conn.send(out)
    except MemoryError:
        conn.send({"status": "too_large", "reason": f"分析结果过大，超过内存上限 {mb(limits.memory_bytes)}"})
    conn.close()


_CTX: Any = None


def _context():
    """A forkserver context with the analyzer preloaded: each job forks a warm, single-threaded process."""
    global _CTX
    if _CTX is None:
        ctx = multiprocessing.get_context("forkserver")
        ctx.set_forkserver_preload(["fazhi.pipeline", "fazhi.ingest"])
        _CTX = ctx
    return _CTX


def run_limited(data: bytes, source: str, config: Config | None, limits: Limits) -> dict:
    """analyse_bytes in a child process that is killed at the time limit and capped in memory."""
    ctx = _context()
    recv, send = ctx.Pipe(duplex=False)
    p = ctx.Process(target=_child, args=(send, data, source, config, limits), daemon=True)
    p.start()
    send.close()
    try:
        if recv.poll(limits.timeout_s):
            try:
                return recv.recv()
            except (EOFError, OSError):
                p.join(5)
                return {
                    "status": "failed",
                    "reason": f"{source}: 分析进程意外退出（退出码 {p.exitcode}），可能超出内存上限",
                }
        return {"status": "too_large", "reason": f"分析超过 {limits.timeout_s:.0f} 秒仍未完成，已停止"}
    finally:
        recv.close()
        if p.is_alive():
            p.kill()
        p.join(5)
