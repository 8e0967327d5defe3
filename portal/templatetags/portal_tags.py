from django import template
from django.utils.text import capfirst

from wagtail.models import Page, Site

from portal.highlight import highlighted
from portal.languages import language_links
from portal.selectors import menu_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def get_language_links(context):
    """Language links for the page in the context, or for the current view."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    return language_links(request, page if isinstance(page, Page) else None)


@register.simple_tag(takes_context=True)
def get_menu_pages(context):
    """The main navigation of the site being read, in the active language."""
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    return menu_pages(site=site, user=request.user) if site else []


@register.filter
def highlight(text, query):
    """``text`` with the words the search for ``query`` matched marked."""
    return highlighted(str(text or ""), str(query or ""))


@register.filter
def page_kind(page):
    """What a page is, in words: "Practice guide", "News item"."""
    model = page.specific_class
    return capfirst(model._meta.verbose_name) if model else ""
