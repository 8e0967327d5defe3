from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from .selectors import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    query = request.GET.get("q", "").strip()
    results = search_pages(user=request.user, query=query) if query else []
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    return TemplateResponse(
        request, "portal/search.html", {"search_query": query, "search_results": page}
    )
