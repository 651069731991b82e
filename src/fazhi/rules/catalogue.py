"""The rule catalogue as a document: `docs/rules.md` is generated from the registry."""

from __future__ import annotations

from ..vocab import CATEGORY_ZH, SEVERITY_ZH  # noqa: F401 (also imported from here)
from .base import all_rules


def rules_markdown() -> str:
    """The whole catalogue in Markdown (the content of docs/rules.md)."""
    rules = all_rules()
    out = [
        "# 规则目录",
        "",
        "本文件由 `fazhi rules --markdown > docs/rules.md` 从规则注册表生成，请勿手工修改。",
        "",
        "| 代码 | 名称 | 类别 | 默认严重程度 | 状态 | 说明 |",
        "|---|---|---|---|---|---|",
    ]
    for r in rules:
        out.append(
            f"| [{r.code}](#{r.code.lower()}) | `{r.name}` | {CATEGORY_ZH[r.category]} | "
            f"{SEVERITY_ZH[r.severity.value]} | {r.status} | {r.summary} |"
        )
    for r in rules:
        first, _, rest = r.doc.partition("\n")
        out += [
            "",
            f"## {r.code}",
            "",
            f"**{r.code} `{r.name}`** — {first}",
            "",
            f"类别：{CATEGORY_ZH[r.category]}（`{r.category.value}`）；默认严重程度：{SEVERITY_ZH[r.severity.value]}；"
            f"状态：{r.status}；自 {r.since} 起；{'可自动修正' if r.fixable else '不自动修正'}。",
            "",
            rest.strip().replace("## ", "### "),
            "",
            "错误示例：",
            "",
            *[f"- `{b.replace(chr(10), ' ⏎ ')}`" for b in r.bad],
            "",
            "正确示例：",
            "",
            *[f"- `{g.replace(chr(10), ' ⏎ ')}`" for g in r.good],
        ]
    return "\n".join(out) + "\n"
