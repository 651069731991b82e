"""The indicator taxonomy as data: ids, names, units and context cues from `data/indicators.toml`."""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any

OTHER_ID = "other"
OTHER_NAME = "其他数量"


@lru_cache(maxsize=1)
def load_data() -> dict[str, Any]:
    """The parsed data file `fazhi/data/indicators.toml`."""
    src = resources.files("fazhi.data").joinpath("indicators.toml").read_text(encoding="utf-8")
    return tomllib.loads(src)


@dataclass(frozen=True)
class Spec:
    """One indicator of the taxonomy with its compiled cues."""

    id: str
    name: str
    units: frozenset[str]
    nouns: tuple[re.Pattern, ...] = ()
    verbs: tuple[re.Pattern, ...] = ()
    weak: tuple[re.Pattern, ...] = ()
    generic: tuple[re.Pattern, ...] = ()
    generic_verbs: tuple[re.Pattern, ...] = ()
    rates: tuple[re.Pattern, ...] = ()
    rates_after: tuple[re.Pattern, ...] = ()
    topics: tuple[str, ...] = ()
    confirm: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    paragraph: tuple[str, ...] = ()
    clause: tuple[str, ...] = ()
    clause_after: bool = False  # the clause words may also follow the count in its sentence
    part_of: tuple[str, ...] = ()
    rate_part: tuple[str, ...] = ()
    rate_whole: tuple[str, ...] = ()
    max: float | None = None
    stock: bool = False  # a standing number: repeated mentions are the same count, not added up
    # a verb of another process before the object noun makes the count that process's (`审查…规范性
    # 文件22件` is a review): the spec's nouns do not count after it in their clause
    not_after: re.Pattern | None = None
    # a rate of a generic name counts only when one of these words precedes it in its sections or
    # paragraph (`办结率` is a petition rate only about petitions)
    rate_confirm: tuple[str, ...] = ()
    # whom the work was for, named in the sentence (`为机关干部…`, `深入农户…`): the taxonomy tells
    # cadre lectures from publicity for the public by their audience, not by who speaks
    audience: re.Pattern | None = None
    # a count mapped to one of `narrows` whose clause matches `narrow_cue` is this narrower one
    # (`适用一般程序查处案件27起` is a 一般程序 case, `成功调处…纠纷42起` a success)
    narrows: tuple[str, ...] = ()
    narrow_cue: re.Pattern | None = None

    @property
    def is_rate(self) -> bool:
        """True when the indicator is a percentage."""
        return bool(self.rates)


def _compile(items) -> tuple[re.Pattern, ...]:
    return tuple(re.compile(x) for x in items or ())


@dataclass(frozen=True)
class Taxonomy:
    """All indicators, by id, in data-file order."""

    specs: tuple[Spec, ...]

    def __post_init__(self):
        object.__setattr__(self, "_by_id", {s.id: s for s in self.specs})

    def get(self, id_: str) -> Spec | None:
        """The indicator with this id, or None."""
        return self._by_id.get(id_)  # type: ignore[attr-defined]

    def name(self, id_: str) -> str:
        """Chinese name of an id (`其他数量` for `other`)."""
        s = self.get(id_)
        return s.name if s else OTHER_NAME

    @property
    def ids(self) -> list[str]:
        """Every id, in data-file order."""
        return [s.id for s in self.specs]


@lru_cache(maxsize=1)
def taxonomy() -> Taxonomy:
    """The taxonomy of the data file (compiled once)."""
    specs = []
    seen = set()
    for raw in load_data()["indicator"]:
        if raw["id"] in seen:
            raise ValueError(f"indicator id {raw['id']} defined twice in indicators.toml")
        seen.add(raw["id"])
        rate_of = raw.get("rate_of", {})
        specs.append(
            Spec(
                id=raw["id"],
                name=raw["name"],
                units=frozenset(raw["units"]),
                nouns=_compile(raw.get("nouns")),
                verbs=_compile(raw.get("verbs")),
                weak=_compile(raw.get("weak")),
                generic=_compile(raw.get("generic")),
                generic_verbs=_compile(raw.get("generic_verbs")),
                rates=_compile(raw.get("rates")),
                rates_after=_compile(raw.get("rates_after")),
                topics=tuple(raw.get("topics", ())),
                confirm=tuple(raw.get("confirm", ())),
                sentence=tuple(raw.get("sentence", ())),
                paragraph=tuple(raw.get("paragraph", ())),
                clause=tuple(raw.get("clause", ())),
                clause_after=bool(raw.get("clause_after", False)),
                part_of=tuple(raw.get("part_of", ())),
                rate_part=tuple(rate_of.get("part", ())),
                rate_whole=tuple(rate_of.get("whole", ())),
                max=raw.get("max"),
                stock=bool(raw.get("stock", False)),
                rate_confirm=tuple(raw.get("rate_confirm", ())),
                not_after=re.compile(raw["not_after"]) if raw.get("not_after") else None,
                audience=re.compile(raw["audience"]) if raw.get("audience") else None,
                narrows=tuple(raw.get("narrows", ())),
                narrow_cue=re.compile(raw["narrow_cue"]) if raw.get("narrow_cue") else None,
            )
        )
    return Taxonomy(tuple(specs))
