"""Write the demo institutions, found again by short name, and the partnership page."""

from portal.demo.base import DemoReport, sync
from portal.demo.pages import site_home_page, sync_child_pages

from ..models import Institution
from .institutions import INSTITUTIONS
from .pages import PARTNERSHIP


def load(**options) -> DemoReport:
    institutions = [
        sync(
            Institution.objects.filter(short_name=data["short_name"]).first() or Institution(), data
        )
        for data in INSTITUTIONS
    ]
    pages = sync_child_pages(site_home_page(), (PARTNERSHIP,))
    return DemoReport(
        counts={
            "Institutions": institutions,
            "Slovenian pages": pages.pages,
            "Translations": pages.translations,
        }
    )
