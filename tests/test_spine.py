"""The analyzer's spine: rules get the configuration passed in; the Report is the frozen contract."""

from __future__ import annotations

import dataclasses
import json

import pytest

from fazhi.analysis import CACHES, Analysis
from fazhi.config import Config
from fazhi.ingest import read_bytes, read_path
from fazhi.model import Report
from fazhi.normalize import normalize
from fazhi.pipeline import GIVEN, STAGES, analysis_of, check_order
from fazhi.rules.base import all_rules, run_rules, selected_rules
from helpers import SEED_FILES, temporary_rule

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

    cfg = Config(select=["FM998"])
    with temporary_rule("FM998", "config-probe", check):
        run_rules(Analysis(source="t", text="正文。"), cfg)
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


def _sections(outline):
    for s in outline:
        yield s
        yield from _sections(s.children)


@pytest.mark.parametrize("path", SEED_FILES, ids=lambda p: p.name[:3])
def test_report_round_trips_through_its_json(path):
    """from_dict(to_dict()) gives the same report back: the same JSON, and the sections' heading ends
    recovered exactly (the JSON does not carry them); only the rules' `marker` detail is not restored."""
    a = analysis_of(path)
    d = json.loads(a.report().to_json())
    back = Report.from_dict(d)
    assert back.to_dict() == d
    assert back == dataclasses.replace(a.report(), outline=back.outline)
    got = [(s.start, s.heading_end) for s in _sections(back.outline)]
    assert got == [(s.start, s.heading_end) for s in _sections(a.outline)]
    assert got  # every seed has headings


def test_heading_end_of_an_inline_heading_and_a_cut_item():
    text = "一、总体情况\n（一）提升普法宣传力度。加强宣传。\n一是持续完善机制，强化落实，推动各项制度落地见效，确保工作取得实实在在的成效，并做好总结\n"
    a = analysis_of(text)
    ends = {text[s.start : s.heading_end] for s in a.sections()}
    back = Report.from_dict(a.report().to_dict())
    assert {text[s.start : s.heading_end] for s in back.sections()} == ends
    assert "（一）提升普法宣传力度。" in ends


def test_from_dict_refuses_another_schema():
    d = analysis_of("某县关于2024年法治政府建设情况的报告\n正文。").report().to_dict()
    with pytest.raises(ValueError):
        Report.from_dict({**d, "schema": "fazhi.report/2"})


# -- every stage and rule reads and writes only what the stages declare ------------------------------

_FIELDS = frozenset(f.name for f in dataclasses.fields(Analysis))


class _Recording(Analysis):
    """An Analysis that notes every field read and written into `log` (a set of (op, name))."""

    def __getattribute__(self, name):
        if name in _FIELDS:
            object.__getattribute__(self, "__dict__").setdefault("log", set()).add(("read", name))
        return super().__getattribute__(name)

    def __setattr__(self, name, value):
        if name in _FIELDS and "log" in self.__dict__:
            self.__dict__["log"].add(("write", name))
        super().__setattr__(name, value)


def _undeclared(stages, raws) -> set[str]:
    """What the stages and the rules read or write beyond their declarations, on these inputs."""
    out: set[str] = set()
    cfg = Config(preview=True)
    for raw in raws:
        text, omap = normalize(raw.text)
        a = _Recording(source=raw.source, text=text, format=raw.format, config=cfg, offset_map=omap)
        for st in stages:
            allowed_read = set(GIVEN) | set(CACHES) | set(st.requires) | set(st.assigns)
            if st.name == "rules":  # each rule on its own, so that a failure names it
                for r in selected_rules(cfg):
                    a.__dict__["log"] = set()
                    list(r.hits(a, cfg))
                    out |= {
                        f"rule {r.code} {op}s {n}"
                        for op, n in a.__dict__["log"]
                        if n not in allowed_read or (op == "write" and n not in CACHES)
                    }
            a.__dict__["log"] = set()
            st.fn(a, raw)
            for op, n in a.__dict__["log"]:
                if op == "read" and n not in allowed_read:
                    out.add(f"stage {st.name} reads {n}")
                if op == "write" and n not in set(st.assigns) | set(CACHES):
                    out.add(f"stage {st.name} writes {n}")
    return out


def _traced():
    """The seeds, and web pages whose title comes from the page (metadata reads the raw document)."""
    from furniture_pages import html_pages

    pages = [
        read_bytes(html.encode("utf-8"), f"{name}.html") for name, (html, _t) in sorted(html_pages().items())
    ]
    return [read_path(p) for p in SEED_FILES] + pages[:3]


def test_every_stage_and_rule_reads_and_writes_only_what_is_declared():
    check_order(STAGES)
    assert _undeclared(STAGES, _traced()) == set()


@pytest.mark.parametrize(
    ("stage", "field", "expected"),
    [
        ("metadata", "frame", "stage metadata reads frame"),
        ("rules", "paragraphs", "reads paragraphs"),
        ("frame", "body_span", "stage frame writes body_span"),
    ],
)
def test_a_missing_declaration_is_caught(stage, field, expected):
    """Drop one name from a stage's declarations: the recording names what is now undeclared."""
    stages = [
        dataclasses.replace(
            s,
            requires=tuple(x for x in s.requires if x != field),
            assigns=tuple(x for x in s.assigns if x != field),
        )
        if s.name == stage
        else s
        for s in STAGES
    ]
    assert any(expected in x for x in _undeclared(stages, [read_path(SEED_FILES[0])]))
