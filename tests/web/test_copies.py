"""Copy detection in the workspace: the seeds 000 and 004 (which share an enforcement passage) are linked
from each other's report page, the side-by-side page marks the passage in both texts, the API gives the
same spans, reports sharing nothing are not linked, and unit accounts see no copies."""

from __future__ import annotations

import re

SHARED = "主动告知当事人执法事由、执法依据、权利义务等内容"


def test_report_page_links_to_the_copy(clients, seeded):
    html = clients["reviewer"].get(f"/reports/{seeded['000']}").text
    assert "与其他报告雷同" in html
    assert re.findall(r'href="/reports/\d+/copies/(\d+)"', html) == [str(seeded["004"])]


def test_report_without_copies_has_no_copy_panel(clients, seeded):
    html = clients["reviewer"].get(f"/reports/{seeded['002']}").text
    assert "与其他报告雷同" not in html and "/copies/" not in html


def test_side_by_side_page_marks_the_passage_in_both_texts(clients, seeded):
    a, b = seeded["000"], seeded["004"]
    r = clients["reviewer"].get(f"/reports/{a}/copies/{b}")
    assert r.status_code == 200
    marks = re.findall(r'<mark class="copy" id="([ab]\d+)"[^>]*><a [^>]*>\d+</a>(.*?)</mark>', r.text, re.S)
    assert [m[0] for m in marks] == ["a1", "b1"]
    assert all(SHARED in m[1] for m in marks)
    assert 'href="#b1"' in r.text and 'href="#a1"' in r.text  # each mark links to its twin


def test_api_gives_the_spans_of_the_page(clients, seeded):
    c = clients["reviewer"]
    a, b = seeded["000"], seeded["004"]
    view = c.get(f"/api/reports/{a}/copies/{b}").json()
    (p,) = view["passages"]
    assert view["a"]["text"][p["a"]["start"] : p["a"]["end"]] == p["a"]["quote"]
    assert SHARED in p["a"]["quote"] and SHARED in p["b"]["quote"]
    # the spans are offsets of the analysis' text (the JSON contract), the same as the report's findings
    text_b = c.get(f"/api/reports/{b}").json()["result"]["text"]
    assert text_b[p["b"]["start"] : p["b"]["end"]] == p["b"]["quote"]
    (copy,) = c.get(f"/api/reports/{b}/copies").json()["copies"]
    assert copy["report_id"] == a and copy["passages"] == 1
    (f,) = copy["findings"]
    assert f["rule"] == "CP001" and f["category"] == "copy" and SHARED in f["quote"]


def test_reports_sharing_nothing_compare_empty(clients, seeded):
    view = clients["reviewer"].get(f"/api/reports/{seeded['001']}/copies/{seeded['002']}").json()
    assert view["passages"] == []
    html = clients["reviewer"].get(f"/reports/{seeded['001']}/copies/{seeded['002']}").text
    assert "没有找到雷同段落" in html


def test_unit_accounts_see_no_copies(clients, seeded):
    r = clients["unit_a"].get(f"/api/reports/{seeded['000']}/copies/{seeded['004']}")
    assert r.status_code in (403, 404)


def test_a_missing_report_is_404(clients, seeded):
    r = clients["reviewer"].get(f"/api/reports/{seeded['000']}/copies/999999")
    assert r.status_code == 404
