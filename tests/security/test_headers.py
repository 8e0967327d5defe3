"""Security headers and the Content-Security-Policy, with the real production values.

The production settings cannot replace the test settings in a running test
process, so the security-related values are copied from the production
module itself; a change there is tested here without editing this file.
"""

import importlib

import pytest

from django.conf import settings as django_settings

from accounts.factories import DEFAULT_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

PRODUCTION_ENVIRONMENT = {
    "SECRET_KEY": "x" * 64,
    "ALLOWED_HOSTS": "portal.example.org",
    "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
}
SECURITY_SETTINGS = (
    "SECURE_",
    "SESSION_COOKIE_",
    "CSRF_COOKIE_",
    "LANGUAGE_COOKIE_",
    "X_FRAME_OPTIONS",
    "CONTENT_SECURITY_POLICY",
    "PORTAL_ADMIN_CONTENT_SECURITY_POLICY",
)
LOGIN_URL = "/sl/accounts/login/"


@pytest.fixture
def production_security(settings, monkeypatch):
    """The test settings with every security setting of ``portal.settings.production``."""
    for name, value in PRODUCTION_ENVIRONMENT.items():
        monkeypatch.setenv(name, value)
    production = importlib.import_module("portal.settings.production")
    for name in dir(production):
        if name.startswith(SECURITY_SETTINGS):
            setattr(settings, name, getattr(production, name))
    return production


def csp_directives(response) -> dict[str, list[str]]:
    """The Content-Security-Policy header as {directive: [sources]}."""
    directives = {}
    for part in response["Content-Security-Policy"].split(";"):
        name, *sources = part.split()
        directives[name] = sources
    return directives


@pytest.fixture(params=["/sl/", LOGIN_URL], ids=["public page", "login page"])
def https_response(request, client, home_pages, production_security):
    """A public page and the login page, requested over HTTPS as behind the proxy."""
    return client.get(request.param, secure=True)


def test_production_sends_hsts_for_a_year_with_subdomains(https_response):
    hsts = https_response["Strict-Transport-Security"]

    assert https_response.status_code == 200
    assert "max-age=31536000" in hsts
    assert "includeSubDomains" in hsts


def test_production_forbids_content_type_sniffing(https_response):
    assert https_response["X-Content-Type-Options"] == "nosniff"


def test_production_sends_no_referrer_to_other_sites(https_response):
    assert https_response["Referrer-Policy"] == "same-origin"


def test_production_forbids_framing_by_header_and_by_policy(https_response):
    assert https_response["X-Frame-Options"] == "DENY"
    assert csp_directives(https_response)["frame-ancestors"] == ["'none'"]


def test_production_policy_runs_no_inline_script_on_the_public_site(https_response):
    directives = csp_directives(https_response)

    assert directives["script-src"] == ["'self'"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["default-src"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]
    assert directives["base-uri"] == ["'self'"]
    assert directives["form-action"] == ["'self'"]


def test_production_policy_allows_the_data_image_of_the_totp_qr_code(https_response):
    assert csp_directives(https_response)["img-src"] == ["'self'", "data:"]


def test_production_redirects_plain_http_to_https(client, home_pages, production_security):
    response = client.get("/sl/")

    assert response.status_code == 301
    assert response["Location"].startswith("https://")


def test_production_csrf_cookie_is_secure_and_hidden_from_scripts(client, production_security):
    response = client.get(LOGIN_URL, secure=True)
    cookie = response.cookies[django_settings.CSRF_COOKIE_NAME]

    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_production_session_cookie_is_secure_and_hidden_from_scripts(client, production_security):
    user = UserFactory()

    response = client.post(
        LOGIN_URL, {"login": user.email, "password": DEFAULT_PASSWORD}, secure=True
    )
    cookie = response.cookies[django_settings.SESSION_COOKIE_NAME]

    assert response.status_code == 302
    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_production_language_cookie_is_secure_and_hidden_from_scripts(
    client, home_pages, production_security
):
    response = client.post("/i18n/setlang/", {"language": "hr", "next": "/hr/"}, secure=True)
    cookie = response.cookies[django_settings.LANGUAGE_COOKIE_NAME]

    assert cookie.value == "hr"
    assert cookie["secure"] is True
    assert cookie["httponly"] is True


def test_admin_gets_its_own_relaxed_policy(client, superuser, production_security):
    client.force_login(superuser)

    response = client.get("/admin/", secure=True)
    directives = csp_directives(response)

    assert response.status_code == 200
    assert directives["script-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["style-src"] == ["'self'", "'unsafe-inline'"]
    assert directives["frame-ancestors"] == ["'self'"]
    assert directives["object-src"] == ["'none'"]


def test_the_public_site_does_not_get_the_admin_policy(
    client, superuser, home_pages, production_security
):
    client.force_login(superuser)

    directives = csp_directives(client.get("/sl/", secure=True))

    assert "'unsafe-inline'" not in directives["script-src"]
    assert "'unsafe-inline'" not in directives["style-src"]
    assert directives["frame-ancestors"] == ["'none'"]


def test_a_page_preview_keeps_the_public_policy_but_may_be_framed_by_the_admin(
    client, superuser, home_pages, production_security
):
    client.force_login(superuser)

    # Wagtail builds the preview's own request from the site's address and the
    # proxy's X-Forwarded-Proto header, not from the admin request's scheme.
    response = client.get(
        f"/admin/pages/{home_pages['sl'].pk}/view_draft/",
        secure=True,
        headers={"X-Forwarded-Proto": "https"},
    )
    directives = csp_directives(response)

    assert response.status_code == 200
    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'self'"]


def test_development_and_tests_run_under_the_same_policy(client, home_pages):
    directives = csp_directives(client.get("/sl/"))

    assert directives["script-src"] == ["'self'"]
    assert directives["frame-ancestors"] == ["'none'"]
