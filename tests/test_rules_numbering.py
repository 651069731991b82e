"""Numbering rules on outlines written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


def _rules(text: str, code: str) -> list[str]:
    return [f.rule for f in fazhi.analyze(text, Config(select=[code])).findings]


def test_one_level_skip_is_allowed():
    # regression (issue 15): NU004 on 一、 followed by 1.
    assert _rules("一、主要举措\n1.加强学习\n全年学法4次。\n2.规范执法\n全年办案3件。", "NU004") == []
    assert _rules("一、主要举措\n（一）加强学习\n（1）学习宪法\n全年学法4次。", "NU004") == []


def test_two_level_skip_is_reported():
    assert _rules("一、主要举措\n（1）加强学习\n全年学法4次。\n（2）规范执法\n全年办案3件。", "NU004") == [
        "NU004"
    ]
