"""Configuration: `fazhi.toml` (working directory or --config) and FAZHI_* environment variables.

One table of settings (name, default, help) drives the file, the environment and the docs.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from .model import CATEGORY_PREFIX, Category, Severity
from .settings import env


class Selectable(Protocol):
    """What selection needs of a rule record (rules.base.Rule): its code and status."""

    @property
    def code(self) -> str: ...

    @property
    def status(self) -> str: ...


CONFIG_FILE = "fazhi.toml"
# A report is 5,000–60,000 characters; two million (about 6 MB of Chinese text) is thirty long reports
# in one file — a mistake or a dump, and above it one file would hold a batch up for a minute or more.
MAX_CHARS = 2_000_000
# Seconds one file may take in a batch: a long report takes about one second on one core; a file still
# running after this is stopped (its worker process is ended) so that the batch goes on.
TIME_LIMIT = 120.0


@dataclass(frozen=True)
class Setting:
    """One documented setting."""

    name: str
    default: Any
    help: str


SETTINGS: tuple[Setting, ...] = (
    Setting(
        "rules.select", ["ALL"], "启用的规则：规则代码或前缀（如 TY、PU001）或类别名（如 typo）；最长前缀优先"
    ),
    Setting("rules.ignore", [], "停用的规则：规则代码、前缀或类别名"),
    Setting("rules.preview", False, "是否启用预览（preview）状态的规则"),
    Setting("rules.severity", {}, '按规则代码改变严重程度，如 {PU001 = "info"}'),
    Setting("lexicon.terms", [], "补充的规范术语（不会被判为错别字）"),
    Setting("lexicon.confusions", {}, '补充的易错写法：{错误写法 = "正确写法"}'),
    Setting("lexicon.allowed", [], "允许的写法：出现时不报错别字或术语问题"),
    Setting("deadlines.report", "03-01", "报送上级的截止日期（月-日），默认 3月1日"),
    Setting("deadlines.publish", "04-01", "向社会公开的截止日期（月-日），默认 4月1日"),
    Setting("limits.max_chars", MAX_CHARS, "每份文件文本长度上限（字符数），超过的文件报错跳过；0 表示不限"),
    Setting(
        "limits.timeout",
        TIME_LIMIT,
        "批量分析时每份文件的时间上限（秒），超时的文件报错跳过；0 表示不限（不另开分析进程）",
    ),
)

_CATEGORY_BY_NAME = {c.value: c for c in Category}


@dataclass
class Config:
    """Resolved configuration."""

    select: list[str] = field(default_factory=lambda: ["ALL"])
    ignore: list[str] = field(default_factory=list)
    preview: bool = False
    severity: dict[str, Severity] = field(default_factory=dict)
    terms: list[str] = field(default_factory=list)
    confusions: dict[str, str] = field(default_factory=dict)
    allowed: list[str] = field(default_factory=list)
    deadline_report: str = "03-01"
    deadline_publish: str = "04-01"
    max_chars: int = MAX_CHARS
    time_limit: float = TIME_LIMIT
    path: str | None = None

    def _prefixes(self, items: list[str]) -> list[str]:
        out = []
        for it in items:
            it = it.strip()
            if it.upper() == "ALL":
                out.append("")
            elif it.lower() in _CATEGORY_BY_NAME:
                out.append(CATEGORY_PREFIX[_CATEGORY_BY_NAME[it.lower()]])
            else:
                out.append(it.upper())
        return out

    def is_selected(self, rule: Selectable) -> bool:
        """Longest matching prefix of select/ignore decides (flake8's decision engine).

        Decisions are cached by the values of select, ignore and preview (not by this object: every
        analysis makes a new Config), so an edited list is never served an earlier answer."""
        known = _decisions(tuple(self.select), tuple(self.ignore), self.preview)
        rkey = (rule.code, rule.status)
        hit = known.get(rkey)
        if hit is None:
            hit = known[rkey] = self._decide(rule)
        return hit

    def _decide(self, rule: Selectable) -> bool:
        selp, ignp = self._prefixes(self.select), self._prefixes(self.ignore)
        sel = [p for p in selp if rule.code.startswith(p)]
        ign = [p for p in ignp if rule.code.startswith(p)]
        best_sel = max((len(p) for p in sel), default=-1)
        best_ign = max((len(p) for p in ign), default=-1)
        if best_sel < 0 or best_ign >= best_sel:
            return False
        if rule.status == "preview" and not self.preview and best_sel < len(rule.code):
            return False
        return True

    def severity_for(self, rule: Selectable) -> Severity | None:
        """A configured severity override, if any."""
        return self.severity.get(rule.code)


# Distinct select/ignore/preview settings whose rule decisions are kept (a process sees one or a few).
SELECTION_CACHE_SIZE = 32


@lru_cache(maxsize=SELECTION_CACHE_SIZE)
def _decisions(
    select: tuple[str, ...], ignore: tuple[str, ...], preview: bool
) -> dict[tuple[str, str], bool]:
    """The (rule code, status) → selected decisions made so far under one setting, filled lazily."""
    return {}


def load_config(path: str | Path | None = None) -> Config:
    """Load `fazhi.toml` from `path`, else from the working directory, else defaults."""
    p = Path(path) if path else Path.cwd() / CONFIG_FILE
    data: dict[str, Any] = {}
    if path or p.is_file():
        try:
            data = tomllib.loads(p.read_text(encoding="utf-8"))
        except FileNotFoundError as e:
            raise ValueError(f"{p}: 配置文件不存在") from e
        except tomllib.TOMLDecodeError as e:
            raise ValueError(f"{p}: 配置文件格式错误（{e}）") from e
    cfg = from_dict(data)
    cfg.path = str(p) if data else None
    env_sel = env("FAZHI_RULES_SELECT")
    if env_sel:
        cfg.select = [x for x in env_sel.split(",") if x]
    env_ign = env("FAZHI_RULES_IGNORE")
    if env_ign:
        cfg.ignore = [x for x in env_ign.split(",") if x]
    return cfg


def from_dict(data: dict[str, Any]) -> Config:
    """Build a Config from the parsed TOML mapping, validating values."""
    rules = data.get("rules", {})
    lex = data.get("lexicon", {})
    dl = data.get("deadlines", {})
    limits = data.get("limits", {})
    sev = {}
    for code, v in (rules.get("severity") or {}).items():
        try:
            sev[code.upper()] = Severity(v)
        except ValueError as e:
            raise ValueError(f"rules.severity.{code}: 严重程度只能是 error、warning 或 info") from e
    return Config(
        select=list(rules.get("select", ["ALL"])),
        ignore=list(rules.get("ignore", [])),
        preview=bool(rules.get("preview", False)),
        severity=sev,
        terms=list(lex.get("terms", [])),
        confusions=dict(lex.get("confusions", {})),
        allowed=list(lex.get("allowed", [])),
        deadline_report=str(dl.get("report", "03-01")),
        deadline_publish=str(dl.get("publish", "04-01")),
        max_chars=int(_limit(limits, "max_chars", MAX_CHARS)),
        time_limit=float(_limit(limits, "timeout", TIME_LIMIT)),
    )


def _limit(limits: dict[str, Any], name: str, default: float) -> float:
    """A [limits] value: a number ≥ 0 (0 = no limit)."""
    v = limits.get(name, default)
    if isinstance(v, bool) or not isinstance(v, int | float) or v < 0:
        raise ValueError(f"limits.{name}: 应为不小于 0 的数（0 表示不限）")
    return v
