from collections import defaultdict
from functools import reduce
from operator import or_

from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page


class PortalSitemap(Sitemap):
    """Wagtail's sitemap covers one locale's tree; the portal has one per language.

    Each page lists its translations as alternates (``hreflang``), so search
    engines show a reader the page in their language. No page type overrides
    ``get_sitemap_urls``, so the base pages suffice and save the per-type
    queries of ``.specific()`` (see docs/performance.md).
    """

    def items(self):
        root = self.get_wagtail_site().root_page
        roots = root.get_translations(inclusive=True)
        in_any_tree = reduce(or_, (Q(path__startswith=r.path) for r in roots))
        return (
            Page.objects.filter(in_any_tree).live().public().order_by("path").defer_streamfields()
        )

    def _urls(self, page, protocol, domain):
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        urls, versions = [], defaultdict(list)
        for item in self.paginator.page(page).object_list.iterator():
            for url_info in item.get_sitemap_urls(self.request):
                urls.append(url_info)
                version = {"lang_code": languages[item.locale_id], "location": url_info["location"]}
                versions[item.translation_key].append(version)
                url_info["alternates"] = versions[item.translation_key]
        for url_info in urls:
            if len(url_info["alternates"]) < 2:
                del url_info["alternates"]
        last_mods = {url_info.get("lastmod") for url_info in urls}
        if last_mods and None not in last_mods:
            self.latest_lastmod = max(last_mods)
        return urls
