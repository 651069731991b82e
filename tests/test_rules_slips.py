"""TY101 (的 before a verb), on sentences written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


def found(text: str, code: str):
    """(quote, finding) of one rule's findings."""
    r = fazhi.analyze(text, Config(select=[code]))
    return [(r.text[f.start : f.end], f) for f in r.findings if f.rule == code]


def test_de_before_verb():
    hits = found("各部门及时、准确、具体的公开政府信息，各村积极的开展法治宣传。", "TY101")
    assert [q for q, _ in hits] == ["的", "的"]
    assert all(f.suggestion == "地" for _, f in hits)


def test_de_before_noun_phrase_silent():
    text = "形成有效的保障机制，建立全面的学习制度，取得积极的宣传效果。"
    assert found(text, "TY101") == []


def test_de_after_light_verb_silent():
    text = "各项制度得到了全面的落实，对问题进行了及时、全面的整改，给予积极的回应。"
    assert found(text, "TY101") == []
