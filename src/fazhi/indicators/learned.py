"""A cue table learned from the annotated development set: a small naive Bayes model over a
quantity's context, shipped as data (`data/indicator_cues.json`, built by bench/build_cues.py).

The hand cues of `indicators.toml` decide first; the table speaks only for a quantity they leave
`other`, and only above the posterior the build chose by leave-one-file-out runs on the dev split
(`accept`; null when no threshold reached bench/build_cues.py's required precision, and then no
counts are shipped and the table stays silent). Its features are the cues a reader uses: the measure word,
the words just before the number (the verb and its object), the noun right after it (a number before
its noun), the section's topic and the paragraph's subject. Everything is CPU and pure Python.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache
from importlib import resources

from .quantities import Quantity
from .taxonomy import OTHER_ID

# Characters of the left context (fillers removed) whose bigrams are features: the verb and its
# object sit within this of the number (`开展普法宣传活动12场`).
LEFT_WINDOW = 8
# Characters after the measure word whose bigrams are features (`45名执法人员`).
RIGHT_WINDOW = 6
# Characters of the section titles and paragraph lead read for topic bigrams.
TOPIC_WINDOW = 40
# Laplace smoothing of the feature counts.
ALPHA = 0.5
TABLE = "indicator_cues.json"
# Features are computed only when the table is in use or while building it (bench/build_cues.py
# sets this), so an unused table costs nothing.
RECORD_FEATURES = False


def _bigrams(s: str) -> list[str]:
    return [
        s[i : i + 2] for i in range(len(s) - 1) if not any(c.isspace() or c.isdigit() for c in s[i : i + 2])
    ]


def features(unit: str, left: str, right: str, topics: str, paragraph: str) -> tuple[str, ...]:
    """The context features of a quantity: measure word, left and right words, topic, subject."""
    left = left[-LEFT_WINDOW:]
    right = right[:RIGHT_WINDOW]
    out = [f"U:{unit}"]
    out += [f"H:{left[-2:]}", f"H4:{left[-4:]}"] if len(left) >= 2 else []
    out += [f"L:{b}" for b in _bigrams(left)]
    out += [f"RH:{right[:2]}"] if len(right) >= 2 else []
    out += [f"R:{b}" for b in _bigrams(right)]
    out += [f"T:{b}" for b in set(_bigrams(topics[-TOPIC_WINDOW:]))]
    out += [f"P:{b}" for b in set(_bigrams(paragraph[:TOPIC_WINDOW]))]
    return tuple(out)


class CueTable:
    """Naive Bayes counts: examples per id and feature counts per id."""

    def __init__(self, data: dict):
        self.classes: dict[str, int] = data.get("classes", {})
        self.counts: dict[str, dict[str, int]] = data.get("features", {})
        self.totals: dict[str, int] = {c: 0 for c in self.classes}
        for per in self.counts.values():
            for c, n in per.items():
                self.totals[c] = self.totals.get(c, 0) + n
        self.vocab = max(len(self.counts), 1)
        self.n = sum(self.classes.values())
        # the posterior from which the table may label a quantity, chosen by the build's
        # leave-one-file-out check; None when no threshold was precise enough (table unused)
        self.accept: float | None = data.get("accept")

    def posterior(self, feats: tuple[str, ...], allowed: set[str]) -> dict[str, float]:
        """Probability of each allowed id (and `other`) given the features; {} without data."""
        cands = [c for c in self.classes if c in allowed]
        if not cands or not self.n:
            return {}
        logp = {}
        for c in cands:
            lp = math.log(self.classes[c] / self.n)
            denom = self.totals.get(c, 0) + ALPHA * self.vocab
            for f in feats:
                per = self.counts.get(f)
                if per is None:
                    continue  # an unseen feature says nothing
                lp += math.log((per.get(c, 0) + ALPHA) / denom)
            logp[c] = lp
        top = max(logp.values())
        z = sum(math.exp(v - top) for v in logp.values())
        return {c: math.exp(v - top) / z for c, v in logp.items()}


def build(examples: list[tuple[str, tuple[str, ...]]], min_count: int = 2) -> dict:
    """The table's data from labelled examples (id, features); rare features are dropped."""
    classes: dict[str, int] = {}
    seen: dict[str, int] = {}
    for label, feats in examples:
        classes[label] = classes.get(label, 0) + 1
        for f in set(feats):
            seen[f] = seen.get(f, 0) + 1
    counts: dict[str, dict[str, int]] = {}
    for label, feats in examples:
        for f in feats:
            if seen[f] >= min_count:
                per = counts.setdefault(f, {})
                per[label] = per.get(label, 0) + 1
    return {"classes": dict(sorted(classes.items())), "features": dict(sorted(counts.items()))}


@lru_cache(maxsize=1)
def table() -> CueTable:
    """The shipped table (empty when the data file is absent)."""
    try:
        src = resources.files("fazhi.data").joinpath(TABLE).read_text(encoding="utf-8")
    except FileNotFoundError:
        return CueTable({})
    return CueTable(json.loads(src))


# Characters before the number a learned indicator's quote takes in (its verb and object).
LEARNED_QUOTE_LEFT = 6


def reading(tax, q: Quantity, feats: tuple[str, ...], left_lo: int) -> tuple[str | None, int, str]:
    """The learned table's reading of a quantity the hand cues left open, when it is confident."""
    allowed = {s.id for s in tax.specs if q.unit in s.units and not s.is_rate} | {OTHER_ID}
    t = table()
    if t.accept is None:
        return None, q.start, ""
    post = t.posterior(feats, allowed)
    if not post:
        return None, q.start, ""
    top = max(post, key=post.get)
    if top == OTHER_ID or post[top] < t.accept:
        return None, q.start, ""
    return top, max(left_lo, q.start - LEARNED_QUOTE_LEFT), "learned"
