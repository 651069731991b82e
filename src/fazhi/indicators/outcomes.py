"""Counts that continue the count before them in their sentence.

A report states the handling of cases as a run of bare counts after the first one: `收到复议申请23件，
受理19件，审结17件，其中维持12件、撤销2件`; `排查矛盾纠纷76起，化解72起`. The later counts have only a
verb of handling or outcome before them and no noun of their own, so no cue names them; they belong
to the case count that opens the run (the paragraph's subject decides, not the verb: `调解结案3件`
inside a 复议 run is a reconsideration case). The data file's `[[outcome]]` tables say which verbs
continue which counts, and into which indicator (`化解` after a count of disputes is their success).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .quantities import Quantity
from .taxonomy import load_data, taxonomy

# Words that may stand before the outcome verb without making it a noun phrase of its own
# (`其中维持12件`, `依法撤销2件`, `已全部审结`, `全年共受理`, `被纠错1件`), and after it (`累计达到180项`).
OUTCOME_LEAD = "(?:行政机关|机关|被告|经审查|经|其中|依法|全部|全年|当年|年内|当场|现场|均|最终|已经|已|共计|共|分别|先后|累计|被)*"
OUTCOME_TAIL = "(?:了|达到|达|为|至|到)?"
# A bare count ends its clause or its list item: what follows it, if anything, starts the next item.
ITEM_END = "、，,；;。"
# Conjunctions inside a run of outcome verbs (`撤销、变更、确认违法等纠错12件`).
JOINERS = "(?:和|及|与|或|、|等)"
# `after = ["*"]`: the table continues a count of any indicator.
ANY = "*"


@dataclass(frozen=True, slots=True)
class Outcome:
    """Verbs that continue a count of one of `after`, and the indicator they give (None: the same)."""

    after: frozenset[str]
    verbs: re.Pattern
    id: str | None


def _run(verbs: str) -> str:
    """One or more outcome verbs, joined by a conjunction or not (`撤销和确认违法`, `调解和解`)."""
    v = f"(?:{verbs})+"
    return f"{v}(?:{JOINERS}{v})*"


@lru_cache(maxsize=1)
def outcomes() -> tuple[Outcome, ...]:
    """The outcome tables of the data file, compiled once."""
    out = []
    for raw in load_data().get("outcome", ()):
        out.append(
            Outcome(
                frozenset(raw["after"]),
                re.compile(OUTCOME_LEAD + "(?P<run>" + _run(raw["verbs"]) + ")" + OUTCOME_TAIL),
                raw.get("id"),
            )
        )
    return tuple(out)


def outcome_id(text: str, q: Quantity, prev_id: str | None, left: str, right: str) -> tuple[str, int] | None:
    """The indicator of a bare outcome count (`审结17件` after `受理复议申请19件`) and where its verb
    starts in `left` (the quote leaves out `其中`, `已`), or None.

    `prev_id` is the indicator of the previous count of the same sentence (None when there is none),
    `left` the count's clause before it, `right` its clause after it."""
    if prev_id is None or q.kind != "count" or (right and right[0] not in ITEM_END):
        return None
    for o in outcomes():
        if not (prev_id in o.after or ANY in o.after):
            continue
        lead = len(left) - len(left.lstrip(ITEM_END))
        m = o.verbs.fullmatch(left, lead)
        if m is not None:
            new = o.id or prev_id
            spec = taxonomy().get(new)
            return (new, m.start("run")) if spec is not None and q.unit in spec.units else None
    return None
