"""Check the devset annotations (NNN.toml) against their corpus excerpts: stdlib only."""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CORPUS = ROOT.parent / "shared" / "corpus"
MAX_QUOTE = 20  # README: a quote is at most 20 characters
MAX_HEADING = 12  # README: headings are given by their first 12 characters
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
NUMERAL = re.compile(r"[0-9０-９零〇一二两三四五六七八九十百千万亿]")


def known_ids() -> set[str]:
    """Ids of the taxonomy file, the README's added-id table and every proposed_ids_*.toml."""
    data = tomllib.loads((ROOT / "src/fazhi/data/indicators.toml").read_text("utf-8"))
    ids = {item["id"] for item in data["indicator"]} | {"other"}
    for line in (HERE / "README.md").read_text("utf-8").splitlines():
        m = re.match(r"\|\s*([a-z_]+\.[a-z_]+)\s*\|", line)
        if m:
            ids.add(m.group(1))
    for path in sorted(HERE.glob("proposed_ids_*.toml")):
        ids |= {item["id"] for item in tomllib.loads(path.read_text("utf-8")).get("id", [])}
    return ids


def check_quote(text: str, quote: object, where: str, errors: list[str]) -> int:
    """Check one quote; return its offset in text (-1 when it is not found)."""
    if not isinstance(quote, str) or not quote:
        errors.append(f"{where}: empty or non-string quote")
        return -1
    if len(quote) > MAX_QUOTE:
        errors.append(f"{where}: quote longer than {MAX_QUOTE}: {quote}")
    count = text.count(quote)
    if count != 1:
        errors.append(f"{where}: quote found {count} times: {quote}")
    return text.find(quote)


def check_file(path: Path, ids: set[str]) -> list[str]:
    """Return the problems of one annotation file."""
    errors: list[str] = []
    name = path.name
    try:
        ann = tomllib.loads(path.read_text("utf-8"))
    except tomllib.TOMLDecodeError as exc:
        return [f"{name}: TOML error: {exc}"]
    number = int(path.stem)
    if ann.get("file") != f"{path.stem}.txt":
        errors.append(f"{name}: file = {ann.get('file')!r}")
    if ann.get("split") != ("test" if number % 3 == 0 else "dev"):
        errors.append(f"{name}: wrong split {ann.get('split')!r}")
    text = (CORPUS / f"{path.stem}.txt").read_text("utf-8")
    lines = [line.strip() for line in text.splitlines()]
    flat = text.replace("\n", "")
    for key, kind in (
        ("title", str),
        ("title_lines", int),
        ("unit", str),
        ("unit_level", str),
        ("year", int),
        ("addressee", str),
        ("furniture", list),
        ("headings", list),
    ):
        if not isinstance(ann.get(key), kind):
            errors.append(f"{name}: missing or wrong type: {key}")
    if errors:
        return errors
    if ann["unit_level"] not in LEVELS:
        errors.append(f"{name}: unit_level {ann['unit_level']!r}")
    if ann["title"] and ann["title"] not in flat:
        errors.append(f"{name}: title not in text")
    if bool(ann["title"]) != bool(ann["title_lines"]):
        errors.append(f"{name}: title and title_lines disagree")
    if ann["unit"] and ann["unit"].split("、")[0] not in flat:
        errors.append(f"{name}: unit not in text")
    for start in ann["furniture"]:
        if len(start) > MAX_QUOTE or not any(line.startswith(start) for line in lines):
            errors.append(f"{name}: furniture not a line start: {start}")
    pos = 0
    for head in ann["headings"]:
        found = [i for i, line in enumerate(lines) if line.startswith(head)]
        if len(head) > MAX_HEADING or not found:
            errors.append(f"{name}: heading not a line start: {head}")
        elif max(found) < pos:
            errors.append(f"{name}: heading out of order: {head}")
        else:
            pos = min(i for i in found if i >= pos) + 1
    last = -1
    for i, q in enumerate(ann.get("q", [])):
        where = f"{name} q[{i}]"
        at = check_quote(text, q.get("quote"), where, errors)
        if at >= 0 and at < last:
            errors.append(f"{where}: not in text order")
        last = max(last, at)
        if isinstance(q.get("quote"), str) and not NUMERAL.search(q["quote"]):
            errors.append(f"{where}: quote holds no number")
        if not isinstance(q.get("value"), (int, float)) or isinstance(q.get("value"), bool):
            errors.append(f"{where}: value not numeric")
        if not isinstance(q.get("unit"), str) or not q.get("unit"):
            errors.append(f"{where}: unit missing")
        elif q["unit"] not in str(q.get("quote")):
            errors.append(f"{where}: unit {q['unit']} not in the quote")
        if q.get("qualifier") not in QUALIFIERS:
            errors.append(f"{where}: qualifier {q.get('qualifier')!r}")
        if q.get("id") not in ids:
            errors.append(f"{where}: unknown id {q.get('id')!r}")
    last = -1
    for i, d in enumerate(ann.get("d", [])):
        where = f"{name} d[{i}]"
        at = check_quote(text, d.get("quote"), where, errors)
        if at >= 0 and at < last:
            errors.append(f"{where}: not in text order")
        last = max(last, at)
        if d.get("kind") not in KINDS:
            errors.append(f"{where}: kind {d.get('kind')!r}")
        for key in ("fix", "note"):
            if not isinstance(d.get(key), str):
                errors.append(f"{where}: {key} missing")
        if not isinstance(d.get("certain"), bool):
            errors.append(f"{where}: certain missing")
    return errors


def main(argv: list[str]) -> int:
    """Check the given annotation files (default: all NNN.toml here); print problems."""
    paths = [Path(a) for a in argv] or sorted(HERE.glob("[0-9][0-9][0-9].toml"))
    ids = known_ids()
    problems = [err for path in paths for err in check_file(path, ids)]
    for err in problems:
        print(err)
    print(f"{len(paths)} files, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
