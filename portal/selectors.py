"""Read queries about pages."""

from wagtail.models import Page, PageViewRestriction

from .languages import active_locale


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


def search_pages(*, user, query):
    """Pages matching ``query`` that ``user`` may read, best match first."""
    return pages_visible_to(user).specific().search(query)


def menu_pages(*, site, user):
    """The home page's children in the active language that ``user`` may read, for the menu."""
    home, locale = site.root_page, active_locale()
    if home.locale_id != locale.pk:
        # As ``localized``: the translation if it is live, else the site's own home page.
        translated = home.get_translation_or_none(locale)
        home = translated if translated is not None and translated.live else home
    return pages_visible_to(user).child_of(home).in_menu()
