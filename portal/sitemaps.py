from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Wagtail's sitemap covers one locale's tree; the portal has one per language.

    No page type overrides ``get_sitemap_urls``, so the base pages suffice and
    save the per-type queries of ``.specific()`` (see docs/performance.md).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        in_any_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots))
        return (
            Page.objects.filter(in_any_tree).live().public().order_by("path").defer_streamfields()
        )
