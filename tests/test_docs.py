"""Documentation keeps up with the code: every CLI command and every setting is in the README."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer.main

from fazhi.cli import app
from fazhi.config import SETTINGS

README = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")


def _commands():
    group = typer.main.get_group(app)
    for name, cmd in group.commands.items():
        subs = getattr(cmd, "commands", None)
        if subs:
            for sub in subs:
                yield f"fazhi {name} {sub}"
        else:
            yield f"fazhi {name}"


@pytest.mark.parametrize("command", list(_commands()))
def test_every_command_is_in_the_readme(command):
    assert command in README, f"README does not mention `{command}`"


@pytest.mark.parametrize("setting", SETTINGS, ids=lambda s: s.name)
def test_every_setting_is_in_the_readme(setting):
    section, _, key = setting.name.partition(".")
    assert f"[{section}" in README and key in README, f"README does not document {setting.name}"
