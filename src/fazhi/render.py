"""Output formats behind one interface (learned from flake8's formatting/): json, md, html."""

from __future__ import annotations

import html
from bisect import bisect_right
from functools import lru_cache

from jinja2 import Environment, PackageLoader, select_autoescape

from .model import LEVEL_ZH, PART_KEYS, PART_NAMES, PART_STATUS_ZH, Report
from .rules.catalogue import CATEGORY_ZH, SEVERITY_ZH

# How a quantity's qualifier is written around its value (`420余件`, `近700人`): the HTML and Markdown
# tables show the figure as the report states it, not a bare 420.
QUALIFIER_FORMS = {
    "exact": "{v}{u}",
    "more_than": "{v}余{u}",
    "nearly": "近{v}{u}",
    "about": "约{v}{u}",
    "at_least": "{v}{u}以上",
    "less_than": "不足{v}{u}",
}
# Quotes and suggestions longer than this are cut in the Markdown list (a paragraph of half-width marks).
MD_QUOTE_CHARS = 40
# A rule with more findings than this in one report is shown folded in the side list (e.g. 240 ASCII commas).
MAX_OPEN_GROUP = 5


def value_text(ind) -> str:
    """An indicator's value with its unit and qualifier as the report writes them (`420余件`)."""
    v = ind.value
    if isinstance(v, float) and v.is_integer():
        v = int(v)
    return QUALIFIER_FORMS.get(str(ind.qualifier), "{v}{u}").format(v=v, u=ind.unit or "")


def _cut(s: str, n: int = MD_QUOTE_CHARS) -> str:
    s = " ".join(s.split())
    return s if len(s) <= n else s[:n] + "…"


def display_title(r: Report) -> str:
    """The title a reader is shown: the report's own, else the inferred one marked （推断）, else （无标题）."""
    if r.title:
        return r.title
    return f"{r.inferred_title}（推断）" if r.inferred_title else "（无标题）"


class Formatter:
    """Turns a Report into one output document."""

    suffix = ""

    def render(self, report: Report) -> str:
        """The document as a string."""
        raise NotImplementedError


class JsonFormatter(Formatter):
    """The public JSON contract (report-json.md)."""

    suffix = "json"

    def render(self, report: Report) -> str:
        """JSON, pretty-printed."""
        return report.to_json()


class MarkdownFormatter(Formatter):
    """A readable Markdown summary: metadata, parts, outline, findings, indicators."""

    suffix = "md"

    def render(self, report: Report) -> str:
        """Markdown text."""
        r = report
        t = r.text
        out = [
            f"# {display_title(r)}",
            "",
            f"- 来源：`{r.source}`",
            f"- 单位：{r.unit or '未识别'}（{LEVEL_ZH[r.unit_level.value]}）",
            f"- 年度：{r.year or '未识别'}",
            f"- 主送：{r.addressee or '无'}",
            f"- 成文日期：{r.date or '无'}",
        ]
        if r.published:
            out.append(f"- 发布日期：{r.published}")
        if r.score:
            out.append(f"- 评分：{r.score['total']}")
        out += ["", "## 法定内容", "", "| 部分 | 状态 | 标题 |", "|---|---|---|"]
        for k in PART_KEYS:
            p = r.parts.get(k)
            if p:
                out.append(f"| {PART_NAMES[k]} | {PART_STATUS_ZH[p.status.value]} | {p.heading or ''} |")
        out += ["", "## 标题层次", ""]
        for s in r.sections():
            out.append(f"{'  ' * (s.level - 1)}- {t[s.start : s.heading_end].strip()}")
        out += ["", f"## 发现的问题（{len(r.findings)}）", ""]
        line_starts = [0] + [k + 1 for k, ch in enumerate(t) if ch == "\n"]
        for f in r.findings:
            if f.start is not None:
                where = f"第{bisect_right(line_starts, f.start)}行 “{_cut(t[f.start : f.end])}”"
            else:
                where = "全文"
            fix = f" → {_cut(f.suggestion)}" if f.suggestion else ""
            out.append(f"- **{f.rule}** [{SEVERITY_ZH[f.severity.value]}] {where}：{f.message}{fix}")
        out += ["", f"## 指标（{len(r.indicators)}）", "", "| 指标 | 数值 | 原文 |", "|---|---|---|"]
        for i in r.indicators:
            out.append(f"| {i.name}（`{i.id}`） | {value_text(i)} | {t[i.start : i.end]} |")
        return "\n".join(out) + "\n"


@lru_cache(maxsize=1)
def _env() -> Environment:
    return Environment(loader=PackageLoader("fazhi", "templates"), autoescape=select_autoescape(["html"]))


def highlighted_html(report: Report) -> str:
    """The report text as escaped HTML, headings, parts, indicators and findings marked."""
    t = report.text
    marks: list[tuple[int, int, str, str | None]] = []  # start, end, class, anchor id
    for s in report.sections():
        line_end = t.find("\n", s.start)
        marks.append((s.start, s.heading_end if s.heading_end > s.start else line_end, f"h h{s.level}", None))
    for n, i in enumerate(report.indicators):
        marks.append((i.start, i.end, "ind", f"i{n}"))
    for n, f in enumerate(report.findings):
        if f.start is not None and f.end is not None and f.end > f.start:
            marks.append((f.start, f.end, f"f sev-{f.severity.value}", f"f{n}"))
    part_starts: dict[int, list[str]] = {}
    for k in PART_KEYS:
        p = report.parts.get(k)
        if p and p.start is not None:
            part_starts.setdefault(p.start, []).append(f"{PART_NAMES[k]}（{PART_STATUS_ZH[p.status.value]}）")
    cuts = sorted({0, len(t), *[m[0] for m in marks], *[m[1] for m in marks], *part_starts})
    starting: dict[int, list[int]] = {}
    for n, m in enumerate(marks):
        if m[1] > m[0]:
            starting.setdefault(m[0], []).append(n)
    active: dict[int, None] = {}  # indexes of the marks covering the current piece, in mark order
    out = []
    for a, b in zip(cuts, cuts[1:], strict=False):
        for label in part_starts.get(a, []):
            out.append(f'<span class="part">【{html.escape(label)}】</span>')
        for n in [n for n in active if marks[n][1] <= a]:
            del active[n]
        active.update(dict.fromkeys(starting.get(a, [])))
        covering = [marks[n] for n in sorted(active)]
        piece = html.escape(t[a:b])
        if not covering:
            out.append(piece)
            continue
        cls = " ".join(sorted({m[2] for m in covering}))
        ids = "".join(f'<a id="{m[3]}"></a>' for m in covering if m[3] and m[0] == a)
        title = "；".join(
            report.findings[int(m[3][1:])].message for m in covering if m[3] and m[3].startswith("f")
        )
        out.append(f'{ids}<span class="{cls}" title="{html.escape(title)}">{piece}</span>')
    return "".join(out)


class HtmlFormatter(Formatter):
    """One self-contained page: the text with marks and a side list of findings."""

    suffix = "html"

    def render(self, report: Report) -> str:
        """HTML page."""
        t = report.text
        findings = [
            {
                "n": n,
                "rule": f.rule,
                "severity": f.severity.value,
                "severity_zh": SEVERITY_ZH[f.severity.value],
                "category_zh": CATEGORY_ZH[f.category],
                "message": f.message,
                "quote": t[f.start : f.end] if f.start is not None else None,
                "suggestion": f.suggestion,
            }
            for n, f in enumerate(report.findings)
        ]
        parts = [
            {
                "name": PART_NAMES[k],
                "status": report.parts[k].status.value,
                "status_zh": PART_STATUS_ZH[report.parts[k].status.value],
                "heading": report.parts[k].heading,
            }
            for k in PART_KEYS
            if k in report.parts
        ]
        groups: dict[str, list[dict]] = {}
        for f in findings:
            groups.setdefault(f["rule"], []).append(f)
        return (
            _env()
            .get_template("report.html")
            .render(
                groups=[(rule, items) for rule, items in groups.items()],
                group_open=MAX_OPEN_GROUP,
                r=report,
                level_zh=LEVEL_ZH[report.unit_level.value],
                body=highlighted_html(report),
                findings=findings,
                parts=parts,
                indicators=[(i, value_text(i), t[i.start : i.end]) for i in report.indicators],
            )
        )


FORMATTERS: dict[str, type[Formatter]] = {
    "json": JsonFormatter,
    "md": MarkdownFormatter,
    "html": HtmlFormatter,
}


def get_formatter(name: str) -> Formatter:
    """The formatter for a --format value."""
    try:
        return FORMATTERS[name]()
    except KeyError as e:
        raise ValueError(f"未知的输出格式：{name}（可选 {', '.join(FORMATTERS)}）") from e
