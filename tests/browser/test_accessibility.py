"""Every page of the portal, in Slovenian and Croatian, passes axe-core's WCAG 2.1 A/AA rules.

Only serious and critical violations fail a test: those keep people who use
a screen reader, a keyboard or a magnifier from using the page at all. The
Wagtail admin is Wagtail's own and is not checked here.
"""

import pytest

from .pages import PAGES
from .support import serious_accessibility_violations

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


@pytest.mark.parametrize("language", ["sl", "hr"])
@pytest.mark.parametrize("name", PAGES)
def test_page_has_no_serious_accessibility_violations(page, log_in, axe_source, name, language):
    PAGES[name](page, language, log_in)

    violations = serious_accessibility_violations(page, axe_source)

    assert not violations, f"{page.url}:\n" + "\n".join(violations)


def test_check_reports_serious_violations_with_their_elements(page, axe_source):
    """The check itself works: axe-core runs and its findings reach the report."""
    page.set_content('<main><img src="logo.png" id="logo"><a href="/" id="empty"></a></main>')

    report = "\n".join(serious_accessibility_violations(page, axe_source))

    assert "image-alt (critical)" in report
    assert "#logo" in report
    assert "link-name (serious)" in report
    assert "#empty" in report
