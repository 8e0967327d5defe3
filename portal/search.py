"""The portal's search: pages for everyone, and what each app adds for those who may see it.

An app adds to the one search page through hooks in its ``wagtail_hooks.py``,
as Wagtail's admin search does with ``register_admin_search_area``; the
portal knows no app's records:

- ``register_portal_search_area``: a ``SearchArea`` of records that are not
  pages (services, protocols), whose ``search`` applies the app's own rule of
  who may see what;
- ``register_portal_search_page_kind``: a ``PageKind``, page types the search
  can be narrowed to and the words that say what a result is ("News");
- ``register_portal_search_filter``: a ``SearchFilter`` that narrows the
  pages further (a guide's topic).
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from .search_terms import CleanedQuery
from .sections import registered

SEARCH_AREA_HOOK = "register_portal_search_area"
PAGE_KIND_HOOK = "register_portal_search_page_kind"
SEARCH_FILTER_HOOK = "register_portal_search_filter"

# The pages no app claims as a kind of its own: the home page, content pages, indexes.
OTHER_PAGES = "pages"


@dataclass(frozen=True)
class SearchArea:
    """Results an app adds to the search page, above the pages found.

    ``search(user=..., query=...)`` returns what ``user`` may see that matches,
    best first; the page lists the first ``limit`` under ``heading``, each
    rendered by ``template`` (which gets them as ``results`` and the words
    searched as ``query``).
    """

    name: str
    heading: str
    template: str
    search: Callable
    limit: int = 10
    order: int = 100


@dataclass(frozen=True)
class PageKind:
    """Page types that the search can be narrowed to, under ``label`` ("Practice guides")."""

    name: str
    label: str
    models: tuple
    order: int = 100


@dataclass(frozen=True)
class SearchFilter:
    """A further choice that narrows the pages found, e.g. a guide's topic.

    ``choices()`` gives the (value, label) pairs offered; ``narrow(pages, value)``
    the pages kept. While a filter is chosen only pages are searched: the areas'
    records have no such property.
    """

    name: str
    label: str
    choices: Callable
    narrow: Callable
    order: int = 100


@dataclass(frozen=True)
class SearchChoice:
    """A search as asked: the cleaned words, and at most one kind of page or one area."""

    query: CleanedQuery
    kind: PageKind | None = None
    area: SearchArea | None = None
    filters: dict = field(default_factory=dict)

    @property
    def searches_areas(self) -> bool:
        return self.kind is None and not self.filters

    @property
    def searches_pages(self) -> bool:
        return self.area is None


@dataclass(frozen=True)
class AreaResults:
    area: SearchArea
    results: list


def search_areas() -> list[SearchArea]:
    return registered(SEARCH_AREA_HOOK)


def page_kinds() -> list[PageKind]:
    """The apps' kinds of pages, then the other pages."""
    return [*registered(PAGE_KIND_HOOK), PageKind(OTHER_PAGES, _("Other pages"), ())]


def search_filters() -> list[SearchFilter]:
    return registered(SEARCH_FILTER_HOOK)


def search_area_results(*, user, query: str, areas=None) -> list[AreaResults]:
    """What each area (or each of ``areas``) found for ``user``; areas that found nothing
    are left out."""
    found = []
    for area in search_areas() if areas is None else areas:
        results = list(area.search(user=user, query=query)[: area.limit])
        if results:
            found.append(AreaResults(area=area, results=results))
    return found


def narrow_to_kind(pages, kind: PageKind):
    """``pages`` of ``kind``; for the other pages, those of no app's kind."""
    if kind.name != OTHER_PAGES:
        return pages.type(*kind.models)
    claimed = [model for other in page_kinds() for model in other.models]
    return pages.not_type(*claimed) if claimed else pages
