"""The 404 and 500 pages: our own, in the visitor's language, revealing nothing.

With DEBUG off a failing view must show the portal's 500 page, never a
traceback, the exception's message or any setting.
"""

import re

import pytest

from django.conf import settings
from django.utils import translation

from .urls_that_fail import FAILURE_MESSAGE

pytestmark = pytest.mark.django_db

LANGUAGES = ["sl", "hr"]


def headings(html) -> list[str]:
    return re.findall(r"<h1[^>]*>(.*?)</h1>", html, re.S)


def translated(message, code) -> str:
    """The message as the catalogue of ``code`` has it (the English msgid until translated)."""
    with translation.override(code):
        return translation.gettext(message)


@pytest.fixture
def failing_client(client):
    """A client that receives the 500 response instead of the exception."""
    client.raise_request_exception = False
    return client


@pytest.mark.urls("tests.security.urls_that_fail")
@pytest.mark.parametrize("code", LANGUAGES)
def test_an_unexpected_error_shows_our_500_page_in_the_visitors_language(failing_client, code):
    response = failing_client.get(f"/{code}/failing-view/")
    html = response.content.decode()

    assert response.status_code == 500
    assert [template.name for template in response.templates] == ["500.html"]
    assert f'<html lang="{code}">' in html
    assert headings(html) == [translated("Something went wrong", code)]
    assert '<main id="main">' in html
    assert f'href="/{code}/"' in html


@pytest.mark.urls("tests.security.urls_that_fail")
def test_the_500_page_reveals_no_traceback_message_or_setting(failing_client):
    html = failing_client.get("/sl/failing-view/").content.decode()

    assert "Traceback" not in html
    assert FAILURE_MESSAGE not in html
    assert "RuntimeError" not in html
    assert settings.SECRET_KEY not in html
    assert "DATABASES" not in html


@pytest.mark.urls("tests.security.urls_that_fail")
def test_the_500_page_runs_under_the_public_policy(failing_client):
    response = failing_client.get("/sl/failing-view/")

    assert "'unsafe-inline'" not in response["Content-Security-Policy"]


@pytest.mark.parametrize("code", LANGUAGES)
def test_an_unknown_address_shows_our_404_page_in_the_visitors_language(client, home_pages, code):
    response = client.get(f"/{code}/ta-stran-ne-obstaja/")
    html = response.content.decode()

    assert response.status_code == 404
    assert "404.html" in [template.name for template in response.templates]
    assert f'<html lang="{code}">' in html
    assert headings(html) == [translated("Page not found", code)]
    assert 'class="skip-link" href="#main"' in html
