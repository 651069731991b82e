"""Validate the devset annotations (bench/devset/NNN.toml) against ../shared/corpus.

Usage: python bench/devset/check.py [CORPUS_DIR] [NNN ...]
Prints one line per problem and exits 1 when there is any; stdlib and tomllib only.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
TAXONOMY = ROOT / "src" / "fazhi" / "data" / "indicators.toml"

MAX_QUOTE = 20  # README: a quote is at most 20 characters
MAX_HEADING = 12  # README: headings are the first ≤12 characters of a heading line
MAX_FURNITURE = 20  # README: furniture is the start (≤20 chars) of a furniture line
QUALIFIERS = {"exact", "more_than", "nearly", "about", "at_least", "less_than"}
KINDS = {
    "typo",
    "terminology",
    "punctuation",
    "numbering",
    "duplicate",
    "number_consistency",
    "plausibility",
    "structure",
    "metadata",
    "format",
    "copy",
    "timeliness",
}
LEVELS = {"province", "city", "county", "township", "department", "other"}
TOP_KEYS = {
    "file",
    "split",
    "title",
    "title_lines",
    "unit",
    "unit_level",
    "year",
    "addressee",
    "furniture",
    "headings",
    "q",
    "d",
}
Q_KEYS = {"quote", "value", "unit", "qualifier", "id"}
D_KEYS = {"kind", "quote", "fix", "note", "certain"}


def known_ids() -> set[str]:
    """Ids of the taxonomy file and of the README's added-id table."""
    ids = {i["id"] for i in tomllib.loads(TAXONOMY.read_text("utf-8"))["indicator"]}
    for line in (HERE / "README.md").read_text("utf-8").splitlines():
        m = re.match(r"\|\s*([a-z_]+\.[a-z_]+)\s*\|", line)
        if m:
            ids.add(m.group(1))
    ids.add("other")
    return ids


def check_quote(errs: list[str], where: str, quote: object, text: str) -> None:
    """A quote must be a non-empty string of ≤20 chars occurring exactly once in text."""
    if not isinstance(quote, str) or not quote:
        errs.append(f"{where}: quote missing")
        return
    if len(quote) > MAX_QUOTE:
        errs.append(f"{where}: quote longer than {MAX_QUOTE}: {quote!r}")
    n = text.count(quote)
    if n != 1:
        errs.append(f"{where}: quote occurs {n} times: {quote!r}")


def check_prefixes(errs: list[str], where: str, items: object, lines: list[str], limit: int) -> None:
    """Every item must start some line of the excerpt (leading blanks ignored), ≤limit chars."""
    if not isinstance(items, list):
        errs.append(f"{where}: not a list")
        return
    for item in items:
        if not isinstance(item, str) or not item:
            errs.append(f"{where}: empty or non-string item {item!r}")
            continue
        if len(item) > limit:
            errs.append(f"{where}: longer than {limit}: {item!r}")
        if not any(line.startswith(item) for line in lines):
            errs.append(f"{where}: no line starts with {item!r}")


def check_file(path: Path, corpus: Path, ids: set[str]) -> list[str]:
    """All problems of one annotation file."""
    errs: list[str] = []
    name = path.name
    try:
        ann = tomllib.loads(path.read_text("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        return [f"{name}: does not parse: {exc}"]
    num = path.stem
    if ann.get("file") != f"{num}.txt":
        errs.append(f"{name}: file should be {num}.txt")
    src = corpus / f"{num}.txt"
    if not src.exists():
        return errs + [f"{name}: no corpus file {src}"]
    text = src.read_text("utf-8")
    lines = [ln.strip() for ln in text.splitlines()]
    for key in set(ann) - TOP_KEYS:
        errs.append(f"{name}: unknown key {key}")
    for key in TOP_KEYS - {"q", "d"} - set(ann):
        errs.append(f"{name}: missing key {key}")
    split = "test" if int(num) % 3 == 0 else "dev"
    if ann.get("split") != split:
        errs.append(f"{name}: split should be {split}")
    if ann.get("unit_level") not in LEVELS:
        errs.append(f"{name}: bad unit_level {ann.get('unit_level')!r}")
    if not isinstance(ann.get("year"), int) or not 2015 <= ann.get("year", 0) <= 2030:
        errs.append(f"{name}: bad year {ann.get('year')!r}")
    title = ann.get("title", "")
    tl = ann.get("title_lines")
    if not isinstance(tl, int) or tl < 0 or (tl == 0) != (title == ""):
        errs.append(f"{name}: title_lines {tl!r} does not agree with title {title!r}")
    if title and title not in text.replace("\n", "") and title not in "".join(lines):
        errs.append(f"{name}: title is not in the text (lines joined): {title!r}")
    for key in ("unit", "addressee"):
        val = ann.get(key, "")
        if not isinstance(val, str):
            errs.append(f"{name}: {key} must be a string")
    check_prefixes(errs, f"{name} furniture", ann.get("furniture", []), lines, MAX_FURNITURE)
    check_prefixes(errs, f"{name} headings", ann.get("headings", []), lines, MAX_HEADING)
    last = -1
    for i, q in enumerate(ann.get("q", []), 1):
        where = f"{name} q{i}"
        for key in set(q) - Q_KEYS:
            errs.append(f"{where}: unknown key {key}")
        for key in Q_KEYS - set(q):
            errs.append(f"{where}: missing key {key}")
        check_quote(errs, where, q.get("quote"), text)
        quote = q.get("quote") or ""
        if not re.search(r"[0-9０-９零〇一二两三四五六七八九十百千万]", quote):
            errs.append(f"{where}: quote holds no number: {quote!r}")
        if not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
            errs.append(f"{where}: value must be a number")
        if not isinstance(q.get("unit"), str) or not q.get("unit"):
            errs.append(f"{where}: unit missing")
        elif q["unit"] not in quote:
            errs.append(f"{where}: unit {q['unit']!r} not in quote {quote!r}")
        if q.get("qualifier") not in QUALIFIERS:
            errs.append(f"{where}: bad qualifier {q.get('qualifier')!r}")
        if q.get("id") not in ids:
            errs.append(f"{where}: unknown id {q.get('id')!r}")
        pos = text.find(quote) if quote else -1
        if pos < last:
            errs.append(f"{where}: not in text order")
        last = max(last, pos)
    last = -1
    for i, d in enumerate(ann.get("d", []), 1):
        where = f"{name} d{i}"
        for key in set(d) - D_KEYS:
            errs.append(f"{where}: unknown key {key}")
        for key in D_KEYS - set(d):
            errs.append(f"{where}: missing key {key}")
        check_quote(errs, where, d.get("quote"), text)
        if d.get("kind") not in KINDS:
            errs.append(f"{where}: bad kind {d.get('kind')!r}")
        if not isinstance(d.get("certain"), bool):
            errs.append(f"{where}: certain must be true or false")
        for key in ("fix", "note"):
            if not isinstance(d.get(key, ""), str):
                errs.append(f"{where}: {key} must be a string")
        pos = text.find(d.get("quote") or "")
        if pos < last:
            errs.append(f"{where}: not in text order")
        last = max(last, pos)
    return errs


def main(argv: list[str]) -> int:
    """Check the named annotation files (default: all); print problems; 0 when clean."""
    corpus = DEFAULT_CORPUS
    nums = []
    for arg in argv:
        if Path(arg).is_dir():
            corpus = Path(arg)
        else:
            nums.append(arg.removesuffix(".toml").zfill(3))
    ids = known_ids()
    files = [HERE / f"{n}.toml" for n in nums] if nums else sorted(HERE.glob("[0-9][0-9][0-9].toml"))
    errs: list[str] = []
    for path in files:
        errs.extend(check_file(path, corpus, ids))
    for err in errs:
        print(err)
    print(f"{len(files)} files, {len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
