"""Missing and stray characters (lm/indel.py, rule TY102) on sentences written for these tests."""

from __future__ import annotations

import pytest

import fazhi
from fazhi.fixes import fixed_text
from fazhi.lm import indel
from helpers import hits, seed_report


@pytest.mark.parametrize(
    ("bad", "quote", "suggestion"),
    [
        # a doubled character
        ("我局高度重视法治政府建设工作，主要领导亲自部署、亲自推推动。", "自推推", "自推"),
        ("县司法局组织开展法律法规宣宣传活动，发放宣传资料三千余份。", "规宣宣", "规宣"),
        # a doubled function character (never changed by the substitution corrector)
        ("认真做好行政规范性文件的的备案审查工作。", "件的的", "件的"),
        # the last character of a word lost before a mark
        ("全面落实重大行政决策程序规定，切实做到科学决策、民主决、依法决策。", "决、", "决策、"),
        ("依法保障人民群众的合法权，维护社会公平正义。", "权，", "权益，"),
        ("持续深化“放管服”改革，不断优化营商环。", "环。", "环境。"),
    ],
)
def test_ty102_finds_a_missing_or_stray_character(bad, quote, suggestion):
    assert hits(bad, "TY102") == [(quote, suggestion)]


@pytest.mark.parametrize(
    "good",
    [
        "我局高度重视法治政府建设工作，主要领导亲自部署、亲自推动。",
        "全面落实重大行政决策程序规定，切实做到科学决策、民主决策、依法决策。",
        "依法保障人民群众的合法权益，维护社会公平正义。",
        "持续深化“放管服”改革，不断优化营商环境。",
        # reduplicated words are no doubled slip
        "我们常常深入基层了解群众的法律需求，人人参与法治建设。",
        # both copies meant: an idiom, two words that meet on the same character
        "公共法律服务与群众生活息息相关，事事关乎民生。",
        "认真落实上级提出的重要要求，确保各项部署落地见效。",
        # report jargon the law-trained model does not know: no character that repeats none is deleted
        "主要领导抓总、分管领导抓线，以上率下推动任务落实。",
    ],
)
def test_ty102_is_silent_on_good_text(good):
    assert hits(good, "TY102") == []


def test_ty102_leaves_quoted_titles_alone():
    assert hits("认真学习《关于推推进法治建设的意见》等文件精神。", "TY102") == []


def test_ty102_skips_what_a_table_rule_reports():
    # TY004 knows 严格规范公正文明执法: the doubled 执 is reported once, by the table rule
    report = fazhi.analyze("各部门认真落实行政执法责任制，严格规范公正文明执执法。")
    assert [f.rule for f in report.findings if f.rule.startswith("TY")] == ["TY004"]


def test_ty102_fix_gives_back_the_sentence():
    bad = "主要领导亲自部署、亲自推推动，切实做到科学决策、民主决、依法决策。"
    text, n = fixed_text(fazhi.analyze(bad))
    assert n == 2
    assert text == "主要领导亲自部署、亲自推动，切实做到科学决策、民主决策、依法决策。"


def test_apply_makes_insertions_and_deletions_from_the_end():
    edits = [indel.Edit(3, indel.INSERT, "策", 5.0, 5.0), indel.Edit(5, indel.DELETE, "推", 5.0, 5.0)]
    assert indel.apply("民主决，推推动", edits) == "民主决策，推动"


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
def test_ty102_is_silent_on_the_seeds(prefix):
    assert [f for f in seed_report(prefix).findings if f.rule == "TY102"] == []
