"""Fixed phrases whose wrong forms are generated from the canonical form (TE001), on text written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from fazhi import phrasegen
from fazhi.rules import kinds, terminology
from helpers import found, hits, quotes


@pytest.mark.parametrize(
    ("text", "wrong", "right"),
    [
        # order swapped
        ("引导村民守法学法尊法用法。", "守法学法尊法用法", "尊法学法守法用法"),
        ("落实谁普法谁执法责任制。", "谁普法谁执法", "谁执法谁普法"),
        ("全面推行一公开、双随机监管。", "一公开、双随机", "双随机、一公开"),
        ("坚持公正规范严格文明执法。", "公正规范严格文明执法", "严格规范公正文明执法"),
        (
            "贯彻严格执法、科学立法、公正司法、全民守法的方针。",
            "严格执法、科学立法、公正司法、全民守法",
            "科学立法、严格执法、公正司法、全民守法",
        ),
        # a character lost or doubled
        ("开展国家法日主题活动。", "国家法日", "国家宪法日"),
        ("组织宪法宣周系列活动。", "宪法宣周", "宪法宣传周"),
        ("学习党的二十届三全会精神。", "二十届三全会", "二十届三中全会"),
        ("学习党的二十届届三中全会精神。", "二十届届三中全会", "二十届三中全会"),
        ("学习党的二十届三中全精神。", "二十届三中全", "二十届三中全会"),
        ("推行双随随机、一公开监管。", "双随随机、一公开", "双随机、一公开"),
        # a near word
        ("培育法治明白人30名。", "法治明白人", "法律明白人"),
        ("坚持严格规范公平文明执法。", "严格规范公平文明执法", "严格规范公正文明执法"),
    ],
)
def test_generated_wrong_forms_are_reported_with_the_canonical_form(text, wrong, right):
    assert hits(text, "TE001") == [(wrong, right)]


def test_message_says_what_the_canonical_form_is():
    ((_, f),) = found("培育普法明白人30名。", "TE001")
    assert "法律明白人" in f.message and "培养工程" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "引导群众尊法学法守法用法，落实谁执法谁普法普法责任制。",
        "推行双随机、一公开监管，也写作双随机一公开。",
        "坚持严格规范公正文明执法，贯彻科学立法、严格执法、公正司法、全民守法。",
        "开展国家宪法日和宪法宣传周活动，培育法律明白人30名。",
        "学习党的二十届三中全会精神和区委九届六中全会精神。",  # a local committee's session
        "落实行政执法公示制度、执法全过程记录制度、重大执法决定法制审核制度。",
        "全面推行行政执法三项制度，深入学习习近平法治思想。",
        "推进学法用法，增强守法意识。",  # parts of a phrase used freely are no phrase
    ],
)
def test_canonical_forms_and_ordinary_text_are_silent(text):
    assert quotes(text, "TE001") == []


def test_orders_are_every_other_permutation_of_the_bracketed_parts():
    out = list(phrasegen.orders("[尊法][学法][守法][用法]"))
    assert len(out) == 23 and "尊法学法守法用法" not in out and len(set(out)) == 23
    assert list(phrasegen.orders("[双随机]、[一公开]")) == ["一公开、双随机"]
    assert list(phrasegen.orders("法律明白人")) == []


def test_numerals_and_edges_are_never_dropped_or_doubled():
    assert "九届六中全会" not in set(phrasegen.lost("十九届六中全会"))
    assert "国家宪法" not in set(phrasegen.lost("国家宪法日"))  # the last character: ordinary text
    assert not any("十十" in w or "九九" in w for w in phrasegen.doubled("十九届六中全会"))


def test_forms_another_table_holds_or_two_phrases_share_are_not_generated():
    got = {v.wrong for v in phrasegen.generate([("[甲乙][丙丁]", "")], taken=["丙丁甲乙"], correct=[])}
    assert "丙丁甲乙" not in got
    got = {v.wrong for v in phrasegen.generate([("甲乙丙丁戊", ""), ("甲乙己丁戊", "")], [], [])}
    assert "甲乙丁戊" not in got  # both phrases lose a character into it: ambiguous
    assert {"甲丙丁戊", "甲己丁戊"} <= got
    both = phrasegen.generate([("甲乙丙丁戊", ""), ("甲乙丙己丁戊", "")], [], [])
    assert "甲乙丙丁戊" not in {v.wrong for v in both}  # a canonical form is never a wrong one
    got = {v.wrong for v in phrasegen.generate([("甲乙丙丁戊", "")], [], correct=["甲丙丁戊"])}
    assert "甲丙丁戊" not in got  # a valid term is no error


def test_no_generated_form_repeats_another_table():
    generated = {e.text for e in terminology._generated_phrases()}
    for table in terminology.OTHER_WRONG_TABLES:
        assert not generated & {r[0] for r in kinds.rows(table)}, table


def test_samples_only_where_the_seeds_have_the_defect():
    # the seeds hold 学法用法尊法守法 and 普法明白人 (tests/gold/seed_findings.toml): nothing else
    samples = Path(__file__).resolve().parent.parent / "samples"
    seen = []
    for p in sorted(samples.glob("*.txt")):
        seen += [q for q, f in found(p.read_text(encoding="utf-8"), "TE001") if f.suggestion in RIGHTS]
    assert sorted(seen) == ["学法用法尊法守法", "普法明白人"]


RIGHTS = {"尊法学法守法用法", "法律明白人", "谁执法谁普法", "严格规范公正文明执法", "双随机、一公开"}
