"""`fazhi corpus similar PATH...`: pairs of reports sharing passages beyond boilerplate (copy detection)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.markup import escape
from rich.table import Table

corpus_app = typer.Typer(help="一批报告之间的比对（雷同检测）。", no_args_is_help=True)

# Characters of each passage shown in the on-screen table (the JSON has the whole quote).
QUOTE_CHARS = 40


def _clip(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= QUOTE_CHARS else text[: QUOTE_CHARS - 1] + "…"


def run_similar(paths: list[Path], fmt: str, out=None) -> int:
    """Compare every report under the paths; print the pairs (table or JSON); returns the exit status."""
    from ..corpus import iter_docs, pair_json, similar
    from ..ingest import ReadError

    err = Console(stderr=True)
    if fmt not in ("table", "json"):
        err.print(f"[red]错误[/red]：不支持的输出格式“{escape(fmt)}”：请用 table 或 json")
        return 2
    docs, failed = [], 0
    for item in iter_docs(paths):
        if isinstance(item, ReadError):
            failed += 1
            err.print(f"[red]无法读取[/red] {escape(str(item))}", highlight=False, soft_wrap=True)
        else:
            docs.append(item)
    if not docs:
        err.print("[red]错误[/red]：没有找到可比对的报告文件：" + escape("、".join(map(str, paths))))
        return 1
    pairs = similar(docs)
    if fmt == "json":
        body = {"reports": len(docs), "pairs": [pair_json(docs, p) for p in pairs]}
        (out or sys.stdout).write(json.dumps(body, ensure_ascii=False, indent=2) + "\n")
        return 1 if failed else 0
    console = Console(file=out) if out is not None else Console()
    title = f"比对 {len(docs)} 份报告，{len(pairs)} 对有雷同段落" + (
        f"（{failed} 份无法读取）" if failed else ""
    )
    table = Table(title=title, show_lines=True)
    for col in ("报告甲", "报告乙", "段", "位置（甲 / 乙）", "雷同文字（甲）"):
        table.add_column(col, overflow="fold", no_wrap=col == "段")
    for p in pairs:
        a, b = docs[p.a], docs[p.b]
        for k, q in enumerate(p.passages):
            table.add_row(
                a.label if k == 0 else "",
                b.label if k == 0 else "",
                f"{k + 1}/{len(p.passages)}",
                f"{q.a_start}–{q.a_end} / {q.b_start}–{q.b_end}",
                _clip(a.text[q.a_start : q.a_end]),
            )
    if pairs:
        console.print(table)
    else:
        console.print(title + "。")
    return 1 if failed else 0


def register(app: typer.Typer) -> None:
    """Add the `corpus` command group to the CLI."""

    @corpus_app.command("similar")
    def similar_cmd(
        paths: list[Path] = typer.Argument(..., help="报告文件、目录或 zip 压缩包（一起比对）"),
        format: str = typer.Option("table", "--format", "-f", help="输出格式：table（表格）或 json"),
    ) -> None:
        """找出共享段落的报告对（套话、标题和规范表述不算），列出每段雷同文字在两份报告中的位置。"""
        raise typer.Exit(run_similar(paths, format))

    app.add_typer(corpus_app, name="corpus")
