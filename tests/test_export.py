"""The indicator tables of a batch: the pivot never adds different measure words together and never
merges equal figures of different activities; the XLSX is written row by row."""

from __future__ import annotations

import fazhi
from fazhi.indicators.export import aggregate, pivot, report_rows

REPORT = (
    "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"
    "（一）严格执法。全年检查企业40家，检查车辆2000辆，检查经营场所50家次，专项行动中检查门店1000家。\n"
    "（二）普法宣传。在社区开展民法典宣讲8次，在学校开展未成年人保护法宣讲8次。"
)


def _pivot_of(text: str) -> dict:
    header, (row,) = pivot(report_rows(fazhi.analyze(text)))
    return dict(zip(header, row, strict=True))


def test_pivot_keeps_each_measure_word_in_its_own_column():
    got = {k: v for k, v in _pivot_of(REPORT).items() if k.startswith("检查")}
    assert got == {
        "检查（场所、企业、车辆）（家）": 1040,
        "检查（场所、企业、车辆）（家次）": 50,
        "检查（场所、企业、车辆）（辆）": 2000,
    }
    assert 3090 not in _pivot_of(REPORT).values()


def test_pivot_counts_two_equal_figures_of_different_activities_twice():
    assert _pivot_of(REPORT)["法治讲座、宣讲（次）"] == 16


def test_pivot_takes_a_total_stated_with_its_parts_once():
    assert aggregate([8, 7, 1], "个") == 8
    assert aggregate([8, 8], "次") == 16
    assert aggregate([95, 98.5, 95], "%") == "95/98.5/95"


def test_people_counted_in_ren_and_ming_share_a_column():
    rows = [
        {"unit": "甲县", "year": 2023, "file": "a.txt", "id": "grassroots.legal_aware", "measure": m, "value": v}
        for m, v in (("人", 30), ("名", 20), ("个", 5))
    ]
    header, (row,) = pivot(rows)
    cells = dict(zip(header, row, strict=True))
    assert [v for k, v in cells.items() if k.endswith("（人）")] == [50]
    assert [v for k, v in cells.items() if k.endswith("（个）")] == [5]
