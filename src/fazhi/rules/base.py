"""The rule record, the registry and the engine that runs selected rules over a report.

A rule is a function decorated with `@rule(...)`: its record (code, name, category, severity,
examples) sits next to its code, and its docstring is its Chinese documentation with fixed headings.
A check is `check(report)`, or `check(report, cfg)` when it reads the configuration (deadlines, the
user's lexicon): the engine passes the analysis' Config in; no rule reads configuration from anywhere else.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache

from ..analysis import Analysis
from ..config import Config
from ..model import CATEGORY_PREFIX, Category, Finding, Severity

CODE_RE = re.compile(r"^[A-Z]{2}\d{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
# In the examples of a corpus rule, the reports of one example are separated by this line.
CORPUS_EXAMPLE_SEPARATOR = "\n=====\n"
DOC_HEADINGS = ("## 检查内容", "## 为什么", "## 示例", "## 建议写法", "## 误报与局限")


@dataclass(frozen=True, slots=True)
class Hit:
    """What a rule function yields: a span (or None for the whole report), message and fix."""

    start: int | None
    end: int | None
    message: str
    suggestion: str | None = None
    severity: Severity | None = None


@dataclass(frozen=True)
class Rule:
    """A rule's record: metadata, examples, documentation and the check itself."""

    code: str
    name: str
    category: Category
    severity: Severity
    summary: str
    check: Callable[..., Iterable[Hit]]  # check(report) or check(report, cfg): see takes_config
    bad: tuple[str, ...]
    good: tuple[str, ...]
    doc: str
    status: str = "stable"
    since: str = "0.1.0"
    fixable: bool = False
    needs: frozenset[str] = field(default_factory=frozenset)
    takes_config: bool = False  # the check has a second parameter, the analysis' Config
    # "report": the check runs on each report; "corpus": the rule compares reports with each other
    # (fazhi.corpus), its check finds nothing in one report, and its examples are reports joined by
    # CORPUS_EXAMPLE_SEPARATOR.
    scope: str = "report"

    def hits(self, report: Analysis, cfg: Config) -> Iterable[Hit]:
        """The check's hits on the report under the configuration."""
        return self.check(report, cfg) if self.takes_config else self.check(report)

    def run(self, report: Analysis, cfg: Config, severity: Severity | None = None) -> Iterator[Finding]:
        """Run the check and turn its hits into findings."""
        for h in self.hits(report, cfg):
            yield Finding(
                rule=self.code,
                name=self.name,
                category=self.category,
                severity=severity or h.severity or self.severity,
                message=h.message,
                start=h.start,
                end=h.end,
                suggestion=h.suggestion,
            )


REGISTRY: dict[str, Rule] = {}


def rule(
    *,
    code: str,
    name: str,
    category: Category,
    severity: Severity,
    summary: str,
    bad: Iterable[str],
    good: Iterable[str],
    status: str = "stable",
    since: str = "0.1.0",
    fixable: bool = False,
    scope: str = "report",
) -> Callable:
    """Register the decorated check function as a rule (its docstring is the Chinese doc)."""

    def deco(fn: Callable[..., Iterable[Hit]]):
        doc = (fn.__doc__ or "").strip()
        r = Rule(
            code=code,
            name=name,
            category=category,
            severity=severity,
            summary=summary,
            check=fn,
            bad=tuple(bad),
            good=tuple(good),
            doc=_dedent(doc),
            status=status,
            since=since,
            fixable=fixable,
            takes_config=len(inspect.signature(fn).parameters) == 2,
            scope=scope,
        )
        _validate(r)
        REGISTRY[code] = r
        _selected.cache_clear()  # a new or replaced rule: every cached selection is stale
        return fn

    return deco


def _dedent(doc: str) -> str:
    lines = doc.splitlines()
    if len(lines) <= 1:
        return doc
    import textwrap

    return lines[0] + "\n" + textwrap.dedent("\n".join(lines[1:]))


def _validate(r: Rule) -> None:
    if not CODE_RE.match(r.code):
        raise ValueError(f"rule code {r.code!r} must look like AB123")
    if r.code in REGISTRY and REGISTRY[r.code].check is not r.check:
        raise ValueError(f"rule code {r.code} registered twice")
    if not r.code.startswith(CATEGORY_PREFIX[r.category]):
        raise ValueError(
            f"rule {r.code} of category {r.category} must start with {CATEGORY_PREFIX[r.category]}"
        )
    if not NAME_RE.match(r.name):
        raise ValueError(f"rule name {r.name!r} must be kebab-case")
    if r.scope not in ("report", "corpus"):
        raise ValueError(f"rule {r.code}: scope must be report or corpus")
    if r.status not in ("stable", "preview"):
        raise ValueError(f"rule {r.code}: status must be stable or preview")


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code (importing the rule modules first)."""
    load_rule_modules()
    return [REGISTRY[c] for c in sorted(REGISTRY)]


_loaded = False


def load_rule_modules() -> None:
    """Import every module of the `fazhi.rules` package so their rules register."""
    global _loaded
    if _loaded:
        return
    import importlib
    import pkgutil
    from pathlib import Path

    for m in pkgutil.iter_modules([str(Path(__file__).parent)]):  # this package, without importing it here
        if m.name not in ("base",):
            importlib.import_module(f"{__package__}.{m.name}")
    _loaded = True


def run_rules(report: Analysis, config: Config | None = None) -> list[Finding]:
    """Run every selected rule over the report; findings sorted by position."""
    return _run(report, config or Config())


# Distinct select/ignore/preview settings whose rule lists are kept (a process sees one or a few).
SELECTED_CACHE_SIZE = 32


def unregister(code: str) -> None:
    """Remove a rule from the registry (tests' temporary rules); cached selections are cleared with it."""
    if REGISTRY.pop(code, None) is not None:
        _selected.cache_clear()


@lru_cache(maxsize=SELECTED_CACHE_SIZE)
def _selected(select: tuple[str, ...], ignore: tuple[str, ...], preview: bool) -> tuple[Rule, ...]:
    """The rules a configuration with these values selects, by code (cleared when a rule registers)."""
    cfg = Config(select=list(select), ignore=list(ignore), preview=preview)
    return tuple(r for r in all_rules() if cfg.is_selected(r))


def selected_rules(cfg: Config) -> tuple[Rule, ...]:
    """The rules the configuration selects, sorted by code."""
    return _selected(tuple(cfg.select), tuple(cfg.ignore), cfg.preview)


def _run(report: Analysis, cfg: Config) -> list[Finding]:
    out: list[Finding] = []
    for r in selected_rules(cfg):
        out.extend(r.run(report, cfg, cfg.severity_for(r)))
    out.sort(key=lambda f: (f.start if f.start is not None else -1, f.rule))
    return _dedupe(out)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    res = []
    for f in findings:
        key = (f.rule, f.start, f.end, f.message)
        if key not in seen:
            seen.add(key)
            res.append(f)
    return res
