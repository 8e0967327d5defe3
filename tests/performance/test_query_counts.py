"""Each page renders in a number of SQL queries that does not grow with what it lists.

Every page is measured at two sizes (few and many institutions, menu pages,
search results, restricted pages) and must run the same number of queries at
both; the count at the larger size is also pinned, so that a change which adds
queries to every request shows up here and is a decision, not an accident.
Each count is taken after a warm-up request (``counting``). The staff area's
pages are measured in ``test_staff_area_query_counts``.
"""

import itertools

import pytest

from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Locale, PageViewRestriction

from partners.factories import InstitutionFactory, MembershipFactory, PartnershipPageFactory
from portal.factories import StandardPageFactory

from .counting import assert_pinned, queries, url

pytestmark = pytest.mark.django_db

# Sibling pages need different slugs.
_page_numbers = itertools.count(1)

# The pinned counts. When a change makes one of them move, check that the new
# count still holds at both sizes, then update it here with the reason in the commit.
PARTNERSHIP_PAGE = 15
# With the news' section: what is public, the latest news and the upcoming activities
# (none here; test_news_query_counts counts a home page with news).
HOME_PAGE = 13
# 17, and the header's query whether the member has a staff area ("My work").
HOME_PAGE_SIGNED_IN = 18
# With the search form's topics (the knowledge base's filter) and the search of the local
# services, the one area a visitor's search runs (it finds none here).
SEARCH_PAGE = 11
STANDARD_PAGE_UNTRANSLATED = 13
STANDARD_PAGE_FULLY_TRANSLATED = 12
LOGIN_PAGE = 5
# With the languages, for each page's translations as alternates.
SITEMAP = 8


# --- Partnership page: institutions, a third of them with a logo -------------


@pytest.fixture
def partnership_url(home_pages):
    return PartnershipPageFactory(parent=home_pages["sl"]).url


def _add_institutions(count):
    for number in range(count):
        InstitutionFactory(with_logo=number % 3 == 0)


def test_partnership_page_queries_do_not_grow_with_institutions(client, partnership_url):
    _add_institutions(3)
    few = queries(client, partnership_url)

    _add_institutions(27)

    assert queries(client, partnership_url) == few


def test_partnership_page_query_count(client, partnership_url, django_assert_num_queries):
    _add_institutions(30)

    assert_pinned(client, partnership_url, PARTNERSHIP_PAGE, django_assert_num_queries)


# --- Home page: its children in the menu --------------------------------------


def _add_menu_pages(home, count):
    for _number in range(count):
        StandardPageFactory(
            parent=home, title=f"Vodnik za prakso {next(_page_numbers)}", show_in_menus=True
        )


def test_home_page_queries_do_not_grow_with_menu_pages(client, home_pages):
    _add_menu_pages(home_pages["sl"], 2)
    few = queries(client, home_pages["sl"].url)

    _add_menu_pages(home_pages["sl"], 18)

    assert queries(client, home_pages["sl"].url) == few


def test_home_page_query_count(client, home_pages, django_assert_num_queries):
    _add_menu_pages(home_pages["sl"], 20)

    assert_pinned(client, home_pages["sl"].url, HOME_PAGE, django_assert_num_queries)


# --- Home page for a member: pages restricted to groups hide menu entries -----


@pytest.fixture
def member_client(client):
    """A member of an institution with TOTP, so that MFA lets them see pages."""
    client.force_login(MembershipFactory(user__totp=True).user)
    return client


def _add_group_restricted_pages(home, count):
    for _number in range(count):
        page = StandardPageFactory(
            parent=home, title=f"Za koordinatorje {next(_page_numbers)}", show_in_menus=True
        )
        restriction = PageViewRestriction.objects.create(
            page=page, restriction_type=PageViewRestriction.GROUPS
        )
        restriction.groups.add(Group.objects.create(name=f"Koordinatorji {next(_page_numbers)}"))


def test_signed_in_home_page_queries_do_not_grow_with_restricted_pages(member_client, home_pages):
    _add_group_restricted_pages(home_pages["sl"], 1)
    few = queries(member_client, home_pages["sl"].url)

    _add_group_restricted_pages(home_pages["sl"], 9)

    assert queries(member_client, home_pages["sl"].url) == few


def test_signed_in_home_page_query_count(member_client, home_pages, django_assert_num_queries):
    _add_group_restricted_pages(home_pages["sl"], 10)

    assert_pinned(
        member_client, home_pages["sl"].url, HOME_PAGE_SIGNED_IN, django_assert_num_queries
    )


# --- Search: results on the first page of ten ---------------------------------


def _add_matching_pages(home, count):
    for _number in range(count):
        StandardPageFactory(
            parent=home,
            title=f"Socialna aktivacija v praksi {next(_page_numbers)}",
            introduction="Izkušnje koordinatorjev socialne aktivacije.",
        )


@pytest.fixture
def search_url():
    return f"{url('search')}?q=aktivacija"


def test_search_queries_do_not_grow_with_results(client, home_pages, search_url):
    _add_matching_pages(home_pages["sl"], 5)
    few = queries(client, search_url)

    # Twelve results: a full first page of ten, and a second page.
    _add_matching_pages(home_pages["sl"], 7)

    assert queries(client, search_url) == few


def test_search_query_count(client, home_pages, search_url, django_assert_num_queries):
    _add_matching_pages(home_pages["sl"], 12)

    assert_pinned(client, search_url, SEARCH_PAGE, django_assert_num_queries)


# --- Standard page: the language switcher and the page's translations --------


@pytest.fixture
def about_page(home_pages):
    return StandardPageFactory(parent=home_pages["sl"], title="O projektu", slug="o-projektu")


def _translate(page, *languages):
    for language in languages:
        translated = page.copy_for_translation(Locale.objects.get(language_code=language))
        translated.save_revision().publish()


def test_standard_page_queries_do_not_grow_with_translations(client, home_pages, about_page):
    """One language or two: the switcher reads all translations in one query."""
    few = queries(client, about_page.url)

    _translate(about_page, "hr")

    assert queries(client, about_page.url) == few


def test_fully_translated_page_saves_the_home_pages_query(client, home_pages, about_page):
    """With all three languages there is no home page to fall back to, and no query for it."""
    untranslated = queries(client, about_page.url)

    _translate(about_page, "hr", "en")

    assert queries(client, about_page.url) == untranslated - 1


def test_untranslated_standard_page_query_count(client, about_page, django_assert_num_queries):
    assert_pinned(client, about_page.url, STANDARD_PAGE_UNTRANSLATED, django_assert_num_queries)


def test_fully_translated_standard_page_query_count(
    client, home_pages, about_page, django_assert_num_queries
):
    _translate(about_page, "hr", "en")

    assert_pinned(client, about_page.url, STANDARD_PAGE_FULLY_TRANSLATED, django_assert_num_queries)


# --- Login page and sitemap ----------------------------------------------------


def test_login_page_queries_do_not_grow_with_menu_pages(client, home_pages):
    _add_menu_pages(home_pages["sl"], 2)
    few = queries(client, url("account_login"))

    _add_menu_pages(home_pages["sl"], 18)

    assert queries(client, url("account_login")) == few


def test_login_page_query_count(client, home_pages, django_assert_num_queries):
    assert_pinned(client, url("account_login"), LOGIN_PAGE, django_assert_num_queries)


def test_sitemap_queries_do_not_grow_with_pages(client, home_pages):
    _add_menu_pages(home_pages["sl"], 2)
    few = queries(client, reverse("sitemap"))

    _add_menu_pages(home_pages["hr"], 18)

    assert queries(client, reverse("sitemap")) == few


def test_sitemap_query_count(client, home_pages, django_assert_num_queries):
    _add_menu_pages(home_pages["sl"], 20)

    assert_pinned(client, reverse("sitemap"), SITEMAP, django_assert_num_queries)
