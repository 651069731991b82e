"""The corpus table: filters, sorting, charts' data and the XLSX/CSV exports."""

from __future__ import annotations

import io
import json
import re

import pytest
from openpyxl import load_workbook
from web_helpers import UNIT_A, UNIT_B

from fazhi.exports import tables
from fazhi.store.corpus import pinyin_key


@pytest.fixture(scope="module")
def corpus_ready(clients, seeded):
    """Units registered with their parents; two verdicts given."""
    c = clients["admin"]
    c.api_post(
        "/api/units",
        {
            "year": 2023,
            "listing": f"{UNIT_A},township,荣昌区\n{UNIT_B},township,荣昌区\n偏柏乡,township,酉阳县",
        },
    )
    c.api_post(f"/api/reports/{seeded['000']}/verdict", {"verdict": "pass"})
    c.api_post(f"/api/reports/{seeded['002']}/verdict", {"verdict": "return"})
    return seeded


def table_rows(html: str) -> list[str]:
    """Report ids of the corpus table, in order."""
    if 'id="corpus-table"' not in html:
        return []
    body = html[html.index('id="corpus-table"') :]
    return [int(x) for x in re.findall(r'<tr>\s*<td><a href="/reports/(\d+)">', body)]


def test_corpus_page_lists_every_report(clients, corpus_ready):
    r = clients["reviewer"].get("/corpus")
    assert r.status_code == 200
    assert sorted(table_rows(r.text)) == sorted(corpus_ready.values())
    for name in ("调解、化解矛盾纠纷", "行政执法、处罚案件", "罚款金额", "学法次数", "普法宣传活动"):
        assert name in r.text
    assert "chart.umd.min.js" in r.text and "/static/js/corpus.js" in r.text
    assert clients["reviewer"].get("/static/vendor/chart.js/chart.umd.min.js").status_code == 200


def test_chart_data_is_embedded_as_json(clients, corpus_ready):
    html = clients["reviewer"].get("/corpus?year=2023").text
    raw = re.search(r'<script type="application/json" id="corpus-data">(.*?)</script>', html, re.S).group(1)
    data = json.loads(raw)
    assert len(data["rows"]) == 4 and len(data["history"]) == 5  # the year-over-year chart sees every year
    assert [i["id"] for i in data["indicators"]][0] == "mediation.cases"


@pytest.mark.parametrize(
    "query,expect",
    [
        ("year=2024", {"001"}),
        ("year=2023", {"000", "002", "003", "004"}),
        ("parent=荣昌区", {"000", "004"}),
        ("parent=酉阳县", {"002"}),
        ("status=pass", {"000"}),
        ("status=return", {"002"}),
        ("status=pending&year=2023", {"003", "004"}),
        ("year=1999", set()),
    ],
)
def test_filters(clients, corpus_ready, query, expect):
    html = clients["reviewer"].get(f"/corpus?{query}").text
    assert set(table_rows(html)) == {corpus_ready[k] for k in expect}
    api = clients["reviewer"].get(f"/api/corpus?{query}").json()["rows"]
    assert {r["id"] for r in api} == {corpus_ready[k] for k in expect}


def test_level_filter(clients, corpus_ready):
    every = clients["reviewer"].get("/api/corpus").json()["rows"]
    level = every[0]["unit_level"]
    html = clients["reviewer"].get(f"/corpus?level={level}").text
    assert set(table_rows(html)) == {r["id"] for r in every if r["unit_level"] == level}


@pytest.mark.parametrize(
    "sort,key",
    [
        ("score", lambda r: -(r["score"] or 0)),
        ("errors", lambda r: -r["errors"]),
        ("unit", lambda r: (pinyin_key(r["unit_name"]), r["year"])),
        ("year", lambda r: (-r["year"], pinyin_key(r["unit_name"]))),
    ],
)
def test_sorting(clients, corpus_ready, sort, key):
    rows = clients["reviewer"].get(f"/api/corpus?sort={sort}").json()["rows"]
    assert [key(r) for r in rows] == sorted(key(r) for r in rows)
    html = clients["reviewer"].get(f"/corpus?sort={sort}").text
    assert table_rows(html) == [r["id"] for r in rows]
    assert 'class="sort sorted"' in html


def test_bad_sort(clients, corpus_ready):
    assert clients["reviewer"].get("/api/corpus?sort=password").status_code == 400
    assert (
        clients["reviewer"].get("/corpus?sort=password").status_code == 200
    )  # the page falls back to by unit


def test_xlsx_export(clients, corpus_ready):
    r = clients["reviewer"].get("/corpus.xlsx?year=2023&sort=score")
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    assert "attachment" in r.headers["content-disposition"] and ".xlsx" in r.headers["content-disposition"]
    wb = load_workbook(io.BytesIO(r.content))
    ws = wb["汇总"]
    rows = list(ws.iter_rows(values_only=True))
    header, body = rows[0], rows[1:]
    assert header[:8] == ("报告编号", "单位", "上级", "层级", "年度", "报告标题", "评分", "错误")
    assert "调解、化解矛盾纠纷" in header
    assert len(body) == 4 and all(row[4] == 2023 for row in body)
    scores = [row[6] for row in body]
    assert scores == sorted(scores, reverse=True) and all(isinstance(x, int | float) for x in scores)
    by_id = {row[0]: row for row in body}
    assert by_id[corpus_ready["000"]][1] == UNIT_A and by_id[corpus_ready["000"]][2] == "荣昌区"
    assert by_id[corpus_ready["000"]][header.index("审查结论")] == "通过"
    # the API export is the same table
    api = clients["reviewer"].get("/api/corpus?year=2023&sort=score&format=xlsx")
    assert list(load_workbook(io.BytesIO(api.content))["汇总"].iter_rows(values_only=True)) == rows


def test_indicator_exports(clients, corpus_ready):
    c = clients["reviewer"]
    rows = c.get("/api/indicators?year=2023").json()["rows"]
    assert rows and {r["year"] for r in rows} == {2023}
    csv_text = c.get("/api/indicators?year=2023&format=csv").content.decode("utf-8")
    assert csv_text.startswith("\ufeff报告编号,单位,年度,指标编号")
    assert len(csv_text.strip().splitlines()) == len(rows) + 1
    wb = load_workbook(io.BytesIO(c.get("/api/indicators?format=xlsx").content))
    assert wb["指标明细"].max_row == len(c.get("/api/indicators").json()["rows"]) + 1
    assert c.get("/api/indicators?format=pdf").status_code == 400


def test_unit_account_corpus_is_its_own(clients, corpus_ready):
    html = clients["unit_a"].get("/corpus").text
    assert table_rows(html) == [corpus_ready["000"]]
    assert {r["report_id"] for r in clients["unit_a"].get("/api/indicators").json()["rows"]} == {
        corpus_ready["000"]
    }
    wb = load_workbook(io.BytesIO(clients["unit_a"].get("/corpus.xlsx").content))
    assert [row[0] for row in wb["汇总"].iter_rows(min_row=2, values_only=True)] == [corpus_ready["000"]]


def test_spreadsheet_cells_are_never_formulas():
    rows = [
        {
            "id": 1,
            "unit_name": '=HYPERLINK("http://evil","x")',
            "parent": "+1",
            "unit_level": "township",
            "year": 2023,
            "title": "@SUM(A1)",
            "score": 80.0,
            "errors": 1,
            "warnings": 0,
            "infos": 0,
            "parts_missing": 0,
            "verdict": "pass",
            "is_published": False,
            "filename": "-2.txt",
            "indicators": {},
        }
    ]
    ws = load_workbook(io.BytesIO(tables.corpus_xlsx(rows)))["汇总"]
    assert ws["B2"].value == '=HYPERLINK("http://evil","x")' and ws["B2"].data_type == "s"
    assert ws["F2"].data_type == "s" and ws["G2"].value == 80
    text = tables.indicators_csv(
        [
            {
                "report_id": 1,
                "unit": "=cmd|' /C calc'!A0",
                "year": 2023,
                "id": "x",
                "name": "n",
                "value": -5.0,
                "unit_of_measure": "件",
                "qualifier": "exact",
                "quote": "+1",
                "file": "a.txt",
            }
        ]
    )
    assert "'=cmd" in text and ",-5," in text and ",'+1," in text
