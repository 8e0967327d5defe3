from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from meetings.selectors import search_protocols

from .selectors import search_pages

RESULTS_PER_PAGE = 10
# Protocols found are listed above the pages, the best few only: staff search
# for a meeting they remember, and narrow the words if it is not among them.
PROTOCOL_RESULTS = 10


def search(request):
    """Pages for everyone; for staff, also the protocols of the cycles they work in."""
    query = request.GET.get("q", "").strip()
    results = search_pages(user=request.user, query=query) if query else []
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    protocols = (
        list(search_protocols(user=request.user, query=query)[:PROTOCOL_RESULTS])
        if query and request.user.is_authenticated
        else []
    )
    context = {"search_query": query, "search_results": page, "protocol_results": protocols}
    return TemplateResponse(request, "portal/search.html", context)
