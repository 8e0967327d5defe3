from django import template

from wagtail.models import Page, Site

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
