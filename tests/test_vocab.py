"""Each closed set and each shared helper is defined once (issue 11): checks over the source of src/fazhi.

The checks read the code as text, so a copy added back (a label dict, a Han range, a closer string, a
numeral table) fails here even when it agrees with the original today.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi import vocab
from fazhi.numerals import date_value, heading_value, parse_chinese, to_chinese
from fazhi.text import CLOSERS, FULLWIDTH_CLOSERS, HAN_BASIC, INNER_CLOSERS, SENTENCE_CLOSERS, is_han_basic

SRC = Path(vocab.__file__).parent
LABELLED = [
    k
    for k in vars(vocab).values()
    if isinstance(k, type) and issubclass(k, vocab.Labelled) and k is not vocab.Labelled
]


def sources(*exempt: str) -> list[tuple[str, str]]:
    """(path relative to src/fazhi, text) of every Python module, but the exempt ones (their homes)."""
    out = []
    for p in sorted(SRC.rglob("*.py")):
        rel = p.relative_to(SRC).as_posix()
        if rel not in exempt:
            out.append((rel, p.read_text(encoding="utf-8")))
    return out


def offenders(pattern: str, *exempt: str) -> list[str]:
    """`path:line` of every match of `pattern` outside the exempt modules."""
    rx = re.compile(pattern, re.M)
    return [
        f"{rel}:{text.count(chr(10), 0, m.start()) + 1}"
        for rel, text in sources(*exempt)
        for m in rx.finditer(text)
    ]


def test_the_han_range_is_written_only_in_text_py():
    # `\u4e00`, `\u9fff` or the characters themselves, as a regex range or a comparison.
    assert (
        offenders(r"\\u4e00|\\u9fff|0x4e00|0x9fff|[\u4e00\u9fff]\"?\s*<=|<=\s*\"[\u4e00\u9fff]", "text.py")
        == []
    )


def test_closing_marks_are_defined_only_in_text_py():
    # Every closer set written so far began with the closing quotes, then a bracket or title mark.
    assert offenders(r"”’[」』）)》〉]", "text.py") == []


def test_numeral_tables_and_cn2an_live_only_in_numerals_py():
    assert (
        offenders(
            r"\"[一二三四五六七八九]\"\s*:\s*\d|\"零一二三四五六七八九\"|import cn2an|from cn2an",
            "numerals.py",
        )
        == []
    )


def test_every_closed_set_is_a_class_of_vocab_py():
    # Alignment (text.py) is the offset map's own detail, not a set any output shows.
    assert offenders(r"^class (?!Alignment\b)\w+\((?:Str)?Enum|^class \w+\(Labelled", "vocab.py") == []
    names = [k.__name__ for k in LABELLED]
    assert offenders(rf"^class (?:{'|'.join(names)})\b", "vocab.py") == []


@pytest.mark.parametrize("kind", LABELLED, ids=lambda k: k.__name__)
def test_labels_and_value_lists_of_a_closed_set_are_written_only_in_vocab_py(kind):
    members = list(kind)
    pairs = "|".join(re.escape(f'"{m.value}": "{m.label}"') for m in members)
    assert offenders(pairs, "vocab.py") == [], "a label table copied"
    if len(members) > 1:
        first_two = re.escape(f'"{members[0].value}", "{members[1].value}"')
        assert offenders(first_two, "vocab.py") == [], "a list of the values copied"


def test_a_label_dict_of_a_closed_set_is_built_only_by_vocab_labels():
    # lm/confusion.py names its int-coded confusion channels, not a set the JSON or the database holds.
    assert offenders(r"^[A-Z_]+_ZH\s*=", "vocab.py", "lm/confusion.py") == []


def test_the_label_tables_keep_their_values_and_order():
    # The values are what JSON and the database hold; pages and exports look labels up by them.
    assert vocab.VERDICT_ZH == {"pending": "待审查", "pass": "通过", "return": "退回修改"}
    assert vocab.ROLES == ("admin", "reviewer", "unit")
    assert list(vocab.STATUS_ZH) == ["not_received", "received_late", "received", "published", "reviewed"]
    assert vocab.PART_KEYS == ("measures", "shortcomings", "first_responsible", "next_year", "other")
    assert all(type(k) is str for k in vocab.CATEGORY_ZH)
    assert vocab.Category("typo") is vocab.Category.TYPO and vocab.Category.TYPO == "typo"
    assert vocab.HeadingStyle.PAREN_CN.label == "（一）"


def test_the_shared_helpers_read_as_before():
    assert is_han_basic("法") and not is_han_basic("㐀") and not is_han_basic("") and not is_han_basic("a")
    assert re.fullmatch(f"[{HAN_BASIC}]+", "法治政府") and not re.match(f"[{HAN_BASIC}]", "，")
    assert set(FULLWIDTH_CLOSERS) == set(CLOSERS) - {")"}
    assert set(SENTENCE_CLOSERS) < set(CLOSERS) and set(INNER_CLOSERS) < set(CLOSERS)
    # Three readings of Chinese numerals, each for its input: dates digit by digit, headings leniently.
    assert date_value("二〇二四") == 2024 and date_value("三十一") == 31 and date_value("十") == 10
    assert heading_value("十二") == 12 and heading_value("12") == 12 and heading_value("第") is None
    assert parse_chinese("一千零五") == 1005 and parse_chinese("二〇二四") is None
    assert to_chinese(11) == "十一" and to_chinese(105) == "一百零五" and to_chinese(0) == "0"
