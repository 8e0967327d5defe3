"""Write the demo's news, and issue No. 1 of the newsletter, with their translations."""

from portal.demo.base import DemoReport
from portal.demo.pages import site_home_page, sync_child_pages

from ..models import NewsIndexPage, NewsletterArchivePage
from .content import NEWS, NEWS_INDEX, NEWSLETTER_ARCHIVE, newsletter_issue


def load(**options) -> DemoReport:
    home = site_home_page()
    loaded = [sync_child_pages(home, (NEWS_INDEX, NEWSLETTER_ARCHIVE))]
    index = _child(home, NewsIndexPage, NEWS_INDEX)
    loaded.append(sync_child_pages(index, NEWS))
    # The issue chooses the news items that tell its stories, all but the announcement.
    chosen = [_child(index, None, data).pk for data in NEWS if not data.texts]
    archive = _child(home, NewsletterArchivePage, NEWSLETTER_ARCHIVE)
    loaded.append(sync_child_pages(archive, (newsletter_issue(chosen),)))
    return DemoReport(
        counts={
            "Slovenian pages": [o for pages in loaded for o in pages.pages],
            "Translations": [o for pages in loaded for o in pages.translations],
        }
    )


def _child(parent, model, data):
    children = parent.get_children()
    if model is not None:
        children = children.type(model)
    return children.get(slug=data.slug.sl).specific
