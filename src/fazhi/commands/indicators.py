"""`fazhi indicators PATH... [-o table.xlsx|table.csv]`: the indicators of a batch as one table."""

from __future__ import annotations

import os
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

# Columns of the on-screen table (key, header) — the file gets every column of export.COLUMNS.
SCREEN_COLUMNS = (
    ("unit", "单位"),
    ("year", "年度"),
    ("name", "指标"),
    ("value", "数值"),
    ("unit_of_measure", "计量单位"),
    ("qualifier", "约数"),
    ("quote", "原文"),
)


# Tables smaller than this are written in well under a second: no progress bar.
PROGRESS_MIN_ROWS = 2000


def _count_inputs(paths: list[Path]) -> int | None:
    """How many reports the batch holds, when it can be told without reading (None for zips)."""
    n = 0
    for p in paths:
        if p.is_dir():
            n += sum(1 for x in p.rglob("*") if x.is_file())
        elif p.suffix.lower() == ".zip":
            return None
        else:
            n += 1
    return n


def run(paths: list[Path], out: Path | None, config: Path | None, facts: bool, jobs: int = 1) -> int:
    """Analyse the batch, write or print its indicator table; returns the exit status."""
    from ..config import load_config
    from ..indicators.export import report_rows
    from ..ingest import ReadError
    from ..pipeline import analyze_many
    from ..tables import os_reason

    err = Console(stderr=True)
    if out is not None and out.suffix.lower() not in (".xlsx", ".csv"):
        err.print(f"[red]错误[/red]：不支持的输出格式“{escape(out.suffix or out.name)}”：请用 .xlsx 或 .csv")
        return 2
    problem = _output_problem(out) if out is not None else None
    if problem:
        err.print(f"[red]错误[/red]：{escape(problem)}", highlight=False, soft_wrap=True)
        return 2
    try:
        cfg = load_config(config)
    except ValueError as e:
        err.print(f"[red]错误[/red]：{escape(str(e))}", highlight=False, soft_wrap=True)
        return 2
    rows: list[dict] = []
    failed = done = 0
    total = _count_inputs(paths)
    progress = Progress(
        TextColumn("提取指标"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=total is not None and total <= 1,
    )
    with progress:
        task = progress.add_task("indicators", total=total)
        for item in analyze_many([str(p) for p in paths], cfg, jobs=jobs):
            progress.advance(task)
            if isinstance(item, ReadError):
                failed += 1
                progress.console.print(
                    f"[red]无法分析[/red] {escape(str(item))}", highlight=False, soft_wrap=True
                )
                continue
            done += 1
            rows.extend(report_rows(item, with_facts=facts))
    if not done and not failed:
        err.print(
            "[red]错误[/red]：没有找到可分析的报告文件：" + escape("、".join(map(str, paths))),
            highlight=False,
            soft_wrap=True,
        )
        return 1
    if out is not None:
        try:
            written = _write(out, rows, err)
        except OSError as e:
            err.print(
                f"[red]错误[/red]：{escape(str(out))}: 无法写入（{os_reason(e)}）",
                highlight=False,
                soft_wrap=True,
            )
            return 2
        err.print(
            f"已写出 {len(rows)} 行（{done} 份报告）：" + escape("、".join(str(p) for p in written)),
            highlight=False,
            soft_wrap=True,
        )
    else:
        _print_table(rows, done, failed)
    return 1 if failed else 0


def _output_problem(out: Path) -> str | None:
    """Why the table cannot be written at out (a directory there, no such folder), or None."""
    if out.is_dir():
        return f"{out}: 这是一个目录，-o 应指定表格文件（.xlsx 或 .csv）"
    parent = out.parent
    if not parent.is_dir():
        return f"{out}: 所在目录不存在"
    if not os.access(parent, os.W_OK | os.X_OK):
        return f"{out}: 所在目录不可写（权限不足）"
    return None


def _write(out: Path, rows: list[dict], err: Console) -> list[Path]:
    """write_indicator_table with a progress bar over the rows (details, then one pivot row per report)."""
    from ..exports.tables import write_indicator_table

    reports = len({(r["unit"], r["year"], r["file"]) for r in rows})
    progress = Progress(
        TextColumn("写出表格"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=err,
        transient=True,
        disable=len(rows) < PROGRESS_MIN_ROWS,
    )
    with progress:
        task = progress.add_task("write", total=len(rows) + reports)
        return write_indicator_table(out, rows, lambda n: progress.advance(task, n))


def _print_table(rows: list[dict], done: int, failed: int) -> None:
    table = Table(
        title=f"{done} 份报告的指标（{len(rows)} 项）" + (f"，{failed} 份无法读取" if failed else "")
    )
    for _, head in SCREEN_COLUMNS:
        table.add_column(head, overflow="fold")
    for r in rows:
        table.add_row(*("" if r[k] is None else str(r[k]) for k, _ in SCREEN_COLUMNS))
    Console().print(table)


def register(app: typer.Typer) -> None:
    """Add the `indicators` command to the CLI."""

    @app.command("indicators")
    def indicators(
        paths: list[Path] = typer.Argument(..., help="报告文件、目录或 zip 压缩包"),
        out: Path | None = typer.Option(
            None,
            "--output",
            "-o",
            help="输出表格：table.xlsx（含汇总表）或 table.csv（汇总另存 <名>.pivot.csv）",
        ),
        config: Path | None = typer.Option(
            None, "--config", help="配置文件（默认读取当前目录的 fazhi.toml）"
        ),
        facts: bool = typer.Option(False, "--facts", help="同时列出未归入指标的其他数量（id 为 other）"),
        jobs: int = typer.Option(0, "--jobs", "-j", help="同时分析的进程数（默认：本机的核数）"),
    ) -> None:
        """提取一批报告的工作指标，输出明细表和“单位×指标”汇总表。"""
        from ..pipeline import default_jobs

        code = run(paths, out, config, facts, default_jobs(jobs))
        if code:
            raise typer.Exit(code)
