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


def test_names_retired_with_their_year():
    head = "关于2023年法治政府建设情况的报告\n"
    text = head + "县法制办审核文件，会同县粮食局、公安消防大队、县纪委监察局开展检查，县扶贫办参加。"
    assert quotes(text, "TE010") == ["县法制办", "粮食局", "公安消防大队", "纪委监察局", "扶贫办"]


def test_renaming_year_is_each_names_own():
    # 扶贫办 became 乡村振兴局 in 2021: a report on 2021 may still name it, one on 2022 may not
    assert quotes("关于2021年法治政府建设情况的报告\n县扶贫办参加检查。", "TE010") == []
    assert quotes("关于2022年法治政府建设情况的报告\n县扶贫办参加检查。", "TE010") == ["扶贫办"]


def test_current_names_that_share_characters_are_silent():
    text = (
        "关于2023年法治政府建设情况的报告\n"
        "县粮食和物资储备局、消防救援大队、矿山安全监察局、县纪委监委、劳动保障监察局开展联合检查，县司法局审核文件。"
    )
    assert quotes(text, "TE010") == []
