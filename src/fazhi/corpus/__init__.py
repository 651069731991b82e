"""Copy detection across a corpus of reports: which reports share passages beyond boilerplate.

`load(paths)` reads a folder, zip or files into CorpusDocs (the normalized text every offset refers to);
`similar(docs)` gives the CopyPairs (pairs.py: MinHash LSH over sentence shingles, then alignment);
`copy_findings(docs, pairs)` turns them into findings of rule CP001 in each report, naming the other.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import sources
from ..ingest import ReadError, iter_inputs
from ..model import Finding, Report
from ..normalize import normalize
from .pairs import CopyPair, Passage, find_pairs

__all__ = [
    "CopyPair",
    "CorpusDoc",
    "Passage",
    "copy_findings",
    "from_texts",
    "iter_docs",
    "pair_json",
    "similar",
    "with_copy_findings",
]


@dataclass(frozen=True, slots=True)
class CorpusDoc:
    """One report of a corpus: where it came from, how to name it, and its normalized text."""

    source: str
    text: str
    label: str  # what a reviewer calls it: the issuing unit when known, else the file name
    ref: str | None = None  # the workspace's report id, when it came from the database


def iter_docs(paths: Iterable[str | Path]) -> Iterator[CorpusDoc | ReadError]:
    """Read and normalize every report under the paths (folders walked, zips opened)."""
    for item in iter_inputs(list(paths)):
        if isinstance(item, ReadError):
            yield item
            continue
        text, _ = normalize(item.text)
        yield CorpusDoc(item.source, text, sources.base_name(item.source))


def from_texts(texts: Iterable[str], names: Iterable[str] | None = None) -> list[CorpusDoc]:
    """CorpusDocs of raw texts (normalized here), named `names` or 第1份, 第2份…"""
    texts = list(texts)
    labels = list(names) if names is not None else [f"第{i + 1}份" for i in range(len(texts))]
    return [CorpusDoc(label, normalize(t)[0], label) for t, label in zip(texts, labels, strict=True)]


def similar(docs: Sequence[CorpusDoc]) -> list[CopyPair]:
    """Pairs of documents sharing passages beyond boilerplate, heaviest first."""
    return find_pairs([d.text for d in docs])


def _chars(text: str, start: int, end: int) -> int:
    """Chinese characters, digits and letters in text[start:end] (how long a passage is to a reader)."""
    return sum(1 for ch in text[start:end] if ch.isalnum())


def copy_findings(docs: Sequence[CorpusDoc], pairs: Iterable[CopyPair]) -> dict[int, list[Finding]]:
    """The CP001 findings of each document (by index), one per shared passage, naming the other report."""
    from ..rules.copy import finding

    out: dict[int, list[Finding]] = {}
    for pair in pairs:
        for p in pair.passages:
            a, b = docs[pair.a], docs[pair.b]
            out.setdefault(pair.a, []).append(
                finding(b.label, p.a_start, p.a_end, _chars(a.text, p.a_start, p.a_end))
            )
            out.setdefault(pair.b, []).append(
                finding(a.label, p.b_start, p.b_end, _chars(b.text, p.b_start, p.b_end))
            )
    for fs in out.values():
        fs.sort(key=lambda f: (f.start, f.message))
    return out


def with_copy_findings(reports: Sequence[Report]) -> list[Report]:
    """The reports of one batch, each with the CP001 findings of the passages it shares with another."""
    docs = [CorpusDoc(r.source, r.text, r.unit or sources.base_name(r.source)) for r in reports]
    found = copy_findings(docs, similar(docs))
    out = []
    for i, r in enumerate(reports):
        extra = found.get(i)
        if not extra:
            out.append(r)
            continue
        findings = sorted(
            (*r.findings, *extra), key=lambda f: (f.start if f.start is not None else -1, f.rule)
        )
        out.append(dataclasses.replace(r, findings=tuple(findings)))
    return out


def pair_json(docs: Sequence[CorpusDoc], pair: CopyPair) -> dict:
    """A pair as JSON: both reports and each shared passage with its span and quote in each text."""
    a, b = docs[pair.a], docs[pair.b]
    return {
        "a": {"source": a.source, "label": a.label, "ref": a.ref},
        "b": {"source": b.source, "label": b.label, "ref": b.ref},
        "shared_shingles": pair.shared,
        "passages": [
            {
                "a": {"start": p.a_start, "end": p.a_end, "quote": a.text[p.a_start : p.a_end]},
                "b": {"start": p.b_start, "end": p.b_end, "quote": b.text[p.b_start : p.b_end]},
                "shared_shingles": p.shared,
                "chars": _chars(a.text, p.a_start, p.a_end),
            }
            for p in pair.passages
        ],
    }
