"""The speed-ups of issue 9 change nothing: the cue prefilter finds every cue match, the literal search
finds what the regex found, and the cached rule selection follows every change of the config."""

from __future__ import annotations

import dataclasses
import re

import pytest

from fazhi.config import Config
from fazhi.indicators.mapping import _cue_index, _cue_matches
from fazhi.indicators.taxonomy import taxonomy
from fazhi.regexlit import Prefilter, required_literals
from fazhi.rules.base import REGISTRY, all_rules
from fazhi.text import find_all
from helpers import temporary_rule


def _every_cue_everywhere(text: str, windows: list[tuple[int, int]]) -> list[tuple[int, int, int, str]]:
    """The cue matching before the prefilter: every cue pattern run in every window."""
    cues, _pre = _cue_index(taxonomy())
    out = [
        (m.start(), m.end(), i, kind)
        for i, kind, p in cues
        for a, b in windows
        for m in p.finditer(text, a, b)
        if m.end() > m.start()
    ]
    return sorted(out)


def test_cue_prefilter_finds_every_cue_match_on_the_seeds(seed):
    text = seed.text
    n = len(text)
    windows = [(0, n)] + [(a, min(n, a + 57)) for a in range(0, n, 211)]
    for w in ([windows[0]], windows[1:]):
        assert _cue_matches(text, w) == _every_cue_everywhere(text, w)


def test_cue_prefilter_on_text_written_for_it():
    text = "全年组织法治培训12次，开展普法宣传活动30余场，受理行政复议案件8件，举办专题讲座两期。"
    windows = [(0, len(text)), (3, 20), (21, 40)]
    found = _cue_matches(text, windows)
    assert found == _every_cue_everywhere(text, windows)
    assert found  # the sentence names indicators: cues are found, not all skipped


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("学法", {"学法"}),
        ("(?:法治|专题)课程", {"课程"}),
        ("(?:法治|法律)培训", {"培训"}),  # the longer of two equally long requirements: the fewer options
        ("(?:法治|法律)[^，]{0,8}?(?:讲座|培训)", {"讲座", "培训"}),
        ("(?:理论)?(?:学习)?中心组", {"中心组"}),
        ("(?<!教育)培训(?!班)", {"培训"}),  # lookarounds consume nothing: not required
        ("[甲乙]号", {"号"}),
        ("[甲乙]", {"甲", "乙"}),
        (r"\d+次", {"次"}),
        ("(?:宣传){1,3}", {"宣传"}),
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(re.compile(pattern)) == literals


@pytest.mark.parametrize("pattern", ["(?:学习)?", "[^，。]+", r"\d+", "(?i)abc", "(?:学法|[0-9])", "学*"])
def test_required_literals_unknown(pattern):
    """No string every match must hold (optional, classes, digits, ignore-case): None, always run."""
    assert required_literals(re.compile(pattern)) is None


def test_prefilter_never_skips_a_pattern_that_matches():
    pats = [re.compile(p) for p in ("法治(?:讲座|课堂)", "[^，]{0,4}?培训", r"\d+", "(?:学习)?强国", "案件")]
    pre = Prefilter(pats)
    text = "开展法治讲座3次，组织干部培训，使用学习强国平台，办理案件12件。"
    for a in range(0, len(text), 3):
        for b in range(a, len(text) + 1, 5):
            tried = set(pre.candidates(text, a, b))
            for k, p in enumerate(pats):
                if any(m.end() > m.start() for m in p.finditer(text, a, b)):
                    assert k in tried, (p.pattern, a, b)
    assert 2 in pre.always  # `\d+` has no literal: always tried
    assert pre.candidates(text, 0, 2) == [2]  # `开展` holds no literal of the others


@pytest.mark.parametrize(
    ("text", "needle"), [("aaaaa", "aa"), ("某县人民政府某县人民政府", "县人民"), ("无", "有"), ("", "x")]
)
def test_find_all_is_what_the_escaped_regex_finds(text, needle):
    assert list(find_all(text, needle)) == [m.span() for m in re.finditer(re.escape(needle), text)]


def test_rule_selection_cache_follows_a_changed_config():
    """A config edited after a decision (or a new one with other lists) is never served the old answer."""
    nu1 = REGISTRY["NU001"] if "NU001" in REGISTRY else all_rules()[0]
    cfg = Config()
    assert cfg.is_selected(nu1)
    cfg.ignore.append(nu1.code)
    assert not cfg.is_selected(nu1)
    cfg.ignore.clear()
    assert cfg.is_selected(nu1)
    assert not Config(select=["PU"]).is_selected(nu1)
    assert Config(select=["PU"], ignore=[]).is_selected(nu1) is False
    assert Config(select=[nu1.code[:2]]).is_selected(nu1)
    preview = dataclasses.replace(nu1, status="preview")
    cfg = Config()
    assert not cfg.is_selected(preview)  # preview rules need `preview = true` or their own code
    assert cfg.is_selected(nu1)  # the same code, stable: decided apart
    cfg.preview = True
    assert cfg.is_selected(preview)
    cfg.preview = False
    cfg.select = [nu1.code]
    assert cfg.is_selected(preview)


def test_user_lexicon_cache_follows_a_changed_config():
    """The cached lexicon of a config: an edited terms/allowed/confusions list is a new lexicon."""
    from fazhi.rules.kinds import user_lexicon

    cfg = Config()
    assert user_lexicon(cfg).terms == () and user_lexicon(cfg).confusions == ()
    cfg.terms.append("某某术语")
    cfg.confusions["错写法"] = "正写法"
    assert user_lexicon(cfg).terms == ("某某术语",)
    assert user_lexicon(cfg).confusions == (("错写法", "正写法"),)
    cfg.allowed.append("允许写法")
    assert user_lexicon(cfg).allowed == ("允许写法",)
    cfg.confusions["另一"] = ["不可哈希的值"]  # a malformed table still gives a lexicon, uncached
    assert ("另一", "['不可哈希的值']") in user_lexicon(cfg).confusions


def test_user_confusion_added_between_analyses_is_reported():
    from fazhi.pipeline import analyze

    text = "某县人民政府关于2024年法治政府建设情况的报告\n2024年，我县坚持依法行政，推进甲乙丙丁工作。"
    assert not [f for f in analyze(text).findings if "甲乙丙丁" in f.message]
    cfg = Config(confusions={"甲乙丙丁": "戊己庚辛"})
    assert [f for f in analyze(text, cfg).findings if "甲乙丙丁" in f.message]
    assert not [f for f in analyze(text).findings if "甲乙丙丁" in f.message]


def test_line_spans_are_a_fresh_list_each_time():
    from fazhi.text import lines_with_offsets

    text = "第一行\n\n第三行"
    spans = lines_with_offsets(text)
    assert spans == [(0, 3), (4, 4), (5, 8)]
    spans.clear()
    assert lines_with_offsets(text) == [(0, 3), (4, 4), (5, 8)]
    assert lines_with_offsets("第一行\n第二行") == [(0, 3), (4, 7)]


_PERSON_RE = re.compile(
    r"[\u4e00-\u9fff]{2,3}(?=同志|书记|副?(?:局长|主任|区长|县长|市长|镇长|乡长|处长|科长|部长|主席|秘书长)|等同志)"
)
_PLACE_RE = re.compile(r"[\u4e00-\u9fff]{2}(?=省|市|县|区|镇|乡|村|街道|社区|州|旗|盟)")


def test_han_before_finds_what_the_lookahead_regex_finds():
    """TY101's person and place protection (text.han_before) gives the spans of the regexes it replaced."""
    import random

    from fazhi.rules.typo_stat import _PERSON_AFTER, _PLACE_AFTER
    from fazhi.text import han_before

    rng = random.Random(9)
    alphabet = "张王明芳同志书记副局长主任区市县镇乡村街道社区州旗盟等秘a1，。\n"
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(0, 40))) for _ in range(3000)]
    texts += [
        "王芳副局长和张明同志、李四等同志到石桥村、昌州街道、某某社区调研",
        "市县区镇乡",
        "张三副秘书长",
    ]
    for t in texts:
        assert han_before(t, _PERSON_AFTER, 2, 3) == [m.span() for m in _PERSON_RE.finditer(t)], t
        assert han_before(t, _PLACE_AFTER, 2, 2) == [m.span() for m in _PLACE_RE.finditer(t)], t


def test_protected_mask_is_the_union_of_the_protected_spans():
    from fazhi.analysis import Analysis
    from fazhi.rules.typo_stat import protected_mask

    text = "某某县人民政府：王芳副局长带队到石桥村宣讲《中华人民共和国行政处罚法》，某某县人民政府落实“枫桥经验”。"
    r = Analysis(source="t", text=text, units=("某某县人民政府",), title_span=(0, 7))
    mask = protected_mask(r, Config())
    assert len(mask) == len(text)
    for covered in ("某某县人民政府", "王芳", "石桥", "《中华人民共和国行政处罚法》", "“枫桥经验”"):
        i = text.index(covered)
        assert mask[i : i + len(covered)].all(), covered
    assert not mask[text.index("带队") : text.index("带队") + 2].any()


def test_selected_rules_follow_config_and_registry():
    """The cached rule list per setting: other settings get their own, a newly registered rule joins."""
    from fazhi.rules.base import selected_rules

    assert [r.code for r in selected_rules(Config(select=["NU"]))] == [
        r.code for r in all_rules() if r.code.startswith("NU") and r.status == "stable"
    ]
    everything = selected_rules(Config())
    assert "NU001" in {r.code for r in everything}
    assert "NU001" not in {r.code for r in selected_rules(Config(ignore=["NU001"]))}

    def check(report):
        return iter(())

    with temporary_rule("FM999", "cache-test-rule", check):
        assert "FM999" in {r.code for r in selected_rules(Config())}
    assert "FM999" not in {r.code for r in selected_rules(Config())}


def test_prologue_furniture_is_a_fresh_set_each_time():
    """The cached prologue analysis: a caller adding to the returned set does not change the next answer."""
    from fazhi.furniture import prologue_furniture

    lines = [
        "当前位置：首页 > 政务公开 > 法治政府建设",
        "",
        "某县人民政府关于2024年法治政府建设情况的报告",
        "2024年，我县坚持依法行政。",
    ]
    first = prologue_furniture(lines)
    assert 0 in first and 2 not in first
    first.add(3)
    assert prologue_furniture(lines) == first - {3}
    assert 0 not in prologue_furniture(lines[2:])
