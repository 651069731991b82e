"""Login, sessions, CSRF and API tokens."""

from __future__ import annotations

import pytest
from web_helpers import PASSWORD, Client, login

PAGES = [
    "/",
    "/upload",
    "/reports",
    "/reports/1",
    "/reports/1/sheet",
    "/reports/1/sheet.docx",
    "/season",
    "/season?year=2023",
    "/corpus",
    "/corpus.xlsx",
    "/search?q=法治",
    "/docs",
]
API_GETS = [
    "/api/reports",
    "/api/reports/1",
    "/api/reports/1/history",
    "/api/units",
    "/api/season/2023",
    "/api/corpus",
    "/api/indicators",
    "/api/indicators?format=csv",
    "/api/search?q=法治",
    "/openapi.json",
]
PAGE_POSTS = [
    "/upload",
    "/reports/1/findings/TY001:abc:1",
    "/reports/1/verdict",
    "/reports/1/unit",
    "/reports/1/published",
    "/reports/1/reanalyze",
    "/season",
]
API_POSTS = [
    ("/api/reports", None),
    ("/api/reports/1/findings/x", {"action": "dismissed"}),
    ("/api/reports/1/verdict", {"verdict": "pass"}),
    ("/api/reports/1/unit", {"unit_id": None}),
    ("/api/reports/1/published", {"published": True}),
    ("/api/units", {"year": 2023, "listing": "甲"}),
    ("/api/season/2023", {"listing": "甲"}),
]


@pytest.fixture()
def anon(app):
    with Client(app) as c:
        yield c


@pytest.mark.parametrize("url", PAGES)
def test_pages_need_login(anon, url):
    r = anon.get(url, follow_redirects=False)
    assert r.status_code == 303
    assert r.headers["location"].startswith("/login?next=")


@pytest.mark.parametrize("url", API_GETS)
def test_api_needs_login_or_token(anon, url):
    r = anon.get(url)
    assert r.status_code == 401
    assert r.headers.get("www-authenticate") == "Bearer"


@pytest.mark.parametrize("url,body", API_POSTS)
def test_api_posts_need_login(anon, url, body):
    assert anon.post(url, json=body).status_code == 401


def test_login_page_is_public_and_sets_csrf(anon):
    r = anon.get("/login")
    assert r.status_code == 200
    assert 'name="csrf_token"' in r.text and "登录" in r.text
    cookie = r.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie and "secure" not in cookie


def test_login_wrong_password_then_right(app):
    c = Client(app)
    c.refresh_csrf()
    r = c.post("/login", data={"username": "reviewer", "password": "wrong-password", "csrf_token": c.csrf})
    assert r.status_code == 401 and "用户名或密码不正确" in r.text
    r = c.post("/login", data={"username": "nobody", "password": PASSWORD, "csrf_token": c.csrf})
    assert r.status_code == 401
    r = c.post(
        "/login",
        data={
            "username": "reviewer",
            "password": PASSWORD,
            "csrf_token": c.csrf,
            "next": "/season?year=2023",
        },
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/season?year=2023"
    assert c.get("/reports").status_code == 200


def test_login_then_back_to_the_page_asked_for(app):
    c = Client(app)
    r = c.get("/corpus?year=2023")  # follows the redirect to the login page
    assert "next" in str(r.url)
    c.refresh_csrf()
    r = c.post(
        "/login",
        data={"username": "admin", "password": PASSWORD, "csrf_token": c.csrf, "next": "/corpus?year=2023"},
        follow_redirects=False,
    )
    assert r.headers["location"] == "/corpus?year=2023"


@pytest.mark.parametrize(
    "target", ["https://evil.example/", "//evil.example/x", "/\\evil.example", "javascript:alert(1)"]
)
def test_login_never_redirects_off_site(app, target):
    c = Client(app)
    c.refresh_csrf()
    r = c.post(
        "/login",
        data={"username": "admin", "password": PASSWORD, "csrf_token": c.csrf, "next": target},
        follow_redirects=False,
    )
    assert r.status_code == 303 and r.headers["location"] == "/reports"


def test_login_form_needs_csrf(app):
    c = Client(app)
    c.get("/login")
    r = c.post("/login", data={"username": "admin", "password": PASSWORD}, follow_redirects=False)
    assert r.status_code == 403
    assert "CSRF" in r.text


def test_logout(app):
    c = login(app, "reviewer")
    assert c.get("/reports", follow_redirects=False).status_code == 200
    r = c.form("/logout")
    assert r.status_code == 303 and r.headers["location"] == "/login"
    assert c.get("/reports", follow_redirects=False).status_code == 303


def test_logout_needs_csrf(app):
    c = login(app, "reviewer")
    assert c.post("/logout", data={"csrf_token": "forged"}, follow_redirects=False).status_code == 403
    assert c.get("/reports", follow_redirects=False).status_code == 200


@pytest.mark.parametrize("url", PAGE_POSTS)
def test_every_form_post_rejects_a_missing_or_wrong_csrf_token(clients, seeded, url):
    c = clients["admin"]
    data = {"action": "dismissed", "verdict": "pass", "year": "2023", "listing": "甲", "unit_id": ""}
    assert c.post(url, data=data, follow_redirects=False).status_code == 403
    assert c.post(url, data={**data, "csrf_token": "x" * 43}, follow_redirects=False).status_code == 403
    other = clients["reviewer"]  # another session's token is no good either
    assert c.post(url, data={**data, "csrf_token": other.csrf}, follow_redirects=False).status_code == 403


def test_csrf_failure_changes_nothing(app, clients, seeded):
    c = clients["admin"]
    rid = seeded["000"]
    assert c.post(f"/reports/{rid}/verdict", data={"verdict": "return", "note": "x"}).status_code == 403
    assert c.get(f"/api/reports/{rid}").json()["report"]["verdict"] == "pending"


@pytest.mark.parametrize("url,body", API_POSTS)
def test_api_with_session_needs_csrf_header(clients, seeded, url, body):
    c = clients["admin"]
    if body is None:
        r = c.post(url, files={"files": ("a.txt", b"x", "text/plain")})
    else:
        r = c.post(url, json=body)
    assert r.status_code == 403
    r = (
        c.post(url, json=body, headers={"X-CSRF-Token": "wrong"})
        if body
        else c.post(url, files={"files": ("a.txt", b"x", "text/plain")}, headers={"X-CSRF-Token": "wrong"})
    )
    assert r.status_code == 403


def test_api_with_session_and_csrf_header_works(clients, seeded):
    c = clients["admin"]
    rid = seeded["001"]
    r = c.api_post(f"/api/reports/{rid}/published", {"published": True})
    assert r.status_code == 200 and r.json()["report"]["is_published"] is True


def test_token_auth_on_the_api(app, seeded, token):
    tok = token("reviewer")
    h = {"Authorization": f"Bearer {tok}"}
    with Client(app) as c:
        assert c.get("/api/reports", headers=h).status_code == 200
        assert len(c.get("/api/reports", headers=h).json()["reports"]) == 5
        # token calls need no CSRF token: there is no cookie to ride on
        r = c.post(
            f"/api/reports/{seeded['002']}/verdict", json={"verdict": "return", "note": "请补充"}, headers=h
        )
        assert r.status_code == 200 and r.json()["report"]["verdict"] == "return"
        hist = c.get(f"/api/reports/{seeded['002']}/history", headers=h).json()["history"]
        assert hist[-1]["user"] == "reviewer" and hist[-1]["kind"] == "verdict"
        assert c.get("/api/reports", headers={"Authorization": "Bearer fz_not-a-token"}).status_code == 401
        assert c.get("/api/reports", headers={"Authorization": f"Basic {tok}"}).status_code == 401
        assert c.get("/openapi.json", headers=h).status_code == 200
        assert c.get("/docs", headers=h).status_code == 200
        # a token does not log a browser into the pages
        assert c.get("/reports", headers=h, follow_redirects=False).status_code == 303


def test_new_token_replaces_old(app, token):
    old = token("reviewer2")
    new = token("reviewer2")
    with Client(app) as c:
        assert c.get("/api/units", headers={"Authorization": f"Bearer {old}"}).status_code == 401
        assert c.get("/api/units", headers={"Authorization": f"Bearer {new}"}).status_code == 200


def test_docs_and_openapi_when_logged_in(clients):
    c = clients["reviewer"]
    spec = c.get("/openapi.json").json()
    assert "/api/reports" in spec["paths"] and "/api/search" in spec["paths"]
    assert not any(
        p.startswith(("/reports", "/login")) for p in spec["paths"]
    )  # pages stay out of the API docs
    r = c.get("/docs")
    assert r.status_code == 200 and "swagger-ui-bundle.js" in r.text
    assert c.get("/static/vendor/swagger-ui/swagger-ui-bundle.js").status_code == 200


def test_disabled_user_is_logged_out(app):
    from sqlalchemy import select
    from web_helpers import db_session

    from fazhi.store import accounts
    from fazhi.store.models import User

    with db_session(app) as s:
        accounts.create_user(s, "temp", PASSWORD, "reviewer")
    c = login(app, "temp")
    assert c.get("/reports", follow_redirects=False).status_code == 200
    with db_session(app) as s:
        s.scalar(select(User).where(User.username == "temp")).active = False
        s.commit()
    assert c.get("/reports", follow_redirects=False).status_code == 303


def test_security_headers(clients):
    r = clients["reviewer"].get("/reports")
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["x-frame-options"] == "DENY"
    assert "script-src 'self'" in r.headers["content-security-policy"]


def test_secure_cookie_setting(module_db_url, monkeypatch):
    from fazhi.web import create_app

    monkeypatch.setenv("FAZHI_SECURE_COOKIES", "1")
    web = create_app(module_db_url, secret_key="k" * 40)
    with Client(web, base_url="https://testserver") as c:
        assert "secure" in c.get("/login").headers["set-cookie"].lower()


def test_secret_key_generated_once(tmp_path, monkeypatch):
    from fazhi.web import settings

    monkeypatch.delenv("FAZHI_SECRET_KEY", raising=False)
    monkeypatch.setenv("FAZHI_DATA_DIR", str(tmp_path / "data"))
    first = settings.secret_key()
    assert len(first) >= 40 and settings.secret_key() == first
    f = tmp_path / "data" / "secret.key"
    assert f.read_text().strip() == first and (f.stat().st_mode & 0o777) == 0o600
    monkeypatch.setenv("FAZHI_SECRET_KEY", "from-env")
    assert settings.secret_key() == "from-env"


def test_forged_session_cookie_is_ignored(app):
    c = Client(app)
    c.cookies.set("fazhi_session", "eyJ1aWQiOiAxfQ==.forged.signature")
    assert c.get("/reports", follow_redirects=False).status_code == 303
