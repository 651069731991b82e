#!/usr/bin/env python3
"""Build the list of real law and regulation titles (TE012) from ../shared/lm-corpus/laws/.

The corpus holds one file per category; every document opens with its title on a line of its own,
followed by its dates (`2019年12月2日 … 通过`), its first chapter or article, or its body. Bodies cite
other documents in 《》. A title is taken from both places when it has the shape of a law's title: no
sentence punctuation, and a legislative ending (法, 条例, 规定, 办法, 细则, 规则, 决定, 解释 …) once a
revision note (`（2019年修正）`) is removed. A title that opens with 中华人民共和国 is also listed without
it (`民法典`), the way reports cite it. Deterministic: sorted, one title a line, the same input gives a
byte-identical file.

    .venv/bin/python scripts/build_law_titles.py [--corpus ../shared/lm-corpus/laws] [--out …]
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

from fazhi.lawtitles import FULL_PREFIX, index_of, is_law_title, nearest, strip_revision  # noqa: E402

OUT = ROOT / "src/fazhi/data/terms/law_titles.txt"
# The longest title kept: longer "titles" are sentences that lost their punctuation.
MAX_TITLE = 60
# A document's first line is a title when one of these follows it: a date, a part/chapter/article head,
# a table of contents or a preamble mark.
NEXT_LINE = re.compile(
    r"^(?:\d{4}年\d{1,2}月\d{1,2}日|第[一二三四五六七八九十百零〇]+[编章节条]|目\s*录|（|\()"
)
# A law-shaped line that is a title wherever it stands: a numbered list of decisions (`1．关于禁毒的决定`)
# or a judicial interpretation whose body follows at once (`最高人民法院关于…的解释`).
ISSUER_LINE = re.compile(r"^(?:\d+[．.])?((?:最高人民法院|最高人民检察院|国务院|中华人民共和国|关于).+)$")
CITED = re.compile(rf"《([^《》\n]{{2,{MAX_TITLE}}})》")
HEADER = """\
# 法律、行政法规、部门规章、司法解释和地方性法规的名称（TE012），由 scripts/build_law_titles.py 从
# ../shared/lm-corpus/laws/（LawRefBook/Laws 快照）生成，请勿手工修改。每行一个名称，不带书名号；
# 以“中华人民共和国”开头的名称同时收录去掉该前缀的简称。
"""


def titles(corpus: Path) -> set[str]:
    """Every law-shaped title the corpus names: document headings and the titles its bodies cite.

    A citation that TE012 would call a slip of a heading (`中华人民和国…`, `优秀历史筑…`: the bodies
    have typos of their own) is left out; headings are the documents' own names.
    """
    heads: set[str] = set()
    cited: set[str] = set()
    for f in sorted(corpus.glob("*.txt")):
        lines = [ln.strip() for ln in f.read_text(encoding="utf-8").splitlines()]
        for i, line in enumerate(lines):
            nxt = lines[i + 1] if i + 1 < len(lines) else ""
            if len(line) <= MAX_TITLE and NEXT_LINE.match(nxt):
                heads.add(strip_revision(line))
            elif len(line) <= MAX_TITLE and (m := ISSUER_LINE.match(line)):
                heads.add(strip_revision(m.group(1)))
            cited.update(strip_revision(m.group(1)) for m in CITED.finditer(line))
    heads = {t for t in heads if is_law_title(t)}
    known = frozenset(_with_short_forms(heads))
    idx = index_of(known)
    slips = {c for c in cited - known if nearest(c, known, idx) is not None}
    print(f"{len(heads)} headings, {len(cited)} cited titles, {len(slips)} citations left out as slips")
    return _with_short_forms(heads | {t for t in cited - slips if is_law_title(t)})


def _with_short_forms(names: set[str]) -> set[str]:
    """The names, and those that open with 中华人民共和国 also without it."""
    kept = set(names)
    kept |= {
        t[len(FULL_PREFIX) :]
        for t in kept
        if t.startswith(FULL_PREFIX) and is_law_title(t[len(FULL_PREFIX) :])
    }
    return kept


def main() -> int:
    """Write the sorted title list."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", type=Path, default=ROOT.parent / "shared" / "lm-corpus" / "laws")
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    if not args.corpus.is_dir():
        print(f"没有找到语料目录：{args.corpus}", file=sys.stderr)
        return 1
    names = sorted(titles(args.corpus))
    args.out.write_text(HEADER + "".join(f"{n}\n" for n in names), encoding="utf-8")
    print(f"{len(names)} titles -> {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
