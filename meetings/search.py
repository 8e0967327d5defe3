"""What the meetings add to the portal's search: the protocols the searcher may see."""

from django.utils.translation import gettext_lazy as _

from portal.search import SearchArea

from . import selectors

# Staff search for a meeting they remember, and narrow the words if it is not among the first.
PROTOCOL_RESULTS = 10


def protocols_search_area() -> SearchArea:
    return SearchArea(
        name="protocols",
        heading=_("Meeting protocols"),
        template="meetings/includes/search_results.html",
        search=selectors.protocols_matching,
        limit=PROTOCOL_RESULTS,
        order=10,
    )
