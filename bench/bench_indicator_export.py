"""/api/indicators for many reports (issue 10: 23 reports took 7.7 s as JSON and 12.7 s as XLSX).

Fills a temporary SQLite workspace with N reports (a 30,000-character text and its JSON each, like a real
report) and their indicator rows (25 a report, as the seeds have), then times the export as JSON, CSV and
XLSX through the app. Run: .venv/bin/python bench/bench_indicator_export.py [N ...] (default 1000 2000)
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid

ROWS_PER_REPORT = 25
TEXT_CHARS = 30_000


def fill(app, n: int) -> None:
    """N analysed reports with their indicator rows, inserted in bulk."""
    from sqlalchemy import insert

    from fazhi.store.models import Blob, Document, IndicatorRow

    text = ("本年度开展普法宣传活动12次，调解矛盾纠纷45件。" * (TEXT_CHARS // 24))[:TEXT_CHARS]
    result = '{"text": "' + text + '", "findings": []}'
    with app.state.sessionmaker() as s:
        s.execute(insert(Blob), [{"sha256": f"{i:064x}", "data": b"x", "size": 1} for i in range(n)])
        s.execute(
            insert(Document),
            [
                {
                    "id": i + 1,
                    "blob_sha": f"{i:064x}",
                    "filename": f"报告{i}.txt",
                    "source": f"报告{i}.txt",
                    "year": 2020 + i % 4,
                    "detected_unit": f"第{i}镇",
                    "text": text,
                    "result_json": result,
                    "status": "done",
                }
                for i in range(n)
            ],
        )
        s.execute(
            insert(IndicatorRow),
            [
                {
                    "report_id": i + 1,
                    "indicator": f"ind.{k}",
                    "name": f"指标{k}",
                    "value": float(k),
                    "unit": "次",
                    "qualifier": "exact",
                    "quote": "开展普法宣传活动12次",
                    "start": 10 * k,
                    "end": 10 * k + 11,
                }
                for i in range(n)
                for k in range(ROWS_PER_REPORT)
            ],
        )
        s.commit()


def main(sizes: list[int]) -> None:
    from fastapi.testclient import TestClient

    from fazhi.store import accounts
    from fazhi.web import create_app

    print(f"{'reports':>8} {'rows':>8} {'json s':>7} {'csv s':>7} {'xlsx s':>7}")
    for n in sizes:
        with tempfile.TemporaryDirectory() as d:
            app = create_app(f"sqlite:///{d}/fazhi.db", secret_key=uuid.uuid4().hex, secure_cookies=False)
            with app.state.sessionmaker() as s:
                user = accounts.create_user(s, "bench", "bench-password", "reviewer")
                token = accounts.issue_token(s, user)
            fill(app, n)
            h = {"Authorization": f"Bearer {token}"}
            times = []
            with TestClient(app) as c:
                for fmt in ("json", "csv", "xlsx"):
                    t0 = time.perf_counter()
                    r = c.get("/api/indicators", params={"format": fmt}, headers=h)
                    times.append(time.perf_counter() - t0)
                    assert r.status_code == 200, r.text[:200]
                    if fmt == "json":
                        assert len(r.json()["rows"]) == n * ROWS_PER_REPORT
            print(f"{n:8,} {n * ROWS_PER_REPORT:8,} {times[0]:7.2f} {times[1]:7.2f} {times[2]:7.2f}")


if __name__ == "__main__":
    main([int(x) for x in sys.argv[1:]] or [1000, 2000])
