"""Titles, web furniture and headings on the dev split of ../shared/corpus (issue 15, part 3): the figures
of bench/dev_frame.py must not fall below bench/floors_frame.toml (floors only rise).

Runs only where the corpus and the annotations are present; the test split is never read.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

import dev_frame  # noqa: E402  (bench/dev_frame.py)

FLOORS = ROOT / "bench" / "floors_frame.toml"
# Rounding slack: floors are written with three decimals.
SLACK = 5e-4

pytestmark = pytest.mark.skipif(
    not (dev_frame.CORPUS.is_dir() and (dev_frame.DEVSET / "001.toml").exists()),
    reason="../shared/corpus or bench/devset annotations absent",
)


@pytest.fixture(scope="module")
def figures() -> dict[str, float]:
    """The dev split's frame figures, computed once."""
    return dev_frame.score()


def _floors() -> dict[str, float]:
    return tomllib.loads(FLOORS.read_text(encoding="utf-8"))["dev"]


def test_every_frame_figure_has_a_floor(figures):
    assert set(_floors()) == set(figures)


@pytest.mark.parametrize("name", ["titles", "furniture_gone", "headings_found", "sections_annotated"])
def test_frame_figure_holds_its_floor(figures, name):
    assert figures[name] + SLACK >= _floors()[name], f"{name} {figures[name]:.3f} fell below its floor"
