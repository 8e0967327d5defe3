"""Apps add areas of results to the search through a hook; the portal knows none of them."""

import pytest

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from wagtail import hooks

from accounts.factories import UserFactory
from portal.search import SEARCH_AREA_HOOK, SearchArea, search_area_results

pytestmark = pytest.mark.django_db


def _area(name, found, *, order=100, limit=10):
    """An area whose search gives ``found`` to signed-in people, and nothing to visitors."""

    def search(*, user, query):
        return [f"{query} {item}" for item in found] if user.is_authenticated else []

    return lambda: SearchArea(
        name=name,
        heading=name.title(),
        template="portal/search.html",
        search=search,
        limit=limit,
        order=order,
    )


def test_each_area_finds_what_its_own_rule_lets_the_user_see():
    with hooks.register_temporarily(SEARCH_AREA_HOOK, _area("guides", ["a", "b"])):
        visitor = search_area_results(user=AnonymousUser(), query="q")
        member = search_area_results(user=UserFactory(), query="q")

    assert [found.results for found in member if found.area.name == "guides"] == [["q a", "q b"]]
    assert visitor == []


def test_areas_that_find_nothing_are_left_out_and_the_rest_keep_their_order():
    areas = [
        (SEARCH_AREA_HOOK, _area("visits", ["x"], order=30)),
        (SEARCH_AREA_HOOK, _area("empty", [], order=20)),
        (SEARCH_AREA_HOOK, _area("guides", ["y"], order=25)),
    ]
    with hooks.register_temporarily(areas):
        found = search_area_results(user=UserFactory(), query="q")

    names = [result.area.name for result in found]
    assert names.index("guides") < names.index("visits")
    assert "empty" not in names


def test_an_area_lists_at_most_its_limit():
    with hooks.register_temporarily(SEARCH_AREA_HOOK, _area("many", list("abcdef"), limit=2)):
        found = search_area_results(user=UserFactory(), query="q")

    assert next(r.results for r in found if r.area.name == "many") == ["q a", "q b"]


def test_a_visitor_searching_gets_no_area_of_the_meetings(client, home_pages):
    with translation.override("sl"):
        response = client.get(reverse("search"), {"q": "sestanek"})

    assert response.status_code == 200
    assert response.context["area_results"] == []
