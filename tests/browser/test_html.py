"""Every page of the portal is valid HTML, as the Nu HTML Checker (the W3C's validator) judges it.

The document checked is the one the server sent, so a page that scripts
repair in the browser still fails. Checked in Slovenian: the templates are
the same in every language, only the words differ.
"""

import pytest

from django.template.loader import render_to_string

from .pages import PAGES
from .support import served_documents

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("name", PAGES)
def test_page_is_valid_html(page, log_in, html_checker, name):
    documents = served_documents(page)
    PAGES[name](page, "sl", log_in)

    served = documents[-1]
    assert served.url == page.url, f"{served.url} is not the page the test ended on, {page.url}"
    errors = html_checker.errors(served.text())

    assert not errors, f"{page.url}:\n" + "\n".join(errors)


def test_check_reports_errors_with_their_place(html_checker):
    """The check itself works: the checker runs and its findings reach the report."""
    html = (
        '<!DOCTYPE html><html lang="sl"><head><title>Test</title></head><body>\n'
        '<time datetime="2026-12-01T09:00:00.123456+00:00">1. 12.</time>\n'
        '<ul role="status"><li>Shranjeno.</li></ul></body></html>'
    )

    report = "\n".join(html_checker.errors(html))

    assert "line 2: Bad value “2026-12-01T09:00:00.123456+00:00”" in report
    assert "line 3:" in report and "role" in report


def test_server_error_page_is_valid_html(html_checker):
    """The page of a 500 stands alone (no context, no database), so it is checked as rendered."""
    errors = html_checker.errors(render_to_string("500.html"))

    assert not errors, "\n".join(errors)
