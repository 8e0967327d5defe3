"""What the knowledge base adds to the portal's search: services, and for partner staff,
study visits found by what they learned."""

from django.utils.translation import gettext_lazy as _

from portal.search import PageKind, SearchArea, SearchFilter

from . import selectors
from .models import GuidePage, StudyVisitPage, Topic


def services_search_area() -> SearchArea:
    return SearchArea(
        name="services",
        heading=_("Local services"),
        template="knowledge_base/includes/service_results.html",
        search=selectors.services_matching,
        limit=selectors.SEARCH_LIMIT,
        order=20,
    )


def study_visits_internal_search_area() -> SearchArea:
    return SearchArea(
        name="study-visit-lessons",
        heading=_("Lessons learned on study visits"),
        template="knowledge_base/includes/visit_results.html",
        search=selectors.study_visits_internal_matching,
        limit=selectors.SEARCH_LIMIT,
        order=30,
    )


def guides_page_kind() -> PageKind:
    return PageKind(name="guides", label=_("Practice guides"), models=(GuidePage,), order=10)


def study_visits_page_kind() -> PageKind:
    return PageKind(
        name="study-visits", label=_("Study visits"), models=(StudyVisitPage,), order=20
    )


def topic_filter() -> SearchFilter:
    """A topic narrows the search to the guides about it."""
    return SearchFilter(
        name="topic",
        label=_("Topic"),
        choices=lambda: [(topic.slug, topic.name) for topic in Topic.objects.all()],
        narrow=selectors.pages_about_topic,
    )
