"""Output documents: Markdown findings point at a line and quote it; indicator tables keep the
qualifier (`420余件`, not 420件)."""

from __future__ import annotations

import fazhi
from fazhi.render import get_formatter

TEXT = (
    "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"
    "全年办理行政复议案件420余件,调解矛盾纠纷近700件。\n二、存在的不足和原因\n不足。\n三、下一年度主要安排\n安排。"
)


def test_markdown_findings_give_line_and_quote():
    md = get_formatter("md").render(fazhi.analyze(TEXT))
    (line,) = [x for x in md.splitlines() if x.startswith("- **PU001**")]
    assert "第3行 “,”" in line and "→ ，" in line


def test_markdown_cuts_long_quotes():
    text = "一、主要举措\n" + "全面推进依法行政工作,深化执法体制改革;" * 6
    md = get_formatter("md").render(fazhi.analyze(text))
    (line,) = [x for x in md.splitlines() if x.startswith("- **PU001**")]
    assert "第2行" in line and "…”" in line and len(line) < 300


def test_indicator_tables_keep_the_qualifier():
    r = fazhi.analyze(TEXT)
    page = get_formatter("html").render(r)
    md = get_formatter("md").render(r)
    assert "<td>420余件</td>" in page and "<td>近700件</td>" in page  # the value cell, not the quote
    assert "| 420余件 |" in md and "| 近700件 |" in md
