"""TE101 (wrong names of days, laws and programmes), on sentences written for these tests."""

from __future__ import annotations

from helpers import found, quotes


# ---------------------------------------------------------------- TE101 fixed phrases
def test_day_names():
    text = "借助“12·4”宪法日、“8·29”测绘宣传日开展宣传。"
    assert quotes(text, "TE101") == ["宪法日", "测绘宣传日"]


def test_day_names_canonical_silent():
    text = "借助“3·15”国际消费者权益日、“12·4”国家宪法日、“8·29”测绘法宣传日开展宣传；宪法日益深入人心。"
    assert quotes(text, "TE101") == []


def test_regulation_name_missing_zanxing():
    assert quotes("执行《重大行政决策程序条例》。", "TE101") == ["《重大行政决策程序条例》"]
    assert quotes("执行《重大行政决策程序暂行条例》。", "TE101") == []


def test_world_consumer_day():
    assert quotes("开展世界消费者权益日宣传。", "TE101") == ["世界消费者权益日"]


def test_fengqiao_experience_of_the_new_era():
    ((q, f),) = found("坚持和发展新时期“枫桥经验”。", "TE101")
    assert f.suggestion == "新时代“枫桥经验”"
    assert quotes("坚持和发展新时代“枫桥经验”。", "TE101") == []


# ---------------------------------------------------------------- TE102 first-responsible duty
def test_duty_cut_short():
    hits = found("镇党委书记切实履行推进法治建设，带头部署。把履行法治建设情况纳入年终考核。", "TE102")
    assert [q for q, _ in hits] == ["履行推进法治建设", "履行法治建设"]
    assert all(f.suggestion == "履行推进法治建设第一责任人职责" for _, f in hits)


def test_duty_words_reordered():
    ((q, f),) = found("二、压实第一责任人法治建设职责", "TE102")
    assert q == "第一责任人法治建设职责" and f.suggestion == "推进法治建设第一责任人职责"


def test_duty_written_whole_or_with_another_object_silent():
    text = (
        "认真履行推进法治建设第一责任人职责，将履行推进法治建设第一责任人职责情况列入述职，"
        "履行法治建设职责，压实法治建设责任，推进法治建设。"
    )
    assert quotes(text, "TE102") == []
