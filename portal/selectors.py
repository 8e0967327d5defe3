"""Read queries about pages."""

from wagtail.models import Page, PageViewRestriction

from .languages import active_locale
from .search import narrow_to_kind
from .search_terms import parse_search_query


def pages_visible_to(user):
    """Live pages of the active language that ``user`` may read.

    Anonymous visitors see only public pages. A signed-in person also sees
    pages restricted to logged-in users and to the groups they belong to.
    """
    pages = Page.objects.live().filter(locale=active_locale())
    if not user.is_authenticated:
        return pages.public()
    if user.is_superuser:
        return pages
    hidden = PageViewRestriction.objects.exclude(
        restriction_type=PageViewRestriction.LOGIN
    ).exclude(groups__in=user.groups.all())
    for restriction in hidden.select_related("page"):
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def search_pages(*, user, query, kind=None, filters=None):
    """Pages matching ``query`` that ``user`` may read, best match first; only those of
    ``kind`` (a ``search.PageKind``) and kept by each of ``filters`` ({filter: value}).

    ``query`` as ``search_terms.clean_search_query`` leaves it: words in double
    quotes are a phrase, and every other word must be found.
    """
    pages = pages_visible_to(user)
    if kind is not None:
        pages = narrow_to_kind(pages, kind)
    for chosen, value in (filters or {}).items():
        pages = chosen.narrow(pages, value)
    return pages.specific().search(parse_search_query(query))


def menu_pages(*, site, user):
    """The home page's children in the active language that ``user`` may read, for the menu."""
    home, locale = site.root_page, active_locale()
    if home.locale_id != locale.pk:
        # As ``localized``: the translation if it is live, else the site's own home page.
        translated = home.get_translation_or_none(locale)
        home = translated if translated is not None and translated.live else home
    return pages_visible_to(user).child_of(home).in_menu()
