"""Generic data-driven rule kinds, and the one Aho-Corasick automaton every term table compiles into.

Most typo and terminology rules are data (proselint's PreferredForms/Existence): a table under
data/terms/ lists wrong forms and their canonical forms, and a rule is a kind applied to a table.
Every table registers here (`register`, `table`); all of them compile into ONE automaton, built once
per user lexicon and cached, so the whole family costs one pass over the text (`scan`).

Entries play one of three roles:
  WRONG    a wrong form, reported unless a guard explains it;
  GUARD    a correct term (lexicon.txt, the user's terms), never reported. A wrong form is dropped
           when a guard strictly contains it, reaches beyond it over its erroneous characters
           (`第一时` inside `第一时间`), or takes its first or last character into a word beyond it
           (`维护国家安全日益重要`: 日 belongs to 日益);
  TRIGGER  a cue that a rule inspects in context (`形式`, `《宪法》`, `二十届`), never suppressed.
Of overlapping wrong forms the leftmost-longest is kept.

The user's lexicon (fazhi.toml `[lexicon]`) comes with the Config the engine passes to every rule
(`check(report, cfg)`), which hands it on here: terms become guards, confusions wrong forms, and a
finding overlapping an allowed string is dropped (`allowed_only`). No other hook is needed.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import ahocorasick

from ..analysis import Analysis
from ..config import Config
from .base import Hit

WRONG, GUARD, TRIGGER = "wrong", "guard", "trigger"
DATA = "fazhi.data.terms"


@dataclass(frozen=True, slots=True)
class Entry:
    """One line of a term table: the string to find, its role, and what the rule needs to know."""

    kind: str
    role: str
    text: str
    right: str = ""
    note: str = ""
    extra: str = ""


@dataclass(frozen=True, slots=True)
class Match:
    """An entry found in the text at [start, end)."""

    start: int
    end: int
    entry: Entry


@dataclass(frozen=True)
class UserLexicon:
    """The user's additions (fazhi.toml `[lexicon]`), hashable so automata can be cached by it."""

    terms: tuple[str, ...] = ()
    confusions: tuple[tuple[str, str], ...] = ()
    allowed: tuple[str, ...] = ()


@dataclass
class Scan:
    """What one pass of the automaton found in a text, grouped by table kind."""

    wrong: dict[str, list[Match]] = field(default_factory=lambda: defaultdict(list))
    trigger: dict[str, list[Match]] = field(default_factory=lambda: defaultdict(list))
    allowed: list[tuple[int, int]] = field(default_factory=list)


_LOADERS: dict[str, Callable[[], Iterable[Entry]]] = {}


def rows(name: str) -> list[list[str]]:
    """The non-comment lines of data/terms/<name>, split on tabs."""
    src = resources.files(DATA).joinpath(name).read_text(encoding="utf-8")
    return [ln.rstrip("\n").split("\t") for ln in src.splitlines() if ln.strip() and not ln.startswith("#")]


def register(kind: str, loader: Callable[[], Iterable[Entry]]) -> None:
    """Add a table of entries (loaded lazily, at the first scan) to the shared automaton."""
    _LOADERS[kind] = loader
    _automaton.cache_clear()


def table(kind: str, name: str, role: str = WRONG) -> None:
    """Register a TSV table whose columns are: text, right form, note, extra."""

    def load() -> Iterator[Entry]:
        for r in rows(name):
            r = [c.strip() for c in r] + [""] * 3
            yield Entry(kind, role, r[0], r[1], r[2], r[3])

    register(kind, load)


def user_lexicon(cfg: Config) -> UserLexicon:
    """The user's lexicon of the configuration."""
    terms, allowed = tuple(cfg.terms), tuple(cfg.allowed)
    try:
        return _user_lexicon(terms, tuple(cfg.confusions.items()), allowed)
    except TypeError:  # an unhashable value in the user's table: built without the cache
        return _build_user_lexicon(terms, cfg.confusions.items(), allowed)


def _build_user_lexicon(terms: tuple, confusions: Iterable[tuple], allowed: tuple) -> UserLexicon:
    return UserLexicon(terms, tuple(sorted((str(k), str(v)) for k, v in confusions)), allowed)


# Distinct user lexicons kept (every rule of every report asks for the active one: a few per process).
LEXICON_CACHE_SIZE = 16


@lru_cache(maxsize=LEXICON_CACHE_SIZE)
def _user_lexicon(terms: tuple, confusions: tuple, allowed: tuple) -> UserLexicon:
    """The UserLexicon of these config values, built once (the rules of a report ask dozens of times)."""
    return _build_user_lexicon(terms, confusions, allowed)


@lru_cache(maxsize=4)
def _automaton(user: UserLexicon) -> ahocorasick.Automaton:
    entries = [e for load in _LOADERS.values() for e in load()]
    entries += [Entry("user", GUARD, t) for t in user.terms + user.allowed if t]
    entries += [Entry("confusion", WRONG, w, r, "用户词表") for w, r in user.confusions if w and r]
    by_text: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_text[e.text].append(e)
    auto = ahocorasick.Automaton()
    for text, es in by_text.items():
        if any(e.role == GUARD for e in es):  # a correct term is never also reported as wrong
            es = [e for e in es if e.role != WRONG]
        auto.add_word(text, tuple(es))
    auto.make_automaton()
    return auto


def scan(report: Analysis, cfg: Config) -> Scan:
    """One pass of the shared automaton over the report's text (kept on the report for its rules)."""
    user = user_lexicon(cfg)
    hit = report.term_scans.get(user)
    if hit is not None:
        return hit
    text = report.text
    result = Scan()
    wrongs: list[Match] = []
    guards: list[Match] = []
    if text:
        for end, entries in _automaton(user).iter(text):
            for e in entries:
                m = Match(end + 1 - len(e.text), end + 1, e)
                if e.role == WRONG:
                    wrongs.append(m)
                elif e.role == GUARD:
                    guards.append(m)
                else:
                    result.trigger[e.kind].append(m)
    for m in _resolve(wrongs, guards):
        result.wrong[m.entry.kind].append(m)
    result.allowed = [(m.start, m.end) for m in guards if m.entry.text in user.allowed]
    report.term_scans[user] = result
    return result


def forget_scans(report: Analysis) -> None:
    """Forget the report's term scan (benchmarks time a cold pass)."""
    report.term_scans.clear()


def error_region(wrong: str, right: str) -> tuple[int, int]:
    """The characters of `wrong` that differ from `right` ([a, a) marks a gap: something is missing)."""
    n = min(len(wrong), len(right))
    p = 0
    while p < n and wrong[p] == right[p]:
        p += 1
    s = 0
    while s < n - p and wrong[-1 - s] == right[-1 - s]:
        s += 1
    return p, len(wrong) - s


def _explained(w: Match, g: Match) -> bool:
    """Whether guard g shows that wrong form w is not an error here."""
    if g.start <= w.start and g.end >= w.end:
        return (g.start, g.end) != (w.start, w.end)
    if g.start >= w.start and g.end <= w.end:  # a correct term inside a wrong form explains nothing
        return False
    if (g.start == w.end - 1 and g.end > w.end) or (g.end == w.start + 1 and g.start < w.start):
        return True  # the wrong form's edge character belongs to the next word (`国家安全日` + `日益`)
    if not w.entry.right:
        return g.start < w.end and g.end > w.start
    a, b = error_region(w.entry.text, w.entry.right)
    a, b = w.start + a, w.start + b
    if a == b:  # a gap: the guard must span it
        return g.start < a < g.end
    return g.start < b and g.end > a


def _resolve(wrongs: list[Match], guards: list[Match]) -> list[Match]:
    """Wrong forms no guard explains; of overlapping ones, the leftmost-longest."""
    if not wrongs:
        return []
    guards.sort(key=lambda m: m.start)
    starts = [g.start for g in guards]
    longest = max((g.end - g.start for g in guards), default=0)
    kept: list[Match] = []
    # leftmost, then longest, then a curated or user form before a generated one on the same span
    for w in sorted(wrongs, key=lambda m: (m.start, m.start - m.end, m.entry.kind == "variant")):
        if kept and w.start < kept[-1].end:
            continue
        lo = bisect.bisect_left(starts, w.start - longest)
        hi = bisect.bisect_left(starts, w.end + 1)
        if not any(_explained(w, g) for g in guards[lo:hi]):
            kept.append(w)
    return kept


def wrong_forms(report: Analysis, cfg: Config, kind: str) -> list[Match]:
    """Unexplained wrong forms of one table kind, in text order."""
    return scan(report, cfg).wrong.get(kind, [])


def triggers(report: Analysis, cfg: Config, kind: str) -> list[Match]:
    """Occurrences of one trigger kind, in text order."""
    return sorted(scan(report, cfg).trigger.get(kind, []), key=lambda m: m.start)


def allowed_only(report: Analysis, cfg: Config, hits: Iterable[Hit]) -> Iterator[Hit]:
    """Drop the hits that overlap a string the user allowed (`lexicon.allowed`)."""
    spans = scan(report, cfg).allowed
    for h in hits:
        if h.start is None or not any(h.start < e and s < h.end for s, e in spans):
            yield h


def fill(message: str, wrong: str, right: str, note: str) -> str:
    """A table message filled in; a note holding brackets of its own follows a colon instead of being
    bracketed again (“…（…（…））” reads badly), an empty note leaves no empty brackets."""
    if "（{note}）" in message and ("（" in note or not note):
        message = message.replace("（{note}）", "：{note}" if note else "")
    return message.format(wrong=wrong, right=right, note=note)


class PreferredForms:
    """Kind: each wrong form of a table is reported with its canonical form as the fix.

    `message` is a template over {wrong}, {right} and {note}; `suggest` says, per entry, whether the
    canonical form is a certain drop-in replacement for the span.
    """

    def __init__(self, kind: str, message: str, suggest: Callable[[Entry], bool] | bool = True):
        self.kind, self.message, self.suggest = kind, message, suggest

    def hits(
        self, report: Analysis, cfg: Config, keep: Callable[[Match], bool] | None = None
    ) -> Iterator[Hit]:
        """Hits for the table's wrong forms (those `keep` accepts, when given)."""
        found = []
        for m in wrong_forms(report, cfg, self.kind):
            if keep is not None and not keep(m):
                continue
            e = m.entry
            fix = self.suggest(e) if callable(self.suggest) else self.suggest
            msg = fill(self.message, e.text, e.right, e.note)
            found.append(Hit(m.start, m.end, msg, suggestion=e.right if fix and e.right else None))
        return allowed_only(report, cfg, found)

    __call__ = hits


class Existence:
    """Kind: each occurrence of a table's strings is reported, without a fix (the right form, if any,
    goes into the message only)."""

    def __init__(self, kind: str, message: str):
        self.kind, self.message = kind, message

    def __call__(self, report: Analysis, cfg: Config) -> Iterator[Hit]:
        """Hits for every unexplained occurrence."""
        found = [
            Hit(
                m.start,
                m.end,
                fill(self.message, m.entry.text, m.entry.right, m.entry.note),
            )
            for m in wrong_forms(report, cfg, self.kind)
        ]
        return allowed_only(report, cfg, found)


table("lexicon", "lexicon.txt", GUARD)


# A quoted event or campaign name (`“《民法典》进万家”`) is at most this long.
MAX_QUOTED_NAME = 40


def inside_quotes(text: str, start: int, end: int) -> bool:
    """Whether text[start:end] stands inside a pair of Chinese double quotes on its line (a quoted name)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opened = text.rfind("“", max(line_start, start - MAX_QUOTED_NAME), start)
    if opened < 0 or "”" in text[opened:start]:
        return False
    closed = text.find("”", end, min(line_end, end + MAX_QUOTED_NAME))
    return closed >= 0 and "“" not in text[end:closed]
