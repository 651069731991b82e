"""`--fix`: one run reaches the fixed point where findings overlap, and words inside a quoted name or a
title are never rewritten by a rule that is not about them."""

from __future__ import annotations

import fazhi
from fazhi.fixes import fixed_text, quoted_spans

HEAD = "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n"
TAIL = "\n二、存在的不足和原因\n不足。\n三、下一年度主要安排\n安排。"


def test_overlapping_findings_are_all_fixed_in_one_run():
    """Regression: a typo inside a paragraph of half-width marks was left for a second run."""
    text = HEAD + "全年开展培训3期,截止12月底共办理案件12件;结案率达到100%。" + TAIL
    r = fazhi.analyze(text)
    assert {"PU001", "TY006"} <= {f.rule for f in r.findings}
    fixed, n = fixed_text(r)
    assert "全年开展培训3期，截至12月底共办理案件12件；结案率达到100%。" in fixed and n >= 2
    again, n2 = fixed_text(fazhi.analyze(fixed))
    assert n2 == 0 and again == fixed


def test_words_inside_a_quoted_name_or_title_are_left_as_written():
    text = (
        HEAD + "组织观看“法制宣传进万家”专题片，学习《关于加强法制宣传教育的决议》，加强法制宣传教育。" + TAIL
    )
    r = fazhi.analyze(text)
    assert sum(f.rule == "TE003" for f in r.findings) >= 2  # the rule itself still reports them
    fixed, _n = fixed_text(r)
    assert "“法制宣传进万家”" in fixed and "《关于加强法制宣传教育的决议》" in fixed
    assert "，加强法治宣传教育。" in fixed  # outside the marks the fix applies


def test_punctuation_inside_quotes_is_still_fixed():
    text = HEAD + "开展“法律进乡村,送法进企业”活动,效果良好。" + TAIL
    fixed, _n = fixed_text(fazhi.analyze(text))
    assert "开展“法律进乡村，送法进企业”活动，效果良好。" in fixed


def test_quoted_spans_pair_marks_on_one_line():
    text = "学习《关于“八五”普法的决议》和“三治”\n“未闭合"
    assert sorted(text[s:e] for s, e in quoted_spans(text)) == [
        "“三治”",
        "“八五”",
        "《关于“八五”普法的决议》",
    ]
