"""bench/devset/check.py: the validator of the devset annotations fires on bad files, passes good ones."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECK = ROOT / "bench" / "devset" / "check.py"
CORPUS = ROOT.parent / "shared" / "corpus"

TEXT = (
    "某镇2024年法治政府建设年度报告\n"
    "索 引 号: 000-2025-1\n"
    "一、主要举措\n"
    "全年开展会前学法12次,发放宣传资料1万余份,第一时组建专班。\n"
)

GOOD = """
file = "001.txt"
split = "dev"
title = "某镇2024年法治政府建设年度报告"
title_lines = 1
unit = "某镇"
unit_level = "township"
year = 2024
addressee = ""
furniture = ["索 引 号"]
headings = ["一、主要举措"]

[[q]]
quote = "会前学法12次"
value = 12
unit = "次"
qualifier = "exact"
id = "study.sessions"

[[q]]
quote = "宣传资料1万余份"
value = 10000
unit = "份"
qualifier = "more_than"
id = "publicity.materials"

[[d]]
kind = "typo"
quote = "第一时组建"
fix = "第一时间组建"
note = "缺字"
certain = true
"""


@pytest.fixture(scope="module")
def check():
    """The check module, loaded from its file (bench is not a package)."""
    spec = importlib.util.spec_from_file_location("devset_check", CHECK)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run(check, tmp_path: Path, toml: str) -> list[str]:
    """Check one annotation of TEXT written to a temporary corpus."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "001.txt").write_text(TEXT, "utf-8")
    ann = tmp_path / "001.toml"
    ann.write_text(toml, "utf-8")
    return check.check_file(ann, corpus, check.known_ids())


def test_good_annotation_passes(check, tmp_path):
    assert run(check, tmp_path, GOOD) == []


@pytest.mark.parametrize(
    ("old", "new", "problem"),
    [
        ('quote = "会前学法12次"', 'quote = "会前学法13次"', "occurs 0 times"),
        ('quote = "会前学法12次"', 'quote = "全年开展会前学法12次,发放宣传资料1万余份"', "longer than 20"),
        ('id = "study.sessions"', 'id = "study.nonsense"', "unknown id"),
        ('qualifier = "more_than"', 'qualifier = "many"', "bad qualifier"),
        ('kind = "typo"', 'kind = "spelling"', "bad kind"),
        ('headings = ["一、主要举措"]', 'headings = ["主要举措"]', "no line starts with"),
        ('split = "dev"', 'split = "test"', "split should be dev"),
        ('unit = "份"', 'unit = "张"', "not in quote"),
        ("certain = true", 'certain = "yes"', "certain must be"),
    ],
)
def test_bad_annotation_is_reported(check, tmp_path, old, new, problem):
    errs = run(check, tmp_path, GOOD.replace(old, new))
    assert any(problem in e for e in errs), errs


def test_quote_must_be_unique(check, tmp_path):
    errs = run(check, tmp_path, GOOD.replace('quote = "第一时组建"', 'quote = "法"'))
    assert any("occurs" in e and "'法'" in e for e in errs), errs


@pytest.mark.skipif(not CORPUS.is_dir(), reason="../shared/corpus is not present")
def test_committed_annotations_are_valid(check, capsys):
    assert check.main([str(CORPUS)]) == 0, capsys.readouterr().out
