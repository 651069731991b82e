"""Retired institution names (TE010), on text written for these tests."""

from __future__ import annotations

from helpers import quotes


def test_retired_names_after_the_reform():
    text = "关于2023年法治政府建设情况的报告\n会同县安监局、县工商局开展检查，县政府法制办公室审核文件3件。"
    assert quotes(text, "TE010") == ["安监局", "工商局", "政府法制办公室"]


def test_history_years_before_the_reform_and_current_names_silent():
    assert (
        quotes("关于2023年法治政府建设情况的报告\n原安监局、原国土资源局的档案已移交县应急管理局。", "TE010")
        == []
    )
    assert quotes("关于2017年法治政府建设情况的报告\n会同县安监局开展检查。", "TE010") == []
    assert (
        quotes(
            "关于2023年法治政府建设情况的报告\n依托镇综治中心调处纠纷，县市场监督管理局开展检查。", "TE010"
        )
        == []
    )


def test_unknown_year_is_not_checked():
    assert quotes("会同县安监局开展检查。", "TE010") == []
