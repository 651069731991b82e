"""Wrong forms of fixed phrases, generated from their canonical form by the general patterns (TE001).

A canonical phrase is written once (data/terms/canonical_phrases.tsv, plus the plan names of plans.tsv
and the plenary sessions of sessions.tsv) and its likely slips are derived: the order of its parallel
parts changed, an inner character lost or doubled, a word replaced by the near word it is often
mistaken for. Nothing here is listed by hand per wrong form.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .text import HAN_BASIC

# A bracketed part of a template: the parallel items whose order is fixed.
PART = re.compile(r"\[([^\[\]]+)\]")
HAN = re.compile(f"[{HAN_BASIC}]")
# Numerals are never dropped or doubled: `九届六中全会` is a local committee's session, not a slip of
# 十九届六中全会.
NUMERALS = frozenset("〇零一二三四五六七八九十百")
# Shortest canonical phrase whose inner characters are dropped: in four characters the rest is often a
# word of its own.
MIN_DELETE = 5
# Most parallel parts permuted (4! = 24 orders; more parts would give orders nobody writes).
MAX_PARTS = 4

SWAPPED, LOST, DOUBLED, NEAR = "次序颠倒", "缺字", "多字", "用词不当"


@dataclass(frozen=True, slots=True)
class Variant:
    """A generated wrong form, its canonical form and how it was made."""

    wrong: str
    right: str
    how: str


def canonical(template: str) -> str:
    """The canonical text of a template (brackets removed)."""
    return PART.sub(r"\1", template)


def orders(template: str) -> Iterable[str]:
    """Every other order of the template's bracketed parts."""
    parts = PART.findall(template)
    if not 2 <= len(parts) <= MAX_PARTS:
        return
    pieces = PART.split(template)  # fixed text at even indexes, parts at odd ones
    for perm in itertools.permutations(parts):
        if list(perm) == parts:
            continue
        out = list(pieces)
        out[1::2] = perm
        yield "".join(out)


def lost(text: str) -> Iterable[str]:
    """The text with one inner Chinese character dropped (first and last kept)."""
    if len(text) < MIN_DELETE:
        return
    for i in range(1, len(text) - 1):
        c = text[i]
        if HAN.match(c) and c not in NUMERALS and c not in (text[i - 1], text[i + 1]):
            yield text[:i] + text[i + 1 :]


def doubled(text: str) -> Iterable[str]:
    """The text with one inner Chinese character written twice."""
    for i in range(1, len(text) - 1):
        if HAN.match(text[i]) and text[i] not in NUMERALS:
            yield text[: i + 1] + text[i:]


def near(text: str, swaps: str) -> Iterable[str]:
    """The text with one word replaced by a near word (`法律>普法|法治;公正>公平`)."""
    for rule in filter(None, swaps.split(";")):
        word, _, others = rule.partition(">")
        for other in others.split("|"):
            i = text.find(word)
            while i >= 0:
                yield text[:i] + other + text[i + len(word) :]
                i = text.find(word, i + 1)


def variants(template: str, swaps: str = "") -> Iterator[Variant]:
    """Every generated wrong form of one template."""
    right = canonical(template)
    for w in orders(template):
        yield Variant(w, right, SWAPPED)
    for w in lost(right):
        yield Variant(w, right, LOST)
    for w in doubled(right):
        yield Variant(w, right, DOUBLED)
    for w in near(right, swaps):
        yield Variant(w, right, NEAR)


def generate(
    templates: Iterable[tuple[str, str]], taken: Iterable[str], correct: Iterable[str]
) -> list[Variant]:
    """The wrong forms of all templates, less those another table already holds.

    `taken` are the wrong forms of the other tables: a generated form equal to one or containing one
    is left to that table's rule. `correct` are valid terms (the lexicon; the canonical forms are added):
    a generated form equal to one is no error. A form two canonical phrases both generate is dropped as ambiguous.
    """
    templates = list(templates)
    taken = set(taken)
    correct = set(correct) | {canonical(t) for t, _ in templates}
    by_wrong: dict[str, set[Variant]] = {}
    for template, swaps in templates:
        for v in variants(template, swaps):
            by_wrong.setdefault(v.wrong, set()).add(v)
    out = []
    for wrong, vs in sorted(by_wrong.items()):
        if len({v.right for v in vs}) > 1 or wrong in correct or _contains(wrong, taken):
            continue
        out.append(min(vs, key=lambda v: v.how))
    return out


def _contains(text: str, forms: set[str]) -> bool:
    """Whether text equals or contains one of the forms."""
    n = len(text)
    return any(text[i:j] in forms for i in range(n) for j in range(i + 1, n + 1))
