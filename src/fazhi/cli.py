"""Command line: `fazhi analyze`, `fazhi rules`, and the commands in fazhi.commands."""

from __future__ import annotations

import importlib
import os
import pkgutil
import sys
from pathlib import Path
from typing import NoReturn

import typer
from rich.cells import cell_len
from rich.console import Console
from rich.markup import escape
from rich.table import Table

from . import sources
from .config import load_config
from .ingest import ReadError
from .ingest.sniff import REPORT_SUFFIXES
from .pipeline import analyze_many, default_jobs
from .render import get_formatter
from .tables import os_reason, write_atomic

app = typer.Typer(
    help="fazhi：法治政府建设年度报告的分析、校对与审查工具。",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)
# The summary's file-name column at most this wide: the unit column gets the rest of the terminal.
SUMMARY_NAME_WIDTH = 24
MIN_TEXT_WIDTH = 6
# The summary's narrow columns and their widths in terminal cells (a Chinese character is two).
SUMMARY_FIXED = {"年度": 4, "缺部分": 6, "错/警/提": 8, "评分": 5}


def output_stem(source: str, used: set[str]) -> str:
    """A file stem for an input (`a.zip!/x/b.txt` → `b`), unique within one run."""
    stem = sources.stem(source) or "report"
    cand, n = stem, 2
    while cand in used:
        cand, n = f"{stem}-{n}", n + 1
    used.add(cand)
    return cand


@app.command()
def analyze(
    paths: list[Path] = typer.Argument(..., help="报告文件、目录或 zip 压缩包"),
    format: str = typer.Option("json", "--format", "-f", help="输出格式：json、md 或 html"),
    out: Path | None = typer.Option(None, "--output", "-o", help="输出目录：每份报告写一个 <文件名>.<格式>"),
    config: Path | None = typer.Option(None, "--config", help="配置文件（默认读取当前目录的 fazhi.toml）"),
    fix: bool = typer.Option(
        False, "--fix", help="另存一份改正稿 <文件名>.fixed.txt（只改有唯一确定改法的问题，不改动原文件）"
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印汇总表（错误照常打印）"),
    jobs: int = typer.Option(0, "--jobs", "-j", help="同时分析的进程数（默认：本机的核数）"),
) -> None:
    """分析报告：标题、单位、年度、层次、法定内容、指标和问题。"""
    try:
        cfg = load_config(config)
        formatter = get_formatter(format)
        if out is not None:
            check_output_dir(out)
    except ValueError as e:
        fail(str(e))
    failed = 0
    reports = []
    used: set[str] = set()
    for item in analyze_many([str(p) for p in paths], cfg, jobs=default_jobs(jobs)):
        if isinstance(item, ReadError):
            failed += 1
            err.print(
                f"[red]无法分析[/red] {escape(str(item))}", markup=True, highlight=False, soft_wrap=True
            )
            continue
        reports.append(item)
        doc = formatter.render(item)
        if out is not None:
            stem = output_stem(item.source, used)
            _write(out / f"{stem}.{formatter.suffix}", doc)
            if fix:
                _write_fix(item, out / f"{stem}.fixed.txt", cfg)
        else:
            if (
                format == "json"
                and len(paths) + (1 if any(p.is_dir() or p.suffix == ".zip" for p in paths) else 0) > 1
            ):
                doc = item.to_json(indent=None)
            sys.stdout.write(doc if doc.endswith("\n") else doc + "\n")
            if fix:
                _write_fix(item, Path.cwd() / f"{output_stem(item.source, used)}.fixed.txt", cfg)
    if not reports and not failed:
        fail(
            "没有找到可分析的报告文件（支持 "
            + "、".join(sorted(REPORT_SUFFIXES))
            + "）："
            + "、".join(map(str, paths)),
            1,
        )
    if out is not None and not quiet and reports:
        _summary(reports, failed)
    if failed:
        raise typer.Exit(1)


def fail(message: str, code: int = 2) -> NoReturn:
    """Print a one-line Chinese error and leave with the exit status."""
    err.print(f"[red]错误[/red]：{escape(message)}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


def check_output_dir(out: Path) -> None:
    """Create the output directory, or raise ValueError saying in one line why it cannot be used."""
    if out.exists() and not out.is_dir():
        raise ValueError(f"{out}: 输出位置已有同名文件，-o 应指定一个目录")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as e:
        raise ValueError(f"{out}: 无法创建输出目录（{os_reason(e)}）") from e
    if not os.access(out, os.W_OK | os.X_OK):
        raise ValueError(f"{out}: 输出目录不可写（权限不足）")


def _write(path: Path, data: str) -> None:
    """write_atomic, with a failure (disk full, permissions) as a one-line error that stops the run."""
    try:
        write_atomic(path, data)
    except OSError as e:
        fail(f"{path}: 无法写入（{os_reason(e)}）")


def _write_fix(report, path: Path, cfg) -> None:
    from .fixes import fixed_text

    text, n = fixed_text(report, cfg)
    _write(path, text + "\n")
    err.print(f"已写出改正稿 {escape(str(path))}（{n} 处改动）", highlight=False, soft_wrap=True)


def _summary(reports, failed: int, console: Console | None = None) -> None:
    """The batch at a glance, fitted to the terminal (80 columns when not a terminal)."""
    console = console or Console(stderr=True)
    table = Table(title=f"已分析 {len(reports)} 份报告" + (f"，{failed} 份无法读取" if failed else ""))
    rows = []
    for r in reports:
        sev = {"error": 0, "warning": 0, "info": 0}
        for f in r.findings:
            sev[f.severity.value] += 1
        missing = sum(1 for p in r.parts.values() if p.status.value == "missing" and p.key != "other")
        rows.append(
            (
                sources.stem(r.source),
                r.unit or "—",
                str(r.year or "—"),
                str(missing),
                f"{sev['error']}/{sev['warning']}/{sev['info']}",
                str(r.score["total"]) if r.score else "—",
            )
        )
    # the name and the unit share what the fixed columns and the frame leave of the terminal
    avail = max(
        console.width - sum(SUMMARY_FIXED.values()) - 3 * (len(SUMMARY_FIXED) + 2) - 1, 2 * MIN_TEXT_WIDTH
    )
    name_w = max(
        MIN_TEXT_WIDTH, min(SUMMARY_NAME_WIDTH, max((cell_len(x[0]) for x in rows), default=4), avail // 3)
    )
    unit_w = max(MIN_TEXT_WIDTH, min(avail - name_w, max((cell_len(x[1]) for x in rows), default=4)))
    table.add_column("报告", overflow="ellipsis", no_wrap=True, width=name_w)
    table.add_column("单位", overflow="ellipsis", no_wrap=True, width=unit_w)
    for head, width in SUMMARY_FIXED.items():
        table.add_column(head, justify="right", no_wrap=True, width=width)
    for row in rows:
        table.add_row(*row)
    console.print(table)


@app.command()
def rules(
    code: str | None = typer.Argument(None, help="只显示这条规则的说明"),
    markdown: bool = typer.Option(False, "--markdown", help="输出整份规则目录（docs/rules.md 的内容）"),
) -> None:
    """列出规则目录。"""
    from .rules.base import all_rules
    from .rules.catalogue import CATEGORY_ZH, SEVERITY_ZH, rules_markdown

    if markdown:
        sys.stdout.write(rules_markdown())
        return
    rs = all_rules()
    if code:
        match = [r for r in rs if r.code == code.upper()]
        if not match:
            err.print(f"[red]错误[/red]：没有规则 {escape(code)}")
            raise typer.Exit(2)
        r = match[0]
        sys.stdout.write(f"{r.code} {r.name}\n\n{r.doc}\n")
        return
    table = Table(title=f"共 {len(rs)} 条规则")
    for col in ("代码", "名称", "类别", "严重程度", "状态", "说明"):
        table.add_column(col)
    for r in rs:
        table.add_row(
            r.code, r.name, CATEGORY_ZH[r.category], SEVERITY_ZH[r.severity.value], r.status, r.summary
        )
    Console(width=200).print(table)


def _register_commands() -> None:
    from . import commands

    for m in pkgutil.iter_modules(commands.__path__):
        mod = importlib.import_module(f"{commands.__name__}.{m.name}")
        if hasattr(mod, "register"):
            mod.register(app)


_register_commands()
