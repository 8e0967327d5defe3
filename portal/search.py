"""The portal's search: pages for everyone, and what each app adds for those who may see it.

An app adds an area of results with a function registered for the
``register_portal_search_area`` hook in its ``wagtail_hooks.py``, returning a
``SearchArea``, as Wagtail's admin search does with
``register_admin_search_area``. The area's ``search`` applies the app's own
rule of who may see what, so the portal knows no app's records.
"""

from collections.abc import Callable
from dataclasses import dataclass

from wagtail import hooks

SEARCH_AREA_HOOK = "register_portal_search_area"


@dataclass(frozen=True)
class SearchArea:
    """Results an app adds to the search page, above the pages found.

    ``search(user=..., query=...)`` returns what ``user`` may see that matches,
    best first; the page lists the first ``limit`` under ``heading``, each
    rendered by ``template`` (which gets them as ``results``).
    """

    name: str
    heading: str
    template: str
    search: Callable
    limit: int = 10
    order: int = 100


@dataclass(frozen=True)
class AreaResults:
    area: SearchArea
    results: list


def search_areas() -> list[SearchArea]:
    return sorted(
        (register() for register in hooks.get_hooks(SEARCH_AREA_HOOK)),
        key=lambda area: (area.order, area.name),
    )


def search_area_results(*, user, query: str) -> list[AreaResults]:
    """What each area found for ``user``; areas that found nothing are left out."""
    found = []
    for area in search_areas():
        results = list(area.search(user=user, query=query)[: area.limit])
        if results:
            found.append(AreaResults(area=area, results=results))
    return found
