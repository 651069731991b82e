"""Uploads: one file, many files, a zip; bad files, bombs, oversize bodies, interrupted requests."""

from __future__ import annotations

import asyncio
import io
import re
import zipfile

import pytest
from sqlalchemy import func, select
from web_helpers import UNIT_A, db_session, wait_analysed

from fazhi.store import common, service
from fazhi.store.models import Blob, Document
from helpers import SEED_FILES, seeds_zip

GOOD = (
    "好报告.txt",
    "关于2023年法治政府建设情况的报告\n\n区委、区政府：\n2023年，本街道深入学习习近平法治思想，"
    "开展普法宣传活动12次，调解矛盾纠纷45件。\n一、主要举措和成效\n（一）加强组织领导。\n",
)


def counts(app) -> tuple[int, int]:
    with db_session(app) as s:
        return s.scalar(select(func.count()).select_from(Document)), s.scalar(
            select(func.count()).select_from(Blob)
        )


def result_rows(html: str) -> list[str]:
    return re.findall(r"<tr class=\"[^\"]*\">(.*?)</tr>", html, re.S)


def test_upload_page_shows_the_form(clients):
    r = clients["reviewer"].get("/upload")
    assert r.status_code == 200
    assert 'enctype="multipart/form-data"' in r.text and 'type="file" multiple' in r.text


def test_upload_the_seed_zip(app, clients):
    c = clients["reviewer"]
    r = c.form("/upload", files=[("files", ("seeds.zip", seeds_zip(), "application/zip"))])
    assert r.status_code == 200, r.text[:2000]
    ids = sorted(set(int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', r.text)))
    assert len(ids) == len(SEED_FILES)
    assert "已保存 5 份" in r.text and "失败" not in r.text and "分析中" in r.text
    for p in SEED_FILES:
        assert p.name in r.text
    wait_analysed(app)
    page = c.get(f"/reports/{ids[0]}")
    assert page.status_code == 200 and 'id="report-text"' in page.text
    # the same zip again: nothing stored twice, each report says it was already there
    again = c.form("/upload", files=[("files", ("seeds.zip", seeds_zip(), "application/zip"))])
    assert again.text.count("已存在") == len(SEED_FILES)
    assert sorted(set(int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', again.text))) == ids


def test_a_bad_file_does_not_stop_the_others(app, clients):
    c = clients["reviewer"]
    before, _ = counts(app)
    files = [
        ("files", GOOD[:1] + (GOOD[1].encode("utf-8"), "text/plain")),
        ("files", ("照片.png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8, "image/png")),
        ("files", ("空白.txt", b"", "text/plain")),
        ("files", ("损坏.docx", b"PK\x03\x04garbage", "application/octet-stream")),
        ("files", ("坏压缩包.zip", b"PK\x03\x04" + b"\x00" * 50, "application/zip")),
    ]
    r = c.form("/upload", files=files)
    assert r.status_code == 200
    assert "已保存 3 份，失败 2 份" in r.text
    errors = re.findall(r'<ul class="error-lines">(.*?)</ul>', r.text, re.S)[0]
    lines = re.findall(r"<li>(.*?)</li>", errors)
    assert len(lines) == 2
    assert any(line.startswith("空白.txt: ") and "文件为空" in line for line in lines)
    assert any(line.startswith("坏压缩包.zip: ") and "压缩包" in line for line in lines)
    assert counts(app)[0] == before + 3
    wait_analysed(app)
    reasons = {d.filename: (d.status, d.status_reason) for d in _latest(app, 3)}
    assert reasons[GOOD[0]][0] == "done"
    assert reasons["照片.png"][0] == "failed" and reasons["照片.png"][1].startswith("照片.png: ")
    assert "图片无法读取" in reasons["照片.png"][1]
    assert reasons["损坏.docx"][0] == "failed" and "损坏" in reasons["损坏.docx"][1]
    page = c.get(f"/reports/{_latest(app, 3)[1].id}")
    assert "失败" in page.text


def _latest(app, n: int) -> list[Document]:
    with db_session(app) as s:
        return list(reversed(s.scalars(select(Document).order_by(Document.id.desc()).limit(n)).all()))


def test_zip_bomb_is_refused_with_a_message(app, clients):
    c = clients["reviewer"]
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("正常.txt", GOOD[1] + "（附件）")
        z.writestr("炸弹.txt", b"\0" * (65 * 1024 * 1024))  # 65 MB of zeros: ~64 KB compressed
    data = buf.getvalue()
    assert len(data) < 200_000
    r = c.form("/upload", files=[("files", ("附件.zip", data, "application/zip"))])
    assert r.status_code == 200
    assert "附件.zip!/炸弹.txt" in r.text and "超出限制" in r.text and "解压后超过单份报告上限" in r.text
    assert "已保存 2 份" in r.text
    wait_analysed(app)
    got = {d.filename: d.status for d in _latest(app, 2)}
    assert got == {"炸弹.txt": "too_large", "正常.txt": "done"}


def test_wrong_type_through_the_api(token, app):
    from web_helpers import Client

    h = {"Authorization": f"Bearer {token('reviewer')}"}
    with Client(app) as c:
        r = c.post(
            "/api/reports",
            headers=h,
            files=[
                ("files", ("程序.exe", b"MZ" + bytes(range(256)) * 4, "application/x-msdownload")),
                ("files", ("ok.txt", GOOD[1].encode("utf-8") + b"API", "text/plain")),
            ],
        )
    assert r.status_code == 200
    body = r.json()
    assert body["failed"] == 0 and body["stored"] == 2
    assert {x["status"] for x in body["results"]} == {"queued"}
    wait_analysed(app)
    bad = [x for x in body["results"] if x["source"] == "程序.exe"][0]
    with Client(app) as c:
        got = c.get(f"/api/reports/{bad['report_id']}", headers=h).json()["report"]
    assert got["status"] == "failed" and got["status_reason"].startswith("程序.exe: ")


def test_no_file_chosen(clients):
    r = clients["reviewer"].form("/upload", files=[("files", ("", b"", "application/octet-stream"))])
    assert r.status_code == 400 and "请选择要上传的报告文件" in r.text


def test_oversize_body_is_refused_before_reading(app, clients, token, monkeypatch):
    monkeypatch.setattr(common, "MAX_UPLOAD_BYTES", 100_000)
    before = counts(app)
    big = b"a" * (3 * 1024 * 1024)
    r = clients["reviewer"].form(
        "/upload", files=[("files", ("大文件.txt", big, "text/plain"))], headers={"Accept": "text/html"}
    )
    assert r.status_code == 413
    assert "上传内容过大" in r.text and "不能超过" in r.text
    from web_helpers import Client

    with Client(app) as c:
        r = c.post(
            "/api/reports",
            headers={"Authorization": f"Bearer {token('admin')}"},
            files=[("files", ("大文件.txt", big, "text/plain"))],
        )
    assert r.status_code == 413 and "上传内容过大" in r.json()["detail"]
    assert counts(app) == before


def test_oversize_chunked_body_is_cut_off(app, token, monkeypatch):
    monkeypatch.setattr(common, "MAX_UPLOAD_BYTES", 100_000)
    from web_helpers import Client

    def chunks():
        for _ in range(40):
            yield b"x" * 65536

    with Client(app) as c:
        r = c.post(
            "/api/reports",
            content=chunks(),
            headers={
                "Authorization": f"Bearer {token('admin')}",
                "Content-Type": "multipart/form-data; boundary=zzz",
            },
        )
    assert r.status_code == 413


def test_one_file_over_the_limit_among_others(app, clients, monkeypatch):
    monkeypatch.setattr(common, "MAX_UPLOAD_BYTES", 100_000)
    r = clients["reviewer"].form(
        "/upload",
        files=[
            ("files", ("太大.txt", ("法治" * 60_000).encode("utf-8"), "text/plain")),
            ("files", ("小.txt", (GOOD[1] + "小").encode("utf-8"), "text/plain")),
        ],
    )
    assert r.status_code == 200
    assert "太大.txt: 文件过大" in r.text and "已保存 1 份，失败 1 份" in r.text


def test_unit_account_uploads_into_its_own_unit(app, clients):
    ua, ub = clients["unit_a"], clients["unit_b"]
    r = ua.form(
        "/upload", files=[("files", ("单位自报.txt", (GOOD[1] + "单位A").encode("utf-8"), "text/plain"))]
    )
    (rid,) = {int(x) for x in re.findall(r'href="/reports/(\d+)">查看报告', r.text)}
    wait_analysed(app)
    assert ua.get(f"/api/reports/{rid}").json()["report"]["unit"] == UNIT_A
    assert ub.get(f"/reports/{rid}").status_code == 403
    assert ub.get(f"/api/reports/{rid}").status_code == 403
    assert rid not in [x["id"] for x in ub.get("/api/reports").json()["reports"]]


def _asgi_post(app, path: str, headers: list[tuple[bytes, bytes]], chunks: list[bytes]) -> list[dict]:
    """Send a POST whose client goes away after `chunks` (an upload cut off midway)."""
    queue = [{"type": "http.request", "body": c, "more_body": True} for c in chunks]
    sent: list[dict] = []

    async def receive():
        if queue:
            return queue.pop(0)
        await asyncio.sleep(0)
        return {"type": "http.disconnect"}

    async def send(msg):
        sent.append(msg)

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": "POST",
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": headers,
        "client": ("127.0.0.1", 50000),
        "server": ("testserver", 80),
    }

    async def run():
        try:
            await app(scope, receive, send)
        except Exception:  # the server may give up on a vanished client however it likes
            pass

    asyncio.run(run())
    return sent


def test_interrupted_upload_stores_nothing(app, token):
    before = counts(app)
    boundary = "fazhiboundary"
    payload = seeds_zip()
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="batch.zip"\r\n'
            f"Content-Type: application/zip\r\n\r\n"
        ).encode()
        + payload
        + f"\r\n--{boundary}--\r\n".encode()
    )
    headers = [
        (b"authorization", f"Bearer {token('admin')}".encode()),
        (b"content-type", f"multipart/form-data; boundary={boundary}".encode()),
        (b"content-length", str(len(body)).encode()),
    ]
    half = len(body) // 2
    _asgi_post(app, "/api/reports", headers, [body[: half // 2], body[half // 2 : half]])
    assert counts(app) == before


def test_a_report_that_fails_to_save_leaves_no_trace(app, clients, monkeypatch):
    real = service._store_piece

    def flaky(s, carrier, piece, actor):
        if "坏" in piece.source:
            raise RuntimeError("disk full")
        return real(s, carrier, piece, actor)

    monkeypatch.setattr(service, "_store_piece", flaky)
    before = counts(app)
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("一.txt", GOOD[1] + "一")
        z.writestr("坏.txt", GOOD[1] + "坏")
        z.writestr("三.txt", GOOD[1] + "三")
    r = clients["admin"].form("/upload", files=[("files", ("三份.zip", buf.getvalue(), "application/zip"))])
    assert "已保存 2 份，失败 1 份" in r.text and "三份.zip!/坏.txt: 保存失败" in r.text
    docs, blobs = counts(app)
    assert docs == before[0] + 2
    with db_session(app) as s:
        assert (
            s.scalar(select(func.count()).select_from(Document).where(Document.source.like("%坏.txt"))) == 0
        )
    wait_analysed(app)


@pytest.mark.parametrize("name", ["<script>alert(1)</script>.txt", 'a"onmouseover="x.txt'])
def test_hostile_file_names_are_escaped(clients, name):
    r = clients["reviewer"].form(
        "/upload", files=[("files", (name, (GOOD[1] + name).encode("utf-8"), "text/plain"))]
    )
    assert r.status_code == 200
    assert "<script>alert(1)</script>" not in r.text
    assert 'a"onmouseover' not in r.text
