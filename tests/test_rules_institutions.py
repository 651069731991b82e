"""Retired institution names (TE010), on text written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


def _found(text: str) -> list[str]:
    r = fazhi.analyze(text, Config(select=["TE010"]))
    return [r.text[f.start : f.end] for f in r.findings]


def test_retired_names_after_the_reform():
    text = "关于2023年法治政府建设情况的报告\n会同县安监局、县工商局开展检查，县政府法制办公室审核文件3件。"
    assert _found(text) == ["安监局", "工商局", "政府法制办公室"]


def test_history_years_before_the_reform_and_current_names_silent():
    assert _found("关于2023年法治政府建设情况的报告\n原安监局、原国土资源局的档案已移交县应急管理局。") == []
    assert _found("关于2017年法治政府建设情况的报告\n会同县安监局开展检查。") == []
    assert _found("关于2023年法治政府建设情况的报告\n依托镇综治中心调处纠纷，县市场监督管理局开展检查。") == []


def test_unknown_year_is_not_checked():
    assert _found("会同县安监局开展检查。") == []
