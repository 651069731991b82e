#!/usr/bin/env python3
"""Does a change leave the analysis output byte-identical? Dump every analysis, then compare.

    .venv/bin/python bench/same_output.py --out DIR      # save a reference (before the change)
    .venv/bin/python bench/same_output.py --check DIR    # analyse again and compare with DIR
    .venv/bin/python bench/same_output.py --out NEW --check DIR   # both: keep the new run too

Inputs, always the same set and read by the same readers as `fazhi analyze` (zip members included):
the seeds (samples/), every text of ../shared/corpus (read here, never copied), the project's own
report texts (bench/corpus/) and every report file among the test fixtures (tests/fixtures/); more
paths can be given as arguments. Each analysis (default configuration, or `--config fazhi.toml`, e.g.
with preview rules on) is written as its public contract (`Report.to_dict`), JSON with sorted keys, one
file per input; an unreadable input is written as its error line.

--check prints, per file that differs, the first differing key (as a path like
`findings[3].message`), and files missing on either side; or `identical (N files, sha256 …)`,
the digest being over every file's name and bytes in name order. Exit status 1 when anything differs.
Paths are taken relative to the repository root, so a dump made in one worktree compares with a run
in another.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
# Relative to ROOT: the `source` field of every analysis then reads the same in every worktree.
DEFAULT_INPUTS = ("samples", "../shared/corpus", "bench/corpus", "tests/fixtures")


def inputs(extra: list[str]) -> list[Path]:
    """Every report file under the default folders and the extra paths, in a fixed order."""
    from fazhi.ingest.sniff import REPORT_SUFFIXES, suffix_of

    out: list[Path] = []
    for top in [*DEFAULT_INPUTS, *extra]:
        p = Path(top)
        if p.is_dir():
            out += sorted(f for f in p.rglob("*") if f.is_file() and suffix_of(f.name) in REPORT_SUFFIXES)
        elif p.is_file():
            out.append(p)
    return out


def dump_name(source: str) -> str:
    """A flat file name for one analysed source (`../shared/corpus/001.txt` → `shared_corpus_001.txt.json`)."""
    parts = [x for x in Path(source).parts if x not in ("..", ".")]
    return "_".join(parts).replace(":", "_") + ".json"


def run(extra: list[str], config: str | None = None) -> dict[str, str]:
    """Analyse every input; name → JSON text (or the error line of an unreadable input)."""
    from fazhi.config import Config, load_config
    from fazhi.pipeline import analyze_file

    cfg = load_config(config) if config else Config()
    out: dict[str, str] = {}
    for item in analyze_file(inputs(extra), cfg):
        name = dump_name(getattr(item, "source", None) or str(item))
        if hasattr(item, "to_dict"):
            body = json.dumps(item.to_dict(), ensure_ascii=False, indent=1, sort_keys=True)
        else:
            body = json.dumps({"error": str(item)}, ensure_ascii=False, sort_keys=True)
        if name in out:
            raise SystemExit(f"two inputs map to the same dump name {name}")
        out[name] = body + "\n"
    return out


def digest(files: dict[str, str]) -> str:
    """sha256 over every name and body, in name order."""
    h = hashlib.sha256()
    for name in sorted(files):
        h.update(name.encode("utf-8") + b"\0" + files[name].encode("utf-8") + b"\0")
    return h.hexdigest()


def first_difference(a: Any, b: Any, path: str = "") -> str | None:
    """The path of the first key or index where two JSON values differ, or None when equal."""
    if type(a) is not type(b):
        return path or "(top)"
    if isinstance(a, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a or k not in b:
                return f"{path}.{k}" if path else k
            d = first_difference(a[k], b[k], f"{path}.{k}" if path else k)
            if d:
                return d
        return None
    if isinstance(a, list):
        for i, (x, y) in enumerate(zip(a, b, strict=False)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        return f"{path}[{min(len(a), len(b))}] (length {len(a)} vs {len(b)})" if len(a) != len(b) else None
    return None if a == b else (path or "(top)")


def load_dir(d: Path) -> dict[str, str]:
    """name → body of every dump in a folder."""
    return {f.name: f.read_text(encoding="utf-8") for f in sorted(d.glob("*.json"))}


def compare(old: dict[str, str], new: dict[str, str]) -> list[str]:
    """One line per difference between two dumps (empty when identical)."""
    lines = []
    for name in sorted(set(old) | set(new)):
        if name not in new:
            lines.append(f"{name}: missing in the new run")
        elif name not in old:
            lines.append(f"{name}: new file, not in the reference")
        elif old[name] != new[name]:
            where = first_difference(json.loads(old[name]), json.loads(new[name]))
            lines.append(f"{name}: differs at {where or '(formatting only)'}")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Dump (--out) and/or compare (--check) the analyses of every input."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("paths", nargs="*", help="more report files or folders (relative to the repository)")
    ap.add_argument("--out", help="write the dumps to this folder")
    ap.add_argument("--check", help="compare with the dumps in this folder")
    ap.add_argument("--config", help="analyse with this fazhi.toml instead of the defaults")
    args = ap.parse_args(argv)
    if not args.out and not args.check:
        ap.error("give --out DIR, --check DIR or both")
    out_dir = Path(args.out).resolve() if args.out else None
    check_dir = Path(args.check).resolve() if args.check else None
    config = str(Path(args.config).resolve()) if args.config else None
    os.chdir(ROOT)
    files = run(args.paths, config)
    if out_dir:
        out_dir.mkdir(parents=True, exist_ok=True)
        for old in out_dir.glob("*.json"):
            old.unlink()
        for name, body in files.items():
            (out_dir / name).write_text(body, encoding="utf-8")
        print(f"wrote {len(files)} files to {out_dir} (sha256 {digest(files)})")
    if check_dir:
        diff = compare(load_dir(check_dir), files)
        if diff:
            print("\n".join(diff))
            print(f"DIFFERENT: {len(diff)} of {len(files)} files differ from {check_dir}")
            return 1
        print(f"identical ({len(files)} files, sha256 {digest(files)})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
