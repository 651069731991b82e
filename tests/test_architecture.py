"""The import graph of fazhi's modules: no cycle, and the layers of docs/architecture.md respected.

The graph is read from the import statements of every module under src/fazhi, function-level imports
included; imports under `if TYPE_CHECKING:` (never run) are left out, and so are imports by name
(`importlib.import_module`, the rule modules' registration).
"""

from __future__ import annotations

import ast
import re
from collections import defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SRC = ROOT / "src"
DOC = ROOT / "docs" / "architecture.md"


def _modules() -> dict[str, Path]:
    out = {}
    for p in sorted((SRC / "fazhi").rglob("*.py")):
        parts = p.relative_to(SRC).with_suffix("").parts
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = p
    return out


def _type_checking_nodes(tree: ast.AST) -> set[int]:
    skip: set[int] = set()
    for n in ast.walk(tree):
        if isinstance(n, ast.If) and "TYPE_CHECKING" in ast.unparse(n.test):
            skip |= {id(x) for x in ast.walk(n)}
    return skip


def _targets(mod: str, is_pkg: bool, node: ast.Import | ast.ImportFrom, mods: dict[str, Path]) -> list[str]:
    """The fazhi modules an import statement loads (`from . import x` names the module x when it is one)."""
    if isinstance(node, ast.Import):
        names = [a.name for a in node.names]
    else:
        if node.level:
            base = mod.split(".") if is_pkg else mod.split(".")[:-1]
            base = base[: len(base) - node.level + 1]
            target = ".".join(base + ([node.module] if node.module else []))
        else:
            target = node.module or ""
        names = [f"{target}.{a.name}" if f"{target}.{a.name}" in mods else target for a in node.names]
    out = []
    for name in names:
        while name and name not in mods:
            name = name.rpartition(".")[0]
        if name.startswith("fazhi") and name != mod:
            out.append(name)
    return out


def import_graph() -> dict[str, set[str]]:
    """Module → the fazhi modules it imports (anywhere in it)."""
    mods = _modules()
    graph: dict[str, set[str]] = defaultdict(set)
    for mod, path in mods.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _type_checking_nodes(tree)
        graph.setdefault(mod, set())
        for n in ast.walk(tree):
            if isinstance(n, ast.Import | ast.ImportFrom) and id(n) not in skip:
                graph[mod].update(_targets(mod, path.name == "__init__.py", n, mods))
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on: set[str] = set()
    out: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop()
                on.discard(w)
                comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def layers() -> dict[str, int]:
    """Unit (top-level module or package of fazhi) → its layer, from the `layers` block of the doc."""
    block = re.search(r"```layers\n(.*?)```", DOC.read_text(encoding="utf-8"), re.S)
    assert block, "docs/architecture.md has no ```layers block"
    out = {}
    for line in block.group(1).splitlines():
        m = re.match(r"\s*(\d+)\s+(.+)", line)
        if m:
            for unit in m.group(2).split("#")[0].split():
                out[unit] = int(m.group(1))
    return out


def unit(mod: str) -> str:
    """`fazhi.rules.base` → `rules`; the package itself is `fazhi`."""
    parts = mod.split(".")
    return parts[1] if len(parts) > 1 else "fazhi"


def test_no_import_cycle():
    assert cycles(import_graph()) == []


def test_every_module_has_a_layer():
    known = layers()
    assert sorted({unit(m) for m in import_graph()} - known.keys()) == []


def test_no_module_imports_a_higher_layer():
    known = layers()
    upward = sorted(
        f"{m} -> {t}" for m, ts in import_graph().items() for t in ts if known[unit(t)] > known[unit(m)]
    )
    assert upward == []


@pytest.mark.parametrize(
    ("low", "high"),
    [
        ("rules", "store"),
        ("rules", "web"),
        ("rules", "pipeline"),
        ("store", "web"),
        ("ingest", "rules"),
        ("normalize", "rules"),
        ("text", "rules"),
        ("model", "config"),
    ],
)
def test_the_layering_rules(low, high):
    """The rules the doc states in words hold in its layers (and so, by the test above, in the code)."""
    known = layers()
    assert known[low] < known[high]


def test_the_graph_sees_function_level_imports_and_cycles():
    """The checks are not vacuous: a cycle made of a function-level import is found."""
    graph = import_graph()
    assert "fazhi.ingest.ocr" in graph["fazhi.ingest.pdf"]  # `from .ocr import …` inside a function
    assert "fazhi.rules.kinds" not in graph["fazhi.analysis"]  # a type under TYPE_CHECKING only
    fake = {k: set(v) for k, v in graph.items()}
    fake["fazhi.model"].add("fazhi.rules.base")
    assert any("fazhi.model" in c for c in cycles(fake))
