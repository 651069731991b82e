"""The settings table: every FAZHI_* variable the code names is in it, and docs/settings.md is generated from it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from fazhi import settings
from fazhi.config import SETTINGS, load_config

ROOT = Path(__file__).resolve().parents[1]


def test_every_fazhi_variable_in_the_code_is_in_the_table():
    named = set()
    for p in (ROOT / "src" / "fazhi").rglob("*.py"):
        named |= set(re.findall(r"FAZHI_[A-Z_]+", p.read_text(encoding="utf-8")))
    assert named, "the scan found no variable at all"
    assert named <= {v.name for v in settings.ENVIRONMENT}


def test_docs_settings_page_is_generated_from_the_tables():
    page = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    assert page == settings.markdown(SETTINGS), "docs/settings.md is stale: run `make docs`"
    assert "FAZHI_TIMEZONE" in page and "limits.max_chars" in page


def test_a_variable_outside_the_table_cannot_be_read():
    with pytest.raises(KeyError):
        settings.env("FAZHI_NOT_A_SETTING")


def test_environment_overrides_the_rule_selection(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FAZHI_RULES_SELECT", "TY,PU001")
    monkeypatch.setenv("FAZHI_RULES_IGNORE", "")
    cfg = load_config()
    assert cfg.select == ["TY", "PU001"] and cfg.ignore == []
    monkeypatch.delenv("FAZHI_RULES_SELECT")
    assert load_config().select == ["ALL"]
