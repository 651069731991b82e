"""The command line: outputs per the contract, one-line errors, batches that go on, atomic writes."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from fazhi.cli import app
from helpers import SEED_FILES

runner = CliRunner()


def test_single_input_prints_one_json_object():
    res = runner.invoke(app, ["analyze", str(SEED_FILES[0])])
    assert res.exit_code == 0, res.output
    d = json.loads(res.stdout)
    assert d["schema"] == "fazhi.report/1" and d["year"] == 2023


def test_several_inputs_print_json_lines():
    res = runner.invoke(app, ["analyze", str(SEED_FILES[0]), str(SEED_FILES[1])])
    assert res.exit_code == 0
    lines = [x for x in res.stdout.splitlines() if x.strip()]
    assert len(lines) == 2 and all(json.loads(x)["schema"] == "fazhi.report/1" for x in lines)


def test_output_dir_all_formats(tmp_path):
    for fmt in ("json", "md", "html"):
        res = runner.invoke(app, ["analyze", str(SEED_FILES[0].parent), "--format", fmt, "-o", str(tmp_path)])
        assert res.exit_code == 0, res.output
    for p in SEED_FILES:
        for fmt in ("json", "md", "html"):
            assert (tmp_path / f"{p.stem}.{fmt}").stat().st_size > 1000
    page = (tmp_path / f"{SEED_FILES[4].stem}.html").read_text(encoding="utf-8")
    assert "<script" not in page.split("<main>")[1]  # report text is escaped
    assert 'href="#f' in page and '<a id="f' in page  # the side list jumps to each finding's span
    assert not list(tmp_path.glob(".*.tmp"))


def test_bad_inputs_give_one_line_errors_and_batch_goes_on(tmp_path):
    d = tmp_path / "batch"
    d.mkdir()
    shutil.copy(SEED_FILES[2], d / "good.txt")
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 20)
    res = runner.invoke(app, ["analyze", str(d), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1
    assert (tmp_path / "out" / "good.json").exists()
    errs = [x for x in res.stderr.splitlines() if "无法分析" in x]
    assert len(errs) == 2
    assert any("empty.txt" in x and "文件为空" in x for x in errs)
    assert any("binary.txt" in x for x in errs)


def test_missing_path_is_an_error():
    res = runner.invoke(app, ["analyze", "/nonexistent/report.txt"])
    assert res.exit_code == 1
    assert "report.txt" in res.stderr


def test_fix_writes_a_corrected_copy_and_leaves_input(tmp_path):
    src = tmp_path / "r.txt"
    body = "关于2023年法治政府建设情况的报告\n主要举措和成效\n工作。\n二、存在的不足和原因\n不足。\n三、下一年度主要安排\n安排。"
    src.write_text(body, encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(src), "-o", str(tmp_path / "o"), "--fix"])
    assert res.exit_code == 0, res.output
    assert src.read_text(encoding="utf-8") == body
    fixed = (tmp_path / "o" / "r.fixed.txt").read_text(encoding="utf-8")
    assert "一、主要举措和成效" in fixed


def test_rules_listing_and_markdown():
    res = runner.invoke(app, ["rules"])
    assert res.exit_code == 0 and "NU001" in res.stdout
    res = runner.invoke(app, ["rules", "--markdown"])
    assert res.stdout.startswith("# 规则目录")
    res = runner.invoke(app, ["rules", "NU002"])
    assert "## 检查内容" in res.stdout


def test_bad_config_is_a_clear_error(tmp_path):
    cfg = tmp_path / "fazhi.toml"
    cfg.write_text("[rules\nselect = 1", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(SEED_FILES[0]), "--config", str(cfg)])
    assert res.exit_code == 2 and "fazhi.toml" in res.stderr


def test_config_selects_rules(tmp_path):
    cfg = tmp_path / "fazhi.toml"
    cfg.write_text('[rules]\nselect = ["NU"]\nignore = ["NU003"]\n', encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(SEED_FILES[2]), "--config", str(cfg)])
    rules = {f["rule"] for f in json.loads(res.stdout)["findings"]}
    assert rules <= {"NU001", "NU002", "NU004"} and "NU003" not in rules
    assert Path(cfg).exists()


def test_batch_of_broken_files_and_hostile_zip(tmp_path):
    """Truncated docx/pdf, encrypted pdf, a `../` member and a zip bomb: one line each, the rest analysed."""
    import zipfile

    import docx
    from reportlab.pdfgen import canvas

    d = tmp_path / "in"
    d.mkdir()
    good = SEED_FILES[0].read_text(encoding="utf-8")
    doc = docx.Document()
    doc.add_paragraph("关于2023年法治政府建设情况的报告")
    doc.save(d / "full.docx")
    (d / "cut.docx").write_bytes((d / "full.docx").read_bytes()[:700])
    (d / "full.docx").unlink()
    c = canvas.Canvas(str(d / "locked.pdf"), encrypt="secret")
    c.drawString(50, 800, "report")
    c.save()
    c = canvas.Canvas(str(tmp_path / "ok.pdf"))
    c.drawString(50, 800, "report")
    c.save()
    (d / "cut.pdf").write_bytes((tmp_path / "ok.pdf").read_bytes()[:300])
    with zipfile.ZipFile(d / "batch.zip", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("good.txt", good)
        z.writestr("../evil.txt", good)
        with z.open("bomb.txt", "w") as w:
            zeros = b"0" * (1 << 20)
            for _ in range(200):
                w.write(zeros)
    res = runner.invoke(app, ["analyze", str(d), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1
    errs = [x for x in res.stderr.splitlines() if "无法分析" in x]
    named = ["cut.docx", "locked.pdf", "cut.pdf", "evil.txt", "bomb.txt"]
    for name in named:
        assert sum(name in x for x in errs) == 1, (name, errs)
    assert len(errs) == len(named)
    assert (tmp_path / "out" / "good.json").exists()


def _one_line_error(res, *names):
    lines = [x for x in res.stderr.splitlines() if x.strip()]
    assert len(lines) == 1 and "Traceback" not in res.stderr and lines[0].startswith("错误"), res.stderr
    assert all(n in lines[0] for n in names), lines


def test_output_pointing_at_an_existing_file_is_a_one_line_error(tmp_path):
    target = tmp_path / "taken.json"
    target.write_text("keep", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(SEED_FILES[0]), "-o", str(target)])
    assert res.exit_code == 2
    _one_line_error(res, "taken.json")
    assert target.read_text(encoding="utf-8") == "keep"


def test_output_in_an_unwritable_place_is_a_one_line_error(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(SEED_FILES[0]), "-o", str(tmp_path / "file" / "out")])
    assert res.exit_code == 2
    _one_line_error(res, "out", "无法创建输出目录")


def test_empty_directory_says_nothing_was_found(tmp_path):
    (tmp_path / "notes.xyz").write_text("x", encoding="utf-8")
    res = runner.invoke(app, ["analyze", str(tmp_path)])
    assert res.exit_code == 1 and res.stdout == ""
    _one_line_error(res, str(tmp_path), "没有找到可分析的报告文件")


def test_summary_fits_an_80_column_terminal():
    """Regression: `make demo`'s summary was drawn 160 columns wide and garbled on an 80-column terminal."""
    import io

    from rich.cells import cell_len
    from rich.console import Console

    import fazhi
    from fazhi.cli import _summary

    reports = [fazhi.analyze(p) for p in SEED_FILES]
    for width in (80, 60, 120):
        buf = io.StringIO()
        _summary(reports, 1, Console(file=buf, width=width))
        lines = buf.getvalue().splitlines()
        assert len(lines) == 4 + len(SEED_FILES) + 1  # title, frame and header, rows, bottom line
        assert max(cell_len(x) for x in lines) <= width
        assert "缺部分" in lines[2] and "2023" in lines[4]
