"""Number rules added for real reports (NC101-NC103), on sentences written for these tests."""

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


# ---------------------------------------------------------------- NC101 approximations
def test_remainder_after_one_digit():
    assert quotes("全年开展法治讲座8余次，走访企业五多家。", "NC101") == ["8余次", "五多家"]


def test_remainder_before_multiplier_is_moved():
    ((q, f),) = found("全年罚没款9余万元。", "NC101")
    assert q == "9余万" and f.suggestion == "9万余"


def test_remainder_after_round_numbers_silent():
    text = "全年开展法治讲座10余次、十余场，走访企业20多家，历时3个多月，罚没款9万余元，发放1.5万余份。"
    assert quotes(text, "NC101") == []


def test_approximation_on_precise_count():
    assert quotes("共发放宣传资料约1234份，服务群众近2317人次。", "NC101") == ["约1234份", "近2317人次"]


def test_approximation_on_round_count_or_time_silent():
    text = "共发放宣传资料约1200份，服务群众近2300人次，约8件，历时约365天，共发放1234份。"
    assert quotes(text, "NC101") == []


# ---------------------------------------------------------------- NC102 outcomes exceed total
def test_outcomes_exceed_total():
    ((q, f),) = found("全年审结行政复议案件5件，其中维持3件、撤销3件。", "NC102")
    assert q == "维持3件、撤销3件" and "6件" in f.message


def test_outcomes_within_total_silent():
    text = "全年审结行政复议案件6件，其中维持3件、撤销3件。共办理诉讼案件10件，其中胜诉7件。"
    assert quotes(text, "NC102") == []


def test_overlapping_categories_silent():
    assert quotes("共受理案件5件，其中涉企3件、涉农3件。", "NC102") == []


# ---------------------------------------------------------------- NC103 count without measure word
def test_count_without_measure_word():
    assert quotes("我镇45公职人员全部参加考试，辖区内12企业完成整改。", "NC103") == ["45公职人员", "12企业"]


def test_counts_with_measure_words_silent():
    text = "我镇45名公职人员全部参加考试，辖区内12家企业完成整改，第3网格员到岗，2024年企业增加。"
    assert quotes(text, "NC103") == []


def test_suggestions_drop_the_contradicting_word():
    fixes = [f.suggestion for _, f in found("开展讲座8余次，发放资料约1234份。", "NC101")]
    assert fixes == ["8次", "1234份"]
