"""Every page of the portal answers in each language, with the chrome in that language."""

import datetime

import pytest

from django.utils import formats, translation

from wagtail.models import Locale

from partners.models import PartnershipPage
from portal.factories import StandardPageFactory

pytestmark = pytest.mark.django_db

SKIP_LINK = {
    "sl": "Skoči na glavno vsebino",
    "hr": "Preskoči na glavni sadržaj",
    "en": "Skip to main content",
}
LANGUAGES = list(SKIP_LINK)


@pytest.fixture
def content_pages(home_pages):
    """The about page and the partnership page in every language."""
    about = StandardPageFactory(parent=home_pages["sl"], slug="o-projektu")
    partnership = home_pages["sl"].add_child(
        instance=PartnershipPage(title="Partnerstvo", slug="partnerstvo")
    )
    for page in (about, partnership):
        page.save_revision().publish()
        for code in ("hr", "en"):
            page.copy_for_translation(
                Locale.objects.get(language_code=code)
            ).save_revision().publish()
    return {"about": "o-projektu/", "partnership": "partnerstvo/"}


PATHS = [
    "",
    "o-projektu/",
    "partnerstvo/",
    "search/?q=aktivacija",
    "accounts/login/",
    "accounts/password/reset/",
]


@pytest.mark.parametrize("code", LANGUAGES)
@pytest.mark.parametrize("path", PATHS)
def test_page_answers_in_the_language_of_its_prefix(client, content_pages, code, path):
    response = client.get(f"/{code}/{path}")

    html = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{code}">' in html
    assert SKIP_LINK[code] in html


@pytest.mark.parametrize("code", LANGUAGES)
def test_unknown_page_answers_404_in_the_language_of_its_prefix(client, home_pages, code):
    response = client.get(f"/{code}/ni-te-strani/")

    assert response.status_code == 404
    assert f'<html lang="{code}">' in response.content.decode()
    assert SKIP_LINK[code] in response.content.decode()


@pytest.mark.parametrize(
    ("code", "expected"), [("sl", "22. 11. 2026"), ("hr", "22. 11. 2026."), ("en", "22/11/2026")]
)
def test_dates_are_written_as_people_there_write_them(code, expected):
    with translation.override(code):
        assert formats.date_format(datetime.date(2026, 11, 22), "SHORT_DATE_FORMAT") == expected


@pytest.mark.parametrize(("code", "expected"), [("sl", "1.234,5"), ("hr", "1.234,5")])
def test_numbers_use_a_decimal_comma(code, expected):
    with translation.override(code):
        assert formats.number_format(1234.5, decimal_pos=1, force_grouping=True) == expected
