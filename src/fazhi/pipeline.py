"""The analysis cascade.

analyze() runs these stages in order, each a plain function over the Analysis being built (the
working state, analysis.py), and returns its frozen result, the Report (model.py):
  1. read        — bytes to RawDocument (fazhi.ingest)
  2. normalize   — canonical text + offset map (fazhi.normalize)
  3. frame       — title block, addressee, signature and date, body span (fazhi.meta)
  4. outline     — heading tree (fazhi.outline)
  5. metadata    — title, unit, level, year, date (fazhi.meta)
  6. parts       — the five statutory parts (fazhi.parts)
  7. indicators  — quantities mapped to the taxonomy (fazhi.indicators)
  8. rules       — findings of the rule catalogue (fazhi.rules)
  9. score       — quality score (fazhi.scoring)
Each stage declares what it requires and assigns; check_order() proves the order at import, and
tests/test_spine.py that every stage and rule reads and writes only what is declared.
"""

from __future__ import annotations

import os
import queue
import re
import threading
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from . import furniture
from . import meta as meta_mod
from . import outline as outline_mod
from .analysis import Analysis
from .config import Config
from .ingest import NOT_FOUND, RawDocument, ReadError, iter_inputs, read_bytes, read_path
from .ingest.archive import walk_dir
from .ingest.sniff import REPORT_SUFFIXES, suffix_of
from .model import Report
from .normalize import normalize
from .text import lines_with_offsets
from .worker import Worker

# A string given to analyze() is taken for a file name only when it is one short line: longer than
# this (Linux's NAME_MAX plus room for a directory), or with sentence punctuation, it is a report's text.
PATH_MAX_CHARS = 300
SENTENCE_MARKS_RE = re.compile("[。，；：！？]")
# Suffixes that make a string a file name: the readers' own and the other office and image files.
PATH_SUFFIXES = REPORT_SUFFIXES | {
    ".rtf",
    ".odt",
    ".mht",
    ".mhtml",
    ".xhtml",
    ".shtml",
    ".jpg",
    ".jpeg",
    ".png",
    ".tif",
    ".tiff",
    ".bmp",
}


@dataclass(frozen=True)
class Stage:
    """One step of the cascade."""

    name: str
    fn: Callable[[Analysis, RawDocument], None]
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


def _frame(r: Analysis, raw: RawDocument) -> None:
    f = meta_mod.find_frame(r.text)
    r.title_span, r.addressee_span = f.title_span, f.addressee_span
    r.signature_span, r.date_span, r.body_span = f.signature_span, f.date_span, f.body
    r.frame = f


def _outline(r: Analysis, raw: RawDocument) -> None:
    heads = outline_mod.find_headings(r.text, r.body_span)
    r.outline = outline_mod.to_sections(outline_mod.build_tree(heads, r.body_span[1]), r.text)
    r.paragraphs = tuple(
        (s, e) for s, e in lines_with_offsets(r.text) if s >= r.body_span[0] and e <= r.body_span[1] and e > s
    )


def _metadata(r: Analysis, raw: RawDocument) -> None:
    f = r.frame
    t = r.text
    if r.title_span:
        # issuing organs typeset above `关于…` belong to the title: its lines are joined
        r.title = "".join(line.strip() for line in t[r.title_span[0] : r.title_span[1]].split("\n"))
    else:
        # The contract: the title or null; a guess (page title, `标题：` row, a telling file name) is
        # offered apart as `inferred_title`.
        page_title = raw.meta.get("article_title") or raw.html_title or furniture.row_value(raw.text, "标题")
        r.inferred_title = meta_mod.fallback_title(raw.source if raw.source != "<text>" else "", page_title)
        r.title_inferred = r.inferred_title is not None
        # MD001 stays silent when the page itself shows the title (its <title>, a `标题` row)
        r.title_from_page = bool(page_title and r.inferred_title)
    # An inferred title is a page's own title or a file name that reads as one: it may name the unit.
    units = meta_mod.find_units(t, f, r.title or r.inferred_title)
    r.units = tuple(units)
    r.unit = "、".join(units) if units else None
    r.unit_level = meta_mod.unit_level(units[-1] if units else None)
    r.year = meta_mod.covered_year(r.title or r.inferred_title, t, r.body_span)
    if r.addressee_span:
        r.addressee = t[r.addressee_span[0] : r.addressee_span[1]]
    if r.date_span:
        r.date = meta_mod.parse_date(t[r.date_span[0] : r.date_span[1]])
    r.published = raw.published or furniture.published_date(raw.text)


def _parts(r: Analysis, raw: RawDocument) -> None:
    from .parts import find_parts

    r.parts = find_parts(r)


def _indicators(r: Analysis, raw: RawDocument) -> None:
    from .indicators import extract

    r.indicators, r.facts = (tuple(x) for x in extract(r))


def _rules(r: Analysis, raw: RawDocument) -> None:
    from .rules.base import run_rules

    r.findings = tuple(run_rules(r, r.config))


def _score(r: Analysis, raw: RawDocument) -> None:
    from .scoring import score

    r.score = score(r)


# What an Analysis holds before the first stage (normalize gives the text and its offset map).
GIVEN = ("source", "text", "format", "config", "offset_map")
_FRAME = ("frame", "title_span", "addressee_span", "signature_span", "date_span", "body_span")
_METADATA = (
    "title", "title_inferred", "inferred_title", "title_from_page", "unit", "units", "unit_level", "year",
    "addressee", "date", "published",
)  # fmt: skip
# What the rules read, together (tests/test_spine.py records every read of every rule and stage).
_RULES_READ = (
    "text", "title_span", "signature_span", "date_span", "body_span", "outline", "paragraphs", "title",
    "inferred_title", "title_from_page", "unit", "units", "year", "date", "published", "parts",
)  # fmt: skip

STAGES: tuple[Stage, ...] = (
    Stage("frame", _frame, ("text",), _FRAME),
    Stage("outline", _outline, ("text", "body_span"), ("outline", "paragraphs")),
    Stage(
        "metadata",
        _metadata,
        ("text", "frame", "title_span", "addressee_span", "date_span", "body_span"),
        _METADATA,
    ),
    Stage("parts", _parts, ("text", "outline", "year", "body_span"), ("parts",)),
    Stage(
        "indicators",
        _indicators,
        ("text", "body_span", "outline", "paragraphs", "parts"),
        ("indicators", "facts"),
    ),
    Stage("rules", _rules, ("config", *_RULES_READ), ("findings",)),
    Stage("score", _score, ("findings", "parts", "indicators"), ("score",)),
)


def check_order(stages: Iterable[Stage] = STAGES) -> None:
    """Raise if a stage requires something neither given nor assigned by an earlier stage.

    The caches of analysis.CACHES are filled on demand by whoever reads them first: never declared."""
    have = set(GIVEN)
    for st in stages:
        missing = [x for x in st.requires if x not in have]
        if missing:
            raise RuntimeError(f"stage {st.name} requires {missing} before it is assigned")
        have.update(st.assigns)


check_order()


def run_stages(raw: RawDocument, config: Config | None = None) -> Analysis:
    """Normalize a RawDocument and run every stage over it (stages 2-9): the working state."""
    text, omap = normalize(raw.text)
    a = Analysis(source=raw.source, text=text, format=raw.format, config=config or Config(), offset_map=omap)
    for st in STAGES:
        st.fn(a, raw)
    return a


def analyze_raw(raw: RawDocument, config: Config | None = None) -> Report:
    """Analyse a RawDocument (stages 2-9) into its Report."""
    return run_stages(raw, config).report()


def analyze(path_or_text: str | Path, config: Config | None = None) -> Report:
    """Analyse one report given as a file path or as its text.

    A short one-line string that looks like a file name (a known suffix or a path separator) but names
    no file raises ReadError `…: 文件不存在` instead of being analysed as a report's text.
    """
    return analysis_of(path_or_text, config).report()


def analysis_of(path_or_text: str | Path, config: Config | None = None) -> Analysis:
    """Like analyze(), but the working state (spans of the frame, paragraphs, offset map) instead of the Report."""
    cfg = config or Config()
    if isinstance(path_or_text, Path) or _is_file(path_or_text):
        raw = read_path(path_or_text)
    elif looks_like_path(path_or_text):
        raise ReadError(path_or_text, NOT_FOUND)
    elif _looks_like_html(path_or_text):
        raw = read_bytes(path_or_text.encode("utf-8"), "<text>")
    else:
        raw = RawDocument(source="<text>", text=str(path_or_text), format="txt")
    check_size(raw, cfg)
    return run_stages(raw, cfg)


def _is_file(text: str) -> bool:
    """Whether a string names an existing file (a report's text never does)."""
    if "\n" in text or len(text) >= 1024:
        return False
    try:
        return Path(text).is_file()
    except (OSError, ValueError):  # too long a name, a NUL: text, not a path
        return False


def looks_like_path(text: str) -> bool:
    """A short single line with a report file's suffix or a path separator, and no sentence punctuation."""
    if "\n" in text or len(text) > PATH_MAX_CHARS or SENTENCE_MARKS_RE.search(text):
        return False
    return suffix_of(text) in PATH_SUFFIXES or "/" in text or "\\" in text


def _looks_like_html(text: str) -> bool:
    head = text[:512].lstrip().lower()
    return head.startswith(("<!doctype html", "<html", "<body"))


def check_size(raw: RawDocument, cfg: Config) -> None:
    """Refuse a text longer than the limit (limits.max_chars) with a one-line ReadError."""
    if cfg.max_chars and len(raw.text) > cfg.max_chars:
        raise ReadError(
            raw.source,
            f"文本过长（{len(raw.text):,} 字，上限 {cfg.max_chars:,} 字），不像一份年度报告，已跳过；"
            "确需分析时请在 fazhi.toml 的 [limits] 中调大 max_chars",
        )


def analyze_many(
    paths: Iterable[str | Path], config: Config | None = None, jobs: int = 1
) -> Iterator[Report | ReadError]:
    """Analyse every report under the paths; unreadable, oversized and overlong inputs come back as ReadError.

    With a time limit (limits.timeout, the default) each file is read and analysed in a worker process
    that is ended when the file (each member, for a zip) takes too long; the batch goes on with a fresh
    worker. `jobs` workers run side by side (results still come in input order). Without a time limit
    (timeout = 0) everything runs in this process.
    """
    cfg = config or Config()
    if not cfg.time_limit:
        yield from analyze_file(paths, cfg)
        return
    files = _walk(paths)
    if jobs <= 1:
        worker = Worker(analyze_file, analyze_raw)
        try:
            for f in files:
                if isinstance(f, ReadError):
                    yield f
                else:
                    yield from worker.run(str(f), cfg)
        finally:
            worker.close()
        return
    yield from _pooled(files, cfg, jobs)


def default_jobs(jobs: int = 0) -> int:
    """The number of worker processes for a batch: `jobs` when given (> 0), else the machine's cores."""
    return jobs if jobs > 0 else max(1, os.cpu_count() or 1)


def _walk(paths: Iterable[str | Path] | str | Path) -> Iterator[Path | ReadError]:
    for path in paths if not isinstance(paths, str | Path) else [paths]:
        p = Path(path)
        yield from walk_dir(p) if p.is_dir() else [p]


def from_worker(worker: Worker, f: Path, cfg: Config) -> list[Report | ReadError]:
    """Everything one file gives (a zip: one item per member), from the worker."""
    return list(worker.run(str(f), cfg))


# Files handed to the pool ahead of the one being yielded: enough to keep every worker busy while
# bounding what waits in memory to a few reports per worker.
AHEAD_PER_JOB = 2


def _pooled(files: Iterator[Path | ReadError], cfg: Config, jobs: int) -> Iterator[Report | ReadError]:
    """`jobs` worker processes, each driven by a thread; results yielded in input order."""
    todo: queue.Queue = queue.Queue()
    done: dict[int, list] = {}
    cond = threading.Condition()

    def drive() -> None:
        worker = Worker(analyze_file, analyze_raw)
        try:
            while (job := todo.get()) is not None:
                i, f = job
                try:
                    items = from_worker(worker, f, cfg)
                except Exception as e:  # never leave the consumer waiting for this file
                    items = [ReadError(str(f), f"分析失败（{type(e).__name__}: {e}）")]
                with cond:
                    done[i] = items
                    cond.notify_all()
        finally:
            worker.close()

    threads = [threading.Thread(target=drive, daemon=True, name=f"fazhi-pool-{k}") for k in range(jobs)]
    for t in threads:
        t.start()
    sent = 0
    try:
        it = iter(files)
        exhausted = False
        nxt = 0
        while True:
            while not exhausted and sent - nxt < jobs * AHEAD_PER_JOB:
                f = next(it, None)
                if f is None:
                    exhausted = True
                elif isinstance(f, ReadError):
                    with cond:
                        done[sent] = [f]
                    sent += 1
                else:
                    todo.put((sent, f))
                    sent += 1
            if nxt == sent and exhausted:
                return
            with cond:
                while nxt not in done:
                    cond.wait()
                items = done.pop(nxt)
            nxt += 1
            yield from items
    finally:
        for _ in threads:
            todo.put(None)
        for t in threads:
            t.join()


def analyze_file(paths: Iterable[str | Path] | str | Path, cfg: Config) -> Iterator[Report | ReadError]:
    """Read and analyse in this process every report under the paths (a zip gives one per member)."""
    for item in iter_inputs(paths):
        if isinstance(item, ReadError):
            yield item
            continue
        try:
            check_size(item, cfg)
            yield analyze_raw(item, cfg)
        except ReadError as e:
            yield e
        except Exception as e:  # an analysis bug must not stop the batch
            yield ReadError(item.source, f"分析失败（{type(e).__name__}: {e}）")
