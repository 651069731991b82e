"""The workspace in a real browser: headless Chromium (Playwright) against uvicorn on a free port.

A screenshot of every page visited is kept in out/screenshots/ (or $FAZHI_SCREENSHOT_DIR); the path is
printed at the end of the run.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import uuid
import zipfile
from pathlib import Path

import pytest
from web_helpers import PASSWORD, serving

from helpers import SEED_FILES, seeds_zip

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _driver_error() -> str | None:
    """Why Playwright's bundled driver (a Node.js binary) cannot start: its last stderr line, or None."""
    r = subprocess.run(
        [sys.executable, "-m", "playwright", "--version"], capture_output=True, text=True, timeout=120
    )
    if r.returncode == 0:
        return None
    return (r.stderr.strip().splitlines() or [f"exit status {r.returncode}"])[-1]


@pytest.fixture(scope="module", autouse=True)
def _chromium_present():
    """Without Chromium or a working driver the browser tests skip on a dev's machine and fail under CI=true."""
    if not CHROMIUM.exists():
        msg = "/usr/bin/chromium 不存在（apt-get install chromium，或运行 scripts/system-deps）"
    elif (err := _driver_error()) is not None:
        msg = f"Playwright 驱动无法启动：{err}（运行 scripts/system-deps）"
    else:
        return
    if os.environ.get("CI", "").strip().lower() in ("1", "true", "yes"):
        pytest.fail(f"CI=true: {msg}", pytrace=False)
    pytest.skip(msg)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """uvicorn serving a fresh workspace (SQLite) on 127.0.0.1, with one admin account."""
    from fazhi.store import accounts
    from fazhi.web import create_app

    db = tmp_path_factory.mktemp("browser") / "fazhi.db"
    app = create_app(f"sqlite:///{db}", secret_key="browser-" + uuid.uuid4().hex, secure_cookies=False)
    with app.state.sessionmaker() as s:
        accounts.create_user(s, "审查员", PASSWORD, "reviewer")
    with serving(app) as base:
        yield base


@pytest.fixture(scope="module")
def page(server):
    """One browser tab for the whole walk-through; console errors (CSP violations included) are collected."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(
            base_url=server, viewport={"width": 1440, "height": 900}, locale="zh-CN", accept_downloads=True
        )
        tab = context.new_page()
        tab.set_default_timeout(15000)
        tab.console_errors = []
        tab.on("console", lambda m: tab.console_errors.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e: tab.console_errors.append(str(e)))
        tab.failed = []
        tab.on(
            "response",
            lambda r: (
                tab.failed.append(f"{r.status} {r.request.method} {r.url}") if r.status >= 400 else None
            ),
        )
        yield tab
        context.close()
        browser.close()


def test_login(page, shots):
    page.goto("/reports")
    assert "/login" in page.url
    shots(page, "01-login")
    page.fill("input[name=username]", "审查员")
    page.fill("input[name=password]", "wrong-password")
    page.click("button[type=submit]")
    assert "用户名或密码不正确" in page.inner_text(".flash-error")
    page.fill("input[name=password]", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url("**/reports")
    assert page.inner_text(".nav").split() == ["上传", "报告", "报送进度", "汇总", "检索"]
    shots(page, "02-reports-empty")


def test_upload_the_seed_zip(page, shots, tmp_path):
    page.click("nav >> text=上传")
    page.wait_for_url("**/upload")
    archive = tmp_path / "种子报告.zip"
    archive.write_bytes(seeds_zip())
    bad = tmp_path / "扫描件.pdf"
    bad.write_bytes(b"%PDF-1.4 truncated")
    page.set_input_files("input[type=file]", [str(archive), str(bad)])
    assert page.locator("#file-list li").count() == 2
    shots(page, "03-upload-chosen")
    page.click("#upload-submit")
    page.wait_for_selector("text=本次上传结果")
    assert "已保存 6 份" in page.inner_text("h2:has-text('本次上传结果')")
    assert page.locator("a:has-text('查看报告')").count() == len(SEED_FILES) + 1
    # analysed in the background: the statuses update themselves, the damaged PDF says why it failed
    page.wait_for_function(
        "() => ![...document.querySelectorAll('[data-status-text]')]"
        ".some(e => e.textContent.trim() === '分析中')",
        timeout=120000,
    )
    pdf = page.locator("tbody tr", has_text="扫描件.pdf")
    assert "失败" in pdf.inner_text() and "PDF" in pdf.inner_text()
    shots(page, "04-upload-results")
    page.click("nav >> text=报告")
    assert page.locator("table.table tbody tr").count() == len(SEED_FILES) + 1
    shots(page, "05-reports")


def test_open_a_report_and_dismiss_a_finding(page, shots):
    page.goto("/reports")
    page.locator("tbody tr", has_text="吴家镇").locator("td.title-cell a").click()
    page.wait_for_selector("#report-text")
    shots(page, "06-report", full=False)
    first = page.locator("li.finding").first
    fid = first.get_attribute("id")
    first.locator("input[name=comment]").fill("系引用文件原文，不改")
    first.locator("button:has-text('排除')").click()
    page.wait_for_selector(f"#{fid} .decision-dismissed")
    item = page.locator(f"#{fid}")
    assert "已排除" in item.inner_text() and "系引用文件原文，不改" in item.inner_text()
    assert "已排除问题" in page.inner_text(".flash-ok")
    history = page.inner_text("ol.history")
    assert "排除（无需修改）" in history and "审查员" in history
    # the filter chips hide what is not asked for
    page.click("#finding-filter >> text=已排除")
    assert page.locator("li.finding:visible").count() == 1
    page.click("#finding-filter >> text=全部")
    shots(page, "07-report-after-dismiss", full=False)
    for n in (1, 2):  # two findings the unit must fix
        item = page.locator("li.finding").nth(n)
        fid = item.get_attribute("id")
        item.locator("button:has-text('采纳')").click()
        page.wait_for_selector(f"#{fid} .decision-accepted")
    page.check("input[name=verdict][value=return]")
    page.fill("textarea[name=note]", "请补充“存在的不足和原因”部分。")
    page.click("button:has-text('保存结论')")
    page.wait_for_selector(".report-head .badge-return")
    page.click("a:has-text('审查意见书')")
    page.wait_for_selector(".sheet")
    sheet = page.inner_text(".sheet")
    assert "退回修改" in sheet and "需修改的问题（2 项）" in sheet
    assert page.locator(".sheet-table tbody tr").count() == 2
    shots(page, "08-review-sheet")
    page.emulate_media(media="print")
    assert not page.locator(".topbar").is_visible() and not page.locator(".sheet-toolbar").is_visible()
    shots(page, "08b-review-sheet-print")
    page.emulate_media(media="screen")


def test_search_scrolls_to_the_hit(page, shots):
    page.click("nav >> text=检索")
    page.fill("input[name=q]", "行政复议")
    page.click("button:has-text('检索')")
    page.wait_for_selector(".hits mark")
    shots(page, "09-search")
    href = page.locator(".hits a").first.get_attribute("href")
    start, end = (int(x) for x in re.search(r"#pos-(\d+)-(\d+)$", href).groups())
    page.locator(".hits a").first.click()
    page.wait_for_selector("mark.hit")
    assert page.inner_text("mark.hit") == "行政复议"
    assert end - start == 4
    assert page.locator("mark.hit").is_visible()
    shots(page, "10-report-at-hit", full=False)


def test_register_units_and_see_the_season(page, shots):
    page.click("nav >> text=报送进度")
    page.goto("/season?year=2023")
    assert "还没有登记 2023 年度应报送的单位" in page.inner_text("main")
    page.fill(
        "textarea[name=listing]",
        "昌州街道,township,荣昌区\n吴家镇,township,荣昌区\n偏柏乡,township,酉阳县\n区司法局,department,荣昌区",
    )
    page.click("button:has-text('登记为 2023 年度应报送单位')")
    page.wait_for_selector("#season-table")
    rows = page.locator("#season-table tbody tr")
    assert rows.count() == 4
    status = {
        rows.nth(i).locator("td").nth(1).inner_text(): rows.nth(i).get_attribute("data-status")
        for i in range(rows.count())
    }
    assert status["区司法局"] == "not_received"
    assert (
        status["偏柏乡"] == "received_late" and status["吴家镇"] == "reviewed"
    )  # its verdict was given above
    assert "未收到 1" in page.inner_text("#status-counts")
    shots(page, "11-season")


def test_corpus_charts_and_xlsx_export(page, shots, tmp_path):
    from openpyxl import load_workbook

    page.click("nav >> text=汇总")
    page.wait_for_selector("#corpus-table")
    page.wait_for_function(
        "() => window.Chart && Chart.getChart('chart-scores') && Chart.getChart('chart-trend')"
    )
    assert page.evaluate("Chart.getChart('chart-scores').data.datasets[0].data.length") == len(SEED_FILES)
    page.select_option("select[name=year]", "2023")
    page.click("button:has-text('筛选')")
    page.wait_for_url("**/corpus?year=2023*")
    page.wait_for_function("() => window.Chart && Chart.getChart('chart-distribution')")
    page.select_option("#chart-indicator", "study.sessions")
    shots(page, "12-corpus")
    with page.expect_download() as dl:
        page.click("#export-xlsx")
    target = tmp_path / "汇总.xlsx"
    dl.value.save_as(target)
    assert dl.value.suggested_filename.endswith(".xlsx")
    ws = load_workbook(target)["汇总"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][1] == "单位" and len(rows) == 1 + 4 and {r[4] for r in rows[1:]} == {2023}


def test_api_docs_page(page, shots):
    page.goto("/docs")
    page.wait_for_selector(".swagger-ui .opblock", timeout=20000)
    assert page.locator(".opblock-summary-path:has-text('/api/reports')").count() >= 1
    shots(page, "13-api-docs", full=False)


def test_no_console_errors(page):
    # the one failed request is the wrong password on purpose; CSP violations would show up here too
    assert [x for x in page.failed if not x.startswith("401 POST")] == []
    assert [x for x in page.console_errors if "401 (Unauthorized)" not in x] == []


def test_oversize_batch_is_stopped_in_the_browser(page, tmp_path):
    page.goto("/upload")
    limit = int(page.get_attribute("#upload-form", "data-limit"))
    big = tmp_path / "大.zip"
    with zipfile.ZipFile(big, "w", zipfile.ZIP_STORED) as z:
        z.writestr("大.txt", os.urandom(1024) * (limit // 1024 + 10))
    page.set_input_files("input[type=file]", str(big))
    assert "超过单次上传上限" in page.inner_text("#upload-error")
    assert page.is_disabled("#upload-submit")
