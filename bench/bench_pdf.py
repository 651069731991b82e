"""PDF text-layer reading: CPU per page of fazhi's reader against pdfium's plain text extraction.

Usage: .venv/bin/python bench/bench_pdf.py [--rounds 5]

Each sample is typeset once and twice over (tests/typeset.py, embedded CJK font) so the growth with
the page count shows. Prints ms of CPU per document and per page for fazhi.ingest.read_bytes (per
character data, reading order, boxes) and for pdfium's get_text_range alone. No asserts.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import pypdfium2 as pdfium  # noqa: E402

from fazhi.ingest import read_bytes  # noqa: E402
from typeset import pdf_bytes, sample_paras  # noqa: E402


def cpu_ms(fn, rounds: int) -> float:
    """Median CPU milliseconds of fn over rounds."""
    times = []
    for _ in range(rounds):
        t = time.process_time()
        fn()
        times.append((time.process_time() - t) * 1000)
    return sorted(times)[len(times) // 2]


def plain(data: bytes) -> None:
    """pdfium's own text of every page."""
    pdf = pdfium.PdfDocument(data)
    for i in range(len(pdf)):
        pdf[i].get_textpage().get_text_range()


def main() -> None:
    """Run the benchmark and print its numbers."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    args = ap.parse_args()
    print(
        f"{'sample':8} {'copies':>6} {'pages':>5} {'reader ms':>10} {'ms/page':>8} {'pdfium ms':>10} {'ms/page':>8}"
    )
    for path in sorted((ROOT / "samples").glob("*.txt")):
        for copies in (1, 2):
            data = pdf_bytes(sample_paras(path) * copies, embed=True)
            pages = len(pdfium.PdfDocument(data))
            ours = cpu_ms(lambda d=data: read_bytes(d, "x.pdf"), args.rounds)
            theirs = cpu_ms(lambda d=data: plain(d), args.rounds)
            print(
                f"{path.name[:3]:8} {copies:6d} {pages:5d} {ours:10.1f} {ours / pages:8.1f} "
                f"{theirs:10.1f} {theirs / pages:8.1f}"
            )


if __name__ == "__main__":
    main()
