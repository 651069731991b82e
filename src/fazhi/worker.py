"""A worker process for analyses under a time limit: a file that takes too long is stopped, not waited for.

The worker is a separate process fed file names through a pipe; it reads each file (a slow reader is
under the limit too) and sends back its reports one by one. When a file runs past the limit the process is
ended (a thread cannot be stopped; a regex or a pathological input can hold one for ever) and the next
file gets a fresh one. A single-threaded parent (`fazhi analyze`) forks the worker directly, which costs
milliseconds; a parent with threads (Rich's progress bar) starts it from a forkserver that has fazhi
imported, so the child never inherits a lock held by another thread. A pool is any number of Worker
objects fed in turn.
"""

from __future__ import annotations

import multiprocessing
import signal
import threading
from collections.abc import Callable, Iterable, Iterator
from multiprocessing.connection import Connection
from typing import TYPE_CHECKING

from .ingest import RawDocument, ReadError

if TYPE_CHECKING:
    from .config import Config
    from .model import Report

    Analyze = Callable[[list[str], Config], Iterable[Report | ReadError]]
    AnalyzeRaw = Callable[[RawDocument, Config], Report]

# Seconds a new worker may take to start and warm up (import the rules, build their automata) before
# it counts as broken; not part of any file's time limit.
START_TIMEOUT = 120.0
# A tiny report the worker analyses before taking work, so that building the rule automata is not
# charged to the first file's time limit.
WARM_UP_TEXT = "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n开展法治培训3次。"


def _context():
    methods = multiprocessing.get_all_start_methods()
    if "forkserver" not in methods:  # Windows: spawn is all there is
        return multiprocessing.get_context("spawn")
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    ctx = multiprocessing.get_context("forkserver")
    ctx.set_forkserver_preload(["fazhi.pipeline"])
    return ctx


def _serve(conn: Connection, analyze_file: Analyze, analyze_raw: AnalyzeRaw) -> None:
    """The worker's loop: (path, Config) in; for each report in the file ("report", Report) or
    ("error", source, reason), then ("done",). The analysis functions are the pipeline's (passed in:
    this module sits below the pipeline, which uses it)."""
    from .config import Config

    signal.signal(
        signal.SIGINT, signal.SIG_IGN
    )  # Ctrl-C is the parent's: it ends the worker, no second traceback
    analyze_raw(RawDocument(source="<warm-up>", text=WARM_UP_TEXT, format="txt"), Config())
    conn.send(("ready",))
    while True:
        try:
            path, cfg = conn.recv()
        except (EOFError, OSError):
            return
        try:
            for item in analyze_file([path], cfg):
                if isinstance(item, ReadError):
                    conn.send(("error", item.source, item.reason))
                    continue
                try:
                    conn.send(("report", item))
                except Exception as e:  # a report that cannot be sent (pickling): reported for this file
                    conn.send(("error", item.source, f"分析失败（{type(e).__name__}: {e}）"))
        except Exception as e:  # a reader bug outside the readers' own error handling
            conn.send(("error", path, f"读取失败（{type(e).__name__}: {e}）"))
        conn.send(("done",))


class Worker:
    """One process that reads and analyses files with the given pipeline functions, started on first use
    and replaced after a timeout or a crash."""

    def __init__(self, analyze_file: Analyze, analyze_raw: AnalyzeRaw) -> None:
        self._analyze = (analyze_file, analyze_raw)
        self._proc = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        ctx = _context()
        parent, child = ctx.Pipe()
        self._proc = ctx.Process(
            target=_serve, args=(child, *self._analyze), daemon=True, name="fazhi-worker"
        )
        self._proc.start()
        child.close()
        self._conn = parent
        if not parent.poll(START_TIMEOUT) or parent.recv()[0] != "ready":
            self.close()
            raise RuntimeError("分析进程无法启动")
        return parent

    def run(self, path: str, cfg: Config) -> Iterator[Report | ReadError]:
        """The reports of one file (one per member of a zip), each due within cfg.time_limit seconds;
        a file past the limit, or a worker that dies, gives a one-line ReadError and a fresh worker."""
        done = False
        try:
            conn = self._conn if self._proc is not None and self._proc.is_alive() else self._start()
            conn.send((path, cfg))
            while True:
                if not conn.poll(cfg.time_limit or None):
                    self.close()
                    yield ReadError(
                        path,
                        f"分析超时（超过 {cfg.time_limit:g} 秒），已跳过；可在 fazhi.toml 的 [limits] 中调大 timeout",
                    )
                    return
                msg = conn.recv()
                if msg[0] == "done":
                    done = True
                    return
                yield msg[1] if msg[0] == "report" else ReadError(msg[1], msg[2])
        except (EOFError, OSError, RuntimeError) as e:  # the worker died (out of memory, killed)
            self.close()
            done = True
            yield ReadError(path, f"分析失败（分析进程意外退出：{type(e).__name__}）")
        finally:
            if not done:  # the caller stopped reading mid-file: the worker's pending replies are stale
                self.close()

    def close(self) -> None:
        """End the worker process (a running analysis is killed)."""
        if self._conn is not None:
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            if self._proc.is_alive():
                self._proc.kill()
            self._proc.join()
            self._proc = None
