"""Screenshots of the main pages at desktop and phone width, for people to look at.

They go to ``screenshots/`` in the project folder (ignored by git). A test
fails only if a page cannot be opened or is wider than the screen: whether
it looks right is for a person to judge.
"""

import pytest

from django.conf import settings

from .pages import PAGES
from .support import DESKTOP, PHONE

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

SCREENSHOTS = settings.BASE_DIR / "screenshots"
VIEWPORTS = {"desktop": DESKTOP, "phone": PHONE}
MAIN_PAGES = [
    "home",
    "partnership",
    "about",
    "search-results",
    "login",
    "password-reset",
    "invitation-accept",
    "mfa-setup",
    "my-work",
    "cycle",
    "protocol",
    "protocol-edit",
]


@pytest.mark.parametrize("name", MAIN_PAGES)
def test_main_page_fits_desktop_and_phone_screens(page, log_in, name):
    """Saves a screenshot at each width on the way, for a person to look at."""
    SCREENSHOTS.mkdir(exist_ok=True)
    PAGES[name](page, "sl", log_in)

    for width, viewport in VIEWPORTS.items():
        page.set_viewport_size(viewport)
        page.screenshot(path=SCREENSHOTS / f"{name}-{width}.png", full_page=True)
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert overflow <= 0, f"{name} is {overflow}px wider than a {width} screen"
