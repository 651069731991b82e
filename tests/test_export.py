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
    assert _pivot_of(REPORT)["普法宣传活动（次）"] == 16  # 宣讲 to the public is publicity (taxonomy)


def test_pivot_takes_a_total_stated_with_its_parts_once():
    assert aggregate([8, 7, 1], "个") == 8
    assert aggregate([8, 8], "次") == 16
    assert aggregate([95, 98.5, 95], "%") == "95/98.5/95"


def test_people_counted_in_ren_and_ming_share_a_column():
    rows = [
        {
            "unit": "甲县",
            "year": 2023,
            "file": "a.txt",
            "id": "grassroots.legal_aware",
            "unit_of_measure": m,
            "value": v,
        }
        for m, v in (("人", 30), ("名", 20), ("个", 5))
    ]
    header, (row,) = pivot(rows)
    cells = dict(zip(header, row, strict=True))
    assert [v for k, v in cells.items() if k.endswith("（人）")] == [50]
    assert [v for k, v in cells.items() if k.endswith("（个）")] == [5]


def _app():
    import typer

    from fazhi.commands.indicators import register

    app = typer.Typer()
    register(app)

    @app.command("noop")
    def noop() -> None:  # a second command keeps typer in sub-command mode
        """Nothing."""

    return app


def test_indicators_output_in_a_missing_folder_or_on_a_directory_is_one_line(tmp_path):
    from typer.testing import CliRunner

    from helpers import SEED_FILES

    (tmp_path / "d.xlsx").mkdir()
    for target in (tmp_path / "no" / "t.xlsx", tmp_path / "d.xlsx"):
        res = CliRunner().invoke(_app(), ["indicators", str(SEED_FILES[0]), "-o", str(target)])
        assert res.exit_code == 2 and "Traceback" not in res.output
        (line,) = [x for x in res.stderr.splitlines() if x.strip()]
        assert line.startswith("错误") and str(target) in line


def test_indicators_of_an_empty_folder_say_nothing_was_found(tmp_path):
    from typer.testing import CliRunner

    res = CliRunner().invoke(_app(), ["indicators", str(tmp_path), "-o", str(tmp_path / "t.xlsx")])
    assert res.exit_code == 1 and "没有找到可分析的报告文件" in res.stderr
    assert not (tmp_path / "t.xlsx").exists()


def test_xlsx_cells_starting_with_equals_stay_text(tmp_path):
    from openpyxl import load_workbook

    from fazhi.exports.tables import write_indicator_table

    row = {
        "unit": '=HYPERLINK("x")',
        "year": 2023,
        "id": "study.lectures",
        "name": "宣讲",
        "value": 8,
        "unit_of_measure": "次",
        "qualifier": "exact",
        "quote": "宣讲8次",
        "section": "",
        "file": "a.txt",
    }
    write_indicator_table(tmp_path / "t.xlsx", [row])
    ws = load_workbook(tmp_path / "t.xlsx")["指标明细"]
    cell = ws["A2"]
    assert cell.value == '=HYPERLINK("x")' and cell.data_type == "s"


def test_villages_named_in_three_paragraphs_were_added_up_to_thirty():
    # regression (seed 000): 辖区村（社区）数 was 30 in the pivot, the 10 villages being mentioned three times
    text = (
        "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"
        "（一）普法宣传。在10个村（社区）开展宣讲，组织学法6次。\n"
        "（二）法律顾问。街道10个村社区均配备法律顾问，法律顾问1名驻街道。\n"
        "（三）基层治理。推进10个村（社区）“法律明白人”培养工程全覆盖，组织学法4次。"
    )
    cells = _pivot_of(text)
    assert cells["辖区村（社区）数（个）"] == 10
    assert cells["学法次数（次）"] == 10  # work done is still added up: 6 + 4
    assert aggregate([10, 10, 10], "个", stock=True) == 10
    assert aggregate([7, 1, 8], "个", stock=True) == 8
