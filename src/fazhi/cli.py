"""Command line: `fazhi analyze`, `fazhi rules`, and the commands in fazhi.commands."""

from __future__ import annotations

import importlib
import pkgutil
import re
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from .config import load_config
from .ingest import ReadError
from .model import LEVEL_ZH
from .pipeline import analyze_many
from .render import get_formatter
from .tables import write_atomic

app = typer.Typer(
    help="fazhi：法治政府建设年度报告的分析、校对与审查工具。",
    no_args_is_help=True,
    add_completion=False,
)
err = Console(stderr=True)


def output_stem(source: str, used: set[str]) -> str:
    """A file stem for an input (`a.zip!/x/b.txt` → `b`), unique within one run."""
    name = re.split(r"[/\\]", source.split("!/")[-1])[-1]
    stem = Path(name).stem or "report"
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
    fix: bool = typer.Option(False, "--fix", help="另存一份改正稿 <文件名>.fixed.txt（只改有唯一确定改法的问题，不改动原文件）"),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="不打印汇总表（错误照常打印）"),
) -> None:
    """分析报告：标题、单位、年度、层次、法定内容、指标和问题。"""
    try:
        cfg = load_config(config)
        formatter = get_formatter(format)
    except ValueError as e:
        err.print(f"[red]错误[/red]：{e}")
        raise typer.Exit(2) from e
    failed = 0
    reports = []
    used: set[str] = set()
    for item in analyze_many([str(p) for p in paths], cfg):
        if isinstance(item, ReadError):
            failed += 1
            err.print(f"[red]无法分析[/red] {item}", markup=True, highlight=False, soft_wrap=True)
            continue
        reports.append(item)
        doc = formatter.render(item)
        if out is not None:
            stem = output_stem(item.source, used)
            write_atomic(out / f"{stem}.{formatter.suffix}", doc)
            if fix:
                _write_fix(item, out / f"{stem}.fixed.txt")
        else:
            if format == "json" and len(paths) + (1 if any(p.is_dir() or p.suffix == ".zip" for p in paths) else 0) > 1:
                doc = item.to_json(indent=None)
            sys.stdout.write(doc if doc.endswith("\n") else doc + "\n")
            if fix:
                _write_fix(item, Path.cwd() / f"{output_stem(item.source, used)}.fixed.txt")
    if out is not None and not quiet:
        _summary(reports, failed)
    if failed:
        raise typer.Exit(1)


def _write_fix(report, path: Path) -> None:
    from .fixes import fixed_text

    text, n = fixed_text(report)
    write_atomic(path, text + "\n")
    err.print(f"已写出改正稿 {path}（{n} 处改动）")


def _summary(reports, failed: int) -> None:
    table = Table(title=f"已分析 {len(reports)} 份报告" + (f"，{failed} 份无法读取" if failed else ""))
    for col in ("来源", "单位", "层级", "年度", "成文日期", "缺失部分", "错误", "警告", "提示", "评分"):
        table.add_column(col)
    for r in reports:
        sev = {"error": 0, "warning": 0, "info": 0}
        for f in r.findings:
            sev[f.severity.value] += 1
        missing = sum(1 for p in r.parts.values() if p.status.value == "missing" and p.key != "other")
        table.add_row(
            Path(r.source.split("!/")[-1]).name,
            r.unit or "—",
            LEVEL_ZH[r.unit_level.value],
            str(r.year or "—"),
            r.date or "—",
            str(missing),
            str(sev["error"]),
            str(sev["warning"]),
            str(sev["info"]),
            str(r.score["total"]) if r.score else "—",
        )
    Console(stderr=True, width=160).print(table)


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
            err.print(f"[red]错误[/red]：没有规则 {code}")
            raise typer.Exit(2)
        r = match[0]
        sys.stdout.write(f"{r.code} {r.name}\n\n{r.doc}\n")
        return
    table = Table(title=f"共 {len(rs)} 条规则")
    for col in ("代码", "名称", "类别", "严重程度", "状态", "说明"):
        table.add_column(col)
    for r in rs:
        table.add_row(r.code, r.name, CATEGORY_ZH[r.category], SEVERITY_ZH[r.severity.value], r.status, r.summary)
    Console(width=200).print(table)


def _register_commands() -> None:
    from . import commands

    for m in pkgutil.iter_modules(commands.__path__):
        mod = importlib.import_module(f"{commands.__name__}.{m.name}")
        if hasattr(mod, "register"):
            mod.register(app)


_register_commands()
