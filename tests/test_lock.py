"""The lock file and pyproject.toml agree, and the environment under test was installed from the lock."""

from __future__ import annotations

import re
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
LOCK = ROOT / "requirements.lock"
PIN_RE = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s\\;]+)", re.M)


def _pins() -> dict[str, str]:
    return {canonicalize_name(n): v for n, v in PIN_RE.findall(LOCK.read_text(encoding="utf-8"))}


def _declared() -> list[Requirement]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    reqs = [Requirement(r) for r in project["dependencies"]]
    reqs += [Requirement(r) for r in project["optional-dependencies"]["dev"]]
    return [r for r in reqs if r.marker is None or r.marker.evaluate()]


def test_every_declared_dependency_is_pinned_within_its_range():
    pins = _pins()
    problems = []
    for req in _declared():
        name = canonicalize_name(req.name)
        if name not in pins:
            problems.append(f"{req.name}: not in requirements.lock")
        elif not req.specifier.contains(pins[name], prereleases=True):
            problems.append(f"{req.name}: lock pins {pins[name]}, pyproject asks {req.specifier}")
    assert not problems, "run `make lock`: " + "; ".join(problems)


def test_every_pin_carries_a_hash():
    blocks = re.split(r"\n(?=[A-Za-z0-9])", LOCK.read_text(encoding="utf-8").strip())
    unhashed = [b.split()[0] for b in blocks if PIN_RE.match(b) and "--hash=sha256:" not in b]
    assert not unhashed


def test_installed_versions_are_the_locked_ones():
    pins = _pins()
    wrong = []
    for name, version in pins.items():
        try:
            have = metadata.version(name)
        except metadata.PackageNotFoundError:
            wrong.append(f"{name}: not installed")
            continue
        if have != version:
            wrong.append(f"{name}: {have} installed, {version} locked")
    assert not wrong, "reinstall with `make venv` (rm .venv/.installed): " + "; ".join(wrong)
