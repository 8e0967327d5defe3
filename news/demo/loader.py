"""Write the demo's news index and news items, in Slovenian with their translations."""

from portal.demo.base import DemoReport
from portal.demo.pages import site_home_page, sync_child_pages

from ..models import NewsIndexPage
from .content import NEWS, NEWS_INDEX


def load(**options) -> DemoReport:
    index = sync_child_pages(site_home_page(), (NEWS_INDEX,))
    parent = site_home_page().get_children().type(NewsIndexPage).get(slug=NEWS_INDEX.slug.sl)
    items = sync_child_pages(parent.specific, NEWS)
    return DemoReport(
        counts={
            "Slovenian pages": index.pages + items.pages,
            "Translations": index.translations + items.translations,
        }
    )
