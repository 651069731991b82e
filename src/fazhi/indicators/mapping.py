"""Mapping quantities to indicators by their context: the noun phrase counted, the verb before it,
the rate named before a percentage, and the section and `一是…` lead they sit in.

Precision first: a quantity whose context does not single out one indicator stays `other`.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache

from ..regexlit import Prefilter
from ..text import HAN_BASIC
from ..vocab import HeadingStyle
from . import learned
from .outcomes import outcome_id
from .quantities import Quantity
from .readings import (
    ATTEND,
    PARTICIPATE,
    PARTICIPATE_BONUS,
    PERSON_UNITS,
    attendance,
    clause_named,
    governed,
    narrowed,
    rate_after,
    rate_confirmed,
    sentence_noun,
)
from .taxonomy import OTHER_ID, Spec, load_data, taxonomy

# Cue weights. A full cue (noun or verb) counts CUE_WEIGHT; a weak cue (a noun shared by several
# indicators, e.g. `讲座`, `咨询`) slightly less, so that without context the specific reading
# wins and with context (a topic or sentence word) the other reading can overtake it.
CUE_WEIGHT = 10.0
WEAK_WEIGHT = 9.5
# Longest gap (characters, fillers removed) between a cue and its number. Before the number a
# noun must touch it (`发放宣传资料1万余份`); a verb leaves room for its object (`检查农村宴席40余家`,
# and a coordinated one, `检查食品生产经营单位和小餐饮店共计120家`: 14 changed no dev figure, 8 missed it);
# after the number the counted noun phrase may carry modifiers (`4次安全生产、平安建设等宣传咨询活动`).
NOUN_GAP_LEFT = 2
VERB_GAP = 14
NOUN_GAP_RIGHT = 12
# Score lost per character of gap: small, the gap limits above do the real filtering.
LEFT_PENALTY = 0.5
RIGHT_PENALTY = 0.25
# Score per character of the matched cue: a longer cue is more specific (`企业矛盾纠纷` over `矛盾纠纷`).
LEN_BONUS = 0.3
# Context bonuses: a topic word in a section title of the chain, in the paragraph's `一是…` lead
# (nearer, so stronger), or a sentence word elsewhere in the same sentence.
SECTION_BONUS = 2.0
LEAD_BONUS = 4.0
SENTENCE_BONUS = 3.0
# A subject word of the paragraph before the quantity (`行政复议` opening a paragraph whose later
# `案件8件` has no noun of its own): as strong as a sentence word.
PARAGRAPH_BONUS = 3.0
# The audience named in the sentence (`为机关干部宣讲…`, `党员干部深入农户宣讲…`): stronger than a
# sentence word, since the speaker (`党员干部`) is named as often as the audience is.
AUDIENCE_BONUS = 4.0
# `对N项重大决策开展合法性审查`: the object is counted, the action after it names the indicator. A
# cue after the number reached through (or naming) an action verb (`对3件文件予以废止` too), with `对` before the number in its clause,
# outweighs the object's own noun touching the number (10 + length bonus) by about this much.
ACTION_BONUS = 3.0
ACTION_VERBS = re.compile("开展|进行|实施|组织|予以")
# A count of events that ends its clause with no noun (`走进社区开展2场次`, `今年共计8场`) takes the
# indicator of the full cues earlier in its sentence, when they name one only; looked for this far
# back at most (characters), and only for these units and cue kinds (weak and generic cues are
# too loose to carry a count they do not touch).
MAX_SENTENCE_REACH = 120
SENTENCE_NOUN_UNITS = frozenset({"次", "场", "场次", "期", "堂", "堂次"})
# A bare count has only a verb, a total marker or a time word before it (`全年共举办6场`), not a
# noun of its own that no cue knows (`党员教育培训1.2万期` is not a count of the sentence's 讲座).
BARE_LEFT = re.compile(
    "(?:开展|举办|组织|召开|进行|举行|共计|累计|合计|总计|共|计|了|达到|达|先后|全年|今年|本年度|年内|分别)$"
)
# A count in a unit of things (项 件) is bare only when a total marker alone opens its clause
# (`公布重大行政决策事项目录，共4项`): what it totals is the noun of the clause before.
BARE_TOTAL = re.compile("(?:共|共计|合计|总计)")
BARE_TOTAL_UNITS = frozenset({"项", "件", "份"})
# A quantity followed by one of these closes a list item: the noun after it belongs to the next item.
ITEM_SEPARATORS = "、，,；;"
# Cues are looked for only in the clauses holding a count, read this far past the clause's end (a
# cue's own lookahead), and clauses closer than WINDOW_MERGE characters are scanned as one piece:
# fewer, longer scans are cheaper than many short ones.
CUE_OVERRUN = 8
WINDOW_MERGE = 40
# Scores within this of each other are a tie: the quantity stays `other`.
TIE = 1e-6
# A section whose title is longer than this is a numbered paragraph run on, not a heading: the
# indicator is labelled with the section above it (seed 004's `(2)建立…32份`).
MAX_SECTION_TITLE = 30
# Quote pairs a quote is extended to close (`43名“法律明白人”`).
PAIRS = {"“": "”", "（": "）", "(": ")", "《": "》", "「": "」"}
# Kinds of totality markers of the data file, strongest first.
TOTAL_KINDS = ("cumulative", "year")
# The lead of a paragraph is looked for this far back at most (characters).
MAX_LEAD_DISTANCE = 600


@dataclass(frozen=True, slots=True)
class Mention:
    """A quantity in its context, with the indicator it maps to (`other` when none)."""

    q: Quantity
    id: str
    candidate: str | None  # best reading before demotion (per-unit, change, plan, range)
    start: int  # the quote: the phrase that carries the meaning
    end: int
    section: str | None
    per_unit: bool
    change: str | None  # "+" or "-" for a change (`比去年减少14件`), else None
    total: str | None  # "year" or "cumulative" when stated as a total, else None
    cue: str
    sentence: tuple[int, int]
    paragraph: tuple[int, int]
    features: tuple[str, ...] = ()


class _Context:
    """Compiled context patterns of the data file."""

    def __init__(self) -> None:
        c = load_data()["context"]
        self.bounds = re.compile("[" + re.escape(c["boundaries"]) + "]")
        self.sent_ends = re.compile("[" + re.escape(c["sentence_ends"]) + "]")
        self.fillers = re.compile("|".join(f"(?:{f})" for f in c["fillers"]))
        self.per_unit = re.compile("|".join(c["per_unit"]))
        self.plan = re.compile("|".join(c["plan"]))
        self.change = re.compile("|".join(f"(?:{x})" for x in c["change"]))
        self.totals = {k: re.compile(v) for k, v in c["totals"].items()}
        self.lead = re.compile(c["lead_markers"] + f'(?=[{HAN_BASIC}“"《])')
        self.rate_phrase = re.compile(c["rate_phrase"])


@lru_cache(maxsize=1)
def context() -> _Context:
    """The context patterns, compiled once."""
    return _Context()


def _gap(text: str) -> int:
    return len(context().fillers.sub("", text))


def _windows(
    text: str, quantities: list[Quantity], bounds: list[int], sents: list[int], lo: int, hi: int
) -> list[tuple[int, int]]:
    """The clauses holding a count (merged when near): the only text where cues can matter; for a
    count that may be bare or an attendance, from its sentence's start (see MAX_SENTENCE_REACH)."""
    out: list[tuple[int, int]] = []
    for q in quantities:
        if q.kind == "percent":
            continue
        a, b = _around(bounds, q.start, lo, hi, q.end)
        if (
            (q.unit in SENTENCE_NOUN_UNITS and BARE_LEFT.search(text, a, q.start))
            or (q.unit in BARE_TOTAL_UNITS and BARE_TOTAL.fullmatch(text, a, q.start))
            or (q.unit in PERSON_UNITS and (ATTEND.match(text, q.end) or _bare_people(text, q, a, b)))
        ):
            a = max(_around(sents, q.start, lo, hi, q.end)[0], q.start - MAX_SENTENCE_REACH)
        b = min(hi, b + CUE_OVERRUN)
        if out and a <= out[-1][1] + WINDOW_MERGE:
            out[-1] = (out[-1][0], max(out[-1][1], b))
        else:
            out.append((a, b))
    return out


CUE_KINDS = (
    ("noun", "nouns"),
    ("verb", "verbs"),
    ("weak", "weak"),
    ("generic", "generic"),
    ("genericverb", "generic_verbs"),
)


def _cue_index(tax) -> tuple[list[tuple[int, str, re.Pattern]], Prefilter]:
    """Every cue pattern as (spec index, kind, pattern), and a prefilter over them (built once per taxonomy)."""
    cached = getattr(tax, "_cue_index", None)
    if cached is None:
        cues = [
            (i, kind, p)
            for i, spec in enumerate(tax.specs)
            for kind, attr in CUE_KINDS
            for p in getattr(spec, attr)
        ]
        cached = (cues, Prefilter([p for _i, _k, p in cues]))
        object.__setattr__(tax, "_cue_index", cached)
    return cached


def _cue_matches(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """All cue matches inside the windows: (start, end, spec index, kind), sorted by start.

    Only the cues whose literal part occurs in a window are run there (regexlit.Prefilter): a cue
    without it cannot match, so the result is that of running every cue in every window."""
    out: list[tuple[int, int, int, str]] = []
    if not windows:
        return out
    cues, pre = _cue_index(taxonomy())
    for a, b in windows:
        for k in pre.candidates(text, a, b):
            i, kind, p = cues[k]
            out.extend((m.start(), m.end(), i, kind) for m in p.finditer(text, a, b) if m.end() > m.start())
    out.sort()
    return out


def _spans(pattern: re.Pattern, text: str, lo: int, hi: int) -> list[int]:
    return [m.start() for m in pattern.finditer(text, lo, hi)]


def _around(marks: list[int], pos: int, lo: int, hi: int, end_pos: int) -> tuple[int, int]:
    """The span between the mark before pos and the first mark at or after end_pos."""
    i = bisect_left(marks, pos)
    a = marks[i - 1] + 1 if i > 0 else lo
    j = bisect_left(marks, end_pos)
    b = marks[j] if j < len(marks) else hi
    return max(a, lo), min(b, hi)


def _chain(outline, pos: int) -> list:
    """The sections containing pos, outermost first: a descent of the outline tree (siblings are
    disjoint and in order), not a scan of every section per quantity."""
    chain, level = [], outline
    while level:
        i = bisect_right(level, pos, key=lambda s: s.start) - 1
        if i < 0 or not level[i].start <= pos < level[i].end:
            break
        chain.append(level[i])
        level = level[i].children
    return chain


def section_label(sec) -> str:
    """A section as written: `三、法治社会建设情况`, `（一）…`, `1.…`."""
    n, t, style = sec.number, sec.title, getattr(sec, "style", "")
    if not n:
        return t
    fmt = {
        HeadingStyle.CN: "{n}、{t}",
        HeadingStyle.PAREN_CN: "（{n}）{t}",
        HeadingStyle.ARABIC: "{n}.{t}",
        HeadingStyle.PAREN_ARABIC: "（{n}）{t}",
        HeadingStyle.ORDINAL: "{n}是{t}",
    }.get(style, "{t}")
    return fmt.format(n=n, t=t)


def map_quantities(report, quantities: list[Quantity]) -> list[Mention]:
    """Map each quantity of the report to an indicator (or `other`), with its quote span."""
    text = report.text
    lo, hi = (
        report.body_span if report.body_span and report.body_span[1] > report.body_span[0] else (0, len(text))
    )
    ctx, tax = context(), taxonomy()
    bounds = _spans(ctx.bounds, text, lo, hi)
    sents = _spans(ctx.sent_ends, text, lo, hi)
    cues = _cue_matches(text, _windows(text, quantities, bounds, sents, lo, hi))
    cue_starts = [c[0] for c in cues]
    lines = [m.start() for m in re.finditer("\n", text)]
    plan = report.parts.get("next_year") if report.parts else None
    plan_span = (
        (plan.start, plan.end)
        if plan is not None and plan.start is not None and str(plan.status) == "dedicated"
        else None
    )
    out = []
    for k, q in enumerate(quantities):
        c0, c1 = _around(bounds, q.start, lo, hi, q.end)
        # the left context starts after the previous quantity's quote (its noun is not ours)
        prev_end = out[-1].end if out else lo
        left_lo = max(c0, prev_end) if prev_end <= q.start else c0
        right_hi = (
            min(c1, quantities[k + 1].start)
            if k + 1 < len(quantities) and quantities[k + 1].start >= q.end
            else c1
        )
        sentence = _around(sents, q.start, lo, hi, q.end)
        paragraph = _around(lines, q.start, 0, len(text), q.end)
        chain = _chain(report.outline, q.start)
        left = text[left_lo : q.start]
        change = _change(ctx, text[c0 : q.start])
        per_unit = bool(ctx.per_unit.search(left)) and q.kind != "percent"
        # a cumulative marker (`累计`) outranks a yearly one (`共`) in `累计共…`
        total = next((t for t in TOTAL_KINDS if t in ctx.totals and ctx.totals[t].search(left)), None)
        topic_sections = "".join(s.title for s in chain)
        lead = _lead(ctx, text, paragraph[0], q.start)
        sent_text = text[sentence[0] : q.start] + text[q.end : sentence[1]]
        para_text = text[paragraph[0] : q.start]
        # the run of a case count may go on in the paragraph's next sentence (`…审结44件。其中，维持31件`)
        prev_id = out[-1].id if out and out[-1].paragraph == paragraph and out[-1].id != OTHER_ID else None
        follow = outcome_id(text, q, prev_id, left, text[q.end : right_hi])
        if follow is not None:
            best, start, end, cue = follow[0], left_lo + follow[1], q.end, "outcome"
        elif q.kind == "percent":
            best, start, end, cue = _rate(ctx, tax.specs, text, c0, q)
            if best is not None and not rate_confirmed(tax.get(best), topic_sections + para_text):
                best, start, end, cue = None, q.start, q.end, ""
        else:
            best, start, end, cue = _count(
                tax.specs,
                text,
                q,
                cues,
                cue_starts,
                left_lo,
                right_hi,
                topic_sections,
                lead,
                sent_text,
                para_text,
                sentence[0],
                c1,
            )
            if best is None and _bare(text, q, left_lo, right_hi):
                prev_q = quantities[k - 1].end if k > 0 and quantities[k - 1].end <= q.start else lo
                reach = max(sentence[0], prev_q, q.start - MAX_SENTENCE_REACH)
                best, start, end, cue = sentence_noun(tax.specs, text, q, cues, cue_starts, reach, c0)
            if best is not None:
                best = narrowed(tax.specs, best, text[c0:c1])
            if best is None and (
                (q.unit in PERSON_UNITS and ATTEND.match(text, q.end))
                or _bare_people(text, q, left_lo, right_hi)
            ):
                reach = max(sentence[0], q.start - MAX_SENTENCE_REACH)
                best, start, end, cue = attendance(tax, text, q, cues, cue_starts, reach, c0)
        feats = ()
        if q.kind != "percent" and (learned.RECORD_FEATURES or learned.table().accept is not None):
            feats = learned.features(
                q.unit,
                context().fillers.sub("", text[left_lo : q.start]),
                text[q.end : right_hi],
                topic_sections + lead,
                para_text,
            )
            if best is None:
                best, start, cue = learned.reading(tax, q, feats, left_lo)
        candidate = best
        demoted = (
            per_unit
            or change is not None
            or q.kind == "range"
            or (plan_span is not None and plan_span[0] <= q.start < plan_span[1])
            or bool(ctx.plan.search(text, c0, q.start))
        )
        final = best if best and not demoted else OTHER_ID
        if final == OTHER_ID:
            start, end = q.start, q.end
        end = _balance(text, start, end, hi)
        label = next(
            (
                section_label(s)
                for s in reversed(chain)
                if getattr(s, "style", "") != HeadingStyle.ORDINAL and len(s.title) <= MAX_SECTION_TITLE
            ),
            None,
        )
        out.append(
            Mention(
                q,
                final,
                candidate,
                start,
                end,
                label,
                per_unit,
                change,
                total,
                cue,
                sentence,
                paragraph,
                feats,
            )
        )
    return out


def _bare(text: str, q: Quantity, left_lo: int, right_hi: int) -> bool:
    """True when a count has no noun of its own on either side (`今年共计8场`, `…目录，共4项`)."""
    if _gap(text[q.end : right_hi]) != 0:
        return False
    if q.unit in BARE_TOTAL_UNITS:
        return BARE_TOTAL.fullmatch(text, left_lo, q.start) is not None
    return q.unit in SENTENCE_NOUN_UNITS and (
        q.start == left_lo or BARE_LEFT.search(text, left_lo, q.start) is not None
    )


def _bare_people(text: str, q: Quantity, left_lo: int, right_hi: int) -> bool:
    """True when a count of people has no noun of its own (`组织干部旁听庭审，共40余人次`): those who
    attended the event its sentence named."""
    return (
        q.unit in PERSON_UNITS
        and _gap(text[q.end : right_hi]) == 0
        and (q.start == left_lo or BARE_LEFT.search(text, left_lo, q.start) is not None)
    )


def _balance(text: str, start: int, end: int, hi: int) -> int:
    """Extend end over closing marks the quote opened but did not close."""
    piece = text[start:end]
    for o, c in PAIRS.items():
        if piece.count(o) > piece.count(c) and end < hi and text[end] == c:
            end += 1
    return end


def last_match(matches) -> re.Match | None:
    """The last of an iterator of matches, or None."""
    found = None
    for found in matches:  # noqa: B007 — we want the last one
        pass
    return found


def _change(ctx: _Context, left: str) -> str | None:
    m = last_match(ctx.change.finditer(left))
    if m is None:
        return None
    tail = left[m.start() :]
    if re.search("减少|下降|降低|少", tail):
        return "-"
    return "+"


def _lead(ctx: _Context, text: str, para_start: int, pos: int) -> str:
    m = last_match(ctx.lead.finditer(text, max(para_start, pos - MAX_LEAD_DISTANCE), pos))
    if m is None:
        return ""
    end = ctx.sent_ends.search(text, m.end(), pos)
    return text[m.end() : end.start() if end else pos]


def _rate(ctx, specs, text, c0, q) -> tuple[str | None, int, int, str]:
    left = text[c0 : q.start]
    m = ctx.rate_phrase.search(left)
    if _change(ctx, left):
        return None, q.start, q.end, ""
    if not m:
        return rate_after(specs, text, q)
    names = m.group(0).rstrip("均都分别为达到是").split("、")
    for name in reversed(names):
        hits = [s for s in specs if s.rates and any(p.search(name) for p in s.rates)]
        if len(hits) == 1:
            return hits[0].id, c0 + m.start(), q.end, name
        if len(hits) > 1:
            return None, q.start, q.end, ""
    return None, q.start, q.end, ""


def _ends_item(text: str, end: int, cue_start: int) -> bool:
    """True when the quantity closes a list item (`学法10次、法治讲座4次`): what follows is not its noun."""
    return cue_start > end and text[end] in ITEM_SEPARATORS


def _count(
    specs: tuple[Spec, ...],
    text,
    q,
    cues,
    cue_starts,
    left_lo,
    right_hi,
    topics,
    lead,
    sent_text,
    para,
    sent_lo,
    clause_hi,
):
    # the best cue of each spec, its full and its weak cues apart: a weak cue its context does not
    # confirm must not hide a full cue of the same spec (`查处案件27起`: 查处 counts, 案件 alone would not)
    best: dict[tuple[int, bool], tuple[float, int, int, str, str, int]] = {}
    # a generic cue's object may be named anywhere in the count's clause, after a listed count too
    # (`对15个乡镇、36个部门开展督察`: the first count's clause runs on to 督察)
    clause_text = text[sent_lo:clause_hi]
    to_object = "对" in text[left_lo : q.start]
    i = bisect_left(cue_starts, left_lo)
    while i < len(cues) and cues[i][0] < right_hi:
        s, e, si, kind = cues[i]
        i += 1
        spec = specs[si]
        if q.unit not in spec.units:
            continue
        weak = kind if kind in ("weak", "generic", "genericverb") else ""
        verb = kind in ("verb", "genericverb")
        if spec.not_after is not None and governed(spec, text, left_lo, s, q.end, right_hi, to_object):
            continue  # the object of another process (`审查…规范性文件22件`)
        if weak.startswith("generic") and not clause_named(spec, clause_text, sent_text):
            continue  # an unconfirmed generic cue must not displace the spec's confirmed ones
        weight = WEAK_WEIGHT if weak else CUE_WEIGHT
        if e <= q.start:
            between = context().fillers.sub("", text[e : q.start])
            gap = len(between)
            if gap > (VERB_GAP if verb else NOUN_GAP_LEFT) or (not verb and "、" in between):
                continue  # too far, or the noun of the list item before (`15个乡镇、36个部门`)
            score = weight - gap * LEFT_PENALTY + (e - s) * LEN_BONUS
            span = (s, q.end, gap)
        elif s >= q.end and e <= right_hi and not _ends_item(text, q.end, s):
            action = "对" in text[left_lo : q.start] and ACTION_VERBS.search(text, q.end, e) is not None
            if verb and not action:
                continue  # a verb after the number governs it only as `对N…开展<verb>`
            part = PARTICIPATE.search(text, q.end, e) if q.unit in PERSON_UNITS else None
            # people who take part: what they take part in is measured from the verb of taking part
            gap = _gap(text[part.end() if part and part.end() <= s else q.end : s])
            if gap > NOUN_GAP_RIGHT:
                continue
            score = weight - gap * RIGHT_PENALTY + (e - s) * LEN_BONUS
            if action:
                score += ACTION_BONUS
            elif part:
                score += PARTICIPATE_BONUS
            span = (q.start, e, gap)
        else:
            continue
        key = (si, bool(weak))
        prev = best.get(key)
        other = best.get((si, not weak))
        if other is not None and other[5] == 0 and span[2] == 0:
            # a full and a weak cue touching the number on both sides make one phrase too
            span = (min(other[1], span[0]), max(other[2], span[1]), 0)
            best[(si, not weak)] = (other[0], span[0], span[1], *other[3:])
        cur = (score, span[0], span[1], text[s:e], weak, span[2])
        if prev is not None and prev[5] == 0 and span[2] == 0:
            # cues touching the number on both sides make one phrase (`视频监控3000个探头`)
            top = cur if score > prev[0] else prev
            best[key] = (top[0], min(prev[1], cur[1]), max(prev[2], cur[2]), top[3], top[4], 0)
        elif prev is None or score > prev[0]:
            best[key] = cur
    if not best:
        return None, q.start, q.end, ""
    scored = []
    context_text = topics + lead + sent_text
    for (si, _w), (score, s, e, cue, weak, _) in best.items():
        spec = specs[si]
        bonus = 0.0
        if any(t in topics for t in spec.topics):
            bonus += SECTION_BONUS
        if any(t in lead for t in spec.topics):
            bonus += LEAD_BONUS
        if any(w in sent_text for w in spec.sentence):
            bonus += SENTENCE_BONUS
        if any(w in para for w in spec.paragraph):
            bonus += PARAGRAPH_BONUS
        if spec.audience is not None and spec.audience.search(sent_text):
            bonus += AUDIENCE_BONUS
        if weak.startswith("generic"):
            pass  # confirmed above: its object is named in the sentence (`学习…法律法规`)
        elif weak and not bonus and not any(w in context_text for w in spec.confirm):
            continue  # a weak cue needs its context to confirm it
        scored.append((score + bonus, si, s, e, cue))
    if not scored:
        return None, q.start, q.end, ""
    scored.sort(key=lambda x: -x[0])
    # one reading per spec: its best confirmed cue
    seen: set[int] = set()
    scored = [x for x in scored if not (x[1] in seen or seen.add(x[1]))]
    if len(scored) > 1 and scored[0][0] - scored[1][0] < TIE:
        return None, q.start, q.end, ""
    _, si, s, e, cue = scored[0]
    return specs[si].id, s, e, cue
