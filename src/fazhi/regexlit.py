"""A prefilter for many regular expressions over one text: try only the patterns that can match.

`required_literals(pattern)` reads a compiled pattern's syntax tree and returns strings of which every
non-empty match must contain at least one (`(?:法治|法律)[^，]{0,8}?培训` → {培训}), or None when it
cannot say (a pattern of classes only, an ignore-case flag). `Prefilter` puts the literals of many
patterns into one Aho-Corasick automaton: one pass over a stretch of text tells which patterns have a
literal there, and only those (and the patterns without literals) need to be run. The prefilter never
changes what is found, it only skips patterns that cannot match.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import ahocorasick

try:  # the parser of the standard library's re (sre_parse before Python 3.11)
    from re import _constants as _c
    from re import _parser as _p
except ImportError:  # pragma: no cover - older layouts
    import sre_constants as _c  # type: ignore[no-redef]
    import sre_parse as _p  # type: ignore[no-redef]

_REPEATS = {_c.MAX_REPEAT, _c.MIN_REPEAT, getattr(_c, "POSSESSIVE_REPEAT", _c.MAX_REPEAT)}
_ZERO_WIDTH = {_c.AT, _c.ASSERT, _c.ASSERT_NOT}
# A character class is taken as a set of literals only up to this many characters.
MAX_CLASS_LITERALS = 16


def required_literals(pattern: re.Pattern) -> frozenset[str] | None:
    """Strings one of which every non-empty match of the pattern contains; None when unknown."""
    if pattern.flags & re.IGNORECASE:
        return None
    try:
        tree = _p.parse(pattern.pattern, pattern.flags)
    except Exception:  # an unexpected syntax tree: no prefilter, the pattern is always run
        return None
    return _seq(list(tree))


def _best(options: list[frozenset[str]]) -> frozenset[str] | None:
    """The most selective of several sets that all hold: the longest shortest string, then the fewest."""
    if not options:
        return None
    return max(options, key=lambda s: (min(len(x) for x in s), -len(s)))


def _seq(items: list) -> frozenset[str] | None:
    """Required literals of a sequence: a run of literal characters, or any one mandatory item's."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, av in items:
        if op is _c.LITERAL:
            run.append(chr(av))
            continue
        if run:
            options.append(frozenset(["".join(run)]))
            run = []
        if op not in _ZERO_WIDTH:
            sub = _item(op, av)
            if sub:
                options.append(sub)
    if run:
        options.append(frozenset(["".join(run)]))
    return _best(options)


def _item(op, av) -> frozenset[str] | None:
    """Required literals of one item of a sequence (None when it requires nothing known)."""
    if op is _c.SUBPATTERN:
        _group, add_flags, _del_flags, sub = av
        return None if add_flags & re.IGNORECASE else _seq(list(sub))
    if op is _c.BRANCH:
        subs = [_seq(list(b)) for b in av[1]]
        return None if any(s is None for s in subs) else frozenset().union(*subs)
    if op in _REPEATS:
        lo, _hi, sub = av
        return _seq(list(sub)) if lo >= 1 else None
    if op is getattr(_c, "ATOMIC_GROUP", None):
        return _seq(list(av))
    if op is _c.IN:
        if all(o is _c.LITERAL for o, _a in av) and 0 < len(av) <= MAX_CLASS_LITERALS:
            return frozenset(chr(a) for _o, a in av)
    return None


class Prefilter:
    """Which of many patterns may match inside a stretch of text, from one automaton pass."""

    def __init__(self, patterns: Sequence[re.Pattern]) -> None:
        self.always: list[int] = []
        by_literal: dict[str, list[int]] = {}
        for i, p in enumerate(patterns):
            lits = required_literals(p)
            if lits is None:
                self.always.append(i)
            else:
                for lit in lits:
                    by_literal.setdefault(lit, []).append(i)
        self.auto = ahocorasick.Automaton()
        for lit, ids in by_literal.items():
            self.auto.add_word(lit, tuple(ids))
        if by_literal:
            self.auto.make_automaton()
        self._has_words = bool(by_literal)

    def candidates(self, text: str, start: int, end: int) -> list[int]:
        """Indices (ascending) of the patterns that may have a non-empty match inside text[start:end]."""
        found = set(self.always)
        if self._has_words and end > start:
            for _end, ids in self.auto.iter(text[start:end]):
                found.update(ids)
        return sorted(found)
