"""Workspace store speed on SQLite and PostgreSQL: ingest rate, the corpus table, search latency.

Usage:
  .venv/bin/python bench/bench_store.py [-n 2000] [--batch 100] [--pg URL | --no-pg] [--queries 50]

Loads n reports — variants of the five samples with another unit name, another year and other numbers, so
every file has its own hash — through fazhi.store.service.ingest (zips of --batch reports, admin actor),
first into a SQLite file, then into PostgreSQL: a fresh database on the server of --pg URL (or of
$FAZHI_TEST_PG_URL), else a throwaway server started like the tests' one (tests/pg.py, needs the server
binaries). Prints numbers only; no asserts.
"""

from __future__ import annotations

import argparse
import io
import os
import random
import re
import statistics
import sys
import tempfile
import time
import zipfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import func, select, text

from fazhi.store import common
from fazhi.store import corpus as corpus_service
from fazhi.store import service as sv
from fazhi.store.db import get_engine, get_sessionmaker
from fazhi.store.models import Document, IndicatorRow

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))
# The core of each sample's unit name, replaced by a made-up one of the same kind.
UNIT_CORE = {"000": "昌州街道", "001": "城西街道", "002": "偏柏乡", "003": "民主街道", "004": "吴家镇"}
NAME_CHARS = (
    "东南西北中新安和平兴隆福寿康宁永丰华明光清河山石桥龙凤金玉长乐太白云水溪松柏桃李梅竹花园青阳双江"
)
YEARS = (2019, 2020, 2021, 2022, 2023, 2024)
NUMBER_RE = re.compile(r"(\d{1,5})(件|次|个|人|场|万元|元|户|项|期)")


def variants(n: int, seed: int = 7) -> list[tuple[str, bytes, str]]:
    """n (file name, bytes, unit name) report variants: a made-up unit name, a year, numbers nudged."""
    rng = random.Random(seed)
    texts = [(p.name[:3], p.read_text(encoding="utf-8")) for p in SAMPLES]
    names = [a + b for a in NAME_CHARS for b in NAME_CHARS if a != b]
    rng.shuffle(names)
    out = []
    for i in range(n):
        prefix, t = texts[i % len(texts)]
        core = UNIT_CORE[prefix]
        kind = core[-2:] if core.endswith("街道") else core[-1]
        unit = names[i % len(names)] + kind
        t = t.replace(core, unit)
        year = YEARS[i % len(YEARS)]
        base = 2024 if prefix == "001" else 2023
        t = t.replace(f"{base + 1}年", f"{year + 1}年").replace(f"{base}年", f"{year}年")
        t = NUMBER_RE.sub(lambda m: f"{max(0, int(m[1]) + rng.randint(-3, 9))}{m[2]}", t)
        t += f"\n\n（编号 {i:05d}）\n"  # unique even if nothing above changed
        out.append((f"r{i:05d}_{prefix}.txt", t.encode("utf-8"), unit))
    return out


def search_terms(k: int, files: list[tuple[str, bytes, str]], seed: int = 11) -> dict[str, list[str]]:
    """k/2 two-character and k/2 four-character terms drawn from the samples (common: most reports match),
    and ten of the made-up unit names (rare: a few reports each)."""
    rng = random.Random(seed)
    corpus = "".join(p.read_text(encoding="utf-8") for p in SAMPLES)
    runs = re.findall(r"[\u4e00-\u9fff]{4,}", corpus)
    out: dict[str, list[str]] = {}
    for length in (2, 4):
        terms: set[str] = set()
        while len(terms) < k // 2:
            r = rng.choice(runs)
            start = rng.randrange(0, len(r) - length + 1)
            terms.add(r[start : start + length])
        out[f"{length} chars"] = sorted(terms)
    out["unit names, few hits"] = sorted(rng.sample(sorted({unit for _, _, unit in files}), 10))
    return out


def timed(fn: Callable[[], object], repeat: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
    return times, result


def p95(xs: list[float]) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, round(0.95 * (len(xs) - 1)))]


def bench(
    label: str, url: str, files: list[tuple[str, bytes, str]], batch: int, terms: dict[str, list[str]]
) -> None:
    print(f"\n== {label}: {re.sub(r'//[^@/]*@', '//', url)}")
    sm = get_sessionmaker(url)
    engine = get_engine(url)
    print(f"   server: {engine.dialect.name} {'.'.join(map(str, engine.dialect.server_version_info or ()))}")

    # Ingest, with the analysis timed apart from the storing.
    spent = {"analysis": 0.0}
    real = sv.analyze_raw

    def analyze_timed(*a, **kw):
        t = time.perf_counter()
        try:
            return real(*a, **kw)
        finally:
            spent["analysis"] += time.perf_counter() - t

    sv.analyze_raw = analyze_timed
    errors = 0
    t0 = time.perf_counter()
    try:
        for i in range(0, len(files), batch):
            buf = io.BytesIO()
            with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
                for name, data, _unit in files[i : i + batch]:
                    z.writestr(name, data)
            with sm() as s:
                errors += sum(
                    1
                    for it in sv.ingest(s, buf.getvalue(), f"batch{i // batch:03d}.zip", common.SYSTEM)
                    if it.error or it.duplicate
                )
    finally:
        sv.analyze_raw = real
    total = time.perf_counter() - t0
    n = len(files)
    store_s = total - spent["analysis"]
    with sm() as s:
        stored = s.scalar(select(func.count()).select_from(Document))
        rows = s.scalar(select(func.count()).select_from(IndicatorRow))
        if engine.dialect.name == "postgresql":
            size = s.scalar(text("SELECT pg_database_size(current_database())"))
        else:
            size = os.path.getsize(engine.url.database)
    print(
        f"   ingest: {n} reports in {total:.1f} s = {n / total:.1f} reports/s "
        f"(analysis {spent['analysis']:.1f} s; unzip + store {store_s:.1f} s = {store_s / n * 1000:.1f} ms/report)"
    )
    print(
        f"           stored {stored} reports, {rows} indicator rows, {errors} errors/duplicates, "
        f"database {size / 2**20:.0f} MiB"
    )

    # The corpus table (corpus_service.corpus builds every row, indicators included); a new session per call,
    # as a web request would have.
    def in_session(fn, *a, setup: str | None = None, **kw):
        with sm() as s:
            if setup:
                s.execute(text(setup))
            return fn(s, common.SYSTEM, *a, **kw)

    in_session(corpus_service.corpus)  # warm-up
    for what, kw in (("all years", {}), ("year=2022", {"year": 2022})):
        times, result = timed(lambda kw=kw: in_session(corpus_service.corpus, **kw), 5)
        print(
            f"   corpus ({what}): {len(result)} rows, median {statistics.median(times) * 1000:.0f} ms, "
            f"max {max(times) * 1000:.0f} ms (5 calls)"
        )

    # The same through the web app: whole pages (routing, auth, template), as a reviewer's browser gets them.
    page_times(url, sm)

    # Search latency.
    in_session(corpus_service.search, "法治政府")  # warm-up
    in_session(corpus_service.search, "调解")
    groups = [(what, qs, None) for what, qs in terms.items()]
    if engine.dialect.name == "postgresql":
        # The planner prefers a scan (of the table, or of the primary key for ORDER BY id) to the trigram index:
        # it does not know how costly ILIKE over long TOASTed text is. What the index gives when forced:
        force = "SET LOCAL enable_seqscan = off; SET LOCAL enable_indexscan = off"
        groups += [
            (f"{what}, trigram index forced", qs, force) for what, qs in terms.items() if what != "2 chars"
        ]
    for what, qs, setup in groups:
        times, hits = [], []
        for q in qs:
            t = time.perf_counter()
            hits.append(len(in_session(corpus_service.search, q, setup=setup)))
            times.append(time.perf_counter() - t)
        print(
            f"   search ({what}, {len(qs)} queries): median {statistics.median(times) * 1000:.1f} ms, "
            f"p95 {p95(times) * 1000:.1f} ms, max {max(times) * 1000:.1f} ms; "
            f"hits per query median {statistics.median(hits):.0f}, max {max(hits)}"
        )
    engine.dispose()


def page_times(url: str, sm) -> None:
    """Median time of the corpus and search pages, served in-process by the real app."""
    from fastapi.testclient import TestClient

    from fazhi.store import accounts
    from fazhi.store.models import User
    from fazhi.web.app import create_app

    with sm() as s:
        if s.scalar(select(User).where(User.username == "bench")) is None:
            accounts.create_user(s, "bench", "bench-password", "reviewer")
    client = TestClient(create_app(url, secret_key="bench-secret"))
    csrf = re.search(r'<meta name="csrf-token" content="([^"]+)">', client.get("/login").text).group(1)
    client.post(
        "/login",
        data={"username": "bench", "password": "bench-password", "csrf_token": csrf, "next": "/reports"},
        follow_redirects=False,
    )
    for path in ("/corpus", "/corpus?year=2022", "/search?q=法律明白人", "/search?q=调解"):
        client.get(path)  # warm-up
        times, resp = timed(lambda path=path: client.get(path), 5)
        assert resp.status_code == 200, (path, resp.status_code)
        print(
            f"   page {path}: median {statistics.median(times) * 1000:.0f} ms, {len(resp.content) // 1024} KiB (5 calls)"
        )


def main() -> int:
    """Run the benchmark on SQLite and (when available) PostgreSQL; print the numbers."""
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", type=int, default=2000, help="reports to load (default 2000)")
    ap.add_argument("--batch", type=int, default=100, help="reports per uploaded zip (default 100)")
    ap.add_argument("--queries", type=int, default=50, help="search queries, half 2-char, half 4-char")
    ap.add_argument("--pg", metavar="URL", help="a PostgreSQL server to use (a fresh database is made on it)")
    ap.add_argument("--no-pg", action="store_true", help="SQLite only")
    ap.add_argument("--no-sqlite", action="store_true", help="PostgreSQL only")
    args = ap.parse_args()

    sys.path.insert(0, str(ROOT / "tests"))
    import pg  # tests/pg.py: the tests' throwaway server and database helpers

    files = variants(args.n)
    terms = search_terms(args.queries, files)
    print(
        f"{args.n} report variants ({sum(len(d) for _, d, _ in files) / 2**20:.1f} MiB), zips of {args.batch}, "
        f"{os.cpu_count()} CPUs, Python {sys.version.split()[0]}"
    )
    if not args.no_sqlite:
        with tempfile.TemporaryDirectory(prefix="fazhi-bench-") as tmp:
            bench("SQLite", f"sqlite:///{tmp}/bench.db", files, args.batch, terms)
    if args.no_pg:
        return 0
    server = None
    try:
        base = args.pg or os.environ.get(pg.ENV_URL)
        if not base:
            try:
                server = pg.PgServer().start()
            except pg.PgUnavailable as e:
                print(f"\n== PostgreSQL: skipped ({e})")
                return 0
            base = server.url
        url = pg.create_database(base, prefix="fz_bench_")
        try:
            bench(
                "PostgreSQL" + (" (throwaway server, fsync off)" if server else ""),
                url,
                files,
                args.batch,
                terms,
            )
        finally:
            pg.drop_database(url)
    finally:
        if server is not None:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
