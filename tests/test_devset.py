"""The development set (issue 15): fazhi's figures on the annotated dev split of ../shared/corpus
must not fall below the floors recorded in bench/floors.toml (floors only rise, ceilings only fall).

Runs only where the corpus and the annotations are present; the test split is never run here.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import eval as devset_eval  # noqa: E402  (bench/eval.py)

FLOORS = ROOT / "bench" / "floors.toml"
# Figures that must stay at or above their floor, and false-alarm rates that must stay at or below.
HIGHER_IS_BETTER = ("indicator_recall", "indicator_precision", "value_precision", "defect_recall")
LOWER_IS_BETTER = ("alarms_typo_terminology", "alarms_other")
# Rounding slack: floors are written with three decimals.
SLACK = 5e-4


def _present() -> bool:
    return devset_eval.CORPUS.is_dir() and bool(devset_eval.load_annotations("dev"))


pytestmark = pytest.mark.skipif(not _present(), reason="../shared/corpus or bench/devset annotations absent")


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    """The dev split's figures, computed once."""
    return devset_eval.evaluate("dev").figures()


def _floors() -> dict[str, float]:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))["dev"]


@pytest.mark.parametrize("name", HIGHER_IS_BETTER)
def test_figure_holds_its_floor(figures, name):
    assert figures[name] + SLACK >= _floors()[name], f"{name} {figures[name]:.3f} fell below its floor"


@pytest.mark.parametrize("name", LOWER_IS_BETTER)
def test_false_alarms_stay_under_their_ceiling(figures, name):
    assert figures[name] - SLACK <= _floors()[name], f"{name} {figures[name]:.3f} rose above its ceiling"


def test_every_floor_is_checked():
    assert set(_floors()) == set(HIGHER_IS_BETTER) | set(LOWER_IS_BETTER)


def test_locate_maps_a_raw_quote_into_the_normalized_text():
    import fazhi

    raw = "一、工作\n开展 普法活动 12场。\n"
    r = fazhi.analyze(raw)
    span = devset_eval.locate(r, raw, "普法活动")
    assert span is not None and r.text[span[0] : span[1]].replace(" ", "") == "普法活动"
