"""The analyzer's spine: rules get the configuration passed in, never from global state."""

from __future__ import annotations

from fazhi.config import Config
from fazhi.model import Category, Report, Severity
from fazhi.rules.base import REGISTRY, _selected, all_rules, rule, run_rules

_TITLE = "某县司法局关于2023年法治政府建设情况的报告\n"


def test_rules_reading_the_config_take_it_as_a_parameter():
    """The rules whose behaviour a setting changes declare the Config parameter (and no others do)."""
    takes = {r.code for r in all_rules() if r.takes_config}
    assert {"TM001", "TM002", "TE008", "TY001", "TY101"} <= takes
    assert "NU001" not in takes


def test_the_engine_passes_its_own_config_to_the_check():
    seen: list[Config] = []

    def check(report, cfg):
        seen.append(cfg)
        return iter(())

    check.__doc__ = "测试用规则。"
    cfg = Config(select=["FM998"])
    try:
        rule(
            code="FM998",
            name="config-probe",
            category=Category.FORMAT,
            severity=Severity.INFO,
            summary="测试",
            bad=[],
            good=[],
        )(check)
        run_rules(Report(source="t", text="正文。"), cfg)
    finally:
        REGISTRY.pop("FM998", None)
        _selected.cache_clear()
    assert seen == [cfg] and seen[0] is cfg


def test_two_configs_in_turn_each_give_their_own_deadline():
    """Each analysis reads its own deadline (none leaks from the one before)."""
    from fazhi.pipeline import analyze

    text = _TITLE + "一、主要举措和成效\n开展学法12次。\n某县司法局\n2024年3月20日"
    late = Config(deadline_report="03-01")
    lenient = Config(deadline_report="04-30")
    assert "TM001" in {f.rule for f in analyze(text, late).findings}
    assert "TM001" not in {f.rule for f in analyze(text, lenient).findings}
    assert "TM001" in {f.rule for f in analyze(text, late).findings}
