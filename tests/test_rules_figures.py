"""Number rules added for real reports (NC101-NC102), on sentences written for these tests."""

from __future__ import annotations

from helpers import found, quotes


# ---------------------------------------------------------------- NC101 outcomes exceed total
def test_outcomes_exceed_total():
    ((q, f),) = found("全年审结行政复议案件5件，其中维持3件、撤销3件。", "NC101")
    assert q == "维持3件、撤销3件" and "6件" in f.message


def test_outcomes_within_total_silent():
    text = "全年审结行政复议案件6件，其中维持3件、撤销3件。共办理诉讼案件10件，其中胜诉7件。"
    assert quotes(text, "NC101") == []


def test_overlapping_categories_silent():
    assert quotes("共受理案件5件，其中涉企3件、涉农3件。", "NC101") == []


# ---------------------------------------------------------------- NC102 count without measure word
def test_count_without_measure_word():
    assert quotes("我镇45公职人员全部参加考试，辖区内12企业完成整改。", "NC102") == ["45公职人员", "12企业"]


def test_counts_with_measure_words_silent():
    text = "我镇45名公职人员全部参加考试，辖区内12家企业完成整改，第3网格员到岗，2024年企业增加。"
    assert quotes(text, "NC102") == []


# ---------------------------------------------------------------- NC103 share of a part
def test_share_disagrees_with_part_and_total():
    text = (
        "全年共受理各类案件100件，其中行政处罚案件30件，占40%。共排查隐患80处，其中重大隐患20处（占比20%）。"
    )
    hits = found(text, "NC103")
    assert [q for q, _ in hits] == ["40%", "20%"]
    assert "30%" in hits[0][1].message and "25%" in hits[1][1].message


def test_share_within_rounding_silent():
    text = "共受理120件，其中办结98件，占81.7%，在办22件，占18.3%。共受理120余件，其中办结98件，占80%。"
    assert quotes(text, "NC103") == []


def test_share_of_a_later_part_is_not_read_for_an_earlier_one():
    assert quotes("共受理120件，其中办结98件、在办22件，占18.3%。", "NC103") == []


# ---------------------------------------------------------------- NC104 change of a rate in %
def test_rate_change_in_percent():
    text = "干部学法参训率同比增长8.5%。案卷合格率较上年提高5%，达到98%。"
    assert quotes(text, "NC104") == ["同比增长8.5%", "较上年提高5%"]


def test_rate_change_in_points_and_non_share_rates_silent():
    text = "参训率同比提高8.5个百分点，办案效率同比提高20%，案件数量同比增长12%。"
    assert quotes(text, "NC104") == []


def test_share_of_another_total_silent():
    assert quotes("共受理案件100件，其中行政处罚案件30件，占全市的40%。", "NC103") == []
