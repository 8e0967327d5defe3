from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.templatetags.static import static
from django.utils.http import urlencode

from .forms import SearchForm
from .search import search_area_results
from .selectors import search_pages

RESULTS_PER_PAGE = 10


def search(request):
    """One search: the pages the person may read and, above them, what each app's area finds
    for them; narrowed to one kind of page, one area or a filter such as a guide's topic.

    The words are searched as ``clean_search_query`` leaves them: only punctuation
    searches nothing, and of a long query only the beginning is searched (the page
    says so).
    """
    form = SearchForm(request.GET)
    choice = form.chosen()
    words = choice.query.text
    pages = (
        search_pages(user=request.user, query=words, kind=choice.kind, filters=choice.filters)
        if words and choice.searches_pages
        else []
    )
    areas = [choice.area] if choice.area is not None else None
    kept = {
        name: value
        for name, value in request.GET.items()
        if name in form.fields and name not in form.errors and value
    }
    context = {
        "form": form,
        "search_query": words,
        "search_results": Paginator(pages, RESULTS_PER_PAGE).get_page(request.GET.get("page")),
        "search_shortened_message": choice.query.message,
        "page_query": f"{urlencode(kept)}&",
        "area_results": (
            search_area_results(user=request.user, query=words, areas=areas)
            if words and choice.searches_areas
            else []
        ),
        "is_narrowed": choice.kind is not None or choice.area is not None or choice.filters,
    }
    return TemplateResponse(request, "portal/search.html", context)


def favicon(request):
    """Browsers ask for /favicon.ico whatever the page links; the icon is a static file."""
    return redirect(static("portal/favicon.svg"), permanent=True)
