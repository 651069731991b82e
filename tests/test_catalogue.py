"""Tests that come from the catalogue: every rule fires on its bad examples and not on its good ones;
every rule is documented; docs/rules.md is current."""

from __future__ import annotations

from pathlib import Path

import pytest

import fazhi
from fazhi.config import Config
from fazhi.corpus import copy_findings, from_texts, similar
from fazhi.rules.base import CORPUS_EXAMPLE_SEPARATOR, DOC_HEADINGS, all_rules
from fazhi.rules.catalogue import rules_markdown

RULES = all_rules()
ROOT = Path(__file__).resolve().parent.parent


def _only(code: str) -> Config:
    return Config(select=[code], preview=True)


def _codes(text: str, code: str) -> list[str]:
    return [f.rule for f in fazhi.analyze(text, _only(code)).findings]


def _corpus_codes(example: str) -> list[str]:
    """A corpus rule's example: the reports joined by the separator, compared with each other."""
    docs = from_texts(example.split(CORPUS_EXAMPLE_SEPARATOR))
    assert len(docs) >= 2, "a corpus rule's example needs two reports or more"
    return [f.rule for fs in copy_findings(docs, similar(docs)).values() for f in fs]


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_fires_on_bad_examples(r):
    assert len(r.bad) >= 1
    for text in r.bad:
        codes = _corpus_codes(text) if r.scope == "corpus" else _codes(text, r.code)
        assert r.code in codes, f"{r.code} silent on bad example: {text!r}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_silent_on_good_examples(r):
    assert len(r.good) >= 1
    for text in r.good:
        codes = _corpus_codes(text) if r.scope == "corpus" else _codes(text, r.code)
        assert r.code not in codes, f"{r.code} fired on good example: {text!r}"


@pytest.mark.parametrize("r", RULES, ids=lambda r: r.code)
def test_rule_is_documented(r):
    first = r.doc.partition("\n")[0]
    assert first.strip(), f"{r.code} has no one-line summary"
    for h in DOC_HEADINGS:
        assert h in r.doc, f"{r.code} doc lacks heading {h}"


def test_fixable_rules_give_suggestions():
    for r in RULES:
        if not r.fixable:
            continue
        fs = [f for t in r.bad for f in fazhi.analyze(t, _only(r.code)).findings if f.rule == r.code]
        assert any(f.suggestion is not None for f in fs), f"{r.code} is fixable but suggests nothing"


def test_docs_rules_md_is_current():
    doc = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert doc == rules_markdown(), "docs/rules.md is stale: run `make docs`"
