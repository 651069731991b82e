"""How long a long report's page takes to open (issue 10: a 1 MB report's page was 45 MB and took 83 s).

Builds reports of about 0.5, 1 and 2 MB from the seed texts (repeated, numbered), stores and analyses them
in a temporary SQLite workspace, then times the report page (first piece of the text, first page of the
findings) and a later piece. Prints size and time per report; run: .venv/bin/python bench/bench_long_report.py
"""

from __future__ import annotations

import sys
import tempfile
import time
import uuid
from pathlib import Path

from fazhi.store import common

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "web"))

SIZES_MB = (0.5, 1.0, 2.0)


def long_text(mb: float) -> str:
    """A report of about `mb` MB of UTF-8: the seeds' bodies repeated under numbered headings."""
    seeds = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "samples").glob("*.txt"))]
    head = seeds[0].split("\n", 1)[0]
    out, n = [head, ""], 0
    while sum(len(x.encode("utf-8")) for x in out) < mb * 2**20:
        n += 1
        out.append(f"（{n}）" + seeds[n % len(seeds)].split("\n", 1)[1])
    return "\n".join(out)


def main() -> None:
    from web_helpers import login

    from fazhi.store import accounts, service
    from fazhi.store.analysis import Limits
    from fazhi.web import create_app

    with tempfile.TemporaryDirectory() as d:
        app = create_app(
            f"sqlite:///{d}/fazhi.db",
            secret_key=uuid.uuid4().hex,
            secure_cookies=False,
            analysis_limits=Limits(timeout_s=600, max_chars=3_000_000),
        )
        with app.state.sessionmaker() as s:
            accounts.create_user(s, "bench", "bench-password", "reviewer")
            who = common.Actor.of(accounts.get_user(s, "bench"))
        c = login(app, "bench", "bench-password")
        print(
            f"{'MB':>5} {'chars':>9} {'findings':>8} {'analyse s':>9} {'page s':>7} {'page KB':>8} {'piece s':>7}"
        )
        for mb in SIZES_MB:
            text = long_text(mb)
            t0 = time.perf_counter()
            with app.state.sessionmaker() as s:
                (item,) = service.ingest(s, text.encode("utf-8"), f"long-{mb}.txt", who)
            t_an = time.perf_counter() - t0
            t0 = time.perf_counter()
            r = c.get(f"/reports/{item.report_id}")
            t_page = time.perf_counter() - t0
            assert r.status_code == 200, r.text[:300]
            n_f = len(c.get(f"/api/reports/{item.report_id}").json()["result"]["findings"])
            t0 = time.perf_counter()
            r2 = c.get(f"/reports/{item.report_id}?part=3")
            t_piece = time.perf_counter() - t0
            assert r2.status_code in (200, 400)
            print(
                f"{mb:5.1f} {len(text):9,} {n_f:8,} {t_an:9.1f} {t_page:7.2f} {len(r.content) // 1024:8,} {t_piece:7.2f}"
            )


if __name__ == "__main__":
    main()
