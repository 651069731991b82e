"""The workspace under load and abuse (issue 10), on the loopback only, bounded in time.

Starts `fazhi serve` on a free 127.0.0.1 port with a fresh database (SQLite in a temp dir, or the
PostgreSQL URL given with --pg), seeds it with the five sample reports, then for `--seconds`:
20 reviewers browse (report list, a report page) while 80 bad logins arrive from 80 threads and a unit
account uploads a zip of 8 × 60 MB text members (a text bomb of a few MB). Prints the reviewers' page
latency (p50 / p95 / max), the login and upload outcomes, and the server's peak memory (the server
process and its children, from /proc). Run:

    .venv/bin/python bench/bench_workspace_load.py                      # SQLite
    scripts/pg-test-server sh -c '.venv/bin/python bench/bench_workspace_load.py --pg "$FAZHI_TEST_PG_URL"'
"""

from __future__ import annotations

import argparse
import io
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
FAZHI = str(ROOT / ".venv" / "bin" / "fazhi")
PASSWORD = "bench-password-1"
REVIEWERS, BAD_LOGINS, BOMB_MEMBERS, BOMB_MB = 20, 80, 8, 60
CSRF_RE = re.compile(r'name="csrf-token" content="([^"]+)"')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def text_bomb() -> bytes:
    """A zip of BOMB_MEMBERS text files of BOMB_MB MB each (highly compressible)."""
    line = ("依法行政，建设法治政府。" * 40 + "\n").encode("utf-8")
    member = line * (BOMB_MB * 2**20 // len(line))
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        for i in range(BOMB_MEMBERS):
            z.writestr(f"炸弹{i}.txt", member)
    return buf.getvalue()


def tree_rss(pid: int) -> int:
    """Resident memory of a process and all its descendants, in bytes."""
    children: dict[int, list[int]] = {}
    for p in os.listdir("/proc"):
        if p.isdigit():
            try:
                stat = Path(f"/proc/{p}/stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(p))
            except (OSError, ValueError, IndexError):
                continue
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        todo.extend(children.get(p, []))
        try:
            for line in Path(f"/proc/{p}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    total += int(line.split()[1]) * 1024
        except OSError:
            continue
    return total


def login(base: str, name: str, password: str) -> httpx.Client:
    c = httpx.Client(base_url=base, timeout=120)
    tok = CSRF_RE.search(c.get("/login").text).group(1)
    r = c.post("/login", data={"username": name, "password": password, "csrf_token": tok, "next": "/reports"})
    assert r.status_code in (200, 303), r.status_code
    c.csrf = CSRF_RE.search(c.get("/upload").text).group(1)
    return c


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pg", help="PostgreSQL URL (default: SQLite in a temporary directory)")
    ap.add_argument("--seconds", type=float, default=30.0)
    ap.add_argument("--think", type=float, default=1.0, help="a reviewer's pause between clicks (s)")
    ap.add_argument("--no-attack", action="store_true", help="the baseline: reviewers only")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    env = {**os.environ, "FAZHI_DATA_DIR": tmp.name, "FAZHI_SECRET_KEY": "bench-" + str(os.getpid())}
    if args.pg:
        env["FAZHI_DATABASE_URL"] = args.pg

    def user(*a: str) -> None:
        subprocess.run(
            [FAZHI, "user", "add", *a, "--password", PASSWORD], env=env, check=True, capture_output=True
        )

    user("admin", "--role", "admin")
    for i in range(REVIEWERS):
        user(f"r{i}", "--role", "reviewer")
    user("unit", "--role", "unit", "--unit", "某某镇")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [FAZHI, "serve", "--port", str(port)],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                httpx.get(base + "/login", timeout=2)
                break
            except httpx.HTTPError:
                assert time.monotonic() < deadline and server.poll() is None, "server did not start"
                time.sleep(0.2)
        run(base, server.pid, args, "PostgreSQL" if args.pg else "SQLite")
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(20)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
        tmp.cleanup()


def run(base: str, pid: int, args, backend: str) -> None:
    seconds = args.seconds
    admin = login(base, "admin", PASSWORD)
    seeds = io.BytesIO()
    with zipfile.ZipFile(seeds, "w") as z:
        for p in sorted((ROOT / "samples").glob("*.txt")):
            z.writestr(p.name, p.read_bytes())
    r = admin.post(
        "/api/reports",
        files={"files": ("seeds.zip", seeds.getvalue(), "application/zip")},
        headers={"X-CSRF-Token": admin.csrf},
    )
    ids = [x["report_id"] for x in r.json()["results"]]
    t0 = time.monotonic()
    while any(
        v["status"] in ("queued", "analysing")
        for v in admin.get("/api/reports/status", params={"ids": ",".join(map(str, ids))})
        .json()["statuses"]
        .values()
    ):
        assert time.monotonic() - t0 < 300, "seed analysis did not finish"
        time.sleep(0.5)
    reviewers = [login(base, f"r{i}", PASSWORD) for i in range(REVIEWERS)]
    unit = login(base, "unit", PASSWORD)
    bomb = text_bomb()
    stop = threading.Event()
    lat: list[float] = []
    errors: list[str] = []
    peak = [tree_rss(pid)]
    base_rss = peak[0]

    def browse(c: httpx.Client, k: int) -> None:
        n = 0
        while not stop.is_set():
            url = "/reports" if n % 2 == 0 else f"/reports/{ids[(k + n) % len(ids)]}"
            t = time.perf_counter()
            r = c.get(url)
            lat.append(time.perf_counter() - t)
            if r.status_code != 200:
                errors.append(f"{url} {r.status_code}")
            n += 1
            time.sleep(args.think)  # a reviewer reads between clicks

    logins: list[int] = []

    def bad_login(i: int) -> None:
        with httpx.Client(base_url=base, timeout=120) as c:
            tok = CSRF_RE.search(c.get("/login").text).group(1)
            r = c.post(
                "/login", data={"username": f"r{i % REVIEWERS}", "password": "wrong", "csrf_token": tok}
            )
            logins.append(r.status_code)

    upload: dict = {}

    def upload_bomb() -> None:
        t = time.perf_counter()
        r = unit.post(
            "/api/reports",
            files={"files": ("材料.zip", bomb, "application/zip")},
            headers={"X-CSRF-Token": unit.csrf},
        )
        upload.update(
            status=r.status_code,
            seconds=time.perf_counter() - t,
            results=[x.get("status") or x.get("error") for x in r.json().get("results", [])],
        )

    def sample() -> None:
        while not stop.is_set():
            peak[0] = max(peak[0], tree_rss(pid))
            time.sleep(0.1)

    threads = [threading.Thread(target=browse, args=(c, k)) for k, c in enumerate(reviewers)]
    threads.append(threading.Thread(target=sample))
    for t in threads:
        t.start()
    time.sleep(2)
    attack = (
        [] if args.no_attack else [threading.Thread(target=bad_login, args=(i,)) for i in range(BAD_LOGINS)]
    )
    attack += [] if args.no_attack else [threading.Thread(target=upload_bomb)]
    for t in attack:
        t.start()
    for t in attack:
        t.join(seconds + 120)
    time.sleep(max(0.0, seconds - 2))
    stop.set()
    for t in threads:
        t.join(60)
    lat.sort()
    p95 = lat[int(0.95 * (len(lat) - 1))]
    codes = {c: logins.count(c) for c in sorted(set(logins))}
    attack_text = (
        "no attack (baseline)"
        if args.no_attack
        else (
            f"{BAD_LOGINS} bad logins; {BOMB_MEMBERS} x {BOMB_MB} MB text-bomb zip ({len(bomb) / 2**20:.1f} MB)"
        )
    )
    print(
        f"backend: {backend}; {REVIEWERS} reviewers browsing {seconds:.0f} s, {args.think} s between clicks; "
        f"{attack_text}; load average before: {os.getloadavg()[0]:.1f}"
    )
    print(
        f"reviewer pages: {len(lat)} requests, p50 {statistics.median(lat) * 1000:.0f} ms, "
        f"p95 {p95 * 1000:.0f} ms, max {lat[-1] * 1000:.0f} ms, errors {len(errors)} {errors[:3]}"
    )
    print(f"bad logins: {codes}")
    print(
        f"text bomb upload: HTTP {upload.get('status')} in {upload.get('seconds', 0):.1f} s, members: {upload.get('results')}"
    )
    print(
        f"server memory (process + children, RSS): before {base_rss / 2**20:.0f} MB, peak {peak[0] / 2**20:.0f} MB"
    )
    sys.stdout.flush()


if __name__ == "__main__":
    main()
