"""The workspace store: the corpus list and full-text search.

Every test runs on SQLite and on PostgreSQL (fixture `store` of tests/store/conftest.py on `db_url`, tests/pg.py).
"""

from __future__ import annotations

from collections import Counter

import pytest
from sqlalchemy import select
from store_helpers import (
    SEED_UNIT,
    UNITS_2023,
    Store,
    check_integrity,
    count,
    make_user,
)

from fazhi.store import corpus as corpus_service
from fazhi.store import service as sv
from fazhi.store.common import BadInput
from fazhi.store.corpus import pinyin_key
from fazhi.store.models import (
    Blob,
    Document,
)


def test_corpus_filters_and_sorting(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        sv.register_units(s, store.admin, 2023, UNITS_2023)
        sv.set_verdict(s, store.admin, ids["002"], "return")
        sv.set_verdict(s, store.admin, ids["003"], "pass")
        rows = corpus_service.corpus(s, store.admin)
        assert sorted(r["id"] for r in rows) == sorted(ids.values())
        assert [r["unit_name"] for r in rows] == sorted((r["unit_name"] for r in rows), key=pinyin_key)
        byid = {r["id"]: r for r in rows}
        assert byid[ids["000"]]["unit_name"] == "昌州街道" and byid[ids["000"]]["parent"] == "荣昌区"
        assert byid[ids["001"]]["unit_name"] == SEED_UNIT["001"][0] and byid[ids["001"]]["parent"] is None
        for r in rows:  # the key indicators are the sums of the report's own indicator occurrences
            inds = sv.report_view(s, store.admin, r["id"])["result"]["indicators"]
            for k, v in r["indicators"].items():
                expected = [i["value"] for i in inds if i["id"] == k]
                assert v == (pytest.approx(sum(expected)) if expected else None), (r["id"], k)
        assert {r["id"] for r in corpus_service.corpus(s, store.admin, year=2023)} == {
            ids[p] for p in ("000", "002", "003", "004")
        }
        assert [r["id"] for r in corpus_service.corpus(s, store.admin, year=2024)] == [ids["001"]]
        assert corpus_service.corpus(s, store.admin, year=1999) == []
        assert len(corpus_service.corpus(s, store.admin, level="township")) == 5
        assert corpus_service.corpus(s, store.admin, level="county") == []
        assert {r["id"] for r in corpus_service.corpus(s, store.admin, parent="荣昌区")} == {
            ids["000"],
            ids["004"],
        }
        assert [r["id"] for r in corpus_service.corpus(s, store.admin, status="return")] == [ids["002"]]
        assert [
            r["id"] for r in corpus_service.corpus(s, store.admin, year=2023, status="pass", parent="解放区")
        ] == [ids["003"]]
        assert len(corpus_service.corpus(s, store.admin, status="pending")) == 3
        scores = [r["score"] or 0 for r in corpus_service.corpus(s, store.admin, sort="score")]
        assert scores == sorted(scores, reverse=True)
        errors = [r["errors"] for r in corpus_service.corpus(s, store.admin, sort="errors")]
        assert errors == sorted(errors, reverse=True)
        by_year = [(r["year"], r["unit_name"]) for r in corpus_service.corpus(s, store.admin, sort="year")]
        assert by_year == sorted(by_year, key=lambda t: (-t[0], pinyin_key(t[1])))
        with pytest.raises(BadInput):
            corpus_service.corpus(s, store.admin, sort="id; DROP TABLE reports")


SEARCH_TERMS = ["法治政府建设", "行政执法", "人民调解", "调解", "执法", "复议", "昌州", "吴家镇", "法治"]


HOSTILE = [
    "' OR 1=1 --",
    "%",
    "_",
    '"',
    '""',
    "%%",
    "%调解%",
    "_解",
    "\\",
    "\\%",
    "a_b",
    "*",
    "调解*",
    "NEAR(调解 执法)",
    "调解 OR 执法",
    "'; DROP TABLE reports; --",
    '") OR ("',
    "{text}:调解",
    "^调解",
    "🙂🙂🙂",
    "   调解   ",
    "x" * 100,
]


def test_search(store: Store):
    ids = store.ingest_seeds()
    with store.session() as s:
        texts = {d.id: d.text for d in s.scalars(select(Document))}
        for q in SEARCH_TERMS + HOSTILE:
            hits = corpus_service.search(s, store.reviewer, q)
            needle = q.strip()
            expected = {rid for rid, t in texts.items() if needle in t}
            assert {h["report_id"] for h in hits} == expected, q
            for h in hits:
                t = texts[h["report_id"]]
                assert t[h["start"] : h["end"]] == needle == h["match"]
                assert h["before"] == t[max(0, h["start"] - corpus_service.SNIPPET_CONTEXT) : h["start"]]
                assert h["after"] == t[h["end"] : h["end"] + corpus_service.SNIPPET_CONTEXT]
            assert max(Counter(h["report_id"] for h in hits).values(), default=0) <= 3
        assert {h["report_id"] for h in corpus_service.search(s, store.reviewer, "法治政府建设")} == set(
            ids.values()
        )
        assert {h["report_id"] for h in corpus_service.search(s, store.reviewer, "调解")} == set(ids.values())
        assert {h["report_id"] for h in corpus_service.search(s, store.reviewer, "昌州")} >= {ids["000"]}
        assert {h["report_id"] for h in corpus_service.search(s, store.reviewer, "%")} == {
            r for r, t in texts.items() if "%" in t
        }
        assert (
            corpus_service.search(s, store.reviewer, "") == []
            and corpus_service.search(s, store.reviewer, "  ") == []
        )
        with pytest.raises(BadInput):
            corpus_service.search(s, store.reviewer, "法" * 101)
        assert len(corpus_service.search(s, store.reviewer, "调解", limit=2)) <= 6
        assert count(s, Document) == 5  # nothing was harmed
        # Re-analysis keeps the search index in step.
        sv.reanalyze(s, store.admin, ids["000"])
        assert ids["000"] in {
            h["report_id"] for h in corpus_service.search(s, store.reviewer, "法治政府建设")
        }
        check_integrity(s, store.dialect)


@pytest.mark.parametrize("q", ["\x00", "调解\x00", "法治\x00政府"])
def test_search_with_a_nul_character(store: Store, q: str):
    """A NUL (%00 in a URL) finds nothing and raises nothing."""
    store.ingest_seeds()
    with store.session() as s:
        assert corpus_service.search(s, store.reviewer, q) == []


def test_unit_search_is_not_cut_off_by_other_units_reports(store: Store):
    """A unit account finds its own report even when more than SEARCH_LIMIT other reports match."""
    ids = store.ingest_seeds()
    with store.session() as s:
        mine = make_user(s, "changzhou", "unit", "昌州街道")
        s.get(Document, ids["000"]).unit_id = mine.unit_id
        s.commit()
        # Many other reports mentioning the term, stored with lower ids than the unit's own.
        blob = s.get(Blob, s.get(Document, ids["001"]).blob_sha)
        own = s.get(Document, ids["000"])
        for i in range(corpus_service.SEARCH_LIMIT + 5):
            d = Document(
                blob_sha=blob.sha256,
                filename=f"f{i}.txt",
                source=f"f{i}.txt",
                text="昌州街道法治政府建设 " * 3,
                result_json="{}",
            )
            s.add(d)
        s.flush()
        own_new = Document(
            blob_sha=own.blob_sha,
            filename="own.txt",
            source="own.txt",
            text=own.text,
            unit_id=mine.unit_id,
            result_json=own.result_json,
        )
        s.add(own_new)
        s.flush()
        for d in s.scalars(select(Document).where(Document.id > ids["004"])):
            sv._index_text(s, d)
        s.commit()
        assert {h["report_id"] for h in corpus_service.search(s, mine, "昌州街道")} == {
            ids["000"],
            own_new.id,
        }
