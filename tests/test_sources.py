"""The one parser of source names (`a.zip!/x/b.txt`): every module asks it, none splits `!/` itself."""

from pathlib import Path

from fazhi import sources

SRC = Path(__file__).resolve().parents[1] / "src" / "fazhi"


def test_parts_of_a_nested_member_name():
    s = sources.member_source(sources.member_source("收文.zip", "区县/乙.zip"), "子目录\\某区报告.PDF")
    assert s == "收文.zip!/区县/乙.zip!/子目录\\某区报告.PDF"
    assert sources.inner_path(s) == "子目录\\某区报告.PDF"
    assert sources.base_name(s) == "某区报告.PDF"
    assert sources.stem(s) == "某区报告"
    assert sources.suffix(s) == ".pdf"


def test_plain_paths_are_their_own_inner_path():
    assert sources.inner_path("/tmp/a/b.txt") == "/tmp/a/b.txt"
    assert sources.base_name("/tmp/a/b.txt") == "b.txt"
    assert sources.stem("") == ""


def test_no_module_parses_the_member_separator_itself():
    offenders = [
        p.relative_to(SRC).as_posix()
        for p in SRC.rglob("*.py")
        if p.name != "sources.py" and any(m in p.read_text(encoding="utf-8") for m in ('"!/"', "}!/"))
    ]
    assert offenders == []
