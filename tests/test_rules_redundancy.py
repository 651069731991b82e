"""Double 等 (DU002), doubled words (TY009), the unit's own name missing a character (TY010), and the
day-name data of TE006, on text written for these tests."""

from __future__ import annotations

from helpers import hits


def test_double_deng():
    assert hits("将宪法、民法典等法律法规等纳入学习计划。", "DU002") == [("法律法规等", "法律法规")]
    for good in (
        "将宪法、民法典等法律法规纳入学习计划，坚持平等保护等原则。",
        "开展等级评定等工作。",
        "对等开展交流。",
    ):
        assert hits(good, "DU002") == [], good


def test_doubled_word():
    assert hits("组织组织居委干部参加培训。", "TY009") == [("组织组织", "组织")]
    assert hits("天天学法，人人守法，一项一项抓落实。", "TY009") == []


def test_unit_name_missing_a_character():
    text = "某山县人民政府关于2024年法治政府建设情况的报告\n2024年，某山人民政府坚持依法行政。"
    assert hits(text, "TY010") == [("某山人民政府", "某山县人民政府")]
    assert hits(text.replace("某山人民政府坚持", "某山县人民政府坚持"), "TY010") == []


def test_consumer_day_name():
    assert [s for _, s in hits("利用“3·15”消费者权益保护日开展宣传。", "TE006")] == ["国际消费者权益日"]
    assert hits("利用“3·15”国际消费者权益日开展宣传。", "TE006") == []


def test_de_before_a_verb_with_its_object():
    assert hits("准确、全面、具体的公开政府信息。", "TY011") == [("的", "地")]
    for good in (
        "准确、全面、具体地公开政府信息。",
        "各项措施得到全面的落实。",
        "工作的开展情况良好，措施有效的落实。",
    ):
        assert hits(good, "TY011") == [], good
