"""The portal's demo: the site's address, the home page and the portal's own pages."""

from urllib.parse import urlsplit

from django.conf import settings

from wagtail.models import Site

from .base import DemoReport, sync
from .content import CHILDREN, HOME
from .pages import site_home_page, sync_child_pages, sync_home_page


def load(**options) -> DemoReport:
    site = _sync_site_address()
    # The home page comes first, so each child's translation finds its translated parent.
    home = sync_home_page(HOME)
    children = sync_child_pages(site_home_page(), CHILDREN)
    return DemoReport(
        counts={
            "Site address": [site],
            "Slovenian pages": home.pages + children.pages,
            "Translations": home.translations + children.translations,
        }
    )


def _sync_site_address():
    """The default site at the portal's address (``WAGTAILADMIN_BASE_URL``), not localhost:80.

    Wagtail builds the sitemap's and the e-mails' full addresses from it.
    """
    address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
    default_port = 443 if address.scheme == "https" else 80
    site = Site.objects.get(is_default_site=True)
    return sync(site, {"hostname": address.hostname, "port": address.port or default_port})
