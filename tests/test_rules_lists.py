"""In-paragraph item lists (NU005) and list separators (NU006), on text written for these tests."""

from __future__ import annotations

from helpers import hits


def test_repeated_item_number():
    assert hits("（一）加强学习\n一是组织学法4次；二是开展培训3场；二是举办讲座2场。", "NU005") == [
        ("二是", "三是")
    ]


def test_list_without_its_first_item():
    assert [
        q for q, _ in hits("（一）加强学习\n全年开展学法活动，二是开展培训3场，三是举办讲座2场。", "NU005")
    ] == ["二是"]


def test_item_lists_that_are_fine():
    for good in (
        "（一）加强学习\n一是组织学法4次；二是开展培训3场；三是举办讲座2场。",
        "（一）加强学习\n一是组织学法4次。\n二是开展培训3场。\n三是举办讲座2场。",
        "（一）加强学习\n全年开展学法活动一是组织学法4次。二是开展培训3场。",  # 一是 without its clause mark
        "坚持统一是前提，规范是关键。",
    ):
        assert hits(good, "NU005") == [], good


def test_mixed_separators_in_one_list():
    text = "一、主要举措\n1.加强学习\n全年学法4次。\n2、规范执法\n全年办案3件。\n3.化解纠纷\n调解5件。"
    assert hits(text, "NU006") == [("、", ".")]
    assert hits(text.replace("2、", "2."), "NU006") == []
    assert hits(text.replace("1.", "1、").replace("3.", "3、"), "NU006") == []
