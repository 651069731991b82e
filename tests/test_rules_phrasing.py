"""Terminology rules added for real reports (TE101-TE103), on sentences written for these tests."""

from __future__ import annotations

import fazhi
from fazhi.config import Config


def found(text: str, code: str):
    """(quote, finding) of one rule's findings."""
    r = fazhi.analyze(text, Config(select=[code]))
    return [(r.text[f.start : f.end], f) for f in r.findings if f.rule == code]


def quotes(text: str, code: str) -> list[str]:
    """Quotes of one rule's findings."""
    return [q for q, _ in found(text, code)]


# ---------------------------------------------------------------- TE101 习近平法治思想
def test_thought_shortened_after_verbs_and_in_headings():
    text = "各村干部认真学习法治思想。\n（二）以法治思想引领依法行政\n把法治思想纳入干部培训必修课。"
    hits = found(text, "TE101")
    assert [q for q, _ in hits] == ["法治思想"] * 3
    assert all(f.suggestion == "习近平法治思想" for _, f in hits)


def test_thought_full_name_silent():
    assert quotes("各村干部认真学习习近平法治思想，把习近平法治思想纳入培训。", "TE101") == []


def test_thought_generic_uses_silent():
    text = "挖掘中华传统法治思想，研究马克思主义法治思想，增强群众的法治思想观念，古人的法治思想。"
    assert quotes(text, "TE101") == []


def test_thought_sharing_the_name_in_a_list_silent():
    text = "学习习近平新时代中国特色社会主义思想和法治思想。"
    assert quotes(text, "TE101") == []


def test_thought_inside_book_title_silent():
    assert quotes("组织阅读《论法治思想的源流》一书。", "TE101") == []


def test_thought_with_title_left_to_te001():
    assert quotes("深入学习习近平总书记法治思想。", "TE101") == []


# ---------------------------------------------------------------- TE102 fixed phrases
def test_first_responsible_with_government_inserted():
    ((q, f),) = found("镇长切实履行推进法治政府建设第一责任人职责。", "TE102")
    assert q == "法治政府建设第一责任人" and f.suggestion == "法治建设第一责任人"


def test_first_responsible_canonical_silent():
    text = "镇长切实履行推进法治建设第一责任人职责，推进法治政府建设各项工作。"
    assert quotes(text, "TE102") == []


def test_regulation_title_left_to_te001():
    text = "认真贯彻《党政主要负责人履行推进法治政府建设第一责任人职责规定》。"
    assert quotes(text, "TE102") == []
    assert quotes(text, "TE001") == ["党政主要负责人履行推进法治政府建设第一责任人职责规定"]


def test_day_names_and_swapped_words():
    text = "借助“3·15”消费者权益保障日、“12·4”宪法日开展宣传；通过党组理论中心学习组传达重要批示指示精神。"
    assert quotes(text, "TE102") == ["消费者权益保障日", "宪法日", "理论中心学习组", "重要批示指示"]


def test_day_names_canonical_silent():
    text = "借助“3·15”国际消费者权益日、“12·4”国家宪法日开展宣传；宪法日益深入人心。党组理论学习中心组传达重要指示批示精神。"
    assert quotes(text, "TE102") == []


def test_law_names():
    text = "学习《招投标法》和《重大行政决策程序条例》。"
    assert quotes(text, "TE102") == ["《招投标法》", "《重大行政决策程序条例》"]
    assert quotes("学习《招标投标法》和《重大行政决策程序暂行条例》。", "TE102") == []


def test_legal_understanders():
    assert quotes("培养普法明白人200名。", "TE102") == ["普法明白人"]
    assert quotes("培养法律明白人200名，普法宣传员30名。", "TE102") == []
