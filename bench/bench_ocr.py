"""OCR of scanned reports: character accuracy and speed on the five samples printed and scanned.

Usage: .venv/bin/python bench/bench_ocr.py [--dpi 200] [--only 000,003]

Each sample is typeset on A4 pages with the installed Noto Sans CJK SC (tests/typeset.py: running
header, page numbers), the pages are saved as a scanned PDF without text layer, and the PDF is read by
fazhi's reader (pdfium renders each page, RapidOCR reads it). Prints per sample: pages, character
accuracy (1 - edit distance / length, white space removed), both with the exact Levenshtein distance
and with the cost of difflib's edit script (an upper bound, the figure reported before), wall and CPU
seconds, pages per second,
and whether the analysis of the OCR text finds the same five parts and how many of the text version's
indicators (id, value, unit) it finds. No asserts: numbers go to docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import difflib
import io
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from fazhi.ingest import RawDocument, read_bytes  # noqa: E402
from fazhi.pipeline import analyze_raw  # noqa: E402
from typeset import page_images, sample_paras  # noqa: E402

SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def squash(text: str) -> str:
    """Text without white space."""
    return "".join(text.split())


# ASCII punctuation and its full-width form: the recogniser reads most ASCII commas of Chinese text as
# `，`; "folded" accuracy compares with both sides mapped to the full-width form.
FOLD = str.maketrans({",": "，", "(": "（", ")": "）", ":": "：", ";": "；", "!": "！", "?": "？"})


def edit_distance_bound(a: str, b: str, confusions: Counter | None = None) -> int:
    """The cost of difflib's edit script from a to b: at least the Levenshtein distance.

    confusions, when given, counts each differing pair (expected, read).
    """
    cost = 0
    for op, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        if op != "equal":
            cost += max(i2 - i1, j2 - j1)
            if confusions is not None:
                confusions[a[i1:i2], b[j1:j2]] += 1
    return cost


def levenshtein(a: str, b: str) -> int:
    """The exact edit distance (insertions, deletions, substitutions), one numpy row at a time."""
    import numpy as np

    if not a or not b:
        return len(a) + len(b)
    codes = np.frombuffer(b.encode("utf-32-le"), dtype=np.uint32)
    idx = np.arange(len(b) + 1)
    row = idx.copy()
    for i, ch in enumerate(a, 1):
        new = np.empty_like(row)
        new[0] = i
        # substitution (or match) from the diagonal, deletion from above
        new[1:] = np.minimum(row[:-1] + (codes != ord(ch)), row[1:] + 1)
        # insertions run left to right: new[j] = min over k <= j of new[k] + (j - k)
        row = np.minimum.accumulate(new - idx) + idx
    return int(row[-1])


def scanned_pdf(paras: list[str], dpi: int) -> tuple[bytes, int]:
    """The paragraphs printed and scanned at dpi, as an image-only PDF; and its page count."""
    images = page_images(paras, dpi=dpi)
    buf = io.BytesIO()
    images[0].save(buf, "PDF", save_all=True, append_images=images[1:], resolution=dpi)
    return buf.getvalue(), len(images)


def indicator_keys(report) -> Counter:
    """The indicators of a report as a multiset of (id, value, unit)."""
    return Counter((i.id, i.value, i.unit) for i in report.indicators)


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--dpi", type=int, default=200, help="resolution of the scanned pages")
    ap.add_argument("--only", default="", help="comma-separated sample prefixes")
    ap.add_argument("--errors", type=int, default=8, help="show this many most frequent misreadings")
    args = ap.parse_args()
    samples = [p for p in SAMPLES if not args.only or p.name[:3] in args.only.split(",")]
    from fazhi.ingest.ocr import engine

    t0 = time.perf_counter()
    engine()
    print(f"engine load: {time.perf_counter() - t0:.1f} s")
    head = (
        f"{'sample':8} {'pages':>5} {'chars':>6} {'exact':>7} {'difflib':>7} {'folded':>7} {'wall s':>7} "
        f"{'cpu s':>6} {'pages/s':>8} "
    )
    print(head + f"{'parts':>6} {'indicators':>12}")
    totals = Counter()
    for path in samples:
        paras = sample_paras(path)
        data, pages = scanned_pdf(paras, args.dpi)
        wall, cpu = time.perf_counter(), time.process_time()
        doc = read_bytes(data, path.stem + ".pdf")
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        truth = squash(path.read_text(encoding="utf-8"))
        got = squash(doc.text)
        confusions = Counter()
        bound = edit_distance_bound(truth, got, confusions)
        errors = levenshtein(truth, got)
        acc = 1 - errors / len(truth)
        folded_errors = levenshtein(truth.translate(FOLD), got.translate(FOLD))
        text_report = analyze_raw(
            RawDocument(source=path.name, text=path.read_text(encoding="utf-8"), format="txt")
        )
        ocr_report = analyze_raw(doc)
        same_parts = {k: str(p.status) for k, p in text_report.parts.items()} == {
            k: str(p.status) for k, p in ocr_report.parts.items()
        }
        want, have = indicator_keys(text_report), indicator_keys(ocr_report)
        found = sum((want & have).values())
        print(
            f"{path.name[:3]:8} {pages:5d} {len(truth):6d} {acc:7.2%} {1 - bound / len(truth):7.2%} "
            f"{1 - folded_errors / len(truth):7.2%} {wall:7.1f} {cpu:6.1f} {pages / wall:8.3f} "
            f"{'same' if same_parts else 'DIFF':>6} {found:5d}/{sum(want.values()):<5d}"
        )
        if args.errors and confusions:
            shown = ", ".join(f"{a!r}→{b!r}×{n}" for (a, b), n in confusions.most_common(args.errors))
            print(f"         misread: {shown}")
        if not same_parts:
            for k, p in text_report.parts.items():
                q = ocr_report.parts.get(k)
                if q is None or q.status != p.status:
                    print(f"         part {k}: text {p.status}, ocr {q.status if q else None}")
        totals.update(
            folded=folded_errors,
            pages=pages,
            chars=len(truth),
            errors=errors,
            bound=bound,
            wall=wall,
            cpu=cpu,
            found=found,
            want=sum(want.values()),
        )
    if totals["chars"]:
        print(
            f"{'total':8} {totals['pages']:5d} {totals['chars']:6d} {1 - totals['errors'] / totals['chars']:7.2%} "
            f"{1 - totals['bound'] / totals['chars']:7.2%} "
            f"{1 - totals['folded'] / totals['chars']:7.2%} "
            f"{totals['wall']:7.1f} {totals['cpu']:6.1f} {totals['pages'] / totals['wall']:8.3f} "
            f"{'':6} {totals['found']:5d}/{totals['want']:<5d}"
        )


if __name__ == "__main__":
    main()
