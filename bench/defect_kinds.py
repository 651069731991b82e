"""Coverage of the general defect kinds of issue 15 by the rule catalogue, on sentences written for it.

Reads tests/gold/defect_kinds.toml (per kind: the rule codes meant to find it, bad sentences and good
near misses) and prints, per kind, how many bad sentences one of its rules finds and how many good ones
leave all of them silent. tests/test_defect_kinds.py asserts every case; this prints the table.
Usage: .venv/bin/python bench/defect_kinds.py [--misses]
"""

from __future__ import annotations

import sys
import tomllib
from dataclasses import dataclass
from pathlib import Path

CASES = Path(__file__).resolve().parent.parent / "tests" / "gold" / "defect_kinds.toml"


@dataclass(frozen=True)
class Case:
    """One sentence of a kind, placed in its context."""

    kind: str
    codes: tuple[str, ...]
    sentence: str
    text: str
    bad: bool
    known_miss: bool = False


def _entry(kind: dict, entry, bad: bool, known_miss: bool = False) -> Case:
    """A Case from one bad/good/missed entry (a string, or a table with its own template)."""
    sentence, template = (
        (entry, kind["template"]) if isinstance(entry, str) else (entry["text"], entry["template"])
    )
    return Case(
        kind["name"], tuple(kind["codes"]), sentence, template.replace("{}", sentence), bad, known_miss
    )


def load_kinds(path: Path = CASES) -> list[tuple[dict, list[Case]]]:
    """Every kind of the file with its cases (bad, then known misses, then good)."""
    kinds = tomllib.loads(path.read_text(encoding="utf-8"))["kind"]
    return [
        (
            k,
            [_entry(k, e, True) for e in k["bad"]]
            + [_entry(k, e, True, True) for e in k.get("missed", [])]
            + [_entry(k, e, False) for e in k["good"]],
        )
        for k in kinds
    ]


def fired(case: Case) -> list[tuple[str, str]]:
    """(code, quote) of every finding of the kind's rules on the case's text (unregistered codes find nothing)."""
    import fazhi
    from fazhi.config import Config
    from fazhi.rules.base import REGISTRY, load_rule_modules

    load_rule_modules()
    codes = [c for c in case.codes if c in REGISTRY]
    if not codes:
        return []
    r = fazhi.analyze(case.text, Config(select=codes, preview=True))
    return [(f.rule, r.text[f.start : f.end]) for f in r.findings if f.rule in codes]


def table(show_misses: bool = False) -> list[str]:
    """The coverage table as markdown lines (and, if asked, every case that went wrong)."""
    lines = ["| kind | rules | bad found | good silent |", "|---|---|---|---|"]
    misses: list[str] = []
    tb = tg = fb = sg = 0
    for kind, cases in load_kinds():
        found = silent = nb = ng = 0
        for c in cases:
            hit = bool(fired(c))
            if c.bad:
                nb += 1
                found += hit
                if not hit:
                    misses.append(f"  漏报 [{c.kind}] {c.sentence!r}")
            else:
                ng += 1
                silent += not hit
                if hit:
                    misses.append(f"  误报 [{c.kind}] {c.sentence!r}: {fired(c)}")
        tb, tg, fb, sg = tb + nb, tg + ng, fb + found, sg + silent
        lines.append(f"| {kind['name']} | {' '.join(kind['codes'])} | {found}/{nb} | {silent}/{ng} |")
    lines.append(f"| **all** | | **{fb}/{tb}** | **{sg}/{tg}** |")
    return lines + (misses if show_misses else [])


if __name__ == "__main__":
    print("\n".join(table("--misses" in sys.argv)))
