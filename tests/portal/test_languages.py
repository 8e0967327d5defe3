import pytest

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from wagtail.models import Locale

from portal.factories import StandardPageFactory
from portal.languages import active_locale

pytestmark = pytest.mark.django_db


@pytest.fixture
def about_pages(home_pages):
    """An "about" page in Slovenian with a Croatian translation but no English one."""
    slovenian = StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")
    croatian = slovenian.copy_for_translation(Locale.objects.get(language_code="hr"))
    croatian.title = "O projektu (hr)"
    croatian.slug = "o-projektu-hr"
    croatian.save_revision().publish()
    return {"sl": slovenian, "hr": croatian}


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [("hr-HR,hr;q=0.9", "/hr/"), ("en-GB,en;q=0.8", "/en/"), ("sl", "/sl/"), ("de-AT", "/sl/")],
)
def test_root_redirects_by_accept_language_falling_back_to_slovenian(
    client, home_pages, accept_language, expected
):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected


def test_switcher_leads_to_the_translation_of_the_page(client, about_pages):
    response = client.get("/sl/o-projektu/")

    html = response.content.decode()
    assert '<a href="/hr/o-projektu-hr/" hreflang="hr" lang="hr">' in html


def test_switcher_leads_to_the_home_page_when_there_is_no_translation(client, about_pages):
    response = client.get("/sl/o-projektu/")

    assert '<a href="/en/" hreflang="en" lang="en">' in response.content.decode()


def test_hreflang_alternates_list_only_existing_translations(client, about_pages):
    html = client.get("/hr/o-projektu-hr/").content.decode()

    assert '<link rel="alternate" hreflang="sl" href="http://testserver/sl/o-projektu/">' in html
    assert '<link rel="alternate" hreflang="hr" href="http://testserver/hr/o-projektu-hr/">' in html
    assert 'hreflang="en" href="http://testserver' not in html


def test_switcher_marks_the_current_language(client, about_pages):
    html = client.get("/hr/o-projektu-hr/").content.decode()

    assert '<a href="/hr/o-projektu-hr/" hreflang="hr" lang="hr" aria-current="true">' in html


def test_switcher_on_a_view_that_is_not_a_page_keeps_the_path(client, home_pages):
    html = client.get("/hr/search/?q=aktivacija").content.decode()

    assert '<a href="/sl/search/?q=aktivacija" hreflang="sl" lang="sl">' in html


def test_the_active_locale_follows_the_language_and_is_asked_of_the_database_once(
    db, django_assert_num_queries
):
    with translation.override("hr"):
        assert active_locale().language_code == "hr"
    with translation.override("sl"):
        assert active_locale().language_code == "sl"
        slovenian = active_locale()
        with django_assert_num_queries(0):
            assert active_locale() is slovenian


def test_a_changed_locale_is_read_again(db):
    with translation.override("en"):
        english = active_locale()
        english.save()
        with CaptureQueriesContext(connection) as asked:
            assert active_locale() == english
    assert len(asked) == 1
