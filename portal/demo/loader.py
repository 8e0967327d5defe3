"""The portal's demo: the home page and the portal's own pages, in three languages."""

from .base import DemoReport
from .content import CHILDREN, HOME
from .pages import site_home_page, sync_child_pages, sync_home_page


def load(**options) -> DemoReport:
    # The home page comes first, so each child's translation finds its translated parent.
    home = sync_home_page(HOME)
    children = sync_child_pages(site_home_page(), CHILDREN)
    return DemoReport(
        counts={
            "Slovenian pages": home.pages + children.pages,
            "Translations": home.translations + children.translations,
        }
    )
