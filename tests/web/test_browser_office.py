"""Issue 10 in a real browser (headless Chromium): background analysis, lockouts, sessions, users, long
reports, unit holds, stale pages, versions, received dates, what a unit sees, search counts, 375 px."""

from __future__ import annotations

import io
import uuid
import zipfile

import pytest
from test_browser import CHROMIUM, CHROMIUM_ARGS, _chromium_present  # noqa: F401
from web_helpers import PASSWORD, UNIT_A, UNIT_B, serving

from helpers import SEED_FILES

pytestmark = pytest.mark.usefixtures("_chromium_present")

OWN = (
    "关于{year}年法治政府建设情况的报告\n\n区委、区政府：\n{year}年，{unit}深入学习习近平法治思想，"
    "开展普法宣传活动{n}次，调解矛盾纠纷{n}件。\n一、主要举措和成效\n（一）加强组织领导。\n{unit}\n{year2}年2月1日\n"
)


def own_report(unit: str, year: int = 2022, n: int = 7) -> bytes:
    return OWN.format(unit=unit, year=year, year2=year + 1, n=n).encode("utf-8")


@pytest.fixture(scope="module")
def office(tmp_path_factory):
    """uvicorn on 127.0.0.1 with an admin, two reviewers and a unit account; the app itself for checks."""
    from fazhi.store import accounts
    from fazhi.web import create_app

    db = tmp_path_factory.mktemp("office") / "fazhi.db"
    app = create_app(f"sqlite:///{db}", secret_key="office-" + uuid.uuid4().hex, secure_cookies=False)
    with app.state.sessionmaker() as s:
        for name, role, unit in (
            ("管理员", "admin", None),
            ("审查甲", "reviewer", None),
            ("审查乙", "reviewer", None),
            ("单位甲", "unit", UNIT_A),
            ("被锁者", "reviewer", None),
        ):
            accounts.create_user(s, name, PASSWORD, role, unit)
    with serving(app) as base:
        yield base, app


@pytest.fixture(scope="module")
def browser(office):
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="module")
def tab(office, browser):
    """A factory of logged-in tabs, each in its own browser context (its own cookies)."""
    base, _ = office
    made = []

    def new(user: str | None = None, width: int = 1280, password: str = PASSWORD):
        ctx = browser.new_context(base_url=base, viewport={"width": width, "height": 900}, locale="zh-CN")
        made.append(ctx)
        page = ctx.new_page()
        page.set_default_timeout(30000)
        if user:
            login(page, user, password)
        return page

    yield new
    for c in made:
        c.close()


def login(page, user: str, password: str = PASSWORD) -> None:
    page.goto("/login")
    page.fill("input[name=username]", user)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url("**/reports")


def upload(page, files: list[tuple[str, bytes]], tmp_path) -> None:
    page.goto("/upload")
    paths = []
    for name, data in files:
        p = tmp_path / name
        p.write_bytes(data)
        paths.append(str(p))
    page.set_input_files("input[type=file]", paths)
    page.click("#upload-submit")
    page.wait_for_selector("text=本次上传结果")


def wait_all_analysed(page) -> None:
    """The upload results update themselves (no reload): wait until no row says 分析中."""
    page.wait_for_function(
        "() => ![...document.querySelectorAll('[data-status-text]')]"
        ".some(e => e.textContent.trim() === '分析中')",
        timeout=120000,
    )


def test_upload_shows_analysing_then_updates_itself_and_the_bomb_is_over_the_limit(tab, tmp_path, shots):
    page = tab("审查甲")
    seeds = io.BytesIO()
    with zipfile.ZipFile(seeds, "w") as z:
        for p in SEED_FILES:
            z.writestr(p.name, p.read_bytes())
    bomb = io.BytesIO()
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("炸弹.txt", ("法治" * 512).encode("utf-8") * (40 * 1024 * 1024 // 3072))
    upload(page, [("种子.zip", seeds.getvalue()), ("炸弹.zip", bomb.getvalue())], tmp_path)
    text = page.inner_text("main")
    assert "已保存 6 份" in text and "分析中" in text
    url = page.url
    wait_all_analysed(page)
    assert page.url == url  # updated in place
    rows = page.locator("tbody tr")
    statuses = [rows.nth(i).locator("[data-status-text]").inner_text() for i in range(rows.count())]
    assert statuses.count("已分析") == len(SEED_FILES) and statuses.count("超出限制") == 1
    assert "单份报告上限" in page.inner_text("tbody")
    shots(page, "office-01-upload-statuses")


def test_failed_logins_lock_the_account(tab):
    from fazhi.web import login_guard

    page = tab()
    page.goto("/login")
    for _ in range(login_guard.ACCOUNT_FAILS):
        page.fill("input[name=username]", "被锁者")
        page.fill("input[name=password]", "wrong-password")
        page.click("button[type=submit]")
        page.wait_for_selector(".flash-error")
    page.fill("input[name=username]", "被锁者")
    page.fill("input[name=password]", PASSWORD)  # even the right password waits out the lock
    page.click("button[type=submit]")
    assert "已暂时锁定" in page.inner_text(".flash-error")


def test_logout_ends_a_copied_session_and_admin_disables_users(tab, office, browser, shots):
    base, _ = office
    page = tab("审查乙")
    cookies = page.context.cookies()
    thief = browser.new_context(base_url=base)
    thief.add_cookies(cookies)
    stolen = thief.new_page()
    stolen.goto("/reports")
    assert "/reports" in stolen.url
    page.click("button:has-text('退出')")
    page.wait_for_url("**/login")
    stolen.goto("/reports")
    assert "/login" in stolen.url  # the copied cookie died with the logout
    thief.close()
    admin = tab("管理员")
    admin.click("nav >> text=账号")
    admin.wait_for_selector("#users")
    shots(admin, "office-02-users")
    other = tab("审查乙")
    admin.on("dialog", lambda d: d.accept())
    admin.locator("tr[data-user='审查乙'] button:has-text('停用')").click()
    admin.wait_for_selector("tr[data-user='审查乙'] .badge-return")
    other.goto("/reports")
    assert "/login" in other.url


def test_long_report_text_in_pieces_and_findings_in_pages(tab, monkeypatch, shots):
    from fazhi.web import highlight, pages

    monkeypatch.setattr(highlight, "TEXT_CHUNK", 1500)
    monkeypatch.setattr(pages, "FINDINGS_PAGE", 5)
    page = tab("审查甲")
    page.goto("/reports")
    page.locator("tbody tr", has_text=UNIT_B).locator("td.title-cell a").first.click()
    page.wait_for_selector("#report-text")
    assert "分" in page.inner_text("nav.pager >> nth=0") and page.locator("nav.pager").count() >= 2
    first_text = page.inner_text("#report-text")
    page.locator("nav[aria-label='正文分段'] a:has-text('第 2 段')").first.click()
    page.wait_for_selector("#report-text")
    assert page.inner_text("#report-text") != first_text
    assert page.locator("li.finding").count() <= 5
    shots(page, "office-03-long-report", full=False)


def test_unit_upload_of_another_unit_is_held(tab, tmp_path):
    unit = tab("单位甲")
    upload(unit, [("别人的.txt", own_report(UNIT_B, n=13))], tmp_path)
    wait_all_analysed(unit)
    rev = tab("审查甲")
    rev.goto("/reports")
    row = rev.locator("tbody tr", has_text="待确认单位").first
    row.locator("td.title-cell a").click()
    assert UNIT_B in rev.inner_text("#hold") and UNIT_A in rev.inner_text("#hold")


def test_stale_page_gets_409_and_reloads(tab, shots):
    a, b = tab("审查甲"), tab("管理员")
    for p in (a, b):
        p.goto("/reports?year=2023")
        p.locator("tbody tr", has_text=UNIT_A).locator("td.title-cell a").first.click()
        p.wait_for_selector("li.finding")
    a.locator("li.finding").nth(3).locator("button:has-text('采纳')").click()
    a.wait_for_selector("li.finding >> nth=3 >> .decision-accepted")
    b.locator("li.finding").nth(3).locator("button:has-text('排除')").click()
    b.wait_for_selector("#reload")
    assert "审查甲" in b.inner_text("main") and "旧页面" in b.inner_text("main")
    shots(b, "office-04-conflict")
    b.click("#reload")
    b.wait_for_selector("li.finding")
    assert "已采纳" in b.locator("li.finding").nth(3).inner_text()


def test_resubmission_version_and_received_date(tab, tmp_path):
    unit = tab("单位甲")
    upload(unit, [("初稿.txt", own_report(UNIT_A, year=2020, n=3))], tmp_path)
    wait_all_analysed(unit)
    upload(unit, [("修改稿.txt", own_report(UNIT_A, year=2020, n=4))], tmp_path)
    wait_all_analysed(unit)
    rev = tab("审查甲")
    rev.goto("/reports?year=2020")
    assert rev.locator("tbody tr").count() == 1 and "第 2 版" in rev.inner_text("tbody")
    rev.locator("tbody td.title-cell a").first.click()
    rev.locator("dd a:has-text('第 1 版')").click()
    assert "这是旧版本" in rev.inner_text("#superseded")
    rev.fill("input[name=received_date]", "2021-02-25")
    rev.click("button:has-text('保存收到日期')")
    rev.wait_for_selector("text=收到日期已保存")
    assert "2021-02-25" in rev.inner_text(".meta")


def test_unit_sees_no_internal_comments_and_search_counts(tab):
    rev = tab("审查甲")
    rev.goto("/reports?year=2023")
    rev.locator("tbody tr", has_text=UNIT_A).locator("td.title-cell a").first.click()
    item = rev.locator("li.finding").nth(5)
    item.locator("input[name=comment]").fill("内部意见：不必告知单位")
    item.locator("button:has-text('排除')").click()
    rev.wait_for_selector("text=已排除问题")
    url = rev.url.split("?")[0].split("#")[0]
    unit = tab("单位甲")
    unit.goto(url)
    body = unit.inner_text("main")
    assert "内部意见" not in body and "审查甲" not in body
    rev.goto("/search?q=法治")
    line = rev.inner_text("main p.muted")
    shown = rev.locator(".hits li").count()
    total = int(line.split("共 ")[1].split(" 处")[0])
    assert total > shown


def test_bad_parameters_get_a_chinese_400_page(tab):
    page = tab("审查甲")
    resp = page.goto("/season?year=-5")
    assert resp.status == 400 and "1990–2100" in page.inner_text("main")
    resp = page.goto("/reports?year=99999999999999999999")
    assert resp.status == 400


def test_phone_width_layout(tab, shots):
    page = tab("审查甲", width=375)
    page.goto("/reports")
    links = page.locator(".nav a")
    heights = [links.nth(i).bounding_box()["height"] for i in range(links.count())]
    assert max(heights) < 48  # one line each, not a character per line
    assert page.evaluate("document.documentElement.scrollWidth") <= 375 + 1
    shots(page, "office-05-phone")


def test_delete_a_report_and_remove_a_unit_from_the_season(tab, tmp_path):
    rev = tab("审查甲")
    upload(rev, [("误传.txt", own_report("某某乡", year=2016, n=2))], tmp_path)
    wait_all_analysed(rev)
    rev.on("dialog", lambda d: d.accept())
    rev.click("a:has-text('查看报告')")
    rev.click("button:has-text('删除')")
    rev.wait_for_url("**/reports")
    assert "已删除报告 误传.txt" in rev.inner_text(".flash-ok")
    assert rev.locator("tbody tr", has_text="某某乡").count() == 0
    rev.goto("/season?year=2016")
    rev.fill("textarea[name=listing]", "某某乡\n另一乡")
    rev.click("button:has-text('登记为 2016 年度应报送单位')")
    rev.wait_for_selector("#season-table")
    rev.locator("#season-table tr", has_text="另一乡").locator("button:has-text('移出名单')").click()
    rev.wait_for_selector("text=已从应报送名单中移除")
    assert "另一乡" not in rev.inner_text("#season-table")


def test_pinyin_order_head_no_store_and_the_indicator_export_in_the_browser(tab):
    """Issue 10 points 11 and 12 as a reviewer's browser meets them: the season list in pinyin order, HEAD
    answered, API answers and downloads marked no-store, the indicator export downloaded whole."""
    rev = tab("审查甲")
    rev.goto("/season?year=2015")
    rev.fill("textarea[name=listing]", "吴家镇\n昌州街道\n安富街道")
    rev.click("button:has-text('登记为 2015 年度应报送单位')")
    rev.wait_for_selector("#season-table")
    rows = rev.inner_text("#season-table")
    assert rows.index("安富街道") < rows.index("昌州街道") < rows.index("吴家镇")
    req = rev.context.request
    head = req.fetch("/reports", method="HEAD")
    assert head.status == 200 and head.body() == b""
    api = req.get("/api/indicators")
    assert api.status == 200 and "no-store" in api.headers.get("cache-control", "")
    xlsx = req.get("/api/indicators?format=xlsx")
    assert xlsx.status == 200 and "no-store" in xlsx.headers.get("cache-control", "")
    assert xlsx.body()[:2] == b"PK" and isinstance(api.json()["rows"], list)
