"""The catalogue on the five seeds: every person-checked defect found, nothing else reported."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

from helpers import SEED_IDS, seed_file, seed_report

GOLD = tomllib.loads((Path(__file__).parent / "gold" / "seed_findings.toml").read_text(encoding="utf-8"))
CHECKED = {
    "typo",
    "terminology",
    "punctuation",
    "numbering",
    "duplicate",
    "format",
    "number_consistency",
    "plausibility",
}


def _occurrences(text: str, at: str) -> list[tuple[int, int]]:
    return [(m.start(), m.start() + len(at)) for m in re.finditer(re.escape(at), text)]


def _overlaps(f: dict, spans) -> bool:
    return f["start"] is not None and any(f["start"] < e and s < f["end"] for s, e in spans)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_every_expected_defect_is_found(seed):
    r = seed_report(seed).to_dict()
    missed = []
    for exp in (x for x in GOLD["expect"] if x["seed"] == seed and not x.get("preview")):
        spans = _occurrences(r["text"], exp["at"])
        assert spans, f"gold `at` not in normalized text of {seed}: {exp['at']}"
        if not any(f["category"] == exp["category"] and _overlaps(f, spans) for f in r["findings"]):
            missed.append(f"{exp['category']}: {exp['at']} ({exp['why']})")
    assert not missed, "missed defects:\n" + "\n".join(missed)


@pytest.mark.parametrize("seed", SEED_IDS)
def test_preview_defects_found_with_preview_rules(seed):
    import fazhi
    from fazhi.config import Config

    r = fazhi.analyze(seed_file(seed), Config(preview=True)).to_dict()
    for exp in (x for x in GOLD["expect"] if x["seed"] == seed and x.get("preview")):
        spans = _occurrences(r["text"], exp["at"])
        assert any(f["category"] == exp["category"] and _overlaps(f, spans) for f in r["findings"]), exp


@pytest.mark.parametrize("seed", SEED_IDS)
def test_no_false_alarm_on_seed(seed):
    r = seed_report(seed).to_dict()
    expected = [x for x in GOLD["expect"] if x["seed"] == seed]
    allowed = [x for x in GOLD.get("allow", []) if x["seed"] == seed]
    extra = []
    for f in r["findings"]:
        if f["category"] not in CHECKED:
            continue
        ok = any(
            x["category"] == f["category"] and _overlaps(f, _occurrences(r["text"], x["at"]))
            for x in expected
        ) or any(
            x["category"] == f["category"] and f["quote"] is not None and re.match(x["quote"], f["quote"])
            for x in allowed
        )
        if not ok:
            extra.append(f"{f['rule']} {f['quote']!r}: {f['message']}")
    assert not extra, "findings not in the person-checked list:\n" + "\n".join(extra)
