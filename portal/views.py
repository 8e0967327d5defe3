from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.http import urlencode

from .search import search_area_results
from .selectors import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    """Pages for everyone; above them, what each app's search area finds for the user."""
    query = request.GET.get("q", "").strip()
    results = search_pages(user=request.user, query=query) if query else []
    page = Paginator(results, RESULTS_PER_PAGE).get_page(request.GET.get("page"))
    context = {
        "search_query": query,
        "search_results": page,
        "page_query": f"{urlencode({'q': query})}&",
        "area_results": search_area_results(user=request.user, query=query) if query else [],
    }
    return TemplateResponse(request, "portal/search.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the icon is a static file."""
    return redirect(static("portal/favicon.svg"), permanent=True)
