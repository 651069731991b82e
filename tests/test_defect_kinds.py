"""Every general defect kind of issue 15 found by its rule on sentences written for it, and silent on near misses.

The cases live in tests/gold/defect_kinds.toml; bench/defect_kinds.py prints the same run as a coverage
table (kind -> rules -> bad found, good silent), recorded in docs/benchmarks.md.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "bench"))

import defect_kinds  # noqa: E402  (bench/defect_kinds.py)

KINDS = defect_kinds.load_kinds()
# (test id, case): ids name the kind's first rule and the case's place in its list, e.g. TY011-bad2.
BAD = [(f"{k['codes'][0]}-bad{i}", c) for k, cs in KINDS for i, c in enumerate(x for x in cs if x.bad)]
GOOD = [(f"{k['codes'][0]}-good{i}", c) for k, cs in KINDS for i, c in enumerate(x for x in cs if not x.bad)]


def test_every_kind_has_enough_cases():
    for kind, cases in KINDS:
        assert sum(c.bad for c in cases) >= 3, kind["name"]
        assert sum(not c.bad for c in cases) >= 3, kind["name"]
        assert "{}" in kind["template"], kind["name"]


@pytest.mark.parametrize(
    "case", [c for _i, c in BAD if not c.known_miss], ids=[i for i, c in BAD if not c.known_miss]
)
def test_bad_sentence_is_found_by_its_rule(case):
    assert defect_kinds.fired(case), f"{case.kind}: {case.sentence}"


@pytest.mark.parametrize(
    "case", [c for _i, c in BAD if c.known_miss], ids=[i for i, c in BAD if c.known_miss]
)
def test_known_miss_is_still_missed(case):
    """A bad sentence the rule's docs say it misses; once found, move it to `bad` and update the docs."""
    assert defect_kinds.fired(case) == [], f"now found, move it to bad: {case.sentence}"


@pytest.mark.parametrize("case", [c for _i, c in GOOD], ids=[i for i, _c in GOOD])
def test_good_near_miss_stays_silent(case):
    assert defect_kinds.fired(case) == [], f"{case.kind}: {case.sentence}"
