"""Readings of a count from beyond its own clause: the event its sentence named (a bare count, an
attendance), the people who take part, a process verb that governs an object noun, the subject a
generic rate or generic cue needs. Split from `mapping` (which scores the cues around the number)."""

from __future__ import annotations

import re
from bisect import bisect_left

from .quantities import in_title
from .taxonomy import Spec

# Cue kinds that name an event by themselves (weak and generic cues are too loose to carry a count
# they do not touch).
SENTENCE_NOUN_KINDS = frozenset({"noun", "verb"})
# People who attend (`…宣传月活动，共计800余人参加`) are the audience of the event the sentence named
# before them: the event's indicator gives the attendance's.
ATTEND = re.compile("参加|参与|参会|出席|到场|受教育|受益")
PERSON_UNITS = frozenset({"人", "人次", "名"})
# People counted before a verb of taking part (`186名执法人员参加法律知识考试`) are counted as the
# participants of what follows, not as the staff their own noun names: a cue after the number that
# is reached through such a verb gets PARTICIPATE_BONUS.
PARTICIPATE = re.compile("参加|参与|参训|参考|旁听")
# A cue reached through the verb of taking part outweighs the person noun touching the number
# (`320名行政执法人员`: 10 + 6 × LEN_BONUS) even when it is a generic one a few characters on.
PARTICIPATE_BONUS = 5.0
# The marker of a part of the count before it: the words after it describe the part only.
SUBSET = "其中"
AUDIENCE_OF = {
    "publicity.events": "publicity.audience",
    "study.lectures": "study.trainees",
    "study.court_hearings": "study.court_hearings",
}


def sentence_noun(specs, text, q, cues, cue_starts, lo, clause_lo) -> tuple[str | None, int, int, str]:
    """The id of a bare count from the full cues earlier in its sentence (`举办法治讲座…，全年共举办
    8场`; a generic cue when the sentence names its clause words): only when they name one indicator
    of the count's unit and no other count lies between."""
    ids, first = set(), None
    sentence = text[lo : q.end]
    i = bisect_left(cue_starts, lo)
    while i < len(cues) and cues[i][1] <= clause_lo:
        s, e, si, kind = cues[i]
        i += 1
        spec = specs[si]
        full = kind in SENTENCE_NOUN_KINDS or (kind == "generic" and any(w in sentence for w in spec.clause))
        if spec.not_after is not None and spec.not_after.search(sentence):
            continue  # the sentence's process counts its object (`开展规范性文件清理，共计58件`)
        if full and q.unit in spec.units and not spec.is_rate and not in_title(text, s, e):
            ids.add(si)
            first = s if first is None else first
    if len(ids) != 1:
        return None, q.start, q.end, ""
    si = ids.pop()
    return specs[si].id, clause_lo, q.end, text[first : first + 8]


def attendance(tax, text, q, cues, cue_starts, lo, clause_lo) -> tuple[str | None, int, int, str]:
    """The audience of the one kind of event (full cues) its sentence named before it (`…共800余人参加`,
    or a bare count of people: `…旁听庭审，共40余人次`)."""
    ids = set()
    sentence = text[lo : q.end]
    i = bisect_left(cue_starts, lo)
    while i < len(cues) and cues[i][1] <= clause_lo:
        _s, _e, si, kind = cues[i]
        i += 1
        spec = tax.specs[si]
        # a generic cue names the event when the sentence names what it was about (`…专题讲座1场`)
        full = kind in SENTENCE_NOUN_KINDS or (kind == "generic" and any(w in sentence for w in spec.clause))
        if full and spec.id in AUDIENCE_OF:
            ids.add(AUDIENCE_OF[tax.specs[si].id])
    if len(ids) != 1:
        return None, q.start, q.end, ""
    m = ATTEND.match(text, q.end)
    return (ids.pop(), clause_lo, m.end(), m.group(0)) if m else (ids.pop(), clause_lo, q.end, "")


def rate_confirmed(spec: Spec | None, context_text: str) -> bool:
    """True when a rate of a generic name (`办结率`) has its subject in the sections or paragraph
    before it (`信访…按期办结率` is a petition rate, a service hall's `办结率` is not)."""
    return spec is None or not spec.rate_confirm or any(w in context_text for w in spec.rate_confirm)


def governed(spec: Spec, text: str, left_lo: int, s: int, q_end: int, right_hi: int, to_object: bool) -> bool:
    """True when a verb of another process governs the spec's object noun: before it in the clause
    (`审查…规范性文件22件`) or as the action of `对N…进行<verb>` (`对112件规范性文件进行清理`)."""
    return bool(spec.not_after.search(text, left_lo, s)) or (
        to_object and spec.not_after.search(text, q_end, right_hi) is not None
    )


def clause_named(spec: Spec, clause_text: str, sent_text: str) -> bool:
    """True when the sentence names one of a generic cue's clause words (what is studied, reviewed)."""
    # what a meeting took up may follow its count, but not past `其中` (a part with its own count:
    # `召开党组会议18次，其中专题研究法治建设3次`)
    where = clause_text + sent_text.split(SUBSET)[0] if spec.clause_after else clause_text
    return any(w in where for w in spec.clause)


def rate_after(specs, text, q) -> tuple[str | None, int, int, str]:
    """A percentage written before what it measures (`100%全程网办`)."""
    hits = [(s, m) for s in specs for p in s.rates_after if (m := p.match(text, q.end))]
    if len(hits) != 1:
        return None, q.start, q.end, ""
    spec, m = hits[0]
    return spec.id, q.start, m.end(), m.group(0)


def narrowed(specs, id_: str, clause: str) -> str:
    """The narrower indicator a count of `id_` is when its clause names what narrows it (the procedure
    of `适用一般程序查处案件27起`, the outcome of `成功调处…纠纷42起`); `id_` itself when none or several do."""
    hits = [
        s.id for s in specs if id_ in s.narrows and s.narrow_cue is not None and s.narrow_cue.search(clause)
    ]
    return hits[0] if len(hits) == 1 else id_
