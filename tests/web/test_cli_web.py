"""`fazhi user add|token|list` and `fazhi ingest` against the workspace database."""

from __future__ import annotations

import io
import zipfile

import pytest
from typer.testing import CliRunner
from web_helpers import Client

from fazhi.cli import app as cli
from helpers import SEED_FILES


@pytest.fixture()
def env(module_db_url, tmp_path, monkeypatch):
    monkeypatch.setenv("FAZHI_DATABASE_URL", module_db_url)
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.chdir(tmp_path)
    return module_db_url


def run(*args: str, input: str | None = None):
    return CliRunner().invoke(cli, list(args), input=input)


def test_user_add_token_and_api(env, app):
    r = run("user", "add", "cli_admin", "--role", "admin", "--password", "long-enough-pw")
    assert r.exit_code == 0, r.output
    assert "已创建账号 cli_admin" in r.output
    r = run(
        "user",
        "add",
        "cli_unit",
        "--role",
        "unit",
        "--unit",
        "新建街道",
        input="pw-typed-in-1\npw-typed-in-1\n",
    )
    assert r.exit_code == 0, r.output
    r = run("user", "add", "x", "--role", "king", "--password", "long-enough-pw")
    assert r.exit_code == 2 and "角色" in r.output
    r = run("user", "add", "y", "--role", "reviewer", "--password", "short")
    assert r.exit_code == 2 and "密码至少" in r.output
    r = run("user", "add", "cli_admin", "--role", "admin", "--password", "long-enough-pw")
    assert r.exit_code == 2 and "已存在" in r.output
    r = run("user", "token", "cli_admin")
    assert r.exit_code == 0
    tok = r.output.strip()
    assert tok.startswith("fz_")
    with Client(app) as c:  # the module's app is on the same database
        assert c.get("/api/units", headers={"Authorization": f"Bearer {tok}"}).status_code == 200
    assert run("user", "token", "nobody").exit_code == 2
    listing = run("user", "list")
    assert "cli_unit" in listing.output and "新建街道" in listing.output


def test_ingest_batch(env, tmp_path, app):
    batch = tmp_path / "收文"
    batch.mkdir()
    for p in SEED_FILES[:2]:
        (batch / p.name).write_bytes(p.read_bytes())
    (batch / "坏文件.pdf").write_bytes(b"%PDF-1.4 truncated")
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        for p in SEED_FILES[2:]:
            z.writestr(p.name, p.read_bytes())
    (tmp_path / "批量.zip").write_bytes(buf.getvalue())
    r = run("ingest", str(batch), str(tmp_path / "批量.zip"), str(tmp_path / "不存在.txt"))
    assert r.exit_code == 1
    lines = [x for x in r.output.splitlines() if x.startswith("无法入库")]
    assert len(lines) == 2
    assert any("坏文件.pdf" in x for x in lines) and any("不存在.txt" in x for x in lines)
    assert "已入库 5 份报告" in r.output and "2 份失败" in r.output
    again = run("ingest", str(tmp_path / "批量.zip"))
    assert again.exit_code == 0 and "3 份此前已入库" in again.output


def test_user_passwd_disable_enable_role_logout(env, app):
    from web_helpers import login

    assert run("user", "add", "cli_rev", "--role", "reviewer", "--password", "first-password").exit_code == 0
    c = login(app, "cli_rev", "first-password")
    r = run("user", "passwd", "cli_rev", "--password", "second-password")
    assert r.exit_code == 0 and "会话已失效" in r.output
    assert c.get("/reports", follow_redirects=False).status_code == 303  # the old session ended
    c = login(app, "cli_rev", "second-password")
    assert run("user", "logout", "cli_rev").exit_code == 0
    assert c.get("/reports", follow_redirects=False).status_code == 303
    c = login(app, "cli_rev", "second-password")
    assert run("user", "role", "cli_rev", "unit", "--unit", "命令行镇").exit_code == 0
    assert c.get("/reports", follow_redirects=False).status_code == 303  # a role change ends sessions too
    assert "命令行镇" in run("user", "list").output
    r = run("user", "disable", "cli_rev")
    assert r.exit_code == 0 and "已停用" in r.output
    assert "停用" in run("user", "list").output
    assert run("user", "enable", "cli_rev").exit_code == 0
    login(app, "cli_rev", "second-password")
    assert run("user", "disable", "nobody").exit_code == 2
    assert run("user", "passwd", "cli_rev", "--password", "short").exit_code == 2
