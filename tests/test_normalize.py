"""Normalization keeps an exact map back to the raw text and never rewrites punctuation."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from fazhi.normalize import normalize
from fazhi.text import Alignment


def test_spaces_between_cjk_removed():
    t, _ = normalize("依 法护 航营商引资，关于 2023 年的报告")
    assert t == "依法护航营商引资，关于2023年的报告"


def test_space_between_two_bodies_in_signature_kept():
    t, _ = normalize("正文很长很长很长很长很长很长的一段话。\n中共某某镇委员会 某某镇人民政府\n2024年1月16日")
    assert "中共某某镇委员会 某某镇人民政府" in t


def test_space_inside_quotes_kept_for_the_checker():
    t, _ = normalize("结合“ 禁毒宣传月”开展宣传。")
    assert "“ 禁毒宣传月”" in t


def test_ascii_punctuation_not_rewritten():
    t, _ = normalize("2023年,在区委的领导下:我们(街道)开展了工作;成效明显.")
    assert t == "2023年,在区委的领导下:我们(街道)开展了工作;成效明显."


def test_hard_wrapped_sentence_joined_but_paragraphs_kept():
    raw = "严格按照规范性文件制定流程落实主体责任,切实\n\n履行规范性文件制定程序。\n（二）加强学习\n内容。"
    t, _ = normalize(raw)
    assert t == "严格按照规范性文件制定流程落实主体责任,切实履行规范性文件制定程序。\n（二）加强学习\n内容。"


def test_headings_and_unit_lines_not_joined():
    raw = (
        "中共某某街道工作委员会\n\n某某街道办事处\n\n关于2024年度法治政府建设情况的报告\n一、工作成效\n正文。"
    )
    t, _ = normalize(raw)
    assert t.split("\n")[:4] == [
        "中共某某街道工作委员会",
        "某某街道办事处",
        "关于2024年度法治政府建设情况的报告",
        "一、工作成效",
    ]


def test_trailing_web_debris_dropped():
    raw = "正文。\n2024年1月16日\n国务院部门网站\n地方政府网站\n其他网站\n"
    t, _ = normalize(raw)
    assert t == "正文。\n2024年1月16日"


def test_crlf_bom_and_fullwidth_spaces():
    t, _ = normalize("\ufeff\u3000\u3000一、标题\r\n\u3000\u3000正文。\r\n")
    assert t == "一、标题\n正文。"


def test_offset_map_exact_for_untouched_span():
    raw = "关于 2023 年的报告\n正文 依 法 行政。"
    t, m = normalize(raw)
    i = t.index("报告")
    span = m.char_span(i, i + 2, t)
    assert span.alignment == Alignment.EXACT and raw[span.start : span.end] == "报告"
    j = t.index("依法行政")
    span = m.char_span(j, j + 4, t)
    assert span.alignment == Alignment.EXPANDED and raw[span.start : span.end] == "依 法 行政"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="依法行政，。、“”( ) \n\r\t\u3000abc123一二（）", max_size=80))
def test_every_char_maps_to_the_same_raw_char(raw):
    t, m = normalize(raw)
    assert len(m.index) == len(t) + 1
    for i, ch in enumerate(t):
        r = raw[m.index[i]]
        # newlines and spaces may stand for other white space; everything else is the same character
        assert ch == r or (ch in " \n" and r.isspace())


def test_pdf_wrapped_heading_lines_and_split_numbers_are_joined():
    """A hard-wrapped PDF: lines of one width, a heading line that fills it, a number cut in two."""
    width = 20
    body = (
        "（一）加强党的领导，推进法治建设，把法治建设纳入全局工作统筹谋划、一体推进，"
        "全年出具法律意见书32份，开展学法活动12次。\n（二）规范执法\n执法工作规范有序，全年未发生行政复议纠错案件，"
        "行政执法人员全部持证上岗，执法全过程记录实现全覆盖。"
    )
    wrapped = "\n".join(
        "\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in body.split("\n")
    )
    t, _ = normalize(wrapped)
    assert t == body


def test_wrapped_line_ending_in_a_unit_word_is_joined():
    # Regression: a PDF line wrapped after `法治政府` or `办事处` was taken for a unit's name and left
    # unjoined (sample 004 typeset as a PDF: `对照法治政府` / `建设目标任务要求`).
    body = (
        "2023年我镇认真贯彻党的二十大精神，按照区里的实施方案要求，对照法治政府建设目标任务要求，"
        "现将本镇法治政府建设工作报告如下。今年以来，各村社区和街道办事处共同开展普法宣传活动12场。"
    )
    cuts = [0, 20, 37, 58, 78, len(body)]  # lines of about 20 characters, two ending in unit words
    lines = [body[a:b] for a, b in zip(cuts, cuts[1:], strict=False)]
    assert lines[1].endswith("法治政府") and lines[3].endswith("街道办事处")
    intro = "关于2023年法治政府建设情况的报告\n"
    t, _ = normalize(intro + "\n".join(lines) + "\n某某镇人民政府\n2024年1月16日")
    assert t == intro + body + "\n某某镇人民政府\n2024年1月16日"


def test_a_number_broken_over_two_lines_is_one_number():
    intro = "关于2023年法治政府建设情况的报告\n一、主要举措和成效\n（一）加强法律顾问工作\n"
    t, _ = normalize(intro + "全年出具重大事项活动涉法风险意见书3\n2份，有效规避了法律风险。")
    assert t.endswith("\n全年出具重大事项活动涉法风险意见书32份，有效规避了法律风险。")
    t, _ = normalize(intro + "The annual report is published by the\ndistrict office every year in March.")
    assert t.endswith("\nThe annual report is published by the district office every year in March.")
