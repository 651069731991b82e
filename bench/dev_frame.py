"""Titles, furniture and headings on the development files of ../shared/corpus (numbers not divisible by 3).

For every dev file, against the `title`, `furniture` and `headings` fields of bench/devset/NNN.toml:
- title: fazhi's `title` equals the annotated title (white space aside); an annotated "" must give None;
- furniture: every annotated furniture line (its raw line, white space aside) is no line of the text
  and (when 8 characters or longer) is not glued into one;
- headings: every annotated heading starts an outline section (recall), and every outline section
  starts an annotated heading (precision; a section the annotators did not list counts as extra).
The held-out third (003, 006, …) and its annotations are never read.
Usage: .venv/bin/python bench/dev_frame.py [corpus_dir] [-v]
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

from fazhi import analyze

DEVSET = Path(__file__).resolve().parent / "devset"
# Annotated heading starts are at most this many characters (bench/devset/README.md).
HEADING_PREFIX = 12
# Furniture this long found inside a line of the text counts as glued there.
GLUED_MIN = 8


def _compact(s: str) -> str:
    return re.sub(r"\s+", "", s)


def _sections(outline) -> list:
    out = []
    for s in outline:
        out.append(s)
        out.extend(_sections(s.children))
    return out


CORPUS = Path(__file__).resolve().parents[1] / ".." / "shared" / "corpus"


def score(corpus: Path = CORPUS, verbose: bool = False) -> dict[str, float]:
    """Title, furniture and heading figures of the dev files (shares); with verbose, print the misses."""
    titles_ok = titles = furn_gone = furn = head_found = heads = extra = sections = 0
    for p in sorted(corpus.glob("[0-9][0-9][0-9].txt")):
        if int(p.stem) % 3 == 0:
            continue  # the test split: never read
        ann = tomllib.loads((DEVSET / f"{p.stem}.toml").read_text(encoding="utf-8"))
        raw = p.read_text(encoding="utf-8")
        r = analyze(p)
        text_lines = [_compact(ln) for ln in r.text.splitlines()]
        titles += 1
        want = _compact(ann.get("title") or "") or None
        got = _compact(r.title) if r.title else None
        titles_ok += want == got
        if verbose and want != got:
            print(f"{p.stem} title: want {want!r} got {got!r}")
        raw_lines = [ln.strip() for ln in raw.splitlines()]
        for start in ann.get("furniture", []):
            line = next((ln for ln in raw_lines if ln.startswith(start.strip())), start)
            furn += 1
            c = _compact(line)
            # Left when it is a line of the text, or glued into one (long furniture only: a short
            # column name such as `法治政府建设` is also a phrase of the report).
            gone = not any(t == c or len(c) >= GLUED_MIN and c in t for t in text_lines)
            furn_gone += gone
            if verbose and not gone:
                print(f"{p.stem} furniture left: {line[:40]!r}")
        starts = [_compact(r.text[s.start : s.start + 2 * HEADING_PREFIX]) for s in _sections(r.outline)]
        want_heads = [_compact(h) for h in ann.get("headings", [])]
        for h in want_heads:
            heads += 1
            hit = any(s.startswith(h) for s in starts)
            head_found += hit
            if verbose and not hit:
                print(f"{p.stem} heading missed: {h!r}")
        for s in starts:
            sections += 1
            if not any(s.startswith(h) for h in want_heads):
                extra += 1
                if verbose:
                    print(f"{p.stem} extra heading: {s[:HEADING_PREFIX]!r}")
    print(
        f"dev files={titles} titles {titles_ok}/{titles}; furniture lines gone {furn_gone}/{furn}; "
        f"headings found {head_found}/{heads}; outline sections not annotated {extra}/{sections}"
    )
    return {
        "titles": titles_ok / max(titles, 1),
        "furniture_gone": furn_gone / max(furn, 1),
        "headings_found": head_found / max(heads, 1),
        "sections_annotated": (sections - extra) / max(sections, 1),
    }


def main(argv: list[str]) -> None:
    """Score title, furniture and headings of every dev file; print the misses with -v."""
    args = [a for a in argv if not a.startswith("-")]
    score(Path(args[0]) if args else CORPUS, verbose="-v" in argv)


if __name__ == "__main__":
    main(sys.argv[1:])
