"""Hostile inputs to the API and the batch: missing files named as text, overlong texts, files that run
past the time limit, results readable by others."""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

import pytest

import fazhi
from fazhi.config import Config, from_dict
from fazhi.ingest import ReadError
from fazhi.tables import write_atomic
from helpers import SEED_FILES


@pytest.mark.parametrize("name", ["不存在.docx", "报告/2023.txt", "D:\\材料\\年度报告.pdf", "scan.png"])
def test_analyze_of_a_missing_file_name_says_the_file_does_not_exist(name, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(ReadError) as e:
        fazhi.analyze(name)
    assert name in str(e.value) and "文件不存在" in str(e.value)


@pytest.mark.parametrize(
    "text",
    [
        "关于2023年法治政府建设情况的报告",
        "一、主要举措\n推进“互联网+监管”，办理事项1/3在网上。",
        "全年办理案件12件，结案率100%。/",
    ],
)
def test_analyze_of_real_text_still_analyses_it(text):
    assert fazhi.analyze(text).source == "<text>"


def test_analyze_of_an_existing_file_name_reads_it(tmp_path, monkeypatch):
    shutil.copy(SEED_FILES[0], tmp_path / "r.txt")
    monkeypatch.chdir(tmp_path)
    assert fazhi.analyze("r.txt").year == 2023


@pytest.mark.parametrize("umask", [0o022, 0o027])
def test_results_are_written_with_the_users_umask(tmp_path, umask):
    old = os.umask(umask)
    try:
        write_atomic(tmp_path / "out.json", "{}")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "out.json").stat().st_mode) == 0o666 & ~umask


def test_overlong_text_is_refused_with_one_line_and_the_batch_goes_on(tmp_path):
    (tmp_path / "huge.txt").write_text(SEED_FILES[1].read_text(encoding="utf-8") * 3, encoding="utf-8")
    shutil.copy(SEED_FILES[0], tmp_path / "ok.txt")
    cfg = Config(max_chars=len(SEED_FILES[1].read_text(encoding="utf-8")) * 2, time_limit=0)
    got = list(fazhi.analyze_many([tmp_path], cfg))
    errors = [x for x in got if isinstance(x, ReadError)]
    assert len(got) == 2 and len(errors) == 1
    assert "huge.txt" in str(errors[0]) and "文本过长" in str(errors[0]) and "\n" not in str(errors[0])
    with pytest.raises(ReadError, match="文本过长"):
        fazhi.analyze(tmp_path / "huge.txt", cfg)


def test_file_past_the_time_limit_is_stopped_and_the_batch_goes_on(tmp_path):
    """A 3 MB report takes many seconds; with a 1.5 s limit it is stopped, the samples around it are not."""
    shutil.copy(SEED_FILES[0], tmp_path / "a.txt")
    texts = [p.read_text(encoding="utf-8") for p in SEED_FILES]
    big = "\n".join(t.replace("2023", str(1000 + k)) for k in range(70) for t in texts)
    (tmp_path / "b_big.txt").write_text(big, encoding="utf-8")
    shutil.copy(SEED_FILES[1], tmp_path / "c.txt")
    got = list(fazhi.analyze_many([tmp_path], Config(time_limit=1.5)))
    assert [type(x).__name__ for x in got] == ["Report", "ReadError", "Report"]
    assert "b_big.txt" in str(got[1]) and "分析超时" in str(got[1])
    assert got[2].source.endswith("c.txt") and got[2].year is not None


def test_limits_are_settings_with_checked_values():
    cfg = from_dict({"limits": {"max_chars": 1000, "timeout": 0}})
    assert cfg.max_chars == 1000 and cfg.time_limit == 0
    assert Config().max_chars > 1_000_000 and Config().time_limit > 0
    with pytest.raises(ValueError, match="limits.timeout"):
        from_dict({"limits": {"timeout": -1}})
    with pytest.raises(ValueError, match="limits.max_chars"):
        from_dict({"limits": {"max_chars": "many"}})


def test_cli_prints_the_limit_error_whole_and_file_names_with_brackets(tmp_path):
    """Regression: Rich read `[limits]` in the message, and `[red]` in a file name, as markup and dropped them."""
    from typer.testing import CliRunner

    from fazhi.cli import app

    d = tmp_path / "[批次]"
    d.mkdir()
    shutil.copy(SEED_FILES[0], d / "[red]a.txt")
    cfg = tmp_path / "fazhi.toml"
    cfg.write_text("[limits]\nmax_chars = 1000\n", encoding="utf-8")
    res = CliRunner().invoke(app, ["analyze", str(d), "--config", str(cfg), "-o", str(tmp_path / "out")])
    assert res.exit_code == 1
    (line,) = [x for x in res.stderr.splitlines() if x.strip()]
    assert "[批次]/[red]a.txt" in line and "文本过长" in line and "[limits]" in line


def test_a_reader_that_hangs_is_stopped_too(tmp_path, monkeypatch):
    """The worker reads as well as analyses: a reader stuck on one file (a slow OCR, a converter) is ended
    by the time limit and the next file is read by a fresh worker."""
    _reader_stuck_on_files_named_slow(monkeypatch)
    for name in ("a.txt", "b_slow.txt", "c.txt"):
        shutil.copy(SEED_FILES[0], tmp_path / name)
    got = list(fazhi.analyze_many([tmp_path], Config(time_limit=2)))
    assert [type(x).__name__ for x in got] == ["Report", "ReadError", "Report"]
    assert "b_slow.txt" in str(got[1]) and "分析超时" in str(got[1])


def test_two_workers_give_the_same_results_in_input_order(tmp_path):
    """`--jobs 2`: two worker processes side by side; reports, read errors and their order as with one."""
    for k, p in enumerate(SEED_FILES * 2):
        shutil.copy(p, tmp_path / f"r{k:02d}.txt")
    (tmp_path / "r04b.docx").write_bytes(b"PK\x03\x04 not a real docx")
    cfg = Config(time_limit=60)

    def summary(items):
        return [(x.source, x.to_json()) if not isinstance(x, ReadError) else ("error", str(x)) for x in items]

    one = summary(fazhi.analyze_many([tmp_path], cfg, jobs=1))
    two = summary(fazhi.analyze_many([tmp_path], cfg, jobs=2))
    assert len(one) == 11 and sum(1 for s, _ in one if s == "error") == 1
    assert two == one


def test_a_slow_file_in_a_pool_is_stopped_and_the_others_keep_their_order(tmp_path, monkeypatch):
    _reader_stuck_on_files_named_slow(monkeypatch)
    for name in ("a.txt", "b_slow.txt", "c.txt", "d.txt"):
        shutil.copy(SEED_FILES[0], tmp_path / name)
    got = list(fazhi.analyze_many([tmp_path], Config(time_limit=2), jobs=2))
    assert [type(x).__name__ for x in got] == ["Report", "ReadError", "Report", "Report"]
    assert "b_slow.txt" in str(got[1]) and [Path(x.source).name for x in (got[0], got[2], got[3])] == [
        "a.txt",
        "c.txt",
        "d.txt",
    ]


def _reader_stuck_on_files_named_slow(monkeypatch) -> None:
    """Readers hang on any file whose name ends in slow.txt (workers forked, so they keep the patch)."""
    import multiprocessing
    import time

    import fazhi.ingest
    import fazhi.worker

    real = fazhi.ingest.try_read

    def stuck_on_slow(data, source):
        if source.endswith("slow.txt"):
            time.sleep(60)
        return real(data, source)

    monkeypatch.setattr(fazhi.ingest, "try_read", stuck_on_slow)
    monkeypatch.setattr(fazhi.worker, "_context", lambda: multiprocessing.get_context("fork"))
